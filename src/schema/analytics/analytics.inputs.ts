import { IsIn, IsISO8601, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCode } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { ChurnGranularity } from './analytics.enums';

@InputType({ description: 'Which clients to count: the whole agency, or the clients of one account manager.' })
export class AnalyticsScopeInput {
  @Field(() => ID, { nullable: true, description: 'Only the clients whose account manager (Client.owner) is this user; the whole agency when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;
}

@InputType({ description: 'A period of calendar days in the agency time zone (both days included), and optionally one account manager.' })
export class AnalyticsPeriodInput extends AnalyticsScopeInput {
  @Field(() => DateScalar, { description: 'First day of the period (from the start of that local day).' })
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period (to the end of that local day); not before `from`.' })
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

@InputType({ description: 'A revenue period and the one currency its shares are computed in.' })
export class RevenuePeriodInput extends AnalyticsPeriodInput {
  @Field(() => CurrencyCode, { nullable: true, description: "Revenue in this currency only (amounts in other currencies are never converted or added); the agency's default currency when absent." })
  @IsOptional()
  currency?: CurrencyCode | null;
}

@InputType({ description: 'The revenue period, its currency and how many of the largest clients to list.' })
export class DependencyRiskInput extends RevenuePeriodInput {
  @Field(() => Int, { nullable: true, description: 'How many of the largest clients to list, 1–50; 5 by default.' })
  @IsOptional()
  @Min(1, { message: 'topN must be at least 1' })
  @Max(50, { message: 'topN must be at most 50' })
  topN?: number | null;
}

@InputType({ description: 'The churn series: its period and the length of each step.' })
export class ChurnInput extends AnalyticsPeriodInput {
  @Field(() => ChurnGranularity, { nullable: true, description: 'Months (default) or quarters.' })
  @IsOptional()
  @IsIn(Object.values(ChurnGranularity), { message: 'granularity must be MONTH or QUARTER' })
  granularity?: ChurnGranularity | null;
}

@InputType({ description: 'Money the agency spent to win one client, or to win clients in one month.' })
export class RecordAcquisitionCostInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The client. Without one, the cost belongs to the calendar month of spentOn and is shared equally among the clients acquired (created) ' +
      'in that month, in the agency time zone: cent shares, the leftover cents to the earliest acquired.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => DecimalScalar, { description: 'The amount, greater than zero, up to 2 decimals.' })
  @IsMoney()
  @Matches(/[1-9]/, { message: 'amount must be greater than zero' })
  amount: string;

  @Field(() => CurrencyCode, { description: 'Its currency.' })
  currency: CurrencyCode;

  @Field(() => DateScalar, { description: 'When it was spent.' })
  @IsISO8601({ strict: true }, { message: 'spentOn must be a date YYYY-MM-DD' })
  spentOn: string;

  @Field(() => String, { nullable: true, description: 'What it was for (ads, pitch, presale audit…), up to 500 characters.' })
  @IsOptional()
  @Length(0, 500, { message: 'note must be at most 500 characters long' })
  note?: string | null;
}
