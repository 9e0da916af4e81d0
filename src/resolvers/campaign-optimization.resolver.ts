import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { Campaign, CampaignOptimization } from '../entities';
import { CampaignType } from '../schema/campaign/campaign.type';
import { LogOptimizationInput } from '../schema/campaign-optimization/campaign-optimization.inputs';
import { CampaignOptimizationType, OptimizationKpiType } from '../schema/campaign-optimization/campaign-optimization.type';
import { PortalVisible } from '../schema/common/visibility';
import * as reads from '../services/campaign-optimization.reads';
import * as optimizations from '../services/campaign-optimization.service';

@Resolver(() => CampaignOptimizationType)
export class CampaignOptimizationResolver {
  @Authorized(STAFF)
  @Mutation(() => CampaignOptimizationType, {
    description:
      'Logs an optimization of a launched or paused campaign, with the open deviations it answers and its KPIs as of the day it was done.',
  })
  logOptimization(@Ctx() ctx: AuthedContext, @Arg('input', () => LogOptimizationInput, { description: 'The operation input.' }) input: LogOptimizationInput) {
    return optimizations.logOptimization(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => [OptimizationKpiType], {
    description:
      'The same KPIs over as many days after performedOn as were counted before, at the same daily plan; a KPI appears once that window is over and figures were recorded in it.',
  })
  kpiAfter(@Root() o: CampaignOptimization, @Ctx() ctx: AuthedContext) {
    return reads.optimizationKpiAfter(ctx, o);
  }

  @PortalVisible()
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the KPIs of the answered deviations all moved toward plan from before to after; null when it answers none or one of them is not measured after yet.',
  })
  effective(@Root() o: CampaignOptimization, @Ctx() ctx: AuthedContext) {
    return reads.optimizationEffective(ctx, o);
  }
}

@Resolver(() => CampaignType)
export class CampaignOptimizationsResolver {
  @PortalVisible()
  @FieldResolver(() => [CampaignOptimizationType], { description: 'The optimization log of the campaign, newest first (by performedOn, then when logged).' })
  optimizations(@Root() c: Campaign, @Ctx() ctx: AuthedContext) {
    return reads.campaignOptimizations(ctx, c);
  }
}
