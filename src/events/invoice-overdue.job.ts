import { Invoice } from '../entities';
import { InvoiceStatus } from '../entities/enums';
import { registerSchedule } from '../jobs/registry';
import { agencyToday } from '../services/agency.service';
import { sub } from '../services/money/totals';
import { forEachAgencyAsOwner, scoped, withTransaction } from '../services/scope';
import { emitEvent } from './emit';
import { WebhookEventType } from './event-types';

const UNPAID = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID];

/**
 * Every agency's invoices that became overdue (unpaid after their due date, by the agency's local
 * day) and were not reported yet: each is marked and its INVOICE_OVERDUE emitted in one
 * transaction, so it is emitted exactly once, even with several workers sweeping at once (the
 * row lock and the `overdueEventAt IS NULL` guard make the second one skip it).
 */
export async function sweepOverdueInvoices(app: Parameters<typeof forEachAgencyAsOwner>[0], now: Date = new Date()): Promise<{ agencies: number; emitted: number; failed: number }> {
  let emitted = 0;
  const run = await forEachAgencyAsOwner(app, 'events.invoice-overdue', async (ctx) => {
    const today = await agencyToday(ctx, now);
    const due = await scoped(ctx, Invoice)
      .query('i')
      .select('i.id')
      .andWhere('i.status IN (:...unpaid) AND i."dueDate" < :today AND i."overdueEventAt" IS NULL', { unpaid: UNPAID, today })
      .orderBy('i."dueDate"')
      .addOrderBy('i.id')
      .getMany();
    for (const { id } of due) {
      const sent = await withTransaction(ctx, async (tx) => {
        const invoice = await scoped(tx, Invoice).findById(id, { lock: true });
        if (!invoice || invoice.overdueEventAt || !UNPAID.includes(invoice.status) || invoice.dueDate >= today) return false;
        await scoped(tx, Invoice).update(invoice, { overdueEventAt: now });
        await emitEvent(
          tx,
          WebhookEventType.INVOICE_OVERDUE,
          {
            invoiceId: invoice.id,
            number: invoice.number,
            clientId: invoice.clientId,
            dueDate: invoice.dueDate,
            currency: invoice.currency,
            total: invoice.total,
            balanceDue: sub(invoice.amountDue, invoice.paidAmount),
          },
          now,
        );
        return true;
      });
      if (sent) emitted++;
    }
  });
  return { agencies: run.agencies, emitted, failed: run.failed };
}

/** Hourly at minute 7: agencies' days begin at different UTC hours. */
export const invoiceOverdueSchedule = registerSchedule({
  kind: 'events.invoice-overdue',
  cron: '7 * * * *',
  run: (app) => sweepOverdueInvoices(app),
});
