import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, DeviationSeverity, KpiMetric, OptimizationCategory, ReportFrequency, ReportKind, ReportStatus, ToolCategory, ExperimentOutcome, ReportFigureKey, ReportSeriesKey } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import './report.enums';
import '../kpi-measurement/kpi-measurement.enums';
import '../campaign-optimization/campaign-optimization.enums';
import '../proposal/proposal.enums';
import '../common/enums';

@ObjectType('ReportFigure', { description: 'One business figure over the period and over the period of equal length before it.' })
export class ReportFigureType {
  @PortalVisible()
  @Field(() => ReportFigureKey, { description: 'Which figure.' })
  key: ReportFigureKey;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The figure over the period (money in the report currency, ratios in percent); null when it cannot be computed (nothing to divide by).' })
  value: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The same over the previous period.' })
  previousValue: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(value − previous) / |previous| × 100; null without both or with a zero previous value.' })
  changePercent: string | null;
}

@ObjectType('ReportPoint', { description: 'One point of a chart series: a bucket of days and its value.' })
export class ReportPointType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the bucket.' })
  start: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the bucket.' })
  end: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The value of the bucket; null when it cannot be computed.' })
  value: string | null;
}

@ObjectType('ReportSeries', { description: 'A chart-ready series.' })
export class ReportSeriesType {
  @PortalVisible()
  @Field(() => ReportSeriesKey, { description: 'What it shows.' })
  key: ReportSeriesKey;

  @PortalVisible()
  @Field(() => Boolean, { description: 'True for a plan (drawn dashed), false for an actual (drawn solid).' })
  plan: boolean;

  @PortalVisible()
  @Field(() => [ReportPointType], { description: 'The points, oldest first.' })
  points: ReportPointType[];
}

@ObjectType('ReportCampaignKpi', { description: 'One KPI of a campaign over the period: its plan against the actual.' })
export class ReportCampaignKpiType {
  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: "The plan over the period: a count or amount spread over the target's days, a ratio as set." })
  plan: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The actual over the period; null when a ratio has nothing to divide by.' })
  actual: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(actual − plan) / plan × 100; null without both or with a zero plan.' })
  deviationPercent: string | null;
}

@ObjectType('ReportCampaign', { description: 'A campaign that ran in the period, with its KPIs against plan.' })
export class ReportCampaignType {
  @PortalVisible()
  @Field(() => ID, { description: 'The campaign.' })
  campaignId: string;

  @PortalVisible()
  @Field(() => String, { description: 'Its name.' })
  campaignName: string;

  @PortalVisible()
  @Field(() => String, { description: 'Its advertising channel.' })
  channelName: string;

  @PortalVisible()
  @Field(() => ToolCategory, { nullable: true, description: 'The 70/20/10 category of the channel.' })
  category: ToolCategory | null;

  @PortalVisible()
  @Field(() => [ReportCampaignKpiType], { description: 'Its KPIs in their order.' })
  kpis: ReportCampaignKpiType[];
}

@ObjectType('ReportDeviation', { description: 'A deviation from plan still open.' })
export class ReportDeviationType {
  @PortalVisible()
  @Field(() => String, { description: 'The campaign.' })
  campaignName: string;

  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the target period it is about.' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of that period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The plan of that period so far.' })
  plan: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'The actual of that period so far.' })
  actual: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'How far from plan, in percent; null for a zero plan.' })
  deviationPercent: string | null;

  @PortalVisible()
  @Field(() => DeviationSeverity, { description: 'WARN (watch) or ACT (act now).' })
  severity: DeviationSeverity;
}

@ObjectType('ReportOptimization', { description: 'A change made to a campaign in the period, and why.' })
export class ReportOptimizationType {
  @PortalVisible()
  @Field(() => String, { description: 'The campaign.' })
  campaignName: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'When.' })
  performedOn: string;

  @PortalVisible()
  @Field(() => OptimizationCategory, { description: 'What kind of change.' })
  category: OptimizationCategory;

  @PortalVisible()
  @Field(() => String, { description: 'What was changed and why.' })
  description: string;
}

@ObjectType('ReportChannel', { description: 'One advertising channel over the period (its campaigns added up).' })
export class ReportChannelType {
  @PortalVisible()
  @Field(() => String, { description: 'The channel.' })
  channelName: string;

  @PortalVisible()
  @Field(() => ToolCategory, { nullable: true, description: 'Its 70/20/10 category.' })
  category: ToolCategory | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media spend.' })
  spend: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Conversions.' })
  conversions: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Spend per conversion; null without conversions.' })
  cpa: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Revenue attributed.' })
  revenue: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Revenue − spend (the ranking).' })
  profit: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(revenue − spend) / spend × 100; null without spend.' })
  romi: string | null;
}

@ObjectType('ReportMix', { description: "One 70/20/10 category: its share of the media spend against its share of the proposal's budget." })
export class ReportMixType {
  @PortalVisible()
  @Field(() => ToolCategory, { description: 'The category.' })
  category: ToolCategory;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media spend of its campaigns.' })
  actualSpend: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the whole spend in percent; null when nothing was spent.' })
  actualPercent: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'Its share of the budget in the proposal the campaigns were made from; null without one.' })
  plannedPercent: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'actualPercent − plannedPercent in percentage points; null without either.' })
  differencePoints: string | null;
}

@ObjectType('ReportMonth', { description: "One calendar month of the owner's view." })
export class ReportMonthType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the month.' })
  start: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: "Last day counted (the period's end for the last month)." })
  end: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Revenue attributed to the campaigns.' })
  revenue: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media spend.' })
  mediaSpend: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: "The agency's invoices issued in the month." })
  agencyInvoices: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media spend + agency invoices.' })
  totalSpent: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: '(revenue − total spent) / total spent × 100; null when nothing was spent.' })
  roi: string | null;
}

@ObjectType('ReportExperiment', { description: 'A campaign in the experimental 10 % category, and what came of it in the period.' })
export class ReportExperimentType {
  @PortalVisible()
  @Field(() => String, { description: 'The campaign.' })
  campaignName: string;

  @PortalVisible()
  @Field(() => String, { description: 'Its channel.' })
  channelName: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Media spend.' })
  spend: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Conversions.' })
  conversions: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Revenue attributed.' })
  revenue: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'ROMI in percent; null without spend.' })
  romi: string | null;

  @PortalVisible()
  @Field(() => ExperimentOutcome, { description: 'Whether it paid off.' })
  outcome: ExperimentOutcome;
}

@ObjectType('ReportData', { description: 'The figures of a report, chart-ready: business figures against the previous period, series, tables for the kind, and the results of tests. Lists a kind does not use are empty.' })
export class ReportDataType {
  @PortalVisible()
  @Field(() => ReportKind, { description: 'Who it is for.' })
  kind: ReportKind;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => String, { description: "The client's name." })
  clientName: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: "The currency of the amounts (the one most of the client's campaigns are in; campaigns in another currency are left out)." })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the previous period of equal length.' })
  previousFrom: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the previous period.' })
  previousTo: string;

  @PortalVisible()
  @Field(() => [ReportFigureType], { description: 'The business figures of the kind, then EXPERIMENTAL_SHARE.' })
  figures: ReportFigureType[];

  @PortalVisible()
  @Field(() => [ReportSeriesType], { description: "Chart series: MARKETING conversions (or leads, for campaigns that count only leads) against plan per day (week, month for long periods); OWNER revenue, total spent and ROI per month over the twelve months up to the period's end; none for BUDGET (its charts are the channels and the mix)." })
  series: ReportSeriesType[];

  @PortalVisible()
  @Field(() => [ReportCampaignType], { description: 'MARKETING: the campaigns that ran in the period with their KPIs against plan.' })
  campaigns: ReportCampaignType[];

  @PortalVisible()
  @Field(() => [ReportDeviationType], { description: 'MARKETING: deviations from plan still open.' })
  deviations: ReportDeviationType[];

  @PortalVisible()
  @Field(() => [ReportOptimizationType], { description: 'MARKETING: the changes made in the period and why, oldest first.' })
  optimizations: ReportOptimizationType[];

  @PortalVisible()
  @Field(() => [ReportChannelType], { description: 'BUDGET: channels ranked by profit, most profitable first.' })
  channels: ReportChannelType[];

  @PortalVisible()
  @Field(() => [ReportMixType], { description: 'BUDGET: the 70/20/10 shares of the spend against the proposal.' })
  mix: ReportMixType[];

  @PortalVisible()
  @Field(() => [ReportMonthType], { description: "OWNER: the twelve months up to the period's end." })
  months: ReportMonthType[];

  @PortalVisible()
  @Field(() => [ReportExperimentType], { description: 'Results of tests: campaigns of the experimental 10 % that ran in the period.' })
  experiments: ReportExperimentType[];
}

@ObjectType('Report', { description: "A report made for a client over a period: its figures as they were when made, the development plan and a PDF. Drafts are the agency's; the client's portal sees published ones." })
export class ReportType {
  @PortalVisible()
  @Field(() => ID, { description: 'Report id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ReportKind, { description: 'Who it is for.' })
  kind: ReportKind;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => Int, { description: '1 for the first report of this client, kind and period; each one made again is the next.' })
  version: number;

  @PortalVisible()
  @Field(() => ReportStatus, { description: 'Draft or published.' })
  status: ReportStatus;

  @PortalVisible()
  @Field(() => ReportDataType, { description: 'The figures as they were when the report was made.' })
  data: unknown;

  @PortalVisible()
  @Field(() => String, { description: 'The development plan written by the manager.' })
  developmentPlan: string;

  @PortalVisible()
  @Field(() => Int, { nullable: true, description: 'Pages of the PDF; null before it is rendered.' })
  pdfPageCount: number | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was published; null for a draft.' })
  publishedAt: Date | null;

  @PortalVisible()
  @Field(() => Date, { description: 'When it was made.' })
  createdAt: Date;
}

@ObjectType('ReportSchedule', { description: "A report made for a client every week or month (the agency's setting)." })
export class ReportScheduleType {
  @PortalVisible()
  @Field(() => ID, { description: 'Schedule id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ReportKind, { description: 'Who the reports are for.' })
  kind: ReportKind;

  @PortalVisible()
  @Field(() => ReportFrequency, { description: 'Weekly or monthly.' })
  frequency: ReportFrequency;

  @PortalVisible()
  @Field(() => [String], { description: 'Who is told when a report of it is published.' })
  recipients: string[];

  @PortalVisible()
  @Field(() => Boolean, { description: 'false when paused.' })
  active: boolean;
}

@ObjectType('ReportConnection', { description: 'A page of reports, newest first.' })
export class ReportConnection extends Connection(ReportType, 'Report') {}
