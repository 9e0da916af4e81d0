import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCode, KpiDirection, MarketingKnowledge } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';

const LONG_TEXT = 20_000;
const TEXT = 5_000;

@ValidatorConstraint({ name: 'nonNegativeDecimal' })
class NonNegativeDecimal implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && !value.startsWith('-');
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must not be negative`;
  }
}

@InputType('BriefContactInfoInput', { description: 'Block 1: contact information.' })
export class BriefContactInfoInput {
  @Field(() => [ID], { nullable: true, description: "Contact persons of the brief's client involved in the task." })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'each of contactIds must be a valid id' })
  @ArrayUnique({ message: 'contactIds must not repeat' })
  @ArrayMaxSize(50)
  contactIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who takes the decisions and how (approval chain).' })
  @IsOptional()
  @MaxLength(TEXT)
  decisionMakers?: string | null;

  @Field(() => String, { nullable: true, description: 'Other notes on contacts and communication.' })
  @IsOptional()
  @MaxLength(TEXT)
  notes?: string | null;
}

@InputType('BriefBusinessInput', { description: "Block 2: key points of the client's business." })
export class BriefBusinessInput {
  @Field(() => String, { nullable: true, description: 'What the business does.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Products and services to advertise.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  products?: string | null;

  @Field(() => String, { nullable: true, description: 'Geography of sales.' })
  @IsOptional()
  @MaxLength(TEXT)
  geography?: string | null;

  @Field(() => String, { nullable: true, description: 'Target audience.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  targetAudience?: string | null;

  @Field(() => [String], { nullable: true, description: 'Main competitors (names or sites), at most 100.' })
  @IsOptional()
  @MaxLength(200, { each: true })
  @ArrayMaxSize(100)
  competitors?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Seasonality of demand.' })
  @IsOptional()
  @MaxLength(TEXT)
  seasonality?: string | null;

  @Field(() => String, { nullable: true, description: 'Unique selling points.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  uniqueSellingPoints?: string | null;
}

@InputType('BriefExpectationsInput', { description: 'Block 3: expectations from advertising.' })
export class BriefExpectationsInput {
  @Field(() => String, { nullable: true, description: 'Goals of advertising.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  goals?: string | null;

  @Field(() => String, { nullable: true, description: 'Results the client expects (and when).' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  expectedResults?: string | null;

  @Field(() => String, { nullable: true, description: 'Previous experience with advertising and agencies.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  previousExperience?: string | null;
}

@InputType('BriefAccessInput', { description: 'An access to a system of the client (ad account, analytics, CMS…).' })
export class BriefAccessInput {
  @Field(() => String, { description: 'The system, e.g. Яндекс Директ, Google Analytics 4, 1C-Bitrix.' })
  @Length(1, 200)
  system: string;

  @Field(() => Boolean, { description: 'Whether the agency has been given the access.' })
  @IsBoolean()
  granted: boolean;

  @Field(() => String, { nullable: true, description: 'Notes (level of access, who grants it, …).' })
  @IsOptional()
  @MaxLength(2_000)
  notes?: string | null;
}

@InputType('BriefAccessesAndAuditInput', { description: 'Block 4: accesses and an audit of current activity.' })
export class BriefAccessesAndAuditInput {
  @Field(() => [BriefAccessInput], { nullable: true, description: 'Accesses to the systems of the client, at most 50.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(50)
  accesses?: BriefAccessInput[] | null;

  @Field(() => String, { nullable: true, description: 'What advertising runs now and how it performs.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  currentActivity?: string | null;

  @Field(() => [String], { nullable: true, description: 'Analytics already installed (counters, tag managers, call tracking), at most 50.' })
  @IsOptional()
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  analyticsInstalled?: string[] | null;
}

@InputType('BriefKpiInput', { description: 'Block 5: one KPI by which success is measured.' })
export class BriefKpiInput {
  @Field(() => String, { description: 'The metric, e.g. CPL, leads per month, ROMI.' })
  @Length(1, 200)
  metric: string;

  @Field(() => DecimalScalar, { description: 'Target value (exact decimal, not negative).' })
  @Validate(NonNegativeDecimal)
  target: string;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. RUB, %, leads.' })
  @IsOptional()
  @MaxLength(50)
  unit?: string | null;

  @Field(() => KpiDirection, { description: 'Whether the metric should go up, down or hold at the target.' })
  @IsEnum(KpiDirection)
  direction: KpiDirection;
}

@InputType('BriefProposalCriterionInput', { description: 'Block 6: a criterion by which the client will evaluate the proposal.' })
export class BriefProposalCriterionInput {
  @Field(() => String, { description: 'The criterion, e.g. price, agency cases, timing.' })
  @Length(1, 200)
  criterion: string;

  @Field(() => Int, { description: 'Relative weight, 1–100; shares are computed from the weights.' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;
}

@InputType('BriefConstraintsInput', { description: 'Block 7: constraints (budget, timing, legal, brand).' })
export class BriefConstraintsInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Lower bound of the budget; give the currency too.' })
  @IsOptional()
  @Validate(NonNegativeDecimal)
  budgetMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Upper bound of the budget (not below budgetMin); give the currency too.' })
  @IsOptional()
  @Validate(NonNegativeDecimal)
  budgetMax?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the budget; required when a budget is given.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest start.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest end (not before startDate).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal constraints (licences, regulated products, advertising law).' })
  @IsOptional()
  @MaxLength(TEXT)
  legal?: string | null;

  @Field(() => String, { nullable: true, description: 'Brand constraints (brand book, tone, forbidden wording).' })
  @IsOptional()
  @MaxLength(TEXT)
  brand?: string | null;

  @Field(() => String, { nullable: true, description: 'Other constraints.' })
  @IsOptional()
  @MaxLength(TEXT)
  other?: string | null;
}

/** The blocks and attributes shared by create and update; every one optional here. */
@InputType('BriefFieldsBase', { description: 'Shared fields (never exposed).' })
export abstract class BriefBlocksInput {
  @Field(() => ID, { nullable: true, description: "The deal the brief belongs to (a deal of the brief's client)." })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => MarketingKnowledge, { nullable: true, description: "The client's level of marketing knowledge." })
  @IsOptional()
  @IsEnum(MarketingKnowledge)
  marketingKnowledge?: MarketingKnowledge | null;

  @Field(() => BriefContactInfoInput, { nullable: true, description: 'Block 1: contact information.' })
  @IsOptional()
  @ValidateNested()
  contactInfo?: BriefContactInfoInput | null;

  @Field(() => BriefBusinessInput, { nullable: true, description: "Block 2: key points of the client's business." })
  @IsOptional()
  @ValidateNested()
  business?: BriefBusinessInput | null;

  @Field(() => BriefExpectationsInput, { nullable: true, description: 'Block 3: expectations from advertising.' })
  @IsOptional()
  @ValidateNested()
  expectations?: BriefExpectationsInput | null;

  @Field(() => BriefAccessesAndAuditInput, { nullable: true, description: 'Block 4: accesses and an audit of current activity.' })
  @IsOptional()
  @ValidateNested()
  accessesAndAudit?: BriefAccessesAndAuditInput | null;

  @Field(() => [BriefKpiInput], { nullable: true, description: 'Block 5: KPIs, at most 50.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(50)
  kpis?: BriefKpiInput[] | null;

  @Field(() => [BriefProposalCriterionInput], { nullable: true, description: 'Block 6: criteria of the proposal evaluation, at most 30.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(30)
  proposalCriteria?: BriefProposalCriterionInput[] | null;

  @Field(() => BriefConstraintsInput, { nullable: true, description: 'Block 7: constraints.' })
  @IsOptional()
  @ValidateNested()
  constraints?: BriefConstraintsInput | null;

  @Field(() => String, { nullable: true, description: 'Block 8: additional information.' })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  additionalInfo?: string | null;
}

@InputType({ description: 'A new brief (version 1). Blocks left out stay empty.' })
export class CreateBriefInput extends BriefBlocksInput {
  @Field(() => ID, { description: 'The client the brief is about.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => String, { description: 'Title, 1–200 characters.' })
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  title: string;
}

@InputType({
  description: 'Changes to a brief: a given block replaces that whole block, null clears it, an omitted one stays. A change makes a new version.',
})
export class UpdateBriefInput extends BriefBlocksInput {
  @Field(() => ID, { description: 'The brief to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Title, 1–200 characters (cannot be cleared).' })
  @IsOptional()
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  title?: string | null;
}

@InputType({ description: 'Which briefs to list.' })
export class BriefFilter {
  @Field(() => ID, { nullable: true, description: 'Only briefs of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only briefs of this deal.' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;
}

