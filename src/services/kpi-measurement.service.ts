import type { AuthedContext } from '../context';
import { Campaign, CampaignKpiTarget, KpiDeviation, KpiMeasurement } from '../entities';
import { DeviationSeverity } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { childRowsOf } from '../loaders/loader-kit';
import type { RecordKpiMeasurementsInput } from '../schema/kpi-measurement/kpi-measurement.inputs';
import { agencyToday } from './agency.service';
import { openDeviations, sumsOver } from './kpi-measurement.reads';
import { affectedSlots, takesMeasurements, kpiFigures, measurementValues, windowKey, type MeasurementValues } from './kpi-measurement.rules';
import { refreshKpiMonths, scoped, withTransaction } from './scope';

/** The first day of the month of a YYYY-MM-DD date. */
const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

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

/** Figures per upsert statement of storeMeasurements (each column travels as one array parameter). */
export const STORE_CHUNK = 20_000;

export interface StoreOptions {
  /** Called after each statement of STORE_CHUNK figures with how many of `rows` are written so far. */
  onStored?: (stored: number) => void;
}

/**
 * Upserts already validated figures of a campaign locked by the caller's transaction and
 * re-evaluates its deviations: the one write path of typed and imported measurements. However
 * many figures, the rollup is refreshed and the deviations re-evaluated once, after the last upsert.
 */
export async function storeMeasurements(tx: AuthedContext, campaign: Campaign, rows: MeasurementValues[], now: Date, opts: StoreOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const measurements = scoped(tx, KpiMeasurement);
  for (let at = 0; at < rows.length; at += STORE_CHUNK) {
    const chunk = rows.slice(at, at + STORE_CHUNK);
    await measurements.bulkUpsert(
      chunk.map((r) => ({ clientId: campaign.clientId, campaignId: campaign.id, metric: r.metric, customName: r.customName, date: r.date, value: r.value, updatedAt: now })),
      ['campaignId', 'metric', 'customName', 'date'],
      ['value', 'updatedAt'],
    );
    opts.onStored?.(at + chunk.length);
  }
  const dates = [...new Set(rows.map((r) => r.date))];
  const months = [...new Set(dates.map(monthOf))];
  await refreshKpiMonths(tx, months.map(() => campaign.id), months);
  await reevaluateDeviations(tx, campaign, dates, now);
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
      await deviations.insert({
        ...figures,
        clientId: campaign.clientId,
        campaignId: campaign.id,
        targetId: slot.target.id,
        periodStart: slot.periodStart,
        periodEnd: slot.periodEnd,
        openedAt: now,
        closedAt: null,
      });
    }
  }
}
