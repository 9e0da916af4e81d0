import { Client, Deal, DealDeviation } from '../../../entities';
import { ControlPointKind, DealDeviationKind } from '../../../entities/enums';
import type { AuthedContext } from '../../../context';
import { t } from '../../../i18n';
import { scoped } from '../../scope';
import { ControlPointItem, ControlPointQuery, registerControlPointSource } from '../registry';

/**
 * Unresolved dated deviations of deals. The responsible user is the deal's manager, or the
 * client's owner when the deal has none.
 */
async function unresolvedDeviations(
  ctx: AuthedContext,
  q: ControlPointQuery,
  kinds: { only?: DealDeviationKind; except?: DealDeviationKind },
  cpKind: ControlPointKind,
): Promise<ControlPointItem[]> {
  const qb = scoped(ctx, DealDeviation)
    .query('dv')
    // same deal / client as the scoped deviation row, hence the same agency
    .innerJoin(Deal, 'd', 'd.id = dv."dealId"')
    .leftJoin(Client, 'c', 'c.id = d."clientId"')
    .andWhere('dv."resolvedAt" IS NULL AND dv."dueOn" IS NOT NULL');
  if (kinds.only) qb.andWhere('dv.kind = :onlyKind', { onlyKind: kinds.only });
  if (kinds.except) qb.andWhere('dv.kind <> :exceptKind', { exceptKind: kinds.except });
  if (q.dueBefore) qb.andWhere('dv."dueOn" <= :dueBefore', { dueBefore: q.dueBefore });
  if (q.clientId) qb.andWhere('dv."clientId" = :clientId', { clientId: q.clientId });
  if (q.managerId) qb.andWhere('COALESCE(d."managerId", c."ownerId") = :managerId', { managerId: q.managerId });
  const rows: Array<{ id: string; kind: DealDeviationKind; dueOn: string; clientId: string; title: string; managerId: string | null }> =
    await qb
      .select('dv.id', 'id')
      .addSelect('dv.kind', 'kind')
      .addSelect(`to_char(dv."dueOn", 'YYYY-MM-DD')`, 'dueOn')
      .addSelect('dv."clientId"', 'clientId')
      .addSelect('d.title', 'title')
      .addSelect('COALESCE(d."managerId", c."ownerId")', 'managerId')
      .getRawMany();
  return rows.map((r) => ({
    kind: cpKind,
    dueOn: r.dueOn,
    clientId: r.clientId,
    objectType: 'DealDeviation',
    objectId: r.id,
    title: t(ctx.locale, 'controlPoints.DEAL_DEVIATION', { kind: r.kind, deal: r.title }),
    managerId: r.managerId,
  }));
}

// "The date of the retry to arrange a presentation after a refusal."
registerControlPointSource({
  kinds: [ControlPointKind.PRESENTATION_RETRY],
  fetch: (ctx, q) =>
    unresolvedDeviations(ctx, q, { only: DealDeviationKind.PRESENTATION_REFUSED }, ControlPointKind.PRESENTATION_RETRY),
});

// Every other dated deviation: correction dates of a proposal, approvals, payment parts, …
registerControlPointSource({
  kinds: [ControlPointKind.DEAL_DEVIATION_DUE],
  fetch: (ctx, q) =>
    unresolvedDeviations(ctx, q, { except: DealDeviationKind.PRESENTATION_REFUSED }, ControlPointKind.DEAL_DEVIATION_DUE),
});
