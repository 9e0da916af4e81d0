import Decimal from 'decimal.js';
import { DeviationSeverity, KpiMetric, KpiPeriod, KpiTargetDirection, PacingStatus } from '../entities/enums';
import { BadUserInputError, type FieldError } from '../errors';
import { msg } from '../i18n';
import { addDays, daysBetween, firstOfMonth } from './time';

/**
 * The pure KPI maths of campaigns. No database, no floats: every amount comes in and goes out as
 * a decimal string. Rounding (documented in the README): every figure returned is rounded once,
 * to 2 decimals, half-up (commercial), from exact intermediate values; percents are percents
 * (12.5 means 12.5 %). Comparisons with thresholds use the rounded figures, so the severity or
 * status always agrees with the number on the screen.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const round2 = (v: Decimal): string => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
const HUNDRED = new D(100);

const {
  IMPRESSIONS, CLICKS, CONVERSIONS, LEADS, SPEND, REVENUE, CUSTOM, CTR, CPC, CPA, CPL, CR, ROMI,
} = KpiMetric;

/** Metrics entered per day; the value for a period is their sum, so they are additive. */
export const STORED_METRICS: readonly KpiMetric[] = [IMPRESSIONS, CLICKS, CONVERSIONS, LEADS, SPEND, REVENUE, CUSTOM];
/** Metrics computed from the stored sums of the same period; never summed or pro-rated. */
export const DERIVED_METRICS: readonly KpiMetric[] = [CTR, CPC, CPA, CPL, CR, ROMI];

export const isStored = (metric: KpiMetric): boolean => STORED_METRICS.includes(metric);
export const isDerived = (metric: KpiMetric): boolean => DERIVED_METRICS.includes(metric);

/**
 * The natural direction of each metric; CUSTOM has none (the user says which way is good).
 * Costs are better low, everything else high.
 */
export const DEFAULT_DIRECTION: Readonly<Record<KpiMetric, KpiTargetDirection | null>> = {
  [IMPRESSIONS]: KpiTargetDirection.HIGHER_IS_BETTER,
  [CLICKS]: KpiTargetDirection.HIGHER_IS_BETTER,
  [CONVERSIONS]: KpiTargetDirection.HIGHER_IS_BETTER,
  [LEADS]: KpiTargetDirection.HIGHER_IS_BETTER,
  [SPEND]: KpiTargetDirection.LOWER_IS_BETTER,
  [REVENUE]: KpiTargetDirection.HIGHER_IS_BETTER,
  [CUSTOM]: null,
  [CTR]: KpiTargetDirection.HIGHER_IS_BETTER,
  [CPC]: KpiTargetDirection.LOWER_IS_BETTER,
  [CPA]: KpiTargetDirection.LOWER_IS_BETTER,
  [CPL]: KpiTargetDirection.LOWER_IS_BETTER,
  [CR]: KpiTargetDirection.HIGHER_IS_BETTER,
  [ROMI]: KpiTargetDirection.HIGHER_IS_BETTER,
};

/** ROMI is the one metric that may be below zero (the campaign lost money). */
const MAY_BE_NEGATIVE: readonly KpiMetric[] = [ROMI];

/** Refuses negative values, all offending fields at once; empty values are skipped. */
function refuseNegative(values: Record<string, Decimal.Value | null | undefined>): void {
  const errors: FieldError[] = [];
  for (const [field, v] of Object.entries(values)) {
    if (v == null) continue;
    const d = v instanceof D ? v : new D(v);
    if (d.isNegative() && !d.isZero()) errors.push({ path: field, message: msg('validation.notNegative', { field }) });
  }
  if (errors.length) throw new BadUserInputError(errors);
}

// ---------------------------------------------------------------------------------------------
// derived metrics

/** The stored sums of one period; a missing sum is 0 (nothing was entered). */
export interface MetricParts {
  impressions?: Decimal.Value;
  clicks?: Decimal.Value;
  conversions?: Decimal.Value;
  leads?: Decimal.Value;
  spend?: Decimal.Value;
  revenue?: Decimal.Value;
}

/** numerator / denominator (× 100 for percents), or null when the denominator is 0. */
const ratio = (num: Decimal, den: Decimal, percent = false): string | null =>
  den.isZero() ? null : round2(num.times(percent ? HUNDRED : 1).dividedBy(den));

/** A sum as the database prints it (at most 4 decimals), in ten-thousandths; null for anything else. */
const TEN_THOUSANDTHS = /^(-?)(\d{1,30})(?:\.(\d{1,4}))?$/;
function tenThousandths(v: Decimal.Value | undefined): bigint | null {
  if (v === undefined) return 0n;
  const m = typeof v === 'string' ? TEN_THOUSANDTHS.exec(v) : null;
  if (!m) return null;
  const n = BigInt(m[2] + (m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -n : n;
}

const digits = (n: bigint): number => n.toString().length;

/**
 * `ratio` in integers, for a report's thousands of rows (a division at 40 digits costs
 * microseconds): the same figure, or undefined where it might not be. `ratio` rounds the quotient
 * to 40 significant digits, then to 2 decimals; that differs from rounding the exact quotient
 * once only when the digits after the second decimal are 4 followed by 9s up to the 40th, which
 * is checked here (and then left to `ratio`).
 */
function exactRatio(num: bigint, den: bigint, percent: boolean): string | null | undefined {
  if (den === 0n) return null;
  if (den < 0n) return undefined;
  // the figure in hundredths: |num| / den × 100 (× 100 again for a percent)
  const a = (num < 0n ? -num : num) * (percent ? 10_000n : 100n);
  if (digits(a) > 38) return undefined;
  const whole = a / den;
  const twice = 2n * (a % den);
  if (twice < den) {
    // the quotient's significant digits start at its integer part, or after it (40 or more kept)
    const integerDigits = whole >= 100n ? digits(whole / 100n) : 0;
    const kept = 40 - integerDigits - 2; // decimals of the hundredths the first rounding keeps
    if (kept <= 0 || (den - twice) * 10n ** BigInt(kept) <= den) return undefined;
  }
  const hundredths = whole + (twice >= den ? 1n : 0n);
  const text = hundredths.toString().padStart(3, '0');
  return `${num < 0n && hundredths > 0n ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

/**
 * A derived metric from the stored sums of a period, rounded to 2 decimals half-up; null when its
 * denominator is 0 (no impressions, clicks, conversions, leads or spend: nothing to divide by).
 * CTR, CR and ROMI are percents; CPC, CPA and CPL are money per unit.
 */
export function derivedMetric(metric: KpiMetric, parts: MetricParts): string | null {
  if (!isDerived(metric)) throw new TypeError(`${metric} is a stored metric, not a derived one`);
  return derivedMetrics(parts)[metric];
}

/**
 * Every derived metric of the same stored sums, in the order of DERIVED_METRICS: the sums are
 * checked and read once (a report computes them for every row of every group).
 */
export function derivedMetrics(parts: MetricParts): Record<KpiMetric, string | null> {
  const fast = exactMetrics(parts);
  if (fast) return fast;
  const p = (v: Decimal.Value | undefined) => new D(v ?? 0);
  const impressions = p(parts.impressions);
  const clicks = p(parts.clicks);
  const conversions = p(parts.conversions);
  const leads = p(parts.leads);
  const spend = p(parts.spend);
  const revenue = p(parts.revenue);
  // checked as parsed (a missing sum is 0), each read once
  refuseNegative({ impressions, clicks, conversions, leads, spend, revenue });
  return {
    [CTR]: ratio(clicks, impressions, true),
    [CPC]: ratio(spend, clicks),
    [CPA]: ratio(spend, conversions),
    [CPL]: ratio(spend, leads),
    [CR]: ratio(conversions, clicks, true),
    [ROMI]: ratio(revenue.minus(spend), spend, true),
  } as Record<KpiMetric, string | null>;
}

/** derivedMetrics in integers when every sum is a plain decimal and every figure certain; else null. */
function exactMetrics(parts: MetricParts): Record<KpiMetric, string | null> | null {
  const [impressions, clicks, conversions, leads, spend, revenue] = [parts.impressions, parts.clicks, parts.conversions, parts.leads, parts.spend, parts.revenue].map(tenThousandths);
  if (impressions === null || clicks === null || conversions === null || leads === null || spend === null || revenue === null) return null;
  if (impressions < 0n || clicks < 0n || conversions < 0n || leads < 0n || spend < 0n || revenue < 0n) return null;
  const out = {
    [CTR]: exactRatio(clicks, impressions, true),
    [CPC]: exactRatio(spend, clicks, false),
    [CPA]: exactRatio(spend, conversions, false),
    [CPL]: exactRatio(spend, leads, false),
    [CR]: exactRatio(conversions, clicks, true),
    [ROMI]: exactRatio(revenue - spend, spend, true),
  } as Record<KpiMetric, string | null | undefined>;
  return Object.values(out).includes(undefined) ? null : (out as Record<KpiMetric, string | null>);
}

// ---------------------------------------------------------------------------------------------
// plan so far

export interface PlanTarget {
  /** the plan for the whole period (a count, an amount, or the ratio to hold) */
  plan: Decimal.Value;
  period: KpiPeriod;
  metric: KpiMetric;
}

/** All dates 'YYYY-MM-DD', both ends inclusive. */
export interface PlanWindow {
  campaignStart: string;
  campaignEnd: string;
  /** the calendar period (day, Monday–Sunday week, calendar month; the campaign for CAMPAIGN), before clipping */
  periodStart: string;
  periodEnd: string;
  /** the last day counted (today, or the day a report is for) */
  asOf: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates already found valid: a chart's series checks the same few hundred dates thousands of times. */
const validDates = new Set<string>();

function checkDates(dates: Record<string, string>): void {
  for (const field in dates) {
    const d = dates[field];
    if (validDates.has(d)) continue;
    if (!DATE.test(d) || new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) !== d) {
      throw new RangeError(`${field} is not a calendar date (YYYY-MM-DD): ${d}`);
    }
    if (validDates.size >= 100_000) validDates.clear();
    validDates.add(d);
  }
}

/** Inclusive day count from `a` to `b` (0 when b is before a). */
const spanDays = (a: string, b: string): number => Math.max(0, daysBetween(a, b) + 1);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);

/** ISO weekday, Monday = 1 … Sunday = 7. */
const isoWeekday = (date: string): number => new Date(date + 'T00:00:00Z').getUTCDay() || 7;

const lastOfMonth = (date: string): string => addDays(firstOfMonth(addDays(firstOfMonth(date), 32)), -1);

/**
 * The calendar period of the given kind that contains `date`, before clipping: the day itself,
 * its ISO week (Monday to Sunday, which may span two months), its calendar month, or the campaign.
 */
export function periodContaining(period: KpiPeriod, date: string, campaignStart: string, campaignEnd: string): { start: string; end: string } {
  checkDates({ date, campaignStart, campaignEnd });
  switch (period) {
    case KpiPeriod.DAY:
      return { start: date, end: date };
    case KpiPeriod.WEEK: {
      const start = addDays(date, 1 - isoWeekday(date));
      return { start, end: addDays(start, 6) };
    }
    case KpiPeriod.MONTH:
      return { start: firstOfMonth(date), end: lastOfMonth(date) };
    case KpiPeriod.CAMPAIGN:
      return { start: campaignStart, end: campaignEnd };
  }
}

/**
 * The plan for the period so far. Stored (additive) metrics are pro-rated by elapsed days:
 * plan × (days of the period run so far, within the campaign) / (days of the calendar period),
 * rounded to 2 decimals half-up. A period cut by the campaign's start or end is pro-rated over the
 * days the campaign runs in it: a weekly plan of 700 for a campaign starting on a Wednesday is 500
 * for that first week. Before the period (or the campaign) starts it is 0; once it is over, the
 * whole (clipped) plan. Ratios (derived metrics) are not pro-rated: the plan is the ratio to hold
 * all along. Window and period that do not match are a programming error (RangeError).
 */
export function planSoFar(target: PlanTarget, window: PlanWindow): string {
  const { campaignStart, campaignEnd, periodStart, periodEnd, asOf } = window;
  checkDates({ campaignStart, campaignEnd, periodStart, periodEnd, asOf });
  refuseNegative({ plan: target.plan });
  if (campaignEnd < campaignStart) throw new RangeError('campaignEnd is before campaignStart');
  const expected = periodContaining(target.period, periodStart, campaignStart, campaignEnd);
  if (expected.start !== periodStart || expected.end !== periodEnd) {
    throw new RangeError(`${periodStart}..${periodEnd} is not a ${target.period} period (expected ${expected.start}..${expected.end})`);
  }
  const plan = new D(target.plan);
  if (isDerived(target.metric)) return round2(plan);

  const start = maxDate(periodStart, campaignStart);
  const end = minDate(periodEnd, campaignEnd);
  const elapsed = end < start ? 0 : spanDays(start, minDate(asOf, end));
  return round2(plan.times(elapsed).dividedBy(spanDays(periodStart, periodEnd)));
}

// ---------------------------------------------------------------------------------------------
// deviation

export interface DeviationInput {
  plan: Decimal.Value;
  actual: Decimal.Value;
  direction: KpiTargetDirection;
  /** shortfall percent from which the KPI is to be watched (default 10) */
  warnPercent?: Decimal.Value;
  /** shortfall percent from which the campaign is to be optimised (default 15) */
  actPercent?: Decimal.Value;
  /** the metric, when known: a ROMI actual may be negative */
  metric?: KpiMetric;
}

export interface Deviation {
  /** (actual − plan) / plan × 100, signed, 2 decimals half-up; null when the plan is 0 and the actual is not */
  deviationPercent: string | null;
  /** how much worse than plan, in percent of the plan (≥ 0, 0 when on or better than plan); null when infinitely worse */
  shortfallPercent: string | null;
  severity: DeviationSeverity;
}

/**
 * How far the actual is from plan, and whether that calls for attention. Only the bad side counts:
 * better than plan is never a deviation. The bands are closed at the bottom: a shortfall of exactly
 * warnPercent is WARN, of exactly actPercent is ACT (after rounding to 2 decimals, as shown).
 * A zero plan cannot be deviated from in percent: a higher-is-better KPI planned at 0 never
 * deviates; a lower-is-better KPI planned at 0 (e.g. no spend) with any actual above 0 is ACT, its
 * shortfall unbounded (null). Negative plans, actuals and thresholds are refused (a ROMI actual may
 * be negative: the campaign lost money).
 */
export function deviation(input: DeviationInput): Deviation {
  const warnPercent = input.warnPercent ?? 10;
  const actPercent = input.actPercent ?? 15;
  const actualMayBeNegative = input.metric !== undefined && MAY_BE_NEGATIVE.includes(input.metric);
  refuseNegative({ plan: input.plan, actual: actualMayBeNegative ? null : input.actual, warnPercent, actPercent });
  const warn = new D(warnPercent);
  const act = new D(actPercent);
  if (warn.greaterThan(act)) throw new BadUserInputError([{ path: 'warnPercent', message: msg('validation.warnAboveAct') }]);

  const plan = new D(input.plan);
  const actual = new D(input.actual);
  const higherIsBetter = input.direction === KpiTargetDirection.HIGHER_IS_BETTER;

  if (plan.isZero()) {
    if (actual.isZero()) return { deviationPercent: '0.00', shortfallPercent: '0.00', severity: DeviationSeverity.NONE };
    const worse = higherIsBetter ? actual.isNegative() : actual.isPositive();
    return worse
      ? { deviationPercent: null, shortfallPercent: null, severity: DeviationSeverity.ACT }
      : { deviationPercent: null, shortfallPercent: '0.00', severity: DeviationSeverity.NONE };
  }

  const deviationPercent = actual.minus(plan).times(HUNDRED).dividedBy(plan).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const worseBy = higherIsBetter ? deviationPercent.negated() : deviationPercent;
  const shortfall = Decimal.max(worseBy, 0);
  return { deviationPercent: deviationPercent.toFixed(2), shortfallPercent: shortfall.toFixed(2), severity: severityOf(shortfall, warn, act) };
}

/** The band of a shortfall: [0, warn) NONE, [warn, act) WARN, [act, ∞) ACT; a zero shortfall is never a deviation. */
export function severityOf(shortfall: Decimal.Value, warnPercent: Decimal.Value = 10, actPercent: Decimal.Value = 15): DeviationSeverity {
  const s = new D(shortfall);
  if (s.isZero()) return DeviationSeverity.NONE;
  if (s.greaterThanOrEqualTo(actPercent)) return DeviationSeverity.ACT;
  if (s.greaterThanOrEqualTo(warnPercent)) return DeviationSeverity.WARN;
  return DeviationSeverity.NONE;
}

// ---------------------------------------------------------------------------------------------
// pacing

export interface PacingInput {
  budget: Decimal.Value;
  spendToDate: Decimal.Value;
  /** the campaign's dates, inclusive */
  startDate: string;
  endDate: string;
  /** the last day whose spend is counted */
  asOf: string;
  /** how far (in percent of the budget) the forecast may miss the budget and still be on track */
  tolerancePercent?: Decimal.Value;
}

export interface Pacing {
  /** budget × elapsed days / total days, 2 decimals half-up */
  expectedToDate: string;
  /** spendToDate / expectedToDate × 100; null when nothing is expected yet */
  spendPercentOfExpected: string | null;
  /** spendToDate / elapsed days × total days; the spend itself once the campaign is over; null before it starts */
  forecast: string | null;
  /** (forecast − budget) / budget × 100, signed; null without a forecast or with a zero budget */
  forecastOverBudgetPercent: string | null;
  status: PacingStatus;
}

/**
 * Whether the budget is being spent at the pace the calendar asks for, assuming a flat daily spend.
 * The forecast extends the average daily spend so far over the whole campaign. OVERSPENDING when it
 * beats the budget by more than the tolerance, UNDERSPENDING when it falls short by more than the
 * tolerance (exactly at the tolerance is still ON_TRACK). Before the start nothing is expected and
 * nothing forecast: ON_TRACK. After the end the forecast is the actual total. A zero budget is
 * OVERSPENDING as soon as anything is spent.
 */
export function pacing(input: PacingInput): Pacing {
  const { startDate, endDate, asOf } = input;
  const tolerancePercent = input.tolerancePercent ?? 10;
  checkDates({ startDate, endDate, asOf });
  refuseNegative({ budget: input.budget, spendToDate: input.spendToDate, tolerancePercent });
  if (endDate < startDate) throw new BadUserInputError([{ path: 'endDate', message: msg('validation.notBefore', { field: 'endDate', other: 'startDate' }) }]);

  const budget = new D(input.budget);
  const spend = new D(input.spendToDate);
  const total = spanDays(startDate, endDate);
  const elapsed = asOf < startDate ? 0 : spanDays(startDate, minDate(asOf, endDate));

  if (elapsed === 0) {
    return { expectedToDate: '0.00', spendPercentOfExpected: null, forecast: null, forecastOverBudgetPercent: null, status: PacingStatus.ON_TRACK };
  }

  const expected = new D(round2(budget.times(elapsed).dividedBy(total)));
  const forecast = new D(round2(elapsed === total ? spend : spend.dividedBy(elapsed).times(total)));
  const overPercent = budget.isZero() ? null : forecast.minus(budget).times(HUNDRED).dividedBy(budget).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

  let status = PacingStatus.ON_TRACK;
  if (overPercent === null) {
    if (forecast.isPositive() && !forecast.isZero()) status = PacingStatus.OVERSPENDING;
  } else if (overPercent.greaterThan(tolerancePercent)) status = PacingStatus.OVERSPENDING;
  else if (overPercent.negated().greaterThan(tolerancePercent)) status = PacingStatus.UNDERSPENDING;

  return {
    expectedToDate: expected.toFixed(2),
    spendPercentOfExpected: ratio(spend, expected, true),
    forecast: forecast.toFixed(2),
    forecastOverBudgetPercent: overPercent === null ? null : overPercent.toFixed(2),
    status,
  };
}
