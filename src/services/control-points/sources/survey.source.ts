// Control points of satisfaction surveys. The responsible user of an evaluation is the deal's
// manager (else the client's owner); a follow-up of a low score is the agency owners' own.
import { Act, Client, Deal, Survey } from '../../../entities';
import { ActStatus, ControlPointKind, DealStatus, UserRole } from '../../../entities/enums';
import { t } from '../../../i18n';
import { scoped } from '../../scope';
import { addDays, localDate } from '../../time';
import { registerControlPointSource } from '../registry';

/** Days after an act is signed or a deal won by which the client is asked how it went (the practice's "satisfaction evaluation date"). */
export const SATISFACTION_EVALUATION_DAYS = 7;
/** An act signed or a deal won longer ago than this no longer asks for a survey (older history is not flooded into the list). */
export const SATISFACTION_EVALUATION_WINDOW_DAYS = 90;

// A signed act with no survey of its client sent since it was signed (one that names it, or any later one).
registerControlPointSource({
  kinds: [ControlPointKind.SATISFACTION_EVALUATION_DUE],
  async fetch(ctx, q) {
    const since = addDays(q.today, -SATISFACTION_EVALUATION_WINDOW_DAYS);
    const qb = scoped(ctx, Act)
      .query('a')
      // the client and surveys of the scoped act row, hence of the same agency
      .innerJoin(Client, 'cl', 'cl.id = a."clientId"')
      .andWhere('a.status = :signed AND a."signedOn" IS NOT NULL AND a."signedOn" >= :since', { signed: ActStatus.SIGNED, since })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM surveys s WHERE s."clientId" = a."clientId" AND (s."actId" = a.id OR s."sentAt" >= a."signedOn"::timestamp AT TIME ZONE :tz))`,
        { tz: q.timeZone },
      );
    if (q.clientId) qb.andWhere('a."clientId" = :clientId', { clientId: q.clientId });
    if (q.managerId) qb.andWhere('cl."ownerId" = :managerId', { managerId: q.managerId });
    if (q.dueBefore) qb.andWhere('a."signedOn" <= :lastSigned', { lastSigned: addDays(q.dueBefore, -SATISFACTION_EVALUATION_DAYS) });
    const rows: { id: string; clientId: string; number: string | null; signedOn: string; client: string; managerId: string | null }[] = await qb
      .select('a.id', 'id')
      .addSelect('a."clientId"', 'clientId')
      .addSelect('a.number', 'number')
      .addSelect(`to_char(a."signedOn", 'YYYY-MM-DD')`, 'signedOn')
      .addSelect('cl.name', 'client')
      .addSelect('cl."ownerId"', 'managerId')
      .getRawMany();
    return rows.map((r) => ({
      kind: ControlPointKind.SATISFACTION_EVALUATION_DUE,
      dueOn: addDays(r.signedOn, SATISFACTION_EVALUATION_DAYS),
      clientId: r.clientId,
      objectType: 'Act',
      objectId: r.id,
      title: t(ctx.locale, 'controlPoints.SATISFACTION_EVALUATION_DUE_ACT', { client: r.client, number: r.number ?? '' }),
      managerId: r.managerId,
    }));
  },
});

// A won deal with no survey of its client sent since it was won.
registerControlPointSource({
  kinds: [ControlPointKind.SATISFACTION_EVALUATION_DUE],
  async fetch(ctx, q) {
    const since = addDays(q.today, -SATISFACTION_EVALUATION_WINDOW_DAYS);
    const qb = scoped(ctx, Deal)
      .query('d')
      // the client and surveys of the scoped deal row, hence of the same agency
      .innerJoin(Client, 'cl', 'cl.id = d."clientId"')
      .andWhere('d.status = :won AND d."closedAt" IS NOT NULL AND d."closedAt" >= :sinceAt', { won: DealStatus.WON, sinceAt: new Date(q.now.getTime() - (SATISFACTION_EVALUATION_WINDOW_DAYS + 1) * 86_400_000) })
      .andWhere(`NOT EXISTS (SELECT 1 FROM surveys s WHERE s."clientId" = d."clientId" AND (s."dealId" = d.id OR s."sentAt" >= d."closedAt"))`);
    if (q.clientId) qb.andWhere('d."clientId" = :clientId', { clientId: q.clientId });
    if (q.managerId) qb.andWhere('COALESCE(d."managerId", cl."ownerId") = :managerId', { managerId: q.managerId });
    const rows: { id: string; clientId: string; title: string; closedAt: Date; client: string; managerId: string | null }[] = await qb
      .select('d.id', 'id')
      .addSelect('d."clientId"', 'clientId')
      .addSelect('d.title', 'title')
      .addSelect('d."closedAt"', 'closedAt')
      .addSelect('cl.name', 'client')
      .addSelect('COALESCE(d."managerId", cl."ownerId")', 'managerId')
      .getRawMany();
    return rows
      .map((r) => ({ r, won: localDate(new Date(r.closedAt), q.timeZone) }))
      .filter(({ won }) => won >= since)
      .map(({ r, won }) => ({
        kind: ControlPointKind.SATISFACTION_EVALUATION_DUE,
        dueOn: addDays(won, SATISFACTION_EVALUATION_DAYS),
        clientId: r.clientId,
        objectType: 'Deal',
        objectId: r.id,
        title: t(ctx.locale, 'controlPoints.SATISFACTION_EVALUATION_DUE_DEAL', { client: r.client, deal: r.title }),
        managerId: r.managerId,
      }));
  },
});

// A low score waiting for an owner's follow-up: shown to owners only, due the day it came.
registerControlPointSource({
  kinds: [ControlPointKind.SATISFACTION_FOLLOW_UP],
  async fetch(ctx, q) {
    if (ctx.actor.role !== UserRole.OWNER) return [];
    const qb = scoped(ctx, Survey)
      .query('s')
      // the client of the scoped survey row, hence of the same agency
      .innerJoin(Client, 'cl', 'cl.id = s."clientId"')
      .andWhere('s."followUpOpenedAt" IS NOT NULL AND s."followUpResolvedAt" IS NULL');
    if (q.clientId) qb.andWhere('s."clientId" = :clientId', { clientId: q.clientId });
    const rows: { id: string; clientId: string; openedAt: Date; client: string; managerId: string | null }[] = await qb
      .select('s.id', 'id')
      .addSelect('s."clientId"', 'clientId')
      .addSelect('s."followUpOpenedAt"', 'openedAt')
      .addSelect('cl.name', 'client')
      .addSelect('s."managerId"', 'managerId')
      .getRawMany();
    return rows.map((r) => ({
      kind: ControlPointKind.SATISFACTION_FOLLOW_UP,
      dueOn: localDate(new Date(r.openedAt), q.timeZone),
      clientId: r.clientId,
      objectType: 'Survey',
      objectId: r.id,
      title: t(ctx.locale, 'controlPoints.SATISFACTION_FOLLOW_UP', { client: r.client }),
      // the owner acts on it; the manager evaluated is named so that a manager filter finds it
      managerId: r.managerId,
    }));
  },
});
