import { Invoice } from '../../../entities';
import { InvoiceStatus } from '../../../entities/enums';
import { scoped } from '../../scope';
import { ControlPointKind, registerControlPointSource } from '../registry';

// Invoice expiry / payment due date: every issued invoice with a balance left.
registerControlPointSource({
  kinds: [ControlPointKind.INVOICE_DUE],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Invoice)
      .query('i')
      .andWhere('i.status IN (:...st)', { st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID] });
    if (q.dueBefore) qb.andWhere('i."dueDate" <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.clientId) qb.andWhere('i."clientId" = :clientId', { clientId: q.clientId });
    const rows = await qb.getMany();
    const clients = await ctx.loaders.clientById.loadMany(rows.map((r) => r.clientId));
    return rows.map((i, n) => {
      const client = clients[n];
      return {
        kind: ControlPointKind.INVOICE_DUE,
        dueOn: i.dueDate,
        clientId: i.clientId,
        objectType: 'Invoice',
        objectId: i.id,
        title: `Invoice ${i.number}: ${i.amountDue} ${i.currency} due, ${i.paidAmount} paid`,
        managerId: client && !(client instanceof Error) ? client.ownerId : null,
      };
    });
  },
});
