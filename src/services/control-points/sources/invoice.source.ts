import { Invoice } from '../../../entities';
import { ControlPointKind, InvoiceStatus } from '../../../entities/enums';
import { t } from '../../../i18n';
import { scoped } from '../../scope';
import { registerControlPointSource } from '../registry';

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
      const found = client && !(client instanceof Error) ? client : null;
      return {
        kind: ControlPointKind.INVOICE_DUE,
        dueOn: i.dueDate,
        clientId: i.clientId,
        objectType: 'Invoice',
        objectId: i.id,
        title: t(ctx.locale, 'controlPoints.INVOICE_DUE', {
          number: i.number,
          client: found?.name ?? '',
          amountDue: i.amountDue,
          currency: i.currency,
          paidAmount: i.paidAmount,
        }),
        managerId: found ? found.ownerId : null,
      };
    });
  },
});
