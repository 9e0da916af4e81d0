import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { AnalyticsPeriodInput, AnalyticsScopeInput, ChurnInput, DependencyRiskInput, RecordAcquisitionCostInput, RevenuePeriodInput } from '../schema/analytics/analytics.inputs';
import {
  AcquisitionCostType,
  ChurnType,
  ClientLifecycleStatsType,
  CustomerLifetimeValueType,
  DependencyRiskType,
  EngagementType,
  ParetoType,
  RepeatPurchaseShareType,
} from '../schema/analytics/analytics.type';
import * as analytics from '../services/analytics.service';

/** Client analytics: agency staff only (portal users get FORBIDDEN). */
@Resolver()
export class AnalyticsResolver {
  @Authorized(STAFF)
  @Query(() => ClientLifecycleStatsType, { description: 'Clients per lifecycle stage now and the average days spent in each stage (from the stage history).' })
  clientLifecycleStats(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyticsScopeInput, { nullable: true, description: 'Optionally one account manager.' }) input?: AnalyticsScopeInput) {
    return analytics.clientLifecycleStats(ctx, input ?? {});
  }

  @Authorized(STAFF)
  @Query(() => RepeatPurchaseShareType, { description: 'The share of clients with more than one won deal among the clients with at least one.' })
  repeatPurchaseShare(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyticsScopeInput, { nullable: true, description: 'Optionally one account manager.' }) input?: AnalyticsScopeInput) {
    return analytics.repeatPurchaseShare(ctx, input ?? {});
  }

  @Authorized(STAFF)
  @Query(() => ChurnType, { description: 'Churn rate per month or quarter: clients terminated or gone quiet for 90 days, against the clients active at the start.' })
  churn(@Ctx() ctx: AuthedContext, @Arg('input', () => ChurnInput, { description: 'The period, its step and optionally one account manager.' }) input: ChurnInput) {
    return analytics.churn(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => CustomerLifetimeValueType, { description: 'Lifetime value per client (paid minus refunded, per currency) and what is left after its acquisition cost.' })
  customerLifetimeValue(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyticsScopeInput, { nullable: true, description: 'Optionally one account manager.' }) input?: AnalyticsScopeInput) {
    return analytics.customerLifetimeValue(ctx, input ?? {});
  }

  @Authorized(STAFF)
  @Query(() => ParetoType, { description: 'The smallest set of clients bringing at least 80 % of the revenue of a period, with their shares.' })
  pareto(@Ctx() ctx: AuthedContext, @Arg('input', () => RevenuePeriodInput, { description: 'The period, the currency and optionally one account manager.' }) input: RevenuePeriodInput) {
    return analytics.pareto(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => EngagementType, { description: 'Per client over a period: contact frequency, total interaction time and the number of services used.' })
  engagement(@Ctx() ctx: AuthedContext, @Arg('input', () => AnalyticsPeriodInput, { description: 'The period and optionally one account manager.' }) input: AnalyticsPeriodInput) {
    return analytics.engagement(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => DependencyRiskType, { description: "The largest clients' shares of a period's revenue, flagged when the largest exceeds 25 %." })
  dependencyRisk(@Ctx() ctx: AuthedContext, @Arg('input', () => DependencyRiskInput, { description: 'The period, the currency and how many clients to list.' }) input: DependencyRiskInput) {
    return analytics.dependencyRisk(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => AcquisitionCostType, { description: "Records money spent to win a client; it is subtracted from the client's lifetime value in the same currency." })
  recordAcquisitionCost(@Ctx() ctx: AuthedContext, @Arg('input', () => RecordAcquisitionCostInput, { description: 'The client, amount, currency, date and note.' }) input: RecordAcquisitionCostInput) {
    return analytics.recordAcquisitionCost(ctx, input);
  }
}
