import type { AuthedContext } from '../context';
import { Proposal } from '../entities';
import { ProposalStatus, UserRole } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import type { ConnectionResult } from '../schema/common/connection';
import { SortDirection } from '../schema/common/enums';
import type { ProposalBlocks } from '../entities/proposal.entity';
import type { ProposalsArgs } from '../schema/proposal/proposal.args';
import { ProposalSortField } from '../schema/proposal/proposal.enums';
import { getOwnAgency } from './agency.service';
import { paginate, SortKey } from './pagination';
import {
  BLOCK_KEYS,
  effectiveProposalStatus,
  effectiveStatusParams,
  effectiveStatusSql,
  lineView,
  offerPlan,
  offerPrice,
  proposalLineTotals,
  type OfferPlan,
  type OfferPrice,
  toolMixView,
  type ProposalLineView,
  type ProposalTotals,
  type RevisionSnapshot,
  type ToolMixView,
} from './proposal.rules';
import { vatTreatmentOn } from './requisites.service';
import { scoped } from './scope';
import type { VatTreatment } from './money/vat';
import { computeToolMixes } from './tool-mix';

/** Proposals as read: lookups, the list, and the fields resolvers show (as the actor may see them). */

function isPortal(ctx: AuthedContext): boolean {
  return ctx.actor.role === UserRole.CLIENT;
}

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
    const { timeZone } = await getOwnAgency(ctx);
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
  const { timeZone } = await getOwnAgency(ctx);
  return effectiveProposalStatus(p, timeZone, now);
}

/** The media plan, batched across proposals. */
export async function proposalLines(ctx: AuthedContext, p: Proposal): Promise<ProposalLineView[]> {
  const lines = await ctx.loaders.proposalLines.load(p.id);
  return lines.map((l) => lineView(l, isPortal(ctx)));
}

/** The 70/20/10 mix, both views, with the agency tolerance and basis; null for a plan without lines. */
export async function proposalToolMix(ctx: AuthedContext, p: Proposal): Promise<ToolMixView | null> {
  const [lines, agency] = await Promise.all([ctx.loaders.proposalLines.load(p.id), getOwnAgency(ctx)]);
  const mixes = computeToolMixes(lines, agency.toolMixTolerancePp, agency.toolMixBasis);
  return mixes ? toolMixView(mixes) : null;
}

/** Budget, fee and grand totals; a portal user's totals leave internal fees out. */
export async function proposalTotals(ctx: AuthedContext, p: Proposal): Promise<ProposalTotals> {
  return proposalLineTotals(await ctx.loaders.proposalLines.load(p.id), !isPortal(ctx));
}

/** The ten content blocks, every one present (null when empty). */
export function proposalBlocks(p: Proposal): Required<ProposalBlocks> {
  const b = p.blocks ?? {};
  return Object.fromEntries(BLOCK_KEYS.map((key) => [key, b[key] ?? null])) as Required<ProposalBlocks>;
}

/** The written reason for an out-of-policy mix: agency-internal, null for portal users. */
export function proposalMixJustification(ctx: AuthedContext, p: Proposal): string | null {
  return isPortal(ctx) ? null : p.mixJustification;
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
      lines: (snap.lines ?? []).map((l) => lineView(l, isPortal(ctx))),
    };
  });
}

/** What the client is offered, whoever reads it: the media plan without internal fees, its 70/20/10 mix and the final price. */
export interface ProposalAsOffered {
  plan: OfferPlan;
  /** null for a plan without lines */
  toolMix: ToolMixView | null;
  price: OfferPrice;
  /** how VAT is charged on `date` (the regime and its rate) */
  vat: VatTreatment;
}

/**
 * The offer as it goes to the client, priced with the VAT of the agency's regime on `date` (the
 * offer's date): the commercial-offer document prints this, the same for agency staff and portal
 * users, so no internal fee ever reaches the paper.
 */
export async function proposalAsOffered(ctx: AuthedContext, p: Proposal, date: string): Promise<ProposalAsOffered> {
  const [lines, agency, vat] = await Promise.all([ctx.loaders.proposalLines.load(p.id), getOwnAgency(ctx), vatTreatmentOn(ctx, date)]);
  const plan = offerPlan(lines.map((l) => lineView(l, true)));
  const mixes = computeToolMixes(lines, agency.toolMixTolerancePp, agency.toolMixBasis);
  const rate = vat.chargesVat ? vat.rate : null;
  return { plan, toolMix: mixes ? toolMixView(mixes) : null, price: offerPrice(plan.totals.grandTotal, p.priceBasis, rate), vat };
}
