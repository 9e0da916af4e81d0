import { Field, ID, ObjectType } from 'type-graphql';
import { DeviationSeverity, KpiMetric, KpiPeriod, KpiTargetDirection, OptimizationCategory } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import '../kpi-measurement/kpi-measurement.enums';
import './campaign-optimization.enums';

@ObjectType('OptimizationKpi', { description: 'One KPI of a campaign over a window of days, plan against actual.' })
export class OptimizationKpiType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id of the KPI target.' })
  targetId: string;

  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @PortalVisible()
  @Field(() => KpiPeriod, { description: 'The period the plan of the target is for.' })
  period: KpiPeriod;

  @PortalVisible()
  @Field(() => KpiTargetDirection, { description: 'Which way is good.' })
  direction: KpiTargetDirection;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day summed.' })
  windowStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day summed.' })
  windowEnd: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan for those days (pro-rated for counts and amounts, the ratio itself for derived metrics).' })
  planSoFar: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The sum of those days, or the derived value from the sums; null when its denominator is 0.' })
  actual: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(actual − planSoFar) / planSoFar × 100, signed; null without an actual or with a zero plan.' })
  deviationPercent: string | null;

  @PortalVisible()
  @Field(() => DeviationSeverity, { description: 'How far worse than plan, by the bands of the target.' })
  severity: DeviationSeverity;
}

@ObjectType('OptimizationKpiBefore', { description: 'One KPI as `Campaign.kpis` showed it as of the day an optimization was made.' })
export class OptimizationKpiBeforeType extends OptimizationKpiType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period of the target looked at.' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of that period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'The last day counted (the day of the optimization, within the campaign).' })
  asOf: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan for the whole period.' })
  plan: string;
}

@ObjectType('CampaignOptimization', {
  description: 'A change made to a running campaign, with its KPIs before and over an equal window after, to tell whether it helped.',
})
export class CampaignOptimizationType {
  @PortalVisible()
  @Field(() => ID, { description: 'Optimization id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The campaign.' })
  campaignId: string;

  @PortalVisible()
  @Field(() => OptimizationCategory, { description: 'What was changed.' })
  category: OptimizationCategory;

  @PortalVisible()
  @Field({ description: 'What was done and why.' })
  description: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'The day it was done.' })
  performedOn: string;

  @PortalVisible()
  @Field(() => [ID], { description: 'The deviations of the campaign it answers.' })
  deviationIds: string[];

  @PortalVisible()
  @Field({ description: 'Whether it answers deviations; false for an optimization made while nothing deviated.' })
  triggeredByDeviation: boolean;

  @PortalVisible()
  @Field(() => [OptimizationKpiBeforeType], { description: 'Every KPI as of performedOn, recorded when it was logged.' })
  kpiBefore: unknown[];

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'Who logged it.' })
  createdById: string | null;

  @PortalVisible()
  @Field({ description: 'When it was logged.' })
  createdAt: Date;
}
