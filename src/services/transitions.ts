/**
 * Status flows are data: for each state, the states it may move to. Services look a change up
 * here and never branch on states by hand; an illegal change becomes an IllegalTransition result.
 */
export type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface IllegalTransition {
  __typename: 'IllegalTransitionError';
  code: 'ILLEGAL_TRANSITION';
  message: string;
  entity: string;
  from: string;
  to: string;
}

export function canTransition<S extends string>(map: TransitionMap<S>, from: S, to: S): boolean {
  return map[from]?.includes(to) ?? false;
}

export function illegalTransition(entity: string, from: string, to: string): IllegalTransition {
  return {
    __typename: 'IllegalTransitionError',
    code: 'ILLEGAL_TRANSITION',
    message: `${entity} cannot go from ${from} to ${to}`,
    entity,
    from,
    to,
  };
}

/** null when allowed, else the error result to return. */
export function checkTransition<S extends string>(entity: string, map: TransitionMap<S>, from: S, to: S): IllegalTransition | null {
  return canTransition(map, from, to) ? null : illegalTransition(entity, from, to);
}
