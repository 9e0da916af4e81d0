// Control points of the contract aggregate: a contract waiting for the client's approvers.
import type { Client } from '../../../entities';
import { approverLabel } from '../../../schema/contract/contract.results';
import { contractsWaitingForApproval } from '../../contract.reads';
import { t } from '../../../i18n';
import { getRequisites } from '../../requisites.service';
import { addDays, localDate } from '../../time';
import { ControlPointKind } from '../../../entities/enums';
import { registerControlPointSource } from '../registry';

// "Contract approval needs several people": due approvalWaitDays after the (last) submission,
// for as long as an approver of the current round has not decided. The client's owner watches it.
registerControlPointSource({
  kinds: [ControlPointKind.CONTRACT_APPROVAL_WAITING],
  async fetch(ctx, q) {
    const waiting = await contractsWaitingForApproval(ctx, q.clientId);
    if (waiting.length === 0) return [];
    const { approvalWaitDays } = await getRequisites(ctx);
    const clients = await ctx.loaders.clientById.loadMany(waiting.map((w) => w.contract.clientId));
    return waiting.flatMap(({ contract, pending }, i) => {
      const found = clients[i];
      const client = found && !(found instanceof Error) ? (found as Client) : null;
      if (!client) return [];
      const submittedAt = contract.submittedAt ?? contract.updatedAt;
      const dueOn = addDays(localDate(submittedAt, q.timeZone), approvalWaitDays);
      if (q.dueBefore && dueOn > q.dueBefore) return [];
      if (q.managerId && client.ownerId !== q.managerId) return [];
      return [
        {
          kind: ControlPointKind.CONTRACT_APPROVAL_WAITING,
          dueOn,
          clientId: contract.clientId,
          objectType: 'Contract',
          objectId: contract.id,
          title: t(ctx.locale, 'controlPoints.CONTRACT_APPROVAL_WAITING', {
            contract: contract.number ?? contract.subject,
            client: client.name,
            approvers: pending.map(approverLabel).join(', '),
          }),
          managerId: client.ownerId,
        },
      ];
    });
  },
});
