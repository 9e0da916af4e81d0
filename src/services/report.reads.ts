import Decimal from 'decimal.js';
import type { AuthedContext } from '../context';
import { Campaign, CampaignChannel, type CampaignKpiTarget, CampaignOptimization, type Client, Invoice, KpiDeviation } from '../entities';
import { DeviationSeverity, ExperimentOutcome, InvoiceStatus, KpiGranularity, KpiMetric, OptimizationCategory, ReportFigureKey, ReportKind, ReportSeriesKey, ToolCategory, type CurrencyCode } from '../entities/enums';

export { ReportFigureKey, ReportSeriesKey };
import { getOwnAgency } from './agency.service';
import { derivedMetric, isStored } from './kpi.rules';
import { sumsOver } from './kpi-measurement.reads';
import { seriesKey, windowKey, type WindowSums } from './kpi-measurement.rules';
import { bucketSums } from './kpi-series.reads';
import { bucketsOf, planOver, previousRange, realizedMix, type CategorySpend } from './kpi-series.rules';
import {
  costPer,
  change,
  experimentOutcome,
  money,
  monthsOf,
  profitOf,
  returnPercent,
  trailingYear,
  type ReportPeriod,
} from './report.rules';
import { asAgency, scoped } from './scope';
import { computeToolMix } from './tool-mix';

/**
 * The figures of a report, assembled from the measurements, the deviations, the optimization log
 * and the agency's invoices: plain JSON (strings for amounts), stored as the report's snapshot and
 * returned as they are by the live dashboards. Nothing here is the agency's internal matter
 * (no internal notes, no margins): the client's portal user reads all of it.
 */

export interface ReportFigure {
  key: ReportFigureKey;
  value: string | null;
  previousValue: string | null;
  changePercent: string | null;
}

export interface ReportPoint {
  start: string;
  end: string;
  value: string | null;
}

export interface ReportSeries {
  key: ReportSeriesKey;
  /** a plan is drawn dashed, an actual solid */
  plan: boolean;
  points: ReportPoint[];
}

export interface ReportCampaignKpi {
  metric: KpiMetric;
  customName: string | null;
  plan: string | null;
  actual: string | null;
  /** (actual − plan) / plan × 100 */
  deviationPercent: string | null;
}

export interface ReportCampaignRow {
  campaignId: string;
  campaignName: string;
  channelName: string;
  category: ToolCategory | null;
  kpis: ReportCampaignKpi[];
}

export interface ReportDeviationRow {
  campaignName: string;
  metric: KpiMetric;
  customName: string | null;
  periodStart: string;
  periodEnd: string;
  plan: string;
  actual: string;
  deviationPercent: string | null;
  severity: DeviationSeverity;
}

export interface ReportOptimizationRow {
  campaignName: string;
  performedOn: string;
  category: OptimizationCategory;
  description: string;
}

export interface ReportChannelRow {
  channelName: string;
  category: ToolCategory | null;
  spend: string;
  conversions: string;
  cpa: string | null;
  revenue: string;
  profit: string;
  romi: string | null;
}

export interface ReportMonthRow {
  start: string;
  end: string;
  revenue: string;
  mediaSpend: string;
  agencyInvoices: string;
  totalSpent: string;
  roi: string | null;
}

export interface ReportExperimentRow {
  campaignName: string;
  channelName: string;
  spend: string;
  conversions: string;
  revenue: string;
  romi: string | null;
  outcome: ExperimentOutcome;
}

export interface ReportData {
  kind: ReportKind;
  clientId: string;
  clientName: string;
  currency: CurrencyCode;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  figures: ReportFigure[];
  series: ReportSeries[];
  campaigns: ReportCampaignRow[];
  deviations: ReportDeviationRow[];
  optimizations: ReportOptimizationRow[];
  channels: ReportChannelRow[];
  mix: CategorySpend[];
  months: ReportMonthRow[];
  experiments: ReportExperimentRow[];
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const ZERO = new Decimal(0);
const sumOf = (sums: WindowSums | undefined, metric: KpiMetric): Decimal => new Decimal(sums?.get(seriesKey(metric, null)) ?? 0);

interface Totals {
  impressions: Decimal;
  clicks: Decimal;
  conversions: Decimal;
  spend: Decimal;
  revenue: Decimal;
}

const emptyTotals = (): Totals => ({ impressions: ZERO, clicks: ZERO, conversions: ZERO, spend: ZERO, revenue: ZERO });

function addTotals(t: Totals, sums: WindowSums | undefined): Totals {
  return {
    impressions: t.impressions.plus(sumOf(sums, KpiMetric.IMPRESSIONS)),
    clicks: t.clicks.plus(sumOf(sums, KpiMetric.CLICKS)),
    conversions: t.conversions.plus(sumOf(sums, KpiMetric.CONVERSIONS)),
    spend: t.spend.plus(sumOf(sums, KpiMetric.SPEND)),
    revenue: t.revenue.plus(sumOf(sums, KpiMetric.REVENUE)),
  };
}

const figure = (key: ReportFigureKey, value: string | null, previousValue: string | null): ReportFigure => ({
  key,
  value,
  previousValue,
  changePercent: change(value, previousValue),
});

const count = (d: Decimal): string => d.toFixed(d.decimalPlaces() > 0 ? Math.min(d.decimalPlaces(), 4) : 0);

/** The campaigns of a client the reader may see, running at some time in [from, to], in the report's currency. */
function campaignsIn(all: Campaign[], range: ReportPeriod, currency: CurrencyCode): Campaign[] {
  return all.filter((c) => c.currency === currency && c.startDate <= range.to && c.endDate >= range.from);
}

/** The currency most of the client's campaigns are in (the agency's default without any). */
function reportCurrency(all: Campaign[], fallback: CurrencyCode): CurrencyCode {
  const n = new Map<CurrencyCode, number>();
  for (const c of all) n.set(c.currency, (n.get(c.currency) ?? 0) + 1);
  let best: CurrencyCode = fallback;
  let most = 0;
  for (const [cur, k] of n) if (k > most) [best, most] = [cur, k];
  return best;
}

/** Σ what the client owes on the agency's invoices issued per month of [from, to] (cancelled and drafts left out). */
async function invoicedByMonth(ctx: AuthedContext, clientId: string, currency: CurrencyCode, range: ReportPeriod): Promise<Map<string, Decimal>> {
  const rows: { month: string; total: string }[] = await scoped(ctx, Invoice)
    .query('i')
    .select(`to_char(date_trunc('month', i."issueDate"::timestamp), 'YYYY-MM-DD')`, 'month')
    .addSelect('SUM(i."amountDue")', 'total')
    .andWhere('i."clientId" = :clientId', { clientId })
    .andWhere('i.currency = :currency', { currency })
    .andWhere('i.status NOT IN (:...skip)', { skip: [InvoiceStatus.DRAFT, InvoiceStatus.CANCELLED] })
    .andWhere('i."issueDate" BETWEEN :from AND :to', range)
    .groupBy(`date_trunc('month', i."issueDate"::timestamp)`)
    .getRawMany();
  return new Map(rows.map((r) => [r.month, new Decimal(r.total)]));
}

async function invoicedOver(ctx: AuthedContext, clientId: string, currency: CurrencyCode, range: ReportPeriod): Promise<Decimal> {
  const row: { total: string | null } | undefined = await scoped(ctx, Invoice)
    .query('i')
    .select('SUM(i."amountDue")', 'total')
    .andWhere('i."clientId" = :clientId', { clientId })
    .andWhere('i.currency = :currency', { currency })
    .andWhere('i.status NOT IN (:...skip)', { skip: [InvoiceStatus.DRAFT, InvoiceStatus.CANCELLED] })
    .andWhere('i."issueDate" BETWEEN :from AND :to', range)
    .getRawOne();
  return new Decimal(row?.total ?? 0);
}

/**
 * The channels of the campaigns, by id. A portal user never reads channel rows; the names and
 * categories of its own campaigns' channels are part of its report, so they are read agency-side.
 */
async function channelsOf(ctx: AuthedContext, campaigns: Campaign[]): Promise<Map<string, CampaignChannel>> {
  const ids = [...new Set(campaigns.map((c) => c.channelId))];
  if (ids.length === 0) return new Map();
  const rows = await scoped(asAgency(ctx), CampaignChannel).findByIds(ids);
  return new Map(rows.map((ch) => [ch.id, ch]));
}

/** Chart granularity for a period: days up to about two months, then weeks, then months. */
function granularityOf(range: ReportPeriod): KpiGranularity {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  return days <= 62 ? KpiGranularity.DAY : days <= 366 ? KpiGranularity.WEEK : KpiGranularity.MONTH;
}

/** The figures of one kind of report for a client over [from, to], against the period of equal length before it. */
export async function buildReportData(ctx: AuthedContext, client: Client, kind: ReportKind, range: ReportPeriod): Promise<ReportData> {
  const previous = previousRange(range);
  const [agency, all] = await Promise.all([getOwnAgency(ctx), ctx.loaders.clientCampaigns.load(client.id)]);
  const currency = reportCurrency(all, agency.defaultCurrency);
  const wide: ReportPeriod = kind === ReportKind.OWNER ? { from: minDate(previous.from, trailingYear(range.to).from), to: range.to } : { from: previous.from, to: range.to };
  const campaigns = campaignsIn(all, wide, currency);
  const clip = (c: Campaign, r: ReportPeriod) => ({ campaignId: c.id, start: maxDate(r.from, c.startDate), end: minDate(r.to, c.endDate) });
  const [sums, channels] = await Promise.all([
    sumsOver(ctx, [...campaigns.map((c) => clip(c, range)), ...campaigns.map((c) => clip(c, previous))]),
    channelsOf(ctx, campaigns),
  ]);
  const now = (c: Campaign) => sums.get(windowKey(clip(c, range)));
  const before = (c: Campaign) => sums.get(windowKey(clip(c, previous)));
  const cur = campaigns.reduce((t, c) => addTotals(t, now(c)), emptyTotals());
  const prev = campaigns.reduce((t, c) => addTotals(t, before(c)), emptyTotals());
  const channelOf = (c: Campaign) => channels.get(c.channelId);

  const data: ReportData = {
    kind,
    clientId: client.id,
    clientName: client.name,
    currency,
    from: range.from,
    to: range.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    figures: [],
    series: [],
    campaigns: [],
    deviations: [],
    optimizations: [],
    channels: [],
    mix: [],
    months: [],
    experiments: experiments(campaigns, now, channelOf),
  };

  if (kind === ReportKind.MARKETING) {
    data.figures = [
      figure(ReportFigureKey.IMPRESSIONS, count(cur.impressions), count(prev.impressions)),
      figure(ReportFigureKey.CLICKS, count(cur.clicks), count(prev.clicks)),
      figure(ReportFigureKey.CONVERSIONS, count(cur.conversions), count(prev.conversions)),
      figure(ReportFigureKey.MEDIA_SPEND, money(cur.spend), money(prev.spend)),
      figure(ReportFigureKey.CPA, costPer(cur.spend, cur.conversions), costPer(prev.spend, prev.conversions)),
      figure(ReportFigureKey.REVENUE, money(cur.revenue), money(prev.revenue)),
      figure(ReportFigureKey.ROMI, returnPercent(cur.revenue, cur.spend), returnPercent(prev.revenue, prev.spend)),
    ];
    const running = campaignsIn(campaigns, range, currency);
    const targets = await ctx.loaders.campaignKpiTargets.loadMany(running.map((c) => c.id));
    data.campaigns = running.map((c, i) => {
      const list = targets[i];
      if (list instanceof Error) throw list;
      const s = now(c);
      const w = clip(c, range);
      const kpis = list.map((t): ReportCampaignKpi => {
        const plan = isStored(t.metric)
          ? money(planOver({ plan: t.plan, period: t.period, campaignStart: c.startDate, campaignEnd: c.endDate }, w.start, w.end))
          : money(t.plan);
        const actual = isStored(t.metric)
          ? money(s?.get(seriesKey(t.metric, t.customName)) ?? 0)
          : derivedMetric(t.metric, {
              impressions: sumOf(s, KpiMetric.IMPRESSIONS),
              clicks: sumOf(s, KpiMetric.CLICKS),
              conversions: sumOf(s, KpiMetric.CONVERSIONS),
              leads: sumOf(s, KpiMetric.LEADS),
              spend: sumOf(s, KpiMetric.SPEND),
              revenue: sumOf(s, KpiMetric.REVENUE),
            });
        return { metric: t.metric, customName: t.customName, plan, actual, deviationPercent: change(actual, plan) };
      });
      return { campaignId: c.id, campaignName: c.name, channelName: channelOf(c)?.name ?? '', category: channelOf(c)?.toolMixCategory ?? null, kpis };
    });
    const ids = running.map((c) => c.id);
    const names = new Map(running.map((c) => [c.id, c.name]));
    if (ids.length) {
      const [open, log] = await Promise.all([
        scoped(ctx, KpiDeviation)
          .query('d')
          .leftJoinAndSelect('d.target', 't')
          .andWhere('d."campaignId" IN (:...ids)', { ids })
          .andWhere('d."closedAt" IS NULL')
          .orderBy('d."periodStart"', 'ASC')
          .getMany(),
        scoped(ctx, CampaignOptimization)
          .query('o')
          .andWhere('o."campaignId" IN (:...ids)', { ids })
          .andWhere('o."performedOn" BETWEEN :from AND :to', range)
          .orderBy('o."performedOn"', 'ASC')
          .addOrderBy('o."createdAt"', 'ASC')
          .getMany(),
      ]);
      data.deviations = open.map((d) => ({
        campaignName: names.get(d.campaignId) ?? '',
        metric: d.target?.metric ?? KpiMetric.CUSTOM,
        customName: d.target?.customName ?? null,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        plan: money(d.plan),
        actual: money(d.actual),
        deviationPercent: d.deviationPercent,
        severity: d.severity,
      }));
      data.optimizations = log.map((o) => ({ campaignName: names.get(o.campaignId) ?? '', performedOn: o.performedOn, category: o.category, description: o.description }));
    }
    data.series = await conversionSeries(ctx, running, range, targets);
  }

  if (kind === ReportKind.BUDGET) {
    data.figures = [
      figure(ReportFigureKey.MEDIA_SPEND, money(cur.spend), money(prev.spend)),
      figure(ReportFigureKey.CONVERSIONS, count(cur.conversions), count(prev.conversions)),
      figure(ReportFigureKey.CPA, costPer(cur.spend, cur.conversions), costPer(prev.spend, prev.conversions)),
      figure(ReportFigureKey.REVENUE, money(cur.revenue), money(prev.revenue)),
      figure(ReportFigureKey.PROFIT, profitOf(cur.revenue, cur.spend), profitOf(prev.revenue, prev.spend)),
      figure(ReportFigureKey.ROMI, returnPercent(cur.revenue, cur.spend), returnPercent(prev.revenue, prev.spend)),
    ];
    const byChannel = new Map<string, { ch: CampaignChannel | undefined; t: Totals }>();
    const byCategory = new Map<ToolCategory, Decimal>();
    for (const c of campaignsIn(campaigns, range, currency)) {
      const entry = byChannel.get(c.channelId) ?? { ch: channelOf(c), t: emptyTotals() };
      entry.t = addTotals(entry.t, now(c));
      byChannel.set(c.channelId, entry);
      const cat = channelOf(c)?.toolMixCategory;
      if (cat) byCategory.set(cat, (byCategory.get(cat) ?? ZERO).plus(sumOf(now(c), KpiMetric.SPEND)));
    }
    data.channels = [...byChannel.values()]
      .map(({ ch, t }) => ({
        channelName: ch?.name ?? '',
        category: ch?.toolMixCategory ?? null,
        spend: money(t.spend),
        conversions: count(t.conversions),
        cpa: costPer(t.spend, t.conversions),
        revenue: money(t.revenue),
        profit: profitOf(t.revenue, t.spend),
        romi: returnPercent(t.revenue, t.spend),
      }))
      .sort((a, b) => new Decimal(b.profit).comparedTo(a.profit) || a.channelName.localeCompare(b.channelName));
    data.mix = realizedMix(byCategory, await plannedMix(ctx, campaigns));
    data.series = [];
  }

  if (kind === ReportKind.OWNER) {
    const [fees, prevFees] = await Promise.all([invoicedOver(ctx, client.id, currency, range), invoicedOver(ctx, client.id, currency, previous)]);
    const total = cur.spend.plus(fees);
    const prevTotal = prev.spend.plus(prevFees);
    data.figures = [
      figure(ReportFigureKey.REVENUE, money(cur.revenue), money(prev.revenue)),
      figure(ReportFigureKey.MEDIA_SPEND, money(cur.spend), money(prev.spend)),
      figure(ReportFigureKey.AGENCY_INVOICES, money(fees), money(prevFees)),
      figure(ReportFigureKey.TOTAL_SPENT, money(total), money(prevTotal)),
      figure(ReportFigureKey.PROFIT, profitOf(cur.revenue, total), profitOf(prev.revenue, prevTotal)),
      figure(ReportFigureKey.ROI, returnPercent(cur.revenue, total), returnPercent(prev.revenue, prevTotal)),
    ];
    data.months = await ownerMonths(ctx, client.id, currency, campaigns, trailingYear(range.to));
    data.series = [
      { key: ReportSeriesKey.REVENUE, plan: false, points: data.months.map((m) => ({ start: m.start, end: m.end, value: m.revenue })) },
      { key: ReportSeriesKey.TOTAL_SPENT, plan: false, points: data.months.map((m) => ({ start: m.start, end: m.end, value: m.totalSpent })) },
      { key: ReportSeriesKey.ROI, plan: false, points: data.months.map((m) => ({ start: m.start, end: m.end, value: m.roi })) },
    ];
  }

  const spendNow = cur.spend;
  const experimental = data.experiments.reduce((acc, e) => acc.plus(e.spend), ZERO);
  data.figures.push(figure(ReportFigureKey.EXPERIMENTAL_SHARE, spendNow.isZero() ? null : money(experimental.times(100).dividedBy(spendNow)), null));
  return data;
}

/** Campaigns of the EXPERIMENTAL 10 % that ran in the period, and what came of them. */
function experiments(campaigns: Campaign[], now: (c: Campaign) => WindowSums | undefined, channelOf: (c: Campaign) => CampaignChannel | undefined): ReportExperimentRow[] {
  return campaigns
    .filter((c) => channelOf(c)?.toolMixCategory === ToolCategory.EXPERIMENTAL && now(c) !== undefined)
    .map((c) => {
      const t = addTotals(emptyTotals(), now(c));
      return {
        campaignName: c.name,
        channelName: channelOf(c)?.name ?? '',
        spend: money(t.spend),
        conversions: count(t.conversions),
        revenue: money(t.revenue),
        romi: returnPercent(t.revenue, t.spend),
        outcome: experimentOutcome(t.spend, t.revenue),
      };
    });
}

/** The budget shares of the media plan the campaigns were made from (the most recent proposal among them); null without one. */
async function plannedMix(ctx: AuthedContext, campaigns: Campaign[]) {
  const withProposal = campaigns.filter((c) => c.proposalId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (!withProposal.length) return null;
  const lines = await ctx.loaders.proposalLines.load(withProposal[0].proposalId!);
  return lines.length ? computeToolMix(lines) : null;
}

/**
 * The results the campaigns are run for, per bucket, against their plan (spread from each
 * campaign's first target of the metric): conversions, or leads for campaigns that count leads
 * and no conversions (neither planned nor recorded in the period).
 */
async function conversionSeries(ctx: AuthedContext, campaigns: Campaign[], range: ReportPeriod, targets: readonly (CampaignKpiTarget[] | Error)[]): Promise<ReportSeries[]> {
  const granularity = granularityOf(range);
  const buckets = bucketsOf(granularity, range.from, range.to);
  const windows = campaigns.map((c) => ({ campaignId: c.id, start: maxDate(range.from, c.startDate), end: minDate(range.to, c.endDate), granularity }));
  const sums = await bucketSums(ctx, windows);
  const lists = targets.map((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
  const actualOf = (metric: KpiMetric) =>
    buckets.map((b) => ({ start: b.start, end: b.end, value: count(sums.reduce((acc, s) => acc.plus(sumOf(s.get(b.key), metric)), ZERO)) }));
  const plansOf = (metric: KpiMetric) =>
    campaigns.flatMap((c, i) => {
      const t = lists[i]?.find((x) => x.metric === metric);
      return t ? [{ plan: t.plan, period: t.period, campaignStart: c.startDate, campaignEnd: c.endDate }] : [];
    });
  const used = (metric: KpiMetric) => plansOf(metric).length > 0 || actualOf(metric).some((p) => p.value !== '0');
  const leads = !used(KpiMetric.CONVERSIONS) && used(KpiMetric.LEADS);
  const metric = leads ? KpiMetric.LEADS : KpiMetric.CONVERSIONS;
  const plans = plansOf(metric);
  const series: ReportSeries[] = [{ key: leads ? ReportSeriesKey.LEADS : ReportSeriesKey.CONVERSIONS, plan: false, points: actualOf(metric) }];
  if (plans.length) {
    series.unshift({
      key: leads ? ReportSeriesKey.LEADS_PLAN : ReportSeriesKey.CONVERSIONS_PLAN,
      plan: true,
      points: buckets.map((b) => ({ start: b.start, end: b.end, value: money(plans.reduce((acc, p) => acc.plus(planOver(p, b.start, b.end)), ZERO)) })),
    });
  }
  return series;
}

/** Revenue, media spend, the agency's invoices and ROI per calendar month of the trailing year. */
async function ownerMonths(ctx: AuthedContext, clientId: string, currency: CurrencyCode, campaigns: Campaign[], year: ReportPeriod): Promise<ReportMonthRow[]> {
  const months = monthsOf(year.from, year.to);
  const windows = campaigns
    .filter((c) => c.startDate <= year.to && c.endDate >= year.from)
    .map((c) => ({ campaignId: c.id, start: maxDate(year.from, c.startDate), end: minDate(year.to, c.endDate), granularity: KpiGranularity.MONTH }));
  const [sums, fees] = await Promise.all([bucketSums(ctx, windows), invoicedByMonth(ctx, clientId, currency, year)]);
  return months.map((m) => {
    let spend = ZERO;
    let revenue = ZERO;
    for (const s of sums) {
      const b = s.get(m.from);
      spend = spend.plus(sumOf(b, KpiMetric.SPEND));
      revenue = revenue.plus(sumOf(b, KpiMetric.REVENUE));
    }
    const fee = fees.get(m.from) ?? ZERO;
    const total = spend.plus(fee);
    return { start: m.from, end: minDate(m.to, year.to), revenue: money(revenue), mediaSpend: money(spend), agencyInvoices: money(fee), totalSpent: money(total), roi: returnPercent(revenue, total) };
  });
}
