import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../schema/common/connection';

/**
 * The cost model (README "Limits"), after GitHub's node limit and Shopify's query cost: what one
 * request may make the server load, known from the document and its variables before anything
 * runs.
 * - a scalar or enum field costs nothing: it comes with its object;
 * - an object field costs 1 plus its children;
 * - a connection (`…Connection`) costs 1 plus its page size times its children: the page size is
 *   `first` (or `last`/`limit`) as the server will read it, the schema's default when the client
 *   gives none, the connection's hard maximum when even that is unknown; its `edges` are counted
 *   once, since the page size already multiplied them;
 * - any other list of objects (an invoice's lines, a client's contacts: bounded by the data, not
 *   by an argument) counts as UNPAGED_LIST_ESTIMATE items.
 * A field may declare its own cost with type-graphql's `complexity` option (read first).
 */
export const UNPAGED_LIST_ESTIMATE = 10;

/** Fields after which the count stops, for a document whose fragments multiply it (a fragment bomb). */
export const MAX_COUNTED_NODES = 20_000;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The page a list argument asks for: `first` (or `last`/`limit`), else the connection's maximum. */
export function pageSize(args: Record<string, unknown>): number {
  for (const name of ['first', 'last', 'limit']) {
    const v = args[name];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  }
  return MAX_PAGE_SIZE;
}

const pagedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  // introspection (off in production) reads the schema in memory, not the database
  if (field.name.startsWith('__')) return 1;
  if (named.name.endsWith('Connection')) return 1 + pageSize(args) * childComplexity;
  // a connection's edges: already multiplied by the connection's page size
  if (type.name.endsWith('Connection') && field.name === 'edges') return childComplexity;
  if (isList(field.type)) return 1 + UNPAGED_LIST_ESTIMATE * childComplexity;
  return 1 + childComplexity;
};

/**
 * For a connection that runs a statement per source whatever its page (controlPoints: one per
 * registered source): `statements` × STATEMENT_COST on top of the usual page size × children, so
 * aliases of it cost what they make the database do.
 */
export const STATEMENT_COST = 50;
export function connectionOverStatements(statements: () => number): ComplexityEstimator {
  return ({ args, childComplexity }) => statements() * STATEMENT_COST + 1 + pageSize(args) * childComplexity;
}

const ESTIMATORS: ComplexityEstimator[] = [fieldExtensionsEstimator(), pagedEstimator];

/**
 * The operation's cost; throws graphql-query-complexity's GraphQLError when the document expands
 * beyond MAX_COUNTED_NODES fields, and any error of argument coercion (bad variables).
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: ESTIMATORS, maxQueryNodes: MAX_COUNTED_NODES });
}

/** Costs already counted, per parsed document (Apollo keeps one parsed document per query text). */
const counted = new WeakMap<DocumentNode, Map<string, number>>();
/** Variables longer than this as JSON (a bulk input) are not worth a key: the cost is counted again. */
const MAX_KEYED_VARIABLES = 2_048;
/** Distinct operation-and-variables keys kept per document; the oldest goes first. */
const KEYS_PER_DOCUMENT = 32;

/**
 * queryCost, remembered per document, operation and variables: the cost depends on nothing else
 * (the schema is built once), and a client sends the same operation again and again, often with
 * the same variables. Counting walks the whole document with the schema's types; a remembered
 * cost is a map lookup. What fails to count (bad variables, a fragment bomb) is not remembered.
 */
export function rememberedQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  const json = JSON.stringify(variables ?? {});
  if (json.length > MAX_KEYED_VARIABLES) return queryCost(schema, document, variables, operationName);
  const key = `${operationName ?? ''}\u0000${json}`;
  let costs = counted.get(document);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  const cost = queryCost(schema, document, variables, operationName);
  if (!costs) counted.set(document, (costs = new Map()));
  costs.set(key, cost);
  if (costs.size > KEYS_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
  return cost;
}
