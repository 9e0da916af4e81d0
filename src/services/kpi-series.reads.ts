import Decimal from 'decimal.js';
import type { AuthedContext, RequestContext } from '../context';
import { type Campaign, type Client, KpiMeasurement, type Proposal } from '../entities';
import { KpiGranularity, KpiMetric, ToolCategory } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { agencyToday } from './agency.service';
import { CampaignVersionCache } from './campaign-version-cache';
import type { CampaignKpiView } from './kpi-measurement.reads';
import { seriesKey, type SumWindow, type WindowSums } from './kpi-measurement.rules';
import { isStored } from './kpi.rules';
import {
  addSums,
  checkSeriesLength,
  checkRange,
  clipRange,
  metricTotals,
  previousRange,
  realizedMix,
  seriesPoints,
  TRUNC_FIELD,
  type CategorySpend,
  type DateRange,
  type MetricTotal,
  type SeriesPlan,
  type SeriesPoint,
  type SpreadTarget,
} from './kpi-series.rules';
import { scoped } from './scope';
import { computeToolMix } from './tool-mix';

/**
 * Chart-shaped reads of measurements: plan-against-actual series, totals against the previous
 * period, client-wide sums and the realized 70/20/10 mix. Every sum of a request goes through
 * one of two loaders (bucketSums, windowSums), each ONE statement however many KPIs, campaigns
 * or days there are. The maths is kpi-series.rules.ts.
 */

/** Metrics that count things, not money: they add up whatever the campaigns' currencies. */
const COUNTS: readonly KpiMetric[] = [KpiMetric.IMPRESSIONS, KpiMetric.CLICKS, KpiMetric.CONVERSIONS, KpiMetric.LEADS, KpiMetric.CTR, KpiMetric.CR];
const isCount = (m: KpiMetric): boolean => COUNTS.includes(m);

const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** Days [start, end] of one campaign, summed per bucket of a granularity. */
export interface BucketWindow extends SumWindow {
  granularity: KpiGranularity;
}

export const bucketWindowKey = (w: BucketWindow): string => `${w.campaignId}|${w.start}|${w.end}|${w.granularity}`;

/** The sums of every stored series in each bucket of a window, by the bucket's calendar start. */
export type BucketSums = Map<string, WindowSums>;

/**
 * The sums per bucket of every window in ONE statement: windows travel as arrays (campaign, days,
 * date_trunc field) and are joined to the rows, as sumsOver does; the bucket is date_trunc of the day.
 */
export async function bucketSums(ctx: RequestContext, windows: readonly BucketWindow[]): Promise<BucketSums[]> {
  const unique = [...new Map(windows.filter((w) => w.start <= w.end).map((w) => [bucketWindowKey(w), w])).values()];
  const out = new Map<string, BucketSums>();
  if (unique.length > 0) {
    const rows: { cid: string; s: string; e: string; g: string; bucket: string; metric: KpiMetric; customName: string; total: string }[] = await scoped(
      ctx,
      KpiMeasurement,
    )
      .query('m')
      .innerJoin(
        '(SELECT * FROM unnest(CAST(:wc AS uuid[]), CAST(:ws AS date[]), CAST(:we AS date[]), CAST(:wg AS text[])) AS u(cid, s, e, g))',
        'w',
        'w.cid = m."campaignId" AND m."date" BETWEEN w.s AND w.e',
        {
          wc: unique.map((w) => w.campaignId),
          ws: unique.map((w) => w.start),
          we: unique.map((w) => w.end),
          wg: unique.map((w) => w.granularity),
        },
      )
      .select('w.cid', 'cid')
      .addSelect(`to_char(w.s, 'YYYY-MM-DD')`, 's')
      .addSelect(`to_char(w.e, 'YYYY-MM-DD')`, 'e')
      .addSelect('w.g', 'g')
      .addSelect(`to_char(${BUCKET_SQL}, 'YYYY-MM-DD')`, 'bucket')
      .addSelect('m.metric', 'metric')
      .addSelect('m."customName"', 'customName')
      .addSelect('SUM(m.value)', 'total')
      .groupBy('w.cid')
      .addGroupBy('w.s')
      .addGroupBy('w.e')
      .addGroupBy('w.g')
      .addGroupBy(BUCKET_SQL)
      .addGroupBy('m.metric')
      .addGroupBy('m."customName"')
      .getRawMany();
    for (const r of rows) {
      const key = bucketWindowKey({ campaignId: r.cid, start: r.s, end: r.e, granularity: r.g as KpiGranularity });
      let buckets = out.get(key);
      if (!buckets) out.set(key, (buckets = new Map()));
      let sums = buckets.get(r.bucket);
      if (!sums) buckets.set(r.bucket, (sums = new Map()));
      sums.set(seriesKey(r.metric, r.customName), r.total);
    }
  }
  return windows.map((w) => out.get(bucketWindowKey(w)) ?? new Map());
}

/** The granularity travels as its enum value; date_trunc takes the lower-case field it maps to. */
function truncFieldSql(column: string): string {
  const cases = Object.values(KpiGranularity).map((g) => `WHEN '${g}' THEN '${TRUNC_FIELD[g]}'`);
  return `CASE ${column} ${cases.join(' ')} END`;
}

/** The bucket of a measured day: date_trunc by the window's granularity ('week' is the ISO week, from Monday). */
const BUCKET_SQL = `date_trunc(${truncFieldSql('w.g')}, m."date"::timestamp)`;

/** Adds the bucket sums of several campaigns. */
function mergeBuckets(list: BucketSums[]): BucketSums {
  const out: BucketSums = new Map();
  for (const buckets of list) for (const [k, sums] of buckets) out.set(k, addSums(out.get(k), sums));
  return out;
}

const spreadOf = (t: { plan: string; period: SpreadTarget['period'] }, c: Pick<Campaign, 'startDate' | 'endDate'>): SpreadTarget => ({
  plan: t.plan,
  period: t.period,
  campaignStart: c.startDate,
  campaignEnd: c.endDate,
});

/** The plan-against-actual series of one KPI of a campaign (range clipped to the campaign; empty when nothing of it is left). */
export async function campaignKpiSeries(
  ctx: AuthedContext,
  kpi: CampaignKpiView,
  granularity: KpiGranularity,
  from: string | null | undefined,
  to: string | null | undefined,
): Promise<SeriesPoint[]> {
  const c = kpi.campaign;
  const range = clipRange(from, to, c.startDate, c.endDate);
  if (!range) return [];
  checkSeriesLength(granularity, range.from, range.to);
  // the reader's role changes nothing in a series
  const key = CampaignVersionCache.key(c, kpi.target.id, granularity, range.from, range.to, kpi.day);
  const cached = seriesCache.get(key);
  if (cached) return cached;
  const end = minDate(range.to, kpi.day);
  const sums = await ctx.loaders.bucketSums.load({ campaignId: c.id, start: range.from, end, granularity });
  const plan: SeriesPlan = isStored(kpi.metric) ? { kind: 'spread', targets: [spreadOf(kpi.target, c)] } : { kind: 'ratio', value: kpi.target.plan };
  const points = seriesPoints({ granularity, range, metric: kpi.metric, customName: kpi.customName, plan, asOf: kpi.day, sums });
  seriesCache.set(key, points);
  return points;
}

/** Series already computed in this process, by the campaign's version (see CampaignVersionCache). */
const seriesCache = new CampaignVersionCache<SeriesPoint[]>(2_000);

// ---------------------------------------------------------------------------------------------
// totals

export interface TotalsView {
  from: string;
  to: string;
  /** the currency of the amounts; null without campaigns */
  currency: string | null;
  previous: DateRange;
  metrics: MetricTotal[];
}

/** Sums over a range and the range before it, across campaigns (their sums are added). */
async function totalsOver(ctx: AuthedContext, campaigns: Campaign[], range: DateRange): Promise<TotalsView> {
  const previous = previousRange(range);
  const windows = (r: DateRange) => campaigns.map((c) => ({ campaignId: c.id, start: maxDate(r.from, c.startDate), end: minDate(r.to, c.endDate) }));
  const [current, before] = await Promise.all([ctx.loaders.windowSums.loadMany(windows(range)), ctx.loaders.windowSums.loadMany(windows(previous))]);
  const total = (list: (WindowSums | Error)[]) =>
    list.reduce<WindowSums>((acc, s) => {
      if (s instanceof Error) throw s;
      return addSums(acc, s);
    }, new Map());
  return { ...range, currency: campaigns[0]?.currency ?? null, previous, metrics: metricTotals(total(current), total(before)) };
}

/** A range asked for as given, defaults from `lo` to `hi`; `to` before `from` is refused. */
function rangeOf(from: string | null | undefined, to: string | null | undefined, lo: string, hi: string): DateRange {
  checkRange(from, to);
  const r = { from: from ?? minDate(lo, to ?? lo), to: to ?? maxDate(hi, from ?? hi) };
  return r;
}

/** Totals of a campaign; by default from its start to today (held within the campaign). */
export async function campaignTotals(ctx: AuthedContext, c: Campaign, from: string | null | undefined, to: string | null | undefined): Promise<TotalsView> {
  const today = from && to ? '' : await agencyToday(ctx);
  const hi = today ? maxDate(c.startDate, minDate(today, c.endDate)) : c.endDate;
  return totalsOver(ctx, [c], rangeOf(from, to, c.startDate, hi));
}

/** The campaigns of a client the reader may see (a portal user: launched, paused or completed ones). */
const visibleCampaigns = (ctx: AuthedContext, client: Client): Promise<Campaign[]> => ctx.loaders.clientCampaigns.load(client.id);

/**
 * Amounts of different currencies are never added: the campaigns in `currency`, or, when none is
 * asked for, all of them if they share one currency; campaigns in several currencies without a
 * choice are refused on `currency`, naming the currencies.
 */
export function inOneCurrency(campaigns: Campaign[], currency: string | null | undefined): Campaign[] {
  if (currency) return campaigns.filter((c) => c.currency === currency);
  const currencies = [...new Set(campaigns.map((c) => c.currency))].sort();
  if (currencies.length > 1) throw new BadUserInputError([{ path: 'currency', message: msg('validation.kpiCurrencyAmbiguous', { currencies: currencies.join(', ') }) }]);
  return campaigns;
}

const earliestStart = (campaigns: Campaign[], fallback: string): string => campaigns.reduce((d, c) => minDate(d, c.startDate), fallback);

/** Totals across the client's campaigns; by default from the first campaign's start to today. */
export async function clientKpiTotals(
  ctx: AuthedContext,
  client: Client,
  from: string | null | undefined,
  to: string | null | undefined,
  currency?: string | null,
): Promise<TotalsView> {
  checkRange(from, to);
  const [all, today] = await Promise.all([visibleCampaigns(ctx, client), agencyToday(ctx)]);
  const campaigns = inOneCurrency(all, currency);
  return totalsOver(ctx, campaigns, rangeOf(from, to, earliestStart(campaigns, today), today));
}

// ---------------------------------------------------------------------------------------------
// client series

/**
 * Actual per bucket across the client's campaigns; the plan of a stored metric summed over the
 * campaigns with a target of it (the first such target of each campaign, so that a weekly and a
 * daily plan of the same metric are not counted twice), null without any; no plan for ratios.
 */
export async function clientKpiSeries(
  ctx: AuthedContext,
  client: Client,
  args: { metric: KpiMetric; granularity: KpiGranularity; from?: string | null; to?: string | null; customName?: string | null; currency?: string | null },
): Promise<SeriesPoint[]> {
  const { metric, granularity } = args;
  const customName = args.customName?.trim() || null;
  if (metric === KpiMetric.CUSTOM && !customName) throw new BadUserInputError([{ path: 'customName', message: msg('validation.kpiCustomNameRequired') }]);
  if (metric !== KpiMetric.CUSTOM && customName) throw new BadUserInputError([{ path: 'customName', message: msg('validation.kpiCustomNameOnlyCustom') }]);
  checkRange(args.from, args.to);
  const [all, today] = await Promise.all([visibleCampaigns(ctx, client), agencyToday(ctx)]);
  // counts add up across currencies; amounts and the ratios built from them do not
  const campaigns = isCount(metric) && !args.currency ? all : inOneCurrency(all, args.currency);
  if (campaigns.length === 0) return [];
  const lastEnd = campaigns.reduce((d, c) => maxDate(d, c.endDate), campaigns[0].endDate);
  const range = rangeOf(args.from, args.to, earliestStart(campaigns, campaigns[0].startDate), lastEnd);
  checkSeriesLength(granularity, range.from, range.to);
  const end = minDate(range.to, today);
  const windows = campaigns.map((c) => ({ campaignId: c.id, start: maxDate(range.from, c.startDate), end: minDate(end, c.endDate), granularity }));
  const [sums, targets] = await Promise.all([
    ctx.loaders.bucketSums.loadMany(windows),
    isStored(metric) ? ctx.loaders.campaignKpiTargets.loadMany(campaigns.map((c) => c.id)) : Promise.resolve([]),
  ]);
  const spread: SpreadTarget[] = [];
  targets.forEach((list, i) => {
    if (list instanceof Error) throw list;
    const t = list.find((x) => x.metric === metric && (x.customName ?? null) === customName);
    if (t) spread.push(spreadOf(t, campaigns[i]));
  });
  const plan: SeriesPlan = spread.length ? { kind: 'spread', targets: spread } : { kind: 'none' };
  const buckets = mergeBuckets(sums.map((s) => {
    if (s instanceof Error) throw s;
    return s;
  }));
  return seriesPoints({ granularity, range, metric, customName, plan, asOf: today, sums: buckets });
}

// ---------------------------------------------------------------------------------------------
// realized tool mix

/** SPEND of campaigns over a range by the 70/20/10 category of their channels. */
async function spendByCategory(ctx: AuthedContext, campaigns: Campaign[], range: DateRange): Promise<Map<ToolCategory, Decimal>> {
  const [sums, categories] = await Promise.all([
    ctx.loaders.windowSums.loadMany(campaigns.map((c) => ({ campaignId: c.id, start: maxDate(range.from, c.startDate), end: minDate(range.to, c.endDate) }))),
    ctx.loaders.channelCategory.loadMany(campaigns.map((c) => c.channelId)),
  ]);
  const out = new Map<ToolCategory, Decimal>();
  campaigns.forEach((_, i) => {
    const s = sums[i];
    const category = categories[i];
    if (s instanceof Error) throw s;
    if (category instanceof Error) throw category;
    if (!category) return;
    out.set(category, (out.get(category) ?? new Decimal(0)).plus(s.get(seriesKey(KpiMetric.SPEND, null)) ?? 0));
  });
  return out;
}

/** The client's media spend by category; by default from its first campaign's start to today. */
export async function clientRealizedToolMix(
  ctx: AuthedContext,
  client: Client,
  from: string | null | undefined,
  to: string | null | undefined,
  currency?: string | null,
): Promise<CategorySpend[]> {
  checkRange(from, to);
  const [all, today] = await Promise.all([visibleCampaigns(ctx, client), agencyToday(ctx)]);
  const campaigns = inOneCurrency(all, currency);
  return realizedMix(await spendByCategory(ctx, campaigns, rangeOf(from, to, earliestStart(campaigns, today), today)));
}

/** Spend by category of the campaigns made from a proposal, against the budget shares of its media plan. */
export async function proposalRealizedToolMix(ctx: AuthedContext, p: Proposal, from: string | null | undefined, to: string | null | undefined): Promise<CategorySpend[]> {
  checkRange(from, to);
  const [all, lines, today] = await Promise.all([ctx.loaders.proposalCampaigns.load(p.id), ctx.loaders.proposalLines.load(p.id), agencyToday(ctx)]);
  // the plan's shares are of the proposal's currency; campaigns run in another are not comparable
  const campaigns = all.filter((c) => c.currency === p.currency);
  const spend = await spendByCategory(ctx, campaigns, rangeOf(from, to, earliestStart(campaigns, today), today));
  return realizedMix(spend, computeToolMix(lines));
}
