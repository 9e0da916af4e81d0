import { defaultFieldResolver, getNamedType, GraphQLFieldResolver, GraphQLSchema, isLeafType, isObjectType } from 'graphql';
import type { AuthedContext, RequestContext } from '../context';

/**
 * A result that speaks for an actor other than the request's: the payload of `login`,
 * `registerAgency`, `confirmSignUp` or `resetPassword` is resolved as the user who has just authenticated, while
 * the request itself stays anonymous. The service puts the derived context on the result under
 * this key; the schema (see `resolveAsCarriedActor`) resolves the result's subtree with it.
 */
export const ACTOR_CONTEXT: unique symbol = Symbol('actorContext');

export interface CarriesActorContext {
  [ACTOR_CONTEXT]: AuthedContext;
}

/**
 * Per request context: which objects of the response belong to a carried actor's subtree.
 * Keyed by the request's context, so an object shared between requests never lends one
 * request's actor to another.
 */
const subtrees = new WeakMap<object, WeakMap<object, RequestContext>>();

function adopt(value: unknown, owner: RequestContext, request: object): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as PromiseLike<unknown>).then === 'function') {
    return (value as PromiseLike<unknown>).then((v) => adopt(v, owner, request));
  }
  if (Array.isArray(value)) {
    // an item that is a promise is adopted when it settles; its rejection is GraphQL's to report
    // through the list itself, so the derived promise must not become an unhandled rejection
    for (const item of value) Promise.resolve(adopt(item, owner, request)).catch(() => undefined);
    return value;
  }
  let map = subtrees.get(request);
  if (!map) subtrees.set(request, (map = new WeakMap()));
  map.set(value, owner);
  return value;
}

function carried(value: unknown): AuthedContext | undefined {
  return value !== null && typeof value === 'object' ? (value as Partial<CarriesActorContext>)[ACTOR_CONTEXT] : undefined;
}

const WRAPPED = Symbol('resolveAsCarriedActor');

/**
 * Wraps every field so that a subtree under a root field's result that carries an actor context
 * (ACTOR_CONTEXT) is resolved with that context: its field resolvers, loaders and `@Authorized`
 * checks see the new actor. Everything else is resolved with the request's context unchanged;
 * the cost for them is one WeakMap lookup per field. Leaves without a resolver are left alone.
 */
export function resolveAsCarriedActor(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      // a scalar or enum read straight off its object (src/schema/common/plain-leaves.ts) uses no
      // context and has nothing under it: whoever's actor it is resolved with, it is the same
      if (!isRoot && !field.resolve && isLeafType(getNamedType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> & { [WRAPPED]?: true } = field.resolve ?? defaultFieldResolver;
      if (resolve[WRAPPED]) continue;
      const wrapped: GraphQLFieldResolver<unknown, RequestContext> & { [WRAPPED]?: true } = isRoot
        ? (root, args, ctx, info) => {
            const result = resolve(root, args, ctx, info);
            const start = (value: unknown) => {
              const own = carried(value);
              return own ? adopt(value, own, ctx) : value;
            };
            return result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function'
              ? (result as PromiseLike<unknown>).then(start)
              : start(result);
          }
        : (root, args, ctx, info) => {
            const own = root !== null && typeof root === 'object' ? subtrees.get(ctx)?.get(root) : undefined;
            if (!own) return resolve(root, args, ctx, info);
            return adopt(resolve(root, args, own, info), own, ctx);
          };
      wrapped[WRAPPED] = true;
      field.resolve = wrapped;
    }
  }
  return schema;
}
