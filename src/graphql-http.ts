import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { RequestContext } from './context';
import { isDatabaseUnavailable, waitForDatabase } from './db/availability';
import { ServiceUnavailableError } from './errors';
import type { Logger } from './logger';

/** What one execution of an operation learnt about the database (one per attempt, never shared). */
interface Attempt {
  /** an error of this attempt says the database connection was lost or refused */
  unavailable: boolean;
  /** the context could not be built: no resolver ran, so nothing can have been written */
  contextFailed: boolean;
  /** the operation's type once Apollo resolved it */
  operation?: 'query' | 'mutation' | 'subscription';
}

/**
 * The attempt a context belongs to, under a symbol key: the context type stays free of HTTP
 * plumbing, and the key survives the shallow copy Apollo makes of the context per operation.
 */
const ATTEMPT = Symbol('attempt');
const attemptOf = (ctx: unknown): Attempt | undefined => (ctx as { [ATTEMPT]?: Attempt } | undefined)?.[ATTEMPT];

/**
 * Notes, on the attempt of the request's context, the operation's type and whether one of its
 * errors is a lost database connection. Installed with graphqlHandler.
 */
export function databaseOutagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const attempt = attemptOf(contextValue);
      if (!attempt) return; // an in-process operation (createApp().execute): nothing to retry
      return {
        async didResolveOperation({ operation }) {
          attempt.operation = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          if (errors.some((e) => isDatabaseUnavailable(e))) attempt.unavailable = true;
        },
      };
    },
  };
}

/**
 * How many times a read runs at most when each run meets a lost connection: the first, and retries
 * on fresh connections while DB_OUTAGE_WAIT_MS lasts. Bounded, so a database that accepts and then
 * drops every connection does not hold the request for ever.
 */
const MAX_READ_ATTEMPTS = 3;

export interface GraphqlHandlerOptions {
  dataSource: DataSource;
  /** builds a fresh request context (a second attempt gets its own: new loaders, new connection) */
  context(req: Request, res: Response): Promise<RequestContext>;
  /** how long, in all, a read waits for the database to answer again before its retries (0: no retry) */
  outageWaitMs: number;
  retryAfterSeconds: number;
  logger: Logger;
}

function toHttpGraphQLRequest(req: Request): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const q = req.originalUrl.indexOf('?');
  return { method: req.method.toUpperCase(), headers, search: q >= 0 ? req.originalUrl.slice(q) : '', body: req.body };
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status || 200;
  if (response.body.kind === 'complete') {
    res.send(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Apollo on Express, as @as-integrations/express5's expressMiddleware, with one addition: an
 * operation that met a lost or refused database connection (a restart, a failover, a pooler that
 * lost its server) is judged as a whole. A read (`query`), or any operation whose context could not
 * be built, waits for the database to answer again and runs again from scratch with a fresh context (at most
 * MAX_READ_ATTEMPTS runs, all within DB_OUTAGE_WAIT_MS). A write is not run again (its transaction was rolled
 * back; the client decides): it answers SERVICE_UNAVAILABLE, 503, Retry-After. Being at the level
 * of the whole operation, this holds however a request holds its connections.
 */
export function graphqlHandler(apollo: ApolloServer<RequestContext>, opts: GraphqlHandlerOptions): RequestHandler {
  apollo.assertStarted('graphqlHandler()');
  return async (req, res, next) => {
    try {
      if (!('body' in req)) throw new Error('req.body is not set: mount express.json() before the GraphQL handler');
      const httpGraphQLRequest = toHttpGraphQLRequest(req);
      const run = async (attempt: Attempt) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: async () => {
            try {
              const ctx = await opts.context(req, res);
              return Object.assign(ctx, { [ATTEMPT]: attempt });
            } catch (err) {
              if (!isDatabaseUnavailable(err)) throw err;
              Object.assign(attempt, { unavailable: true, contextFailed: true });
              opts.logger.warn({ err }, 'database unavailable while authenticating a request');
              // ours, not the driver's: Apollo would prefix its message and could lose what it wraps
              throw new ServiceUnavailableError(opts.retryAfterSeconds);
            }
          },
        });

      let attempt: Attempt = { unavailable: false, contextFailed: false };
      let response = await run(attempt);
      // one wait budget for the whole request: a second restart (or the pool's other connections,
      // ended by the same restart) met by the retry gets another retry while the budget lasts
      const deadline = Date.now() + opts.outageWaitMs;
      for (let tries = 1; tries < MAX_READ_ATTEMPTS && attempt.unavailable && (attempt.contextFailed || attempt.operation === 'query'); tries++) {
        const left = deadline - Date.now();
        if (left <= 0) break;
        const log = (req as { log?: Logger }).log ?? opts.logger;
        const started = Date.now();
        const back = await waitForDatabase(opts.dataSource, left);
        log.warn({ waitedMs: Date.now() - started, databaseBack: back, attempt: tries + 1, operation: attempt.operation ?? null }, 'database connection lost during a read: running it again');
        if (!back) break;
        attempt = { unavailable: false, contextFailed: false };
        response = await run(attempt);
      }
      if (attempt.unavailable) {
        response.status = 503;
        response.headers.set('retry-after', String(opts.retryAfterSeconds));
      }
      await send(res, response);
    } catch (err) {
      next(err);
    }
  };
}
