import type { AuthedContext } from '../context';
import { CreditNote, CreditNoteLine, Invoice } from '../entities';
import { DocumentKind } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import { ErrorResult } from '../schema/common/error-result';
import type { IssueCreditNoteInput } from '../schema/credit-note/credit-note.inputs';
import { CreditExceedsBalanceError, InvoiceNotCreditableError } from '../schema/credit-note/credit-note.results';
import { agencyToday } from './agency.service';
import { creditableLines } from './credit-note.reads';
import { creditTotals, partOf, remainingGross, splitCredit, type CreditPart } from './credit-note.rules';
import { idempotent } from './idempotency';
import { CREDITABLE, INVOICE_TRANSITIONS, invoiceDue, statusAfterCredit } from './invoice.rules';
import { formatMoney } from './money/format';
import { add, cmp, isZero, sub } from './money/totals';
import { nextDocumentNumber, withUniqueNumber } from './numbering';
import { documentSettings } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { requireText } from './text';
import { checkTransition } from './transitions';

/**
 * Credit notes: each one reduces an issued invoice's amount due, in one transaction with its
 * number (its own gapless series), idempotent by key. The split rules are in credit-note.rules.ts.
 */

export type IssueCreditNoteOutcome = CreditNote | InvoiceNotCreditableError | CreditExceedsBalanceError;

export async function issueCreditNote(ctx: AuthedContext, input: IssueCreditNoteInput): Promise<IssueCreditNoteOutcome> {
  return withTransaction(ctx, (tx) =>
    idempotent<IssueCreditNoteOutcome>(
      tx,
      input.idempotencyKey,
      'issueCreditNote',
      input,
      async () => {
        const result = await issueInTx(tx, input);
        // a refusal is not kept under the key (see idempotent)
        return { result, remember: result instanceof ErrorResult ? null : { creditNoteId: result.id } };
      },
      async (r) => scoped(tx, CreditNote).getById(String(r.creditNoteId)),
    ),
  );
}

async function issueInTx(tx: AuthedContext, input: IssueCreditNoteInput): Promise<IssueCreditNoteOutcome> {
  const reason = requireText(input.reason, 'input.reason');
  const errors: FieldError[] = [];
  const byLines = input.invoiceLineIds != null;
  if ((input.amount == null) === !byLines) {
    errors.push({ path: 'input.amount', message: msg('validation.creditAmountOrLines') });
  }
  if (errors.length) throw new BadUserInputError(errors);
  const invoice = await scoped(tx, Invoice).getById(input.invoiceId, 'input.invoiceId', { lock: true });
  return creditInvoice(tx, invoice, {
    amount: input.amount ?? null,
    invoiceLineIds: input.invoiceLineIds ?? null,
    reason,
    issueDate: input.issueDate ?? null,
  });
}

export interface CreditRequest {
  /** gross amount to take back, split over the lines; or */
  amount: string | null;
  /** whole lines to take back */
  invoiceLineIds: string[] | null;
  reason: string;
  /** today when null */
  issueDate: string | null;
}

/**
 * Issues a credit note against `invoice` (locked by the caller, inside its transaction): checks
 * everything before any write, then writes the note and its lines, reduces the invoice's amount
 * due (total − prepayments deducted − Σ credit notes) and sets its status, and numbers the note last.
 */
export async function creditInvoice(tx: AuthedContext, invoice: Invoice, req: CreditRequest): Promise<IssueCreditNoteOutcome> {
  if (!CREDITABLE.includes(invoice.status)) return new InvoiceNotCreditableError(invoice.status);
  const today = await agencyToday(tx);
  const issueDate = req.issueDate ?? today;
  const errors: FieldError[] = [];
  if (issueDate > today) errors.push({ path: 'input.issueDate', message: msg('validation.notInFuture', { field: 'issueDate' }) });
  if (invoice.issueDate && issueDate < invoice.issueDate) {
    errors.push({ path: 'input.issueDate', message: msg('validation.creditBeforeInvoice', { date: invoice.issueDate }) });
  }
  const lines = await creditableLines(tx, invoice.id);
  let parts: CreditPart[] | null = null;
  let amount: string;
  if (req.invoiceLineIds) {
    const seen = new Set<string>();
    const chosen = req.invoiceLineIds.map((id, i) => {
      const line = lines.find((l) => l.id === id);
      const path = `input.invoiceLineIds.${i}`;
      if (!line || seen.has(id)) errors.push({ path, message: msg(line ? 'validation.creditLineTwice' : 'validation.creditLineNotOnInvoice') });
      else if (!isZero(line.creditedGross)) errors.push({ path, message: msg('validation.creditLineAlreadyCredited') });
      seen.add(id);
      return line;
    });
    if (!errors.length) parts = chosen.map((l) => partOf(l!, l!.gross));
    amount = parts ? creditTotals(parts).total : '0.00';
  } else {
    amount = req.amount!;
  }
  if (errors.length) throw new BadUserInputError(errors);

  const balance = sub(invoice.amountDue, invoice.paidAmount);
  if (cmp(amount, balance) > 0) {
    return new CreditExceedsBalanceError(formatMoney(balance, invoice.currency), formatMoney(amount, invoice.currency));
  }
  // what is left on the lines is at least the balance (total − deductions − credits ≥ amount due − paid)
  parts ??= splitCredit(lines.filter((l) => cmp(remainingGross(l), 0) > 0), amount);
  const totals = creditTotals(parts);

  const creditedAmount = add(invoice.creditedAmount, totals.total);
  const amountDue = invoiceDue(invoice.total, invoice.prepaymentDeducted, creditedAmount);
  const status = statusAfterCredit(amountDue, invoice.paidAmount);
  if (status !== invoice.status && checkTransition('Invoice', INVOICE_TRANSITIONS, invoice.status, status)) {
    throw new Error(`invoice ${invoice.id}: credit status ${invoice.status} → ${status} is not in the transition map`);
  }
  await scoped(tx, Invoice).update(invoice, { creditedAmount, amountDue, status });

  const { agency, requisites } = await documentSettings(tx);
  // in Bulgaria invoices, debit and credit notes share one continuous series (ППЗДДС art. 78)
  const sharesInvoiceSeries = agency.country === 'BG';
  const { number } = sharesInvoiceSeries
    ? await nextDocumentNumber(tx, DocumentKind.INVOICE, requisites.invoiceNumberPattern, issueDate)
    : await nextDocumentNumber(tx, DocumentKind.CREDIT_NOTE, requisites.creditNoteNumberPattern, issueDate);
  const note = await withUniqueNumber('credit_notes_number_unique', msg('errors.conflict.DUPLICATE_CREDIT_NOTE_NUMBER', { number }), () =>
    scoped(tx, CreditNote).insert({
      clientId: invoice.clientId,
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      number,
      currency: invoice.currency,
      issueDate,
      reason: req.reason,
      ...totals,
      createdById: tx.actor.userId,
    }),
  );
  await scoped(tx, CreditNoteLine).replaceChildren(
    'creditNoteId',
    note.id,
    parts.map((p, i) => ({ ...p, position: i + 1, clientId: invoice.clientId })),
  );
  return note;
}
