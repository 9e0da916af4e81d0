// Control points of the meeting aggregate: the protocol to send, and open action items with a date.
import type { AuthedContext } from '../../../context';
import { t } from '../../../i18n';
import { getOwnAgency } from '../../agency.service';
import { Client, Meeting } from '../../../entities';
import { protocolDueDate } from '../../meeting.service';
import { scoped } from '../../scope';
import { addDays, endOfLocalDay, localDate } from '../../time';
import { ControlPointKind } from '../../../entities/enums';
import { ControlPointItem, ControlPointQuery, registerControlPointSource } from '../registry';

/** The clients of the meetings (one batched load), without archived or terminated ones. */
async function activeClients(ctx: AuthedContext, meetings: Meeting[]): Promise<Map<string, Client>> {
  const ids = [...new Set(meetings.map((m) => m.clientId))];
  const rows = await ctx.loaders.clientById.loadMany(ids);
  const out = new Map<string, Client>();
  for (const c of rows) if (c && !(c instanceof Error) && !c.archivedAt && !c.terminatedAt) out.set(c.id, c);
  return out;
}

// "The fact that the meeting protocol was sent": every meeting that has started and whose protocol
// has not been sent, due protocolDueDays after the meeting's local date.
registerControlPointSource({
  kinds: [ControlPointKind.MEETING_PROTOCOL_NOT_SENT],
  async fetch(ctx, q: ControlPointQuery): Promise<ControlPointItem[]> {
    const agency = await getOwnAgency(ctx);
    const qb = scoped(ctx, Meeting)
      .query('m')
      .andWhere('m."protocolSentAt" IS NULL')
      .andWhere('m."startsAt" <= :now', { now: q.now });
    if (q.clientId) qb.andWhere('m."clientId" = :clientId', { clientId: q.clientId });
    if (q.dueBefore) {
      // dueOn <= dueBefore  ⇔  the meeting started before the end of the local day (dueBefore − days)
      const lastDay = addDays(q.dueBefore, -agency.protocolDueDays);
      qb.andWhere('m."startsAt" < :startedBefore', { startedBefore: endOfLocalDay(lastDay, q.timeZone) });
    }
    const meetings = await qb.getMany();
    const clients = await activeClients(ctx, meetings);
    return meetings.flatMap((m) => {
      const client = clients.get(m.clientId);
      if (!client) return [];
      return [
        {
          kind: ControlPointKind.MEETING_PROTOCOL_NOT_SENT,
          dueOn: protocolDueDate(m.startsAt, agency),
          clientId: m.clientId,
          objectType: 'Meeting',
          objectId: m.id,
          title: t(ctx.locale, 'controlPoints.MEETING_PROTOCOL_NOT_SENT', { meeting: m.title, client: client.name, date: localDate(m.startsAt, q.timeZone) }),
          managerId: client.ownerId,
        },
      ];
    });
  },
});

// Open action items of meeting protocols that have a due date. Their objectId is
// "<meetingId>:<index>" (objectType MeetingActionItem): one meeting can have several items due on
// the same day, and the control-point cursor needs a distinct key for each.
registerControlPointSource({
  kinds: [ControlPointKind.ACTION_ITEM_DUE],
  async fetch(ctx, q: ControlPointQuery): Promise<ControlPointItem[]> {
    const qb = scoped(ctx, Meeting)
      .query('m')
      .andWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(m."actionItems") AS a
                  WHERE a->>'dueDate' IS NOT NULL AND COALESCE((a->>'done')::boolean, false) = false)`);
    if (q.clientId) qb.andWhere('m."clientId" = :clientId', { clientId: q.clientId });
    const meetings = await qb.getMany();
    const clients = await activeClients(ctx, meetings);
    return meetings.flatMap((m) => {
      const client = clients.get(m.clientId);
      if (!client) return [];
      return (m.actionItems ?? []).flatMap((a, index) =>
        a.dueDate && !a.done && (!q.dueBefore || a.dueDate <= q.dueBefore)
          ? [
              {
                kind: ControlPointKind.ACTION_ITEM_DUE,
                dueOn: a.dueDate,
                clientId: m.clientId,
                objectType: 'MeetingActionItem',
                objectId: `${m.id}:${index}`,
                title: t(ctx.locale, 'controlPoints.ACTION_ITEM_DUE', { description: a.description, meeting: m.title, client: client.name }),
                managerId: client.ownerId,
              },
            ]
          : [],
      );
    });
  },
});
