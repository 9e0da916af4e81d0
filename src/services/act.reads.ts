import type { AuthedContext } from '../context';
import { Act, ActLine } from '../entities';
import type { ActsArgs } from '../schema/act/act.args';
import type { ConnectionResult } from '../schema/common/connection';
import { paginate } from './pagination';
import { scoped } from './scope';

/** Acts as read: lookups, the list and the fields resolvers show. */

/** null when missing, another agency's, or (for a portal user) a draft or another client's act. */
export function getAct(ctx: AuthedContext, id: string): Promise<Act | null> {
  return scoped(ctx, Act).findById(id);
}

/** Acts visible to the actor, newest first. */
export function listActs(ctx: AuthedContext, args: ActsArgs): Promise<ConnectionResult<Act>> {
  const qb = scoped(ctx, Act).query('a');
  const f = args.filter;
  if (f?.clientId) qb.andWhere('a."clientId" = :clientId', { clientId: f.clientId });
  if (f?.contractId) qb.andWhere('a."contractId" = :contractId', { contractId: f.contractId });
  if (f?.statuses?.length) qb.andWhere('a."status" IN (:...statuses)', { statuses: f.statuses });
  return paginate(qb, args, { column: 'a."createdAt"', value: (a) => a.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/** The lines of an act, batched across acts. */
export function actLines(ctx: AuthedContext, act: Act): Promise<ActLine[]> {
  return ctx.loaders.actLines.load(act.id);
}
