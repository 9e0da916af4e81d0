import type { EntityTarget } from 'typeorm';
import type { RequestContext } from '../context';
import { IllegalTransitionError } from '../schema/common/error-results';
import { scoped, type TenantRow } from './scope';

/**
 * Status flows are data: for each state, the states it may move to. Services look a change up
 * here and never branch on states by hand; an illegal change becomes an IllegalTransition result.
 */
export type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canTransition<S extends string>(map: TransitionMap<S>, from: S, to: S): boolean {
  return map[from]?.includes(to) ?? false;
}

export function illegalTransition(entity: string, from: string, to: string): IllegalTransitionError {
  return new IllegalTransitionError(entity, from, to);
}

/** null when allowed, else the error result to return. */
export function checkTransition<S extends string>(entity: string, map: TransitionMap<S>, from: S, to: S): IllegalTransitionError | null {
  return canTransition(map, from, to) ? null : illegalTransition(entity, from, to);
}

export interface TransitionOptions<T, S> {
  /** the status the map is looked up with (default: the row's `status` column) */
  statusOf?: (row: T) => S;
  /** the input field a missing row is reported at (default `input.id`) */
  field?: string;
}

/**
 * The start of every status change: locks the row (NOT_FOUND when it is not visible), looks the
 * change up in the map and either returns the IllegalTransition result (nothing written) or
 * what `apply` makes of the locked row. The entity's class name names it in the result.
 */
export async function transitionRow<T extends TenantRow, S extends string, R>(
  tx: RequestContext,
  entity: EntityTarget<T> & Function,
  id: string,
  map: TransitionMap<S>,
  to: S,
  apply: (row: T, from: S) => Promise<R>,
  opts: TransitionOptions<T, S> = {},
): Promise<R | IllegalTransitionError> {
  const row = await scoped(tx, entity).getById(id, opts.field ?? 'input.id', { lock: true });
  const from = opts.statusOf ? opts.statusOf(row) : (row as unknown as { status: S }).status;
  return checkTransition(entity.name, map, from, to) ?? apply(row, from);
}
