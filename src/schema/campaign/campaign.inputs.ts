import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CampaignStatus, CurrencyCode, KpiMetric, KpiPeriod, KpiTargetDirection, LaunchChecklistItem, ToolCategory } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';

/** numeric(14,2): at most 12 integer digits and 2 decimals, never negative. */
const BUDGET_RE = /^\d{1,12}(\.\d{1,2})?$/;
const BUDGET_MESSAGE = 'budget must be a non-negative amount with at most 12 integer and 2 fractional digits, e.g. "150000.00"';
/** numeric(18,4) */
const PLAN_RE = /^\d{1,14}(\.\d{1,4})?$/;
/** numeric(5,2) */
const PERCENT_RE = /^\d{1,3}(\.\d{1,2})?$/;

@InputType({ description: 'A new advertising channel of the agency.' })
export class CreateCampaignChannelInput {
  @Field(() => String, { description: 'Name, 1–100 characters, unique in the agency.' })
  @Length(1, 100, { message: 'name must be 1–100 characters long' })
  name: string;

  @Field(() => ToolCategory, { description: 'Its category in the 70/20/10 mix.' })
  @IsEnum(ToolCategory)
  toolMixCategory: ToolCategory;
}

@InputType({ description: 'Renames, recategorizes, deactivates or reactivates a channel (omitted fields stay).' })
export class UpdateCampaignChannelInput {
  @Field(() => ID, { description: 'The channel.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New name, 1–100 characters, unique in the agency.' })
  @IsOptional()
  @Length(1, 100, { message: 'name must be 1–100 characters long' })
  name?: string | null;

  @Field(() => ToolCategory, { nullable: true, description: 'New category.' })
  @IsOptional()
  @IsEnum(ToolCategory)
  toolMixCategory?: ToolCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'false: new campaigns can no longer use it (existing ones keep it).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@InputType({ description: 'A new campaign of a client, PLANNED.' })
export class CreateCampaignInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { description: 'An active channel of the agency.' })
  @IsUUID('all', { message: 'channelId must be a valid id' })
  channelId: string;

  @Field(() => String, { description: 'Name, 1–200 characters.' })
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name: string;

  @Field(() => DecimalScalar, { description: 'Budget, not negative, up to 2 decimals.' })
  @Matches(BUDGET_RE, { message: BUDGET_MESSAGE })
  budget: string;

  @Field(() => CurrencyCode, { description: 'Currency of the budget.' })
  @IsEnum(CurrencyCode)
  currency: CurrencyCode;

  @Field(() => DateScalar, { description: 'First day.' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Last day, not before startDate.' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate: string;

  @Field(() => String, { nullable: true, description: 'The strategy, up to 10000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  strategy?: string | null;

  @Field(() => ID, { nullable: true, description: "A proposal of the same client the campaign implements." })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a valid id' })
  proposalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A contract of the same client the campaign runs under.' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;

  @Field(() => ID, { nullable: true, description: "Responsible agency user; the client's owner by default." })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes of the agency, never shown to the client, up to 10000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  internalNotes?: string | null;
}

@InputType({
  description:
    'Changes a campaign (omitted fields stay). strategy is a goal: it changes only while PLANNED (CAMPAIGN_GOALS_FROZEN otherwise); name, budget, dates, manager and notes change in any status.',
})
export class UpdateCampaignInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New name, 1–200 characters.' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New strategy (a goal), up to 10000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  strategy?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'New budget, not negative.' })
  @IsOptional()
  @Matches(BUDGET_RE, { message: BUDGET_MESSAGE })
  budget?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'New currency of the budget.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => DateScalar, { nullable: true, description: 'New first day.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New last day, not before the first.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'New responsible agency user.' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;

  @Field(() => String, { nullable: true, description: 'New notes of the agency, up to 10000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  internalNotes?: string | null;
}

@InputType({ description: 'The plan of one KPI.' })
export class KpiTargetInput {
  @Field(() => KpiMetric, { description: 'The metric.' })
  @IsEnum(KpiMetric)
  metric: KpiMetric;

  @Field(() => String, { nullable: true, description: 'Name of the metric: required for CUSTOM, not allowed otherwise (1–100 characters).' })
  @IsOptional()
  @Length(1, 100, { message: 'customName must be 1–100 characters long' })
  customName?: string | null;

  @Field(() => DecimalScalar, { description: 'Planned value, not negative, up to 4 decimals.' })
  @Matches(PLAN_RE, { message: 'plan must be a non-negative number with at most 14 integer and 4 fractional digits' })
  plan: string;

  @Field(() => KpiPeriod, { description: 'The period the plan is for.' })
  @IsEnum(KpiPeriod)
  period: KpiPeriod;

  @Field(() => KpiTargetDirection, { nullable: true, description: 'Which way is good; by default LOWER_IS_BETTER for CPC, CPA and CPL, HIGHER_IS_BETTER otherwise.' })
  @IsOptional()
  @IsEnum(KpiTargetDirection)
  direction?: KpiTargetDirection | null;

  @Field(() => String, { nullable: true, description: 'Unit, up to 20 characters.' })
  @IsOptional()
  @Length(1, 20, { message: 'unit must be 1–20 characters long' })
  unit?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Deviation for the worse that calls for attention, % of the plan; 10 by default.' })
  @IsOptional()
  @Matches(PERCENT_RE, { message: 'warnPercent must be a percentage with at most 3 integer and 2 fractional digits' })
  warnPercent?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Deviation for the worse that calls for optimization, % of the plan, greater than warnPercent; 15 by default.' })
  @IsOptional()
  @Matches(PERCENT_RE, { message: 'actPercent must be a percentage with at most 3 integer and 2 fractional digits' })
  actPercent?: string | null;
}

@InputType({ description: 'Replaces the KPI targets of a PLANNED campaign (CAMPAIGN_GOALS_FROZEN otherwise).' })
export class SetKpiTargetsInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => [KpiTargetInput], { description: 'The whole set, at most 30; a metric appears once per period.' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  targets: KpiTargetInput[];
}

@InputType({ description: 'Marks a launch checklist item as done.' })
export class CheckLaunchItemInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => LaunchChecklistItem, { description: 'The item.' })
  @IsEnum(LaunchChecklistItem)
  item: LaunchChecklistItem;

  @Field(() => String, { nullable: true, description: 'Comment, up to 2000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: 'Marks a launch checklist item as not done.' })
export class UncheckLaunchItemInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => LaunchChecklistItem, { description: 'The item.' })
  @IsEnum(LaunchChecklistItem)
  item: LaunchChecklistItem;
}

@InputType({
  description:
    'A new PLANNED campaign replacing one whose goals changed: client, channel, links, strategy, budget, dates and KPI targets are copied unless given here. A running (LAUNCHED or PAUSED) original is COMPLETED.',
})
export class CreateFollowUpCampaignInput {
  @Field(() => ID, { description: 'The campaign replaced (LAUNCHED, PAUSED or COMPLETED).' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => String, { nullable: true, description: 'Name; the original name by default.' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The new strategy.' })
  @IsOptional()
  @MaxLength(10000)
  strategy?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget, not negative.' })
  @IsOptional()
  @Matches(BUDGET_RE, { message: BUDGET_MESSAGE })
  budget?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the budget.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, not before the first.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string | null;

  @Field(() => [KpiTargetInput], { nullable: true, description: 'The new KPI targets (the whole set); the original ones by default.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  targets?: KpiTargetInput[] | null;
}

@InputType({ description: 'Which campaigns to list.' })
export class CampaignFilter {
  @Field(() => ID, { nullable: true, description: 'Only campaigns of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => CampaignStatus, { nullable: true, description: 'Only campaigns in this status.' })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus | null;
}
