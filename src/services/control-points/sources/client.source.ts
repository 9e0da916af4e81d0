import type { AuthedContext } from '../../../context';
import { Client, Contact } from '../../../entities';
import { t } from '../../../i18n';
import { getOwnAgency } from '../../agency.service';
import { scoped } from '../../scope';
import { localDate } from '../../time';
import { ControlPointKind } from '../../../entities/enums';
import { ControlPointQuery, pagedByDueDate, registerControlPointSource } from '../registry';

/** Active clients with a next contact, by the query's filters, paged in SQL. */
function nextContacts(ctx: AuthedContext, q: ControlPointQuery) {
  const qb = scoped(ctx, Client)
    .query('c')
    .andWhere('c."archivedAt" IS NULL AND c."terminatedAt" IS NULL AND c."nextContactOn" IS NOT NULL');
  if (q.dueBefore) qb.andWhere('c."nextContactOn" <= :dueBefore', { dueBefore: q.dueBefore });
  if (q.clientId) qb.andWhere('c.id = :clientId', { clientId: q.clientId });
  if (q.managerId) qb.andWhere('c."ownerId" = :managerId', { managerId: q.managerId });
  return pagedByDueDate(qb, ControlPointKind.NEXT_CONTACT, 'c."nextContactOn"', 'c.id', q);
}

// Between deals every client has a next contact with a date, goal and product.
registerControlPointSource({
  kinds: [ControlPointKind.NEXT_CONTACT],
  paged: true,
  async fetch(ctx, q) {
    const rows = await nextContacts(ctx, q).getMany();
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
  count: (ctx, q) => nextContacts(ctx, q).getCount(),
});

/**
 * The client's last contact: the latest of its logged contact (else its creation) and the start
 * of its latest meeting that has started by `now` (a meeting that has taken place is a contact,
 * also one scheduled ahead and not touched since). The meetings are the scoped client's own.
 */
const LAST_CONTACT = `GREATEST(COALESCE(c."lastContactAt", c."createdAt"), (SELECT MAX(m."startsAt") FROM meetings m WHERE m."clientId" = c.id AND m."startsAt" <= :cpNow))`;
/** …and the day the agency's interval runs out: that instant's local date plus the interval. */
const INTERVAL_DUE = `((${LAST_CONTACT}) AT TIME ZONE :cpTimeZone)::date + :cpDays::int`;

async function contactIntervals(ctx: AuthedContext, q: ControlPointQuery) {
  const days = (await getOwnAgency(ctx)).maxContactIntervalDays;
  const qb = scoped(ctx, Client)
    .query('c')
    .andWhere('c."archivedAt" IS NULL AND c."terminatedAt" IS NULL')
    .setParameters({ cpNow: q.now, cpTimeZone: q.timeZone, cpDays: days });
  if (q.clientId) qb.andWhere('c.id = :clientId', { clientId: q.clientId });
  if (q.managerId) qb.andWhere('c."ownerId" = :managerId', { managerId: q.managerId });
  if (q.dueBefore) qb.andWhere(`${INTERVAL_DUE} <= :dueBefore::date`, { dueBefore: q.dueBefore });
  return { days, qb: pagedByDueDate(qb, ControlPointKind.CONTACT_INTERVAL_EXCEEDED, `(${INTERVAL_DUE})`, 'c.id', q) };
}

// "Intervals between contacts": a client untouched for longer than the agency allows.
registerControlPointSource({
  kinds: [ControlPointKind.CONTACT_INTERVAL_EXCEEDED],
  paged: true,
  async fetch(ctx, q) {
    const { days, qb } = await contactIntervals(ctx, q);
    const rows: Array<{ id: string; name: string; ownerId: string | null; dueOn: string; last: Date }> = await qb
      .select('c.id', 'id')
      .addSelect('c.name', 'name')
      .addSelect('c."ownerId"', 'ownerId')
      .addSelect(`(${INTERVAL_DUE})`, 'dueOn')
      .addSelect(LAST_CONTACT, 'last')
      .getRawMany();
    return rows.map((c) => ({
      kind: ControlPointKind.CONTACT_INTERVAL_EXCEEDED,
      dueOn: c.dueOn,
      clientId: c.id,
      objectType: 'Client',
      objectId: c.id,
      title: t(ctx.locale, 'controlPoints.CONTACT_INTERVAL_EXCEEDED', { count: days, client: c.name, last: localDate(new Date(c.last), q.timeZone) }),
      managerId: c.ownerId,
    }));
  },
  async count(ctx, q) {
    return (await contactIntervals(ctx, q)).qb.getCount();
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

/** A birthday's date in year `y` (a SQL int): 29 February is the 28th in other years. */
function birthdayIn(y: string): string {
  const month = 'EXTRACT(MONTH FROM ct.birthday)::int';
  const day = 'EXTRACT(DAY FROM ct.birthday)::int';
  const leap = `((${y}) % 4 = 0 AND ((${y}) % 100 <> 0 OR (${y}) % 400 = 0))`;
  return `make_date(${y}, ${month}, CASE WHEN ${month} = 2 AND ${day} = 29 AND NOT ${leap} THEN 28 ELSE ${day} END)`;
}
/** nextBirthday() in SQL: on or after the agency's today. */
const NEXT_BIRTHDAY = `(CASE WHEN ${birthdayIn(':cpYear::int')} >= :cpToday::date THEN ${birthdayIn(':cpYear::int')} ELSE ${birthdayIn(':cpYear::int + 1')} END)`;

/** Birthdays of contacts of active clients (no congratulations on behalf of an agency the client has left). */
function birthdays(ctx: AuthedContext, q: ControlPointQuery) {
  const qb = scoped(ctx, Contact)
    .query('ct')
    // the scoped contact's own client, hence of the same agency
    .innerJoin(Client, 'cl', 'cl.id = ct."clientId"')
    .andWhere('ct."archivedAt" IS NULL AND ct.birthday IS NOT NULL AND cl."archivedAt" IS NULL AND cl."terminatedAt" IS NULL')
    .setParameters({ cpYear: Number(q.today.slice(0, 4)), cpToday: q.today });
  if (q.clientId) qb.andWhere('ct."clientId" = :clientId', { clientId: q.clientId });
  if (q.managerId) qb.andWhere('cl."ownerId" = :managerId', { managerId: q.managerId });
  if (q.dueBefore) qb.andWhere(`${NEXT_BIRTHDAY} <= :dueBefore::date`, { dueBefore: q.dueBefore });
  return pagedByDueDate(qb, ControlPointKind.CONTACT_BIRTHDAY, NEXT_BIRTHDAY, 'ct.id', q);
}

// Routine occasions: congratulate contacts on their birthdays.
registerControlPointSource({
  kinds: [ControlPointKind.CONTACT_BIRTHDAY],
  paged: true,
  async fetch(ctx, q) {
    const rows: Array<{ id: string; clientId: string; fullName: string; client: string; ownerId: string | null; dueOn: string }> = await birthdays(ctx, q)
      .select('ct.id', 'id')
      .addSelect('ct."clientId"', 'clientId')
      .addSelect('ct."fullName"', 'fullName')
      .addSelect('cl.name', 'client')
      .addSelect('cl."ownerId"', 'ownerId')
      .addSelect(NEXT_BIRTHDAY, 'dueOn')
      .getRawMany();
    return rows.map((r) => ({
      kind: ControlPointKind.CONTACT_BIRTHDAY,
      dueOn: r.dueOn,
      clientId: r.clientId,
      objectType: 'Contact',
      objectId: r.id,
      title: t(ctx.locale, 'controlPoints.CONTACT_BIRTHDAY', { name: r.fullName, client: r.client }),
      managerId: r.ownerId,
    }));
  },
  count: (ctx, q) => birthdays(ctx, q).getCount(),
});
