// Control points of the act aggregate: an issued act the client has not signed within the
// agency's actSignDays. The responsible manager is the client's owner.
import type { AuthedContext } from '../../../context';
import { Act, Client } from '../../../entities';
import { ActStatus, ControlPointKind } from '../../../entities/enums';
import { t } from '../../../i18n';
import { getRequisites } from '../../requisites.service';
import { scoped } from '../../scope';
import { addDays } from '../../time';
import { ControlPointItem, ControlPointQuery, registerControlPointSource } from '../registry';

registerControlPointSource({
  kinds: [ControlPointKind.ACT_UNSIGNED],
  async fetch(ctx: AuthedContext, q: ControlPointQuery): Promise<ControlPointItem[]> {
    const { actSignDays } = await getRequisites(ctx);
    const qb = scoped(ctx, Act)
      .query('a')
      .andWhere('a."status" = :issued', { issued: ActStatus.ISSUED })
      .andWhere('a."actDate" IS NOT NULL');
    // dueOn = actDate + days <= dueBefore  ⇔  actDate <= dueBefore − days
    if (q.dueBefore) qb.andWhere('a."actDate" <= :lastActDate', { lastActDate: addDays(q.dueBefore, -actSignDays) });
    if (q.clientId) qb.andWhere('a."clientId" = :clientId', { clientId: q.clientId });
    const acts = await qb.getMany();
    const clients = await ctx.loaders.clientById.loadMany([...new Set(acts.map((a) => a.clientId))]);
    const byId = new Map<string, Client>();
    for (const c of clients) if (c && !(c instanceof Error)) byId.set(c.id, c);
    return acts.flatMap((a) => {
      const client = byId.get(a.clientId);
      if (!client) return [];
      if (q.managerId && client.ownerId !== q.managerId) return [];
      return [
        {
          kind: ControlPointKind.ACT_UNSIGNED,
          dueOn: addDays(a.actDate!, actSignDays),
          clientId: a.clientId,
          objectType: 'Act',
          objectId: a.id,
          title: t(ctx.locale, 'controlPoints.ACT_UNSIGNED', { number: a.number, date: a.actDate, client: client.name }),
          managerId: client.ownerId,
        },
      ];
    });
  },
});
