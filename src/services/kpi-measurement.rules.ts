import Decimal from 'decimal.js';
import type { Campaign, CampaignKpiTarget } from '../entities';
import { CampaignStatus, DeviationCloseReason, DeviationSeverity, KpiMetric, KpiStatus } from '../entities/enums';
import { BadUserInputError, type FieldError } from '../errors';
import { msg } from '../i18n';
import type { KpiMeasurementInput } from '../schema/kpi-measurement/kpi-measurement.inputs';
import { deviation, derivedMetric, isStored, pacing, periodContaining, planSoFar, type MetricParts, type Pacing } from './kpi.rules';

import { addDays } from './time';
/**
 * Pure logic of measurements: validating a batch of daily figures, the windows a KPI is summed
 * over, and plan against actual from those sums. The arithmetic itself is kpi.rules.ts.
 */

/** numeric(18,4), never negative */
/** A campaign takes measurements once launched (late figures arrive after it ends), never while planned or cancelled. */
export function takesMeasurements(status: CampaignStatus): boolean {
  return status !== CampaignStatus.PLANNED && status !== CampaignStatus.CANCELLED;
}

export const VALUE_RE = /^\d{1,14}(\.\d{1,4})?$/;

export interface MeasurementValues {
  metric: KpiMetric;
  customName: string;
  date: string;
  value: string;
}

/** The key of a stored series: the metric, and the name for CUSTOM. */
export const seriesKey = (metric: KpiMetric, customName: string | null | undefined): string => `${metric}|${customName ?? ''}`;

/**
 * Checks the whole batch and reports every offending row at once (path
 * `input.measurements.N.field`); nothing may be written unless all are valid.
 */
export function measurementValues(rows: KpiMeasurementInput[], campaign: Pick<Campaign, 'startDate' | 'endDate'>): MeasurementValues[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out = rows.map((row, i) => {
    const at = `input.measurements.${i}`;
    const customName = (row.customName ?? '').trim();
    if (!isStored(row.metric)) errors.push({ path: `${at}.metric`, message: msg('validation.kpiMetricNotStored') });
    if (row.metric === KpiMetric.CUSTOM && !customName) errors.push({ path: `${at}.customName`, message: msg('validation.kpiCustomNameRequired') });
    if (row.metric !== KpiMetric.CUSTOM && customName) errors.push({ path: `${at}.customName`, message: msg('validation.kpiCustomNameOnlyCustom') });
    if (typeof row.value === 'string' && row.value.trim().startsWith('-')) {
      errors.push({ path: `${at}.value`, message: msg('validation.notNegative', { field: 'value' }) });
    } else if (!VALUE_RE.test(String(row.value))) {
      errors.push({ path: `${at}.value`, message: msg('validation.measurementValueFormat') });
    }
    if (row.date < campaign.startDate || row.date > campaign.endDate) {
      errors.push({ path: `${at}.date`, message: msg('validation.measurementOutsideCampaign', { start: campaign.startDate, end: campaign.endDate }) });
    }
    const key = `${seriesKey(row.metric, customName)}|${row.date}`;
    if (seen.has(key)) errors.push({ path: `${at}.metric`, message: msg('validation.measurementDuplicate') });
    seen.add(key);
    return { metric: row.metric, customName, date: row.date, value: String(row.value) };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return out;
}

const clamp = (d: string, lo: string, hi: string): string => (d < lo ? lo : d > hi ? hi : d);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Days [start, end] of one campaign whose stored figures are summed. */
export interface SumWindow {
  campaignId: string;
  start: string;
  end: string;
}

export const windowKey = (w: SumWindow): string => `${w.campaignId}|${w.start}|${w.end}`;

/** Sums of every stored series over one window, by seriesKey (a missing series is 0). */
export type WindowSums = Map<string, string>;

/** Where one KPI target is looked at: the period containing `asOf` and the days summed. */
export interface KpiSlot {
  target: CampaignKpiTarget;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  window: SumWindow;
}

type CampaignDates = Pick<Campaign, 'id' | 'startDate' | 'endDate'>;

/** `asOf` clipped to the campaign: before it, its first day; after it, its last. */
export const clipToCampaign = (asOf: string, c: CampaignDates): string => clamp(asOf, c.startDate, c.endDate);

/** The current period of a target as of a day (already within the campaign), and its days so far. */
export function slotOf(target: CampaignKpiTarget, c: CampaignDates, asOf: string): KpiSlot {
  const period = periodContaining(target.period, asOf, c.startDate, c.endDate);
  return {
    target,
    periodStart: period.start,
    periodEnd: period.end,
    asOf,
    window: { campaignId: c.id, start: maxDate(period.start, c.startDate), end: minDate(period.end, asOf) },
  };
}

/**
 * The slots a measured day affects: each target's period containing the day, judged as of
 * `today` held within that period (a past period is judged whole, the current one so far).
 */
export function affectedSlots(targets: CampaignKpiTarget[], c: CampaignDates, dates: string[], today: string): KpiSlot[] {
  const slots = new Map<string, KpiSlot>();
  // in date order, the days of one period follow each other: each period is computed once, not per day
  const sorted = [...dates].sort();
  for (const target of targets) {
    let last: { start: string; end: string } | null = null;
    for (const date of sorted) {
      if (last && date >= last.start && date <= last.end) continue;
      const period = periodContaining(target.period, date, c.startDate, c.endDate);
      last = period;
      const asOf = clamp(today, maxDate(period.start, c.startDate), minDate(period.end, c.endDate));
      const key = `${target.id}|${period.start}`;
      if (!slots.has(key)) slots.set(key, slotOf(target, c, asOf));
    }
  }
  return [...slots.values()];
}

const sumOf = (sums: WindowSums | undefined, metric: KpiMetric, customName: string | null = null): string => sums?.get(seriesKey(metric, customName)) ?? '0';

/**
 * The actual of a metric from the sums of one window: the sum of a stored series (2 decimals), or
 * a derived metric from the sums of its parts (null when its denominator is 0).
 */
export function actualOf(metric: KpiMetric, customName: string | null, sums: WindowSums | undefined): string | null {
  if (isStored(metric)) return round2(sumOf(sums, metric, customName));
  const parts: MetricParts = {
    impressions: sumOf(sums, KpiMetric.IMPRESSIONS),
    clicks: sumOf(sums, KpiMetric.CLICKS),
    conversions: sumOf(sums, KpiMetric.CONVERSIONS),
    leads: sumOf(sums, KpiMetric.LEADS),
    spend: sumOf(sums, KpiMetric.SPEND),
    revenue: sumOf(sums, KpiMetric.REVENUE),
  };
  return derivedMetric(metric, parts);
}

/**
 * The traffic light of a KPI: NO_DATA without an actual (nothing recorded for a stored series in
 * the window, or a derived metric whose denominator is 0), otherwise its severity (NONE is ON_PLAN,
 * which includes better than plan).
 */
export function kpiStatus(actual: string | null, recorded: boolean, severity: DeviationSeverity): KpiStatus {
  if (actual === null || !recorded) return KpiStatus.NO_DATA;
  if (severity === DeviationSeverity.ACT) return KpiStatus.ACT;
  if (severity === DeviationSeverity.WARN) return KpiStatus.WARN;
  return KpiStatus.ON_PLAN;
}

export interface KpiFigures {
  targetId: string;
  metric: KpiMetric;
  customName: string | null;
  period: CampaignKpiTarget['period'];
  direction: CampaignKpiTarget['direction'];
  periodStart: string;
  periodEnd: string;
  asOf: string;
  plan: string;
  planSoFar: string;
  actual: string | null;
  deviationPercent: string | null;
  severity: DeviationSeverity;
  status: KpiStatus;
}

const round2 = (v: Decimal.Value): string => new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Plan against actual of one slot, from the sums of its window. */
export function kpiFigures(slot: KpiSlot, c: CampaignDates, sums: WindowSums | undefined): KpiFigures {
  const t = slot.target;
  const soFar = planSoFar(
    { plan: t.plan, period: t.period, metric: t.metric },
    { campaignStart: c.startDate, campaignEnd: c.endDate, periodStart: slot.periodStart, periodEnd: slot.periodEnd, asOf: slot.asOf },
  );
  const actual = actualOf(t.metric, t.customName, sums);
  const dev =
    actual === null
      ? { deviationPercent: null, severity: DeviationSeverity.NONE }
      : deviation({ plan: soFar, actual, direction: t.direction, warnPercent: t.warnPercent, actPercent: t.actPercent, metric: t.metric });
  return {
    targetId: t.id,
    metric: t.metric,
    customName: t.customName,
    period: t.period,
    direction: t.direction,
    periodStart: slot.periodStart,
    periodEnd: slot.periodEnd,
    asOf: slot.asOf,
    plan: round2(t.plan),
    planSoFar: soFar,
    actual,
    deviationPercent: dev.deviationPercent,
    severity: dev.severity,
    status: kpiStatus(actual, !isStored(t.metric) || (sums?.has(seriesKey(t.metric, t.customName)) ?? false), dev.severity),
  };
}

/**
 * The SPEND window of pacing: from the start to `asOf` (held at the last day; before the start
 * the window is empty and nothing is expected yet).
 */
export const spendWindow = (c: CampaignDates, asOf: string): SumWindow => ({ campaignId: c.id, start: c.startDate, end: minDate(asOf, c.endDate) });

export interface PacingFigures extends Pacing {
  asOf: string;
  spendToDate: string;
}

export function pacingFigures(c: CampaignDates & Pick<Campaign, 'budget'>, asOf: string, sums: WindowSums | undefined): PacingFigures {
  const spendToDate = round2(sumOf(sums, KpiMetric.SPEND));
  return { asOf, spendToDate, ...pacing({ budget: c.budget, spendToDate, startDate: c.startDate, endDate: c.endDate, asOf }) };
}

/** Whether a campaign's work is over (completed or cancelled): its deviations no longer open. */
export function campaignEnded(status: CampaignStatus): boolean {
  return status === CampaignStatus.COMPLETED || status === CampaignStatus.CANCELLED;
}

/** What to do with a period's deviation given fresh figures of it (see deviationAction). */
export type DeviationAction =
  /** nothing to write */
  | { kind: 'NONE' }
  /** a new open deviation with the figures */
  | { kind: 'OPEN' }
  /** the latest row (open, or closed once its period or campaign ended) takes the figures and stays as it is */
  | { kind: 'UPDATE' }
  /** the open row closes for this reason, taking the figures when `withFigures` */
  | { kind: 'CLOSE'; reason: DeviationCloseReason; withFigures: boolean };

/**
 * The lifecycle of one (target, period) deviation, decided from the period's latest deviation
 * row (null when it never had one), how the fresh figures compare with plan, and whether the
 * period is over. `ended` is CAMPAIGN_ENDED once the campaign is completed or cancelled, else
 * PERIOD_ENDED once the period is settled (its last day more than SETTLE_DAYS before the agency's
 * today), else null.
 *
 * While the period runs: worse than the band opens a deviation (a new row, also after one that
 * closed back within band), or updates the open one; back within band closes it
 * (BACK_WITHIN_BAND, keeping the figures it was last seen with).
 * Once it has ended: an open deviation closes with the reason and the final figures; a closed one
 * takes late figures (whatever they say) and is never reopened; a period that had no deviation
 * while it ran never gets one afterwards, even if late figures put it outside the band.
 * Figures without an actual (a derived metric with a zero denominator) are never written.
 */
export function deviationAction(latest: { open: boolean } | null, severity: DeviationSeverity, hasActual: boolean, ended: DeviationCloseReason | null): DeviationAction {
  const deviates = hasActual && severity !== DeviationSeverity.NONE;
  if (ended) {
    if (!latest) return { kind: 'NONE' };
    if (latest.open) return { kind: 'CLOSE', reason: ended, withFigures: hasActual };
    return hasActual ? { kind: 'UPDATE' } : { kind: 'NONE' };
  }
  if (latest?.open) return deviates ? { kind: 'UPDATE' } : { kind: 'CLOSE', reason: DeviationCloseReason.BACK_WITHIN_BAND, withFigures: false };
  return deviates ? { kind: 'OPEN' } : { kind: 'NONE' };
}

/**
 * Days a period stays open after its last day: the platforms' figures of a day arrive the next
 * day or later (exports are downloaded in the morning, conversions are attributed late), so a
 * period is judged, may open a deviation and keeps it open until this many days after its end.
 * Without it a DAY target could never open a deviation: its day is over before its figures come.
 */
export const SETTLE_DAYS = 3;

/** Periods ending before this day are settled as of the agency's `today`. */
export const settledBefore = (today: string): string => addDays(today, -SETTLE_DAYS);

/** Why a period's deviation can no longer be open as of the agency's `today` (null while it can). */
export function periodEndedReason(status: CampaignStatus, periodEnd: string, today: string): DeviationCloseReason | null {
  if (campaignEnded(status)) return DeviationCloseReason.CAMPAIGN_ENDED;
  return periodEnd < settledBefore(today) ? DeviationCloseReason.PERIOD_ENDED : null;
}
