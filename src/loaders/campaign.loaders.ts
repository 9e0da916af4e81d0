import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Campaign, CampaignChannel, CampaignChecklistItem, CampaignKpiTarget } from '../entities';
import { childRows, rowsById } from './loader-kit';

export interface CampaignLoaders {
  campaignChannelById: DataLoader<string, CampaignChannel | null>;
  /** checked launch items of each campaign */
  campaignChecklist: DataLoader<string, CampaignChecklistItem[]>;
  /** KPI targets of each campaign, in the order given */
  campaignKpiTargets: DataLoader<string, CampaignKpiTarget[]>;
  /** campaigns of each client, newest first */
  clientCampaigns: DataLoader<string, Campaign[]>;
}

export function createCampaignLoaders(ctx: RequestContext): CampaignLoaders {
  return {
    campaignChannelById: rowsById(ctx, CampaignChannel),
    campaignChecklist: childRows(ctx, CampaignChecklistItem, 'campaignId', ['checkedAt']),
    campaignKpiTargets: childRows(ctx, CampaignKpiTarget, 'campaignId', ['position']),
    clientCampaigns: childRows(ctx, Campaign, 'clientId', ['createdAt DESC']),
  };
}
