import { ErrorResult } from '../schema/common/error-result';
import type { AuthedContext } from '../context';
import { Act, Client, Contract, ContractPaymentItem, Invoice, InvoiceLine, Payment } from '../entities';
import { ActStatus, DealStage, DocumentKind, InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod, PriceBasis, RejectionReason } from '../entities/enums';
import { BadUserInputError, FieldError, isUniqueViolation } from '../errors';
import { msg } from '../i18n';
import { childRowsOf } from '../loaders';
import { IllegalTransitionError } from '../schema/common/error-results';
import type {
  CancelInvoiceInput,
  CreateInvoiceInput,
  InvoiceLineInput,
  IssueInvoiceInput,
  RecordPaymentInput,
  RefundPaymentInput,
} from '../schema/invoice/invoice.inputs';
import {
  ContractTotalExceededError,
  EmptyInvoiceError,
  InvoiceAlreadyPaidError,
  InvoiceHasPaymentsError,
  InvoiceHasCreditNotesError,
  InvoiceInActError,
  InvoiceNotPayableError,
  InvoiceOverpaymentError,
  NothingToBillError,
  RefundExceedsPaymentError,
} from '../schema/invoice/invoice.results';
import { agencyToday } from './agency.service';
import { advanceDeal } from './deal-automation';
import { DuplicateError, winnerOfRace } from './duplicates';
import { idempotent } from './idempotency';
import { billedOnContract, liveInvoiceOf, prepaymentsDeducted, prepaymentsReceived } from './invoice.reads';
import { billsSomething, contractTotal, exceedsContract, finalDeduction, INVOICE_TRANSITIONS, invoiceDue, PAYABLE, prepareLines } from './invoice.rules';
import { scheduleItemsOf } from './contract.reads';
import { add, cmp, draftOf, isZero, lineAmounts, netPaid, paymentStatus, priceLines, sub, sumTotals, type LineDraft } from './money/totals';
import { formatMoney } from './money/format';
import { amountIn, currencyAllowed, legacyBgnInEur } from './money/vat';
import { assignDocumentNumber } from './numbering';
import { documentSettings, vatTreatmentOn } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { requireText, trimOrNull } from './text';
import { creditInvoice } from './credit-note.service';
import { loseDealIfAllowed } from './deal.service';
import { localDate } from './time';
import { checkTransition, transitionRow } from './transitions';

/**
 * Invoice and payment mutations, each one transaction (money ones idempotent by key). The pure
 * rules (status flow, line VAT) are in invoice.rules.ts, the reads in invoice.reads.ts.
 */

export type RecordPaymentOutcome = Invoice | IllegalTransitionError | InvoiceOverpaymentError | InvoiceNotPayableError | InvoiceAlreadyPaidError;
export type RefundOutcome = Invoice | RefundExceedsPaymentError | InvoiceNotPayableError;
export type IssueOutcome = Invoice | IllegalTransitionError | EmptyInvoiceError | NothingToBillError | ContractTotalExceededError;
export type CancelOutcome = Invoice | IllegalTransitionError | InvoiceHasPaymentsError | InvoiceInActError | InvoiceHasCreditNotesError;

/**
 * A money mutation in one transaction, at most once per idempotency key: an invoice is
 * remembered by id, an error result whole, and a retry answers the same.
 */
function onceInTransaction<R extends Invoice | ErrorResult>(
  ctx: AuthedContext,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: (tx: AuthedContext) => Promise<R>,
): Promise<R> {
  return withTransaction(ctx, (tx) =>
    idempotent<R>(
      tx,
      key,
      operation,
      input,
      async () => {
        const result = await run(tx);
        // a refusal is not kept under the key (see idempotent)
        return { result, remember: result instanceof ErrorResult ? null : { invoiceId: (result as Invoice).id } };
      },
      async (r) => (await scoped(tx, Invoice).getById(String(r.invoiceId))) as R,
    ),
  );
}

/** Writes the lines with their amounts and returns the document totals (the one rounding rule). */
async function writeLines(tx: AuthedContext, invoice: Invoice, lines: LineDraft[]) {
  const amounts = lines.map((l) => lineAmounts(l, invoice.priceBasis));
  await scoped(tx, InvoiceLine).replaceChildren('invoiceId', invoice.id, lines.map((l, i) => ({ ...l, ...amounts[i], position: i + 1, clientId: invoice.clientId })));
  return sumTotals(amounts);
}

const SCHEDULE_ITEM_INVOICE_INDEX = 'invoices_schedule_item_live_unique';

function scheduleItemInvoiced(existingId: string | null): DuplicateError {
  return new DuplicateError(
    'SCHEDULE_ITEM_INVOICED',
    msg('errors.conflict.SCHEDULE_ITEM_INVOICED'),
    'input.scheduleItemId',
    existingId,
  );
}

/** A draft invoice: lines, VAT preview and totals; no number. */
export async function createInvoice(ctx: AuthedContext, input: CreateInvoiceInput): Promise<Invoice> {
  try {
    return await onceInTransaction(ctx, input.idempotencyKey, 'createInvoice', input, (tx) => createInvoiceInTx(tx, input));
  } catch (err) {
    // a concurrent request invoiced the item first: only the unique index saw it
    if (!input.scheduleItemId || !isUniqueViolation(err, SCHEDULE_ITEM_INVOICE_INDEX)) throw err;
    throw scheduleItemInvoiced(await winnerOfRace(ctx, async () => (await liveInvoiceOf(ctx, input.scheduleItemId!))?.id ?? null));
  }
}

async function createInvoiceInTx(tx: AuthedContext, input: CreateInvoiceInput): Promise<Invoice> {
  const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
  const { agency, requisites } = await documentSettings(tx);
  const today = localDate(new Date(), agency.timeZone);
  const vatDate = input.supplyDate ?? today;
  const errors: FieldError[] = [];
  if (!currencyAllowed(agency.country, input.currency, vatDate)) {
    errors.push({ path: 'input.currency', message: msg('validation.bgnAfterEuro') });
  }
  if (input.dueDate < vatDate && input.supplyDate) {
    errors.push({ path: 'input.dueDate', message: msg('validation.dueBeforeSupply') });
  }

  let contract: Contract | null = null;
  let item: ContractPaymentItem | null = null;
  if (input.contractId) {
    contract = await scoped(tx, Contract).getById(input.contractId, 'input.contractId');
    if (contract.clientId !== client.id) errors.push({ path: 'input.contractId', message: msg('validation.contractOfOtherClient') });
    // a BGN contract signed before the euro changeover is invoiced in EUR from then (converted at the fixed rate)
    if (contract.currency !== input.currency && !legacyBgnInEur(agency.country, contract.currency, input.currency, vatDate)) {
      errors.push({ path: 'input.currency', message: msg('validation.contractCurrency', { currency: contract.currency }) });
    }
  }
  if (input.scheduleItemId) {
    if (!contract) {
      errors.push({ path: 'input.scheduleItemId', message: msg('validation.scheduleItemNeedsContract') });
    } else {
      item = await scoped(tx, ContractPaymentItem).getById(input.scheduleItemId, 'input.scheduleItemId');
      if (item.contractId !== contract.id) errors.push({ path: 'input.scheduleItemId', message: msg('validation.scheduleItemOfOtherContract') });
    }
  }
  const kind = input.kind ?? (item?.isPrepayment ? InvoiceKind.PREPAYMENT : InvoiceKind.STANDARD);
  if ((kind === InvoiceKind.PREPAYMENT || kind === InvoiceKind.FINAL) && !contract) {
    errors.push({ path: 'input.contractId', message: msg('validation.invoiceKindNeedsContract', { kind }) });
  }
  if (!input.lines?.length && !item) errors.push({ path: 'input.lines', message: msg('validation.invoiceLineRequired') });
  if (input.replacesInvoiceId) {
    const replaced = await scoped(tx, Invoice).getById(input.replacesInvoiceId, 'input.replacesInvoiceId');
    if (replaced.status !== InvoiceStatus.CANCELLED || replaced.clientId !== client.id) {
      errors.push({ path: 'input.replacesInvoiceId', message: msg('validation.replaceOnlyCancelled') });
    }
  }
  if (errors.length) throw new BadUserInputError(errors);
  if (item) {
    const live = await liveInvoiceOf(tx, item.id);
    if (live) throw scheduleItemInvoiced(live.id);
  }

  const lineInputs: InvoiceLineInput[] = input.lines?.length
    ? input.lines
    : [
        {
          description: `${item!.label}${contract?.number ? ` по договору № ${contract.number}` : ''}: ${contract!.subject}`.slice(0, 1000),
          quantity: '1',
          unitPrice: amountIn(item!.amount, contract!.currency, input.currency),
        } as InvoiceLineInput,
      ];
  const vat = await vatTreatmentOn(tx, vatDate, { agency, requisites });
  const lines = prepareLines(lineInputs, vat);
  const invoice = await scoped(tx, Invoice).insert({
    clientId: client.id,
    contractId: contract?.id ?? null,
    scheduleItemId: item?.id ?? null,
    kind,
    status: InvoiceStatus.DRAFT,
    // a contract's invoice prices as the contract does (a schedule item of a VAT-inclusive contract totals the item amount)
    priceBasis: contract?.priceBasis ?? PriceBasis.VAT_ON_TOP,
    currency: input.currency,
    dueDate: input.dueDate,
    supplyDate: input.supplyDate ?? null,
    notes: trimOrNull(input.notes),
    vatExemptionNote: vat.exemptionNote,
    replacesInvoiceId: input.replacesInvoiceId ?? null,
    createdById: tx.actor.userId,
  });
  const totals = await writeLines(tx, invoice, lines);
  return scoped(tx, Invoice).update(invoice, { ...totals, amountDue: totals.total });
}

/**
 * Issues a draft: the legal number (gapless, from the agency pattern), the issue date, VAT rates
 * re-read for the supply date, totals, and for a FINAL invoice the prepayments deducted. After
 * this the invoice is immutable.
 */
export async function issueInvoice(ctx: AuthedContext, input: IssueInvoiceInput): Promise<IssueOutcome> {
  return onceInTransaction<IssueOutcome>(ctx, input.idempotencyKey, 'issueInvoice', input, (tx) => issueInTx(tx, input));
}

async function issueInTx(tx: AuthedContext, input: IssueInvoiceInput): Promise<IssueOutcome> {
  return transitionRow(tx, Invoice, input.id, INVOICE_TRANSITIONS, InvoiceStatus.ISSUED, (invoice) => issueDraft(tx, invoice, input));
}

async function issueDraft(tx: AuthedContext, invoice: Invoice, input: IssueInvoiceInput): Promise<IssueOutcome> {
  const { agency, requisites } = await documentSettings(tx);
  const issueDate = input.issueDate ?? localDate(new Date(), agency.timeZone);
  const vatDate = invoice.supplyDate ?? issueDate;
  const errors: FieldError[] = [];
  if (invoice.dueDate < issueDate) errors.push({ path: 'input.issueDate', message: msg('validation.dueBeforeIssue', { date: invoice.dueDate }) });
  if (!currencyAllowed(agency.country, invoice.currency, vatDate) || !currencyAllowed(agency.country, invoice.currency, issueDate)) {
    errors.push({ path: 'input.issueDate', message: msg('validation.bgnAfterEuro') });
  }
  if (errors.length) throw new BadUserInputError(errors);

  const stored = await childRowsOf(tx, InvoiceLine, 'invoiceId', [invoice.id], ['position']);
  // rates from the dated table are fixed now, for the supply date; lines are rewritten only if one changed
  const vat = await vatTreatmentOn(tx, vatDate, { agency, requisites });
  // a rate typed on a line while the agency charged VAT is refused once its regime on this date charges none
  if (!vat.chargesVat && stored.some((l) => !l.vatRateAuto && l.vatRate !== null && cmp(l.vatRate, 0) > 0)) {
    throw new BadUserInputError([{ path: 'input.issueDate', message: msg('validation.notVatPayer') }]);
  }
  const rateNow = vat.rate;
  const changed = stored.some((l) => l.vatRateAuto && l.vatRate !== rateNow);
  const { lines, totals } = priceLines(stored.map(draftOf), rateNow, invoice.priceBasis);
  // every check before any write: a refused issue leaves the draft exactly as it was
  if (cmp(totals.total, 0) <= 0) {
    return new EmptyInvoiceError();
  }
  let prepaymentDeducted = '0.00';
  if (invoice.kind === InvoiceKind.FINAL && invoice.contractId) {
    // only prepayments this invoice bills again, and never what earlier FINAL invoices already deducted
    // in the invoice's currency: a 2025 BGN prepayment counts in EUR on a 2026 invoice of a legacy BGN contract
    const received = await prepaymentsReceived(tx, invoice.contractId, invoice.currency);
    const deducted = await prepaymentsDeducted(tx, invoice.contractId, invoice.id, invoice.currency);
    prepaymentDeducted = finalDeduction(received, invoice.scheduleItemId, deducted, totals.total);
  }
  const amountDue = invoiceDue(totals.total, prepaymentDeducted);
  if (!billsSomething(amountDue)) {
    return new NothingToBillError();
  }
  if (invoice.contractId) {
    // the live invoices of a contract never bill more than its total
    const contract = await scoped(tx, Contract).getById(invoice.contractId);
    const billed = await billedOnContract(tx, contract.id, invoice.id);
    const ceiling = contractTotal(contract, await scheduleItemsOf(tx, contract.id), rateNow);
    if (exceedsContract(ceiling, billed, amountDue)) {
      return new ContractTotalExceededError(formatMoney(ceiling, invoice.currency), formatMoney(billed, invoice.currency), formatMoney(amountDue, invoice.currency));
    }
  }
  if (changed) await writeLines(tx, invoice, lines);
  const saved = await scoped(tx, Invoice).update(invoice, {
    ...totals,
    prepaymentDeducted,
    amountDue,
    issueDate,
    issuedAt: new Date(),
    status: InvoiceStatus.ISSUED,
    vatExemptionNote: vat.exemptionNote,
  });
  // the number last: the counter row stays locked until commit, so hold it as briefly as possible
  saved.number = await assignDocumentNumber(
    tx,
    { table: 'invoices', id: saved.id },
    DocumentKind.INVOICE,
    requisites.invoiceNumberPattern,
    issueDate,
  );
  return saved;
}

/** Cancels a draft, or an issued invoice on which nothing (net) is paid. The number stays used. */
export async function cancelInvoice(ctx: AuthedContext, input: CancelInvoiceInput): Promise<CancelOutcome> {
  return withTransaction(ctx, async (tx) => {
    const invoice = await scoped(tx, Invoice).getById(input.id, 'input.id', { lock: true });
    const reason = input.reason.trim();
    if (!reason) throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.notEmpty', { field: 'reason' }) }]);
    if (!isZero(invoice.paidAmount)) {
      return new InvoiceHasPaymentsError(invoice.paidAmount);
    }
    // credit notes are issued documents of their own: the invoice they reduce stays
    if (!isZero(invoice.creditedAmount)) return new InvoiceHasCreditNotesError(invoice.creditedAmount);
    const illegal = checkTransition('Invoice', INVOICE_TRANSITIONS, invoice.status, InvoiceStatus.CANCELLED);
    if (illegal) return illegal;
    const act = await scoped(tx, Act)
      .query('a')
      .andWhere(':id = ANY(a."invoiceIds") AND a.status <> :draft', { id: invoice.id, draft: ActStatus.DRAFT })
      .getOne();
    if (act) {
      return new InvoiceInActError(act.number);
    }
    return scoped(tx, Invoice).update(invoice, { status: InvoiceStatus.CANCELLED, cancelledAt: new Date(), cancelReason: reason });
  });
}

async function refreshPaid(tx: AuthedContext, invoice: Invoice): Promise<Invoice> {
  const movements = await scoped(tx, Payment).query('p').andWhere('p."invoiceId" = :id', { id: invoice.id }).getMany();
  const paid = netPaid(movements);
  const status = paymentStatus(invoice.amountDue, paid) as InvoiceStatus;
  if (status !== invoice.status && checkTransition('Invoice', INVOICE_TRANSITIONS, invoice.status, status)) {
    throw new Error(`invoice ${invoice.id}: payment status ${invoice.status} → ${status} is not in the transition map`);
  }
  return scoped(tx, Invoice).update(invoice, { paidAmount: paid, status });
}

/** Records money received; overpayment is refused. The first payment on a deal moves it to DELIVERY. */
export async function recordPayment(ctx: AuthedContext, input: RecordPaymentInput): Promise<RecordPaymentOutcome> {
  return onceInTransaction<RecordPaymentOutcome>(ctx, input.idempotencyKey, 'recordPayment', input, (tx) => recordPaymentInTx(tx, input));
}

async function recordPaymentInTx(tx: AuthedContext, input: RecordPaymentInput): Promise<RecordPaymentOutcome> {
  const invoice = await scoped(tx, Invoice).getById(input.invoiceId, 'input.invoiceId', { lock: true });
  if (invoice.status === InvoiceStatus.PAID) {
    return new InvoiceAlreadyPaidError(invoice.paidAmount);
  }
  if (!PAYABLE.includes(invoice.status)) {
    return new InvoiceNotPayableError(invoice.status);
  }
  const today = await agencyToday(tx);
  if (input.paidAt > today) throw new BadUserInputError([{ path: 'input.paidAt', message: msg('validation.notInFuture', { field: 'paidAt' }) }]);
  const balanceDue = sub(invoice.amountDue, invoice.paidAmount);
  if (cmp(input.amount, balanceDue) > 0) {
    return new InvoiceOverpaymentError(balanceDue, formatMoney(input.amount, invoice.currency));
  }
  const firstOnContract = invoice.contractId ? await isFirstPaymentOnContract(tx, invoice.contractId) : false;
  await scoped(tx, Payment).insert({
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    kind: PaymentKind.PAYMENT,
    amount: input.amount,
    paidAt: input.paidAt,
    method: input.method ?? PaymentMethod.BANK_TRANSFER,
    reference: trimOrNull(input.reference),
    note: trimOrNull(input.note),
    actorId: tx.actor.userId,
  });
  const saved = await refreshPaid(tx, invoice);
  if (firstOnContract) {
    const contract = await scoped(tx, Contract).findById(invoice.contractId!);
    await advanceDeal(tx, contract?.dealId ?? null, DealStage.DELIVERY, 'first payment received');
  }
  return saved;
}

async function isFirstPaymentOnContract(tx: AuthedContext, contractId: string): Promise<boolean> {
  const count = await scoped(tx, Payment)
    .query('p')
    .innerJoin(Invoice, 'i', 'i.id = p."invoiceId"')
    .andWhere('i."contractId" = :contractId AND p.kind = :kind', { contractId, kind: PaymentKind.PAYMENT })
    .getCount();
  return count === 0;
}

/**
 * Returns money to the client (e.g. a prepayment when the client withdraws): the invoice's
 * balance reopens by the refunded amount.
 */
export async function refundPayment(ctx: AuthedContext, input: RefundPaymentInput): Promise<RefundOutcome> {
  return onceInTransaction<RefundOutcome>(ctx, input.idempotencyKey, 'refundPayment', input, (tx) => refundInTx(tx, input));
}

async function refundInTx(tx: AuthedContext, input: RefundPaymentInput): Promise<RefundOutcome> {
  const payment = await scoped(tx, Payment).getById(input.paymentId, 'input.paymentId');
  if (payment.kind !== PaymentKind.PAYMENT) {
    throw new BadUserInputError([{ path: 'input.paymentId', message: msg('validation.refundOfRefund') }]);
  }
  const withdrawal = input.creditRemainder === true;
  const reason = withdrawal ? requireText(input.reason, 'input.reason') : trimOrNull(input.reason);
  const invoice = await scoped(tx, Invoice).getById(payment.invoiceId, 'input.paymentId', { lock: true });
  if (invoice.status === InvoiceStatus.CANCELLED || invoice.status === InvoiceStatus.DRAFT) {
    return new InvoiceNotPayableError(invoice.status);
  }
  const refunds = await scoped(tx, Payment).query('p').andWhere('p."refundOfId" = :id', { id: payment.id }).getMany();
  const refundable = sub(payment.amount, refunds.reduce((s, r) => add(s, r.amount), '0'));
  const amount = input.amount ?? refundable;
  if (cmp(amount, refundable) > 0 || isZero(refundable)) {
    return new RefundExceedsPaymentError(refundable);
  }
  const today = await agencyToday(tx);
  const paidAt = input.paidAt ?? today;
  if (paidAt > today) throw new BadUserInputError([{ path: 'input.paidAt', message: msg('validation.notInFuture', { field: 'paidAt' }) }]);
  if (paidAt < payment.paidAt) throw new BadUserInputError([{ path: 'input.paidAt', message: msg('validation.refundBeforePayment') }]);
  await scoped(tx, Payment).insert({
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    kind: PaymentKind.REFUND,
    amount,
    paidAt,
    method: payment.method,
    refundOfId: payment.id,
    note: reason,
    actorId: tx.actor.userId,
  });
  const refunded = await refreshPaid(tx, invoice);
  if (!withdrawal) return refunded;
  return withdrawClient(tx, refunded, reason!, paidAt, input.lossReason ?? RejectionReason.OTHER);
}

/**
 * The client withdraws (refundPayment with creditRemainder): a credit note dated with the refund
 * takes back what is still unpaid, so nothing stays outstanding (CREDITED with nothing paid, PAID
 * for what was kept), and the contract's deal is closed LOST with the reason.
 */
async function withdrawClient(tx: AuthedContext, invoice: Invoice, reason: string, date: string, lossReason: RejectionReason): Promise<Invoice> {
  const balance = sub(invoice.amountDue, invoice.paidAmount);
  let saved = invoice;
  if (cmp(balance, 0) > 0) {
    const note = await creditInvoice(tx, invoice, { amount: balance, invoiceLineIds: null, reason, issueDate: date });
    // the refund just reopened exactly this balance on an issued invoice: a refusal here is a bug
    if (note instanceof ErrorResult) throw new Error(`withdrawal credit refused: ${note.code}`);
    saved = await scoped(tx, Invoice).getById(invoice.id);
  }
  const contract = invoice.contractId ? await scoped(tx, Contract).findById(invoice.contractId) : null;
  if (contract?.dealId) await loseDealIfAllowed(tx, contract.dealId, lossReason, reason);
  return saved;
}
