import Decimal from 'decimal.js';
import { ExperimentOutcome, ReportFrequency, ToolCategory } from '../entities/enums';

export { ExperimentOutcome };
import { addDays } from './time';

/**
 * The pure maths of reports: periods of schedules, profit, ROMI and ROI, shares of the 70/20/10
 * mix and the outcome of an experiment. Amounts are strings in and out (decimal.js inside),
 * rounded to 2 decimals half-up.
 */

const D = Decimal;
const round2 = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Days [from, to] of a report. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The last full period of a frequency that ended before `today` (ISO week Monday–Sunday, or calendar month). */
export function lastFullPeriod(frequency: ReportFrequency, today: string): ReportPeriod {
  if (frequency === ReportFrequency.WEEKLY) {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const thisMonday = addDays(today, -weekday);
    return { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) };
  }
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** The calendar months [first day, last day] touching [from, to], oldest first. */
export function monthsOf(from: string, to: string): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let start = `${from.slice(0, 8)}01`;
  while (start <= to) {
    const [y, m] = start.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    out.push({ from: start, to: addDays(next, -1) });
    start = next;
  }
  return out;
}

/** The twelve calendar months ending with the month of `to` (an owner's ROI over time). */
export function trailingYear(to: string): ReportPeriod {
  const [y, m] = to.split('-').map(Number);
  const startMonth = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startMonth, to };
}

export const money = (v: Decimal.Value | null | undefined): string => round2(new D(v ?? 0));

/** revenue − cost */
export const profitOf = (revenue: Decimal.Value, cost: Decimal.Value): string => round2(new D(revenue).minus(cost));

/** (revenue − cost) / cost × 100, in percent; null when nothing was spent. ROMI for media spend, ROI for everything spent. */
export function returnPercent(revenue: Decimal.Value, cost: Decimal.Value): string | null {
  const c = new D(cost);
  if (c.isZero()) return null;
  return round2(new D(revenue).minus(c).times(100).dividedBy(c));
}

/** cost / count, or null when the count is 0. */
export function costPer(cost: Decimal.Value, count: Decimal.Value): string | null {
  const n = new D(count);
  return n.isZero() ? null : round2(new D(cost).dividedBy(n));
}

/** part / whole × 100, or null when the whole is 0. */
export function sharePercent(part: Decimal.Value, whole: Decimal.Value): string | null {
  const w = new D(whole);
  return w.isZero() ? null : round2(new D(part).times(100).dividedBy(w));
}

/** (value − previous) / previous × 100; null without a previous value or with a zero one. */
export function change(value: string | null, previous: string | null): string | null {
  if (value === null || previous === null) return null;
  const p = new D(previous);
  return p.isZero() ? null : round2(new D(value).minus(p).times(100).dividedBy(p.abs()));
}

export function experimentOutcome(spend: Decimal.Value, revenue: Decimal.Value): ExperimentOutcome {
  const s = new D(spend);
  if (s.isZero()) return ExperimentOutcome.NO_DATA;
  return new D(revenue).greaterThan(s) ? ExperimentOutcome.PAID_OFF : ExperimentOutcome.NOT_PAID_OFF;
}

export const CATEGORY_ORDER: readonly ToolCategory[] = [ToolCategory.PROVEN, ToolCategory.UNCERTAIN, ToolCategory.EXPERIMENTAL];
