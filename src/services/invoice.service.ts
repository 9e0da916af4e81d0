import type { AuthedContext, } from '../context';
import { getOwnAgency } from './agency.service';
import { Act, Client, Contract, ContractPaymentItem, Invoice, InvoiceLine, Payment } from '../entities';
import { ActStatus, DealStage, DocumentKind, InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod } from '../entities/enums';
import { BadUserInputError, FieldError, isUniqueViolation} from '../errors';
import type {
  CancelInvoiceInput,
  CreateInvoiceInput,
  InvoiceLineInput,
  IssueInvoiceInput,
  RecordPaymentInput,
  RefundPaymentInput,
} from '../schema/invoice/invoice.inputs';
import type { InvoicesArgs } from '../schema/invoice/invoice.args';
import { advanceDeal } from './deal-automation';
import { DuplicateError, winnerOfRace } from './duplicates';
import { idempotent } from './idempotency';
import { add, cmp, isZero, lineAmounts, netPaid, paymentStatus, sub, sumTotals } from './money/totals';
import { currencyAllowed, standardVatRate } from './money/vat';
import { assignDocumentNumber } from './numbering';
import { paginate } from './pagination';
import { documentSettings } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { localDate } from './time';
import { checkTransition, TransitionMap } from './transitions';
import { ErrorResult } from '../schema/common/error-result';
import { IllegalTransitionError } from '../schema/common/error-results';
import {
  EmptyInvoiceError,
  InvoiceHasPaymentsError,
  InvoiceInActError,
  InvoiceNotPayableError,
  InvoiceOverpaymentError,
  RefundExceedsPaymentError,
} from '../schema/invoice/invoice.results';
import { msg } from '../i18n';

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

const PAYABLE = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID];

export type RecordPaymentOutcome = Invoice | IllegalTransitionError | InvoiceOverpaymentError | InvoiceNotPayableError;
export type RefundOutcome = Invoice | RefundExceedsPaymentError | InvoiceNotPayableError;
export type IssueOutcome = Invoice | IllegalTransitionError | EmptyInvoiceError;
export type CancelOutcome = Invoice | IllegalTransitionError | InvoiceHasPaymentsError | InvoiceInActError;

async function agencyOf(ctx: AuthedContext) {
  return getOwnAgency(ctx);
}

/** The agency's "today", for issue dates, due checks and overdue flags. */
export async function agencyToday(ctx: AuthedContext, now: Date = new Date()): Promise<string> {
  return localDate(now, (await agencyOf(ctx)).timeZone);
}

interface PreparedLine {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  vatRate: string | null;
  vatRateAuto: boolean;
}

/** Resolves each line's VAT rate: omitted → the dated table (auto), null → without VAT, else as given. */
function prepareLines(lines: InvoiceLineInput[], country: string, vatDate: string, vatPayer: boolean): PreparedLine[] {
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
      unit: l.unit?.trim() || 'усл.',
      unitPrice: l.unitPrice,
      vatRate: rate,
      vatRateAuto: auto,
    };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return prepared;
}

/** Writes the lines with their amounts and returns the document totals (the one rounding rule). */
async function writeLines(tx: AuthedContext, invoice: Invoice, lines: PreparedLine[]) {
  const amounts = lines.map((l) => lineAmounts(l));
  await scoped(tx, InvoiceLine).replaceChildren('invoiceId', invoice.id, lines.map((l, i) => ({ ...l, ...amounts[i], position: i + 1, clientId: invoice.clientId })));
  return sumTotals(amounts);
}

/** A draft invoice: lines, VAT preview and totals; no number. */
export async function createInvoice(ctx: AuthedContext, input: CreateInvoiceInput): Promise<Invoice> {
  try {
    return await createInvoiceOnce(ctx, input);
  } catch (err) {
    // a concurrent request invoiced the item first: only the unique index saw it
    if (!input.scheduleItemId || !isUniqueViolation(err, SCHEDULE_ITEM_INVOICE_INDEX)) throw err;
    throw scheduleItemInvoiced(await winnerOfRace(ctx, async () => (await liveInvoiceOf(ctx, input.scheduleItemId!))?.id ?? null));
  }
}

const SCHEDULE_ITEM_INVOICE_INDEX = 'invoices_schedule_item_live_unique';

function scheduleItemInvoiced(existingId: string | null): DuplicateError {
  return new DuplicateError(
    'SCHEDULE_ITEM_INVOICED',
    'This payment-schedule item is already invoiced; cancel that invoice before making another',
    'input.scheduleItemId',
    existingId,
  );
}

/** The item's invoice that is not CANCELLED (at most one, by a partial unique index). */
async function liveInvoiceOf(ctx: AuthedContext, scheduleItemId: string): Promise<Invoice | null> {
  return scoped(ctx, Invoice)
    .query('i')
    .andWhere('i."scheduleItemId" = :scheduleItemId AND i.status <> :cancelled', { scheduleItemId, cancelled: InvoiceStatus.CANCELLED })
    .getOne();
}

async function createInvoiceOnce(ctx: AuthedContext, input: CreateInvoiceInput): Promise<Invoice> {
  return withTransaction(ctx, (tx) => {
    return idempotent(
      tx,
      input.idempotencyKey,
      'createInvoice',
      input,
      async () => {
        const invoice = await createInvoiceInTx(tx, input);
        return { result: invoice, remember: { invoiceId: invoice.id } };
      },
      async (r) => scoped(tx, Invoice).getById(String(r.invoiceId)),
    );
  });
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
    if (contract.currency !== input.currency) errors.push({ path: 'input.currency', message: msg('validation.contractCurrency', { currency: contract.currency }) });
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
          unitPrice: item!.amount,
        } as InvoiceLineInput,
      ];
  const lines = prepareLines(lineInputs, agency.country, vatDate, requisites.vatPayer);
  const invoice = await scoped(tx, Invoice).insert({
    clientId: client.id,
    contractId: contract?.id ?? null,
    scheduleItemId: item?.id ?? null,
    kind,
    status: InvoiceStatus.DRAFT,
    currency: input.currency,
    dueDate: input.dueDate,
    supplyDate: input.supplyDate ?? null,
    notes: input.notes?.trim() || null,
    replacesInvoiceId: input.replacesInvoiceId ?? null,
    createdById: tx.actor.userId,
  });
  const totals = await writeLines(tx, invoice, lines);
  return scoped(tx, Invoice).update(invoice, { ...totals, amountDue: totals.total });
}

/** Prepayments received (net of refunds) on the contract's issued PREPAYMENT invoices. */
async function prepaymentsReceived(tx: AuthedContext, contractId: string): Promise<string> {
  const rows = await scoped(tx, Invoice)
    .query('i')
    .andWhere('i."contractId" = :contractId AND i.kind = :kind AND i.status IN (:...st)', {
      contractId,
      kind: InvoiceKind.PREPAYMENT,
      st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID],
    })
    .getMany();
  return rows.reduce((s, r) => add(s, r.paidAmount), '0');
}

/** Prepayments already deducted by the contract's other issued FINAL invoices. */
async function prepaymentsDeducted(tx: AuthedContext, contractId: string, exceptId: string): Promise<string> {
  const rows = await scoped(tx, Invoice)
    .query('i')
    .andWhere('i."contractId" = :contractId AND i.kind = :kind AND i.id <> :exceptId AND i.status IN (:...st)', {
      contractId,
      kind: InvoiceKind.FINAL,
      exceptId,
      st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID],
    })
    .getMany();
  return rows.reduce((s, r) => add(s, r.prepaymentDeducted), '0');
}

/**
 * Issues a draft: the legal number (gapless, from the agency pattern), the issue date, VAT rates
 * re-read for the supply date, totals, and for a FINAL invoice the prepayments deducted. After
 * this the invoice is immutable.
 */
export async function issueInvoice(ctx: AuthedContext, input: IssueInvoiceInput): Promise<IssueOutcome> {
  return withTransaction(ctx, (tx) => {
    return idempotent<IssueOutcome>(
      tx,
      input.idempotencyKey,
      'issueInvoice',
      input,
      async () => {
        const result = await issueInTx(tx, input);
        return { result, remember: result instanceof ErrorResult ? null : { invoiceId: result.id } };
      },
      async (r) => scoped(tx, Invoice).getById(String(r.invoiceId)),
    );
  });
}

async function issueInTx(tx: AuthedContext, input: IssueInvoiceInput): Promise<IssueOutcome> {
  const invoice = await scoped(tx, Invoice).getById(input.id, 'input.id', { lock: true });
  const illegal = checkTransition('Invoice', INVOICE_TRANSITIONS, invoice.status, InvoiceStatus.ISSUED);
  if (illegal) return illegal;
  const { agency, requisites } = await documentSettings(tx);
  const issueDate = input.issueDate ?? localDate(new Date(), agency.timeZone);
  const vatDate = invoice.supplyDate ?? issueDate;
  const errors: FieldError[] = [];
  if (invoice.dueDate < issueDate) errors.push({ path: 'input.issueDate', message: msg('validation.dueBeforeIssue', { date: invoice.dueDate }) });
  if (!currencyAllowed(agency.country, invoice.currency, vatDate) || !currencyAllowed(agency.country, invoice.currency, issueDate)) {
    errors.push({ path: 'input.issueDate', message: msg('validation.bgnAfterEuro') });
  }
  if (errors.length) throw new BadUserInputError(errors);

  const stored = await scoped(tx, InvoiceLine).query('l').andWhere('l."invoiceId" = :id', { id: invoice.id }).orderBy('l.position').getMany();
  // rates from the dated table are fixed now, for the supply date; lines are rewritten only if one changed
  const rateNow = standardVatRate(agency.country, vatDate, requisites.vatPayer);
  const changed = stored.some((l) => l.vatRateAuto && l.vatRate !== rateNow);
  const lines: PreparedLine[] = stored.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    vatRate: l.vatRateAuto ? rateNow : l.vatRate,
    vatRateAuto: l.vatRateAuto,
  }));
  // every check before any write: a refused issue leaves the draft exactly as it was
  const totals = sumTotals(lines.map((l) => lineAmounts(l)));
  if (cmp(totals.total, 0) <= 0) {
    return new EmptyInvoiceError();
  }
  // rates from the dated table are fixed now, for the supply date; lines are rewritten only if one changed
  if (changed) await writeLines(tx, invoice, lines);
  let prepaymentDeducted = '0.00';
  if (invoice.kind === InvoiceKind.FINAL && invoice.contractId) {
    // what earlier FINAL invoices of the contract already deducted is not deducted again
    const available = sub(await prepaymentsReceived(tx, invoice.contractId), await prepaymentsDeducted(tx, invoice.contractId, invoice.id));
    prepaymentDeducted = cmp(available, 0) <= 0 ? '0.00' : cmp(available, totals.total) > 0 ? totals.total : available;
  }
  const amountDue = sub(totals.total, prepaymentDeducted);
  const saved = await scoped(tx, Invoice).update(invoice, {
    ...totals,
    prepaymentDeducted,
    amountDue,
    issueDate,
    issuedAt: new Date(),
    status: isZero(amountDue) ? InvoiceStatus.PAID : InvoiceStatus.ISSUED,
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
  return withTransaction(ctx, (tx) => {
    return idempotent<RecordPaymentOutcome>(
      tx,
      input.idempotencyKey,
      'recordPayment',
      input,
      async () => {
        const result = await recordPaymentInTx(tx, input);
        return { result, remember: result instanceof ErrorResult ? null : { invoiceId: result.id } };
      },
      async (r) => scoped(tx, Invoice).getById(String(r.invoiceId)),
    );
  });
}

async function recordPaymentInTx(tx: AuthedContext, input: RecordPaymentInput): Promise<RecordPaymentOutcome> {
  const invoice = await scoped(tx, Invoice).getById(input.invoiceId, 'input.invoiceId', { lock: true });
  if (!PAYABLE.includes(invoice.status)) {
    return new InvoiceNotPayableError(invoice.status);
  }
  const today = await agencyToday(tx);
  if (input.paidAt > today) throw new BadUserInputError([{ path: 'input.paidAt', message: msg('validation.notInFuture', { field: 'paidAt' }) }]);
  const balanceDue = sub(invoice.amountDue, invoice.paidAmount);
  if (cmp(input.amount, balanceDue) > 0) {
    return new InvoiceOverpaymentError(balanceDue, input.amount);
  }
  const firstOnContract = invoice.contractId ? await isFirstPaymentOnContract(tx, invoice.contractId) : false;
  await scoped(tx, Payment).insert({
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    kind: PaymentKind.PAYMENT,
    amount: input.amount,
    paidAt: input.paidAt,
    method: input.method ?? PaymentMethod.BANK_TRANSFER,
    reference: input.reference?.trim() || null,
    note: input.note?.trim() || null,
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
  return withTransaction(ctx, (tx) => {
    return idempotent<RefundOutcome>(
      tx,
      input.idempotencyKey,
      'refundPayment',
      input,
      async () => {
        const result = await refundInTx(tx, input);
        return { result, remember: result instanceof ErrorResult ? null : { invoiceId: result.id } };
      },
      async (r) => scoped(tx, Invoice).getById(String(r.invoiceId)),
    );
  });
}

async function refundInTx(tx: AuthedContext, input: RefundPaymentInput): Promise<RefundOutcome> {
  const payment = await scoped(tx, Payment).getById(input.paymentId, 'input.paymentId');
  if (payment.kind !== PaymentKind.PAYMENT) {
    throw new BadUserInputError([{ path: 'input.paymentId', message: msg('validation.refundOfRefund') }]);
  }
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
    note: input.reason?.trim() || null,
    actorId: tx.actor.userId,
  });
  return refreshPaid(tx, invoice);
}

export async function getInvoice(ctx: AuthedContext, id: string): Promise<Invoice | null> {
  return scoped(ctx, Invoice).findById(id);
}

export async function listInvoices(ctx: AuthedContext, args: InvoicesArgs) {
  const qb = scoped(ctx, Invoice).query('i');
  const f = args.filter;
  if (f?.clientId) qb.andWhere('i."clientId" = :clientId', { clientId: f.clientId });
  if (f?.contractId) qb.andWhere('i."contractId" = :contractId', { contractId: f.contractId });
  if (f?.statuses?.length) qb.andWhere('i.status IN (:...statuses)', { statuses: f.statuses });
  if (f?.kinds?.length) qb.andWhere('i.kind IN (:...kinds)', { kinds: f.kinds });
  if (f?.overdue != null) {
    const today = await agencyToday(ctx);
    const cond = `(i.status IN (:...payable) AND i."dueDate" < :today)`;
    qb.andWhere(f.overdue ? cond : `NOT ${cond}`, { payable: PAYABLE, today });
  }
  return paginate(qb, args, { column: 'i."createdAt"', value: (i) => i.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

export function isOverdue(invoice: Invoice, today: string): boolean {
  return PAYABLE.includes(invoice.status) && invoice.dueDate < today;
}

/** Per client and currency: invoiced (issued, not cancelled), paid, outstanding — one query for many clients. */
