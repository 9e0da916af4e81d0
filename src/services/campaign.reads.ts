import type { AuthedContext } from '../context';
import { Campaign, CampaignChannel, CampaignChecklistItem, CampaignKpiTarget } from '../entities';
import type { LaunchChecklistItem } from '../entities/enums';
import type { CampaignsArgs } from '../schema/campaign/campaign.args';
import type { ConnectionResult } from '../schema/common/connection';
import { CHECKLIST_ORDER, missingLaunchItems } from './campaign.rules';
import { formatPercent } from './money/format';
import { latestFirst, matching, paginate } from './pagination';
import { scoped } from './scope';
import { projectedColumns } from '../schema/common/row-projection';

/** Campaigns as read: lookups, the list and the fields resolvers show. */

/** null when missing, another agency's, or (for a portal user) not launched yet or another client's. */
export function getCampaign(ctx: AuthedContext, id: string): Promise<Campaign | null> {
  return scoped(ctx, Campaign).findById(id);
}

export function listCampaigns(ctx: AuthedContext, args: CampaignsArgs): Promise<ConnectionResult<Campaign>> {
  const f = args.filter;
  const qb = matching(scoped(ctx, Campaign).query('c'), 'c', { clientId: f?.clientId, status: f?.status });
  return paginate(qb, args, latestFirst('c', 'createdAt'), projectedColumns(ctx, Campaign));
}

export function clientCampaigns(ctx: AuthedContext, clientId: string): Promise<Campaign[]> {
  return ctx.loaders.clientCampaigns.load(clientId);
}

export function campaignChannel(ctx: AuthedContext, c: Campaign): Promise<CampaignChannel | null> {
  return ctx.loaders.campaignChannelById.load(c.channelId);
}

export interface ChecklistEntry {
  item: LaunchChecklistItem;
  checked: boolean;
  checkedAt: Date | null;
  checkedById: string | null;
  comment: string | null;
}

/** Every checklist item in order, checked or not (KPI is not done while there are no targets). */
export async function campaignChecklist(ctx: AuthedContext, c: Campaign): Promise<ChecklistEntry[]> {
  const [rows, targets] = await Promise.all([ctx.loaders.campaignChecklist.load(c.id), ctx.loaders.campaignKpiTargets.load(c.id)]);
  const byItem = new Map(rows.map((r) => [r.item, r]));
  const missing = new Set(missingLaunchItems(byItem.keys(), targets.length > 0));
  return CHECKLIST_ORDER.map((item) => {
    const row = byItem.get(item);
    return { item, checked: !missing.has(item), checkedAt: row?.checkedAt ?? null, checkedById: row?.checkedById ?? null, comment: row?.comment ?? null };
  });
}

export async function campaignKpiTargets(ctx: AuthedContext, c: Campaign): Promise<CampaignKpiTarget[]> {
  const rows = await ctx.loaders.campaignKpiTargets.load(c.id);
  return rows.map((t) => ({ ...t, plan: formatPercent(t.plan), warnPercent: formatPercent(t.warnPercent), actPercent: formatPercent(t.actPercent) }));
}

/** For the writes, inside their transaction: what the launch gate looks at. */
export async function launchState(tx: AuthedContext, campaignId: string): Promise<{ checked: LaunchChecklistItem[]; targetCount: number }> {
  const checked = await scoped(tx, CampaignChecklistItem).query('i').andWhere('i."campaignId" = :campaignId', { campaignId }).getMany();
  const targetCount = await scoped(tx, CampaignKpiTarget).query('t').andWhere('t."campaignId" = :campaignId', { campaignId }).getCount();
  return { checked: checked.map((r) => r.item), targetCount };
}
