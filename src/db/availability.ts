import type { DataSource } from 'typeorm';

/**
 * SQLSTATEs that mean "the server went away or is not accepting us yet", not "this statement is
 * wrong": class 08 (connection exception), 57P01 admin_shutdown (what a fast restart or
 * pg_terminate_backend sends to every session), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, shutting down, in recovery).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '08007']);

/** Socket-level failures of the driver (Node's errno codes). */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EAI_AGAIN']);

/**
 * What node-postgres and pg-pool say when the connection broke under a client or could not be made
 * in time: these errors carry no code, only the message.
 */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated unexpectedly/i,
  /Connection terminated due to connection timeout/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // a socket error seen only through its text (graphql-js rewraps values from another realm by message)
  /\b(?:ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH)\b/,
  // PgBouncer's own answers while its server side is away (it sends them as 08P01 / no code)
  /server conn crashed\?|no more connections allowed|pgbouncer cannot connect to server|server login has been failing/i,
];

/** When a pool client of this process last saw its connection fail (see ListeningClient). */
let lastConnectionErrorAt = Number.NEGATIVE_INFINITY;

/** Called by every pool client whose connection fails (src/db/data-source.ts). */
export function noteConnectionError(): void {
  lastConnectionErrorAt = Date.now();
}

/**
 * TypeORM releases a query runner by itself when its connection emits an error; a transaction
 * that then sends its next statement gets QueryRunnerAlreadyReleasedError instead of the
 * connection's error. It is read as an outage only while connections are failing: outside one it
 * is a use after release, a bug, and stays an internal error.
 */
const RELEASED_BY_CONNECTION_ERROR_WINDOW_MS = 30_000;

/**
 * True when `err` (or what it wraps: TypeORM's driverError, a cause, an AggregateError's errors)
 * says the database could not be reached or dropped the connection: the operation may succeed on a
 * fresh connection once the server is back. Anything else (a constraint, a syntax error, a
 * statement timeout) is the operation's own failure and is not retried.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  if ((err as Error).name === 'QueryRunnerAlreadyReleasedError' && Date.now() - lastConnectionErrorAt < RELEASED_BY_CONNECTION_ERROR_WINDOW_MS) return true;
  for (const inner of [e.driverError, e.cause, e.originalError]) if (isDatabaseUnavailable(inner, depth + 1)) return true;
  if (Array.isArray(e.errors)) return e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return false;
}

/** One `SELECT 1` through the pool, refused after `timeoutMs` (a connect that hangs must not hold the caller). */
export async function probeDatabase(dataSource: DataSource, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('database probe timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The probe loop in progress per data source: every request that hits the outage shares it. */
const waits = new WeakMap<DataSource, { until: number; promise: Promise<boolean> }>();

/**
 * Resolves true as soon as the database answers again, false when it has not within `timeoutMs`.
 * Polls with a short backoff (50 ms doubling to 500 ms): a fast restart takes one to two seconds.
 * Concurrent callers share one loop (an outage under load costs one probe at a time), which runs
 * until the latest caller's deadline.
 */
export async function waitForDatabase(dataSource: DataSource, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let loop = waits.get(dataSource);
  if (loop) loop.until = Math.max(loop.until, until);
  else {
    const state = { until, promise: Promise.resolve(false) };
    state.promise = (async () => {
      let delay = 50;
      for (;;) {
        const left = state.until - Date.now();
        if (left <= 0) return false;
        try {
          await probeDatabase(dataSource, Math.min(left, 1000));
          return true;
        } catch {
          await new Promise((r) => setTimeout(r, Math.max(0, Math.min(delay, state.until - Date.now()))));
          delay = Math.min(delay * 2, 500);
        }
      }
    })().finally(() => waits.delete(dataSource));
    waits.set(dataSource, state);
    loop = state;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([loop.promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
