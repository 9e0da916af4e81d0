/**
 * Prometheus metrics (`GET /metrics`) and the one log line per GraphQL operation. A registry per
 * app instance, never prom-client's global one: tests run several apps in one process, and a
 * worker process has no HTTP server to report on.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppServices, RequestContext } from './context';
import { QUEUE_SCHEMA } from './jobs/queue';
import { jobKinds, scheduledJobs } from './jobs/registry';

/** What one GraphQL operation was, for its log line and its metrics; no variables, no tokens. */
export interface OperationSummary {
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  /** "ok", or the code of the first error in the response */
  outcome: string;
  durationMs: number;
  /** the query cost the limits computed for it (ctx.usage.cost), when they did */
  cost: number | null;
}

/**
 * Where the operation's summary goes for pino-http's line of the same request (res.locals). A
 * symbol on the context rather than a WeakMap keyed by it: Apollo hands plugins a shallow copy
 * of the context, which keeps own symbol properties.
 */
const SUMMARY = Symbol('operationSummary');
type WithSummary = { [SUMMARY]?: { graphql?: OperationSummary } };

/** Ties a request's GraphQL context to its HTTP response, so the access log line carries the operation. */
export function bindOperationSummary(ctx: RequestContext, locals: { graphql?: OperationSummary }): void {
  (ctx as RequestContext & WithSummary)[SUMMARY] = locals;
}

const ROUTES: [RegExp, string][] = [
  [/^\/graphql\/?$/, '/graphql'],
  [/^\/health$/, '/health'],
  [/^\/ready$/, '/ready'],
  [/^\/metrics$/, '/metrics'],
  [/^\/documents\/[^/]+$/, '/documents/:file'],
  [/^\/reports\/[^/]+$/, '/reports/:file'],
  [/^\/graphiql\/[^/]+$/, '/graphiql/:file'],
];

/** The route label: a fixed set, so a scan of random paths adds no series. */
function routeOf(path: string): string {
  for (const [re, route] of ROUTES) if (re.test(path)) return route;
  return 'other';
}

const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD']);
/** error codes are ours (SCREAMING_SNAKE_CASE); anything else folds, whatever a plugin puts there */
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Operation names are chosen by the client: the first `max` distinct names of resolved operations
 * keep their own label, later ones count as "other", so the series stay bounded whatever is sent.
 */
class OperationLabels {
  private readonly known = new Set<string>();
  constructor(private readonly max: number) {}
  label(name: string | null | undefined, resolved: boolean): string {
    if (!resolved) return 'unknown';
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max || name.length > 100) return 'other';
    this.known.add(name);
    return name;
  }
}

export interface AppMetrics {
  registry: Registry;
  /** counts an executed operation by how it ran (src/execution.ts) */
  executed(mode: 'compiled' | 'interpreted'): void;
  /** counts and times every HTTP request by route and status (first middleware) */
  httpMiddleware(req: Request, res: Response, next: NextFunction): void;
  /** GET /metrics, for loopback scrapers or the METRICS_TOKEN bearer */
  router(): Router;
  /** per GraphQL operation: the metrics, and the summary for the request's log line */
  plugin(): ApolloServerPlugin<RequestContext>;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The queue's depth is read at scrape time: one grouped count, given this long before the scrape goes on without it. */
const QUEUE_SCRAPE_TIMEOUT_MS = 1000;

export function createMetrics(services: AppServices): AppMetrics {
  const { config, dataSource } = services;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const names = new OperationLabels(config.metricsMaxOperations);

  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const operationSeconds = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency, from the parsed request to the response',
    labelNames: ['operation', 'type'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const operationCost = new Histogram({
    name: 'graphql_operation_cost',
    help: 'Query cost of GraphQL operations, as computed by the limits before execution',
    labelNames: ['operation'] as const,
    buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const collectErrors = new Counter({
    name: 'metrics_collect_errors_total',
    help: 'Scrape-time collectors that failed or timed out (their gauges keep their last values)',
    labelNames: ['collector'] as const,
    registers: [registry],
  });

  // TypeORM's postgres driver keeps the pg Pool as `master` (no replicas configured)
  const pool = () => (dataSource.driver as unknown as { master?: Pool & { options?: { max?: number } } }).master;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'total' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  new Gauge({
    name: 'db_pool_max',
    help: 'Largest number of connections the pool opens (DB_POOL_SIZE)',
    registers: [registry],
    collect() {
      const max = pool()?.options?.max;
      if (typeof max === 'number') this.set(max);
    },
  });
  new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs by kind: queued (waiting or due for a retry) and active',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = await queueDepth(pool(), QUEUE_SCRAPE_TIMEOUT_MS);
        const kinds = new Set([...jobKinds().map((k) => k.kind), ...scheduledJobs().map((s) => s.kind), ...rows.map((r) => r.name)]);
        this.reset();
        for (const kind of kinds) for (const state of ['queued', 'active']) this.set({ kind, state }, 0);
        for (const r of rows) this.inc({ kind: r.name, state: r.state === 'active' ? 'active' : 'queued' }, r.n);
      } catch {
        collectErrors.inc({ collector: 'job_queue_depth' });
      }
    },
  });

  const executions = new Counter({
    name: 'graphql_executions_total',
    help: 'GraphQL operations executed, by how: compiled (graphql-jit) or interpreted (graphql-js)',
    labelNames: ['mode'] as const,
    registers: [registry],
  });

  return {
    registry,
    executed(mode) {
      executions.inc({ mode });
    },
    httpMiddleware(req, res, next) {
      const end = httpSeconds.startTimer();
      res.once('finish', () => {
        // the path as received: inside a mounted router (/graphql) Express rewrites req.url
        const route = routeOf(req.originalUrl.split('?')[0]);
        const method = METHODS.has(req.method) ? req.method : 'other';
        httpRequests.inc({ route, method, status: String(res.statusCode) });
        end({ route, method });
      });
      next();
    },
    router() {
      const router = Router();
      router.get('/metrics', async (req, res) => {
        if (!scrapeAllowed(req, config.metricsToken)) {
          res.status(config.metricsToken ? 401 : 403).set('Cache-Control', 'no-store');
          if (config.metricsToken) res.set('WWW-Authenticate', 'Bearer');
          res.json({ errors: [{ message: 'Metrics are served to the loopback address or with the metrics token', extensions: { code: config.metricsToken ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }] });
          return;
        }
        res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store');
        res.send(await registry.metrics());
      });
      return router;
    },
    plugin() {
      return {
        async requestDidStart() {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ contextValue, operation, operationName, request, response }) {
              const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              const code = errors?.length ? errors[0].extensions?.code : undefined;
              const outcome = !errors?.length ? 'ok' : typeof code === 'string' && CODE.test(code) ? code : 'ERROR';
              const cost = (contextValue as unknown as { usage?: { cost?: unknown } })?.usage?.cost;
              const summary: OperationSummary = {
                operationName: (operationName ?? request.operationName ?? null)?.slice(0, 100) ?? null,
                operationType: operation?.operation ?? null,
                outcome,
                durationMs: Math.round(durationMs * 10) / 10,
                cost: typeof cost === 'number' && Number.isFinite(cost) ? cost : null,
              };
              const label = names.label(summary.operationName, Boolean(operation));
              const type = summary.operationType ?? 'unknown';
              operations.inc({ operation: label, type, outcome });
              operationSeconds.observe({ operation: label, type }, durationMs / 1000);
              if (summary.cost !== null) operationCost.observe({ operation: label }, summary.cost);
              const locals = (contextValue as (RequestContext & WithSummary) | undefined)?.[SUMMARY];
              if (locals) locals.graphql = summary;
            },
          };
        },
      };
    },
  };
}

/**
 * Loopback scrapers (a sidecar, a node agent on the host) need nothing; anyone else needs the
 * METRICS_TOKEN bearer. req.ip follows `trust proxy` (loopback): a request a local reverse proxy
 * forwards is judged by the client behind it, not by the proxy's 127.0.0.1.
 */
function scrapeAllowed(req: Request, token: string | null): boolean {
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token && given) {
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  if (token && req.headers.authorization) return false;
  const ip = req.ip ?? '';
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

/** One grouped count over pg-boss's unfinished jobs (its partial index on state < active covers the queued ones). */
async function queueDepth(pool: Pool | undefined, timeoutMs: number): Promise<{ name: string; state: string; n: number }[]> {
  if (!pool) return [];
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no connection for the queue depth in time')), timeoutMs);
    timer.unref();
  });
  const client = await Promise.race([connecting, late]).catch((err) => {
    // a connection that comes after the scrape gave up goes back to the pool
    connecting.then((c) => c.release(), () => undefined);
    throw err;
  });
  clearTimeout(timer);
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
    const { rows } = await client.query(
      `SELECT name, state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE state < 'completed' GROUP BY name, state`,
    );
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
