import { NotBlank } from '../validators/not-blank';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode, PriceBasis, ProposalStatus, RejectionReason, ToolCategory } from '../../entities/enums';
import { SortDirection } from '../common/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { ProposalSortField } from './proposal.enums';

export const MAX_MEDIA_PLAN_LINES = 200;

@InputType({ description: 'A media-plan line: one channel or tool with its budget and 70/20/10 category.' })
export class ProposalLineInput {
  @Field(() => String, { description: 'Channel or tool, e.g. «Яндекс Директ, поиск» (1–200 characters).' })
  @Length(1, 200, { message: 'channel must be 1–200 characters long' })
  @NotBlank()
  channel: string;

  @Field(() => DecimalScalar, { description: 'Media budget of the line (exact, non-negative, at most 2 decimals).' })
  @IsMoney()
  budget: string;

  @Field(() => ToolCategory, { description: '70/20/10 category of the tool: proven, uncertain or experimental.' })
  @IsEnum(ToolCategory)
  category: ToolCategory;

  @Field(() => String, { nullable: true, description: 'What is done in this channel.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the placement.' })
  @IsOptional()
  periodStart?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the placement (not before periodStart).' })
  @IsOptional()
  periodEnd?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Agency fee of the line (exact, non-negative); 0 when omitted.' })
  @IsOptional()
  @IsMoney()
  agencyFee?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'An internal fee: hidden from the client portal. false when omitted.' })
  @IsOptional()
  @IsBoolean()
  feeInternal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Expected KPI of the line, e.g. "CPL ≤ 1 500 ₽" (up to 300 characters).' })
  @IsOptional()
  @MaxLength(300)
  expectedKpi?: string | null;
}

@InputType({ description: 'The ten content blocks of a proposal; on update, omitted blocks stay and null clears one.' })
export class ProposalBlocksInput {
  @Field(() => String, { nullable: true, description: 'Company and services presentation.' })
  @IsOptional()
  @MaxLength(20_000)
  companyPresentation?: string | null;

  @Field(() => String, { nullable: true, description: 'Achievements, certifications, ratings.' })
  @IsOptional()
  @MaxLength(20_000)
  achievements?: string | null;

  @Field(() => String, { nullable: true, description: 'Project team and how it works with the client.' })
  @IsOptional()
  @MaxLength(20_000)
  team?: string | null;

  @Field(() => String, { nullable: true, description: 'Cases.' })
  @IsOptional()
  @MaxLength(20_000)
  cases?: string | null;

  @Field(() => String, { nullable: true, description: "Analytics of the client's business and market." })
  @IsOptional()
  @MaxLength(20_000)
  marketAnalytics?: string | null;

  @Field(() => String, { nullable: true, description: 'Audit of current placements.' })
  @IsOptional()
  @MaxLength(20_000)
  placementAudit?: string | null;

  @Field(() => String, { nullable: true, description: 'Recommendations.' })
  @IsOptional()
  @MaxLength(20_000)
  recommendations?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes to the media plan (the plan itself is the lines).' })
  @IsOptional()
  @MaxLength(20_000)
  mediaPlanNotes?: string | null;

  @Field(() => String, { nullable: true, description: 'Commercial terms.' })
  @IsOptional()
  @MaxLength(20_000)
  commercialTerms?: string | null;

  @Field(() => String, { nullable: true, description: 'Agency guarantees.' })
  @IsOptional()
  @MaxLength(20_000)
  guarantees?: string | null;
}

/** Fields shared by create and update; every one optional here. */
@InputType('ProposalFieldsBase', { description: 'Shared fields (never exposed).' })
abstract class ProposalFields {
  @Field(() => String, { nullable: true, description: 'Title, 1–200 characters; «Коммерческое предложение» when omitted on create.' })
  @IsOptional()
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  @NotBlank()
  title?: string | null;

  @Field(() => PriceBasis, {
    nullable: true,
    description: "Whether the offer's prices include VAT (VAT_INCLUDED, «в т.ч. НДС») or VAT is added on top (VAT_ON_TOP); the agency's basis (Agency.priceBasis) when omitted on create. A contract made from the offer keeps it.",
  })
  @IsOptional()
  @IsEnum(PriceBasis)
  priceBasis?: PriceBasis | null;

  @Field(() => ID, { nullable: true, description: 'The brief this offer answers (a brief of the same client).' })
  @IsOptional()
  @IsUUID('all', { message: 'briefId must be a valid id' })
  briefId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal this offer belongs to (a deal of the same client).' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => ProposalBlocksInput, { nullable: true, description: 'Content blocks.' })
  @IsOptional()
  @ValidateNested()
  blocks?: ProposalBlocksInput | null;

  @Field(() => [ProposalLineInput], {
    nullable: true,
    description: `The media plan (up to ${MAX_MEDIA_PLAN_LINES} lines, in order). On update it replaces the whole plan.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MEDIA_PLAN_LINES)
  @ValidateNested({ each: true })
  lines?: ProposalLineInput[] | null;
}

@InputType({ description: 'A new commercial offer (created as a DRAFT).' })
export class CreateProposalInput extends ProposalFields {
  @Field(() => ID, { description: 'The client the offer is for.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => CurrencyCode, { description: 'Currency of every amount of the offer.' })
  @IsEnum(CurrencyCode)
  currency: CurrencyCode;

  @Field(() => DateScalar, { description: "Last day the offer holds (it expires at the end of that day, agency time zone)." })
  validUntil: string;
}

@InputType({ description: 'Changes to a DRAFT offer; omitted fields stay, `lines` replaces the whole media plan.' })
export class UpdateProposalInput extends ProposalFields {
  @Field(() => ID, { description: 'The offer to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'Move the draft to another client of the agency.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of every amount of the offer.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the offer holds.' })
  @IsOptional()
  validUntil?: string | null;
}

@InputType({ description: 'Sends a DRAFT offer to the client.' })
export class SendProposalInput {
  @Field(() => ID, { description: 'The offer.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why the tool mix may stray from 70/20/10: required when it is outside the agency tolerance; kept with the offer.',
  })
  @IsOptional()
  @MaxLength(5000)
  justification?: string | null;
}

@InputType({ description: 'The client accepts a SENT offer.' })
export class AcceptProposalInput {
  @Field(() => ID, { description: 'The offer.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;
}

@InputType({ description: 'The client rejects a SENT offer, with a reason and a note.' })
export class RejectProposalInput {
  @Field(() => ID, { description: 'The offer.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => RejectionReason, { description: 'Why it was rejected.' })
  @IsEnum(RejectionReason, { message: 'reason must be a RejectionReason' })
  reason: RejectionReason;

  @Field(() => String, { description: 'What the client said (required, 1–5000 characters).' })
  @Length(1, 5000, { message: 'note must be 1–5000 characters long' })
  @NotBlank()
  note: string;
}

@InputType({ description: 'Starts a new revision of a SENT, REJECTED or EXPIRED offer (back to DRAFT; the current one is kept).' })
export class ReviseProposalInput {
  @Field(() => ID, { description: 'The offer.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { description: 'Why it is corrected (required, 1–2000 characters).' })
  @Length(1, 2000, { message: 'reason must be 1–2000 characters long' })
  @NotBlank()
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the corrected offer is due (a control point).' })
  @IsOptional()
  correctionDueOn?: string | null;
}

@InputType({ description: 'Which proposals to list.' })
export class ProposalFilter {
  @Field(() => ID, { nullable: true, description: 'Only offers to this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => [ProposalStatus], {
    nullable: true,
    description: 'Only these statuses (effective: a SENT offer past its validity counts as EXPIRED).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ProposalStatus, { each: true })
  statuses?: ProposalStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only offers of this deal.' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only offers valid until this date or earlier (inclusive).' })
  @IsOptional()
  validBefore?: string | null;
}

@InputType({ description: 'Sort order of proposals.' })
export class ProposalOrder {
  @Field(() => ProposalSortField, { defaultValue: ProposalSortField.CREATED_AT, description: 'Sort key (ties broken by id).' })
  @IsEnum(ProposalSortField)
  field: ProposalSortField = ProposalSortField.CREATED_AT;

  @Field(() => SortDirection, { nullable: true, description: 'Direction; DESC for CREATED_AT and ASC for VALID_UNTIL when omitted.' })
  @IsOptional()
  @IsEnum(SortDirection)
  direction?: SortDirection | null;
}
