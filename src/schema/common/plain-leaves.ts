import { getNamedType, isLeafType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { portalVisibilityOf } from './visibility';

/**
 * Leaf fields that are a plain property of their object lose their resolver.
 *
 * type-graphql gives every field it builds a resolver, even one that only reads the property of
 * the same name (to run field middlewares and role checks when there are some). A field with a
 * resolver is a function call in the execution, with its resolve info and the checks of its
 * result; a field without one is read straight off the object, and graphql-jit (src/execution.ts)
 * compiles that read into the operation. A chart of 8 series × 90 points is 3 600 such leaves,
 * a list of 20 invoices with their lines, client and contacts some 200.
 *
 * A field keeps its resolver unless all of these hold:
 * - its type is a scalar or an enum (or a list of them): nothing under it is resolved with the
 *   request's context, so the carried actor of `login` and the like has nothing to pass on;
 * - type-graphql built it as a plain property read: no `@FieldResolver`, no field middleware,
 *   no `@Authorized`, and the GraphQL name is the property's name;
 * - a portal user may read it (`@PortalVisible()`): the guard of every other field reads the
 *   actor, so it stays (src/schema/common/visibility.ts).
 *
 * Runs on the schema as built, before the portal guards and the carried actor's wrapping; both
 * leave a field without a resolver as it is (see resolveAsCarriedActor).
 */
export function inlinePlainLeaves(schema: GraphQLSchema): { inlined: number } {
  const storage = getMetadataStorage();
  const advanced = new Set(storage.fieldResolvers.map((r) => `${r.getObjectType?.()?.name ?? ''}.${r.methodName}`));
  let inlined = 0;
  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const f of meta.fields ?? []) {
      if (f.schemaName !== f.name || f.roles !== undefined || (f.middlewares?.length ?? 0) > 0) continue;
      if (advanced.has(`${f.target.name}.${f.name}`) || advanced.has(`${meta.target.name}.${f.name}`)) continue;
      const field: GraphQLField<unknown, unknown> | undefined = fields[f.schemaName];
      if (!field || !isLeafType(getNamedType(field.type)) || portalVisibilityOf(field) !== 'visible') continue;
      if (field.resolve === undefined) continue;
      field.resolve = undefined;
      inlined++;
    }
  }
  return { inlined };
}
