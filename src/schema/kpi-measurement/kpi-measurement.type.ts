import { Field, ID, ObjectType } from 'type-graphql';
import { DeviationCloseReason, DeviationSeverity, KpiMetric, KpiPeriod, KpiStatus, KpiTargetDirection, PacingStatus } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import './kpi-measurement.enums';

@ObjectType('CampaignKpi', { description: 'One KPI target of a campaign, plan against actual over the current period of the target.' })
export class CampaignKpiType {
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
  @Field(() => KpiPeriod, { description: 'The period the plan is for.' })
  period: KpiPeriod;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period looked at (the calendar period containing asOf).' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of that period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'The last day counted.' })
  asOf: string;

  @PortalVisible()
  @Field(() => KpiTargetDirection, { description: 'Which way is good.' })
  direction: KpiTargetDirection;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan for the whole period.' })
  plan: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan up to asOf: pro-rated by elapsed days for counts and amounts, the ratio itself for derived metrics.' })
  planSoFar: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The sum of the period up to asOf, or the derived value from those sums; null when its denominator is 0.' })
  actual: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(actual − planSoFar) / planSoFar × 100, signed, 2 decimals; null without an actual or with a zero plan.' })
  deviationPercent: string | null;

  @PortalVisible()
  @Field(() => DeviationSeverity, { description: 'How far worse than plan, by the bands of the target.' })
  severity: DeviationSeverity;

  @PortalVisible()
  @Field(() => KpiStatus, { description: 'The traffic light: NO_DATA without an actual to judge, otherwise ON_PLAN, WARN or ACT as severity says.' })
  status: KpiStatus;
}

@ObjectType('CampaignPacing', { description: 'The budget against the SPEND recorded, assuming a flat daily spend.' })
export class CampaignPacingType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'The last day counted.' })
  asOf: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'SPEND recorded from the start to asOf.' })
  spendToDate: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'budget × elapsed days / total days.' })
  expectedToDate: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'spendToDate / expectedToDate × 100; null when nothing is expected yet.' })
  spendPercentOfExpected: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Spend forecast for the whole campaign; null before it starts.' })
  forecast: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(forecast − budget) / budget × 100, signed; null without a forecast or with a zero budget.' })
  forecastOverBudgetPercent: string | null;

  @PortalVisible()
  @Field(() => PacingStatus, { description: 'On track, underspending or overspending (tolerance 10 %).' })
  status: PacingStatus;
}

@ObjectType('KpiDeviation', { description: 'A KPI worse than plan by its warn band or more over one period of its target; closed once back within the band.' })
export class KpiDeviationType {
  @PortalVisible()
  @Field(() => ID, { description: 'Deviation id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'Id of the KPI target.' })
  targetId: string;

  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric of the target.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan so far when last evaluated.' })
  plan: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The actual when last evaluated.' })
  actual: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Signed deviation in percent of the plan; null with a zero plan.' })
  deviationPercent: string | null;

  @PortalVisible()
  @Field(() => DeviationSeverity, { description: 'WARN or ACT while open; once closed, as last evaluated (NONE when the final figures of its ended period are within the band).' })
  severity: DeviationSeverity;

  @PortalVisible()
  @Field({ description: 'When it was found.' })
  openedAt: Date;

  @PortalVisible()
  @Field({ description: 'When it was last re-evaluated.' })
  updatedAt: Date;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was closed (see closeReason); null while open.' })
  closedAt: Date | null;

  @PortalVisible()
  @Field(() => DeviationCloseReason, { nullable: true, description: 'Why it was closed; null while open. Once its period or campaign has ended it is never reopened: figures arriving later for its period only update plan, actual, deviationPercent and severity.' })
  closeReason: DeviationCloseReason | null;
}
