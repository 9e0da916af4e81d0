import type { AuthedContext, RequestContext } from '../context';
import { AgencyRequisites } from '../entities';

/** The agency's requisites row, or the defaults when it has never been saved. */
export async function getRequisites(ctx: RequestContext): Promise<AgencyRequisites> {
  const agencyId = ctx.actor!.agencyId;
  const repo = ctx.manager.getRepository(AgencyRequisites);
  return (await repo.findOneBy({ agencyId })) ?? repo.create({ agencyId });
}

/** Same, for writers: inside a transaction, locked. */
export async function getRequisitesForUpdate(tx: AuthedContext): Promise<AgencyRequisites> {
  const repo = tx.manager.getRepository(AgencyRequisites);
  const agencyId = tx.actor.agencyId;
  await tx.manager.query(`INSERT INTO agency_requisites ("agencyId") VALUES ($1) ON CONFLICT DO NOTHING`, [agencyId]);
  return repo.findOneOrFail({ where: { agencyId }, lock: { mode: 'pessimistic_write' } });
}
