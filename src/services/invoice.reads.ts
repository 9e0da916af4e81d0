import type { AuthedContext } from '../context';
import { Invoice } from '../entities';
import { InvoiceKind, InvoiceStatus } from '../entities/enums';
import type { InvoicesArgs } from '../schema/invoice/invoice.args';
import { agencyToday } from './agency.service';
import { isOverdue, ISSUED_STATUSES, PAYABLE, type PrepaymentSeen } from './invoice.rules';
import { add } from './money/totals';
import { amountIn } from './money/vat';
import { latestFirst, matching, paginate } from './pagination';
import { projectedColumns } from '../schema/common/row-projection';
import { scoped } from './scope';

/** Invoices as read: lookups, the list, and the queries the writes need. */

/** null when missing, another agency's, or (for a portal user) a draft or another client's. */
export async function getInvoice(ctx: AuthedContext, id: string): Promise<Invoice | null> {
  return scoped(ctx, Invoice).findById(id);
}

/** Invoices visible to the actor, newest first; "overdue" in the agency's time zone. */
export async function listInvoices(ctx: AuthedContext, args: InvoicesArgs) {
  const f = args.filter;
  const qb = matching(scoped(ctx, Invoice).query('i'), 'i', { clientId: f?.clientId, contractId: f?.contractId, status: f?.statuses, kind: f?.kinds });
  if (f?.overdue != null) {
    const today = await agencyToday(ctx);
    const cond = `(i.status IN (:...payable) AND i."dueDate" < :today)`;
    qb.andWhere(f.overdue ? cond : `NOT ${cond}`, { payable: PAYABLE, today });
  }
  return paginate(qb, args, latestFirst('i', 'createdAt'), projectedColumns(ctx, Invoice));
}

/** Unpaid after its due date, by the agency's local day. */
export async function invoiceOverdue(ctx: AuthedContext, invoice: Invoice): Promise<boolean> {
  return isOverdue(invoice, await agencyToday(ctx));
}

// ---------------------------------------------------------------------------------------------
// queries for the writes (inside their transaction)

/** The item's invoice that is not CANCELLED (at most one, by a partial unique index). */
export async function liveInvoiceOf(ctx: AuthedContext, scheduleItemId: string): Promise<Invoice | null> {
  return scoped(ctx, Invoice)
    .query('i')
    .andWhere('i."scheduleItemId" = :scheduleItemId AND i.status <> :cancelled', { scheduleItemId, cancelled: InvoiceStatus.CANCELLED })
    .getOne();
}

/** The contract's issued invoices of one kind, except one. */
function issuedOfContract(tx: AuthedContext, contractId: string, kind: InvoiceKind, exceptId: string | null): Promise<Invoice[]> {
  const qb = scoped(tx, Invoice)
    .query('i')
    .andWhere('i."contractId" = :contractId AND i.kind = :kind AND i.status IN (:...st)', { contractId, kind, st: ISSUED_STATUSES });
  if (exceptId) qb.andWhere('i.id <> :exceptId', { exceptId });
  return qb.getMany();
}

/** The contract's issued PREPAYMENT invoices (the money received in advance of the work). */
export function prepaymentInvoicesOf(ctx: AuthedContext, contractId: string): Promise<Invoice[]> {
  return issuedOfContract(ctx, contractId, InvoiceKind.PREPAYMENT, null);
}

/** Prepayments received (net of refunds) on the contract's issued PREPAYMENT invoices, with the item each bills, in `currency`. */
export async function prepaymentsReceived(tx: AuthedContext, contractId: string, currency: string): Promise<PrepaymentSeen[]> {
  const rows = await issuedOfContract(tx, contractId, InvoiceKind.PREPAYMENT, null);
  return rows.map((r) => ({ scheduleItemId: r.scheduleItemId, paidAmount: amountIn(r.paidAmount, r.currency, currency) }));
}

/** Prepayments already deducted by the contract's other issued FINAL invoices. */
export async function prepaymentsDeducted(tx: AuthedContext, contractId: string, exceptId: string, currency: string): Promise<string> {
  const rows = await issuedOfContract(tx, contractId, InvoiceKind.FINAL, exceptId);
  return rows.reduce((s, r) => add(s, amountIn(r.prepaymentDeducted, r.currency, currency)), '0');
}

/** What the contract's live (issued, not cancelled) invoices bill: Σ amount due, except one. */
export async function billedOnContract(tx: AuthedContext, contractId: string, exceptId: string): Promise<string> {
  const rows = await scoped(tx, Invoice)
    .query('i')
    .andWhere('i."contractId" = :contractId AND i.status IN (:...st) AND i.id <> :exceptId', { contractId, st: ISSUED_STATUSES, exceptId })
    .getMany();
  return rows.reduce((s, r) => add(s, r.amountDue), '0.00');
}
