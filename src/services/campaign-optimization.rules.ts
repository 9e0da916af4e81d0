import Decimal from 'decimal.js';
import type { Campaign, CampaignKpiTarget, KpiDeviation } from '../entities';
import type { KpiSnapshot } from '../entities/campaign-optimization.entity';
import { KpiPeriod, KpiTargetDirection } from '../entities/enums';
import { BadUserInputError, type FieldError } from '../errors';
import { msg } from '../i18n';
import { isStored } from './kpi.rules';
import { kpiFigures, type KpiFigures, type SumWindow, type WindowSums } from './kpi-measurement.rules';
import { addDays, daysBetween } from './time';

/**
 * Pure logic of the optimization log: what may be logged, the KPI snapshot taken, the equal window
 * after the optimization, and whether the answered KPIs moved toward plan.
 */

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const spanDays = (start: string, end: string): number => daysBetween(start, end) + 1;

/** The day it was done: within the campaign and not after today (nothing is logged ahead). */
export function checkPerformedOn(performedOn: string, c: Pick<Campaign, 'startDate' | 'endDate'>, today: string): void {
  if (performedOn < c.startDate || performedOn > c.endDate) {
    throw new BadUserInputError([{ path: 'input.performedOn', message: msg('validation.optimizationOutsideCampaign', { start: c.startDate, end: c.endDate }) }]);
  }
  if (performedOn > today) throw new BadUserInputError([{ path: 'input.performedOn', message: msg('validation.optimizationInFuture') }]);
}

/**
 * Every id must name an open deviation of this very campaign, once; all offending ids are
 * reported together (`input.deviationIds.N`).
 */
export function checkAnsweredDeviations(ids: readonly string[], found: readonly KpiDeviation[], campaignId: string): void {
  const byId = new Map(found.map((d) => [d.id, d]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const path = `input.deviationIds.${i}`;
    const d = byId.get(id);
    if (seen.has(id)) errors.push({ path, message: msg('validation.deviationDuplicate') });
    else if (!d || d.campaignId !== campaignId) errors.push({ path, message: msg('validation.deviationNotOfCampaign') });
    else if (d.closedAt !== null) errors.push({ path, message: msg('validation.deviationClosed') });
    seen.add(id);
  });
  if (errors.length) throw new BadUserInputError(errors);
}

/** `Campaign.kpis` as of a day, with the days that were summed (the period so far, within the campaign). */
export function snapshotOf(f: KpiFigures, c: Pick<Campaign, 'startDate'>): KpiSnapshot {
  return {
    targetId: f.targetId,
    metric: f.metric,
    customName: f.customName,
    period: f.period,
    direction: f.direction,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    asOf: f.asOf,
    windowStart: maxDate(f.periodStart, c.startDate),
    windowEnd: minDate(f.periodEnd, f.asOf),
    plan: f.plan,
    planSoFar: f.planSoFar,
    actual: f.actual,
    deviationPercent: f.deviationPercent,
    severity: f.severity,
  };
}

/**
 * As many days as were summed before, starting the day after the optimization, cut at the
 * campaign's end; null when the campaign ends that day.
 */
export function windowAfter(before: KpiSnapshot, c: Pick<Campaign, 'id' | 'endDate'>): SumWindow | null {
  const days = spanDays(before.windowStart, before.windowEnd);
  const start = addDays(before.asOf, 1);
  if (days < 1 || start > c.endDate) return null;
  return { campaignId: c.id, start, end: minDate(addDays(start, days - 1), c.endDate) };
}

export interface KpiAfter {
  targetId: string;
  metric: KpiFigures['metric'];
  customName: string | null;
  period: KpiPeriod;
  direction: KpiTargetDirection;
  windowStart: string;
  windowEnd: string;
  planSoFar: string;
  actual: string | null;
  deviationPercent: string | null;
  severity: KpiFigures['severity'];
}

/**
 * The KPI over the window after, judged at the same daily plan as before: counts and amounts
 * pro-rated by the window's days of the target's period, ratios held as they are.
 */
export function kpiAfter(before: KpiSnapshot, target: CampaignKpiTarget, window: SumWindow, sums: WindowSums | undefined): KpiAfter {
  const plan = isStored(target.metric)
    ? new Decimal(target.plan).times(spanDays(window.start, window.end)).dividedBy(spanDays(before.periodStart, before.periodEnd))
    : new Decimal(target.plan);
  // one CAMPAIGN-long period spanning exactly the window, with the plan of those days as its whole plan
  const asWindow = { ...target, period: KpiPeriod.CAMPAIGN, plan: plan.toFixed() } as CampaignKpiTarget;
  const f = kpiFigures(
    { target: asWindow, periodStart: window.start, periodEnd: window.end, asOf: window.end, window },
    { id: window.campaignId, startDate: window.start, endDate: window.end },
    sums,
  );
  return {
    targetId: target.id,
    metric: target.metric,
    customName: target.customName,
    period: target.period,
    direction: target.direction,
    windowStart: window.start,
    windowEnd: window.end,
    planSoFar: f.planSoFar,
    actual: f.actual,
    deviationPercent: f.deviationPercent,
    severity: f.severity,
  };
}

/** Whether a KPI moved the good way between the two windows; null when either lacks a figure. */
export function movedTowardPlan(before: Pick<KpiSnapshot, 'direction' | 'actual' | 'deviationPercent'>, after: Pick<KpiAfter, 'actual' | 'deviationPercent'>): boolean | null {
  // the deviation compares windows of different plans fairly; with a zero plan only actuals remain
  const [b, a] =
    before.deviationPercent !== null && after.deviationPercent !== null ? [before.deviationPercent, after.deviationPercent] : [before.actual, after.actual];
  if (b === null || a === null) return null;
  const delta = new Decimal(a).minus(b);
  return before.direction === KpiTargetDirection.LOWER_IS_BETTER ? delta.isNegative() && !delta.isZero() : delta.isPositive() && !delta.isZero();
}

/**
 * True when every KPI of the answered deviations moved toward plan, false when one did not; null
 * when nothing was answered or one of them is not measured after yet.
 */
export function effectiveness(answeredTargetIds: readonly string[], before: readonly KpiSnapshot[], after: readonly KpiAfter[]): boolean | null {
  const targets = [...new Set(answeredTargetIds)];
  if (targets.length === 0) return null;
  let all = true;
  for (const id of targets) {
    const b = before.find((k) => k.targetId === id);
    const a = after.find((k) => k.targetId === id);
    if (!b || !a) return null;
    const moved = movedTowardPlan(b, a);
    if (moved === null) return null;
    all &&= moved;
  }
  return all;
}
