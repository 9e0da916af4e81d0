import { ClassType, createUnionType } from 'type-graphql';
import { ErrorResult } from './error-result';

/**
 * The result union of a mutation: its success type or one of the error results it may return.
 * Every union is built here, the same way: an ErrorResult instance resolves to its own class,
 * anything else to the success type.
 */
export function resultUnion<S extends ClassType, E extends ClassType<ErrorResult>[]>(
  name: string,
  description: string,
  success: S,
  errors: [...E],
) {
  return createUnionType({
    name,
    description,
    types: () => [success, ...errors] as const,
    resolveType: (value) => (value instanceof ErrorResult ? (value.constructor as ClassType) : success),
  });
}
