import type { Invoice } from '../entities';
import { InvoiceStatus } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import type { InvoiceLineInput } from '../schema/invoice/invoice.inputs';
import { add, cmp, DEFAULT_UNIT, sub, type LineDraft } from './money/totals';
import type { VatTreatment } from './money/vat';
import type { TransitionMap } from './transitions';

/** The pure rules of invoices: the status flow, what is payable and overdue, line VAT. No database. */

/**
 * Invoice states as data. Payment states (PARTIALLY_PAID, PAID) follow from the money recorded;
 * they are listed so that every status change, including those, is a lookup.
 */
export const INVOICE_TRANSITIONS: TransitionMap<InvoiceStatus> = {
  [InvoiceStatus.DRAFT]: [InvoiceStatus.ISSUED, InvoiceStatus.CANCELLED],
  [InvoiceStatus.ISSUED]: [InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.CANCELLED],
  [InvoiceStatus.PARTIALLY_PAID]: [InvoiceStatus.PAID, InvoiceStatus.ISSUED],
  [InvoiceStatus.PAID]: [InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.ISSUED],
  [InvoiceStatus.CANCELLED]: [],
};

/** States in which money may be recorded and the due date can pass. */
export const PAYABLE: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID];

/** Issued invoices: numbered, counted as invoiced, their prepayments received. */
export const ISSUED_STATUSES: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID];

/** Unpaid (or partly paid) after its due date, in the agency's `today`. */
export function isOverdue(invoice: Invoice, today: string): boolean {
  return PAYABLE.includes(invoice.status) && invoice.dueDate < today;
}

/**
 * Resolves each line's VAT rate: omitted → the agency's regime on the VAT date (auto: the dated
 * table, the reduced simplified rate, or none), null → without VAT, else as given (refused under a
 * regime without VAT).
 */
export function prepareLines(lines: InvoiceLineInput[], vat: Pick<VatTreatment, 'rate' | 'chargesVat'>): LineDraft[] {
  const errors: FieldError[] = [];
  const prepared = lines.map((l, i) => {
    const auto = l.vatRate === undefined;
    const rate = auto ? vat.rate : l.vatRate ?? null;
    if (!vat.chargesVat && rate !== null && cmp(rate, 0) > 0) {
      errors.push({ path: `input.lines.${i}.vatRate`, message: msg('validation.notVatPayer') });
    }
    return {
      description: l.description.trim(),
      quantity: l.quantity ?? '1',
      unit: l.unit?.trim() || DEFAULT_UNIT,
      unitPrice: l.unitPrice,
      vatRate: rate,
      vatRateAuto: auto,
    };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return prepared;
}

/** What a FINAL invoice deducts: the prepayments still available, at most its total, never below zero. */
export function prepaymentToDeduct(available: string, total: string): string {
  return cmp(available, 0) <= 0 ? '0.00' : cmp(available, total) > 0 ? total : available;
}

/** A prepayment received on the contract, as the FINAL deduction sees it. */
export interface PrepaymentSeen {
  /** the payment-schedule item the PREPAYMENT invoice bills, null for an advance against the whole contract */
  scheduleItemId: string | null;
  /** net received on it (payments − refunds) */
  paidAmount: string;
}

/**
 * The prepayments a FINAL invoice may deduct, before what other FINAL invoices already deducted.
 * A FINAL invoice for a schedule item bills only that item's share, which never contains the
 * shares other items billed themselves: it deducts only advances against the whole contract (a
 * PREPAYMENT with no schedule item). A FINAL invoice without an item bills the contract as a
 * whole and deducts every prepayment received.
 */
export function deductiblePrepayments(prepayments: readonly PrepaymentSeen[], finalScheduleItemId: string | null): string {
  return prepayments
    .filter((p) => finalScheduleItemId === null || p.scheduleItemId === null || p.scheduleItemId === finalScheduleItemId)
    .reduce((s, p) => add(s, p.paidAmount), '0.00');
}

/** What a FINAL invoice deducts: its deductible prepayments less what other FINAL invoices took, within its total. */
export function finalDeduction(
  prepayments: readonly PrepaymentSeen[],
  finalScheduleItemId: string | null,
  deductedByOtherFinals: string,
  total: string,
): string {
  return prepaymentToDeduct(sub(deductiblePrepayments(prepayments, finalScheduleItemId), deductedByOtherFinals), total);
}

/**
 * What the client is asked to pay on an invoice: its total less the prepayments it deducts
 * (less the credit notes issued against it, once they exist: the `credited` hook).
 */
export function invoiceDue(total: string, prepaymentDeducted: string, credited = '0.00'): string {
  return sub(sub(total, prepaymentDeducted), credited);
}

/** Whether an invoice asks for money at all: one that does not (amount due 0) is never issued. */
export function billsSomething(amountDue: string): boolean {
  return cmp(amountDue, 0) > 0;
}

/** Whether the live invoices of a contract would bill more than its total with `amountDue` added. */
export function exceedsContract(contractTotal: string, billedByLiveInvoices: string, amountDue: string): boolean {
  return cmp(add(billedByLiveInvoices, amountDue), contractTotal) > 0;
}
