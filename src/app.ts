import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { Express, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { TOKEN_USER_CHANNEL, TokenUserCache } from './auth/token-users';
import type { DataSource } from 'typeorm';
import { TokenService } from './auth/token';
import { AuthLimits } from './auth/rate-limits';
import type { AppConfig } from './config';
import { newContext, type AppServices, type RequestContext } from './context';
import { createFormatError, createHttpErrorHandler, translateErrorsPlugin, variableInputPlugin } from './errors';
import { graphiqlRouter } from './graphiql';
import { expressShapedMessages } from './http-messages';
import { localeFromAcceptLanguage } from './i18n';
import { createLoaders } from './loaders';
import { createLogger, Logger } from './logger';
import { bindOperationSummary, createMetrics, type AppMetrics } from './observability';
import { corsPolicy, securityHeaders } from './security';
import { createRenderPool } from './documents/pool';
import { JobQueue } from './jobs/queue';
import { documentDownloadRouter } from './documents/download';
import { buildAppSchema } from './schema';
import { OperationExecutor } from './execution';
import { serializeAndRelease } from './result-release';
import { isDatabaseUnavailable, probeDatabase } from './db/availability';
import { databaseOutagePlugin, graphqlHandler } from './graphql-http';
import { rejectNulCharactersPlugin } from './schema/common/reject-nul';
import { authenticate } from './services/auth.service';
import { CostBudget } from './limits/cost-budget';
import { queryLimits } from './limits/query-limits';
import { actorUnit } from './services/scope';
import { tenantUnitOf } from './db/tenant-runner';
import { setNarrowRowGuard } from './db/lean-rows';
import { setStatementCheck } from './db/select-statements';
import { rowProjectionPlugin } from './schema/common/row-projection';

export interface CreatedApp {
  app: Express;
  /** the HTTP server the app will listen on (created here so Apollo can drain it on shutdown) */
  httpServer: http.Server;
  services: AppServices;
  /** the app's own Prometheus registry and collectors (served at /metrics) */
  metrics: AppMetrics;
  /**
   * stops Apollo (draining in-flight requests), then the job queue (running jobs finish or go back
   * to the queue), then the render pool; the caller closes the data source
   */
  stop(): Promise<void>;
  /** runs one GraphQL operation in-process, with the same context a bearer token would get (seeding, scripts) */
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
}

/** Logs every GraphQL error with the request id, once, without the client seeing internals. */
function errorLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const err of errors) {
            const code = err.extensions?.code;
            // a lost database connection is an outage the operator sees on /ready, not a bug
            const level = isDatabaseUnavailable(err) ? 'warn' : code === undefined || code === 'INTERNAL_SERVER_ERROR' ? 'error' : 'info';
            contextValue?.logger?.[level]({ code, operationName, path: err.path, msg: err.message }, 'graphql error');
          }
        },
      };
    },
  };
}

/** the largest request body /graphql takes (see where it is used) */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A body announced larger than the limit is refused at once, and the connection closed: the body
 * parser would refuse it too, but only after reading it to the end (or until the request timeout).
 */
function refuseAnnouncedOversize(limit: number) {
  return (req: Request, res: Response, next: (err?: unknown) => void) => {
    const length = Number(req.headers['content-length']);
    if (!(length > limit)) return next();
    res.set('Connection', 'close');
    next(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit, length }));
  };
}

/** The access log line's object, with the GraphQL operation's summary when the request ran one. */
function withOperation(res: http.ServerResponse, val: Record<string, unknown>): Record<string, unknown> {
  const graphql = (res as http.ServerResponse & { locals?: { graphql?: unknown } }).locals?.graphql;
  return graphql ? { ...val, graphql } : val;
}

/**
 * Ends the request's unit of work (COMMIT of its read transaction, connection back to the pool)
 * before the response leaves, so that what the client reads next sees everything this request did.
 */
function tenantUnitPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await tenantUnitOf(contextValue.manager)?.end();
        },
      };
    },
  };
}

/**
 * The process-wide services of the API and of a worker process (scripts/worker.ts): the queue is
 * created here and started by the caller.
 */
export function createServices(dataSource: DataSource, config: AppConfig, logger?: Logger): AppServices {
  const log = logger ?? createLogger(config.logLevel);
  const services: AppServices = {
    createLoaders,
    config,
    dataSource,
    tokens: new TokenService(config.jwtSecret, config.jwtTtlSeconds),
    tokenUsers: new TokenUserCache({
      // not on the embedded database: it serves one connection, the pool's
      url: config.databaseListenUrl ?? (config.databaseUrl ? ((dataSource.options as { url?: string }).url ?? null) : null),
      ttlMs: config.tokenUserCacheTtlMs,
      logger: log,
      // from the pool, not through TypeORM: a proof is no statement of a request's
      notify: async (payload) => void (await (dataSource.driver as PostgresDriver).master.query('SELECT pg_notify($1, $2)', [TOKEN_USER_CHANNEL, payload])),
    }),
    authLimits: new AuthLimits(dataSource, config),
    logger: log,
    clock: () => new Date(),
    renderPool: createRenderPool({ threads: config.documentRenderThreads }),
    // set just below: the queue builds its workers' contexts from these very services
    queue: undefined as unknown as JobQueue,
  };
  services.queue = new JobQueue(services);
  return services;
}

/** Builds the Express app with Apollo mounted at /graphql; tests drive it through supertest. */
export async function createApp(dataSource: DataSource, config: AppConfig, logger?: Logger): Promise<CreatedApp> {
  // tests run every declared field against rows narrowed to its declaration (row-projection.ts)
  setNarrowRowGuard(config.nodeEnv === 'test');
  setStatementCheck(config.nodeEnv === 'test');
  const services = createServices(dataSource, config, logger);
  const log = services.logger;
  const app = express();
  // no body-hashed ETags: a GraphQL answer is per user and per moment (hashing ~100 KB of a chart's
  // series cost more than the answer's serialization); a document download sets its own
  app.set('etag', false);
  const httpServer = http.createServer(
    {
      requestTimeout: config.httpRequestTimeoutMs,
      headersTimeout: config.httpHeadersTimeoutMs,
      keepAliveTimeout: config.httpKeepAliveTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default): a slow-loris client
      // would hold its socket up to that long past the headers timeout
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(config.httpHeadersTimeoutMs / 2))),
      ...expressShapedMessages(app),
    },
    app,
  );
  // older Node versions ignore keepAliveTimeout among the options
  httpServer.keepAliveTimeout = config.httpKeepAliveTimeoutMs;
  const metrics = createMetrics(services);
  app.disable('x-powered-by');
  // Express reads NODE_ENV itself (defaulting to development); make it follow the validated config
  app.set('env', config.nodeEnv);
  // X-Forwarded-For is believed from these proxies only: req.ip (logs, /metrics, per-address limits)
  app.set('trust proxy', config.trustProxy);
  app.use(metrics.httpMiddleware);

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.\-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        // a signed document link carries its credential in the query string
        req: (req: { url?: string }) => Object.assign(req, { url: req.url?.replace(/([?&]token=)[^&]*/gi, '$1[redacted]') }),
        // the status is what is read; the same dozen security headers on every line are not
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // one line per request; for /graphql it names the operation, its type, outcome, time and cost
      customSuccessObject: (_req, res, val) => withOperation(res, val),
      customErrorObject: (_req, res, _err, val) => withOperation(res, val),
    }),
  );
  app.use(securityHeaders(config));
  app.use(corsPolicy(config));
  app.use(metrics.router());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  app.get('/ready', async (_req, res) => {
    const started = Date.now();
    try {
      // bounded: a connect that hangs (a database host gone silent) must read as "down", not time out the probe
      await probeDatabase(dataSource, 2000);
      res.json({ status: 'ready', database: 'up', latencyMs: Date.now() - started });
    } catch {
      res.status(503).setHeader('retry-after', String(config.dbRetryAfterSeconds));
      res.json({ status: 'not ready', database: 'down' });
    }
  });

  if (config.graphiql) app.use(graphiqlRouter());
  app.use(documentDownloadRouter(services));

  const limits = queryLimits(config, new CostBudget(dataSource, config, log));
  const executor = new OperationExecutor(await buildAppSchema(), { compileAfter: config.graphqlJitAfter, cacheSize: config.graphqlJitCache, onRun: (mode) => metrics.executed(mode) });
  const apollo = new ApolloServer<RequestContext>({
    // compiled execution of repeated operations (src/execution.ts), through Apollo's gateway interface
    gateway: executor.gateway(),
    csrfPrevention: true,
    // compact JSON: Apollo's default indents every line, a third more bytes to write and parse on a
    // chart's series; the answer's object tree is cut once it is JSON (src/result-release.ts)
    stringifyResult: serializeAndRelease,
    // shutdown is ours (src/index.ts): drain HTTP, stop Apollo, then close the pool
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.isDev,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: createFormatError({ isDev: config.isDev, logger: log, statementTimeoutMs: config.dbStatementTimeoutMs, retryAfterSeconds: config.dbRetryAfterSeconds }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // no cache hints are used (responses are per user): spare the per-field hook a chart's thousands of fields would pay
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(),
      metrics.plugin(),
      databaseOutagePlugin(),
      rejectNulCharactersPlugin(),
      variableInputPlugin(),
      translateErrorsPlugin(),
      // after variableInputPlugin: a request with malformed variables spends no budget
      ...limits.plugins,
      // which columns the operation can show (only those are read for a query of plain columns)
      rowProjectionPlugin(),
      tenantUnitPlugin(),
    ],
  });
  await apollo.start();
  await services.queue.start();
  services.tokenUsers.start();

  const buildContext = async (req: Request, res?: Response): Promise<RequestContext> => {
    const { actor, authError, locale } = await authenticate(services, req);
    const requestId = String((req as Request & { id?: unknown }).id ?? randomUUID());
    // a logged-in request works in its agency's unit (row-level security); it takes a connection
    // at its first statement and gives it back when the response is sent (tenantUnitPlugin), or
    // when the request closes first (the client went away, an error outside GraphQL)
    const unit = actor ? actorUnit(services, actor, { holdReads: true }) : null;
    if (unit && res) res.once('close', () => void unit.end().catch((err) => log.error({ err, requestId }, 'ending the unit of work failed')));
    const ctx = newContext<RequestContext>({
      requestId,
      clientAddress: req.ip ?? null,
      actor,
      authError,
      locale: locale ?? localeFromAcceptLanguage(req.headers['accept-language']),
      manager: unit?.manager ?? dataSource.manager,
      app: services,
      logger: log.child({ requestId, userId: actor?.userId, agencyId: actor?.agencyId }),
      usage: { cost: null },
      deadline: config.requestTimeoutMs ? performance.now() + config.requestTimeoutMs : undefined,
    });
    if (res) bindOperationSummary(ctx, res.locals);
    return ctx;
  };

  app.use(
    '/graphql',
    // the largest body the API takes is an agency image: 512 KB of file is 699 052 bytes of base64,
    // and 1 MiB leaves room for the document and the escapes some JSON writers add (\/, \uXXXX)
    refuseAnnouncedOversize(BODY_LIMIT_BYTES),
    express.json({ limit: BODY_LIMIT_BYTES }),
    graphqlHandler(apollo, {
      dataSource,
      context: buildContext,
      outageWaitMs: config.dbOutageWaitMs,
      retryAfterSeconds: config.dbRetryAfterSeconds,
      logger: log,
    }),
  );

  const execute = async <T,>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> => {
    const req = { headers: token ? { authorization: `Bearer ${token}` } : {} } as Request;
    const contextValue = await buildContext(req);
    // willSendResponse ends the unit; an operation that fails before it still gives the connection back
    const res = await apollo.executeOperation({ query, variables }, { contextValue }).finally(() => tenantUnitOf(contextValue.manager)?.end());
    if (res.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    const { data, errors } = res.body.singleResult;
    if (errors?.length) throw new Error(`GraphQL operation failed: ${errors.map((e) => `${e.message} ${JSON.stringify(e.extensions ?? {})}`).join('; ')}`);
    return data as T;
  };

  app.use((_req, res) => {
    res.status(404).json({ error: 'NOT_FOUND', message: 'No such route' });
  });
  // last: body-parser refusals (413, malformed JSON…) and anything else thrown outside GraphQL
  app.use(createHttpErrorHandler({ isDev: config.isDev, logger: log, retryAfterSeconds: config.dbRetryAfterSeconds }));

  return {
    app,
    httpServer,
    services,
    metrics,
    async stop() {
      await apollo.stop();
      await services.tokenUsers.stop();
      await services.queue.stop(Math.max(1000, config.shutdownTimeoutMs - 2000));
      await services.renderPool.close();
    },
    execute,
  };
}
