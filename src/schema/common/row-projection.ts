import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import type { RequestContext } from '../../context';

/**
 * Reading only the columns an operation shows.
 *
 * A list page and the loaders behind it read whole rows: the nested invoice list (20 invoices,
 * their clients, the clients' contacts, the lines) reads some 2 700 values to answer 540. Parsing
 * them, copying them into rows and collecting them afterwards was about 30 % of the server's
 * instructions a request (measured with callgrind on the throughput bench's query).
 *
 * For a query operation, this module works out once per document which columns of which entity
 * its answer can reach, and the reads that feed the answer as they are (a list's page, the
 * loaders by id and by parent) select only those. It is sound only where nothing else reads the
 * rows, so it is all or nothing per operation: it applies when every field the operation
 * selects is one of
 * - a plain column of a row type (an object type declared with `@RowsOf(Entity)`): a field with
 *   no field resolver whose name is a column property of the entity: the column itself;
 * - a field declared with `@RowsAsRead(...columns)`: a root query or a field resolver whose
 *   answer is the rows of its type as the list or loader read them (nothing computed from other
 *   rows), and which reads only the given columns of its parent;
 * - the structure of a connection (`edges`, `node`, `cursor`, `pageInfo`, `totalCount`) and
 *   `__typename`.
 * Any other field (a computed one, a field of a type that is not a row type) and any mutation
 * leaves the whole operation on whole rows. Rows read inside a write transaction are always whole.
 *
 * In tests (NODE_ENV=test) a narrowed row refuses to be read for a column it was not given
 * (src/db/lean-rows.ts): a field resolver declared with too few columns fails every test that
 * selects it, instead of answering from a missing value.
 */

/** Entities of row types, by the object type class. */
const rowEntities = new Map<Function, Function>();
/** Columns of the parent each declared field reads, by resolver class and method. */
const declared = new Map<Function, Map<string, readonly string[]>>();

/** Declares an object type as the rows of an entity, read as they are stored (see the module). */
export function RowsOf(entity: Function): ClassDecorator {
  return (target) => {
    rowEntities.set(target, entity);
  };
}

/**
 * Declares a root query or a field resolver whose answer is rows of its own type as a list or
 * loader reads them, and the columns of its parent it reads (none for a root query).
 */
export function RowsAsRead(...parentColumns: string[]): MethodDecorator {
  return (target, propertyKey) => {
    const owner = (target as { constructor: Function }).constructor;
    let methods = declared.get(owner);
    if (!methods) declared.set(owner, (methods = new Map()));
    methods.set(String(propertyKey), parentColumns);
  };
}

/** What an operation may read of each entity: column property names. Null: whole rows. */
export type Projection = ReadonlyMap<Function, readonly string[]>;

interface RowType {
  entity: Function;
  /** column property names of the entity */
  columns: ReadonlySet<string>;
  /** fields with a resolver of their own: declared ones with the columns they read, others null */
  resolved: ReadonlyMap<string, readonly string[] | null>;
}

interface Model {
  rowTypes: ReadonlyMap<string, RowType>;
  /** root query fields declared with @RowsAsRead */
  roots: ReadonlySet<string>;
}

let model: Model | null = null;

function entityColumns(entity: Function): Set<string> {
  const out = new Set<string>();
  for (const c of getMetadataArgsStorage().columns) {
    const t = c.target;
    if (typeof t === 'function' && (t === entity || entity.prototype instanceof t)) out.add(c.propertyName);
  }
  return out;
}

function buildModel(): Model {
  const storage = getMetadataStorage();
  const declaredOf = (target: Function, method: string) => declared.get(target)?.get(method);
  const rowTypes = new Map<string, RowType>();
  for (const meta of storage.objectTypes) {
    const entity = rowEntities.get(meta.target);
    if (!entity) continue;
    const resolved = new Map<string, readonly string[] | null>();
    for (const r of storage.fieldResolvers) {
      if (r.getObjectType?.() !== meta.target) continue;
      resolved.set(r.schemaName, declaredOf(r.target, r.methodName) ?? null);
    }
    for (const f of meta.fields ?? []) {
      // a renamed property, a middleware: not a plain read of the column
      if (f.schemaName !== f.name || (f.middlewares?.length ?? 0) > 0) {
        if (!resolved.has(f.schemaName)) resolved.set(f.schemaName, null);
      }
    }
    rowTypes.set(meta.name, { entity, columns: entityColumns(entity), resolved });
  }
  const roots = new Set<string>();
  for (const q of storage.queries) if (declaredOf(q.target, q.methodName)) roots.add(q.schemaName);
  return { rowTypes, roots };
}

/** Connection plumbing: what a list's own objects carry besides its rows. */
const CONNECTION_FIELDS = new Set(['edges', 'pageInfo', 'totalCount']);
const EDGE_FIELDS = new Set(['node', 'cursor']);

class WholeRows extends Error {}

/**
 * The columns of each entity the operation can show, or null when it must read whole rows (see
 * the module). Always with `id` and `agencyId`; callers add what their own reading needs (sort
 * keys, parent keys).
 */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Projection | null {
  model ??= buildModel();
  const m = model;
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION && (!operationName ? !operation : d.name?.value === operationName)) operation = d;
  }
  if (!operation || operation.operation !== 'query') return null;
  const root = schema.getQueryType();
  if (!root) return null;
  const columns = new Map<Function, Set<string>>();
  const need = (entity: Function, names: readonly string[]) => {
    let set = columns.get(entity);
    if (!set) columns.set(entity, (set = new Set(['id', 'agencyId'])));
    for (const n of names) set.add(n);
  };

  const walk = (type: GraphQLObjectType, selection: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const s of selection.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        // only a condition on this very type: anything else means an abstract type here
        if (s.typeCondition && s.typeCondition.name.value !== type.name) throw new WholeRows();
        walk(type, s.selectionSet, seen);
        continue;
      }
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (!f || f.typeCondition.name.value !== type.name || seen.has(f.name.value)) throw new WholeRows();
        walk(type, f.selectionSet, new Set([...seen, f.name.value]));
        continue;
      }
      const name = s.name.value;
      if (name.startsWith('__')) continue;
      const field = type.getFields()[name];
      if (!field) throw new WholeRows();
      const named = getNamedType(field.type);
      const next = () => {
        if (!s.selectionSet) return;
        if (!isObjectType(named)) throw new WholeRows();
        walk(named, s.selectionSet, seen);
      };
      if (type === root) {
        if (!m.roots.has(name)) throw new WholeRows();
        next();
        continue;
      }
      const row = m.rowTypes.get(type.name);
      if (row) {
        const resolved = row.resolved.get(name);
        if (resolved === null) throw new WholeRows();
        if (resolved !== undefined) {
          need(row.entity, resolved);
          next();
        } else if (row.columns.has(name) && isLeafType(named)) {
          need(row.entity, [name]);
        } else {
          throw new WholeRows();
        }
        continue;
      }
      if (type.name.endsWith('Connection') && CONNECTION_FIELDS.has(name)) {
        if (name === 'edges') next();
        else if (name === 'pageInfo' && !isObjectType(named)) throw new WholeRows();
        continue;
      }
      if (type.name.endsWith('Edge') && EDGE_FIELDS.has(name)) {
        if (name === 'node') next();
        continue;
      }
      if (type.name === 'PageInfo' && isLeafType(named)) continue;
      throw new WholeRows();
    }
  };
  try {
    walk(root, operation.selectionSet, new Set());
  } catch (err) {
    if (err instanceof WholeRows) return null;
    throw err;
  }
  return new Map([...columns].map(([entity, set]) => [entity, [...set]]));
}

/** Projections already worked out, per parsed document and operation name. */
const remembered = new WeakMap<DocumentNode, Map<string, Projection | null>>();

function rememberedProjection(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Projection | null {
  let byName = remembered.get(document);
  if (!byName) remembered.set(document, (byName = new Map()));
  const key = operationName ?? '';
  if (byName.has(key)) return byName.get(key) ?? null;
  const projection = projectionOf(schema, document, operationName);
  byName.set(key, projection);
  return projection;
}

/** Notes on the request's usage holder what its operation may read (read by projectedColumns). */
export function rowProjectionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, contextValue }) {
          contextValue.usage.projection = rememberedProjection(schema, document, operationName);
        },
      };
    },
  };
}

/**
 * The columns to read of an entity for the request's answer, with the given ones the reading
 * itself needs (sort keys, parent keys); null for whole rows: outside a projected operation,
 * for an entity it does not show, and inside a write transaction.
 */
export function projectedColumns(ctx: RequestContext, entity: Function, extra: readonly string[] = []): string[] | null {
  const columns = ctx.usage.projection?.get(entity);
  if (!columns || ctx.manager.queryRunner?.isTransactionActive) return null;
  if (extra.length === 0) return [...columns];
  return [...new Set([...columns, ...extra])];
}
