import type { SelectQueryBuilder } from 'typeorm';
import { Campaign, CampaignKpiTarget, Client, KpiDeviation, KpiMeasurement } from '../../../entities';
import { CampaignStatus, ControlPointKind, DeviationSeverity, KpiMetric, PacingStatus } from '../../../entities/enums';
import { t } from '../../../i18n';
import { pacing } from '../../kpi.rules';
import { scoped } from '../../scope';
import { addDays, localDate } from '../../time';
import { ControlPointQuery, registerControlPointSource } from '../registry';

/**
 * Control points of running campaigns. The responsible user is the campaign's manager, or the
 * client's owner when the campaign has none. Every source is one statement whatever the number of
 * campaigns.
 */

/** Days a WARN deviation may wait before it must be looked at; an ACT one is due the day it opens. */
export const WARN_DEVIATION_GRACE_DAYS = 3;
/** A launched campaign with KPI targets and no figure dated within this many days (today included) has stale data. */
export const STALE_MEASUREMENT_DAYS = 3;

const RUNNING = [CampaignStatus.LAUNCHED, CampaignStatus.PAUSED];
const MANAGER = 'COALESCE(c."managerId", cl."ownerId")';

/** The client / manager filters of the query, on a builder joined to the campaign `c` and its client `cl`. */
function narrow<T extends object>(qb: SelectQueryBuilder<T>, q: ControlPointQuery): SelectQueryBuilder<T> {
  if (q.clientId) qb.andWhere('c."clientId" = :clientId', { clientId: q.clientId });
  if (q.managerId) qb.andWhere(`${MANAGER} = :managerId`, { managerId: q.managerId });
  return qb;
}

// Open KPI deviations: optimise the campaign (ACT) at once, watch the KPI (WARN) within days.
registerControlPointSource({
  kinds: [ControlPointKind.KPI_DEVIATION_OPEN],
  async fetch(ctx, q) {
    const qb = scoped(ctx, KpiDeviation)
      .query('dv')
      // campaign, target and client of the scoped deviation row, hence of the same agency
      .innerJoin(Campaign, 'c', 'c.id = dv."campaignId"')
      .innerJoin(CampaignKpiTarget, 'kt', 'kt.id = dv."targetId"')
      .leftJoin(Client, 'cl', 'cl.id = c."clientId"')
      .andWhere('dv."closedAt" IS NULL AND c.status IN (:...running)', { running: RUNNING });
    const rows: Array<{
      id: string; clientId: string; severity: DeviationSeverity; deviationPercent: string | null; openedAt: Date;
      campaign: string; metric: KpiMetric; customName: string | null; managerId: string | null;
    }> = await narrow(qb, q)
      .select('dv.id', 'id')
      .addSelect('dv."clientId"', 'clientId')
      .addSelect('dv.severity', 'severity')
      .addSelect('dv."deviationPercent"', 'deviationPercent')
      .addSelect('dv."openedAt"', 'openedAt')
      .addSelect('c.name', 'campaign')
      .addSelect('kt.metric', 'metric')
      .addSelect('kt."customName"', 'customName')
      .addSelect(MANAGER, 'managerId')
      .getRawMany();
    return rows.map((r) => {
      const opened = localDate(new Date(r.openedAt), q.timeZone);
      const params = { campaign: r.campaign, metric: r.metric === KpiMetric.CUSTOM && r.customName ? r.customName : r.metric, percent: r.deviationPercent };
      return {
        kind: ControlPointKind.KPI_DEVIATION_OPEN,
        dueOn: r.severity === DeviationSeverity.WARN ? addDays(opened, WARN_DEVIATION_GRACE_DAYS) : opened,
        clientId: r.clientId,
        objectType: 'KpiDeviation',
        objectId: r.id,
        title: t(ctx.locale, r.deviationPercent === null ? 'controlPoints.KPI_DEVIATION_OPEN_ZERO_PLAN' : `controlPoints.KPI_DEVIATION_OPEN_${r.severity === DeviationSeverity.ACT ? 'ACT' : 'WARN'}`, params),
        managerId: r.managerId,
      };
    });
  },
});

// Budget pacing: spend to date summed per campaign in the same statement as the campaigns.
registerControlPointSource({
  kinds: [ControlPointKind.BUDGET_OVERSPEND],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Campaign)
      .query('c')
      .leftJoin(Client, 'cl', 'cl.id = c."clientId"')
      // measurements of the scoped campaign row, hence of the same agency
      .leftJoin(KpiMeasurement, 'm', 'm."campaignId" = c.id AND m.metric = :spend AND m."date" <= :today', { spend: KpiMetric.SPEND, today: q.today })
      .andWhere('c.status = :launched', { launched: CampaignStatus.LAUNCHED });
    const rows: Array<{
      id: string; clientId: string; name: string; budget: string; currency: string; startDate: string; endDate: string;
      managerId: string | null; spend: string;
    }> = await narrow(qb, q)
      .select('c.id', 'id')
      .addSelect('c."clientId"', 'clientId')
      .addSelect('c.name', 'name')
      .addSelect('c.budget', 'budget')
      .addSelect('c.currency', 'currency')
      .addSelect(`to_char(c."startDate", 'YYYY-MM-DD')`, 'startDate')
      .addSelect(`to_char(c."endDate", 'YYYY-MM-DD')`, 'endDate')
      .addSelect(MANAGER, 'managerId')
      .addSelect('COALESCE(SUM(m.value), 0)', 'spend')
      .groupBy('c.id')
      .addGroupBy('cl."ownerId"')
      .getRawMany();
    return rows.flatMap((r) => {
      const p = pacing({ budget: r.budget, spendToDate: r.spend, startDate: r.startDate, endDate: r.endDate, asOf: q.today });
      if (p.status !== PacingStatus.OVERSPENDING) return [];
      return [
        {
          kind: ControlPointKind.BUDGET_OVERSPEND,
          dueOn: q.today,
          clientId: r.clientId,
          objectType: 'Campaign',
          objectId: r.id,
          title: t(ctx.locale, 'controlPoints.BUDGET_OVERSPEND', {
            campaign: r.name,
            spend: r.spend,
            expected: p.expectedToDate,
            forecast: p.forecast,
            budget: r.budget,
            currency: r.currency,
          }),
          managerId: r.managerId,
        },
      ];
    });
  },
});

// Missed deadlines: a campaign still running after its last day.
registerControlPointSource({
  kinds: [ControlPointKind.CAMPAIGN_END_OVERDUE],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Campaign)
      .query('c')
      .leftJoin(Client, 'cl', 'cl.id = c."clientId"')
      .andWhere('c.status IN (:...running) AND c."endDate" < :today', { running: RUNNING, today: q.today });
    if (q.dueBefore) qb.andWhere('c."endDate" <= :dueBefore', { dueBefore: q.dueBefore });
    const rows: Array<{ id: string; clientId: string; name: string; endDate: string; managerId: string | null }> = await narrow(qb, q)
      .select('c.id', 'id')
      .addSelect('c."clientId"', 'clientId')
      .addSelect('c.name', 'name')
      .addSelect(`to_char(c."endDate", 'YYYY-MM-DD')`, 'endDate')
      .addSelect(MANAGER, 'managerId')
      .getRawMany();
    return rows.map((r) => ({
      kind: ControlPointKind.CAMPAIGN_END_OVERDUE,
      dueOn: r.endDate,
      clientId: r.clientId,
      objectType: 'Campaign',
      objectId: r.id,
      title: t(ctx.locale, 'controlPoints.CAMPAIGN_END_OVERDUE', { campaign: r.name, date: r.endDate }),
      managerId: r.managerId,
    }));
  },
});

// The deviation engine works from figures: a launched campaign with KPIs and no recent figure.
registerControlPointSource({
  kinds: [ControlPointKind.MEASUREMENTS_STALE],
  async fetch(ctx, q) {
    // the window of recent days: today and the days before it
    const since = addDays(q.today, 1 - STALE_MEASUREMENT_DAYS);
    // the latest figure of a campaign: one backward step along the measurements' key (agency,
    // campaign, date) per campaign, never a pass over the agency's measurements
    const latest = scoped(ctx, KpiMeasurement).query('m').select('MAX(m."date")').andWhere('m."campaignId" = c.id AND m."date" <= :today', { today: q.today });
    const last = `(${latest.getQuery()})`;
    const qb = scoped(ctx, Campaign)
      .query('c')
      .leftJoin(Client, 'cl', 'cl.id = c."clientId"')
      // targets of the scoped campaign row, hence of the same agency
      .andWhere(`EXISTS (SELECT 1 FROM campaign_kpi_targets kt WHERE kt."campaignId" = c.id)`)
      .andWhere('c.status = :launched', { launched: CampaignStatus.LAUNCHED })
      // it has run for the whole window and the window is not after its end
      .andWhere('c."startDate" <= :since AND c."endDate" >= :since', { since })
      .andWhere(`(${last} IS NULL OR ${last} < :since)`)
      .setParameters(latest.getParameters());
    const rows: Array<{ id: string; clientId: string; name: string; last: string | null; managerId: string | null }> = await narrow(qb, q)
      .select('c.id', 'id')
      .addSelect('c."clientId"', 'clientId')
      .addSelect('c.name', 'name')
      .addSelect(`to_char(${last}, 'YYYY-MM-DD')`, 'last')
      .addSelect(MANAGER, 'managerId')
      .getRawMany();
    return rows.map((r) => ({
      kind: ControlPointKind.MEASUREMENTS_STALE,
      dueOn: q.today,
      clientId: r.clientId,
      objectType: 'Campaign',
      objectId: r.id,
      title: r.last
        ? t(ctx.locale, 'controlPoints.MEASUREMENTS_STALE', { campaign: r.name, date: r.last })
        : t(ctx.locale, 'controlPoints.MEASUREMENTS_NONE', { campaign: r.name }),
      managerId: r.managerId,
    }));
  },
});
