import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, PriceBasis, ProposalStatus, RejectionReason, ToolCategory, ToolMixBasis } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import './proposal.enums';

@ObjectType('ProposalBlocks', { description: 'The ten content blocks of a commercial offer, in the order agencies present them.' })
export class ProposalBlocksType {
  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Company and services presentation.' })
  companyPresentation: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Achievements, certifications, ratings.' })
  achievements: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Project team and how it works with the client.' })
  team: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Cases.' })
  cases: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: "Analytics of the client's business and market." })
  marketAnalytics: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Audit of current placements.' })
  placementAudit: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Recommendations.' })
  recommendations: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Notes to the media plan (the plan itself is `lines`).' })
  mediaPlanNotes: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Commercial terms.' })
  commercialTerms: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Agency guarantees.' })
  guarantees: string | null;
}

@ObjectType('ProposalLine', { description: 'A media-plan line: one channel or tool with its budget.' })
export class ProposalLineType {
  @PortalVisible()
  @Field(() => ID, { description: 'Line id.' })
  id: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Position in the media plan, from 1.' })
  position: number;

  @PortalVisible()
  @Field({ description: 'Channel or tool, e.g. «Яндекс Директ, поиск».' })
  channel: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'What is done in this channel.' })
  description: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'First day of the placement.' })
  periodStart: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the placement.' })
  periodEnd: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media budget of the line (exact).' })
  budget: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Agency fee of the line; null for a portal user when the fee is internal.' })
  agencyFee: string | null;

  @PortalHidden()
  @Field({ description: 'Whether the fee is internal (hidden from the client portal).' })
  feeInternal: boolean;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Expected KPI of the line.' })
  expectedKpi: string | null;

  @PortalVisible()
  @Field(() => ToolCategory, { description: '70/20/10 category of the tool.' })
  category: ToolCategory;
}

@ObjectType('ToolMixShares', {
  description: 'One view of the 70/20/10 mix: shares per category in percent of the budget or of the tool count (rounded to 2 decimals for display; the verdict is exact).',
})
export class ToolMixSharesType {
  @Field(() => ToolMixBasis, { description: 'What the shares are of: the media budget or the number of tools.' })
  basis: ToolMixBasis;

  @Field(() => DecimalScalar, { description: 'Share of proven tools, in percent (target 70).' })
  proven: string;

  @Field(() => DecimalScalar, { description: 'Share of tools the agency is not sure about, in percent (target 20).' })
  uncertain: string;

  @Field(() => DecimalScalar, { description: 'Share of experiments, in percent (target 10).' })
  experimental: string;

  @Field(() => DecimalScalar, { description: 'proven − 70, in percentage points (signed).' })
  provenDeviation: string;

  @Field(() => DecimalScalar, { description: 'uncertain − 20, in percentage points (signed).' })
  uncertainDeviation: string;

  @Field(() => DecimalScalar, { description: 'experimental − 10, in percentage points (signed).' })
  experimentalDeviation: string;

  @Field({ description: 'Whether every share of this view is within the agency tolerance of its target.' })
  withinPolicy: boolean;
}

@ObjectType('ToolMix', {
  description:
    'The 70/20/10 tool mix of a media plan. The shares and the verdict at the top level are those of the view that gates sending (basis: the agency setting; a plan without media budget is measured by tool count); both views are in byBudget and byToolCount.',
})
export class ToolMixType {
  @Field(() => ToolMixBasis, { description: 'The view the shares, deviations and withinPolicy below are of, and that gates sending.' })
  basis: ToolMixBasis;

  @Field(() => ToolMixSharesType, { nullable: true, description: 'The mix by share of the media budget; null for a plan without media budget (fees only).' })
  byBudget: ToolMixSharesType | null;

  @Field(() => ToolMixSharesType, { description: 'The mix by number of tools (distinct channels per category), whatever their budgets.' })
  byToolCount: ToolMixSharesType;

  @Field(() => Int, { description: 'Tools in the plan: distinct channels per category.' })
  totalTools: number;

  @Field(() => Int, { description: 'Proven tools (distinct channels).' })
  provenTools: number;

  @Field(() => Int, { description: 'Tools the agency is not sure about (distinct channels).' })
  uncertainTools: number;

  @Field(() => Int, { description: 'Experimental tools (distinct channels).' })
  experimentalTools: number;

  @Field(() => DecimalScalar, { description: 'Share of proven tools, in percent (target 70), e.g. "70.00".' })
  proven: string;

  @Field(() => DecimalScalar, { description: 'Share of tools the agency is not sure about, in percent (target 20).' })
  uncertain: string;

  @Field(() => DecimalScalar, { description: 'Share of experiments, in percent (target 10).' })
  experimental: string;

  @Field(() => DecimalScalar, { description: 'proven − 70, in percentage points (signed).' })
  provenDeviation: string;

  @Field(() => DecimalScalar, { description: 'uncertain − 20, in percentage points (signed).' })
  uncertainDeviation: string;

  @Field(() => DecimalScalar, { description: 'experimental − 10, in percentage points (signed).' })
  experimentalDeviation: string;

  @Field(() => DecimalScalar, { description: 'The tolerance applied (agency setting), in percentage points.' })
  tolerance: string;

  @Field({ description: 'Whether every share (of the gating view) is within the tolerance of its target: sending without a justification needs it.' })
  withinPolicy: boolean;

  @Field(() => DecimalScalar, { description: 'Media budget of all lines (exact).' })
  totalBudget: string;

  @Field(() => DecimalScalar, { description: 'Media budget of proven tools (exact).' })
  provenBudget: string;

  @Field(() => DecimalScalar, { description: 'Media budget of uncertain tools (exact).' })
  uncertainBudget: string;

  @Field(() => DecimalScalar, { description: 'Media budget of experiments (exact).' })
  experimentalBudget: string;
}

@ObjectType('ProposalTotals', { description: 'Totals of the media plan (exact, in the offer currency).' })
export class ProposalTotalsType {
  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Sum of the media budgets of the lines.' })
  budgetTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Sum of the agency fees (a portal user sees only the fees that are not internal).' })
  feeTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'budgetTotal + feeTotal: for a portal user, what the client is offered (and what a contract made from the accepted offer bills: internal fees never are).' })
  grandTotal: string;
}

@ObjectType('ProposalRevision', { description: 'A previous revision of an offer, kept whole when it was revised.' })
export class ProposalRevisionType {
  @Field(() => ID, { description: 'Revision record id.' })
  id: string;

  @Field(() => Int, { description: 'The revision number this snapshot had (1 for the first).' })
  revision: number;

  @Field(() => ProposalStatus, { description: 'The (effective) status the offer had when it was revised.' })
  status: ProposalStatus;

  @Field({ description: 'When the correction was started (the date of the correction).' })
  correctedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why it was corrected.' })
  reason: string | null;

  @Field({ description: 'Title of that revision.' })
  title: string;

  @Field(() => DateScalar, { nullable: true, description: 'Validity date of that revision.' })
  validUntil: string | null;

  @Field(() => [ProposalLineType], { description: 'The media plan of that revision.' })
  lines: ProposalLineType[];
}

@ObjectType('Proposal', { description: 'A commercial offer (КП) to a client, with a media plan and the 70/20/10 tool mix.' })
export class ProposalType {
  @PortalVisible()
  @Field(() => ID, { description: 'Proposal id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client it is addressed to.' })
  clientId: string;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'The brief it answers.' })
  briefId: string | null;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'The deal it belongs to.' })
  dealId: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'The offer number (e.g. КП-2026-0001), from the agency pattern when the offer is first sent; unique per agency, in its own series; kept when the offer is revised and sent again. Null on a draft never sent.' })
  number: string | null;

  @PortalVisible()
  @Field({ description: 'Title.' })
  title: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency of every amount.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => PriceBasis, { description: 'Whether the prices of the offer include VAT (VAT_INCLUDED, «в т.ч. НДС») or add it on top (VAT_ON_TOP); a contract made from the offer keeps it.' })
  priceBasis: PriceBasis;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day the offer holds; it expires at the end of that day (agency time zone).' })
  validUntil: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Revision number, 1 for the first; every reviseProposal adds one.' })
  revision: number;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was last sent to the client.' })
  sentAt: Date | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When the client accepted or rejected it.' })
  decidedAt: Date | null;

  @PortalVisible()
  @Field(() => RejectionReason, { nullable: true, description: 'Why it was rejected.' })
  rejectionReason: RejectionReason | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'What the client said when rejecting it.' })
  rejectionNote: string | null;

  @PortalHidden()
  @Field(() => DateScalar, { nullable: true, description: 'When the current correction is due (set by reviseProposal, cleared on sending).' })
  correctionDueOn: string | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;

  @PortalVisible()
  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('ProposalConnection', { description: 'A page of proposals.' })
export class ProposalConnection extends Connection(ProposalType, 'Proposal') {}
