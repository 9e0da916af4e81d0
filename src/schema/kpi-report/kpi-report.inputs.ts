import { IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/connection';
import { DateScalar } from '../common/scalars';
import { CurrencyCode } from '../../entities/enums';
import { KpiReportGrouping } from './kpi-report.enums';

@InputType({ description: 'The period of the KPI report (calendar days, both included, at most 731 days) and how its rows are split.' })
export class KpiReportInput {
  @Field(() => DateScalar, { description: 'First day counted.' })
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day counted; not before `from`.' })
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @Field(() => KpiReportGrouping, { nullable: true, defaultValue: KpiReportGrouping.NONE, description: 'What the rows are split by besides the month; NONE by default.' })
  groupBy?: KpiReportGrouping | null;

  @Field(() => CurrencyCode, {
    nullable: true,
    description: "Only the campaigns run in this currency (amounts of different currencies are never added); the agency's default currency by default.",
  })
  @IsOptional()
  currency?: CurrencyCode | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many groups (clients, channels, campaigns or managers) to return, with all their months (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}). Groups are ordered by name, then id. With groupBy NONE the whole agency is one group.`,
  })
  @IsOptional()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page: the groups after it are returned.' })
  @IsOptional()
  after?: string | null;
}
