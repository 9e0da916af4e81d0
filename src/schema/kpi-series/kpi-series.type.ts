import { Field, ObjectType } from 'type-graphql';
import { KpiMetric, ToolCategory } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import './kpi-series.enums';

@ObjectType('KpiSeriesPoint', { description: 'One bucket of a plan-against-actual chart, with running totals from the first bucket of the series.' })
export class KpiSeriesPointType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the bucket (cut to the campaign and the period asked for).' })
  start: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the bucket (cut likewise).' })
  end: string;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The plan of the bucket: for counts and amounts the plan of each target period spread evenly over its days; for ratios the ratio itself; null where there is no plan.',
  })
  plan: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The sum of the bucket, or the ratio derived from its sums; null for a bucket starting after the last day counted, or when the denominator is 0.',
  })
  actual: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The plan from the first bucket to this one (for ratios the ratio itself); null where there is no plan.' })
  cumulativePlan: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The actual from the first bucket to this one (for ratios derived from the running sums of its parts); null where actual is null after the last day counted, or with a zero denominator.',
  })
  cumulativeActual: string | null;
}

@ObjectType('KpiTotal', { description: 'One metric over a period and over the period of equal length before it.' })
export class KpiTotalType {
  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The sum over the period, or the ratio derived from the sums; null when its denominator is 0.' })
  value: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The same over the previous period.' })
  previousValue: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(value − previousValue) / previousValue × 100, signed, 2 decimals; null without both or with a previous value of 0.' })
  changePercent: string | null;
}

@ObjectType('KpiComparedPeriod', { description: 'The period a comparison is made against.' })
export class KpiComparedPeriodType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day.' })
  from: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day.' })
  to: string;
}

@ObjectType('KpiTotals', { description: 'Every stored metric and every derived one over a period, against the period of equal length just before it.' })
export class KpiTotalsType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day counted.' })
  from: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day counted.' })
  to: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'The currency of the amounts (SPEND, REVENUE, CPC, CPA, CPL); null without campaigns.' })
  currency: string | null;

  @PortalVisible()
  @Field(() => KpiComparedPeriodType, { description: 'The previous period: as many days, ending the day before `from`.' })
  previous: KpiComparedPeriodType;

  @PortalVisible()
  @Field(() => [KpiTotalType], {
    description: 'IMPRESSIONS, CLICKS, CONVERSIONS, LEADS, SPEND, REVENUE, each CUSTOM metric recorded in either period (by name), then CTR, CPC, CPA, CPL, CR, ROMI.',
  })
  metrics: KpiTotalType[];
}

@ObjectType('ToolCategorySpend', { description: 'The media spend of one 70/20/10 category (the category of each campaign channel) over a period.' })
export class ToolCategorySpendType {
  @PortalVisible()
  @Field(() => ToolCategory, { description: 'The category.' })
  category: ToolCategory;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'SPEND recorded for campaigns of that category.' })
  actualSpend: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the whole spend in percent, 2 decimals; null when nothing was spent.' })
  actualPercent: string | null;
}

@ObjectType('RealizedToolMixCategory', { description: 'One 70/20/10 category: the budget share planned in the proposal against the spend share realized by its campaigns.' })
export class RealizedToolMixCategoryType {
  @Field(() => ToolCategory, { description: 'The category.' })
  category: ToolCategory;

  @Field(() => DecimalScalar, { nullable: true, description: "The category's share of the media plan's budget in percent; null for a plan without media budget." })
  plannedPercent: string | null;

  @Field(() => DecimalScalar, { description: 'SPEND recorded for the campaigns of the proposal in that category.' })
  actualSpend: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the whole spend in percent; null when nothing was spent.' })
  actualPercent: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'actualPercent − plannedPercent, in percentage points; null without either.' })
  differencePoints: string | null;
}
