import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthedContext } from '../context';
import { type Campaign, CampaignKpiTarget, KpiDeviation, KpiMeasurement, KpiMeasurementMonth } from '../entities';
import type { RequestContext } from '../context';
import { agencyToday } from './agency.service';
import { CampaignVersionCache } from './campaign-version-cache';
import {
  clipToCampaign,
  kpiFigures,
  pacingFigures,
  seriesKey,
  slotOf,
  spendWindow,
  windowKey,
  type KpiFigures,
  type PacingFigures,
  type SumWindow,
  type WindowSums,
} from './kpi-measurement.rules';
import { formatPercent } from './money/format';
import { scoped } from './scope';
import { splitAtMonths } from './time';
import type { KpiMetric } from '../entities/enums';

/** Measurements as read: plan against actual, pacing and deviations of campaigns. */

/** The windows of a part of sumsOver as arrays (campaign, window, and the days or months read for it), joined to the rows. */
interface WindowParts {
  cid: string[];
  s: string[];
  e: string[];
  from: string[];
  to: string[];
}

const noParts = (): WindowParts => ({ cid: [], s: [], e: [], from: [], to: [] });

/**
 * The sums of every stored series over each window, in ONE query however many windows (and so
 * KPIs and campaigns) there are: the windows travel as arrays and are joined to the rows. The
 * whole months inside a window come from the monthly rollup (kept in step with the daily rows by
 * every write, in the same transaction), only the days at its edges from the daily rows: a
 * campaign-long target of a long campaign is a few rows of the rollup, not a row per day.
 */
export async function sumsOver(ctx: RequestContext, windows: SumWindow[]): Promise<Map<string, WindowSums>> {
  const unique = [...new Map(windows.filter((w) => w.start <= w.end).map((w) => [windowKey(w), w])).values()];
  const out = new Map<string, WindowSums>();
  if (unique.length === 0) return out;
  const months = noParts();
  const days = noParts();
  const add = (parts: WindowParts, w: SumWindow, from: string, to: string) => {
    parts.cid.push(w.campaignId);
    parts.s.push(w.start);
    parts.e.push(w.end);
    parts.from.push(from);
    parts.to.push(to);
  };
  for (const w of unique) {
    const { fullFrom, fullTo, partial } = splitAtMonths(w.start, w.end);
    if (fullFrom < fullTo) add(months, w, fullFrom, fullTo);
    for (const [from, to] of partial) add(days, w, from, to);
  }
  const windowsOf = (p: string, parts: WindowParts) => [
    `(SELECT * FROM unnest(CAST(:${p}c AS uuid[]), CAST(:${p}s AS date[]), CAST(:${p}e AS date[]), CAST(:${p}f AS date[]), CAST(:${p}t AS date[])) AS u(cid, s, e, f, t))`,
    { [`${p}c`]: parts.cid, [`${p}s`]: parts.s, [`${p}e`]: parts.e, [`${p}f`]: parts.from, [`${p}t`]: parts.to },
  ] as const;
  const sums = (alias: string, query: SelectQueryBuilder<ObjectLiteral>) =>
    query
      .select('w.cid', 'cid')
      .addSelect('w.s', 's')
      .addSelect('w.e', 'e')
      .addSelect(`${alias}.metric`, 'metric')
      .addSelect(`${alias}."customName"`, 'customName')
      .addSelect(`SUM(${alias}.value)`, 'total')
      .groupBy('w.cid')
      .addGroupBy('w.s')
      .addGroupBy('w.e')
      .addGroupBy(`${alias}.metric`)
      .addGroupBy(`${alias}."customName"`);
  const parts = [];
  if (months.cid.length) {
    const [sql, params] = windowsOf('m', months);
    parts.push(sums('r', scoped(ctx, KpiMeasurementMonth).query('r').innerJoin(sql, 'w', 'w.cid = r."campaignId" AND r.month >= w.f AND r.month < w.t', params)));
  }
  if (days.cid.length) {
    const [sql, params] = windowsOf('d', days);
    parts.push(sums('m', scoped(ctx, KpiMeasurement).query('m').innerJoin(sql, 'w', 'w.cid = m."campaignId" AND m."date" BETWEEN w.f AND w.t', params)));
  }
  // by name: the query builder may order the selected columns its own way
  const union = parts.map((q) => `SELECT x.cid, x.s, x.e, x.metric, x."customName", x.total FROM (${q.getQuery()}) x`).join(' UNION ALL ');
  const [sql, values] = ctx.manager.connection.driver.escapeQueryWithParameters(
    `SELECT u.cid, to_char(u.s, 'YYYY-MM-DD') AS s, to_char(u.e, 'YYYY-MM-DD') AS e, u.metric, u."customName", SUM(u.total)::text AS total
       FROM (${union}) u GROUP BY 1, 2, 3, 4, 5`,
    Object.assign({}, ...parts.map((q) => q.getParameters())),
    {},
  );
  const rows: { cid: string; s: string; e: string; metric: KpiMetric; customName: string; total: string }[] = await ctx.manager.query(sql, values);
  for (const r of rows) {
    const key = windowKey({ campaignId: r.cid, start: r.s, end: r.e });
    let sums = out.get(key);
    if (!sums) out.set(key, (sums = new Map()));
    sums.set(seriesKey(r.metric, r.customName), r.total);
  }
  return out;
}

export interface CampaignFiguresKey {
  campaign: Campaign;
  /** the last day counted; null: today in the agency's time zone */
  asOf: string | null;
}

/** One KPI as read, with what its series needs: the campaign, the target, and the day asked for (not clipped). */
export interface CampaignKpiView extends KpiFigures {
  campaign: Campaign;
  target: CampaignKpiTarget;
  day: string;
}

export interface CampaignFigures {
  kpis: CampaignKpiView[];
  pacing: PacingFigures;
}

/** Figures already computed, with the targets they were computed from, by campaign version and day. */
const figuresCache = new CampaignVersionCache<{ figures: CampaignFigures; targets: CampaignKpiTarget[] }>(2_000);

/**
 * Plan against actual of every KPI target and the pacing of many campaigns: the targets in one
 * query, every sum in one more (the loader batches the campaigns of a request). A campaign whose
 * figures this process computed at its current version, for the same day, needs neither: they
 * and its targets come from figuresCache (the targets also prime the request's loader, which the
 * deviations read).
 */
export async function campaignFigures(ctx: AuthedContext, keys: readonly CampaignFiguresKey[]): Promise<CampaignFigures[]> {
  const today = keys.some((k) => !k.asOf) ? await agencyToday(ctx) : '';
  const cacheKeys = keys.map(({ campaign, asOf }) => CampaignVersionCache.key(campaign, asOf ?? today));
  const out = cacheKeys.map((key, i) => {
    const hit = figuresCache.get(key);
    if (hit) ctx.loaders.campaignKpiTargets.prime(keys[i].campaign.id, hit.targets);
    return hit?.figures;
  });
  const missing = keys.flatMap((k, i) => (out[i] ? [] : [i]));
  if (missing.length === 0) return out as CampaignFigures[];
  // through the request's loader: the deviations of the same campaigns read the same targets
  const targets = await ctx.loaders.campaignKpiTargets.loadMany(missing.map((i) => keys[i].campaign.id));
  const plans = missing.map((i, n) => {
    const { campaign, asOf } = keys[i];
    const day = asOf ?? today;
    const clipped = clipToCampaign(day, campaign);
    const own = targets[n];
    if (own instanceof Error) throw own;
    const slots = own.map((t) => slotOf(t, campaign, clipped));
    return { i, own, campaign, day, slots, spend: spendWindow(campaign, day) };
  });
  const sums = await sumsOver(ctx, plans.flatMap((p) => [...p.slots.map((s) => s.window), p.spend]));
  for (const { i, own, campaign, day, slots, spend } of plans) {
    const figures: CampaignFigures = {
      kpis: slots.map((s) => ({ ...kpiFigures(s, campaign, sums.get(windowKey(s.window))), campaign, target: s.target, day })),
      pacing: pacingFigures(campaign, day, sums.get(windowKey(spend))),
    };
    figuresCache.set(cacheKeys[i], { figures, targets: own });
    out[i] = figures;
  }
  return out as CampaignFigures[];
}

export async function campaignKpis(ctx: AuthedContext, campaign: Campaign, asOf: string | null): Promise<CampaignKpiView[]> {
  return (await ctx.loaders.campaignFigures.load({ campaign, asOf })).kpis;
}

export async function campaignPacing(ctx: AuthedContext, campaign: Campaign, asOf: string | null): Promise<PacingFigures> {
  return (await ctx.loaders.campaignFigures.load({ campaign, asOf })).pacing;
}

export interface DeviationView extends KpiDeviation {
  metric: KpiMetric;
}

/** A campaign's deviations as last read, by campaign version (every write of a deviation stamps its campaign). */
const deviationsCache = new CampaignVersionCache<KpiDeviation[]>(2_000);

/** Deviations of a campaign, oldest first; `open`: only open (true) or only closed (false) ones. */
export async function campaignDeviations(ctx: AuthedContext, campaign: Campaign, open: boolean | null | undefined): Promise<DeviationView[]> {
  const key = CampaignVersionCache.key(campaign);
  let all = deviationsCache.get(key);
  if (!all) deviationsCache.set(key, (all = await ctx.loaders.campaignDeviations.load(campaign.id)));
  const rows = all.filter((d) => open == null || (d.closedAt === null) === open);
  if (rows.length === 0) return [];
  // after the rows: none, no targets; and the campaign's figures, read with them, have put the
  // targets in the request's loader by now when this process had them already
  const metricOf = new Map((await ctx.loaders.campaignKpiTargets.load(campaign.id)).map((t) => [t.id, t.metric]));
  return rows.map((d) => ({ ...d, plan: formatPercent(d.plan), actual: formatPercent(d.actual), metric: metricOf.get(d.targetId)! }));
}

/** For the writes, inside their transaction: the latest deviation row of each (target, period start) of a campaign among those given. */
export function latestDeviations(tx: AuthedContext, campaignId: string, periodStarts: string[]): Promise<KpiDeviation[]> {
  if (periodStarts.length === 0) return Promise.resolve([]);
  return scoped(tx, KpiDeviation)
    .query('d')
    .distinctOn(['d."targetId"', 'd."periodStart"'])
    .andWhere('d."campaignId" = :campaignId AND d."periodStart" IN (:...periodStarts)', { campaignId, periodStarts: [...new Set(periodStarts)] })
    .orderBy('d."targetId"')
    .addOrderBy('d."periodStart"')
    .addOrderBy('d."openedAt"', 'DESC')
    .addOrderBy('d.id', 'DESC')
    .getMany();
}

/** For the writes, inside their transaction: the open deviations of a campaign. */
export function openDeviations(tx: AuthedContext, campaignId: string): Promise<KpiDeviation[]> {
  return scoped(tx, KpiDeviation).query('d').andWhere('d."campaignId" = :campaignId AND d."closedAt" IS NULL', { campaignId }).getMany();
}
