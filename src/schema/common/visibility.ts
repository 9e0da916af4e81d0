import { msg } from '../../i18n';
import {
  defaultFieldResolver,
  getNullableType,
  GraphQLSchema,
  isObjectType,
  validateSchema,
  type GraphQLField,
  type GraphQLFieldResolver,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { RequestContext } from '../../context';
import { UserRole } from '../../entities/enums';
import { AppError } from '../../errors';

/**
 * Field visibility for client-portal (CLIENT) users, declared next to each field, as
 * `@PortalScope` declares row visibility on entities. Deny by default: a field of an object type
 * that is not declared `@PortalVisible()` answers a portal user `null` with one FORBIDDEN error
 * naming it (`extensions.field: "Client.notes"`), and the rest of the response stays intact.
 *
 * - `@PortalVisible()`: the portal sees it. On a root Query/Mutation field: the portal may call it.
 * - `@PortalHidden()`: agency-only, on a type the portal reaches. Such a field is printed nullable
 *   (a non-null one would blank its parent for a portal user) and its description says so. On a
 *   root field: the portal may call it but the row scope gives it nothing (null / empty).
 * - neither: agency-only on a type the portal never reaches; test/schema/portal-visibility.spec.ts
 *   walks every type a portal user can reach and fails on any field left undeclared there.
 */
export const PORTAL_EXTENSION = 'portal';
export type PortalVisibility = 'visible' | 'hidden';

/** The portal (CLIENT) user may see this field / call this operation. */
export function PortalVisible(): MethodDecorator & PropertyDecorator {
  return Extensions({ [PORTAL_EXTENSION]: 'visible' satisfies PortalVisibility }) as MethodDecorator & PropertyDecorator;
}

/** Agency-only, on a type the portal reaches: null (with a FORBIDDEN error) for portal users. */
export function PortalHidden(): MethodDecorator & PropertyDecorator {
  return Extensions({ [PORTAL_EXTENSION]: 'hidden' satisfies PortalVisibility }) as MethodDecorator & PropertyDecorator;
}

export function portalVisibilityOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): PortalVisibility | undefined {
  const v = field.extensions?.[PORTAL_EXTENSION];
  return v === 'visible' || v === 'hidden' ? v : undefined;
}

const HIDDEN_NOTE = 'Agency users only: null for client-portal users.';

function isRoot(schema: GraphQLSchema, typeName: string): boolean {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].some((t) => t?.name === typeName);
}

function guard(typeName: string, field: GraphQLField<unknown, RequestContext>): void {
  const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
  const name = `${typeName}.${field.name}`;
  field.resolve = (source, args, ctx, info) => {
    if (ctx?.actor?.role === UserRole.CLIENT) {
      throw new AppError('FORBIDDEN', msg('errors.portalField', { field: name }), { field: name });
    }
    return resolve(source, args, ctx, info);
  };
}

/**
 * The one enforcement point, applied once to the built schema: wraps every field a portal user may
 * not see with a check (visible fields keep their resolver untouched, so staff pay nothing for
 * them), and makes `@PortalHidden()` fields nullable so that refusing one never nulls its parent.
 */
export function applyPortalVisibility(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = isRoot(schema, type.name);
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, RequestContext>[]) {
      const visibility = portalVisibilityOf(field);
      if (visibility === 'visible') continue;
      // root fields: the role check (@Authorized) and the row scope decide; only undeclared ones are refused here
      if (root && visibility === 'hidden') continue;
      guard(type.name, field);
      if (!root && visibility === 'hidden') {
        field.type = getNullableType(field.type);
        field.description = field.description ? `${field.description} ${HIDDEN_NOTE}` : HIDDEN_NOTE;
      }
    }
  }
  // a fresh schema over the same types, so that validation runs again (it is cached per schema)
  const out = new GraphQLSchema(schema.toConfig());
  const errors = validateSchema(out);
  if (errors.length) throw new Error(`portal visibility made the schema invalid: ${errors.map((e) => e.message).join('; ')}`);
  return out;
}
