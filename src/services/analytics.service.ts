import Decimal from 'decimal.js';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuthedContext } from '../context';
import { AcquisitionCost, Client } from '../entities';
import { CampaignStatus, CurrencyCode, DealStatus, LifecycleStage, PaymentKind } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import { ChurnGranularity } from '../schema/analytics/analytics.enums';
import type {
  AnalyticsPeriodInput,
  AnalyticsScopeInput,
  ChurnInput,
  DependencyRiskInput,
  RecordAcquisitionCostInput,
  RevenuePeriodInput,
} from '../schema/analytics/analytics.inputs';
import type {
  ChurnType,
  ClientLifecycleStatsType,
  ClientLifetimeValueType,
  CurrencyAmountType,
  CustomerLifetimeValueType,
  DependencyRiskType,
  EngagementType,
  LifetimeValueTotalType,
  ParetoType,
  RepeatPurchaseShareType,
} from '../schema/analytics/analytics.type';
import { getOwnAgency } from './agency.service';
import {
  CHURN_INACTIVITY_DAYS,
  churnPeriods,
  churnRate,
  DAYS_PER_MONTH,
  DEPENDENCY_THRESHOLD_PERCENT,
  dependency,
  PARETO_THRESHOLD_PERCENT,
  paretoSet,
  percentOf,
  perMonth,
  round2,
  type ClientRevenue,
} from './analytics.rules';
import { scoped, withTransaction } from './scope';
import { trimOrNull } from './text';
import { daysBetween, endOfLocalDay, startOfLocalDay } from './time';

/**
 * Client analytics for agency staff. Every figure is computed by PostgreSQL over the clients the
 * actor may see (the scoped client query, optionally of one account manager, as the CTE `sc`);
 * other tables are reached only through `sc`'s ids, so they carry the same agency. A few
 * statements per query, never one per client. Money stays per currency, exact.
 */

/** Runs `statement` (which reads the visible clients as `sc`) with named parameters. */
async function overClients<R>(ctx: AuthedContext, managerId: string | null | undefined, statement: string, params: Record<string, unknown> = {}): Promise<R[]> {
  const base: SelectQueryBuilder<Client> = scoped(ctx, Client)
    .query('c')
    .select('c.id', 'id')
    .addSelect('c.name', 'name')
    .addSelect('c."createdAt"', 'createdAt')
    .addSelect('c."terminatedAt"', 'terminatedAt')
    .addSelect('c."archivedAt"', 'archivedAt')
    .addSelect('c."lifecycleStage"', 'lifecycleStage');
  if (managerId) base.andWhere('c."ownerId" = :managerId', { managerId });
  const [sql, values] = ctx.manager.connection.driver.escapeQueryWithParameters(
    `WITH sc AS MATERIALIZED (${base.getQuery()}) ${statement}`,
    { ...base.getParameters(), ...params },
    {},
  );
  return ctx.manager.query(sql, values);
}

function checkPeriod(input: AnalyticsPeriodInput): void {
  if (input.to < input.from) {
    throw new BadUserInputError([{ path: 'input.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  }
}

// ---------------------------------------------------------------------------------------------
// lifecycle

/** Clients per lifecycle stage now, and the average length of the stays in each stage from the stage history. */
export async function clientLifecycleStats(ctx: AuthedContext, input: AnalyticsScopeInput, now: Date = new Date()): Promise<ClientLifecycleStatsType> {
  const managerId = input.managerId ?? null;
  const [counts, stays] = await Promise.all([
    overClients<{ stage: LifecycleStage | null; terminated: boolean; n: string }>(
      ctx,
      managerId,
      `SELECT CASE WHEN sc."terminatedAt" IS NULL THEN sc."lifecycleStage" END AS stage, sc."terminatedAt" IS NOT NULL AS terminated, COUNT(*) AS n
         FROM sc WHERE sc."archivedAt" IS NULL GROUP BY 1, 2`,
    ),
    // a stay runs from an entry to the next entry of the client (a change, a termination, a
    // reactivation), or to now; the termination entries themselves start no stay
    overClients<{ stage: LifecycleStage; stays: string; avgDays: string }>(
      ctx,
      managerId,
      `, h AS (
         SELECT h."toStage" AS stage, h.terminated, h."changedAt" AS started,
                LEAD(h."changedAt") OVER (PARTITION BY h."clientId" ORDER BY h."changedAt", h."createdAt", h.id) AS ended
           FROM client_stage_changes h JOIN sc ON sc.id = h."clientId")
       SELECT stage, COUNT(*) AS stays, AVG(EXTRACT(EPOCH FROM (COALESCE(ended, :now) - started))) / 86400 AS "avgDays"
         FROM h WHERE NOT terminated GROUP BY stage`,
      { now },
    ),
  ]);
  const current = new Map<LifecycleStage, number>();
  let activeClients = 0;
  let terminatedClients = 0;
  for (const r of counts) {
    if (r.terminated) terminatedClients += Number(r.n);
    else if (r.stage) {
      current.set(r.stage, Number(r.n));
      activeClients += Number(r.n);
    }
  }
  const byStage = new Map(stays.map((s) => [s.stage, s]));
  return {
    managerId,
    activeClients,
    terminatedClients,
    stages: Object.values(LifecycleStage).map((stage) => {
      const s = byStage.get(stage);
      return { stage, clients: current.get(stage) ?? 0, stays: Number(s?.stays ?? 0), averageDaysInStage: s ? round2(s.avgDays) : null };
    }),
  };
}

/** Clients with more than one won deal among the clients with at least one. */
export async function repeatPurchaseShare(ctx: AuthedContext, input: AnalyticsScopeInput): Promise<RepeatPurchaseShareType> {
  const managerId = input.managerId ?? null;
  const [row] = await overClients<{ buyers: string; repeaters: string }>(
    ctx,
    managerId,
    `SELECT COUNT(*) AS buyers, COUNT(*) FILTER (WHERE won > 1) AS repeaters
       FROM (SELECT d."clientId", COUNT(*) AS won FROM deals d JOIN sc ON sc.id = d."clientId" WHERE d.status = :won GROUP BY d."clientId") x`,
    { won: DealStatus.WON },
  );
  const clientsWithPurchase = Number(row?.buyers ?? 0);
  const repeatClients = Number(row?.repeaters ?? 0);
  return { managerId, clientsWithPurchase, repeatClients, sharePercent: percentOf(repeatClients, clientsWithPurchase) };
}

// ---------------------------------------------------------------------------------------------
// churn

/**
 * Churn per month or quarter (see ChurnType for the definition). One statement: the clients'
 * activity days (deduplicated per client and day), joined to the period boundaries they can
 * matter for, aggregated per period.
 */
export async function churn(ctx: AuthedContext, input: ChurnInput): Promise<ChurnType> {
  checkPeriod(input);
  const { timeZone } = await getOwnAgency(ctx);
  const granularity = input.granularity ?? ChurnGranularity.MONTH;
  const periods = churnPeriods(input.from, input.to, granularity);
  const starts = periods.map((p) => startOfLocalDay(p.from, timeZone).toISOString());
  const ends = periods.map((p) => endOfLocalDay(p.to, timeZone).toISOString());
  const managerId = input.managerId ?? null;
  const rows = await overClients<{ k: string; active: string; churned: string; terminated: string; inactive: string }>(
    ctx,
    managerId,
    `, b AS (SELECT k, s, e FROM unnest((:starts)::timestamptz[], (:ends)::timestamptz[]) WITH ORDINALITY AS b(s, e, k)),
       act AS (
         -- one row per client and local day: the boundaries are local midnights, so the day's start compares as the instant would
         SELECT DISTINCT x."clientId", (date_trunc('day', x.at AT TIME ZONE :tz) AT TIME ZONE :tz) AS at FROM (
           SELECT i."clientId", i."occurredAt" AS at FROM interactions i JOIN sc ON sc.id = i."clientId" WHERE i."occurredAt" >= :earliest AND i."occurredAt" < :latest
           UNION ALL SELECT d."clientId", d."openedAt" FROM deals d JOIN sc ON sc.id = d."clientId"
           UNION ALL SELECT d."clientId", d."closedAt" FROM deals d JOIN sc ON sc.id = d."clientId" WHERE d."closedAt" IS NOT NULL
           UNION ALL SELECT v."clientId", v."issuedAt" FROM invoices v JOIN sc ON sc.id = v."clientId" WHERE v."issuedAt" IS NOT NULL
           UNION ALL SELECT p."clientId", (p."paidAt"::timestamp AT TIME ZONE :tz) FROM payments p JOIN sc ON sc.id = p."clientId"
           UNION ALL SELECT sc.id, sc."createdAt" FROM sc
         ) x
         -- only what can make a client active at some boundary
         WHERE x.at >= :earliest AND x.at < :latest),
       hits AS (
         SELECT b.k, a."clientId",
                bool_or(a.at >= b.s - make_interval(days => :days) AND a.at < b.s) AS at_start,
                bool_or(a.at >= b.e - make_interval(days => :days) AND a.at < b.e) AS at_end
           FROM act a JOIN b ON a.at >= b.s - make_interval(days => :days) AND a.at < b.e
          GROUP BY b.k, a."clientId"),
       st AS (
         SELECT b.k,
                (sc."terminatedAt" IS NULL OR sc."terminatedAt" > b.s) AND COALESCE(h.at_start, false) AS active,
                sc."terminatedAt" IS NOT NULL AND sc."terminatedAt" <= b.e AS ended,
                COALESCE(h.at_end, false) AS recent
           FROM b CROSS JOIN sc LEFT JOIN hits h ON h.k = b.k AND h."clientId" = sc.id
          WHERE sc."createdAt" < b.s)
     SELECT k,
            COUNT(*) FILTER (WHERE active) AS active,
            COUNT(*) FILTER (WHERE active AND (ended OR NOT recent)) AS churned,
            COUNT(*) FILTER (WHERE active AND ended) AS terminated,
            COUNT(*) FILTER (WHERE active AND NOT ended AND NOT recent) AS inactive
       FROM st GROUP BY k`,
    {
      starts,
      ends,
      tz: timeZone,
      days: CHURN_INACTIVITY_DAYS,
      earliest: new Date(Date.parse(starts[0]!) - CHURN_INACTIVITY_DAYS * 86_400_000 - 86_400_000),
      latest: ends[ends.length - 1],
    },
  );
  const byK = new Map(rows.map((r) => [Number(r.k), r]));
  return {
    managerId,
    granularity,
    inactivityDays: CHURN_INACTIVITY_DAYS,
    timeZone,
    periods: periods.map((p, i) => {
      const r = byK.get(i + 1);
      const activeAtStart = Number(r?.active ?? 0);
      const churned = Number(r?.churned ?? 0);
      return {
        from: p.from,
        to: p.to,
        activeAtStart,
        churned,
        terminated: Number(r?.terminated ?? 0),
        inactive: Number(r?.inactive ?? 0),
        ratePercent: churnRate(churned, activeAtStart),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// money

const CURRENCY_ORDER = Object.values(CurrencyCode);

function amounts(map: Map<CurrencyCode, Decimal>): CurrencyAmountType[] {
  return [...map.entries()]
    .sort((a, b) => CURRENCY_ORDER.indexOf(a[0]) - CURRENCY_ORDER.indexOf(b[0]))
    .map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) }));
}

/**
 * Lifetime value per client, all time: payments received minus refunds made, per currency of
 * the invoices; and that minus its acquisition cost in the same currency: the costs recorded for
 * the client, plus its share of each month's cost (spentOn's month) when it was acquired (created)
 * in that month: equal shares in cents, the leftover cents to the earliest acquired. A month in
 * which no client was acquired has its cost in no client's figure.
 */
export async function customerLifetimeValue(ctx: AuthedContext, input: AnalyticsScopeInput): Promise<CustomerLifetimeValueType> {
  const managerId = input.managerId ?? null;
  const { defaultCurrency, timeZone } = await getOwnAgency(ctx);
  // a month's cost is shared among every client of the agency acquired in it, whoever manages them
  const acquired = scoped(ctx, Client).query('a').select('a.id', 'id').addSelect('a."createdAt"', 'createdAt');
  const monthCosts = scoped(ctx, AcquisitionCost).query('pc').select('pc."spentOn"', 'spentOn').addSelect('pc.currency', 'currency').addSelect('pc.amount', 'amount').andWhere('pc."clientId" IS NULL');
  const rows = await overClients<{ id: string; name: string; currency: CurrencyCode; paid: string | null; refunded: string | null; cost: string | null }>(
    ctx,
    managerId,
    `, pay AS (
       SELECT p."clientId", v.currency,
              SUM(p.amount) FILTER (WHERE p.kind = :payment) AS paid,
              SUM(p.amount) FILTER (WHERE p.kind = :refund) AS refunded
         FROM payments p JOIN sc ON sc.id = p."clientId" JOIN invoices v ON v.id = p."invoiceId"
        GROUP BY p."clientId", v.currency),
     months AS (SELECT date_trunc('month', pc."spentOn"::timestamp) AS m, pc.currency, SUM(pc.amount) * 100 AS cents FROM (${monthCosts.getQuery()}) pc GROUP BY 1, 2),
     acq AS (
       SELECT a.id, date_trunc('month', a."createdAt" AT TIME ZONE :tz) AS m,
              ROW_NUMBER() OVER (PARTITION BY date_trunc('month', a."createdAt" AT TIME ZONE :tz) ORDER BY a."createdAt", a.id) AS r,
              COUNT(*) OVER (PARTITION BY date_trunc('month', a."createdAt" AT TIME ZONE :tz)) AS n
         FROM (${acquired.getQuery()}) a),
     shares AS (
       SELECT acq.id AS "clientId", months.currency,
              (floor(months.cents / acq.n) + CASE WHEN acq.r <= months.cents - floor(months.cents / acq.n) * acq.n THEN 1 ELSE 0 END) / 100 AS amount
         FROM months JOIN acq ON acq.m = months.m),
     cost AS (
       SELECT x."clientId", x.currency, SUM(x.amount) AS cost FROM (
         SELECT ac."clientId", ac.currency, ac.amount FROM acquisition_costs ac JOIN sc ON sc.id = ac."clientId"
         UNION ALL SELECT shares."clientId", shares.currency, shares.amount FROM shares JOIN sc ON sc.id = shares."clientId") x
        GROUP BY x."clientId", x.currency)
     SELECT sc.id, sc.name, COALESCE(pay.currency, cost.currency) AS currency, pay.paid::text AS paid, pay.refunded::text AS refunded, cost.cost::text AS cost
       FROM pay FULL JOIN cost ON cost."clientId" = pay."clientId" AND cost.currency = pay.currency
       JOIN sc ON sc.id = COALESCE(pay."clientId", cost."clientId")`,
    { ...acquired.getParameters(), ...monthCosts.getParameters(), payment: PaymentKind.PAYMENT, refund: PaymentKind.REFUND, tz: timeZone },
  );
  type Acc = { name: string; paid: Map<CurrencyCode, Decimal>; refunded: Map<CurrencyCode, Decimal>; cost: Map<CurrencyCode, Decimal> };
  const perClient = new Map<string, Acc>();
  for (const r of rows) {
    const acc = perClient.get(r.id) ?? { name: r.name, paid: new Map(), refunded: new Map(), cost: new Map() };
    if (r.paid != null || r.refunded != null) {
      acc.paid.set(r.currency, new Decimal(r.paid ?? 0));
      acc.refunded.set(r.currency, new Decimal(r.refunded ?? 0));
    }
    if (r.cost != null) acc.cost.set(r.currency, new Decimal(r.cost));
    perClient.set(r.id, acc);
  }
  const totals = new Map<CurrencyCode, { clients: number; value: Decimal; cost: Decimal }>();
  const clients: (ClientLifetimeValueType & { sortKey: Decimal })[] = [];
  for (const [clientId, acc] of perClient) {
    const value = new Map<CurrencyCode, Decimal>();
    for (const [cur, paid] of acc.paid) value.set(cur, paid.minus(acc.refunded.get(cur) ?? 0));
    const after = new Map<CurrencyCode, Decimal>();
    for (const cur of new Set([...value.keys(), ...acc.cost.keys()])) {
      const v = value.get(cur) ?? new Decimal(0);
      const c = acc.cost.get(cur) ?? new Decimal(0);
      after.set(cur, v.minus(c));
      const t = totals.get(cur) ?? { clients: 0, value: new Decimal(0), cost: new Decimal(0) };
      totals.set(cur, { clients: t.clients + 1, value: t.value.plus(v), cost: t.cost.plus(c) });
    }
    clients.push({
      clientId,
      clientName: acc.name,
      paid: amounts(acc.paid),
      refunded: amounts(acc.refunded),
      lifetimeValue: amounts(value),
      acquisitionCost: amounts(acc.cost),
      valueAfterAcquisition: amounts(after),
      sortKey: value.get(defaultCurrency) ?? new Decimal(-Infinity),
    });
  }
  clients.sort((a, b) => b.sortKey.comparedTo(a.sortKey) || a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  const totalRows: LifetimeValueTotalType[] = [...totals.entries()]
    .sort((a, b) => CURRENCY_ORDER.indexOf(a[0]) - CURRENCY_ORDER.indexOf(b[0]))
    .map(([currency, t]) => ({
      currency,
      clients: t.clients,
      lifetimeValue: t.value.toFixed(2),
      acquisitionCost: t.cost.toFixed(2),
      valueAfterAcquisition: t.value.minus(t.cost).toFixed(2),
      averageLifetimeValue: t.value.dividedBy(t.clients).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    }));
  return { managerId, clients: clients.map(({ sortKey: _, ...c }) => c), totals: totalRows };
}

/** Revenue per client in the period and currency: payments minus refunds by payment date; and the number of clients of the scope. */
async function revenueByClient(ctx: AuthedContext, input: RevenuePeriodInput): Promise<{ currency: CurrencyCode; rows: ClientRevenue[]; totalClients: number }> {
  checkPeriod(input);
  const currency = input.currency ?? (await getOwnAgency(ctx)).defaultCurrency;
  const rows = await overClients<{ id: string | null; name: string; revenue: string | null; total: string }>(
    ctx,
    input.managerId,
    `, rev AS (
       SELECT p."clientId", SUM(CASE WHEN p.kind = :payment THEN p.amount ELSE -p.amount END) AS revenue
         FROM payments p JOIN sc ON sc.id = p."clientId" JOIN invoices v ON v.id = p."invoiceId"
        WHERE v.currency = :currency AND p."paidAt" >= :fromDay AND p."paidAt" <= :toDay
        GROUP BY p."clientId")
     SELECT t.total, r.id, r.name, r.revenue
       FROM (SELECT COUNT(*) AS total FROM sc WHERE sc."archivedAt" IS NULL) t
       LEFT JOIN (SELECT sc.id, sc.name, rev.revenue::text AS revenue FROM rev JOIN sc ON sc.id = rev."clientId") r ON true`,
    { payment: PaymentKind.PAYMENT, currency, fromDay: input.from, toDay: input.to },
  );
  return {
    currency,
    totalClients: Number(rows[0]?.total ?? 0),
    rows: rows.filter((r) => r.id != null && r.revenue != null).map((r) => ({ clientId: r.id!, clientName: r.name, revenue: r.revenue! })),
  };
}

/** The smallest set of clients bringing at least 80 % of the period's revenue in one currency. */
export async function pareto(ctx: AuthedContext, input: RevenuePeriodInput): Promise<ParetoType> {
  const { currency, rows, totalClients } = await revenueByClient(ctx, input);
  const { total, set, clientsWithRevenue } = paretoSet(rows);
  return {
    managerId: input.managerId ?? null,
    from: input.from,
    to: input.to,
    currency,
    thresholdPercent: PARETO_THRESHOLD_PERCENT,
    totalRevenue: total.toFixed(2),
    clients: set,
    setSize: set.length,
    clientsWithRevenue,
    totalClients,
    setShareOfClientsPercent: percentOf(set.length, totalClients),
  };
}

/** The largest clients' shares of the period's revenue, flagged above 25 % for the largest. */
export async function dependencyRisk(ctx: AuthedContext, input: DependencyRiskInput): Promise<DependencyRiskType> {
  const { currency, rows } = await revenueByClient(ctx, input);
  const d = dependency(rows, input.topN ?? 5);
  return {
    from: input.from,
    to: input.to,
    currency,
    totalRevenue: d.total.toFixed(2),
    thresholdPercent: DEPENDENCY_THRESHOLD_PERCENT,
    largest: d.largest,
    top: d.top,
    topSharePercent: d.topSharePercent,
    atRisk: d.atRisk,
  };
}

// ---------------------------------------------------------------------------------------------
// engagement

/** Per client over the period: interactions, contacts per month, total minutes, distinct channels of running campaigns. */
export async function engagement(ctx: AuthedContext, input: AnalyticsPeriodInput): Promise<EngagementType> {
  checkPeriod(input);
  const { timeZone } = await getOwnAgency(ctx);
  const rows = await overClients<{ id: string; name: string; n: string; minutes: string; services: string }>(
    ctx,
    input.managerId,
    `, i AS (
       SELECT i."clientId", COUNT(*) AS n, SUM(COALESCE(i."durationMinutes", 0)) AS minutes
         FROM interactions i JOIN sc ON sc.id = i."clientId"
        WHERE i."occurredAt" >= :periodFrom AND i."occurredAt" < :periodTo GROUP BY i."clientId"),
       ch AS (
       SELECT c."clientId", COUNT(DISTINCT c."channelId") AS services
         FROM campaigns c JOIN sc ON sc.id = c."clientId"
        WHERE c.status IN (:...running) AND c."startDate" <= :toDay AND c."endDate" >= :fromDay GROUP BY c."clientId")
     SELECT sc.id, sc.name, COALESCE(i.n, 0) AS n, COALESCE(i.minutes, 0) AS minutes, COALESCE(ch.services, 0) AS services
       FROM sc LEFT JOIN i ON i."clientId" = sc.id LEFT JOIN ch ON ch."clientId" = sc.id
      WHERE sc."archivedAt" IS NULL
      ORDER BY COALESCE(i.n, 0) DESC, sc.name, sc.id`,
    {
      periodFrom: startOfLocalDay(input.from, timeZone),
      periodTo: endOfLocalDay(input.to, timeZone),
      running: [CampaignStatus.LAUNCHED, CampaignStatus.PAUSED, CampaignStatus.COMPLETED],
      fromDay: input.from,
      toDay: input.to,
    },
  );
  const days = daysBetween(input.from, input.to) + 1;
  return {
    managerId: input.managerId ?? null,
    from: input.from,
    to: input.to,
    months: round2(new Decimal(days).dividedBy(DAYS_PER_MONTH)),
    clients: rows.map((r) => ({
      clientId: r.id,
      clientName: r.name,
      interactions: Number(r.n),
      contactsPerMonth: perMonth(Number(r.n), days),
      totalMinutes: Number(r.minutes),
      servicesUsed: Number(r.services),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// acquisition cost

/** Records money spent to win one client; counted against its lifetime value in the same currency. */
export function recordAcquisitionCost(ctx: AuthedContext, input: RecordAcquisitionCostInput): Promise<AcquisitionCost> {
  return withTransaction(ctx, async (tx) => {
    const client = input.clientId ? await scoped(tx, Client).getById(input.clientId, 'input.clientId') : null;
    return scoped(tx, AcquisitionCost).insert({
      clientId: client?.id ?? null,
      amount: input.amount,
      currency: input.currency,
      spentOn: input.spentOn,
      note: trimOrNull(input.note),
      actorId: tx.actor.userId,
    });
  });
}
