import type { AuthedContext } from '../context';
import { Campaign, CampaignOptimization, KpiDeviation } from '../entities';
import { CampaignStatus } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import type { LogOptimizationInput } from '../schema/campaign-optimization/campaign-optimization.inputs';
import { agencyToday } from './agency.service';
import { checkAnsweredDeviations, checkPerformedOn, snapshotOf } from './campaign-optimization.rules';
import { campaignFigures } from './kpi-measurement.reads';
import { scoped, withTransaction } from './scope';
import { requireText } from './text';

/** Only a running campaign is optimized: a planned one is still being set up, a finished one is over. */
const OPTIMIZED: readonly CampaignStatus[] = [CampaignStatus.LAUNCHED, CampaignStatus.PAUSED];

/**
 * Logs an optimization with the campaign's KPIs as of the day it was done. The campaign row is
 * locked, so the snapshot and the deviations checked are those no concurrent batch is changing.
 */
export function logOptimization(ctx: AuthedContext, input: LogOptimizationInput, now: Date = new Date()): Promise<CampaignOptimization> {
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    if (!OPTIMIZED.includes(campaign.status)) {
      throw new BadUserInputError([{ path: 'input.campaignId', message: msg('validation.campaignNotOptimizable', { status: campaign.status }) }]);
    }
    const description = requireText(input.description, 'input.description');
    const today = await agencyToday(tx, now);
    const performedOn = input.performedOn ?? today;
    checkPerformedOn(performedOn, campaign, today);
    const deviationIds = input.deviationIds ?? [];
    if (deviationIds.length) checkAnsweredDeviations(deviationIds, await scoped(tx, KpiDeviation).findByIds(deviationIds), campaign.id);
    const [figures] = await campaignFigures(tx, [{ campaign, asOf: performedOn }]);
    return scoped(tx, CampaignOptimization).insert({
      clientId: campaign.clientId,
      campaignId: campaign.id,
      category: input.category,
      description,
      performedOn,
      deviationIds,
      triggeredByDeviation: deviationIds.length > 0,
      kpiBefore: figures.kpis.map((f) => snapshotOf(f, campaign)),
      createdById: tx.actor.userId,
    });
  });
}
