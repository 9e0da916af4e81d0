import Decimal from 'decimal.js';
import type { Invoice } from '../entities';
import { InvoiceStatus } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import type { InvoiceLineInput } from '../schema/invoice/invoice.inputs';
import { add, cmp, DEFAULT_UNIT, lineAmounts, paymentStatus, round2, sub, sumTotals, type Basis, type LineAmounts, type LineDraft, type Totals } from './money/totals';
import { BGN_PER_EUR, bgnEquivalentRequired, type VatTreatment } from './money/vat';
import type { TransitionMap } from './transitions';

/** The pure rules of invoices: the status flow, what is payable and overdue, line VAT. No database. */

/**
 * Invoice states as data. Payment states (PARTIALLY_PAID, PAID) follow from the money recorded;
 * they are listed so that every status change, including those, is a lookup.
 */
export const INVOICE_TRANSITIONS: TransitionMap<InvoiceStatus> = {
  [InvoiceStatus.DRAFT]: [InvoiceStatus.ISSUED, InvoiceStatus.CANCELLED],
  [InvoiceStatus.ISSUED]: [InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.CANCELLED, InvoiceStatus.CREDITED],
  [InvoiceStatus.PARTIALLY_PAID]: [InvoiceStatus.PAID, InvoiceStatus.ISSUED],
  [InvoiceStatus.PAID]: [InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.ISSUED],
  [InvoiceStatus.CANCELLED]: [],
  // a credit note took back everything that was due, with nothing paid: closed, like a cancellation
  [InvoiceStatus.CREDITED]: [],
};

/** Issued invoices a credit note may reduce (the unpaid part of). */
export const CREDITABLE: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID];

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
 * What the client is asked to pay on an invoice: its total less the prepayments it deducts, less
 * the credit notes issued against it (`credited`).
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

/**
 * The most the live invoices of a contract may bill, VAT included. VAT_INCLUDED: the contract
 * amount itself. VAT_ON_TOP: the amount with VAT at `rate` (the rate of the invoice being issued)
 * added per schedule item, as each item's invoice adds it (so rounding per item never makes the
 * schedule's own invoices exceed it); the whole amount when there is no schedule. Without VAT
 * (`rate` null), the amount.
 */
export function contractTotal(contract: { amount: string; priceBasis: Basis }, items: readonly { amount: string }[], rate: string | null): string {
  if (contract.priceBasis === 'VAT_INCLUDED' || rate === null) return add(contract.amount, 0);
  const parts = items.length ? items.map((i) => i.amount) : [contract.amount];
  return parts.reduce((s, amount) => add(s, lineAmounts({ quantity: '1', unitPrice: amount, vatRate: rate }, 'VAT_ON_TOP').gross), '0.00');
}

/**
 * The status of an issued invoice after a credit note: one with something still due follows the
 * money (PAID ⇔ due > 0 and paid ≥ due); one with nothing due and nothing paid is CREDITED.
 * A credit note takes back at most the unpaid balance, so paid never exceeds due.
 */
export function statusAfterCredit(amountDue: string, paid: string): InvoiceStatus {
  if (cmp(amountDue, 0) <= 0) return InvoiceStatus.CREDITED;
  return paymentStatus(amountDue, paid) as InvoiceStatus;
}

/**
 * A Bulgarian agency's EUR invoice issued during the dual-display period shows its total in BGN
 * at the fixed rate (round half up to the cent); null otherwise.
 */
export function totalBgnEquivalent(invoice: Pick<Invoice, 'currency' | 'issueDate' | 'total'>, agencyCountry: string | null): string | null {
  if (!agencyCountry || !bgnEquivalentRequired(agencyCountry, invoice.currency, invoice.issueDate)) return null;
  return round2(new Decimal(invoice.total).times(BGN_PER_EUR));
}

/** The amounts of an invoice's lines of one VAT rate (null: without VAT), summed like the document totals. */
export interface VatGroup extends Totals {
  rate: string | null;
}

/** The lines' amounts by VAT rate, highest rate first, lines without VAT last: the VAT rows of a printed invoice. */
export function vatGroups(lines: readonly (LineAmounts & { vatRate: string | null })[]): VatGroup[] {
  const byRate = new Map<string | null, LineAmounts[]>();
  for (const l of lines) {
    const rate = l.vatRate === null ? null : new Decimal(l.vatRate).toFixed(2);
    byRate.set(rate, [...(byRate.get(rate) ?? []), l]);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : cmp(b, a)))
    .map(([rate, group]) => ({ rate, ...sumTotals(group) }));
}

/**
 * The VAT contained in what the invoice asks for, as a payment order states it («в т.ч. НДС»):
 * the VAT total when nothing is deducted; when prepayments or credit notes reduce the amount due
 * and every line has one rate, the VAT of the amount due extracted by the one rounding rule (VAT
 * included); null when nothing is charged or the rates are mixed (no single figure is right).
 */
export function vatInAmountDue(invoice: Pick<Invoice, 'total' | 'vatTotal' | 'amountDue'>, groups: readonly VatGroup[]): string | null {
  const rated = groups.filter((g) => g.rate !== null);
  if (!rated.length) return null;
  if (cmp(invoice.amountDue, invoice.total) === 0) return add(invoice.vatTotal, 0);
  if (groups.length !== 1) return null;
  return lineAmounts({ quantity: '1', unitPrice: invoice.amountDue, vatRate: rated[0].rate }, 'VAT_INCLUDED').vat;
}
