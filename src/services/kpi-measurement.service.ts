import type { AuthedContext } from '../context';
import { emitEvent, WebhookEventType } from '../events';
import { Campaign, CampaignKpiTarget, KpiDeviation, KpiMeasurement } from '../entities';
import { DeviationSeverity } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { childRowsOf } from '../loaders/loader-kit';
import type { RecordKpiMeasurementsInput } from '../schema/kpi-measurement/kpi-measurement.inputs';
import { agencyToday } from './agency.service';
import { openDeviations, sumsOver } from './kpi-measurement.reads';
import { affectedSlots, takesMeasurements, kpiFigures, measurementValues, windowKey, type MeasurementValues } from './kpi-measurement.rules';
import { scoped, withTransaction } from './scope';

/** Recording measurements and keeping the deviations of a campaign up to date, in one transaction. */

/** A campaign being prepared has nothing to measure yet, a cancelled one never ran. */

/**
 * Records (or, for a day sent again, replaces) daily figures of a campaign, all or nothing, and
 * re-evaluates the KPI targets over the periods those days fall in.
 */
export function recordKpiMeasurements(ctx: AuthedContext, input: RecordKpiMeasurementsInput, now: Date = new Date()): Promise<Campaign> {
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    if (!takesMeasurements(campaign.status)) {
      throw new BadUserInputError([{ path: 'input.campaignId', message: msg('validation.campaignNotRunning', { status: campaign.status }) }]);
    }
    await storeMeasurements(tx, campaign, measurementValues(input.measurements, campaign), now);
    return scoped(tx, Campaign).update(campaign, {});
  });
}

/**
 * Upserts already validated figures of a campaign locked by the caller's transaction and
 * re-evaluates its deviations: the one write path of typed and imported measurements.
 */
export async function storeMeasurements(tx: AuthedContext, campaign: Campaign, rows: MeasurementValues[], now: Date): Promise<void> {
  await scoped(tx, KpiMeasurement).upsert(
    rows.map((r) => ({ ...r, clientId: campaign.clientId, campaignId: campaign.id, updatedAt: now })),
    ['campaignId', 'metric', 'customName', 'date'],
  );
  await reevaluateDeviations(tx, campaign, [...new Set(rows.map((r) => r.date))], now);
}

/**
 * For each target and each period a measured day falls in: opens a deviation when the KPI is worse
 * than plan by the warn band or more, updates the open one while it lasts, closes it once the KPI
 * is back within the band.
 */
async function reevaluateDeviations(tx: AuthedContext, campaign: Campaign, dates: string[], now: Date): Promise<void> {
  const targets = await childRowsOf(tx, CampaignKpiTarget, 'campaignId', [campaign.id], ['position']);
  if (targets.length === 0) return;
  const slots = affectedSlots(targets, campaign, dates, await agencyToday(tx, now));
  const sums = await sumsOver(tx, slots.map((s) => s.window));
  const open = new Map((await openDeviations(tx, campaign.id)).map((d) => [`${d.targetId}|${d.periodStart}`, d]));
  const deviations = scoped(tx, KpiDeviation);
  for (const slot of slots) {
    const f = kpiFigures(slot, campaign, sums.get(windowKey(slot.window)));
    const existing = open.get(`${slot.target.id}|${slot.periodStart}`);
    if (f.severity === DeviationSeverity.NONE || f.actual === null) {
      if (existing) await deviations.update(existing, { closedAt: now });
      continue;
    }
    const figures = { plan: f.planSoFar, actual: f.actual, deviationPercent: f.deviationPercent, severity: f.severity };
    if (existing) await deviations.update(existing, figures);
    else {
      const opened = await deviations.insert({
        ...figures,
        clientId: campaign.clientId,
        campaignId: campaign.id,
        targetId: slot.target.id,
        periodStart: slot.periodStart,
        periodEnd: slot.periodEnd,
        openedAt: now,
        closedAt: null,
      });
      await emitEvent(tx, WebhookEventType.KPI_DEVIATION_OPENED, {
        deviationId: opened.id,
        campaignId: campaign.id,
        campaignName: campaign.name,
        clientId: campaign.clientId,
        metric: slot.target.customName ?? slot.target.metric,
        periodStart: slot.periodStart,
        periodEnd: slot.periodEnd,
        plan: opened.plan,
        actual: opened.actual,
        deviationPercent: opened.deviationPercent,
        severity: opened.severity,
      }, now);
    }
  }
}
