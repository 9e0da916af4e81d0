import Decimal from 'decimal.js';
import type { Proposal, ProposalLine } from '../entities';
import { PriceBasis, ProposalStatus, ToolCategory, ToolMixBasis } from '../entities/enums';
import type { ProposalBlocks } from '../entities/proposal.entity';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import type { ProposalBlocksInput, ProposalLineInput } from '../schema/proposal/proposal.inputs';
import { lineAmounts } from './money/totals';
import { trimOrNull } from './text';
import { isPastLocalDay } from './time';
import type { ToolMix, ToolMixes } from './tool-mix';
import type { TransitionMap } from './transitions';

/** The pure rules of proposals: the status flow and expiry, media-plan lines, blocks, totals. No database. */

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

/** The title of an offer created without one. */
export const DEFAULT_TITLE = 'Коммерческое предложение';

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
// the media plan

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
export function lineView(l: ProposalLineView, portal: boolean): ProposalLineView {
  return {
    id: l.id,
    position: l.position,
    channel: l.channel,
    description: l.description ?? null,
    periodStart: l.periodStart ?? null,
    periodEnd: l.periodEnd ?? null,
    budget: l.budget,
    agencyFee: portal && l.feeInternal ? null : l.agencyFee,
    feeInternal: l.feeInternal,
    expectedKpi: l.expectedKpi ?? null,
    category: l.category,
  };
}

export type LineValues = Omit<ProposalLineView, 'id' | 'position' | 'agencyFee'> & { agencyFee: string };

/** Input lines as column values; periods must be in order. */
export function toLines(lines: ProposalLineInput[]): LineValues[] {
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

export interface ProposalTotals {
  budgetTotal: string;
  feeTotal: string;
  grandTotal: string;
}

/** Media budgets, agency fees (internal ones only when `withInternalFees`) and their sum, to the cent. */
export function proposalLineTotals(lines: readonly Pick<ProposalLine, 'budget' | 'agencyFee' | 'feeInternal'>[], withInternalFees: boolean): ProposalTotals {
  let budget = new Decimal(0);
  let fee = new Decimal(0);
  for (const l of lines) {
    budget = budget.plus(l.budget);
    if (withInternalFees || !l.feeInternal) fee = fee.plus(l.agencyFee ?? 0);
  }
  return { budgetTotal: budget.toFixed(2), feeTotal: fee.toFixed(2), grandTotal: budget.plus(fee).toFixed(2) };
}

export interface ToolMixSharesView {
  basis: ToolMixBasis;
  proven: string;
  uncertain: string;
  experimental: string;
  provenDeviation: string;
  uncertainDeviation: string;
  experimentalDeviation: string;
  withinPolicy: boolean;
}

export interface ToolMixView extends ToolMixSharesView {
  tolerance: string;
  totalBudget: string;
  provenBudget: string;
  uncertainBudget: string;
  experimentalBudget: string;
  totalTools: number;
  provenTools: number;
  uncertainTools: number;
  experimentalTools: number;
  byBudget: ToolMixSharesView | null;
  byToolCount: ToolMixSharesView;
}

function sharesView(mix: ToolMix): ToolMixSharesView {
  return {
    basis: mix.basis,
    proven: mix.proven.share,
    uncertain: mix.uncertain.share,
    experimental: mix.experimental.share,
    provenDeviation: mix.proven.deviation,
    uncertainDeviation: mix.uncertain.deviation,
    experimentalDeviation: mix.experimental.deviation,
    withinPolicy: mix.withinPolicy,
  };
}

/** Proposal.toolMix: the gating view at the top, both views below, budgets and tool counts. */
export function toolMixView(mixes: ToolMixes): ToolMixView {
  const mix = mixes.gate;
  return {
    ...sharesView(mix),
    tolerance: mix.tolerance,
    totalBudget: mix.totalBudget,
    provenBudget: mix.proven.budget,
    uncertainBudget: mix.uncertain.budget,
    experimentalBudget: mix.experimental.budget,
    totalTools: mix.totalTools,
    provenTools: mix.proven.tools,
    uncertainTools: mix.uncertain.tools,
    experimentalTools: mix.experimental.tools,
    byBudget: mixes.byBudget ? sharesView(mixes.byBudget) : null,
    byToolCount: sharesView(mixes.byToolCount),
  };
}

/**
 * A plan that carries no money at all (no media budget and no fee on any line) cannot be sent; a
 * plan of fees only (SEO, SMM, web work) can.
 */
export function carriesMoney(lines: readonly Pick<ProposalLine, 'budget' | 'agencyFee'>[]): boolean {
  return lines.some((l) => !new Decimal(l.budget).isZero() || !new Decimal(l.agencyFee ?? 0).isZero());
}

// ---------------------------------------------------------------------------------------------
// content blocks and revisions

export const BLOCK_KEYS = [
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
export function mergeBlocks(current: ProposalBlocks, input: ProposalBlocksInput | null | undefined): ProposalBlocks {
  const out: ProposalBlocks = {};
  for (const key of BLOCK_KEYS) {
    const given = input?.[key];
    const value = given === undefined ? current[key] : trimOrNull(given);
    if (value != null) out[key] = value;
  }
  return out;
}

/** What a revision keeps of the offer: its columns and its media plan as they were. */
export interface RevisionSnapshot {
  proposal: Partial<Record<keyof Proposal, unknown>>;
  lines: ProposalLineView[];
}

// ---------------------------------------------------------------------------------------------
// the offer as the client reads it (what the commercial-offer document prints)

/** A media-plan line as the client sees it: internal fees are left out (null), not shown as zero. */
export interface OfferLine {
  position: number;
  channel: string;
  description: string | null;
  expectedKpi: string | null;
  category: ToolCategory;
  periodStart: string | null;
  periodEnd: string | null;
  budget: string;
  fee: string | null;
  /** the line's share of the media budget in percent (2 decimals, display only); null without media budget */
  budgetShare: string | null;
}

/** A category of the 70/20/10 mix with its subtotals. */
export interface OfferCategory {
  category: ToolCategory;
  budget: string;
  /** visible agency fees of the category */
  fee: string;
  /** budget + visible fees */
  amount: string;
  budgetShare: string | null;
  lines: number;
}

export interface OfferPlan {
  /** grouped by category in the 70/20/10 order, in the manager's order within a category */
  lines: OfferLine[];
  /** the categories that have lines, in the 70/20/10 order */
  categories: OfferCategory[];
  totals: ProposalTotals;
}

const CATEGORY_ORDER: readonly ToolCategory[] = [ToolCategory.PROVEN, ToolCategory.UNCERTAIN, ToolCategory.EXPERIMENTAL];

function shareOf(part: Decimal.Value, whole: Decimal): string | null {
  if (whole.isZero()) return null;
  return new Decimal(part).times(100).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * The media plan as the offer prints it: the client's view of every line (an internal fee is
 * neither shown nor counted), shares of the media budget, subtotals per category and the totals
 * the client is offered (the ones a contract made from the offer bills).
 */
export function offerPlan(lines: readonly Omit<ProposalLineView, 'id'>[]): OfferPlan {
  const totals = proposalLineTotals(
    lines.map((l) => ({ budget: l.budget, agencyFee: l.agencyFee ?? '0', feeInternal: l.feeInternal })),
    false,
  );
  const whole = new Decimal(totals.budgetTotal);
  const sorted = [...lines].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.position - b.position);
  const out: OfferLine[] = sorted.map((l) => ({
    position: l.position,
    channel: l.channel,
    description: l.description ?? null,
    expectedKpi: l.expectedKpi ?? null,
    category: l.category,
    periodStart: l.periodStart ?? null,
    periodEnd: l.periodEnd ?? null,
    budget: new Decimal(l.budget).toFixed(2),
    fee: l.feeInternal ? null : new Decimal(l.agencyFee ?? 0).toFixed(2),
    budgetShare: shareOf(l.budget, whole),
  }));
  const categories = CATEGORY_ORDER.flatMap((category): OfferCategory[] => {
    const of = out.filter((l) => l.category === category);
    if (!of.length) return [];
    const budget = of.reduce((sum, l) => sum.plus(l.budget), new Decimal(0));
    const fee = of.reduce((sum, l) => sum.plus(l.fee ?? 0), new Decimal(0));
    return [{ category, budget: budget.toFixed(2), fee: fee.toFixed(2), amount: budget.plus(fee).toFixed(2), budgetShare: shareOf(budget, whole), lines: of.length }];
  });
  return { lines: out, categories, totals };
}

/** The offer's final price: the client's grand total read by its price basis at the VAT rate (null: without VAT). */
export interface OfferPrice {
  basis: PriceBasis;
  vatRate: string | null;
  net: string;
  vat: string;
  /** what the client pays */
  total: string;
}

/**
 * VAT on the offered total, by the rounding rule of invoices: with VAT on top it is added to the
 * total, with VAT included it is the part of the total; without VAT the total stands.
 */
export function offerPrice(grandTotal: string, basis: PriceBasis, vatRate: string | null): OfferPrice {
  const a = lineAmounts({ quantity: '1', unitPrice: grandTotal, vatRate }, basis);
  return { basis, vatRate, net: a.net, vat: a.vat, total: a.gross };
}
