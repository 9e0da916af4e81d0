import {
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Letting go of an answer's object tree once it is serialized.
 *
 * A chart read builds thousands of result objects (8 KPIs × 90 points) that live a few
 * milliseconds: until the answer is turned into JSON. V8 collects such short-lived objects
 * cheaply in its young generation, but only if no object of the old generation still points at
 * them when a young collection runs: the young collector takes every pointer from an old object
 * as live without asking whether that old object is itself dead. A request's tree always has some
 * old member (V8 allocates objects of a site straight in the old generation once it has seen them
 * survive, and one long-lived or pretenured parent is enough), so whole trees outlived their
 * request: each young collection moved them on, the old generation filled with ~20 MB of dead
 * answers a second at 200 chart reads a second, and a full collection, which stalls requests
 * for tens of milliseconds on two cores, came every 3–4 s.
 *
 * Once the answer is JSON the tree is cut: every result object's fields set to null and every
 * result list emptied, so no dead object points at a live one. Only the objects the executor made
 * are touched: the walk follows the operation's selections of object, interface and union types
 * (a plan made once per operation) and never enters a leaf's value, such as a JSON scalar's
 * object, which may be shared. Measured (the portal's chart read at 200 reads/s): full
 * collections every ~12 s instead of every ~3.5–4.5 s, and p99 ~8 ms instead of 14–24 ms.
 */

/** Response key → what is below it, for the fields whose values are result objects (or lists of them). */
export type ReleasePlan = Map<string, ReleasePlan>;

/** The plan of an operation: its selections of composite types, by response key, fragments merged. */
export function releasePlanOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ReleasePlan | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const plan: ReleasePlan = new Map();
  collect(schema, fragments, operation.selectionSet, root, plan, new Set());
  return plan;
}

function collect(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  plan: ReleasePlan,
  spreading: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      const key = selection.alias?.value ?? selection.name.value;
      let below = plan.get(key);
      if (!below) plan.set(key, (below = new Map()));
      collect(schema, fragments, selection.selectionSet, type, below, spreading);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type) collect(schema, fragments, selection.selectionSet, type, plan, spreading);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !type || spreading.has(name)) continue;
      spreading.add(name);
      collect(schema, fragments, fragment.selectionSet, type, plan, spreading);
      spreading.delete(name);
    }
  }
}

/**
 * Cuts a result tree made for `plan`: each result object's own fields set to null (after what is
 * below them), each result list emptied. `node` must be what the executor made for the plan's
 * position (the `data` of an answer for the operation's plan).
 */
export function releaseResult(node: unknown, plan: ReleasePlan): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) releaseResult(node[i], plan);
    node.length = 0;
    return;
  }
  // for…in rather than Object.keys: no array a result object (a chart's answer has ~750 of them);
  // the executors make plain objects, with nothing enumerable on their prototype
  const object = node as Record<string, unknown>;
  for (const key in object) {
    const below = plan.get(key);
    if (below) releaseResult(object[key], below);
    object[key] = null;
  }
}

/** The plans of answers not yet serialized, by their `data` object. */
const pending = new WeakMap<object, ReleasePlan>();

/** Notes that `data`, made for `plan`, is to be cut once serialized. */
export function releaseAfterSerializing(data: unknown, plan: ReleasePlan | null): void {
  if (plan && data !== null && typeof data === 'object') pending.set(data, plan);
}

/** JSON of an answer; its `data` tree, if noted, is cut afterwards (nothing reads it after serialization). */
export function serializeAndRelease(value: { data?: unknown }): string {
  const json = JSON.stringify(value);
  const data = value.data;
  if (data !== null && typeof data === 'object') {
    const plan = pending.get(data);
    if (plan) {
      pending.delete(data);
      releaseResult(data, plan);
    }
  }
  return json;
}
