import Decimal from 'decimal.js';
import { getOwnAgency } from './agency.service';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuthedContext } from '../context';
import { Deal, DealStageChange } from '../entities';
import { DealStage, DealStatus, RejectionReason } from '../entities/enums';
import { BadUserInputError } from '../errors';
import type { FunnelInput } from '../schema/funnel/funnel.inputs';
import type { FunnelStageType, FunnelType } from '../schema/funnel/funnel.type';
import { scoped } from './scope';
import { endOfLocalDay, startOfLocalDay } from './time';
import { msg } from '../i18n';

/** The one rounding of funnel percentages and averages: half-up to 2 decimals, as a JSON number. */
function round2(value: Decimal.Value): number {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** part / whole in percent; null when whole is zero. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : round2(new Decimal(part).times(100).dividedBy(whole));
}

interface Period {
  from: Date;
  to: Date;
}

/** Deals matching `where` (with the period as :periodFrom / :periodTo), and of the manager when given. */
function dealsWhere(ctx: AuthedContext, p: Period, managerId: string | null, where: string, params: Record<string, unknown> = {}): SelectQueryBuilder<Deal> {
  const qb = scoped(ctx, Deal).query('d').andWhere(where, { ...params, periodFrom: p.from, periodTo: p.to });
  if (managerId) qb.andWhere('d."managerId" = :managerId', { managerId });
  return qb;
}

/** Stage changes in the period (and of the manager's deals), joined to their deal as `d`. */
function changesInPeriod(ctx: AuthedContext, p: Period, managerId: string | null): SelectQueryBuilder<DealStageChange> {
  const qb = scoped(ctx, DealStageChange)
    .query('sc')
    .innerJoin(Deal, 'd', 'd.id = sc."dealId"')
    .andWhere('sc."changedAt" >= :periodFrom AND sc."changedAt" < :periodTo', { periodFrom: p.from, periodTo: p.to });
  if (managerId) qb.andWhere('d."managerId" = :managerId', { managerId });
  return qb;
}

/**
 * entered: distinct deals with a stage change into the stage within the period.
 * passed: of those, the deals with a later change (after such an entry) into a later stage, or
 * WON. The deal_stage enum is declared in process order, so `>` compares stages.
 */
async function enteredAndPassed(ctx: AuthedContext, p: Period, managerId: string | null) {
  const rows: Array<{ stage: DealStage; entered: string; passed: string }> = await changesInPeriod(ctx, p, managerId)
    // same deal as the scoped row `sc`, hence the same agency
    .leftJoin(DealStageChange, 'nx', 'nx."dealId" = sc."dealId" AND nx."changedAt" > sc."changedAt" AND nx."toStage" > sc."toStage"')
    .select('sc."toStage"', 'stage')
    .addSelect('COUNT(DISTINCT sc."dealId")', 'entered')
    .addSelect('COUNT(DISTINCT CASE WHEN d.status = :won OR nx.id IS NOT NULL THEN sc."dealId" END)', 'passed')
    .setParameter('won', DealStatus.WON)
    .groupBy('sc."toStage"')
    .getRawMany();
  return new Map(rows.map((r) => [r.stage, { entered: Number(r.entered), passed: Number(r.passed) }]));
}

/**
 * Average length of the stays that began in the period and have ended: a stay ends at the deal's
 * next stage change, or at its closing. A stay that "ends" in the very instant it began (closing
 * WON from DELIVERY enters CLOSING and closes at once) is not a stay and is left out.
 */
async function averageStays(ctx: AuthedContext, p: Period, managerId: string | null) {
  const stays = changesInPeriod(ctx, p, managerId)
    .leftJoin(DealStageChange, 'n', 'n."dealId" = sc."dealId" AND n."changedAt" > sc."changedAt"')
    .select('sc."toStage"', 'stage')
    .addSelect('sc."changedAt"', 'startedAt')
    .addSelect('COALESCE(MIN(n."changedAt"), d."closedAt")', 'endedAt')
    .groupBy('sc.id')
    .addGroupBy('sc."toStage"')
    .addGroupBy('sc."changedAt"')
    .addGroupBy('d."closedAt"');
  const rows: Array<{ stage: DealStage; avg: string }> = await ctx.manager
    .createQueryBuilder()
    .select('s.stage', 'stage')
    .addSelect('AVG(EXTRACT(EPOCH FROM (s."endedAt" - s."startedAt")))', 'avg')
    .from(`(${stays.getQuery()})`, 's')
    .where('s."endedAt" > s."startedAt"')
    .groupBy('s.stage')
    .setParameters(stays.getParameters())
    .getRawMany();
  return new Map(rows.map((r) => [r.stage, round2(r.avg)]));
}

/**
 * Losses on the cohort of `entered`: of the deals that entered a stage within the period, those
 * lost at that stage (whenever the loss happened), by reason.
 */
async function losses(ctx: AuthedContext, p: Period, managerId: string | null) {
  const rows: Array<{ stage: DealStage; reason: RejectionReason; count: string }> = await changesInPeriod(ctx, p, managerId)
    .andWhere('d.status = :lost AND d."lostAtStage" = sc."toStage"', { lost: DealStatus.LOST })
    .select('d."lostAtStage"', 'stage')
    .addSelect('d."lossReason"', 'reason')
    .addSelect('COUNT(DISTINCT d.id)', 'count')
    .groupBy('d."lostAtStage"')
    .addGroupBy('d."lossReason"')
    .getRawMany();
  const reasonOrder = Object.values(RejectionReason);
  const byStage = new Map<DealStage, Array<{ reason: RejectionReason; count: number }>>();
  for (const r of rows) {
    const list = byStage.get(r.stage) ?? [];
    list.push({ reason: r.reason, count: Number(r.count) });
    byStage.set(r.stage, list);
  }
  for (const list of byStage.values()) {
    list.sort((a, b) => b.count - a.count || reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason));
  }
  return byStage;
}

/** The deals opened in the period, and of those the ones won and lost so far (one cohort, as the stages). */
async function totals(ctx: AuthedContext, p: Period, managerId: string | null) {
  const qb = dealsWhere(ctx, p, managerId, 'd."openedAt" >= :periodFrom AND d."openedAt" < :periodTo');
  const row: { opened: string; won: string; lost: string } | undefined = await qb
    .select('COUNT(*)', 'opened')
    .addSelect('COUNT(*) FILTER (WHERE d.status = :won)', 'won')
    .addSelect('COUNT(*) FILTER (WHERE d.status = :lost)', 'lost')
    .setParameters({ won: DealStatus.WON, lost: DealStatus.LOST })
    .getRawOne();
  const won = Number(row?.won ?? 0);
  const lost = Number(row?.lost ?? 0);
  return { dealsOpened: Number(row?.opened ?? 0), won, lost, winRate: percent(won, won + lost) };
}

/**
 * The sales funnel over a period of local days in the agency time zone: per stage entered,
 * passed, lost, conversion and average time, losses by reason, and the period's totals. Every
 * count is on a cohort: a stage's passed and lost are outcomes (to date) of the deals that
 * entered it in the period; the totals' won and lost are outcomes of the deals opened in it. Every
 * number is one aggregate query over the scoped builders; no deal rows are loaded.
 */
export async function funnel(ctx: AuthedContext, input: FunnelInput): Promise<FunnelType> {
  if (input.to < input.from) {
    throw new BadUserInputError([{ path: 'input.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  }
  const { timeZone } = await getOwnAgency(ctx);
  const period: Period = { from: startOfLocalDay(input.from, timeZone), to: endOfLocalDay(input.to, timeZone) };
  const managerId = input.managerId ?? null;
  const [flow, stays, lost, sums] = await Promise.all([
    enteredAndPassed(ctx, period, managerId),
    averageStays(ctx, period, managerId),
    losses(ctx, period, managerId),
    totals(ctx, period, managerId),
  ]);
  const stages: FunnelStageType[] = Object.values(DealStage).map((stage) => {
    const { entered, passed } = flow.get(stage) ?? { entered: 0, passed: 0 };
    const lossesByReason = lost.get(stage) ?? [];
    return {
      stage,
      entered,
      passed,
      lost: lossesByReason.reduce((n, r) => n + r.count, 0),
      conversionToNext: percent(passed, entered),
      averageSecondsInStage: stays.get(stage) ?? null,
      lossesByReason,
    };
  });
  return {
    from: input.from,
    to: input.to,
    timeZone,
    periodStart: period.from,
    periodEnd: period.to,
    managerId,
    stages,
    totals: sums,
  };
}
