import type { AuthedContext } from '../context';
import { Brief, Client, Deal, Proposal, ProposalLine, ProposalRevision } from '../entities';
import { DealStage, DocumentKind, ProposalStatus } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { IllegalTransitionError } from '../schema/common/error-results';
import type {
  AcceptProposalInput,
  CreateProposalInput,
  RejectProposalInput,
  ReviseProposalInput,
  SendProposalInput,
  UpdateProposalInput,
} from '../schema/proposal/proposal.inputs';
import { EmptyMediaPlanError, ProposalNotEditableError, ProposalValidityPassedError, ToolMixOutOfPolicyError } from '../schema/proposal/proposal.results';
import { getOwnAgency } from './agency.service';
import { advanceDeal, loseDealAt } from './deal-automation';
import { linkedOfClient } from './links';
import { childRowsOf } from '../loaders';
import {
  carriesMoney,
  DEFAULT_TITLE,
  effectiveProposalStatus,
  lineView,
  mergeBlocks,
  PROPOSAL_TRANSITIONS,
  toLines,
  toolMixView,
  type LineValues,
  type RevisionSnapshot,
} from './proposal.rules';
import { assignDocumentNumber, withUniqueNumber } from './numbering';
import { getRequisites } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { requireText, trimOrNull } from './text';
import { isPastLocalDay, localDate } from './time';
import { computeToolMixes } from './tool-mix';
import { transitionRow } from './transitions';

/**
 * Proposal mutations, each one transaction. The pure rules (status flow and expiry, lines,
 * blocks, totals) are in proposal.rules.ts, the reads in proposal.reads.ts.
 */

const { DRAFT, SENT, ACCEPTED, REJECTED } = ProposalStatus;

/** Lines inside a transaction (not through the request-wide loader). */
function loadLines(tx: AuthedContext, proposalId: string): Promise<ProposalLine[]> {
  return childRowsOf(tx, ProposalLine, 'proposalId', [proposalId], ['position']);
}

/** The brief and the deal, when given, must be the same client's. */
async function checkLinks(tx: AuthedContext, clientId: string, briefId: string | null, dealId: string | null): Promise<void> {
  if (briefId) await linkedOfClient(tx, Brief, briefId, clientId, 'input.briefId', 'validation.briefOfOtherClient');
  if (dealId) await linkedOfClient(tx, Deal, dealId, clientId, 'input.dealId', 'validation.dealOfOtherClient');
}

/** Writes the offer's media plan (replacing any it had), in the given order. */
async function replaceLines(tx: AuthedContext, p: Proposal, lines: LineValues[]): Promise<void> {
  await scoped(tx, ProposalLine).replaceChildren('proposalId', p.id, lines.map((l, i) => ({ ...l, clientId: p.clientId, position: i + 1 })));
}

/**
 * A status change looked up from the status the offer has at `now` (a SENT offer past its
 * validity day changes as EXPIRED).
 */
async function proposalTransition<R>(
  tx: AuthedContext,
  id: string,
  to: ProposalStatus,
  now: Date,
  apply: (p: Proposal, from: ProposalStatus, timeZone: string) => Promise<R>,
): Promise<R | IllegalTransitionError> {
  const { timeZone } = await getOwnAgency(tx);
  return transitionRow(tx, Proposal, id, PROPOSAL_TRANSITIONS, to, (p, from) => apply(p, from, timeZone), {
    statusOf: (p) => effectiveProposalStatus(p, timeZone, now),
  });
}

/** The next number of the agency's offer series, written onto the proposal (first send only). */
async function numberProposal(tx: AuthedContext, id: string, sentOn: string): Promise<string> {
  const { proposalNumberPattern } = await getRequisites(tx);
  return withUniqueNumber('proposals_number_unique', msg('errors.conflict.DUPLICATE_PROPOSAL_NUMBER'), () =>
    assignDocumentNumber(tx, { table: 'proposals', id }, DocumentKind.PROPOSAL, proposalNumberPattern, sentOn),
  );
}

/** Creates a DRAFT offer with its media plan. */
export async function createProposal(ctx: AuthedContext, input: CreateProposalInput): Promise<Proposal> {
  const lines = toLines(input.lines ?? []);
  return withTransaction(ctx, async (tx) => {
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
      priceBasis: input.priceBasis ?? (await getOwnAgency(tx)).priceBasis,
      validUntil: input.validUntil,
      status: DRAFT,
      revision: 1,
      blocks: mergeBlocks({}, input.blocks),
      createdById: ctx.actor.userId,
    });
    await replaceLines(tx, p, lines);
    return p;
  });
}

/** Changes a DRAFT; anything else is NOT_EDITABLE and nothing is written. */
export async function updateProposal(
  ctx: AuthedContext,
  input: UpdateProposalInput,
  now: Date = new Date(),
): Promise<Proposal | ProposalNotEditableError> {
  const lines = input.lines == null ? null : toLines(input.lines);
  for (const key of ['clientId', 'currency', 'validUntil', 'title', 'priceBasis'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  return withTransaction(ctx, async (tx) => {
    const repo = scoped(tx, Proposal);
    const p = await repo.getById(input.id, 'input.id', { lock: true });
    const { timeZone } = await getOwnAgency(tx);
    const status = effectiveProposalStatus(p, timeZone, now);
    if (status !== DRAFT) return new ProposalNotEditableError(status);

    const patch: Partial<Proposal> = {};
    if (input.clientId && input.clientId !== p.clientId) {
      patch.clientId = (await scoped(tx, Client).getById(input.clientId, 'input.clientId')).id;
    }
    if (input.title != null) patch.title = input.title.trim();
    if (input.currency != null) patch.currency = input.currency;
    if (input.priceBasis != null) patch.priceBasis = input.priceBasis;
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
}

export type SendProposalResult = Proposal | IllegalTransitionError | ToolMixOutOfPolicyError | EmptyMediaPlanError | ProposalValidityPassedError;

/**
 * DRAFT → SENT. Refused (nothing written) for a media plan without lines or without any money
 * (a plan of fees only is fine), a validity date already over, or a mix outside the agency
 * tolerance (in the view the agency gates by) without a justification; a given justification is kept.
 */
export async function sendProposal(ctx: AuthedContext, input: SendProposalInput, now: Date = new Date()): Promise<SendProposalResult> {
  return withTransaction(ctx, (tx) =>
    proposalTransition(tx, input.id, SENT, now, async (p, _from, timeZone): Promise<SendProposalResult> => {
      const lines = await loadLines(tx, p.id);
      const agency = await getOwnAgency(tx);
      const mixes = computeToolMixes(lines, agency.toolMixTolerancePp, agency.toolMixBasis);
      if (!mixes || !carriesMoney(lines)) return new EmptyMediaPlanError(lines.length);
      if (isPastLocalDay(p.validUntil, timeZone, now)) return new ProposalValidityPassedError(p.validUntil);
      const justification = trimOrNull(input.justification);
      if (!mixes.gate.withinPolicy && !justification) return new ToolMixOutOfPolicyError(toolMixView(mixes));
      const saved = await scoped(tx, Proposal).update(p, {
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
      // the number last (the counter row stays locked until commit); a resent offer keeps its own
      if (!saved.number) saved.number = await numberProposal(tx, saved.id, localDate(now, timeZone));
      return saved;
    }),
  );
}

/** SENT → ACCEPTED, by agency staff or the client's portal user. */
export async function acceptProposal(
  ctx: AuthedContext,
  input: AcceptProposalInput,
  now: Date = new Date(),
): Promise<Proposal | IllegalTransitionError> {
  return withTransaction(ctx, (tx) =>
    proposalTransition(tx, input.id, ACCEPTED, now, async (p) => {
      const saved = await scoped(tx, Proposal).update(p, { status: ACCEPTED, decidedAt: now, decidedById: ctx.actor.userId }, { allowPortal: true });
      await advanceDeal(tx, saved.dealId, DealStage.CONTRACT, 'proposal accepted');
      return saved;
    }),
  );
}

/**
 * SENT → REJECTED with a reason and a note, by agency staff or the client's portal user. Its deal
 * is closed LOST at PROPOSAL with the same reason (see loseDealAt).
 */
export async function rejectProposal(
  ctx: AuthedContext,
  input: RejectProposalInput,
  now: Date = new Date(),
): Promise<Proposal | IllegalTransitionError> {
  const note = requireText(input.note, 'input.note');
  return withTransaction(ctx, (tx) =>
    proposalTransition(tx, input.id, REJECTED, now, async (p) => {
      const saved = await scoped(tx, Proposal).update(
        p,
        { status: REJECTED, rejectionReason: input.reason, rejectionNote: note, decidedAt: now, decidedById: ctx.actor.userId },
        { allowPortal: true },
      );
      // the refusal ends the deal where it happened, so the funnel sees it
      await loseDealAt(tx, saved.dealId, DealStage.PROPOSAL, input.reason, note, 'proposal rejected');
      return saved;
    }),
  );
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
  const reason = requireText(input.reason, 'input.reason');
  return withTransaction(ctx, (tx) =>
    proposalTransition(tx, input.id, DRAFT, now, async (p, from) => {
      const lines = await loadLines(tx, p.id);
      const { client: _client, brief: _brief, deal: _deal, ...columns } = p;
      const snapshot: RevisionSnapshot = {
        proposal: { ...columns, status: from },
        lines: lines.map((l) => lineView(l, false)),
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
      return scoped(tx, Proposal).update(p, {
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
    }),
  );
}
