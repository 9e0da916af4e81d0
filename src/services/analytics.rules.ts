import Decimal from 'decimal.js';
import { ChurnGranularity } from '../schema/analytics/analytics.enums';
import { addDays } from './time';

/** Pure maths of the client analytics (no database, no clock): shares, Pareto, dependency, churn periods. */

/** Pareto: the set must bring at least this share of the period's revenue. */
export const PARETO_THRESHOLD_PERCENT = 80;
/** Dependency risk: one client above this share of revenue is flagged. */
export const DEPENDENCY_THRESHOLD_PERCENT = 25;
/** Churn: a client with no activity for this many days counts as lost. */
export const CHURN_INACTIVITY_DAYS = 90;
/** Engagement: the length of a month in days when contact frequency is given per month. */
export const DAYS_PER_MONTH = new Decimal(365.25).dividedBy(12);

/** The one rounding of analytics percentages and averages: half-up to 2 decimals, as a JSON number. */
export function round2(value: Decimal.Value): number {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** part / whole in percent, rounded; null when whole is zero. */
export function percentOf(part: Decimal.Value, whole: Decimal.Value): number | null {
  const w = new Decimal(whole);
  return w.isZero() ? null : round2(new Decimal(part).times(100).dividedBy(w));
}

/** Churn rate of a period in percent: churned / active at its start; null when none was active. */
export function churnRate(churned: number, activeAtStart: number): number | null {
  return percentOf(churned, activeAtStart);
}

export interface ClientRevenue {
  clientId: string;
  clientName: string;
  /** exact decimal string, one currency */
  revenue: string;
}

export interface RevenueShare extends ClientRevenue {
  sharePercent: number;
  cumulativeSharePercent: number;
}

/**
 * Clients with positive revenue, largest first (ties by name, then id), each with its share and
 * the cumulative share of it and every larger one. Clients at zero or below (refunded more than
 * paid in the period) are left out: they bring nothing to share.
 */
export function revenueShares(rows: readonly ClientRevenue[]): { total: Decimal; shares: RevenueShare[] } {
  const positive = rows
    .map((r) => ({ ...r, value: new Decimal(r.revenue) }))
    .filter((r) => r.value.greaterThan(0))
    .sort((a, b) => b.value.comparedTo(a.value) || a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  const total = positive.reduce((s, r) => s.plus(r.value), new Decimal(0));
  let running = new Decimal(0);
  const shares = positive.map((r) => {
    running = running.plus(r.value);
    return {
      clientId: r.clientId,
      clientName: r.clientName,
      revenue: r.value.toFixed(2),
      sharePercent: round2(r.value.times(100).dividedBy(total)),
      cumulativeSharePercent: round2(running.times(100).dividedBy(total)),
    };
  });
  return { total, shares };
}

/**
 * The smallest set of clients whose revenue together reaches `thresholdPercent` of the total:
 * the largest clients taken in order until the exact (unrounded) cumulative share reaches it.
 */
export function paretoSet(rows: readonly ClientRevenue[], thresholdPercent = PARETO_THRESHOLD_PERCENT): { total: Decimal; set: RevenueShare[]; clientsWithRevenue: number } {
  const { total, shares } = revenueShares(rows);
  const set: RevenueShare[] = [];
  let running = new Decimal(0);
  const needed = total.times(thresholdPercent).dividedBy(100);
  for (const s of shares) {
    if (running.greaterThanOrEqualTo(needed) && set.length > 0) break;
    set.push(s);
    running = running.plus(s.revenue);
  }
  return { total, set: total.isZero() ? [] : set, clientsWithRevenue: shares.length };
}

/** Dependency on the largest clients: the top N, their joint share, and whether the largest exceeds the threshold. */
export function dependency(rows: readonly ClientRevenue[], topN: number, thresholdPercent = DEPENDENCY_THRESHOLD_PERCENT) {
  const { total, shares } = revenueShares(rows);
  const top = shares.slice(0, topN);
  const largest = top[0] ?? null;
  const topSum = top.reduce((s, r) => s.plus(r.revenue), new Decimal(0));
  // compare the exact share, not the rounded one
  const atRisk = largest !== null && new Decimal(largest.revenue).times(100).greaterThan(total.times(thresholdPercent));
  return { total, largest, top, topSharePercent: percentOf(topSum, total), atRisk };
}

/**
 * The calendar periods (months or quarters) covering from..to: the first starts on `from`, each
 * next one on the first day of the next month / quarter, the last ends on `to`.
 */
export function churnPeriods(from: string, to: string, granularity: ChurnGranularity): { from: string; to: string }[] {
  const step = granularity === ChurnGranularity.QUARTER ? 3 : 1;
  const periods: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const firstMonth = granularity === ChurnGranularity.QUARTER ? Math.floor((m - 1) / 3) * 3 + 1 : m;
    const nextMonthIndex = firstMonth - 1 + step; // 0-based from January of y
    const next = `${y + Math.floor(nextMonthIndex / 12)}-${String((nextMonthIndex % 12) + 1).padStart(2, '0')}-01`;
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    periods.push({ from: start, to: end });
    start = next;
  }
  return periods;
}

/** Contacts per month over a period of `days` days, rounded. */
export function perMonth(count: number, days: number): number {
  return days <= 0 ? 0 : round2(new Decimal(count).times(DAYS_PER_MONTH).dividedBy(days));
}
