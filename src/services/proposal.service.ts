import Decimal from 'decimal.js';
import { getOwnAgency } from './agency.service';
import type { AuthedContext, } from '../context';
import { Brief, Client, Deal, Proposal, ProposalLine, ProposalRevision } from '../entities';
import { DealStage, ProposalStatus, UserRole } from '../entities/enums';
import type { ProposalBlocks } from '../entities/proposal.entity';
import { BadUserInputError, FieldError } from '../errors';
import type { ConnectionResult } from '../schema/common/connection';
import { SortDirection } from '../schema/common/enums';
import type { ProposalsArgs } from '../schema/proposal/proposal.args';
import {
  type AcceptProposalInput,
  type CreateProposalInput,
  type ProposalBlocksInput,
  type ProposalLineInput,
  type RejectProposalInput,
  type ReviseProposalInput,
  type SendProposalInput,
  type UpdateProposalInput,
} from '../schema/proposal/proposal.inputs';
import { ProposalSortField } from '../schema/proposal/proposal.enums';
import { paginate, SortKey } from './pagination';
import { scoped, withTransaction } from './scope';
import { computeToolMix, ToolMix } from './tool-mix';
import { advanceDeal } from './deal-automation';
import { checkTransition, TransitionMap } from './transitions';
import { IllegalTransitionError } from '../schema/common/error-results';
import { EmptyMediaPlanError, ProposalNotEditableError, ProposalValidityPassedError, ToolMixOutOfPolicyError } from '../schema/proposal/proposal.results';
import { isPastLocalDay } from './time';
import { msg } from '../i18n';

const { DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED } = ProposalStatus;

/**
 * The proposal flow as data. EXPIRED is never written: a SENT offer whose validity day is over
 * reads as EXPIRED (see effectiveProposalStatus), and every change is looked up from that.
 * "→ DRAFT" is reviseProposal.
 */
export const PROPOSAL_TRANSITIONS: TransitionMap<ProposalStatus> = {
  [DRAFT]: [SENT],
  [SENT]: [ACCEPTED, REJECTED, EXPIRED, DRAFT],
  [REJECTED]: [DRAFT],
  [EXPIRED]: [DRAFT],
  [ACCEPTED]: [],
};

const DEFAULT_TITLE = 'Коммерческое предложение';

/** The status an offer has at `now`: SENT turns EXPIRED once its validity day is over in `timeZone`. */
export function effectiveProposalStatus(
  p: Pick<Proposal, 'status' | 'validUntil'>,
  timeZone: string,
  now: Date = new Date(),
): ProposalStatus {
  if (p.status === SENT && isPastLocalDay(p.validUntil, timeZone, now)) return EXPIRED;
  return p.status;
}

/**
 * The same rule in SQL, for filters: the validity day ends at the next local midnight of the
 * agency zone. Needs the parameters of effectiveStatusParams.
 */
export function effectiveStatusSql(alias: string): string {
  return `(CASE WHEN ${alias}."status" = 'SENT' AND ((${alias}."validUntil" + 1)::timestamp AT TIME ZONE :proposalTz) <= :proposalNow::timestamptz THEN 'EXPIRED' ELSE ${alias}."status"::text END)`;
}

export function effectiveStatusParams(timeZone: string, now: Date): { proposalTz: string; proposalNow: string } {
  return { proposalTz: timeZone, proposalNow: now.toISOString() };
}

// ---------------------------------------------------------------------------------------------
// error results

export interface ToolMixView {
  proven: string;
  uncertain: string;
  experimental: string;
  provenDeviation: string;
  uncertainDeviation: string;
  experimentalDeviation: string;
  tolerance: string;
  withinPolicy: boolean;
  totalBudget: string;
  provenBudget: string;
  uncertainBudget: string;
  experimentalBudget: string;
}

function toolMixView(mix: ToolMix): ToolMixView {
  return {
    proven: mix.proven.share,
    uncertain: mix.uncertain.share,
    experimental: mix.experimental.share,
    provenDeviation: mix.proven.deviation,
    uncertainDeviation: mix.uncertain.deviation,
    experimentalDeviation: mix.experimental.deviation,
    tolerance: mix.tolerance,
    withinPolicy: mix.withinPolicy,
    totalBudget: mix.totalBudget,
    provenBudget: mix.proven.budget,
    uncertainBudget: mix.uncertain.budget,
    experimentalBudget: mix.experimental.budget,
  };
}

// ---------------------------------------------------------------------------------------------
// agency settings, loaders

interface ProposalSettings {
  timeZone: string;
  tolerancePp: string;
}

async function settings(ctx: AuthedContext): Promise<ProposalSettings> {
  const agency = await getOwnAgency(ctx);
  return { timeZone: agency.timeZone, tolerancePp: agency.toolMixTolerancePp };
}

function isPortal(ctx: AuthedContext): boolean {
  return ctx.actor.role === UserRole.CLIENT;
}


/** Lines inside a transaction (not through the request-wide loader). */
function loadLines(tx: AuthedContext, proposalId: string): Promise<ProposalLine[]> {
  return scoped(tx, ProposalLine)
    .query('l')
    .andWhere('l."proposalId" = :proposalId', { proposalId })
    .orderBy('l."position"', 'ASC')
    .getMany();
}

// ---------------------------------------------------------------------------------------------
// reads

/** null when missing, another agency's, or (for a portal user) a draft or another client's. */
export function getProposal(ctx: AuthedContext, id: string): Promise<Proposal | null> {
  return scoped(ctx, Proposal).findById(id);
}

const SORT_KEYS: Record<ProposalSortField, Omit<SortKey<Proposal>, 'direction'> & { defaultDirection: 'ASC' | 'DESC' }> = {
  [ProposalSortField.CREATED_AT]: { column: 'p."createdAt"', value: (p) => p.createdAt, cast: 'timestamptz', defaultDirection: 'DESC' },
  [ProposalSortField.VALID_UNTIL]: { column: 'p."validUntil"', value: (p) => p.validUntil, cast: 'date', defaultDirection: 'ASC' },
};

/** A validUntil cursor must carry a date, or PostgreSQL would fail on the cast. */
function checkDateCursor(after: string | null | undefined): void {
  if (!after) return;
  let value: unknown;
  try {
    value = (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[])[0];
  } catch {
    value = null;
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new BadUserInputError([{ path: 'after', message: msg('validation.cursorOtherSort') }]);
  }
}

/** Proposals visible to the actor, filtered by effective status (EXPIRED computed in the agency zone). */
export async function listProposals(ctx: AuthedContext, args: ProposalsArgs, now: Date = new Date()): Promise<ConnectionResult<Proposal>> {
  const qb = scoped(ctx, Proposal).query('p');
  const f = args.filter;
  if (f?.clientId) qb.andWhere('p."clientId" = :clientId', { clientId: f.clientId });
  if (f?.dealId) qb.andWhere('p."dealId" = :dealId', { dealId: f.dealId });
  if (f?.validBefore) qb.andWhere('p."validUntil" <= :validBefore', { validBefore: f.validBefore });
  if (f?.statuses?.length) {
    const { timeZone } = await settings(ctx);
    qb.andWhere(`${effectiveStatusSql('p')} IN (:...statuses)`, { statuses: f.statuses, ...effectiveStatusParams(timeZone, now) });
  }
  const field = args.orderBy?.field ?? ProposalSortField.CREATED_AT;
  const { defaultDirection, ...sort } = SORT_KEYS[field];
  if (field === ProposalSortField.VALID_UNTIL) checkDateCursor(args.after);
  const direction = args.orderBy?.direction ?? (defaultDirection as SortDirection);
  return paginate(qb, args, { ...sort, direction });
}

/** The status as of now. */
export async function proposalStatus(ctx: AuthedContext, p: Proposal, now: Date = new Date()): Promise<ProposalStatus> {
  const { timeZone } = await settings(ctx);
  return effectiveProposalStatus(p, timeZone, now);
}

export interface ProposalLineView {
  id: string;
  position: number;
  channel: string;
  description: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  budget: string;
  agencyFee: string | null;
  feeInternal: boolean;
  expectedKpi: string | null;
  category: ProposalLine['category'];
}

/** A line as the actor may see it: a portal user never sees an internal fee. */
function lineView(ctx: AuthedContext, l: ProposalLineView): ProposalLineView {
  return {
    id: l.id,
    position: l.position,
    channel: l.channel,
    description: l.description ?? null,
    periodStart: l.periodStart ?? null,
    periodEnd: l.periodEnd ?? null,
    budget: l.budget,
    agencyFee: isPortal(ctx) && l.feeInternal ? null : l.agencyFee,
    feeInternal: l.feeInternal,
    expectedKpi: l.expectedKpi ?? null,
    category: l.category,
  };
}

/** The media plan, batched across proposals. */
export async function proposalLines(ctx: AuthedContext, p: Proposal): Promise<ProposalLineView[]> {
  const lines = await ctx.loaders.proposalLines.load(p.id);
  return lines.map((l) => lineView(ctx, l));
}

/** The 70/20/10 mix with the agency tolerance; null for an empty media plan. */
export async function proposalToolMix(ctx: AuthedContext, p: Proposal): Promise<ToolMixView | null> {
  const [lines, { tolerancePp }] = await Promise.all([ctx.loaders.proposalLines.load(p.id), settings(ctx)]);
  const mix = computeToolMix(lines, tolerancePp);
  return mix ? toolMixView(mix) : null;
}

/** Budget, fee and grand totals; a portal user's totals leave internal fees out. */
export async function proposalTotals(ctx: AuthedContext, p: Proposal) {
  const lines = await ctx.loaders.proposalLines.load(p.id);
  let budget = new Decimal(0);
  let fee = new Decimal(0);
  for (const l of lines) {
    budget = budget.plus(l.budget);
    if (!(isPortal(ctx) && l.feeInternal)) fee = fee.plus(l.agencyFee);
  }
  return { budgetTotal: budget.toFixed(2), feeTotal: fee.toFixed(2), grandTotal: budget.plus(fee).toFixed(2) };
}

/** The ten content blocks, every one present (null when empty). */
export function proposalBlocks(p: Proposal): Required<ProposalBlocks> {
  const b = p.blocks ?? {};
  return {
    companyPresentation: b.companyPresentation ?? null,
    achievements: b.achievements ?? null,
    team: b.team ?? null,
    cases: b.cases ?? null,
    marketAnalytics: b.marketAnalytics ?? null,
    placementAudit: b.placementAudit ?? null,
    recommendations: b.recommendations ?? null,
    mediaPlanNotes: b.mediaPlanNotes ?? null,
    commercialTerms: b.commercialTerms ?? null,
    guarantees: b.guarantees ?? null,
  };
}

/** The written reason for an out-of-policy mix: agency-internal, null for portal users. */
export function proposalMixJustification(ctx: AuthedContext, p: Proposal): string | null {
  return isPortal(ctx) ? null : p.mixJustification;
}

interface RevisionSnapshot {
  proposal: Partial<Record<keyof Proposal, unknown>>;
  lines: ProposalLineView[];
}

/** Previous revisions, oldest first (agency staff only: the portal sees none). */
export async function proposalRevisions(ctx: AuthedContext, p: Proposal) {
  const rows = await ctx.loaders.proposalRevisions.load(p.id);
  return rows.map((r) => {
    const snap = r.snapshot as unknown as RevisionSnapshot;
    return {
      id: r.id,
      revision: r.revision,
      status: r.statusAtRevision,
      correctedAt: r.correctedAt,
      reason: r.reason,
      title: String(snap.proposal?.title ?? ''),
      validUntil: (snap.proposal?.validUntil as string | undefined) ?? null,
      lines: (snap.lines ?? []).map((l) => lineView(ctx, l)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// writes

function trimOrNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

type LineValues = Omit<ProposalLineView, 'id' | 'position' | 'agencyFee'> & { agencyFee: string };

/** Input lines as column values; periods must be in order. */
function toLines(lines: ProposalLineInput[]): LineValues[] {
  const errors: FieldError[] = [];
  const out = lines.map((l, i) => {
    if (l.periodStart && l.periodEnd && l.periodEnd < l.periodStart) {
      errors.push({ path: `input.lines.${i}.periodEnd`, message: msg('validation.notBefore', { field: 'periodEnd', other: 'periodStart' }) });
    }
    return {
      channel: l.channel.trim(),
      description: trimOrNull(l.description),
      periodStart: l.periodStart ?? null,
      periodEnd: l.periodEnd ?? null,
      budget: l.budget,
      agencyFee: l.agencyFee ?? '0',
      feeInternal: l.feeInternal ?? false,
      expectedKpi: trimOrNull(l.expectedKpi),
      category: l.category,
    };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return out;
}

const BLOCK_KEYS = [
  'companyPresentation',
  'achievements',
  'team',
  'cases',
  'marketAnalytics',
  'placementAudit',
  'recommendations',
  'mediaPlanNotes',
  'commercialTerms',
  'guarantees',
] as const;

/** Given blocks over the current ones: a given block replaces, null or blank clears, omitted stays. */
function mergeBlocks(current: ProposalBlocks, input: ProposalBlocksInput | null | undefined): ProposalBlocks {
  const out: ProposalBlocks = {};
  for (const key of BLOCK_KEYS) {
    const given = input?.[key];
    const value = given === undefined ? current[key] : trimOrNull(given);
    if (value != null) out[key] = value;
  }
  return out;
}

/** The brief and the deal, when given, must be the same client's. */
async function checkLinks(tx: AuthedContext, clientId: string, briefId: string | null, dealId: string | null): Promise<void> {
  if (briefId) {
    const brief = await scoped(tx, Brief).getById(briefId, 'input.briefId');
    if (brief.clientId !== clientId) {
      throw new BadUserInputError([{ path: 'input.briefId', message: msg('validation.briefOfOtherClient') }]);
    }
  }
  if (dealId) {
    const deal = await scoped(tx, Deal).getById(dealId, 'input.dealId');
    if (deal.clientId !== clientId) {
      throw new BadUserInputError([{ path: 'input.dealId', message: msg('validation.dealOfOtherClient') }]);
    }
  }
}

/** Writes the offer's media plan (replacing any it had), in the given order. */
async function replaceLines(tx: AuthedContext, p: Proposal, lines: LineValues[]): Promise<void> {
  await scoped(tx, ProposalLine).replaceChildren('proposalId', p.id, lines.map((l, i) => ({ ...l, clientId: p.clientId, position: i + 1 })));
}

/** Creates a DRAFT offer with its media plan. */
export async function createProposal(ctx: AuthedContext, input: CreateProposalInput): Promise<Proposal> {
  const lines = toLines(input.lines ?? []);
  const proposal = await withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    const briefId = input.briefId ?? null;
    const dealId = input.dealId ?? null;
    await checkLinks(tx, client.id, briefId, dealId);
    const p = await scoped(tx, Proposal).insert({
      clientId: client.id,
      briefId,
      dealId,
      title: trimOrNull(input.title) ?? DEFAULT_TITLE,
      currency: input.currency,
      validUntil: input.validUntil,
      status: DRAFT,
      revision: 1,
      blocks: mergeBlocks({}, input.blocks),
      createdById: ctx.actor.userId,
    });
    await replaceLines(tx, p, lines);
    return p;
  });
  return proposal;
}

/** Changes a DRAFT; anything else is NOT_EDITABLE and nothing is written. */
export async function updateProposal(
  ctx: AuthedContext,
  input: UpdateProposalInput,
  now: Date = new Date(),
): Promise<Proposal | ProposalNotEditableError> {
  const lines = input.lines == null ? null : toLines(input.lines);
  for (const key of ['clientId', 'currency', 'validUntil', 'title'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  const result = await withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone } = await settings(tx);
    const status = effectiveProposalStatus(p, timeZone, now);
    if (status !== DRAFT) return new ProposalNotEditableError(status);

    const patch: Partial<Proposal> = {};
    if (input.clientId && input.clientId !== p.clientId) {
      patch.clientId = (await scoped(tx, Client).getById(input.clientId, 'input.clientId')).id;
    }
    if (input.title != null) patch.title = input.title.trim();
    if (input.currency != null) patch.currency = input.currency;
    if (input.validUntil != null) patch.validUntil = input.validUntil;
    if (input.briefId !== undefined) patch.briefId = input.briefId;
    if (input.dealId !== undefined) patch.dealId = input.dealId;
    if (input.blocks != null) patch.blocks = mergeBlocks(p.blocks ?? {}, input.blocks);
    const clientId = patch.clientId ?? p.clientId;
    await checkLinks(
      tx,
      clientId,
      patch.briefId !== undefined ? patch.briefId : p.briefId,
      patch.dealId !== undefined ? patch.dealId : p.dealId,
    );
    // the row's updatedAt also tells that the media plan changed
    patch.updatedAt = now;
    const updated = await repo.update(p, patch);
    if (lines) {
      await replaceLines(tx, updated, lines);
    } else if (patch.clientId) {
      const lineRepo = scoped(tx, ProposalLine);
      for (const l of await loadLines(tx, p.id)) await lineRepo.update(l, { clientId });
    }
    return updated;
  });
  return result;
}

export type SendProposalResult = Proposal | IllegalTransitionError | ToolMixOutOfPolicyError | EmptyMediaPlanError | ProposalValidityPassedError;

/**
 * DRAFT → SENT. Refused (nothing written) for an empty media plan, a validity date already over,
 * or a mix outside the agency tolerance without a justification; a given justification is kept.
 */
export async function sendProposal(ctx: AuthedContext, input: SendProposalInput, now: Date = new Date()): Promise<SendProposalResult> {
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone, tolerancePp } = await settings(tx);
    const illegal = checkTransition('Proposal', PROPOSAL_TRANSITIONS, effectiveProposalStatus(p, timeZone, now), SENT);
    if (illegal) return illegal;
    const lines = await loadLines(tx, p.id);
    const mix = computeToolMix(lines, tolerancePp);
    if (!mix) return new EmptyMediaPlanError(lines.length);
    if (isPastLocalDay(p.validUntil, timeZone, now)) return new ProposalValidityPassedError(p.validUntil);
    const justification = trimOrNull(input.justification);
    if (!mix.withinPolicy && !justification) return new ToolMixOutOfPolicyError(toolMixView(mix));
    const saved = await repo.update(p, {
      status: SENT,
      sentAt: now,
      mixJustification: justification,
      // the correction asked for (if any) has now been delivered
      correctionDueOn: null,
      decidedAt: null,
      decidedById: null,
      rejectionReason: null,
      rejectionNote: null,
    });
    await advanceDeal(tx, saved.dealId, DealStage.PROPOSAL, 'proposal sent');
    return saved;
  });
}

/** SENT → ACCEPTED, by agency staff or the client's portal user. */
export async function acceptProposal(
  ctx: AuthedContext,
  input: AcceptProposalInput,
  now: Date = new Date(),
): Promise<Proposal | IllegalTransitionError> {
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone } = await settings(tx);
    const illegal = checkTransition('Proposal', PROPOSAL_TRANSITIONS, effectiveProposalStatus(p, timeZone, now), ACCEPTED);
    if (illegal) return illegal;
    const saved = await repo.update(p, { status: ACCEPTED, decidedAt: now, decidedById: ctx.actor.userId }, { allowPortal: true });
    await advanceDeal(tx, saved.dealId, DealStage.CONTRACT, 'proposal accepted');
    return saved;
  });
}

/** SENT → REJECTED with a reason and a note, by agency staff or the client's portal user. */
export async function rejectProposal(
  ctx: AuthedContext,
  input: RejectProposalInput,
  now: Date = new Date(),
): Promise<Proposal | IllegalTransitionError> {
  const note = trimOrNull(input.note);
  if (!note) throw new BadUserInputError([{ path: 'input.note', message: msg('validation.notBlank', { field: 'note' }) }]);
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone } = await settings(tx);
    const illegal = checkTransition('Proposal', PROPOSAL_TRANSITIONS, effectiveProposalStatus(p, timeZone, now), REJECTED);
    if (illegal) return illegal;
    return repo.update(
      p,
      { status: REJECTED, rejectionReason: input.reason, rejectionNote: note, decidedAt: now, decidedById: ctx.actor.userId },
      { allowPortal: true },
    );
  });
}

/**
 * SENT / REJECTED / EXPIRED → DRAFT as the next revision. The current revision is kept whole
 * (proposal and media plan) with the date of the correction and its reason.
 */
export async function reviseProposal(
  ctx: AuthedContext,
  input: ReviseProposalInput,
  now: Date = new Date(),
): Promise<Proposal | IllegalTransitionError> {
  const reason = trimOrNull(input.reason);
  if (!reason) throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.notBlank', { field: 'reason' }) }]);
  const result = await withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone } = await settings(tx);
    const from = effectiveProposalStatus(p, timeZone, now);
    const illegal = checkTransition('Proposal', PROPOSAL_TRANSITIONS, from, DRAFT);
    if (illegal) return illegal;
    const lines = await loadLines(tx, p.id);
    const { client: _client, brief: _brief, deal: _deal, ...columns } = p;
    const snapshot: RevisionSnapshot = {
      proposal: { ...columns, status: from },
      lines: lines.map((l) => ({
        id: l.id,
        position: l.position,
        channel: l.channel,
        description: l.description,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        budget: l.budget,
        agencyFee: l.agencyFee,
        feeInternal: l.feeInternal,
        expectedKpi: l.expectedKpi,
        category: l.category,
      })),
    };
    await scoped(tx, ProposalRevision).insert({
      proposalId: p.id,
      revision: p.revision,
      snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>,
      statusAtRevision: from,
      correctedAt: now,
      reason,
      actorId: ctx.actor.userId,
    });
    return repo.update(p, {
      status: DRAFT,
      revision: p.revision + 1,
      correctionDueOn: input.correctionDueOn ?? null,
      sentAt: null,
      decidedAt: null,
      decidedById: null,
      rejectionReason: null,
      rejectionNote: null,
      mixJustification: null,
    });
  });
  return result;
}
