/**
 * Walks every type a client-portal (CLIENT) user can reach, from the Query and Mutation fields it
 * may call, through the built schema, and fails on any field not declared `@PortalVisible()` or
 * `@PortalHidden()`. Deny by default at run time too (src/schema/common/visibility.ts); this test
 * makes the decision explicit for everything the portal can ask for.
 */
import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { UserRole } from '../../src/entities/enums';
import { buildAppSchema } from '../../src/schema';
import { portalVisibilityOf } from '../../src/schema/common/visibility';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildAppSchema();
});

/** Root fields whose @Authorized lets a CLIENT actor in (none, any logged-in user, or CLIENT listed). */
function rootsCallableByPortal(kind: 'Query' | 'Mutation'): string[] {
  const storage = getMetadataStorage() as unknown as Record<string, Array<{ schemaName: string; roles?: string[] }>>;
  const defs = kind === 'Query' ? storage.queries : storage.mutations;
  return defs.filter((d) => !d.roles || d.roles.length === 0 || d.roles.includes(UserRole.CLIENT)).map((d) => d.schemaName);
}

interface Walk {
  reached: Map<string, string>; // type name → how it was first reached
  undeclared: string[];
  hiddenNonNull: string[];
}

function walk(): Walk {
  const out: Walk = { reached: new Map(), undeclared: [], hiddenNonNull: [] };
  const queue: Array<{ type: GraphQLNamedType; via: string }> = [];
  const visit = (type: GraphQLNamedType, via: string) => {
    if (out.reached.has(type.name)) return;
    out.reached.set(type.name, via);
    queue.push({ type, via });
  };

  for (const kind of ['Query', 'Mutation'] as const) {
    const root = kind === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const name of rootsCallableByPortal(kind)) {
      const field = root.getFields()[name];
      const visibility = portalVisibilityOf(field);
      if (!visibility) out.undeclared.push(`${kind}.${name}`);
      if (visibility === 'visible') visit(getNamedType(field.type), `${kind}.${name}`);
    }
  }

  while (queue.length) {
    const { type, via } = queue.shift()!;
    if (isUnionType(type)) {
      for (const member of type.getTypes()) visit(member, `${via} | ${member.name}`);
      continue;
    }
    if (isInterfaceType(type)) {
      for (const impl of schema.getPossibleTypes(type)) visit(impl, `${via} (${impl.name})`);
      continue;
    }
    if (!isObjectType(type)) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields()) as GraphQLField<unknown, unknown>[]) {
      const visibility = portalVisibilityOf(field);
      const name = `${type.name}.${field.name}`;
      if (!visibility) out.undeclared.push(`${name} (reached via ${via})`);
      if (visibility === 'hidden' && isNonNullType(field.type)) out.hiddenNonNull.push(name);
      if (visibility === 'visible') visit(getNamedType(field.type), `${via} → ${name}`);
    }
  }
  return out;
}

describe('portal field visibility', () => {
  it('declares every field of every type a portal user can reach as visible or hidden', () => {
    expect(walk().undeclared).toEqual([]);
  });

  it('prints every hidden field nullable, so that refusing it never nulls its parent', () => {
    expect(walk().hiddenNonNull).toEqual([]);
  });

  it('reaches what the portal needs, and not the agency-only aggregates', () => {
    const reached = walk().reached;
    for (const name of ['User', 'Client', 'Contact', 'Agency', 'AgencyRequisites', 'AccountManager', 'Proposal', 'ProposalLine', 'Invoice', 'Contract', 'Act']) {
      expect([name, reached.has(name)]).toEqual([name, true]);
    }
    for (const name of ['Deal', 'Brief', 'Meeting', 'Interaction', 'ControlPoint', 'ClientStageChange', 'Funnel']) {
      expect([name, reached.get(name) ?? 'unreachable']).toEqual([name, 'unreachable']);
    }
  });

  it('lets the portal call no root field that is neither declared visible nor hidden', () => {
    const undeclaredRoots = walk().undeclared.filter((f) => f.startsWith('Query.') || f.startsWith('Mutation.'));
    expect(undeclaredRoots).toEqual([]);
  });
});
