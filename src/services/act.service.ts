import type { AuthedContext } from '../context';
import { emitEvent, WebhookEventType } from '../events';
import { Act, ActLine, Client, Contract, Invoice, InvoiceLine } from '../entities';
import { ActStatus, CurrencyCode, DealStage, DocumentKind, InvoiceKind, PriceBasis, UserRole } from '../entities/enums';
import { BadUserInputError, FieldError, NotFoundError } from '../errors';
import { msg } from '../i18n';
import { childRowsOf, groupBy } from '../loaders';
import type { CreateActInput, DisputeActInput, IssueActInput, ReviseActInput, SignActInput, UpdateActInput } from '../schema/act/act.inputs';
import { ActNotEditableError } from '../schema/act/act.results';
import { IllegalTransitionError } from '../schema/common/error-results';
import { ACT_TRANSITIONS, checkActDate, checkCurrency, checkPeriod, pricingDate, toDrafts, unique, vatDifferenceOf } from './act.rules';
import { getOwnAgency } from './agency.service';
import { advanceDeal } from './deal-automation';
import { ISSUED_STATUSES } from './invoice.rules';
import { draftOf, priceLines, type Basis, type LineDraft, type PricedLine, type Totals } from './money/totals';
import { nextDocumentNumber, withUniqueNumber } from './numbering';
import { getRequisites, vatTreatmentOn } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { requireText, trimOrNull } from './text';
import { localDate } from './time';
import { transitionRow } from './transitions';

/**
 * Act mutations, each one transaction. The pure rules (status flow, lines, period and currency
 * checks) are in act.rules.ts, the reads in act.reads.ts.
 */

const { DRAFT, ISSUED, SIGNED, DISPUTED } = ActStatus;

export type ActResult = Act | IllegalTransitionError;

/** Lines inside a transaction (not through the request-wide loader). */
function loadLines(tx: AuthedContext, actId: string): Promise<ActLine[]> {
  return childRowsOf(tx, ActLine, 'actId', [actId], ['position']);
}

// ---------------------------------------------------------------------------------------------
// lines and money

/** The rate of automatic lines on `date`: the agency's VAT regime then (see vatTreatmentOn). */
async function autoVatRate(tx: AuthedContext, date: string): Promise<string | null> {
  return (await vatTreatmentOn(tx, date)).rate;
}

/** A line of an act before its amounts, with what its invoice charged (null for the act's own lines). */
type ActDraft = LineDraft & { invoicedVatRate: string | null; invoicedVat: string | null };
type ActPriced = PricedLine & { invoicedVatRate: string | null; invoicedVat: string | null };

function ownDrafts(drafts: LineDraft[]): ActDraft[] {
  return drafts.map((d) => ({ ...d, invoicedVatRate: null, invoicedVat: null }));
}

/** The draft part of a stored act line, with its invoiced rate and VAT. */
function actDraftOf(row: ActLine): ActDraft {
  return { ...draftOf(row), invoicedVatRate: row.invoicedVatRate, invoicedVat: row.invoicedVat };
}

/**
 * Prices the act's lines for one rate (the standard rate of its act date for automatic lines)
 * and adds up the VAT difference against the invoices the lines were copied from.
 */
function priceAct(drafts: ActDraft[], autoRate: string | null, basis: Basis): { lines: ActPriced[]; totals: Totals & { vatDifference: string } } {
  const priced = priceLines(drafts, autoRate, basis);
  const lines = priced.lines.map((l, i) => ({ ...l, invoicedVatRate: drafts[i].invoicedVatRate, invoicedVat: drafts[i].invoicedVat }));
  return { lines, totals: { ...priced.totals, vatDifference: vatDifferenceOf(lines, basis) } };
}

/**
 * The price basis of an act: its contract's (VAT included: a rate change keeps the total and
 * recomputes the VAT part; on top: the net stays and the difference is due). An act without a
 * contract reads its prices as net, VAT on top, as its invoices without a contract are.
 */
async function basisOf(tx: AuthedContext, contractId: string | null): Promise<Basis> {
  if (!contractId) return PriceBasis.VAT_ON_TOP;
  const contract = await scoped(tx, Contract).findById(contractId);
  return contract?.priceBasis ?? PriceBasis.VAT_ON_TOP;
}

/** A rate for a message: «22 %», or «—» without VAT. */
function percent(rate: string | null): string {
  return rate === null ? '—' : `${Number(rate)} %`;
}

/** Writes the act's lines (replacing any it had), in the given order. */
async function replaceLines(tx: AuthedContext, act: Act, lines: ActPriced[]): Promise<void> {
  await scoped(tx, ActLine).replaceChildren('actId', act.id, lines.map((l, i) => ({ ...l, clientId: act.clientId, position: i + 1 })));
}

/** Writes the re-priced values (and the client, when the draft moved) into the existing lines. */
async function repriceLines(tx: AuthedContext, act: Act, rows: ActLine[], lines: PricedLine[]): Promise<void> {
  const repo = scoped(tx, ActLine);
  for (const [i, row] of rows.entries()) {
    const l = lines[i];
    if (row.vatRate === l.vatRate && row.net === l.net && row.vat === l.vat && row.gross === l.gross && row.clientId === act.clientId) continue;
    await repo.update(row, { vatRate: l.vatRate, net: l.net, vat: l.vat, gross: l.gross, clientId: act.clientId });
  }
}

// ---------------------------------------------------------------------------------------------
// checks against the database

/** The contract must be visible and the same client's; anything else looks missing. */
async function checkContract(tx: AuthedContext, clientId: string, contractId: string): Promise<string> {
  const contract = await scoped(tx, Contract).getById(contractId, 'input.contractId');
  if (contract.clientId !== clientId) throw new NotFoundError('Contract', 'input.contractId');
  return contract.id;
}

/** Issued invoices of the same client, currency (and contract, when both have one), in the given order. */
async function checkInvoices(
  tx: AuthedContext,
  ids: string[],
  act: { clientId: string; currency: CurrencyCode; contractId: string | null },
): Promise<Invoice[]> {
  if (ids.length === 0) return [];
  const found = new Map((await scoped(tx, Invoice).findByIds(ids)).map((inv) => [inv.id, inv]));
  const errors: FieldError[] = [];
  const invoices = ids.map((id, i) => {
    const path = `input.invoiceIds.${i}`;
    const inv = found.get(id);
    if (!inv || inv.clientId !== act.clientId) throw new NotFoundError('Invoice', path);
    if (inv.kind === InvoiceKind.PREPAYMENT) {
      errors.push({ path, message: msg('validation.actPrepaymentInvoice', { number: inv.number ?? inv.id }) });
    } else if (!ISSUED_STATUSES.includes(inv.status)) {
      errors.push({ path, message: msg('validation.actInvoiceNotIssued', { number: inv.number ?? inv.id, status: inv.status }) });
    } else if (inv.currency !== act.currency) {
      errors.push({ path, message: msg('validation.actInvoiceCurrency', { number: inv.number, currency: inv.currency, actCurrency: act.currency }) });
    } else if (act.contractId && inv.contractId && inv.contractId !== act.contractId) {
      errors.push({ path, message: msg('validation.actInvoiceOtherContract', { number: inv.number }) });
    }
    return inv;
  });
  if (errors.length) throw new BadUserInputError(errors);
  return invoices;
}

/**
 * The lines of the invoices, in the order given. A line the invoice priced at the standard rate
 * takes the act's standard rate (of its act date) and keeps the invoiced rate and VAT, so a rate
 * change shows as the act's vatDifference; an explicit rate (0, 10, without VAT) is kept.
 */
async function linesFromInvoices(tx: AuthedContext, invoices: Invoice[]): Promise<ActDraft[]> {
  if (invoices.length === 0) return [];
  const ids = invoices.map((inv) => inv.id);
  const grouped = groupBy(ids, await childRowsOf(tx, InvoiceLine, 'invoiceId', ids, ['position']), (r) => r.invoiceId);
  return grouped.flat().map((l) => ({ ...draftOf(l), invoicedVatRate: l.vatRate, invoicedVat: l.vat }));
}

/**
 * The work invoiced under a contract in a period: its issued STANDARD and FINAL invoices in the
 * act's currency whose supply date (the issue date when none) falls in the period and that no
 * other act closes yet, by date. PREPAYMENT invoices are money received in advance, not work, and never listed.
 */
async function contractInvoicesOfPeriod(
  tx: AuthedContext,
  contract: Contract,
  currency: CurrencyCode,
  periodStart: string,
  periodEnd: string,
): Promise<Invoice[]> {
  const invoices = await scoped(tx, Invoice)
    .query('i')
    .andWhere('i."contractId" = :contractId', { contractId: contract.id })
    .andWhere('i."currency" = :currency', { currency })
    .andWhere('i."kind" IN (:...kinds)', { kinds: [InvoiceKind.STANDARD, InvoiceKind.FINAL] })
    .andWhere('i."status" IN (:...statuses)', { statuses: [...ISSUED_STATUSES] })
    .andWhere('COALESCE(i."supplyDate", i."issueDate") BETWEEN :periodStart AND :periodEnd', { periodStart, periodEnd })
    .orderBy('COALESCE(i."supplyDate", i."issueDate")', 'ASC')
    .addOrderBy('i."number"', 'ASC')
    .getMany();
  const acts = await scoped(tx, Act).query('a').andWhere('a."clientId" = :clientId', { clientId: contract.clientId }).getMany();
  const closed = new Set(acts.flatMap((act) => act.invoiceIds));
  return invoices.filter((inv) => !closed.has(inv.id));
}

// ---------------------------------------------------------------------------------------------
// writes

/**
 * Creates a DRAFT act: with the given lines, the lines of the invoices it closes, or (a contract
 * and a period alone) the work invoiced under the contract in the period. Priced for its act date
 * (the period end until one is chosen), exactly as it will be issued.
 */
export async function createAct(ctx: AuthedContext, input: CreateActInput): Promise<Act> {
  checkPeriod(input.periodStart, input.periodEnd);
  checkActDate(input.actDate, input.periodStart);
  const given = input.lines ? ownDrafts(toDrafts(input.lines)) : null;
  const invoiceIds = unique(input.invoiceIds ?? []);
  const missing: FieldError[] = [];
  if (!input.contractId && !input.clientId) missing.push({ path: 'input.clientId', message: msg('validation.actClientRequired') });
  if (!input.contractId && !input.currency) missing.push({ path: 'input.currency', message: msg('validation.actCurrencyRequired') });
  if (!given && invoiceIds.length === 0 && !input.contractId) missing.push({ path: 'input.lines', message: msg('validation.actLinesRequired') });
  if (missing.length) throw new BadUserInputError(missing);

  const act = await withTransaction(ctx, async (tx) => {
    const contract = input.contractId ? await scoped(tx, Contract).getById(input.contractId, 'input.contractId') : null;
    const client = await scoped(tx, Client).getById(input.clientId ?? contract!.clientId, input.clientId ? 'input.clientId' : 'input.contractId');
    if (contract && contract.clientId !== client.id) throw new NotFoundError('Contract', 'input.contractId');
    const contractId = contract?.id ?? null;
    const currency = input.currency ?? contract!.currency;
    let invoices = await checkInvoices(tx, invoiceIds, { clientId: client.id, currency, contractId });
    if (!given && invoices.length === 0 && contract) {
      invoices = await contractInvoicesOfPeriod(tx, contract, currency, input.periodStart, input.periodEnd);
      if (invoices.length === 0) {
        throw new BadUserInputError([
          { path: 'input.contractId', message: msg('validation.actNothingInPeriod', { periodStart: input.periodStart, periodEnd: input.periodEnd }) },
        ]);
      }
    }
    const drafts = given ?? (await linesFromInvoices(tx, invoices));
    if (drafts.length === 0) {
      throw new BadUserInputError([{ path: 'input.invoiceIds', message: msg('validation.actInvoicesWithoutLines') }]);
    }
    const { country } = await getOwnAgency(tx);
    checkCurrency(country, currency, input.periodEnd, input.currency ? 'input.currency' : 'input.contractId');
    const actDate = input.actDate ?? null;
    const basis = contract?.priceBasis ?? PriceBasis.VAT_ON_TOP;
    const { lines, totals } = priceAct(drafts, await autoVatRate(tx, pricingDate({ actDate, periodEnd: input.periodEnd })), basis);
    const vatInvoiceNumber = trimOrNull(input.vatInvoiceNumber);
    const row = await scoped(tx, Act).insert({
      clientId: client.id,
      contractId,
      invoiceIds: invoices.map((inv) => inv.id),
      number: null,
      actDate,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      currency,
      status: DRAFT,
      ...totals,
      issuedAt: null,
      signedOn: null,
      signedBy: null,
      disputeReason: null,
      disputedAt: null,
      vatInvoiceNumber,
      vatInvoiceDate: input.vatInvoiceDate ?? null,
      createdById: ctx.actor.userId,
    });
    await replaceLines(tx, row, lines);
    return row;
  });
  return act;
}

/** Changes a DRAFT act (re-priced for its act date, or its period end); anything else is NOT_EDITABLE, nothing written. */
export async function updateAct(ctx: AuthedContext, input: UpdateActInput): Promise<Act | ActNotEditableError> {
  for (const key of ['clientId', 'periodStart', 'periodEnd', 'currency', 'lines'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  const given = input.lines ? ownDrafts(toDrafts(input.lines)) : null;
  const result = await withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    if (act.status !== DRAFT) return new ActNotEditableError(act.status);

    const clientId = input.clientId ? (await scoped(tx, Client).getById(input.clientId, 'input.clientId')).id : act.clientId;
    const periodStart = input.periodStart ?? act.periodStart;
    const periodEnd = input.periodEnd ?? act.periodEnd;
    checkPeriod(periodStart, periodEnd);
    const actDate = input.actDate !== undefined ? input.actDate : act.actDate;
    checkActDate(actDate, periodStart, input.actDate ? 'input.actDate' : 'input.periodStart');
    const currency = input.currency ?? act.currency;
    const clientChanged = clientId !== act.clientId;

    let contractId = input.contractId !== undefined ? input.contractId : act.contractId;
    if (contractId && (clientChanged || contractId !== act.contractId)) contractId = await checkContract(tx, clientId, contractId);

    const invoiceIds = input.invoiceIds !== undefined ? unique(input.invoiceIds ?? []) : act.invoiceIds;
    const invoicesChanged = invoiceIds.join() !== act.invoiceIds.join();
    if (invoicesChanged || clientChanged || currency !== act.currency || contractId !== act.contractId) {
      await checkInvoices(tx, invoiceIds, { clientId, currency, contractId });
    }
    const { country } = await getOwnAgency(tx);
    checkCurrency(country, currency, periodEnd, input.currency ? 'input.currency' : 'input.periodEnd');

    const rows = given ? [] : await loadLines(tx, act.id);
    const { lines, totals } = priceAct(given ?? rows.map(actDraftOf), await autoVatRate(tx, pricingDate({ actDate, periodEnd })), await basisOf(tx, contractId));
    const patch: Partial<Act> = { clientId, contractId, invoiceIds, periodStart, periodEnd, actDate, currency, ...totals };
    if (input.vatInvoiceNumber !== undefined) patch.vatInvoiceNumber = trimOrNull(input.vatInvoiceNumber);
    if (input.vatInvoiceDate !== undefined) patch.vatInvoiceDate = input.vatInvoiceDate;
    const saved = await repo.update(act, patch);
    if (given) await replaceLines(tx, saved, lines);
    else await repriceLines(tx, saved, rows, lines);
    return saved;
  });
  return result;
}

/**
 * DRAFT → ISSUED, exactly as the draft shows it: the act is never re-priced at issue. An act date
 * whose VAT would change the amounts (the 2025 → 2026 rate change, or a changed VAT status) is
 * refused on input.actDate: choose it on the draft with updateAct, which shows the new amounts
 * first. The number is taken (gaplessly, in this transaction) only after every check has passed,
 * and only the first time: a corrected act keeps its number.
 */
export async function issueAct(ctx: AuthedContext, input: IssueActInput, now: Date = new Date()): Promise<ActResult> {
  return withTransaction(ctx, (tx) => transitionRow(tx, Act, input.id, ACT_TRANSITIONS, ISSUED, async (act) => {
    const { country, timeZone } = await getOwnAgency(tx);
    const actDate = input.actDate ?? act.actDate ?? localDate(now, timeZone);
    checkActDate(actDate, act.periodStart);
    checkCurrency(country, act.currency, actDate, 'input.actDate');
    const rows = await loadLines(tx, act.id);
    if (rows.length === 0) throw new BadUserInputError([{ path: 'input.id', message: msg('validation.actWithoutLines') }]);
    const rate = await autoVatRate(tx, actDate);
    const { lines } = priceAct(rows.map(actDraftOf), rate, await basisOf(tx, act.contractId));
    const changed = rows.some((row, i) => row.vatRate !== lines[i].vatRate || row.vat !== lines[i].vat || row.net !== lines[i].net);
    if (changed) {
      const draftDate = pricingDate(act);
      throw new BadUserInputError([
        {
          path: 'input.actDate',
          message: msg('validation.actRateChanged', {
            date: actDate,
            rate: percent(rate),
            draftDate,
            draftRate: percent(await autoVatRate(tx, draftDate)),
          }),
        },
      ]);
    }

    const number =
      act.number ?? (await nextDocumentNumber(tx, DocumentKind.ACT, (await getRequisites(tx)).actNumberPattern, actDate)).number;
    // a Russian VAT payer owes the customer a счёт-фактура for the act: unless one was numbered
    // by hand, it takes the act's own number and date (the act series is gapless and in date order)
    const owesVatInvoice = country === 'RU' && lines.some((l) => l.vatRate !== null && Number(l.vat) !== 0);
    const vatInvoiceNumber = act.vatInvoiceNumber ?? (owesVatInvoice ? number : null);
    return withUniqueNumber('acts_number_unique', msg('errors.conflict.DUPLICATE_ACT_NUMBER', { number }), () =>
      scoped(tx, Act).update(act, {
        status: ISSUED,
        number,
        actDate,
        issuedAt: now,
        vatInvoiceNumber,
        vatInvoiceDate: vatInvoiceNumber ? (act.vatInvoiceDate ?? actDate) : act.vatInvoiceDate,
      }),
    );
  }));
}

/**
 * ISSUED → SIGNED, by the client's portal user or by staff recording a paper signature. A
 * signed act moves the deal of its contract to CLOSING.
 */
export async function signAct(ctx: AuthedContext, input: SignActInput, now: Date = new Date()): Promise<ActResult> {
  return withTransaction(ctx, (tx) => transitionRow(tx, Act, input.id, ACT_TRANSITIONS, SIGNED, async (act) => {
    const { timeZone } = await getOwnAgency(tx);
    const today = localDate(now, timeZone);
    const signedOn = input.signedOn ?? today;
    if (signedOn > today) throw new BadUserInputError([{ path: 'input.signedOn', message: msg('validation.notInFuture', { field: 'signedOn' }) }]);
    if (act.actDate && signedOn < act.actDate) {
      throw new BadUserInputError([{ path: 'input.signedOn', message: msg('validation.signedBeforeActDate', { date: signedOn, actDate: act.actDate }) }]);
    }
    let signedBy = trimOrNull(input.signedBy);
    if (!signedBy && ctx.actor.role === UserRole.CLIENT) {
      const user = await tx.loaders.userById.load(tx.actor.userId);
      signedBy = trimOrNull(user?.fullName) ?? user?.email ?? null;
    }
    const saved = await scoped(tx, Act).update(act, { status: SIGNED, signedOn, signedBy }, { allowPortal: true });
    if (act.contractId) {
      const contract = await scoped(tx, Contract).findById(act.contractId);
      if (contract?.dealId) await advanceDeal(tx, contract.dealId, DealStage.CLOSING, 'act signed');
    }
    await emitEvent(tx, WebhookEventType.ACT_SIGNED, {
      actId: saved.id,
      number: saved.number,
      clientId: saved.clientId,
      contractId: saved.contractId,
      signedOn,
      signedBy,
      currency: saved.currency,
      total: saved.total,
    }, now);
    return saved;
  }));
}

/** ISSUED → DISPUTED with the client's objection, by the client's portal user or by staff. */
export async function disputeAct(ctx: AuthedContext, input: DisputeActInput, now: Date = new Date()): Promise<ActResult> {
  const reason = requireText(input.reason, 'input.reason');
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Act, input.id, ACT_TRANSITIONS, DISPUTED, (act) =>
      scoped(tx, Act).update(act, { status: DISPUTED, disputeReason: reason, disputedAt: now }, { allowPortal: true }),
    ),
  );
}

/** DISPUTED → DRAFT to correct the act; number, act date and the objection are kept. */
export async function reviseAct(ctx: AuthedContext, input: ReviseActInput): Promise<ActResult> {
  return withTransaction(ctx, (tx) => transitionRow(tx, Act, input.id, ACT_TRANSITIONS, DRAFT, (act) => scoped(tx, Act).update(act, { status: DRAFT })));
}
