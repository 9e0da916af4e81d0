// Control points of payment schedules: each dated item of a signed contract still to collect.
import type { Client } from '../../../entities';
import { ControlPointKind } from '../../../entities/enums';
import { t } from '../../../i18n';
import { scheduleItemsDue } from '../../contract.reads';
import { registerControlPointSource } from '../registry';

// Due on the item's date (or the signing date for an ON_SIGNING item), as a calendar date of the
// agency (overdue from the next local day), until the item is paid; the client's owner watches it.
registerControlPointSource({
  kinds: [ControlPointKind.SCHEDULE_ITEM_DUE],
  async fetch(ctx, q) {
    const due = await scheduleItemsDue(ctx, q.clientId, q.dueBefore);
    if (due.length === 0) return [];
    const clients = await ctx.loaders.clientById.loadMany(due.map((d) => d.contract.clientId));
    return due.flatMap(({ contract, item, dueOn, position }, i) => {
      const found = clients[i];
      const client = found && !(found instanceof Error) ? (found as Client) : null;
      if (!client) return [];
      return [
        {
          kind: ControlPointKind.SCHEDULE_ITEM_DUE,
          dueOn,
          clientId: contract.clientId,
          objectType: 'Contract',
          objectId: contract.id,
          title: t(ctx.locale, 'controlPoints.SCHEDULE_ITEM_DUE', {
            label: item.label,
            contract: contract.number ?? contract.subject,
            client: client.name,
            due: position.due,
            currency: contract.currency,
          }),
          managerId: client.ownerId,
        },
      ];
    });
  },
});
