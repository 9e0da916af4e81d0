import { isUnionType, type GraphQLSchema } from 'graphql';
import { ClassType, createUnionType, getMetadataStorage } from 'type-graphql';
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
  successOf.set(name, success);
  return createUnionType({
    name,
    description,
    types: () => [success, ...errors] as const,
    resolveType: (value) => (value instanceof ErrorResult ? (value.constructor as ClassType) : success),
  });
}

/** The success class of every result union, by the union's name. */
const successOf = new Map<string, ClassType>();

/**
 * type-graphql wraps a union's resolveType in an async function; graphql-jit (src/execution.ts)
 * needs the type at once, and graphql-js is spared a promise per result. The rule is the one
 * above, answered synchronously with the GraphQL name of the value's class.
 */
export function resolveResultUnionsSynchronously(schema: GraphQLSchema): GraphQLSchema {
  const nameOf = new Map<unknown, string>(getMetadataStorage().objectTypes.map((o) => [o.target, o.name]));
  for (const [name, success] of successOf) {
    const type = schema.getType(name);
    if (!isUnionType(type)) continue;
    const successName = nameOf.get(success);
    if (!successName) throw new Error(`result union ${name}: its success type is not a GraphQL object type`);
    type.resolveType = (value) => (value instanceof ErrorResult ? nameOf.get(value.constructor) : successName);
  }
  return schema;
}
