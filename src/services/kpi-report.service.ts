import Decimal from 'decimal.js';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuthedContext } from '../context';
import { Campaign, KpiMeasurement, KpiMeasurementMonth } from '../entities';
import { KpiMetric } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { KpiReportGrouping } from '../schema/kpi-report/kpi-report.enums';
import type { KpiReportInput } from '../schema/kpi-report/kpi-report.inputs';
import type { KpiReportMetricType, KpiReportRowType, KpiReportType } from '../schema/kpi-report/kpi-report.type';
import { DERIVED_METRICS, derivedMetric, STORED_METRICS } from './kpi.rules';
import { formatPercent } from './money/format';
import { getOwnAgency } from './agency.service';
import { scoped } from './scope';
import { addDays, daysBetween, firstOfMonth } from './time';
import { DEFAULT_PAGE_SIZE } from '../schema/common/connection';

/** The agency-wide monthly KPI report: whole months from the rollup, partial edge months from the daily rows. */

/** The longest period one report covers (two years): the answer stays a readable size. */
export const KPI_REPORT_MAX_DAYS = 731;

const nextMonth = (month: string): string => {
  const d = new Date(month + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Splits [from, to] into the whole months [fullFrom, fullTo) the rollup answers and at most two
 * partial ranges (both days included) read from the daily rows.
 */
export function reportRanges(from: string, to: string): { fullFrom: string; fullTo: string; partial: [string, string][] } {
  const fullFrom = from === firstOfMonth(from) ? from : nextMonth(firstOfMonth(from));
  const afterTo = addDays(to, 1);
  const fullTo = afterTo === firstOfMonth(afterTo) ? afterTo : firstOfMonth(to);
  if (fullFrom >= fullTo) return { fullFrom, fullTo: fullFrom, partial: [[from, to]] };
  const partial: [string, string][] = [];
  if (from < fullFrom) partial.push([from, addDays(fullFrom, -1)]);
  if (fullTo <= to) partial.push([fullTo, to]);
  return { fullFrom, fullTo, partial };
}

interface SumRow {
  month: string | null;
  gid: string | null;
  gname: string | null;
  metric: KpiMetric | null;
  customName: string | null;
  total: string | null;
  totalGroups: number;
  pageGroups: number;
}

/** Where the name of each kind of group is read from. */
const NAMES: Partial<Record<KpiReportGrouping, { table: string; column: string }>> = {
  [KpiReportGrouping.CLIENT]: { table: 'clients', column: 'name' },
  [KpiReportGrouping.CAMPAIGN]: { table: 'campaigns', column: 'name' },
  [KpiReportGrouping.CHANNEL]: { table: 'campaign_channels', column: 'name' },
  [KpiReportGrouping.MANAGER]: { table: 'users', column: '"fullName"' },
};

/** The column of the summed rows a grouping is read from: its own, or the campaign's (mapped after the sums). */
const KEY: Record<KpiReportGrouping, string> = {
  [KpiReportGrouping.NONE]: 'NULL::uuid',
  [KpiReportGrouping.CLIENT]: 'r."clientId"',
  [KpiReportGrouping.CAMPAIGN]: 'r."campaignId"',
  [KpiReportGrouping.CHANNEL]: 'r."campaignId"',
  [KpiReportGrouping.MANAGER]: 'r."campaignId"',
};

/** A campaign's column a grouping reads, for the groupings that are not a column of the summed rows. */
const OF_CAMPAIGN: Partial<Record<KpiReportGrouping, string>> = {
  [KpiReportGrouping.CHANNEL]: 'c."channelId"',
  [KpiReportGrouping.MANAGER]: 'c."managerId"',
};

/**
 * Sums rollup or daily rows aliased `r` by month, key and series: the SQL and its parameters. With
 * `byCampaign`, a channel or manager is read from the campaign after summing by campaign (few
 * rows, the edge days); otherwise the campaign is joined to every summed row (the rollup).
 */
function sumsOf<T extends object>(qb: SelectQueryBuilder<T>, groupBy: KpiReportGrouping, monthSql: string, byCampaign = false): [string, unknown[]] {
  const ofCampaign = OF_CAMPAIGN[groupBy];
  if (ofCampaign && !byCampaign) qb.innerJoin(Campaign, 'c', 'c.id = r."campaignId"');
  const [sql, params] = qb
    .select(monthSql, 'month')
    .addSelect(ofCampaign && !byCampaign ? ofCampaign : KEY[groupBy], 'k')
    .addSelect('r.metric', 'metric')
    .addSelect('r."customName"', 'customName')
    .addSelect('SUM(r.value)', 'total')
    .groupBy('1')
    .addGroupBy('2')
    .addGroupBy('3')
    .addGroupBy('4')
    .getQueryAndParameters();
  if (!ofCampaign || !byCampaign) return [sql, params];
  // the campaign ids come from the agency's own rows above
  return [`SELECT b.month, ${ofCampaign} AS k, b.metric, b."customName", SUM(b.total) AS total FROM (${sql}) b JOIN campaigns c ON c.id = b.k GROUP BY 1, 2, 3, 4`, params];
}

/** `$n` placeholders of a statement moved up by `by`, to follow another statement's parameters. */
const shifted = (sql: string, by: number): string => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);

/**
 * The report over [from, to]: at most two statements, one summing the rollup over the whole
 * months, one summing the daily rows of the partial months at the edges; rows are merged here
 * and the derived metrics computed from the merged sums.
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
  const parts: [string, unknown[]][] = [];
  // amounts of different currencies are never added: only the campaigns run in `currency` count
  const inCurrency = () => scoped(ctx, Campaign).query('kc').select('kc.id').andWhere('kc.currency = :currency', { currency });
  if (fullFrom < fullTo) {
    const campaigns = inCurrency();
    const qb = scoped(ctx, KpiMeasurementMonth)
      .query('r')
      .andWhere('r.month >= :fullFrom AND r.month < :fullTo', { fullFrom, fullTo })
      .andWhere(`r."campaignId" IN (${campaigns.getQuery()})`)
      .setParameters({ ...campaigns.getParameters(), fullFrom, fullTo });
    parts.push(sumsOf(qb, groupBy, 'r.month'));
  }
  if (partial.length) {
    // through the agency's campaigns: per campaign and edge, one range of the measurements' key
    const campaigns = inCurrency();
    const qb = scoped(ctx, KpiMeasurement)
      .query('r')
      .innerJoin(
        '(SELECT * FROM unnest(CAST(:ps AS date[]), CAST(:pe AS date[])) AS u(s, e))',
        'w',
        'r.date BETWEEN w.s AND w.e',
        { ps: partial.map(([s]) => s), pe: partial.map(([, e]) => e) },
      )
      .andWhere(`r."campaignId" IN (${campaigns.getQuery()})`)
      .setParameters(campaigns.getParameters());
    parts.push(sumsOf(qb, groupBy, `date_trunc('month', r.date)::date`, true));
  }
  const params: unknown[] = [];
  const union = parts
    .map(([sql, p]) => {
      // by name: the query builder may order the selected columns its own way
      const out = `SELECT q.month, q.k, q.metric, q."customName", q.total FROM (${shifted(sql, params.length)}) q`;
      params.push(...p);
      return out;
    })
    .join(' UNION ALL ');
  const first = input.first ?? DEFAULT_PAGE_SIZE;
  const n = params.length;
  params.push(after?.name ?? null, after?.id ?? null, first + 1);
  const names = NAMES[groupBy];
  const nameSql = names ? `(SELECT n.${names.column} FROM ${names.table} n WHERE n.id = d.gid)` : 'NULL::text';
  // the page of groups by (name, id) in byte order, the same order the cursor compares in
  const order = `COALESCE(gname, '') COLLATE "C", COALESCE(gid::text, '') COLLATE "C"`;
  const found: SumRow[] = await ctx.manager.query(
    `WITH x AS (${union}),
     s AS (SELECT x.month, x.k AS gid, x.metric, x."customName", x.total FROM x), -- whole and edge months differ: one row per month, group and series
     g AS (SELECT d.gid, ${nameSql} AS gname FROM (SELECT DISTINCT gid FROM s) d),
     p AS (SELECT gid, gname FROM g WHERE $${n + 1}::text IS NULL OR (${order}) > ($${n + 1}::text COLLATE "C", $${n + 2}::text COLLATE "C") ORDER BY ${order} LIMIT $${n + 3}),
     t AS (SELECT (SELECT count(*) FROM g)::int AS "totalGroups", (SELECT count(*) FROM p)::int AS "pageGroups")
     SELECT to_char(s.month, 'YYYY-MM-DD') AS month, s.gid, p.gname, s.metric, s."customName", s.total::text AS total, t."totalGroups", t."pageGroups"
       FROM t LEFT JOIN (s JOIN p ON COALESCE(p.gid::text, '') = COALESCE(s.gid::text, '')) ON true`,
    params,
  );
  const totalGroups = found[0]?.totalGroups ?? 0;
  const hasNextPage = (found[0]?.pageGroups ?? 0) > first;
  const rows = new Map<string, { month: string; gid: string | null; gname: string | null; sums: Map<string, Decimal> }>();
  for (const r of found) {
    if (r.month === null || r.total === null) continue;
    const key = `${r.month}|${r.gid ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { month: r.month, gid: r.gid, gname: r.gname, sums: new Map() }));
    const series = `${r.metric}|${r.customName}`;
    row.sums.set(series, (row.sums.get(series) ?? new Decimal(0)).plus(r.total));
  }
  // the page itself: the groups found but the one past it (fetched only to tell whether more follow)
  const groups = new Map<string, Group>();
  for (const r of rows.values()) groups.set(r.gid ?? '', { id: r.gid ?? '', name: r.gname ?? '' });
  const page = [...groups.values()].sort(compareGroups).slice(0, first);
  const onPage = new Map(page.map((g, i) => [g.id, i]));
  const out: KpiReportRowType[] = [...rows.values()]
    .filter((r) => onPage.has(r.gid ?? ''))
    .sort((a, b) => a.month.localeCompare(b.month) || onPage.get(a.gid ?? '')! - onPage.get(b.gid ?? '')!)
    .map((r) => ({
      month: r.month,
      periodStart: r.month < from ? from : r.month,
      periodEnd: addDays(nextMonth(r.month), -1) > to ? to : addDays(nextMonth(r.month), -1),
      group: r.gid ? { id: r.gid, name: r.gname ?? '' } : null,
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
function metricsOf(sums: Map<string, Decimal>): KpiReportMetricType[] {
  const sum = (metric: KpiMetric) => sums.get(`${metric}|`) ?? new Decimal(0);
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
  const derived = DERIVED_METRICS.map((metric) => ({ metric, customName: null, value: derivedMetric(metric, parts) }));
  return [...stored, ...custom, ...derived];
}
