import Decimal from 'decimal.js';
import { getOwnAgency } from './agency.service';
import type { AuthedContext} from '../context';
import { Client, Deal, DealDeviation, DealStageChange, User } from '../entities';
import type { Approver } from '../entities/deal.entity';
import { DealDeviationKind, DealStage, DealStatus, RejectionReason } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import type { ConnectionResult } from '../schema/common/connection';
import {
  type CloseDealInput,
  type CreateDealInput,
  type DecideDealApprovalInput,
  type MoveDealInput,
  type RecordDealDeviationInput,
  type ResolveDealDeviationInput,
} from '../schema/deal/deal.inputs';
import { DealApprovalDecision, DealOutcome } from '../schema/deal/deal.enums';
import type { DealsArgs } from '../schema/deal/deal.args';
import { latestFirst, matching, paginate } from './pagination';
import { scoped, withTransaction } from './scope';
import { canTransition, checkTransition, TransitionMap, transitionRow } from './transitions';
import { IllegalTransitionError } from '../schema/common/error-results';
import { msg } from '../i18n';
import { agencyUser } from './links';
import { requireText, trimOrNull } from './text';
import { timeInStages as stageTimes, type StageEntry as TimedStageEntry } from './time';

const { PRESENTATION, PROPOSAL, CONTRACT, PAYMENT, DELIVERY, CLOSING } = DealStage;
const { WON, LOST } = DealStatus;

/** Where a deal is: its stage while open, its outcome once closed. */
export type DealPosition = DealStage | DealStatus.WON | DealStatus.LOST;

/**
 * The sales process as data. Every stage change (moveDeal) and every closing (closeDeal) is one
 * lookup here. The simplified sales process agencies follow is PRESENTATION → PROPOSAL → CONTRACT → PAYMENT →
 * DELIVERY → CLOSING, and its real-life deviations shape the extra edges:
 * - skip forward: no proposal needed (PRESENTATION → CONTRACT); the invoice is the offer, no
 *   separate contract (PROPOSAL → PAYMENT); post-payment, work starts on the contract
 *   (CONTRACT → DELIVERY);
 * - one step back for rework: the presentation was refused (PROPOSAL → PRESENTATION), the
 *   proposal is to be refined (CONTRACT → PROPOSAL), the contract must be corrected before the
 *   client pays (PAYMENT → CONTRACT);
 * - payment in parts around delivery: DELIVERY before PAYMENT, PAYMENT after DELIVERY, and
 *   PAYMENT → CLOSING once the post-payment arrives;
 * - every open stage can end the deal (LOST); WON only once the work is delivered (DELIVERY or
 *   CLOSING; the deal then ends at CLOSING); CLOSING takes no further moves; WON and LOST are final.
 */
export const DEAL_TRANSITIONS: TransitionMap<DealPosition> = {
  [PRESENTATION]: [PROPOSAL, CONTRACT, LOST],
  [PROPOSAL]: [PRESENTATION, CONTRACT, PAYMENT, LOST],
  [CONTRACT]: [PROPOSAL, PAYMENT, DELIVERY, LOST],
  [PAYMENT]: [CONTRACT, DELIVERY, CLOSING, LOST],
  [DELIVERY]: [PAYMENT, CLOSING, WON, LOST],
  [CLOSING]: [WON, LOST],
  [WON]: [],
  [LOST]: [],
};

export function dealPosition(deal: Pick<Deal, 'stage' | 'status'>): DealPosition {
  return deal.status === DealStatus.OPEN ? deal.stage : (deal.status as DealStatus.WON | DealStatus.LOST);
}

/** An approver's state; RESOLVED when the whole deviation is already resolved. */
export type ApprovalState = 'PENDING' | 'APPROVED' | 'RETURNED' | 'RESOLVED';

/** A returned document can be approved after the rework (or returned again); an approval is final. */
export const APPROVAL_TRANSITIONS: TransitionMap<ApprovalState> = {
  PENDING: ['APPROVED', 'RETURNED'],
  RETURNED: ['APPROVED', 'RETURNED'],
  APPROVED: [],
  RESOLVED: [],
};

type DeviationField = 'dueOn' | 'approvers' | 'amount' | 'causes';

/** What each deviation kind needs and may carry (note is always allowed). */
export const DEVIATION_RULES: Readonly<Record<DealDeviationKind, { requires: DeviationField[]; allows: DeviationField[] }>> = {
  [DealDeviationKind.PRESENTATION_REFUSED]: { requires: ['dueOn'], allows: ['dueOn'] },
  [DealDeviationKind.PROPOSAL_TO_REFINE]: { requires: ['dueOn'], allows: ['dueOn'] },
  [DealDeviationKind.APPROVAL_REQUIRED]: { requires: ['approvers'], allows: ['approvers', 'dueOn'] },
  [DealDeviationKind.PARTIAL_PAYMENT]: { requires: ['amount'], allows: ['amount', 'dueOn'] },
  [DealDeviationKind.REFUND]: { requires: ['amount'], allows: ['amount', 'dueOn'] },
  [DealDeviationKind.PREPARATION_APPROVAL]: { requires: [], allows: ['approvers', 'dueOn'] },
  [DealDeviationKind.CLIENT_DISSATISFIED]: { requires: ['causes'], allows: ['causes', 'dueOn'] },
};

export type StageEntry = TimedStageEntry<DealStage>;

export interface StageTime {
  stage: DealStage;
  seconds: number;
}

/**
 * Time in each stage from the history: a stay lasts until the next change, the last one until
 * `end` (the closing time of a closed deal, now for an open one). Stages in process order, only
 * those visited; summed over repeated stays, then whole seconds (the one rounding rule of time.ts).
 */
export function timeInStages(history: readonly StageEntry[], end: Date): StageTime[] {
  return stageTimes(history, end, Object.values(DealStage)).map(({ stage, seconds }) => ({ stage, seconds }));
}

/** Changes the stage and writes the history entry, in the caller's transaction. */
async function enterStage(
  tx: AuthedContext,
  deal: Deal,
  stage: DealStage,
  at: Date,
  note: string | null,
  extra: Partial<Deal> = {},
): Promise<Deal> {
  const from = deal.stage;
  const updated = await scoped(tx, Deal).update(deal, { ...extra, stage, stageEnteredAt: at });
  await scoped(tx, DealStageChange).insert({
    dealId: deal.id,
    fromStage: from,
    toStage: stage,
    changedAt: at,
    actorId: tx.actor.userId,
    note,
  });
  return updated;
}

/** null when missing or another agency's. */
export function getDeal(ctx: AuthedContext, id: string): Promise<Deal | null> {
  return scoped(ctx, Deal).findById(id);
}

export function listDeals(ctx: AuthedContext, args: DealsArgs): Promise<ConnectionResult<Deal>> {
  const f = args.filter;
  const qb = matching(scoped(ctx, Deal).query('d'), 'd', { clientId: f?.clientId, managerId: f?.managerId, status: f?.statuses, stage: f?.stages });
  return paginate(qb, args, latestFirst('d', 'openedAt'));
}

/** Opens a deal at its first stage (PRESENTATION by default) and records the entry. */
export async function createDeal(ctx: AuthedContext, input: CreateDealInput, now: Date = new Date()): Promise<Deal> {
  const title = requireText(input.title, 'input.title', 'validation.notEmpty');
  const stage = input.stage ?? PRESENTATION;
  const created = await withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    if (input.managerId) await agencyUser(tx, input.managerId, 'input.managerId');
    let currency = input.currency ?? null;
    if (input.amount != null && !currency) {
      currency = (await getOwnAgency(tx)).defaultCurrency ?? null;
    }
    const deal = await scoped(tx, Deal).insert({
      clientId: client.id,
      title,
      product: trimOrNull(input.product),
      amount: input.amount ?? null,
      currency,
      managerId: input.managerId ?? client.ownerId ?? null,
      stage,
      stageEnteredAt: now,
      status: DealStatus.OPEN,
      openedAt: now,
    });
    await scoped(tx, DealStageChange).insert({
      dealId: deal.id,
      fromStage: null,
      toStage: stage,
      changedAt: now,
      actorId: ctx.actor.userId,
      note: null,
    });
    return deal;
  });
  return created;
}

/** One lookup in DEAL_TRANSITIONS; an illegal move is returned as an error result and writes nothing. */
export async function moveDeal(ctx: AuthedContext, input: MoveDealInput, now: Date = new Date()): Promise<Deal | IllegalTransitionError> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Deal, input.id, DEAL_TRANSITIONS, input.stage, (deal) => enterStage(tx, deal, input.stage, now, trimOrNull(input.note)), {
      statusOf: dealPosition,
    }),
  );
}

/** WON (from DELIVERY or CLOSING, ends at CLOSING) or LOST (from any open stage, keeps the stage and the reason). */
export async function closeDeal(ctx: AuthedContext, input: CloseDealInput, now: Date = new Date()): Promise<Deal | IllegalTransitionError> {
  if (input.outcome === DealOutcome.LOST && !input.reason) {
    throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.lossReasonRequired') }]);
  }
  if (input.outcome === DealOutcome.WON && input.reason) {
    throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.reasonOnlyWhenLost') }]);
  }
  const note = trimOrNull(input.note);
  const to = input.outcome === DealOutcome.WON ? WON : LOST;
  return withTransaction(ctx, (tx) => transitionRow(tx, Deal, input.id, DEAL_TRANSITIONS, to, async (deal) => {
    if (to === LOST) return markLost(tx, deal, input.reason!, note, now);
    const closing = { status: WON, closedAt: now, closeNote: note } as const;
    if (deal.stage === CLOSING) return scoped(tx, Deal).update(deal, closing);
    return enterStage(tx, deal, CLOSING, now, note, closing);
  }, { statusOf: dealPosition }));
}

/** Closes an open deal as LOST at its current stage, keeping the reason (the transition is checked by the caller). */
function markLost(tx: AuthedContext, deal: Deal, reason: RejectionReason, note: string | null, now: Date): Promise<Deal> {
  return scoped(tx, Deal).update(deal, { status: LOST, closedAt: now, lostAtStage: deal.stage, lossReason: reason, closeNote: note });
}

/**
 * For events elsewhere (a rejected proposal) that end the deal in the caller's transaction: LOST
 * at its current stage when DEAL_TRANSITIONS allows. true when closed.
 */
export async function loseDealIfAllowed(tx: AuthedContext, dealId: string, reason: RejectionReason, note: string | null, now: Date = new Date()): Promise<boolean> {
  return withTransaction(tx, async (inner) => {
    const deal = await scoped(inner, Deal).findById(dealId, { lock: true });
    if (!deal || !canTransition(DEAL_TRANSITIONS, dealPosition(deal), LOST)) return false;
    await markLost(inner, deal, reason, trimOrNull(note), now);
    return true;
  });
}

/**
 * For events elsewhere (a signed contract, a payment, a signed act) that should move the deal in
 * the caller's transaction: moves it when DEAL_TRANSITIONS allows, else leaves it as it is.
 * true when moved; false for no deal, a missing or closed deal, or a move the map does not allow.
 */
export async function advanceDealIfAllowed(tx: AuthedContext, dealId: string | null, to: DealStage, note: string | null, now: Date = new Date()): Promise<boolean> {
  if (!dealId) return false;
  return withTransaction(tx, async (inner) => {
    const deal = await scoped(inner, Deal).findById(dealId, { lock: true });
    if (!deal || !canTransition(DEAL_TRANSITIONS, dealPosition(deal), to)) return false;
    await enterStage(inner, deal, to, now, trimOrNull(note));
    // the same transaction may read the history again (e.g. the deal returned by the caller)
    inner.loaders.dealHistory.clear(deal.id);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// deviations

function checkDeviationInput(input: RecordDealDeviationInput): FieldError[] {
  const given: Record<DeviationField, boolean> = {
    dueOn: input.dueOn != null,
    approvers: (input.approvers?.length ?? 0) > 0,
    amount: input.amount != null,
    causes: (input.causes?.length ?? 0) > 0,
  };
  const rule = DEVIATION_RULES[input.kind];
  const errors: FieldError[] = [];
  for (const field of rule.requires) {
    if (!given[field]) errors.push({ path: `input.${field}`, message: msg('validation.deviationFieldRequired', { field }) });
  }
  for (const field of Object.keys(given) as DeviationField[]) {
    if (given[field] && !rule.allows.includes(field)) {
      errors.push({ path: `input.${field}`, message: msg('validation.deviationFieldNotApplicable', { field, kind: input.kind }) });
    }
  }
  input.causes?.forEach((cause, i) => {
    if (!cause.trim()) errors.push({ path: `input.causes.${i}`, message: msg('validation.notEmpty', { field: 'cause' }) });
  });
  input.approvers?.forEach((a, i) => {
    if (!a.name.trim()) errors.push({ path: `input.approvers.${i}.name`, message: msg('validation.notEmpty', { field: 'name' }) });
  });
  if (input.amount != null && new Decimal(input.amount).lte(0)) {
    errors.push({ path: 'input.amount', message: msg('validation.greaterThanZero', { field: 'amount' }) });
  }
  return errors;
}

/** Records a real-life deviation from the straight sales path; the rules per kind are DEVIATION_RULES. */
export async function recordDealDeviation(ctx: AuthedContext, input: RecordDealDeviationInput): Promise<DealDeviation> {
  const errors = checkDeviationInput(input);
  if (errors.length) throw new BadUserInputError(errors);
  const deviation = await withTransaction(ctx, async (tx) => {
    // locked so that a deviation is never recorded against a deal being closed at the same time
    const deal = await scoped(tx, Deal).getById(input.dealId, 'input.dealId', { lock: true });
    if (input.amount != null && deal.amount != null && new Decimal(input.amount).gt(deal.amount)) {
      throw new BadUserInputError([{ path: 'input.amount', message: msg('validation.amountAboveDeal', { amount: deal.amount }) }]);
    }
    const approvers: Approver[] = (input.approvers ?? []).map((a) => ({
      name: a.name.trim(),
      position: trimOrNull(a.position),
      decision: null,
      comment: null,
      decidedAt: null,
    }));
    const deviation = await scoped(tx, DealDeviation).insert({
      dealId: deal.id,
      clientId: deal.clientId,
      kind: input.kind,
      dueOn: input.dueOn ?? null,
      note: trimOrNull(input.note),
      approvers,
      amount: input.amount ?? null,
      causes: (input.causes ?? []).map((c) => c.trim()),
      actorId: ctx.actor.userId,
      resolvedAt: null,
    });
    return deviation;
  });
  return deviation;
}

/** Marks a deviation resolved (it leaves the control points). Resolving twice changes nothing. */
export async function resolveDealDeviation(ctx: AuthedContext, input: ResolveDealDeviationInput, now: Date = new Date()): Promise<DealDeviation> {
  return withTransaction(ctx, async (tx) => {
    const deviation = await scoped(tx, DealDeviation).getById(input.id, 'input.id', { lock: true });
    if (deviation.resolvedAt) return deviation;
    return scoped(tx, DealDeviation).update(deviation, { resolvedAt: now });
  });
}

/** One approver's decision; once every approver has approved, the deviation is resolved. */
export async function decideDealApproval(
  ctx: AuthedContext,
  input: DecideDealApprovalInput,
  now: Date = new Date(),
): Promise<DealDeviation | IllegalTransitionError> {
  return withTransaction(ctx, async (tx) => {
    const deviation = await scoped(tx, DealDeviation).getById(input.deviationId, 'input.deviationId', { lock: true });
    if (deviation.approvers.length === 0) {
      throw new BadUserInputError([{ path: 'input.deviationId', message: msg('validation.deviationWithoutApprovers') }]);
    }
    const approver = deviation.approvers[input.approverIndex];
    if (!approver) {
      throw new BadUserInputError([
        { path: 'input.approverIndex', message: msg('validation.approverIndexRange', { max: deviation.approvers.length - 1 }) },
      ]);
    }
    const from: ApprovalState = deviation.resolvedAt ? 'RESOLVED' : (approver.decision ?? 'PENDING');
    const illegal = checkTransition('DealApproval', APPROVAL_TRANSITIONS, from, input.decision);
    if (illegal) return illegal;
    const approvers = deviation.approvers.map((a, i) =>
      i === input.approverIndex ? { ...a, decision: input.decision, comment: trimOrNull(input.comment), decidedAt: now.toISOString() } : { ...a },
    );
    const allApproved = approvers.every((a) => a.decision === DealApprovalDecision.APPROVED);
    return scoped(tx, DealDeviation).update(deviation, { approvers, ...(allApproved ? { resolvedAt: now } : {}) });
  });
}

export function getDealDeviation(ctx: AuthedContext, id: string): Promise<DealDeviation | null> {
  return scoped(ctx, DealDeviation).findById(id);
}

// ---------------------------------------------------------------------------------------------
// fields of a deal, batched per request through ctx.loaders

export interface DealHistoryEntry {
  id: string;
  from: DealStage | null;
  to: DealStage;
  changedAt: Date;
  note: string | null;
  readonly actor: Promise<User | null> | null;
}

/** The stage history, oldest first; the actor is loaded (batched) only when asked for. */
export async function dealHistory(ctx: AuthedContext, deal: Deal): Promise<DealHistoryEntry[]> {
  const rows = await ctx.loaders.dealHistory.load(deal.id);
  return rows.map((r) => ({
    id: r.id,
    from: r.fromStage,
    to: r.toStage,
    changedAt: r.changedAt,
    note: r.note,
    get actor() {
      return r.actorId ? ctx.loaders.userById.load(r.actorId) : null;
    },
  }));
}

export async function dealTimeInStages(ctx: AuthedContext, deal: Deal, now: Date = new Date()): Promise<StageTime[]> {
  const rows = await ctx.loaders.dealHistory.load(deal.id);
  return timeInStages(rows, deal.closedAt ?? now);
}

export function dealDeviations(ctx: AuthedContext, deal: Deal): Promise<DealDeviation[]> {
  return ctx.loaders.dealDeviations.load(deal.id);
}
