import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, LifecycleStage } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { ChurnGranularity } from './analytics.enums';

@ObjectType('CurrencyAmount', { description: 'An exact amount in one currency (amounts in different currencies are never added together).' })
export class CurrencyAmountType {
  @Field(() => DecimalScalar, { description: 'The amount, exact, 2 decimals.' })
  amount: string;

  @Field(() => CurrencyCode, { description: 'Its currency.' })
  currency: CurrencyCode;
}

@ObjectType('LifecycleStageStat', { description: 'One lifecycle stage: the clients in it now and the average time clients spend in it.' })
export class LifecycleStageStatType {
  @Field(() => LifecycleStage, { description: 'The stage.' })
  stage: LifecycleStage;

  @Field(() => Int, { description: 'Clients in this stage now (not archived, not terminated).' })
  clients: number;

  @Field(() => Int, { description: 'Stays in this stage recorded in the stage history (finished or still going).' })
  stays: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average length of those stays in days, rounded half-up to 2 decimals: a stay lasts from entering the stage to the next stage change, ' +
      'to the termination of cooperation, or (still going) to now; null when no client was ever in the stage.',
  })
  averageDaysInStage: number | null;
}

@ObjectType('ClientLifecycleStats', { description: 'Clients per lifecycle stage and the average time spent in each stage.' })
export class ClientLifecycleStatsType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => [LifecycleStageStatType], { description: 'Every stage, in lifecycle order.' })
  stages: LifecycleStageStatType[];

  @Field(() => Int, { description: 'Clients counted in the stages (not archived, not terminated).' })
  activeClients: number;

  @Field(() => Int, { description: 'Clients whose cooperation is terminated (not archived).' })
  terminatedClients: number;
}

@ObjectType('RepeatPurchaseShare', { description: 'The share of clients who came back for another purchase: the main measure of client lifecycle work.' })
export class RepeatPurchaseShareType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => Int, { description: 'Clients with at least one won deal.' })
  clientsWithPurchase: number;

  @Field(() => Int, { description: 'Clients with more than one won deal.' })
  repeatClients: number;

  @Field(() => Float, { nullable: true, description: 'repeatClients / clientsWithPurchase in percent, rounded half-up to 2 decimals; null when no client has a won deal.' })
  sharePercent: number | null;
}

@ObjectType('ChurnPeriod', { description: 'One period of the churn series.' })
export class ChurnPeriodType {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period (the last period ends on the requested last day).' })
  to: string;

  @Field(() => Int, { description: 'Clients active at the start of the period (see Churn.inactivityDays for "active").' })
  activeAtStart: number;

  @Field(() => Int, { description: 'Of those, the clients no longer active at the end of the period.' })
  churned: number;

  @Field(() => Int, { description: 'Of the churned, those whose cooperation was terminated.' })
  terminated: number;

  @Field(() => Int, { description: 'Of the churned, those who just went quiet (no activity for inactivityDays).' })
  inactive: number;

  @Field(() => Float, { nullable: true, description: 'churned / activeAtStart in percent, rounded half-up to 2 decimals; null when no client was active at the start.' })
  ratePercent: number | null;
}

@ObjectType('Churn', {
  description:
    'Churn per period. A client is active at an instant when it exists, its cooperation is not terminated, and it was created or had activity ' +
    '(a logged interaction, a deal opened or closed, an invoice issued, a payment or refund) within the inactivityDays before. ' +
    'Churned in a period = active at its start and not at its end; rate = churned / active at the start.',
})
export class ChurnType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => ChurnGranularity, { description: 'Months or quarters.' })
  granularity: ChurnGranularity;

  @Field(() => Int, { description: 'Days without any activity after which a client counts as lost (90).' })
  inactivityDays: number;

  @Field({ description: 'The agency time zone the days were taken in.' })
  timeZone: string;

  @Field(() => [ChurnPeriodType], { description: 'The periods, oldest first; the first starts on the requested first day.' })
  periods: ChurnPeriodType[];
}

@ObjectType('ClientLifetimeValue', { description: "One client's lifetime value: money received minus money refunded, per currency, and what is left after its acquisition cost." })
export class ClientLifetimeValueType {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field({ description: 'Its name.' })
  clientName: string;

  @Field(() => [CurrencyAmountType], { description: 'Payments received, per currency.' })
  paid: CurrencyAmountType[];

  @Field(() => [CurrencyAmountType], { description: 'Refunds made, per currency.' })
  refunded: CurrencyAmountType[];

  @Field(() => [CurrencyAmountType], { description: 'Lifetime value: paid minus refunded, per currency.' })
  lifetimeValue: CurrencyAmountType[];

  @Field(() => [CurrencyAmountType], { description: "Acquisition cost: recorded for the client, plus its share of the costs of the month it was acquired in, per currency." })
  acquisitionCost: CurrencyAmountType[];

  @Field(() => [CurrencyAmountType], { description: 'Lifetime value minus acquisition cost, per currency (a currency with only a cost is negative).' })
  valueAfterAcquisition: CurrencyAmountType[];
}

@ObjectType('LifetimeValueTotal', { description: 'Lifetime value over all listed clients, in one currency.' })
export class LifetimeValueTotalType {
  @Field(() => CurrencyCode, { description: 'The currency.' })
  currency: CurrencyCode;

  @Field(() => Int, { description: 'Clients with any payment, refund or acquisition cost in this currency.' })
  clients: number;

  @Field(() => DecimalScalar, { description: 'Sum of lifetime values.' })
  lifetimeValue: string;

  @Field(() => DecimalScalar, { description: 'Sum of acquisition costs.' })
  acquisitionCost: string;

  @Field(() => DecimalScalar, { description: 'Sum of lifetime values minus acquisition costs.' })
  valueAfterAcquisition: string;

  @Field(() => DecimalScalar, { description: 'lifetimeValue / clients, rounded half-up to 2 decimals.' })
  averageLifetimeValue: string;
}

@ObjectType('CustomerLifetimeValue', { description: 'Lifetime value per client (all time) and totals per currency.' })
export class CustomerLifetimeValueType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => [ClientLifetimeValueType], { description: "Every client with money or a cost recorded, the largest value in the agency's default currency first." })
  clients: ClientLifetimeValueType[];

  @Field(() => [LifetimeValueTotalType], { description: 'Totals, one per currency.' })
  totals: LifetimeValueTotalType[];
}

@ObjectType('ClientRevenueShare', { description: "One client's revenue in the period and its share of the total." })
export class ClientRevenueShareType {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field({ description: 'Its name.' })
  clientName: string;

  @Field(() => DecimalScalar, { description: 'Payments received minus refunds made in the period, in the currency asked for.' })
  revenue: string;

  @Field(() => Float, { description: 'revenue / total revenue in percent, rounded half-up to 2 decimals.' })
  sharePercent: number;

  @Field(() => Float, { description: 'Share of this client and every larger one together, in percent, rounded half-up to 2 decimals.' })
  cumulativeSharePercent: number;
}

@ObjectType('Pareto', { description: 'The smallest set of clients that brought at least 80 % of the revenue of a period.' })
export class ParetoType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to: string;

  @Field(() => CurrencyCode, { description: 'The currency of the revenue.' })
  currency: CurrencyCode;

  @Field(() => Float, { description: 'The share of revenue the set must reach (80).' })
  thresholdPercent: number;

  @Field(() => DecimalScalar, { description: 'Revenue of the clients with positive revenue in the period (payments minus refunds, by payment date).' })
  totalRevenue: string;

  @Field(() => [ClientRevenueShareType], { description: 'The set, largest first (ties by name).' })
  clients: ClientRevenueShareType[];

  @Field(() => Int, { description: 'How many clients are in the set.' })
  setSize: number;

  @Field(() => Int, { description: 'Clients with positive revenue in the period.' })
  clientsWithRevenue: number;

  @Field(() => Int, { description: 'All clients of the scope (not archived).' })
  totalClients: number;

  @Field(() => Float, { nullable: true, description: 'setSize / totalClients in percent, rounded half-up to 2 decimals; null without clients.' })
  setShareOfClientsPercent: number | null;
}

@ObjectType('ClientEngagement', { description: 'How closely one client works with the agency over the period.' })
export class ClientEngagementType {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field({ description: 'Its name.' })
  clientName: string;

  @Field(() => Int, { description: 'Interactions logged in the period.' })
  interactions: number;

  @Field(() => Float, { description: 'interactions per month of the period (a month = 365.25 / 12 days), rounded half-up to 2 decimals.' })
  contactsPerMonth: number;

  @Field(() => Int, { description: 'Total minutes of those interactions (those without a duration count 0).' })
  totalMinutes: number;

  @Field(() => Int, { description: 'Distinct channels (services) of its campaigns running in the period (launched, paused or completed, dates overlapping).' })
  servicesUsed: number;
}

@ObjectType('Engagement', { description: 'Engagement numbers per client over a period: contact frequency, total interaction time, services used.' })
export class EngagementType {
  @Field(() => ID, { nullable: true, description: 'The account manager the figures are restricted to, if any.' })
  managerId: string | null;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to: string;

  @Field(() => Float, { description: 'Length of the period in months (days / (365.25 / 12)), rounded to 2 decimals.' })
  months: number;

  @Field(() => [ClientEngagementType], { description: 'Every client of the scope (not archived), most interactions first, then by name.' })
  clients: ClientEngagementType[];
}

@ObjectType('DependencyRisk', { description: "How much the agency depends on its largest clients' revenue in a period." })
export class DependencyRiskType {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to: string;

  @Field(() => CurrencyCode, { description: 'The currency of the revenue.' })
  currency: CurrencyCode;

  @Field(() => DecimalScalar, { description: 'Revenue of all clients in the period.' })
  totalRevenue: string;

  @Field(() => Float, { description: 'The share of revenue above which one client is a risk (25).' })
  thresholdPercent: number;

  @Field(() => ClientRevenueShareType, { nullable: true, description: 'The largest client; null without revenue.' })
  largest: ClientRevenueShareType | null;

  @Field(() => [ClientRevenueShareType], { description: 'The topN largest clients, largest first.' })
  top: ClientRevenueShareType[];

  @Field(() => Float, { nullable: true, description: 'The top clients together, in percent of the total; null without revenue.' })
  topSharePercent: number | null;

  @Field({ description: "true when the largest client's share exceeds thresholdPercent." })
  atRisk: boolean;
}

@ObjectType('AcquisitionCost', { description: 'Money the agency spent to win one client, or the clients of one month.' })
export class AcquisitionCostType {
  @Field(() => ID, { description: 'Id of the record.' })
  id: string;

  @Field(() => ID, { nullable: true, description: "The client; null for a month's cost shared among the clients acquired in that month." })
  clientId: string | null;

  @Field(() => DecimalScalar, { description: 'The amount, exact.' })
  amount: string;

  @Field(() => CurrencyCode, { description: 'Its currency.' })
  currency: CurrencyCode;

  @Field(() => DateScalar, { description: 'When it was spent.' })
  spentOn: string;

  @Field(() => String, { nullable: true, description: 'What it was for.' })
  note: string | null;

  @Field({ description: 'When it was recorded.' })
  createdAt: Date;
}
