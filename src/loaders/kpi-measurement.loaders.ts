import DataLoader from 'dataloader';
import type { AuthedContext, RequestContext } from '../context';
import { KpiDeviation } from '../entities';
import { campaignFigures, type CampaignFigures, type CampaignFiguresKey } from '../services/kpi-measurement.reads';
import { childRows } from './loader-kit';

export interface KpiMeasurementLoaders {
  /** plan against actual and pacing of each campaign as of a day */
  campaignFigures: DataLoader<CampaignFiguresKey, CampaignFigures, string>;
  /** deviations of each campaign, oldest first */
  campaignDeviations: DataLoader<string, KpiDeviation[]>;
}

export function createKpiMeasurementLoaders(ctx: RequestContext): KpiMeasurementLoaders {
  return {
    campaignFigures: new DataLoader((keys) => campaignFigures(ctx as AuthedContext, keys), { cacheKeyFn: (k) => `${k.campaign.id}|${k.asOf ?? ''}` }),
    campaignDeviations: childRows(ctx, KpiDeviation, 'campaignId', ['openedAt']),
  };
}
