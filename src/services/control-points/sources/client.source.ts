import type { AuthedContext } from '../../../context';
import { Client, Contact, Meeting } from '../../../entities';
import { t } from '../../../i18n';
import { getOwnAgency } from '../../agency.service';
import { scoped } from '../../scope';
import { addDays, localDate } from '../../time';
import { ControlPointKind } from '../../../entities/enums';
import { registerControlPointSource } from '../registry';

// Between deals every client has a next contact with a date, goal and product.
registerControlPointSource({
  kinds: [ControlPointKind.NEXT_CONTACT],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Client)
      .query('c')
      .andWhere('c."archivedAt" IS NULL AND c."terminatedAt" IS NULL AND c."nextContactOn" IS NOT NULL');
    if (q.dueBefore) qb.andWhere('c."nextContactOn" <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.clientId) qb.andWhere('c.id = :clientId', { clientId: q.clientId });
    if (q.managerId) qb.andWhere('c."ownerId" = :managerId', { managerId: q.managerId });
    const rows = await qb.getMany();
    return rows.map((c) => ({
      kind: ControlPointKind.NEXT_CONTACT,
      dueOn: c.nextContactOn!,
      clientId: c.id,
      objectType: 'Client',
      objectId: c.id,
      title: [c.nextContactGoal ?? t(ctx.locale, 'controlPoints.NEXT_CONTACT_DEFAULT'), c.nextContactProduct].filter(Boolean).join(' — '),
      managerId: c.ownerId,
    }));
  },
});

/** The start of each client's latest meeting that has started by `now`. */
async function lastMeetings(ctx: AuthedContext, clientIds: string[], now: Date): Promise<Map<string, Date>> {
  if (!clientIds.length) return new Map();
  const rows: Array<{ clientId: string; last: Date }> = await scoped(ctx, Meeting)
    .query('m')
    .andWhere('m."clientId" IN (:...clientIds) AND m."startsAt" <= :now', { clientIds, now })
    .select('m."clientId"', 'clientId')
    .addSelect('MAX(m."startsAt")', 'last')
    .groupBy('m."clientId"')
    .getRawMany();
  return new Map(rows.map((r) => [r.clientId, new Date(r.last)]));
}

// "Intervals between contacts": a client untouched for longer than the agency allows.
registerControlPointSource({
  kinds: [ControlPointKind.CONTACT_INTERVAL_EXCEEDED],
  async fetch(ctx, q) {
    const days = (await getOwnAgency(ctx)).maxContactIntervalDays;
    const qb = scoped(ctx, Client).query('c').andWhere('c."archivedAt" IS NULL AND c."terminatedAt" IS NULL');
    if (q.clientId) qb.andWhere('c.id = :clientId', { clientId: q.clientId });
    if (q.managerId) qb.andWhere('c."ownerId" = :managerId', { managerId: q.managerId });
    const rows = await qb.getMany();
    const met = await lastMeetings(ctx, rows.map((c) => c.id), q.now);
    return rows
      .map((c) => {
        // a meeting that has taken place is a contact, also one scheduled ahead and not touched since
        const meeting = met.get(c.id);
        const logged = c.lastContactAt ?? c.createdAt;
        const last = meeting && meeting > logged ? meeting : logged;
        return {
          kind: ControlPointKind.CONTACT_INTERVAL_EXCEEDED,
          dueOn: addDays(localDate(last, q.timeZone), days),
          clientId: c.id,
          objectType: 'Client',
          objectId: c.id,
          title: t(ctx.locale, 'controlPoints.CONTACT_INTERVAL_EXCEEDED', { count: days, client: c.name, last: localDate(last, q.timeZone) }),
          managerId: c.ownerId,
        };
      })
      .filter((item) => !q.dueBefore || item.dueOn <= q.dueBefore);
  },
});

/** The next occurrence of a birthday on or after `today` (29 February → 28 February in other years). */
export function nextBirthday(birthday: string, today: string): string {
  const [, mm, dd] = birthday.split('-');
  const year = Number(today.slice(0, 4));
  const on = (y: number) => {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}-${mm}-${mm === '02' && dd === '29' && !leap ? '28' : dd}`;
  };
  return on(year) >= today ? on(year) : on(year + 1);
}

// Routine occasions: congratulate contacts on their birthdays.
registerControlPointSource({
  kinds: [ControlPointKind.CONTACT_BIRTHDAY],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Contact).query('ct').andWhere('ct."archivedAt" IS NULL AND ct.birthday IS NOT NULL');
    if (q.clientId) qb.andWhere('ct."clientId" = :clientId', { clientId: q.clientId });
    const contacts = await qb.getMany();
    const clients = await ctx.loaders.clientById.loadMany(contacts.map((ct) => ct.clientId));
    return contacts.flatMap((ct, i) => {
      const client = clients[i];
      // no congratulations on behalf of an agency the client has left
      if (!client || client instanceof Error || client.archivedAt || client.terminatedAt) return [];
      const dueOn = nextBirthday(ct.birthday!, q.today);
      if (q.dueBefore && dueOn > q.dueBefore) return [];
      if (q.managerId && client.ownerId !== q.managerId) return [];
      return [
        {
          kind: ControlPointKind.CONTACT_BIRTHDAY,
          dueOn,
          clientId: ct.clientId,
          objectType: 'Contact',
          objectId: ct.id,
          title: t(ctx.locale, 'controlPoints.CONTACT_BIRTHDAY', { name: ct.fullName, client: client.name }),
          managerId: client.ownerId,
        },
      ];
    });
  },
});
