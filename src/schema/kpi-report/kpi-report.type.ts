import { CurrencyCode } from '../../entities/enums';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection';
import { KpiMetric } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { KpiReportGrouping } from './kpi-report.enums';

@ObjectType('KpiReportGroup', { description: 'What a row of the KPI report is about: a client, a channel, a campaign or a manager.' })
export class KpiReportGroupType {
  @Field(() => ID, { description: 'Id of the client, channel, campaign or user.' })
  id: string;

  @Field(() => String, { description: 'Its name (for a manager, the full name).' })
  name: string;
}

@ObjectType('KpiReportMetric', { description: 'One metric of a row of the KPI report.' })
export class KpiReportMetricType {
  @Field(() => KpiMetric, { description: 'The metric: every stored one, then every derived one.' })
  metric: KpiMetric;

  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'A stored metric: the sum of its days in the row (0 when none was recorded). A derived one (CTR, CPC, CPA, CPL, CR, ROMI): computed from those sums, rounded to 2 decimals; null when its denominator is 0.',
  })
  value: string | null;
}

@ObjectType('KpiReportRow', { description: 'The measurements of one calendar month (and one group) within the period.' })
export class KpiReportRowType {
  @Field(() => DateScalar, { description: 'First day of the calendar month.' })
  month: string;

  @Field(() => DateScalar, { description: 'First day counted in this row: the month start, or `from` in the first month.' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day counted in this row: the month end, or `to` in the last month.' })
  periodEnd: string;

  @Field(() => KpiReportGroupType, { nullable: true, description: 'The client, channel, campaign or manager of the row; null with groupBy NONE (and for campaigns without a manager).' })
  group: KpiReportGroupType | null;

  @Field(() => [KpiReportMetricType], { description: 'Every stored metric (CUSTOM ones by name), then every derived metric.' })
  metrics: KpiReportMetricType[];
}

@ObjectType('KpiReport', { description: "The agency's KPI measurements over a period, month by month, optionally split by client, channel, campaign or manager." })
export class KpiReportType {
  @Field(() => DateScalar, { description: 'First day counted.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day counted.' })
  to: string;

  @Field(() => KpiReportGrouping, { description: 'What the rows are split by besides the month.' })
  groupBy: KpiReportGrouping;

  @Field(() => CurrencyCode, { description: 'The currency of the campaigns counted, and so of every amount.' })
  currency: CurrencyCode;

  @Field(() => [KpiReportRowType], { description: "Months with measurements, in order; within a month, this page's groups by name, then id." })
  rows: KpiReportRowType[];

  @Field(() => Int, { description: 'How many groups the period has in all, over every page (1 with groupBy NONE, 0 without measurements).' })
  totalGroups: number;

  @Field(() => PageInfo, { description: "Where this page of groups stands: endCursor is the last group's cursor." })
  pageInfo: PageInfo;
}
