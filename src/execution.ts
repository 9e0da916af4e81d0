import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { releaseAfterSerializing, releasePlanOf, type ReleasePlan } from './result-release';

/**
 * How operations execute. graphql-js interprets a document anew on every request: for each field
 * of each object it looks the field up, collects the sub-selection, builds the resolve info and
 * serializes the leaf through its scalar, and a chart's series (thousands of leaves) or a nested
 * list of invoices spends most of its CPU there. graphql-jit compiles an operation once into a
 * JavaScript function specialised to its selection (the same resolvers, the same scalars, the
 * same errors) and reruns it with new variables: the same answer for a fraction of the CPU.
 *
 * An operation is compiled once it has run `compileAfter` times (a one-off query is not worth
 * the compilation, and a client sending endless distinct documents must not make us compile
 * them all): until then, and for a document graphql-jit cannot compile, graphql-js runs it.
 * Compiled operations are kept in a bounded cache (least recently used out), keyed by the
 * document's hash (Apollo's, of the exact text) and the operation name.
 *
 * Apollo's request pipeline is unchanged (parsing, validation, the limits and cost checks,
 * plugins, error formatting): the compiled function is handed to it through its gateway
 * interface, which is Apollo's documented way to replace execution.
 */
export interface ExecutionOptions {
  /** runs of an operation before it is compiled (GRAPHQL_JIT_AFTER); 0 turns compilation off */
  compileAfter: number;
  /** compiled operations kept (GRAPHQL_JIT_CACHE) */
  cacheSize: number;
  /** told of every run, compiled or interpreted (for /metrics) */
  onRun?(mode: 'compiled' | 'interpreted'): void;
}

interface Entry {
  runs: number;
  compiled?: CompiledQuery | null; // null: graphql-jit could not compile it, graphql-js runs it
  /** how the answer's tree is cut once serialized (src/result-release.ts); made at the first run */
  release?: ReleasePlan | null;
}

export class OperationExecutor {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: ExecutionOptions,
  ) {}

  /** Apollo's gateway interface around `execute`: the schema is ours, loaded once. */
  gateway(): GatewayInterface {
    let listener: ((ctx: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
    return {
      onSchemaLoadOrUpdate: (callback) => {
        listener = callback;
        return () => {
          listener = undefined;
        };
      },
      load: async () => {
        listener?.({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
        return { executor: this.executor };
      },
      stop: async () => {
        this.entries.clear();
      },
    };
  }

  private readonly executor: GatewayExecutor = async (rc) => {
    const variables = rc.request.variables ?? {};
    const entry = this.entryFor(rc.queryHash, rc.operationName);
    const compiled = this.compiledFor(entry, rc.operationName, rc.document);
    let result: ExecutionResult;
    if (compiled) {
      this.options.onRun?.('compiled');
      result = withGraphqlJsErrors(await compiled.query(undefined, rc.context, variables));
    } else {
      this.options.onRun?.('interpreted');
      result = (await execute({ schema: this.schema, document: rc.document, contextValue: rc.context, variableValues: variables, operationName: rc.operationName })) as ExecutionResult;
    }
    if (entry.release === undefined) entry.release = releasePlanOf(this.schema, rc.document, rc.operationName);
    releaseAfterSerializing(result.data, entry.release);
    return result;
  };

  /** The operation's entry in the bounded cache (most recently used last). */
  private entryFor(queryHash: string, operationName: string | null): Entry {
    const key = `${queryHash}\u0000${operationName ?? ''}`;
    let entry = this.entries.get(key);
    if (entry) {
      // most recently used goes to the end of the map's order
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = { runs: 0 };
      this.entries.set(key, entry);
      if (this.entries.size > this.options.cacheSize) this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry;
  }

  private compiledFor(entry: Entry, operationName: string | null, document: Parameters<typeof compileQuery>[1]): CompiledQuery | null {
    if (this.options.compileAfter <= 0) return null;
    if (entry.compiled !== undefined) return entry.compiled;
    if (++entry.runs < this.options.compileAfter) return null;
    try {
      const result = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      entry.compiled = isCompiledQuery(result as CompiledQuery) ? (result as CompiledQuery) : null;
    } catch {
      // a document graphql-jit cannot compile runs interpreted, as before it was hot
      entry.compiled = null;
    }
    return entry.compiled;
  }
}

/**
 * graphql-jit's errors are frozen look-alikes of GraphQLError (read-only message and extensions);
 * the plugins after execution (error translation, suggestion masking) adjust errors in place, as
 * graphql-js's allow. Each becomes a graphql-js GraphQLError with the same message, path,
 * locations, original error and extensions.
 *
 * graphql-jit also runs every item of a list where graphql-js stops at the first item whose error
 * nulls the list's parent: a bad argument of a field inside a list (series(from, to) of every
 * KPI) would be reported once per item. Errors of the same field in different items of a list
 * that nulled the same ancestor with the same message and code are one error, as graphql-js
 * reports them; errors that nulled different items, or of different fields, stay apart.
 */
function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const seen = new Set<string>();
  const errors: GraphQLError[] = [];
  for (const e of result.errors) {
    if (e.path) {
      const key = JSON.stringify([nulledAncestor(result.data, e.path), e.path.map((p) => (typeof p === 'number' ? '*' : p)), e.message, e.extensions?.code ?? null]);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const copy = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
    if (e.locations) Object.assign(copy, { locations: e.locations });
    errors.push(copy);
  }
  return { ...result, errors };
}

/** The path down to the first null on the way to `path` in `data` (where the error's null stopped). */
function nulledAncestor(data: unknown, path: ReadonlyArray<string | number>): ReadonlyArray<string | number> {
  let node = data as Record<string | number, unknown> | null | undefined;
  for (let i = 0; i < path.length; i++) {
    if (node == null) return path.slice(0, i);
    node = node[path[i]] as Record<string | number, unknown> | null | undefined;
  }
  return path;
}
