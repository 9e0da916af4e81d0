import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Campaign, CampaignChannel } from '../entities';
import type { ToolCategory } from '../entities/enums';
import { bucketSums, type BucketSums, type BucketWindow, bucketWindowKey } from '../services/kpi-series.reads';
import { sumsOver } from '../services/kpi-measurement.reads';
import { windowKey, type SumWindow, type WindowSums } from '../services/kpi-measurement.rules';
import { scoped } from '../services/scope';
import { childRows } from './loader-kit';

export interface KpiSeriesLoaders {
  /** the sums of each bucket of each window: every series of a request in one statement */
  bucketSums: DataLoader<BucketWindow, BucketSums, string>;
  /** the sums of every stored series over each window: every total of a request in one statement */
  windowSums: DataLoader<SumWindow, WindowSums, string>;
  /** campaigns made from each proposal, oldest first */
  proposalCampaigns: DataLoader<string, Campaign[]>;
  /**
   * the 70/20/10 category of each channel, for campaigns already visible to the reader: a portal
   * user sees its campaigns' spend by category, never the channel rows themselves
   */
  channelCategory: DataLoader<string, ToolCategory | null>;
}

export function createKpiSeriesLoaders(ctx: RequestContext): KpiSeriesLoaders {
  return {
    bucketSums: new DataLoader((keys) => bucketSums(ctx, keys), { cacheKeyFn: bucketWindowKey }),
    windowSums: new DataLoader(
      async (keys) => {
        const sums = await sumsOver(ctx, [...keys]);
        return keys.map((k) => sums.get(windowKey(k)) ?? new Map());
      },
      { cacheKeyFn: windowKey },
    ),
    proposalCampaigns: childRows(ctx, Campaign, 'proposalId', ['createdAt']),
    channelCategory: new DataLoader(async (ids) => {
      const rows = await scoped(ctx, CampaignChannel, { beyondPortal: true }).findByIds(ids);
      const byId = new Map(rows.map((r) => [r.id, r.toolMixCategory]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
