import DataLoader from 'dataloader';
import type { AuthedContext, RequestContext } from '../context';
import { CampaignOptimization } from '../entities';
import { optimizationsAfter } from '../services/campaign-optimization.reads';
import type { KpiAfter } from '../services/campaign-optimization.rules';
import { childRows } from './loader-kit';

export interface CampaignOptimizationLoaders {
  /** optimizations of each campaign, newest first */
  campaignOptimizations: DataLoader<string, CampaignOptimization[]>;
  /** the KPIs of each optimization over the equal window after it */
  optimizationKpisAfter: DataLoader<CampaignOptimization, KpiAfter[], string>;
}

export function createCampaignOptimizationLoaders(ctx: RequestContext): CampaignOptimizationLoaders {
  return {
    campaignOptimizations: childRows(ctx, CampaignOptimization, 'campaignId', ['performedOn DESC', 'createdAt DESC']),
    optimizationKpisAfter: new DataLoader((opts) => optimizationsAfter(ctx as AuthedContext, opts), { cacheKeyFn: (o) => o.id }),
  };
}
