import Decimal from 'decimal.js';
import { getOwnAgency } from './agency.service';
import type { AuthedContext, } from '../context';
import { Act, ActLine, Client, Contract, Invoice, InvoiceLine } from '../entities';
import { ActStatus, CurrencyCode, DealStage, DocumentKind, InvoiceKind, InvoiceStatus, UserRole } from '../entities/enums';
import { BadUserInputError, ConflictError, FieldError, isUniqueViolation, NotFoundError } from '../errors';
import { groupBy } from '../loaders';
import type { ConnectionResult } from '../schema/common/connection';
import type { ActsArgs } from '../schema/act/act.args';
import type {
  ActLineInput,
  CreateActInput,
  DisputeActInput,
  IssueActInput,
  ReviseActInput,
  SignActInput,
  UpdateActInput,
} from '../schema/act/act.inputs';
import { advanceDeal } from './deal-automation';
import { lineAmounts, LineAmounts, sumTotals, Totals } from './money/totals';
import { currencyAllowed, standardVatRate } from './money/vat';
import { nextDocumentNumber } from './numbering';
import { paginate } from './pagination';
import { getRequisites } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { localDate } from './time';
import { checkTransition, TransitionMap } from './transitions';
import { IllegalTransitionError } from '../schema/common/error-results';
import { ActNotEditableError } from '../schema/act/act.results';
import { msg } from '../i18n';

const { DRAFT, ISSUED, SIGNED, DISPUTED } = ActStatus;

/**
 * The act flow as data. DISPUTED → DRAFT is reviseAct (correction after the client's
 * objection); the act keeps its number when it is issued again.
 */
export const ACT_TRANSITIONS: TransitionMap<ActStatus> = {
  [DRAFT]: [ISSUED],
  [ISSUED]: [SIGNED, DISPUTED],
  [DISPUTED]: [DRAFT],
  [SIGNED]: [],
};

const DEFAULT_UNIT = 'усл.';
/** invoices whose lines describe work done (a prepayment invoice describes an advance) */
const ISSUED_INVOICE_STATUSES: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID];



// ---------------------------------------------------------------------------------------------
// agency settings, loaders

async function agencySettings(ctx: AuthedContext): Promise<{ country: string; timeZone: string }> {
  return getOwnAgency(ctx);
}


/** Lines inside a transaction (not through the request-wide loader). */
function loadLines(tx: AuthedContext, actId: string): Promise<ActLine[]> {
  return scoped(tx, ActLine).query('l').andWhere('l."actId" = :actId', { actId }).orderBy('l."position"', 'ASC').getMany();
}

// ---------------------------------------------------------------------------------------------
// reads

/** null when missing, another agency's, or (for a portal user) a draft or another client's act. */
export function getAct(ctx: AuthedContext, id: string): Promise<Act | null> {
  return scoped(ctx, Act).findById(id);
}

/** Acts visible to the actor, newest first. */
export function listActs(ctx: AuthedContext, args: ActsArgs): Promise<ConnectionResult<Act>> {
  const qb = scoped(ctx, Act).query('a');
  const f = args.filter;
  if (f?.clientId) qb.andWhere('a."clientId" = :clientId', { clientId: f.clientId });
  if (f?.contractId) qb.andWhere('a."contractId" = :contractId', { contractId: f.contractId });
  if (f?.statuses?.length) qb.andWhere('a."status" IN (:...statuses)', { statuses: f.statuses });
  return paginate(qb, args, { column: 'a."createdAt"', value: (a) => a.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/** The lines of an act, batched across acts. */
export function actLines(ctx: AuthedContext, act: Act): Promise<ActLine[]> {
  return ctx.loaders.actLines.load(act.id);
}

// ---------------------------------------------------------------------------------------------
// lines and money

interface LineDraft {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  vatRate: string | null;
  vatRateAuto: boolean;
}

type PricedLine = LineDraft & LineAmounts;

/** Input lines as column values at their stored scale; an omitted rate is taken from the VAT table. */
function toDrafts(lines: ActLineInput[]): LineDraft[] {
  return lines.map((l) => ({
    description: l.description.trim(),
    // stored as numeric(18,3) / (18,2) / (5,2): answer with the stored scale from the start
    quantity: new Decimal(l.quantity ?? '1').toFixed(3),
    unit: l.unit?.trim() || DEFAULT_UNIT,
    unitPrice: new Decimal(l.unitPrice).toFixed(2),
    vatRate: l.vatRate == null ? null : new Decimal(l.vatRate).toFixed(2),
    vatRateAuto: l.vatRate === undefined,
  }));
}

function draftOf(l: Pick<ActLine | InvoiceLine, keyof LineDraft>): LineDraft {
  return {
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    vatRateAuto: l.vatRateAuto,
  };
}

/** Rates for the supply date, then the amounts by the one rounding rule (totals.ts). */
function price(drafts: LineDraft[], autoRate: string | null): { lines: PricedLine[]; totals: Totals } {
  const lines = drafts.map((d) => {
    const vatRate = d.vatRateAuto ? autoRate : d.vatRate;
    return { ...d, vatRate, ...lineAmounts({ quantity: d.quantity, unitPrice: d.unitPrice, vatRate }) };
  });
  return { lines, totals: sumTotals(lines) };
}

async function autoVatRate(tx: AuthedContext, date: string): Promise<string | null> {
  const [{ country }, requisites] = await Promise.all([agencySettings(tx), getRequisites(tx)]);
  return standardVatRate(country, date, requisites.vatPayer);
}

/** Writes the act's lines (replacing any it had), in the given order. */
async function replaceLines(tx: AuthedContext, act: Act, lines: PricedLine[]): Promise<void> {
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
// rules

function trimOrNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) {
    throw new BadUserInputError([{ path: 'input.periodEnd', message: msg('validation.notBefore', { field: 'periodEnd', other: 'periodStart' }) }]);
  }
}

/** Bulgarian documents are in EUR from the changeover; BGN is refused for dates from then. */
function checkCurrency(country: string, currency: CurrencyCode, date: string, path: string): void {
  if (!currencyAllowed(country, currency, date)) {
    throw new BadUserInputError([{ path, message: msg('validation.currencyChangeover', { currency, date }) }]);
  }
}

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
    if (!ISSUED_INVOICE_STATUSES.includes(inv.status)) {
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
 * The lines of the invoices, in the order given. When a FINAL invoice is among them, the
 * PREPAYMENT invoices are linked but not copied: the final one already lists the whole work
 * (prepayments are deducted from what is due, not from the work done).
 */
async function linesFromInvoices(tx: AuthedContext, invoices: Invoice[]): Promise<LineDraft[]> {
  const hasFinal = invoices.some((inv) => inv.kind === InvoiceKind.FINAL);
  const sources = invoices.filter((inv) => !(hasFinal && inv.kind === InvoiceKind.PREPAYMENT));
  if (sources.length === 0) return [];
  const rows = await scoped(tx, InvoiceLine)
    .query('l')
    .andWhere('l."invoiceId" IN (:...invoiceIds)', { invoiceIds: sources.map((inv) => inv.id) })
    .orderBy('l."position"', 'ASC')
    .getMany();
  const grouped = groupBy(
    sources.map((inv) => inv.id),
    rows,
    (r) => r.invoiceId,
  );
  return grouped.flat().map(draftOf);
}

// ---------------------------------------------------------------------------------------------
// writes

/** Creates a DRAFT act, with the given lines or the lines of the invoices it closes. */
export async function createAct(ctx: AuthedContext, input: CreateActInput): Promise<Act> {
  checkPeriod(input.periodStart, input.periodEnd);
  const given = input.lines ? toDrafts(input.lines) : null;
  const invoiceIds = unique(input.invoiceIds ?? []);
  if (!given && invoiceIds.length === 0) {
    throw new BadUserInputError([{ path: 'input.lines', message: msg('validation.actLinesRequired') }]);
  }
  const act = await withTransaction(ctx, async (tx) => {
    const authed = tx;
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    const contractId = input.contractId ? await checkContract(tx, client.id, input.contractId) : null;
    const invoices = await checkInvoices(tx, invoiceIds, { clientId: client.id, currency: input.currency, contractId });
    const drafts = given ?? (await linesFromInvoices(tx, invoices));
    if (drafts.length === 0) {
      throw new BadUserInputError([{ path: 'input.invoiceIds', message: msg('validation.actInvoicesWithoutLines') }]);
    }
    const { country } = await agencySettings(authed);
    checkCurrency(country, input.currency, input.periodEnd, 'input.currency');
    const { lines, totals } = price(drafts, await autoVatRate(authed, input.periodEnd));
    const vatInvoiceNumber = trimOrNull(input.vatInvoiceNumber);
    const row = await scoped(tx, Act).insert({
      clientId: client.id,
      contractId,
      invoiceIds: invoices.map((inv) => inv.id),
      number: null,
      actDate: null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      currency: input.currency,
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

/** Changes a DRAFT act (re-priced for its period end); anything else is NOT_EDITABLE, nothing written. */
export async function updateAct(ctx: AuthedContext, input: UpdateActInput): Promise<Act | ActNotEditableError> {
  for (const key of ['clientId', 'periodStart', 'periodEnd', 'currency', 'lines'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  const given = input.lines ? toDrafts(input.lines) : null;
  const result = await withTransaction(ctx, async (tx) => {
    const authed = tx;
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    if (act.status !== DRAFT) return new ActNotEditableError(act.status);

    const clientId = input.clientId ? (await scoped(tx, Client).getById(input.clientId, 'input.clientId')).id : act.clientId;
    const periodStart = input.periodStart ?? act.periodStart;
    const periodEnd = input.periodEnd ?? act.periodEnd;
    checkPeriod(periodStart, periodEnd);
    const currency = input.currency ?? act.currency;
    const clientChanged = clientId !== act.clientId;

    let contractId = input.contractId !== undefined ? input.contractId : act.contractId;
    if (contractId && (clientChanged || contractId !== act.contractId)) contractId = await checkContract(tx, clientId, contractId);

    const invoiceIds = input.invoiceIds !== undefined ? unique(input.invoiceIds ?? []) : act.invoiceIds;
    const invoicesChanged = invoiceIds.join() !== act.invoiceIds.join();
    if (invoicesChanged || clientChanged || currency !== act.currency || contractId !== act.contractId) {
      await checkInvoices(tx, invoiceIds, { clientId, currency, contractId });
    }
    const { country } = await agencySettings(authed);
    checkCurrency(country, currency, periodEnd, input.currency ? 'input.currency' : 'input.periodEnd');

    const rows = given ? [] : await loadLines(tx, act.id);
    const { lines, totals } = price(given ?? rows.map(draftOf), await autoVatRate(authed, periodEnd));
    const patch: Partial<Act> = { clientId, contractId, invoiceIds, periodStart, periodEnd, currency, ...totals };
    if (input.vatInvoiceNumber !== undefined) patch.vatInvoiceNumber = trimOrNull(input.vatInvoiceNumber);
    if (input.vatInvoiceDate !== undefined) patch.vatInvoiceDate = input.vatInvoiceDate;
    const saved = await repo.update(act, patch);
    if (given) await replaceLines(tx, saved, lines);
    else await repriceLines(tx, saved, rows, lines);
    return saved;
  });
  return result;
}

export type ActResult = Act | IllegalTransitionError;

/**
 * DRAFT → ISSUED. Auto VAT rates are re-read for the act date and the totals recomputed; the
 * number is taken (gaplessly, in this transaction) only after every check has passed, and only
 * the first time: a corrected act keeps its number.
 */
export async function issueAct(ctx: AuthedContext, input: IssueActInput, now: Date = new Date()): Promise<ActResult> {
  const result = await withTransaction(ctx, async (tx) => {
    const authed = tx;
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition('Act', ACT_TRANSITIONS, act.status, ISSUED);
    if (illegal) return illegal;
    const { country, timeZone } = await agencySettings(authed);
    const actDate = input.actDate ?? act.actDate ?? localDate(now, timeZone);
    if (actDate < act.periodStart) {
      throw new BadUserInputError([
        { path: 'input.actDate', message: msg('validation.actDateBeforePeriod', { date: actDate, periodStart: act.periodStart }) },
      ]);
    }
    checkCurrency(country, act.currency, actDate, 'input.actDate');
    const rows = await loadLines(tx, act.id);
    if (rows.length === 0) throw new BadUserInputError([{ path: 'input.id', message: msg('validation.actWithoutLines') }]);
    const requisites = await getRequisites(tx);
    const { lines, totals } = price(rows.map(draftOf), standardVatRate(country, actDate, requisites.vatPayer));

    const number =
      act.number ?? (await nextDocumentNumber(tx, DocumentKind.ACT, requisites.actNumberPattern, actDate)).number;
    await repriceLines(tx, act, rows, lines);
    try {
      return await repo.update(act, {
        status: ISSUED,
        number,
        actDate,
        issuedAt: now,
        ...totals,
        vatInvoiceDate: act.vatInvoiceNumber ? (act.vatInvoiceDate ?? actDate) : act.vatInvoiceDate,
      });
    } catch (err) {
      // the pattern was changed into one that repeats a number already used: the transaction
      // rolls back, the counter with it
      if (isUniqueViolation(err, 'acts_number_unique')) {
        throw new ConflictError('DUPLICATE_NUMBER', msg('errors.conflict.DUPLICATE_ACT_NUMBER', { number }), 'input.id');
      }
      throw err;
    }
  });
  return result;
}

/**
 * ISSUED → SIGNED, by the client's portal user or by staff recording a paper signature. A
 * signed act moves the deal of its contract to CLOSING.
 */
export async function signAct(ctx: AuthedContext, input: SignActInput, now: Date = new Date()): Promise<ActResult> {
  return withTransaction(ctx, async (tx) => {
    const authed = tx;
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition('Act', ACT_TRANSITIONS, act.status, SIGNED);
    if (illegal) return illegal;
    const { timeZone } = await agencySettings(authed);
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
    const saved = await repo.update(act, { status: SIGNED, signedOn, signedBy }, { allowPortal: true });
    if (act.contractId) {
      const contract = await scoped(tx, Contract).findById(act.contractId);
      if (contract?.dealId) await advanceDeal(authed, contract.dealId, DealStage.CLOSING, 'act signed');
    }
    return saved;
  });
}

/** ISSUED → DISPUTED with the client's objection, by the client's portal user or by staff. */
export async function disputeAct(ctx: AuthedContext, input: DisputeActInput, now: Date = new Date()): Promise<ActResult> {
  const reason = trimOrNull(input.reason);
  if (!reason) throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.notBlank', { field: 'reason' }) }]);
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition('Act', ACT_TRANSITIONS, act.status, DISPUTED);
    if (illegal) return illegal;
    return repo.update(act, { status: DISPUTED, disputeReason: reason, disputedAt: now }, { allowPortal: true });
  });
}

/** DISPUTED → DRAFT to correct the act; number, act date and the objection are kept. */
export async function reviseAct(ctx: AuthedContext, input: ReviseActInput): Promise<ActResult> {
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Act);
    const act = await repo.getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition('Act', ACT_TRANSITIONS, act.status, DRAFT);
    if (illegal) return illegal;
    return repo.update(act, { status: DRAFT });
  });
}
