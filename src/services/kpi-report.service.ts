import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthedContext } from '../context';
import { Campaign, KpiMeasurement, KpiMeasurementMonth } from '../entities';
import { KpiMetric } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { KpiReportGrouping } from '../schema/kpi-report/kpi-report.enums';
import type { KpiReportInput } from '../schema/kpi-report/kpi-report.inputs';
import type { KpiReportMetricType, KpiReportRowType, KpiReportType } from '../schema/kpi-report/kpi-report.type';
import { DERIVED_METRICS, derivedMetrics, STORED_METRICS } from './kpi.rules';
import { formatPercent } from './money/format';
import { getOwnAgency } from './agency.service';
import { scoped } from './scope';
import { addDays, daysBetween, firstOfMonth, nextMonth, splitAtMonths } from './time';
import { DEFAULT_PAGE_SIZE } from '../schema/common/connection';

/** How the report splits its period: whole months from the rollup, the edges from the daily rows. */
export const reportRanges = splitAtMonths;

/** The agency-wide monthly KPI report: whole months from the rollup, partial edge months from the daily rows. */

/** The longest period one report covers (two years): the answer stays a readable size. */
export const KPI_REPORT_MAX_DAYS = 731;

interface SumRow {
  month: string;
  gid: string | null;
  metric: KpiMetric;
  customName: string;
  total: string;
}

interface PageRow {
  gid: string | null;
  gname: string | null;
  campaigns: string[];
  totalGroups: number;
  /** false on the one row of a page without groups, which still tells how many there are */
  here: boolean | null;
}

/** Where the name of each kind of group is read from. */
const NAMES: Partial<Record<KpiReportGrouping, { table: string; column: string }>> = {
  [KpiReportGrouping.CLIENT]: { table: 'clients', column: 'name' },
  [KpiReportGrouping.CAMPAIGN]: { table: 'campaigns', column: 'name' },
  [KpiReportGrouping.CHANNEL]: { table: 'campaign_channels', column: 'name' },
  [KpiReportGrouping.MANAGER]: { table: 'users', column: '"fullName"' },
};

/** The group of a campaign `kc`: a column of the campaign (its measurements carry the same client). */
const KEY: Record<KpiReportGrouping, string> = {
  [KpiReportGrouping.NONE]: 'NULL::uuid',
  [KpiReportGrouping.CLIENT]: 'kc."clientId"',
  [KpiReportGrouping.CAMPAIGN]: 'kc.id',
  [KpiReportGrouping.CHANNEL]: 'kc."channelId"',
  [KpiReportGrouping.MANAGER]: 'kc."managerId"',
};

/** `$n` placeholders of a statement moved up by `by`, to follow another statement's parameters. */
const shifted = (sql: string, by: number): string => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);

/** Statements joined into one, each one's parameters following the previous ones'. */
function joined(parts: [string, unknown[]][], params: unknown[]): string[] {
  return parts.map(([sql, p]) => {
    const out = shifted(sql, params.length);
    params.push(...p);
    return out;
  });
}

/**
 * The report over [from, to] in one statement: first the groups (the campaigns in the currency
 * that have figures in the period, through one probe of an index per campaign and range), then
 * the page of groups, and only then the sums, of the page's campaigns alone: the rollup over the
 * whole months, the daily rows over the partial months at the edges. Rows are merged here and the
 * derived metrics computed from the merged sums.
 */
export async function kpiReport(ctx: AuthedContext, input: KpiReportInput): Promise<KpiReportType> {
  const { from, to } = input;
  const groupBy = input.groupBy ?? KpiReportGrouping.NONE;
  if (to < from) throw new BadUserInputError([{ path: 'input.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  if (daysBetween(from, to) + 1 > KPI_REPORT_MAX_DAYS) {
    throw new BadUserInputError([{ path: 'input.to', message: msg('validation.kpiReportTooLong', { max: KPI_REPORT_MAX_DAYS }) }]);
  }
  const after = input.after ? decodeGroupCursor(input.after) : null;
  const currency = input.currency ?? (await getOwnAgency(ctx)).defaultCurrency;
  const { fullFrom, fullTo, partial } = reportRanges(from, to);
  const whole = fullFrom < fullTo;

  // the campaigns counted (only those run in `currency`: amounts of different currencies are
  // never added) with figures in the period, each with its group
  const campaigns = scoped(ctx, Campaign).query('kc').select('kc.id', 'id').addSelect(KEY[groupBy], 'gid').andWhere('kc.currency = :currency', { currency });
  const having: string[] = [];
  if (whole) {
    const months = scoped(ctx, KpiMeasurementMonth).query('hm').select('1').andWhere('hm."campaignId" = kc.id').andWhere('hm.month >= :fullFrom AND hm.month < :fullTo', { fullFrom, fullTo });
    having.push(`EXISTS (${months.getQuery()})`);
    campaigns.setParameters(months.getParameters());
  }
  partial.forEach(([s, e], i) => {
    const days = scoped(ctx, KpiMeasurement).query(`hd${i}`).select('1').andWhere(`hd${i}."campaignId" = kc.id`).andWhere(`hd${i}.date BETWEEN :s${i} AND :e${i}`, { [`s${i}`]: s, [`e${i}`]: e });
    having.push(`EXISTS (${days.getQuery()})`);
    campaigns.setParameters(days.getParameters());
  });
  campaigns.andWhere(`(${having.join(' OR ')})`);

  const params: unknown[] = [];
  const [campaignsSql] = joined([campaigns.getQueryAndParameters()], params);
  const first = input.first ?? DEFAULT_PAGE_SIZE;
  const n = params.length;
  params.push(after?.name ?? null, after?.id ?? null, first + 1);
  const names = NAMES[groupBy];
  const nameSql = names ? `(SELECT n.${names.column} FROM ${names.table} n WHERE n.id = d.gid)` : 'NULL::text';
  // the page of groups by (name, id) in byte order, the same order the cursor compares in; one
  // more than asked, to tell whether more follow
  const order = `COALESCE(gname, '') COLLATE "C", COALESCE(gid::text, '') COLLATE "C"`;
  let found: PageRow[] = await ctx.manager.query(
    `WITH c AS MATERIALIZED (${campaignsSql}),
     g AS (SELECT d.gid, ${nameSql} AS gname FROM (SELECT DISTINCT gid FROM c) d),
     p AS (SELECT gid, gname FROM g WHERE $${n + 1}::text IS NULL OR (${order}) > ($${n + 1}::text COLLATE "C", $${n + 2}::text COLLATE "C") ORDER BY ${order} LIMIT $${n + 3})
     SELECT p.gid, p.gname, (SELECT array_agg(c.id) FROM c WHERE c.gid IS NOT DISTINCT FROM p.gid) AS campaigns, t."totalGroups", p.here
       FROM (SELECT count(*)::int AS "totalGroups" FROM g) t LEFT JOIN (SELECT *, true AS here FROM p) p ON true ORDER BY ${order}`,
    params,
  );
  const totalGroups = found[0].totalGroups;
  found = found.filter((g) => g.here);
  const hasNextPage = found.length > first;
  const page: Group[] = found
    .slice(0, first)
    .map((g) => ({ id: g.gid ?? '', name: g.gname ?? '' }))
    .sort(compareGroups);
  const pageCampaigns = found.slice(0, first).flatMap((g) => g.campaigns);

  // the sums of the page's campaigns alone, by month, group and series: with their number known,
  // the planner reads few campaigns by their key and many by the month range
  const pc = [Campaign, 'kc', 'kc.id = r."campaignId" AND kc.id = ANY(CAST(:pc AS uuid[]))', { pc: pageCampaigns }] as const;
  // each part gives sums and how many daily figures they hold (n): a series without figures in
  // the period gives no row
  const sums: [string, unknown[]][] = [];
  const sumsPart = (q: SelectQueryBuilder<ObjectLiteral>, month: string, value: string, n: string, grouped = true) => {
    q.select(month, 'month').addSelect(KEY[groupBy], 'k').addSelect('r.metric', 'metric').addSelect('r."customName"', 'customName').addSelect(value, 'total').addSelect(n, 'n');
    if (grouped) q.groupBy('1').addGroupBy('2').addGroupBy('3').addGroupBy('4');
    return q.getQueryAndParameters();
  };
  // days of the daily rows, per campaign and range (each within one month), one range of the key each
  const daysOf = (ranges: [string, string, string][], sign: '' | '-') =>
    sumsPart(
      scoped(ctx, KpiMeasurement)
        .query('r')
        .innerJoin(...pc)
        .innerJoin(
          '(SELECT * FROM unnest(CAST(:ps AS date[]), CAST(:pe AS date[]), CAST(:pm AS date[])) AS u(s, e, m))',
          'w',
          'r.date BETWEEN w.s AND w.e',
          { ps: ranges.map(([rs]) => rs), pe: ranges.map(([, re]) => re), pm: ranges.map(([, , m]) => m) },
        ),
      'w.m',
      `${sign}SUM(r.value)`,
      `${sign}COUNT(*)`,
    );
  // a rollup row holds at least one figure (days); counting the rows keeps the read on the index.
  // By campaign, a rollup row IS its group's sum (one row per campaign, month and series): read as it is
  const perCampaign = groupBy === KpiReportGrouping.CAMPAIGN;
  const counted = perCampaign ? { value: 'r.value', rows: '1', days: 'r.days' } : { value: 'SUM(r.value)', rows: 'COUNT(*)', days: 'SUM(r.days)' };
  const monthsOf = (where: string, params: ObjectLiteral, n: 'rows' | 'days') =>
    sumsPart(scoped(ctx, KpiMeasurementMonth).query('r').innerJoin(...pc).andWhere(where, params), 'r.month', counted.value, counted[n], !perCampaign);
  if (whole) sums.push(monthsOf('r.month >= :fullFrom AND r.month < :fullTo', { fullFrom, fullTo }, 'rows'));
  // an edge month is read day by day, or, when the rest of its month is shorter, as the month's
  // rollup less the days of the rest: at most about half a month of daily rows per edge
  const direct: [string, string, string][] = [];
  const rest: [string, string, string][] = [];
  const restMonths: string[] = [];
  for (const [es, ee] of partial) {
    const month = firstOfMonth(es);
    const monthEnd = addDays(nextMonth(month), -1);
    const days = daysBetween(es, ee) + 1;
    if (daysBetween(month, monthEnd) + 1 - days >= days) {
      direct.push([es, ee, month]);
      continue;
    }
    restMonths.push(month);
    if (month < es) rest.push([month, addDays(es, -1), month]);
    if (ee < monthEnd) rest.push([addDays(ee, 1), monthEnd, month]);
  }
  if (direct.length) sums.push(daysOf(direct, ''));
  if (restMonths.length) {
    sums.push(monthsOf('r.month = ANY(CAST(:restMonths AS date[]))', { restMonths }, 'days'));
    if (rest.length) sums.push(daysOf(rest, '-'));
  }
  const sumParams: unknown[] = [];
  // by name: the query builder may order the selected columns its own way
  const union = joined(sums, sumParams)
    .map((sql) => `SELECT q.month, q.k, q.metric, q."customName", q.total, q.n FROM (${sql}) q`)
    .join(' UNION ALL ');
  // the parts are merged only where a month is in two of them (an edge month as its rollup less
  // the rest of its days, where nothing may be left); otherwise each part's months are its own
  const merged = restMonths.length > 0;
  const summed: SumRow[] = pageCampaigns.length
    ? await ctx.manager.query(
        merged
          ? `SELECT to_char(s.month, 'YYYY-MM-DD') AS month, s.k AS gid, s.metric, s."customName", SUM(s.total)::text AS total
               FROM (${union}) s GROUP BY s.month, s.k, s.metric, s."customName" HAVING SUM(s.n) > 0`
          : `SELECT to_char(s.month, 'YYYY-MM-DD') AS month, s.k AS gid, s.metric, s."customName", s.total::text AS total FROM (${union}) s`,
        sumParams,
      )
    : [];
  const rows = new Map<string, { month: string; gid: string | null; sums: Map<string, string> }>();
  for (const r of summed) {
    const key = `${r.month}|${r.gid ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { month: r.month, gid: r.gid, sums: new Map() }));
    // whole and edge months differ: one row per month, group and series
    row.sums.set(`${r.metric}|${r.customName}`, r.total);
  }
  const onPage = new Map(page.map((g, i) => [g.id, i]));
  const out: KpiReportRowType[] = [...rows.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || onPage.get(a.gid ?? '')! - onPage.get(b.gid ?? '')!)
    .map((r) => ({
      month: r.month,
      periodStart: r.month < from ? from : r.month,
      periodEnd: addDays(nextMonth(r.month), -1) > to ? to : addDays(nextMonth(r.month), -1),
      group: r.gid ? { id: r.gid, name: page[onPage.get(r.gid)!].name } : null,
      metrics: metricsOf(r.sums),
    }));
  return {
    from,
    to,
    groupBy,
    currency,
    rows: out,
    totalGroups,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: page.length ? encodeGroupCursor(page[0]) : null,
      endCursor: page.length ? encodeGroupCursor(page[page.length - 1]) : null,
    },
  };
}

/** A group of the report as its cursor holds it: '' for the id of the null group (NONE, no manager). */
interface Group {
  id: string;
  name: string;
}

const compareGroups = (a: Group, b: Group): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function encodeGroupCursor(g: Group): string {
  return Buffer.from(JSON.stringify([g.name, g.id]), 'utf8').toString('base64url');
}

function decodeGroupCursor(cursor: string): Group {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return { name: parsed[0], id: parsed[1] };
  } catch {
    /* fall through */
  }
  throw new BadUserInputError([{ path: 'input.after', message: msg('validation.cursorNotFromList') }]);
}

/** Every stored metric's sum (CUSTOM ones by name), then the derived metrics from those sums. */
function metricsOf(sums: Map<string, string>): KpiReportMetricType[] {
  const sum = (metric: KpiMetric) => sums.get(`${metric}|`) ?? '0';
  const stored = STORED_METRICS.filter((m) => m !== KpiMetric.CUSTOM).map((metric) => ({ metric, customName: null, value: formatPercent(sum(metric)) }));
  const custom = [...sums.entries()]
    .filter(([k]) => k.startsWith(`${KpiMetric.CUSTOM}|`))
    .map(([k, v]) => ({ metric: KpiMetric.CUSTOM, customName: k.slice(KpiMetric.CUSTOM.length + 1), value: formatPercent(v) }))
    .sort((a, b) => a.customName.localeCompare(b.customName));
  const parts = {
    impressions: sum(KpiMetric.IMPRESSIONS),
    clicks: sum(KpiMetric.CLICKS),
    conversions: sum(KpiMetric.CONVERSIONS),
    leads: sum(KpiMetric.LEADS),
    spend: sum(KpiMetric.SPEND),
    revenue: sum(KpiMetric.REVENUE),
  };
  const values = derivedMetrics(parts);
  const derived = DERIVED_METRICS.map((metric) => ({ metric, customName: null, value: values[metric] }));
  return [...stored, ...custom, ...derived];
}
