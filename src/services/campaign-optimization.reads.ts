import type { AuthedContext } from '../context';
import { Campaign, CampaignKpiTarget, type CampaignOptimization } from '../entities';
import { childRowsOf } from '../loaders/loader-kit';
import { agencyToday } from './agency.service';
import { effectiveness, kpiAfter, windowAfter, type KpiAfter } from './campaign-optimization.rules';
import { sumsOver } from './kpi-measurement.reads';
import { windowKey, type SumWindow } from './kpi-measurement.rules';
import { scoped } from './scope';

/** The optimization log as read: newest first, the KPIs over the equal window after, effectiveness. */

export function campaignOptimizations(ctx: AuthedContext, campaign: Campaign): Promise<CampaignOptimization[]> {
  return ctx.loaders.campaignOptimizations.load(campaign.id);
}

/**
 * The KPIs of many optimizations over the equal window after each, in three queries however many:
 * campaigns, targets, and one sums query for every window. A KPI appears once its window is over
 * (today is past its last day) and something was recorded in it.
 */
export async function optimizationsAfter(ctx: AuthedContext, opts: readonly CampaignOptimization[]): Promise<KpiAfter[][]> {
  const campaignIds = [...new Set(opts.map((o) => o.campaignId))];
  const [today, campaigns, targets] = await Promise.all([
    agencyToday(ctx),
    scoped(ctx, Campaign).findByIds(campaignIds),
    childRowsOf(ctx, CampaignKpiTarget, 'campaignId', campaignIds, ['position']),
  ]);
  const campaignOf = new Map(campaigns.map((c) => [c.id, c]));
  const targetOf = new Map(targets.map((t) => [t.id, t]));
  const plans = opts.map((o) => {
    const campaign = campaignOf.get(o.campaignId);
    if (!campaign) return [];
    return o.kpiBefore.flatMap((before) => {
      const target = targetOf.get(before.targetId);
      const window = windowAfter(before, campaign);
      return target && window && window.end < today ? [{ before, target, window }] : [];
    });
  });
  const sums = await sumsOver(ctx, plans.flat().map((p) => p.window as SumWindow));
  return plans.map((list) =>
    list.flatMap(({ before, target, window }) => {
      const recorded = sums.get(windowKey(window));
      return recorded ? [kpiAfter(before, target, window, recorded)] : [];
    }),
  );
}

export function optimizationKpiAfter(ctx: AuthedContext, o: CampaignOptimization): Promise<KpiAfter[]> {
  return ctx.loaders.optimizationKpisAfter.load(o);
}

export async function optimizationEffective(ctx: AuthedContext, o: CampaignOptimization): Promise<boolean | null> {
  if (o.deviationIds.length === 0) return null;
  const [after, deviations] = await Promise.all([optimizationKpiAfter(ctx, o), ctx.loaders.campaignDeviations.load(o.campaignId)]);
  const answered = new Set(o.deviationIds);
  return effectiveness(
    deviations.filter((d) => answered.has(d.id)).map((d) => d.targetId),
    o.kpiBefore,
    after,
  );
}
