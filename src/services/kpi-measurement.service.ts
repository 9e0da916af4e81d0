import type { AuthedContext } from '../context';
import { emitEvent, WebhookEventType } from '../events';
import { Campaign, CampaignKpiTarget, KpiDeviation, KpiMeasurement } from '../entities';
import { DeviationCloseReason } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { childRowsOf } from '../loaders/loader-kit';
import type { RecordKpiMeasurementsInput } from '../schema/kpi-measurement/kpi-measurement.inputs';
import { agencyToday } from './agency.service';
import { latestDeviations, openDeviations, sumsOver } from './kpi-measurement.reads';
import { affectedSlots, clipToCampaign, deviationAction, kpiFigures, measurementValues, periodEndedReason, settledBefore, slotOf, takesMeasurements, windowKey, type MeasurementValues } from './kpi-measurement.rules';
import { insertKpiFigures, refreshKpiMonths, scoped, withTransaction } from './scope';
import { firstOfMonth } from './time';


/** Recording measurements and keeping the deviations of a campaign up to date, in one transaction. */

/** A campaign being prepared has nothing to measure yet, a cancelled one never ran. */

/**
 * Records (or, for a day sent again, replaces) daily figures of a campaign, all or nothing, and
 * re-evaluates the KPI targets over the periods those days fall in.
 */
export function recordKpiMeasurements(ctx: AuthedContext, input: RecordKpiMeasurementsInput, now: Date = ctx.app.clock()): Promise<Campaign> {
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    if (!takesMeasurements(campaign.status)) {
      throw new BadUserInputError([{ path: 'input.campaignId', message: msg('validation.campaignNotRunning', { status: campaign.status }) }]);
    }
    await storeMeasurements(tx, campaign, measurementValues(input.measurements, campaign), now);
    return campaign;
  });
}

/** Figures per write statement of storeMeasurements (one COPY, or each column as one array parameter). */
export const STORE_CHUNK = 20_000;

/**
 * From this many figures at once (a file import), storeMeasurements sends them by COPY through
 * a staging table; fewer (a typed batch) go as unnest arrays in the statement itself, one round
 * trip instead of four.
 */
export const COPY_MIN_FIGURES = 2_000;

export interface StoreOptions {
  /** Called after each statement of STORE_CHUNK figures with how many of `rows` are written so far. */
  onStored?: (stored: number) => void;
}

/**
 * Upserts already validated figures of a campaign locked by the caller's transaction and
 * re-evaluates its deviations: the one write path of typed and imported measurements. However
 * many figures, the deviations are re-evaluated once, after the last write.
 *
 * Usually the days are new (the next days of a running campaign, a first import): nothing of the
 * campaign is stored between the first and the last of them, which one range read of the key
 * tells, and the lock on the campaign keeps so. Then the figures are plain inserts that also move
 * the rollup by their sums (insertKpiFigures). Otherwise a re-sent day replaces its figure (one
 * sent unchanged is left as it is, stamp included) and the touched months of the rollup are
 * recomputed from the raw rows.
 */
export async function storeMeasurements(tx: AuthedContext, campaign: Campaign, rows: MeasurementValues[], now: Date, opts: StoreOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const measurements = scoped(tx, KpiMeasurement);
  // in key order (the campaign's days are one range of the key), so the index is written page by page
  const ordered = inDateOrder(rows);
  const [first, last] = [ordered[0].date, ordered[ordered.length - 1].date];
  const stored = await measurements
    .query('m')
    .select('1', 'one')
    .andWhere('m."campaignId" = :campaignId AND m.date BETWEEN :first AND :last', { campaignId: campaign.id, first, last })
    .limit(1)
    .getRawOne();
  const copy = rows.length >= COPY_MIN_FIGURES;
  const constants = { clientId: campaign.clientId, campaignId: campaign.id, updatedAt: now };
  // STORE_CHUNK figures a statement, so that the progress moves and one piece of COPY text stays small
  for (let at = 0; at < ordered.length; at += STORE_CHUNK) {
    const chunk = ordered.slice(at, at + STORE_CHUNK);
    if (!stored) await insertKpiFigures(tx, campaign, chunk, now, { copy });
    else if (copy) await measurements.copyUpsert(chunk, ['campaignId', 'metric', 'customName', 'date'], ['value', 'updatedAt'], { unchangedUnless: ['value'], constants });
    else await measurements.bulkUpsert(chunk, ['campaignId', 'metric', 'customName', 'date'], ['value', 'updatedAt'], { constants });
    opts.onStored?.(at + chunk.length);
  }
  const dates = [...new Set(rows.map((r) => r.date))];
  if (stored) {
    const months = [...new Set(dates.map(firstOfMonth))];
    await refreshKpiMonths(tx, months.map(() => campaign.id), months);
  }
  // the campaign's version moves with its figures (what cached series are keyed by)
  await scoped(tx, Campaign).update(campaign, {});
  await reevaluateDeviations(tx, campaign, dates, now);
  // and the periods that ended without new figures: their open deviations close now
  await closeEndedPeriods(tx, campaign, await agencyToday(tx, now), now);
}

/** The figures by date (stable: a day's metrics keep their order); as given when already so. */
function inDateOrder(rows: MeasurementValues[]): MeasurementValues[] {
  for (let i = 1; i < rows.length; i++) if (rows[i].date < rows[i - 1].date) return [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return rows;
}

/**
 * For each target and each period a measured day falls in, what deviationAction decides from the
 * period's latest deviation row: open, update or close (back within band) while the period runs;
 * once the period or the campaign has ended, close an open one with the final figures, or give
 * late figures to the closed one without reopening it, and never open one afterwards.
 */
async function reevaluateDeviations(tx: AuthedContext, campaign: Campaign, dates: string[], now: Date): Promise<void> {
  const targets = await childRowsOf(tx, CampaignKpiTarget, 'campaignId', [campaign.id], ['position']);
  if (targets.length === 0) return;
  const today = await agencyToday(tx, now);
  const slots = affectedSlots(targets, campaign, dates, today);
  const sums = await sumsOver(tx, slots.map((s) => s.window));
  const latest = new Map((await latestDeviations(tx, campaign.id, slots.map((s) => s.periodStart))).map((d) => [`${d.targetId}|${d.periodStart}`, d]));
  const deviations = scoped(tx, KpiDeviation);
  for (const slot of slots) {
    const f = kpiFigures(slot, campaign, sums.get(windowKey(slot.window)));
    const existing = latest.get(`${slot.target.id}|${slot.periodStart}`) ?? null;
    const action = deviationAction(existing && { open: existing.closedAt === null }, f.severity, f.actual !== null, periodEndedReason(campaign.status, slot.periodEnd, today));
    const figures = { plan: f.planSoFar, actual: f.actual as string, deviationPercent: f.deviationPercent, severity: f.severity };
    if (action.kind === 'UPDATE' && existing) await deviations.update(existing, figures);
    else if (action.kind === 'CLOSE' && existing) {
      await deviations.update(existing, { ...(action.withFigures ? figures : {}), closedAt: now, closeReason: action.reason });
    } else if (action.kind === 'OPEN') {
      const opened = await deviations.insert({
        ...figures,
        clientId: campaign.clientId,
        campaignId: campaign.id,
        targetId: slot.target.id,
        periodStart: slot.periodStart,
        periodEnd: slot.periodEnd,
        openedAt: now,
        closedAt: null,
        closeReason: null,
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

/**
 * Closes the campaign's open deviations whose period is settled as of the agency's `today`, with
 * PERIOD_ENDED and the period's final figures (the whole period judged against its whole plan).
 * Runs after every recording of figures, when a campaign ends, and hourly for every agency.
 * Returns how many it closed.
 */
export async function closeEndedPeriods(tx: AuthedContext, campaign: Campaign, today: string, now: Date): Promise<number> {
  const ended = (await openDeviations(tx, campaign.id)).filter((d) => d.periodEnd < settledBefore(today));
  if (ended.length === 0) return 0;
  const targets = new Map((await childRowsOf(tx, CampaignKpiTarget, 'campaignId', [campaign.id], ['position'])).map((t) => [t.id, t]));
  const slots = ended.map((d) => {
    const target = targets.get(d.targetId)!;
    return { deviation: d, slot: slotOf(target, campaign, clipToCampaign(d.periodEnd, campaign)) };
  });
  const sums = await sumsOver(tx, slots.map((s) => s.slot.window));
  const deviations = scoped(tx, KpiDeviation);
  for (const { deviation, slot } of slots) {
    const f = kpiFigures(slot, campaign, sums.get(windowKey(slot.window)));
    const figures = f.actual === null ? {} : { plan: f.planSoFar, actual: f.actual, deviationPercent: f.deviationPercent, severity: f.severity };
    await deviations.update(deviation, { ...figures, closedAt: now, closeReason: DeviationCloseReason.PERIOD_ENDED });
  }
  // the campaign's version moves with its deviations (what its cached reads are keyed by)
  await scoped(tx, Campaign).update(campaign, {});
  return ended.length;
}

/**
 * In the transaction that completes or cancels a campaign: its deviations of periods that had
 * already ended close with PERIOD_ENDED (final figures), the others with CAMPAIGN_ENDED, keeping
 * the figures they were last seen with (figures arriving later still update them).
 */
export async function closeDeviationsOfEndedCampaign(tx: AuthedContext, campaign: Campaign, now: Date = tx.app.clock()): Promise<void> {
  await closeEndedPeriods(tx, campaign, await agencyToday(tx, now), now);
  const deviations = scoped(tx, KpiDeviation);
  for (const open of await openDeviations(tx, campaign.id)) await deviations.update(open, { closedAt: now, closeReason: DeviationCloseReason.CAMPAIGN_ENDED });
}

/**
 * The hourly closing for one agency (see kpi.close-ended-periods): every campaign with an open
 * deviation of a period that ended before the agency's own today, each in its own transaction with
 * the campaign locked as recording locks it. Returns how many deviations it closed.
 */
export async function closeEndedPeriodsOfAgency(ctx: AuthedContext, now: Date = ctx.app.clock()): Promise<number> {
  const today = await agencyToday(ctx, now);
  const rows: { campaignId: string }[] = await scoped(ctx, KpiDeviation)
    .query('d')
    .select('DISTINCT d."campaignId"', 'campaignId')
    .andWhere('d."closedAt" IS NULL AND d."periodEnd" < :settled', { settled: settledBefore(today) })
    .getRawMany();
  let closed = 0;
  for (const { campaignId } of rows) {
    closed += await withTransaction(ctx, async (tx) => {
      const campaign = await scoped(tx, Campaign).getById(campaignId, 'campaignId', { lock: true });
      return closeEndedPeriods(tx, campaign, today, now);
    });
  }
  return closed;
}
