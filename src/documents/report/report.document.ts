/**
 * A report for one reader (marketing manager, budget allocator, owner): title and period against
 * the previous one, then the practice's three blocks: 1. business figures (a table against the
 * previous period, the kind's tables and charts), 2. results of tests (the experimental 10 %),
 * 3. the development plan written by the manager. Pure: model in, bytes out.
 */
import type { ReportFigure } from '../../services/report.reads';
import { documentLabels, type Labeller } from '../i18n/labels';
import type { RenderOptions } from '../kinds';
import { drawDraftMark } from '../layout/blocks';
import { drawChart } from '../layout/chart';
import { DocumentWriter, type DocumentMeta, type RenderedDocument } from '../layout/create-document';
import { formatDate, formatMoney, formatPercent, formatQuantity } from '../layout/format';
import { drawTable } from '../layout/table';
import type { ReportDocumentModel } from './report.model';

type Locale = RenderOptions['locale'];

const PERCENT_FIGURES = new Set(['ROMI', 'ROI', 'EXPERIMENTAL_SHARE']);
const COUNT_FIGURES = new Set(['IMPRESSIONS', 'CLICKS', 'CONVERSIONS']);
const COUNT_METRICS = new Set(['IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'LEADS', 'CUSTOM']);
const PERCENT_METRICS = new Set(['CTR', 'CR', 'ROMI']);

function section(w: DocumentWriter, title: string): void {
  w.gap(10);
  w.ensureSpace(60);
  w.text('heading', title, { gapAfter: 4 });
}

function sub(w: DocumentWriter, title: string): void {
  w.gap(6);
  w.ensureSpace(50);
  w.text('bodyBold', title, { gapAfter: 3 });
}

export async function renderReport(model: ReportDocumentModel, options: RenderOptions): Promise<RenderedDocument> {
  const { locale } = options;
  const l = documentLabels(locale as never);
  const d = model.data;
  const none = l('report.none');
  const money = (v: string | null) => (v === null ? none : formatMoney(v, locale));
  const pct = (v: string | null) => (v === null ? none : formatPercent(v, locale));
  const qty = (v: string | null) => (v === null ? none : formatQuantity(Number(v).toFixed(Math.min(3, (v.split('.')[1] ?? '').length)), locale));
  const date = (v: string) => formatDate(v, locale, 'short');
  const day = (v: string) => (locale === 'en' ? formatDate(v, locale, 'short').replace(/ \d{4}$/, '') : `${v.slice(8, 10)}.${v.slice(5, 7)}`);
  const fig = (f: ReportFigure, v: string | null) => (PERCENT_FIGURES.has(f.key) ? pct(v) : COUNT_FIGURES.has(f.key) ? qty(v) : money(v));
  const title = l(`report.title_${d.kind}`);

  const w = new DocumentWriter(
    { title: `${title}: ${d.clientName}`, subject: title, author: model.agencyName, locale: locale as DocumentMeta['locale'], createdAt: options.createdAt },
    {
      runningHeader: `${title} · ${d.clientName} · ${date(d.from)} — ${date(d.to)}`,
      footerLeft: model.agencyName,
      pageLabel: (page, pages) => l('common.page', { page, pages }),
    },
  );

  w.text('title', title, { gapAfter: 3 });
  w.text('subtitle', l('report.client', { client: d.clientName }), { gapAfter: 2 });
  w.text('label', l('report.period', { from: date(d.from), to: date(d.to), prevFrom: date(d.previousFrom), prevTo: date(d.previousTo) }), { gapAfter: 2 });
  w.text('label', `${l('report.version', { version: model.version })} · ${d.currency}`, { gapAfter: 4 });

  // 1. business figures
  section(w, l('report.businessFigures'));
  drawTable(
    w,
    [
      { header: l('report.colFigure'), width: 3 },
      { header: l('report.colValue'), width: 2, align: 'right' },
      { header: l('report.colPrevious'), width: 2, align: 'right' },
      { header: l('report.colChange'), width: 1.4, align: 'right' },
    ],
    d.figures.map((f) => [l(`report.fig_${f.key}`), fig(f, f.value), fig(f, f.previousValue), pct(f.changePercent)]),
  );

  if (d.kind === 'MARKETING') drawMarketing(w, model, l, { day, money, pct, qty, date });
  if (d.kind === 'BUDGET') drawBudget(w, model, l, { day, money, pct, qty, date });
  if (d.kind === 'OWNER') drawOwner(w, model, l, { day, money, pct, qty, date }, locale);

  // 2. results of tests
  section(w, l('report.tests'));
  if (!d.experiments.length) w.text('body', l('report.noTests'));
  else
    drawTable(
      w,
      [
        { header: l('report.colCampaign'), width: 3 },
        { header: l('report.colChannel'), width: 2 },
        { header: l('report.colSpend'), width: 1.6, align: 'right' },
        { header: l('report.colConversions'), width: 1.3, align: 'right' },
        { header: l('report.colRevenue'), width: 1.6, align: 'right' },
        { header: l('report.colRomi'), width: 1.2, align: 'right' },
        { header: l('report.colOutcome'), width: 1.6 },
      ],
      d.experiments.map((e) => [e.campaignName, e.channelName, money(e.spend), qty(e.conversions), money(e.revenue), pct(e.romi), l(`report.outcome_${e.outcome}`)]),
    );

  // 3. development plan
  section(w, l('report.plan'));
  const plan = model.developmentPlan.trim();
  if (!plan) w.text('emphasis', l('report.noPlan'));
  else {
    const parts = plan.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    parts.forEach((p, i) => w.text('body', p, { gapAfter: i < parts.length - 1 ? 4 : 0 }));
  }

  if (model.draft) drawDraftMark(w, l('report.draft'));
  return w.finish();
}

interface Fmt {
  /** a day without its year, for chart labels: "05.11" (ru, bg), "5 Nov" (en) */
  day: (v: string) => string;
  money: (v: string | null) => string;
  pct: (v: string | null) => string;
  qty: (v: string | null) => string;
  date: (v: string) => string;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function drawMarketing(w: DocumentWriter, model: ReportDocumentModel, l: Labeller, f: Fmt): void {
  const d = model.data;
  const plan = d.series.find((s) => s.plan);
  const actual = d.series.find((s) => !s.plan);
  if (actual && actual.points.length) {
    w.gap(8);
    drawChart(w, {
      type: 'line',
      title: l(actual.key === 'LEADS' ? 'report.chartLeads' : 'report.chartConversions'),
      categories: actual.points.map((p) => f.day(p.start)),
      series: [
        ...(plan ? [{ label: l('report.seriesPlan'), values: plan.points.map((p) => num(p.value)), plan: true }] : []),
        { label: l('report.seriesActual'), values: actual.points.map((p) => num(p.value)) },
      ],
      formatY: (v) => f.qty(String(v)),
    });
  }
  sub(w, l('report.campaigns'));
  const metricValue = (metric: string, v: string | null) => (PERCENT_METRICS.has(metric) ? f.pct(v) : COUNT_METRICS.has(metric) ? f.qty(v) : f.money(v));
  drawTable(
    w,
    [
      { header: l('report.colCampaign'), width: 3 },
      { header: l('report.colMetric'), width: 1.6 },
      { header: l('report.colPlan'), width: 1.6, align: 'right' },
      { header: l('report.colActual'), width: 1.6, align: 'right' },
      { header: l('report.colDeviation'), width: 1.4, align: 'right' },
    ],
    d.campaigns.flatMap((c) =>
      c.kpis.map((k, i) => [i === 0 ? `${c.campaignName} (${c.channelName})` : '', k.customName ?? k.metric, metricValue(k.metric, k.plan), metricValue(k.metric, k.actual), f.pct(k.deviationPercent)]),
    ),
  );
  sub(w, l('report.deviations'));
  if (!d.deviations.length) w.text('body', l('report.noDeviations'));
  else
    drawTable(
      w,
      [
        { header: l('report.colCampaign'), width: 2.2 },
        { header: l('report.colMetric'), width: 1.1 },
        { header: l('report.colPeriod'), width: 2.9 },
        { header: l('report.colPlan'), width: 1.2, align: 'right' },
        { header: l('report.colActual'), width: 1.2, align: 'right' },
        { header: l('report.colDeviation'), width: 1.3, align: 'right' },
        { header: l('report.colSeverity'), width: 1.5 },
      ],
      d.deviations.map((x) => [
        x.campaignName,
        x.customName ?? x.metric,
        `${f.date(x.periodStart)}–${f.date(x.periodEnd)}`,
        metricValue(x.metric, x.plan),
        metricValue(x.metric, x.actual),
        f.pct(x.deviationPercent),
        l(`report.severity_${x.severity}`),
      ]),
    );
  sub(w, l('report.optimizations'));
  if (!d.optimizations.length) w.text('body', l('report.noOptimizations'));
  else
    drawTable(
      w,
      [
        { header: l('report.colDate'), width: 1.2 },
        { header: l('report.colCampaign'), width: 2.2 },
        { header: l('report.colCategory'), width: 1.4 },
        { header: l('report.colWhat'), width: 5 },
      ],
      d.optimizations.map((o) => [f.date(o.performedOn), o.campaignName, l(`report.opt_${o.category}`), o.description]),
    );
}

function drawBudget(w: DocumentWriter, model: ReportDocumentModel, l: Labeller, f: Fmt): void {
  const d = model.data;
  if (d.channels.length) {
    w.gap(8);
    drawChart(w, {
      type: 'bar',
      title: l('report.chartProfit'),
      categories: d.channels.map((c) => c.channelName),
      series: [{ label: l('report.seriesProfit'), values: d.channels.map((c) => Number(c.profit)) }],
      formatY: (v) => f.money(v.toFixed(2)).replace(/[.,]00$/, ''),
      height: 170,
    });
  }
  sub(w, l('report.channels'));
  drawTable(
    w,
    [
      { header: l('report.colChannel'), width: 2.4 },
      { header: l('report.colSpend'), width: 1.6, align: 'right' },
      { header: l('report.colConversions'), width: 1.3, align: 'right' },
      { header: l('report.colCpa'), width: 1.3, align: 'right' },
      { header: l('report.colRevenue'), width: 1.6, align: 'right' },
      { header: l('report.colProfit'), width: 1.6, align: 'right' },
      { header: l('report.colRomi'), width: 1.2, align: 'right' },
    ],
    d.channels.map((c) => [c.channelName, f.money(c.spend), f.qty(c.conversions), f.money(c.cpa), f.money(c.revenue), f.money(c.profit), f.pct(c.romi)]),
  );
  sub(w, l('report.mix'));
  if (d.mix.some((m) => m.actualPercent !== null || m.plannedPercent !== null)) {
    drawChart(w, {
      type: 'bar',
      categories: d.mix.map((m) => l(`report.cat_${m.category}`)),
      series: [
        { label: l('report.colShare'), values: d.mix.map((m) => num(m.actualPercent)) },
        { label: l('report.colPlannedShare'), values: d.mix.map((m) => num(m.plannedPercent)), plan: true },
      ],
      formatY: (v) => f.pct(String(Math.round(v))),
      height: 140,
    });
    w.gap(4);
  }
  drawTable(
    w,
    [
      { header: l('report.colCategory'), width: 2.6 },
      { header: l('report.colSpend'), width: 1.6, align: 'right' },
      { header: l('report.colShare'), width: 1.4, align: 'right' },
      { header: l('report.colPlannedShare'), width: 1.4, align: 'right' },
    ],
    d.mix.map((m) => [l(`report.cat_${m.category}`), f.money(m.actualSpend), f.pct(m.actualPercent), f.pct(m.plannedPercent)]),
  );
}

function drawOwner(w: DocumentWriter, model: ReportDocumentModel, l: Labeller, f: Fmt, locale: Locale): void {
  const d = model.data;
  const month = (iso: string) => (locale === 'en' ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : `${iso.slice(5, 7)}.${iso.slice(0, 4)}`);
  if (d.months.length) {
    w.gap(8);
    drawChart(w, {
      type: 'bar',
      title: l('report.chartMonths'),
      categories: d.months.map((m) => month(m.start)),
      series: [
        { label: l('report.seriesRevenue'), values: d.months.map((m) => Number(m.revenue)) },
        { label: l('report.seriesTotal'), values: d.months.map((m) => Number(m.totalSpent)) },
      ],
      formatY: (v) => f.money(v.toFixed(2)).replace(/[.,]00$/, ''),
      height: 180,
    });
    w.gap(6);
    drawChart(w, {
      type: 'line',
      title: l('report.chartRoi'),
      categories: d.months.map((m) => month(m.start)),
      series: [{ label: l('report.seriesRoi'), values: d.months.map((m) => num(m.roi)) }],
      formatY: (v) => f.pct(String(Math.round(v))),
      height: 150,
    });
  }
  sub(w, l('report.months'));
  drawTable(
    w,
    [
      { header: l('report.colMonth'), width: 1.3 },
      { header: l('report.colRevenue'), width: 1.7, align: 'right' },
      { header: l('report.colMediaSpend'), width: 1.7, align: 'right' },
      { header: l('report.colAgency'), width: 1.7, align: 'right' },
      { header: l('report.colTotal'), width: 1.7, align: 'right' },
      { header: l('report.colRoi'), width: 1.2, align: 'right' },
    ],
    d.months.map((m) => [month(m.start), f.money(m.revenue), f.money(m.mediaSpend), f.money(m.agencyInvoices), f.money(m.totalSpent), f.pct(m.roi)]),
  );
}
