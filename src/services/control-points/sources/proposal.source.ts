// Control points of the proposal aggregate: the validity date of a sent offer and the planned
// date of a correction. The responsible manager is the client's owner.
import type { AuthedContext } from '../../../context';
import { Client, Proposal } from '../../../entities';
import { ControlPointKind, ProposalStatus } from '../../../entities/enums';
import { t } from '../../../i18n';
import { scoped } from '../../scope';
import { ControlPointItem, ControlPointQuery, registerControlPointSource } from '../registry';

async function toItems(
  ctx: AuthedContext,
  q: ControlPointQuery,
  rows: Proposal[],
  item: (p: Proposal, client: Client) => Omit<ControlPointItem, 'managerId' | 'clientId' | 'objectType' | 'objectId'>,
): Promise<ControlPointItem[]> {
  const clients = await ctx.loaders.clientById.loadMany(rows.map((p) => p.clientId));
  return rows.flatMap((p, i) => {
    const client = clients[i];
    const c = client && !(client instanceof Error) ? (client as Client) : null;
    if (!c) return [];
    if (q.managerId && c.ownerId !== q.managerId) return [];
    return [{ ...item(p, c), clientId: p.clientId, objectType: 'Proposal', objectId: p.id, managerId: c.ownerId }];
  });
}

// A sent offer's validity date. Stored SENT includes offers already past it but neither accepted
// nor rejected nor revised: they stay listed, overdue, until someone resolves them.
registerControlPointSource({
  kinds: [ControlPointKind.PROPOSAL_VALIDITY_ENDING],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Proposal).query('p').andWhere('p."status" = :sent', { sent: ProposalStatus.SENT });
    if (q.dueBefore) qb.andWhere('p."validUntil" <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.clientId) qb.andWhere('p."clientId" = :clientId', { clientId: q.clientId });
    const rows = await qb.getMany();
    return toItems(ctx, q, rows, (p, c) => ({
      kind: ControlPointKind.PROPOSAL_VALIDITY_ENDING,
      dueOn: p.validUntil,
      title: t(ctx.locale, p.validUntil < q.today ? 'controlPoints.PROPOSAL_EXPIRED' : 'controlPoints.PROPOSAL_VALIDITY_ENDING', {
        proposal: p.title,
        client: c.name,
        date: p.validUntil,
      }),
    }));
  },
});

// "Date of corrections to the proposal": set by reviseProposal, cleared when the corrected offer is sent.
registerControlPointSource({
  kinds: [ControlPointKind.PROPOSAL_CORRECTION],
  async fetch(ctx, q) {
    const qb = scoped(ctx, Proposal)
      .query('p')
      .andWhere('p."correctionDueOn" IS NOT NULL AND p."status" <> :accepted', { accepted: ProposalStatus.ACCEPTED });
    if (q.dueBefore) qb.andWhere('p."correctionDueOn" <= :dueBefore', { dueBefore: q.dueBefore });
    if (q.clientId) qb.andWhere('p."clientId" = :clientId', { clientId: q.clientId });
    const rows = await qb.getMany();
    return toItems(ctx, q, rows, (p, c) => ({
      kind: ControlPointKind.PROPOSAL_CORRECTION,
      dueOn: p.correctionDueOn!,
      title: t(ctx.locale, 'controlPoints.PROPOSAL_CORRECTION', { proposal: p.title, revision: p.revision, client: c.name }),
    }));
  },
});
