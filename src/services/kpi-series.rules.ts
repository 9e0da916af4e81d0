import Decimal from 'decimal.js';
import { KpiGranularity, KpiMetric, KpiPeriod, ToolCategory } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { actualOf, seriesKey, type WindowSums } from './kpi-measurement.rules';
import { DERIVED_METRICS, STORED_METRICS, isStored, periodContaining } from './kpi.rules';
import { addDays, daysBetween } from './time';
import type { ToolMix } from './tool-mix';

/**
 * The pure maths of chart-shaped reads: buckets of a series, the plan spread over them, running
 * totals, period totals against the previous period and the realized 70/20/10 mix. Exact
 * (decimal.js); every figure returned is rounded once, to 2 decimals half-up, like kpi.rules.ts.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const round2 = (v: Decimal.Value): string => {
  const s = new D(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};
const HUNDRED = new D(100);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const spanDays = (a: string, b: string): number => Math.max(0, daysBetween(a, b) + 1);

/** The most points one series may have (a DAY series of about three years). */
export const MAX_SERIES_POINTS = 1100;

/** One bucket of a series: `key` is its calendar start (as date_trunc gives it), start/end are clipped to the range. */
export interface Bucket {
  key: string;
  start: string;
  end: string;
}

/** What PostgreSQL's date_trunc takes for each granularity (its 'week' is the ISO week, from Monday). */
export const TRUNC_FIELD: Readonly<Record<KpiGranularity, string>> = {
  [KpiGranularity.DAY]: 'day',
  [KpiGranularity.WEEK]: 'week',
  [KpiGranularity.MONTH]: 'month',
};

const PERIOD_OF: Readonly<Record<KpiGranularity, KpiPeriod>> = {
  [KpiGranularity.DAY]: KpiPeriod.DAY,
  [KpiGranularity.WEEK]: KpiPeriod.WEEK,
  [KpiGranularity.MONTH]: KpiPeriod.MONTH,
};

/** The calendar bucket containing a day, before clipping. */
export function bucketContaining(granularity: KpiGranularity, date: string): { start: string; end: string } {
  return periodContaining(PERIOD_OF[granularity], date, date, date);
}

/** The buckets covering [from, to] (both inclusive), the first and last clipped; none when to is before from. */
export function bucketsOf(granularity: KpiGranularity, from: string, to: string): Bucket[] {
  const out: Bucket[] = [];
  for (let day = from; day <= to; ) {
    const b = bucketContaining(granularity, day);
    out.push({ key: b.start, start: maxDate(b.start, from), end: minDate(b.end, to) });
    if (out.length > MAX_SERIES_POINTS) {
      throw new BadUserInputError([{ path: 'granularity', message: msg('validation.seriesTooLong', { max: MAX_SERIES_POINTS }) }]);
    }
    day = addDays(b.end, 1);
  }
  return out;
}

/**
 * Refuses a series of more than MAX_SERIES_POINTS buckets, as bucketsOf would, without listing
 * the buckets when the range has fewer days than that (a bucket holds at least one day): the check
 * runs on every read of a chart, cached series included.
 */
export function checkSeriesLength(granularity: KpiGranularity, from: string, to: string): void {
  if (spanDays(from, to) > MAX_SERIES_POINTS) bucketsOf(granularity, from, to);
}

/** A period of days; both ends inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

/** Refuses a range whose end is before its start (a shape error of the arguments). */
export function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) throw new BadUserInputError([{ path: 'to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
}

/** The range asked for, defaults filled in, clipped to [lo, hi]; null when nothing of it is left. */
export function clipRange(from: string | null | undefined, to: string | null | undefined, lo: string, hi: string): DateRange | null {
  checkRange(from, to);
  const r = { from: maxDate(from ?? lo, lo), to: minDate(to ?? hi, hi) };
  return r.from <= r.to ? r : null;
}

/** The period of equal length just before a range. */
export function previousRange(r: DateRange): DateRange {
  const days = spanDays(r.from, r.to);
  return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
}

// ---------------------------------------------------------------------------------------------
// plan

export interface SpreadTarget {
  plan: Decimal.Value;
  period: KpiPeriod;
  campaignStart: string;
  campaignEnd: string;
}

/**
 * The plan of a stored metric over days [start, end], exact: each period's plan spread evenly over
 * the days of its calendar period (the campaign for CAMPAIGN), counting only the days the campaign
 * runs, exactly as planSoFar pro-rates. A monthly plan of 3100 for a campaign starting on the
 * 20th is 100 a day, 1200 for that first month.
 */
export function planOver(target: SpreadTarget, start: string, end: string): Decimal {
  const { campaignStart: cs, campaignEnd: ce } = target;
  const lo = maxDate(start, cs);
  const hi = minDate(end, ce);
  let total = new D(0);
  if (hi < lo) return total;
  const plan = new D(target.plan);
  for (let day = lo; day <= hi; ) {
    const p = periodContaining(target.period, day, cs, ce);
    const overlap = spanDays(maxDate(p.start, lo), minDate(p.end, hi));
    total = total.plus(plan.times(overlap).dividedBy(spanDays(p.start, p.end)));
    day = addDays(p.end, 1);
  }
  return total;
}

/** How a series is planned: stored metrics spread over the days, ratios held, or no plan at all. */
export type SeriesPlan = { kind: 'spread'; targets: SpreadTarget[] } | { kind: 'ratio'; value: Decimal.Value } | { kind: 'none' };

// ---------------------------------------------------------------------------------------------
// series

export interface SeriesPoint {
  start: string;
  end: string;
  plan: string | null;
  actual: string | null;
  cumulativePlan: string | null;
  cumulativeActual: string | null;
}

/** Adds the sums of b into a (a new map). */
export function addSums(a: WindowSums | undefined, b: WindowSums | undefined): WindowSums {
  const out: WindowSums = new Map(a ?? []);
  for (const [k, v] of b ?? []) out.set(k, new D(out.get(k) ?? 0).plus(v).toString());
  return out;
}

export interface SeriesInput {
  granularity: KpiGranularity;
  range: DateRange;
  metric: KpiMetric;
  customName: string | null;
  plan: SeriesPlan;
  /** the last day counted: buckets starting after it have no actual */
  asOf: string;
  /** the sums of each bucket, by its key (calendar start); a bucket without figures may be missing */
  sums: ReadonlyMap<string, WindowSums>;
}

/** The stored series a derived metric is computed from. */
const PART_KEYS = [KpiMetric.IMPRESSIONS, KpiMetric.CLICKS, KpiMetric.CONVERSIONS, KpiMetric.LEADS, KpiMetric.SPEND, KpiMetric.REVENUE].map((m) => seriesKey(m, null));

/**
 * One point per bucket of the range: the plan of the bucket and its actual (the sum, or the
 * derived value from the bucket's sums), with running totals from the first bucket. The actual is
 * null for a bucket starting after asOf, and for a derived metric whose denominator is 0; a ratio
 * is planned at its value in every bucket and cumulatively.
 */
export function seriesPoints(input: SeriesInput): SeriesPoint[] {
  const { plan, metric, customName, asOf } = input;
  let runningPlan = new D(0);
  // only the series this metric is read from are carried, as decimals (a chart asks this per point)
  const keys = isStored(metric) ? [seriesKey(metric, customName)] : PART_KEYS;
  const running = new Map<string, Decimal>(keys.map((k) => [k, new D(0)]));
  return bucketsOf(input.granularity, input.range.from, input.range.to).map((b) => {
    let bucketPlan: string | null = null;
    let cumulativePlan: string | null = null;
    if (plan.kind === 'ratio') {
      bucketPlan = cumulativePlan = round2(plan.value);
    } else if (plan.kind === 'spread') {
      const p = plan.targets.reduce((acc, t) => acc.plus(planOver(t, b.start, b.end)), new D(0));
      runningPlan = runningPlan.plus(p);
      bucketPlan = round2(p);
      cumulativePlan = round2(runningPlan);
    }
    if (b.start > asOf) return { start: b.start, end: b.end, plan: bucketPlan, actual: null, cumulativePlan, cumulativeActual: null };
    const sums = input.sums.get(b.key);
    const runningSums: WindowSums = new Map();
    for (const k of keys) {
      const v = sums?.get(k);
      const total = v === undefined ? running.get(k)! : running.get(k)!.plus(v);
      running.set(k, total);
      runningSums.set(k, total.toString());
    }
    return {
      start: b.start,
      end: b.end,
      plan: bucketPlan,
      actual: actualOf(metric, customName, sums),
      cumulativePlan,
      cumulativeActual: actualOf(metric, customName, runningSums),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// totals

export interface MetricTotal {
  metric: KpiMetric;
  customName: string | null;
  value: string | null;
  previousValue: string | null;
  changePercent: string | null;
}

/** (value − previous) / previous × 100, signed, 2 decimals; null without both or with a zero previous value. */
export function changePercent(value: string | null, previous: string | null): string | null {
  if (value === null || previous === null) return null;
  const p = new D(previous);
  if (p.isZero()) return null;
  return round2(new D(value).minus(p).times(HUNDRED).dividedBy(p.abs()));
}

/** The CUSTOM names found in the sums, sorted. */
function customNames(...sums: WindowSums[]): string[] {
  const names = new Set<string>();
  const prefix = seriesKey(KpiMetric.CUSTOM, '');
  for (const s of sums) for (const k of s.keys()) if (k.startsWith(prefix) && k !== prefix) names.add(k.slice(prefix.length));
  return [...names].sort();
}

/**
 * Every stored metric (CUSTOM once per name recorded in either period) and every derived one,
 * over a period and the period before it, with the change in percent.
 */
export function metricTotals(current: WindowSums, previous: WindowSums): MetricTotal[] {
  const line = (metric: KpiMetric, customName: string | null): MetricTotal => {
    const value = actualOf(metric, customName, current);
    const previousValue = actualOf(metric, customName, previous);
    return { metric, customName, value, previousValue, changePercent: changePercent(value, previousValue) };
  };
  const stored = STORED_METRICS.filter((m) => m !== KpiMetric.CUSTOM).map((m) => line(m, null));
  const custom = customNames(current, previous).map((name) => line(KpiMetric.CUSTOM, name));
  return [...stored, ...custom, ...DERIVED_METRICS.map((m) => line(m, null))];
}

// ---------------------------------------------------------------------------------------------
// realized tool mix

export const TOOL_CATEGORIES: readonly ToolCategory[] = [ToolCategory.PROVEN, ToolCategory.UNCERTAIN, ToolCategory.EXPERIMENTAL];

export interface CategorySpend {
  category: ToolCategory;
  /** spend of the period, 2 decimals */
  actualSpend: string;
  /** share of the period's whole spend in percent; null when nothing was spent */
  actualPercent: string | null;
  /** budget share of the category in the plan; null without a plan with a media budget */
  plannedPercent: string | null;
  /** actualPercent − plannedPercent in percentage points; null without either */
  differencePoints: string | null;
}

/** Spend by 70/20/10 category against the planned budget shares (if any). */
export function realizedMix(spend: ReadonlyMap<ToolCategory, Decimal.Value>, planned: ToolMix | null = null): CategorySpend[] {
  const total = TOOL_CATEGORIES.reduce((acc, c) => acc.plus(spend.get(c) ?? 0), new D(0));
  const plannedOf: Record<ToolCategory, string | null> = {
    [ToolCategory.PROVEN]: planned?.proven.share ?? null,
    [ToolCategory.UNCERTAIN]: planned?.uncertain.share ?? null,
    [ToolCategory.EXPERIMENTAL]: planned?.experimental.share ?? null,
  };
  return TOOL_CATEGORIES.map((category) => {
    const s = new D(spend.get(category) ?? 0);
    const actualPercent = total.isZero() ? null : round2(s.times(HUNDRED).dividedBy(total));
    const plannedPercent = plannedOf[category];
    return {
      category,
      actualSpend: round2(s),
      actualPercent,
      plannedPercent,
      differencePoints: actualPercent === null || plannedPercent === null ? null : round2(new D(actualPercent).minus(plannedPercent)),
    };
  });
}


