import type { Invoice } from '../entities';
import { InvoiceStatus } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import type { InvoiceLineInput } from '../schema/invoice/invoice.inputs';
import { cmp, DEFAULT_UNIT, type LineDraft } from './money/totals';
import { standardVatRate } from './money/vat';
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

/** Resolves each line's VAT rate: omitted → the dated table (auto), null → without VAT, else as given. */
export function prepareLines(lines: InvoiceLineInput[], country: string, vatDate: string, vatPayer: boolean): LineDraft[] {
  const errors: FieldError[] = [];
  const prepared = lines.map((l, i) => {
    const auto = l.vatRate === undefined;
    const rate = auto ? standardVatRate(country, vatDate, vatPayer) : l.vatRate ?? null;
    if (!vatPayer && rate !== null && cmp(rate, 0) > 0) {
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
