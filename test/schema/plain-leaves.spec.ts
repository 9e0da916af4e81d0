/**
 * Which fields are read straight off their object (no resolver: graphql-jit compiles the read
 * into the operation) and which keep a resolver because something runs there: a field resolver,
 * the portal guard of a field the portal may not read, the carried actor of an object below.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { UserRole } from '../../src/entities/enums';
import { buildAppSchema } from '../../src/schema';
import { portalVisibilityOf } from '../../src/schema/common/visibility';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildAppSchema();
});

const field = (type: string, name: string): GraphQLField<unknown, unknown> => (schema.getType(type) as GraphQLObjectType).getFields()[name];

it('reads the points of a chart and the leaves of an invoice list straight off their objects', () => {
  for (const name of ['start', 'end', 'plan', 'actual', 'cumulativePlan', 'cumulativeActual']) expect(field('KpiSeriesPoint', name).resolve).toBeUndefined();
  for (const [type, name] of [['Invoice', 'number'], ['Invoice', 'total'], ['InvoiceLine', 'net'], ['Client', 'name'], ['Contact', 'email'], ['CampaignKpi', 'metric']]) {
    expect(field(type, name).resolve).toBeUndefined();
  }
});

it('keeps the resolver of a computed field, of an object, of a root field and of a field the portal may not read', () => {
  expect(field('Invoice', 'balanceDue').resolve).toBeInstanceOf(Function); // @FieldResolver
  expect(field('Invoice', 'client').resolve).toBeInstanceOf(Function); // an object: the carried actor passes through it
  expect(field('CampaignKpi', 'series').resolve).toBeInstanceOf(Function);
  expect(field('Query', 'me').resolve).toBeInstanceOf(Function);
  const notes = field('Client', 'notes'); // @PortalHidden: its guard reads the actor
  expect(portalVisibilityOf(notes)).toBe('hidden');
  expect(notes.resolve).toBeInstanceOf(Function);
  const portal = { actor: { role: UserRole.CLIENT } };
  expect(() => notes.resolve!({ notes: 'internal' }, {}, portal, {} as never)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  expect(notes.resolve!({ notes: 'internal' }, {}, { actor: { role: UserRole.MANAGER } }, {} as never)).toBe('internal');
});

it('leaves a resolver off only scalars and enums the portal may read', () => {
  const bare: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const f of Object.values(type.getFields())) {
      if (f.resolve) continue;
      bare.push(`${type.name}.${f.name}`);
      expect({ field: `${type.name}.${f.name}`, leaf: isLeafType(getNamedType(f.type)), visibility: portalVisibilityOf(f) }).toEqual({
        field: `${type.name}.${f.name}`,
        leaf: true,
        visibility: 'visible',
      });
    }
  }
  expect(bare.length).toBeGreaterThan(300);
});
