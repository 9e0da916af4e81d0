import { IllegalTransitionError } from '../schema/common/error-results';

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
