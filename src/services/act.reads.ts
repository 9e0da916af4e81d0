import type { AuthedContext } from '../context';
import { Act, ActLine } from '../entities';
import type { ActsArgs } from '../schema/act/act.args';
import type { ConnectionResult } from '../schema/common/connection';
import { latestFirst, matching, paginate } from './pagination';
import { scoped } from './scope';

/** Acts as read: lookups, the list and the fields resolvers show. */

/** null when missing, another agency's, or (for a portal user) a draft or another client's act. */
export function getAct(ctx: AuthedContext, id: string): Promise<Act | null> {
  return scoped(ctx, Act).findById(id);
}

/** Acts visible to the actor, newest first. */
export function listActs(ctx: AuthedContext, args: ActsArgs): Promise<ConnectionResult<Act>> {
  const f = args.filter;
  const qb = matching(scoped(ctx, Act).query('a'), 'a', { clientId: f?.clientId, contractId: f?.contractId, status: f?.statuses });
  return paginate(qb, args, latestFirst('a', 'createdAt'));
}

/** The lines of an act, batched across acts. */
export function actLines(ctx: AuthedContext, act: Act): Promise<ActLine[]> {
  return ctx.loaders.actLines.load(act.id);
}
