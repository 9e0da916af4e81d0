import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** true only for NODE_ENV=development: internal messages and stack traces in errors */
  isDev: boolean;
  port: number;
  host: string;
  /** null means "start the embedded PGlite database" */
  databaseUrl: string | null;
  /**
   * MIGRATION_DATABASE_URL: the owner's way to the same database, for what only the owner does at
   * start (migrations, pg-boss's schema and queues); null: DATABASE_URL's role does it (it is the owner)
   */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  dbPoolSize: number;
  /**
   * bulk writes (KPI file imports) send their rows by COPY where the database takes it (DB_BULK_COPY,
   * default on; the embedded PGlite never does); off: the unnest-array path everywhere
   */
  bulkCopy: boolean;
  jwtSecret: string;
  /** where a generated JWT secret is kept (DATA_DIR/jwt-secret); null when JWT_SECRET was given */
  jwtSecretFile: string | null;
  jwtTtlSeconds: number;
  /**
   * how long a node keeps the user a token names (TOKEN_USER_CACHE_TTL_MS; 0: not kept, read on
   * every request). Kept only while the node hears the database's notice of a change to a user
   * (LISTEN, src/auth/token-users.ts), so a password change or a deactivation is honoured by
   * every node at once; the TTL bounds what a lost notice could cost.
   */
  tokenUserCacheTtlMs: number;
  /**
   * the session connection that listens for those notices (DATABASE_LISTEN_URL): a direct one
   * when DATABASE_URL goes through a transaction-mode pooler, which cannot LISTEN; null: the
   * data source's own address
   */
  databaseListenUrl: string | null;
  logLevel: string;
  /** deepest selection nesting a document may have (MAX_QUERY_DEPTH) */
  maxQueryDepth: number;
  /**
   * Limits checked before anything runs (README "Limits"): the estimated cost of an operation,
   * a list costing its page size (`first`, else the connection's maximum) times its children
   */
  maxQueryCost: number;
  /** aliases in one document (MAX_ALIASES): 10 000 aliases of `me` must not become 10 000 resolutions */
  maxAliases: number;
  /** lexical tokens of one document, counted while parsing (MAX_TOKENS): parsing stops at the first one over */
  maxTokens: number;
  /** directives in one document (MAX_DIRECTIVES) */
  maxDirectives: number;
  /** wall-clock budget of one GraphQL request (REQUEST_TIMEOUT_MS); 0: none */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of every pooled connection (DB_STATEMENT_TIMEOUT_MS); 0: none */
  dbStatementTimeoutMs: number;
  /**
   * query cost an agency may spend per minute (AGENCY_COST_PER_MINUTE), shared by all API
   * processes through PostgreSQL; 0 turns the budget off
   */
  agencyCostPerMinute: number;
  /** the same budget for anonymous requests, per client address (ANONYMOUS_COST_PER_MINUTE); 0: off */
  anonymousCostPerMinute: number;
  shutdownTimeoutMs: number;
  /** seed the demo agency when the database has no agency yet */
  seedDemoOnEmpty: boolean;
  /** GraphiQL at GET /graphql; defaults to on in development and on the embedded database */
  graphiql: boolean;
  /** schema introspection; defaults to on outside production (development, test) */
  introspection: boolean;
  /**
   * follow each transaction's async flow and refuse any read through a pool context inside it
   * (AsyncLocalStorage: ~10% of a nested read's CPU on Node 20, so on by default outside production;
   * the caller's own context is refused in every mode)
   */
  transactionFlowGuard: boolean;
  /**
   * the second wall (DB_ROW_SECURITY, default on): every agency's statements run in transactions
   * as the role agency_app with the agency set, so PostgreSQL's row-level security enforces the
   * tenant too. Off: only the scope module's conditions (for a role that cannot SET ROLE agency_app,
   * and for the bench's comparison)
   */
  rowSecurity: boolean;
  /** worker threads rendering PDFs; null: CPU count − 1 (at least 1); 0: render on the event loop */
  documentRenderThreads: number | null;
  /**
   * how far V8 lets the heap grow past what survived the last full collection, in per cent
   * (HEAP_GROWING_PERCENT, applied by the process entry; default 120: README, Operations: Memory);
   * 0: V8's own choice (up to 4×)
   */
  heapGrowingPercent: number;
  /** lifetime of a signed document link (GeneratedDocument.documentUrl) */
  documentLinkTtlSeconds: number;
  /** jobs run at once by this process (WORKERS); 0: this process only enqueues (workers run elsewhere) */
  workers: number;
  /** how often an idle worker asks the queue for a job (JOB_POLL_INTERVAL_MS, at least 500) */
  jobPollIntervalMs: number;
  /** seconds before a failed job's first retry, doubled with jitter for each next one (JOB_RETRY_DELAY_SECONDS) */
  jobRetryDelaySeconds: number;
  /** where emails go (SMTP_URL, e.g. smtp://user:pass@host:587); null: emails are kept in the outbox */
  smtpUrl: string | null;
  /** the From of every email (MAIL_FROM) */
  mailFrom: string;
  /** the address people open the app at, for links in emails (PUBLIC_URL, no trailing slash) */
  publicUrl: string;
  /** how long a satisfaction survey's one-time links work, in days (SURVEY_LINK_TTL_DAYS, default 14) */
  surveyLinkTtlDays: number;
  /** seconds before a webhook delivery's first retry, ×3 for each next one (WEBHOOK_RETRY_BASE_SECONDS, default 30) */
  webhookRetryBaseSeconds: number;
  /** how long a webhook receiver has to answer one POST (WEBHOOK_TIMEOUT_MS, default 10 000) */
  webhookTimeoutMs: number;
  /**
   * browser origins allowed to call the API cross-origin (CORS_ORIGINS, comma-separated, exact
   * `scheme://host[:port]`); empty: none; `['*']`: any (refused in production)
   */
  corsOrigins: string[];
  /** Strict-Transport-Security on every answer: on when PUBLIC_URL is https (HSTS=true/false overrides) */
  hsts: boolean;
  /** the whole request (headers and body) must arrive within this (HTTP_REQUEST_TIMEOUT_MS) */
  httpRequestTimeoutMs: number;
  /** the request's headers must arrive within this (HTTP_HEADERS_TIMEOUT_MS, ≤ the request timeout): slow-loris */
  httpHeadersTimeoutMs: number;
  /** an idle keep-alive connection is closed after this (HTTP_KEEP_ALIVE_TIMEOUT_MS): above the load balancer's idle timeout */
  httpKeepAliveTimeoutMs: number;
  /**
   * which proxies' X-Forwarded-For is believed for the client address (TRUST_PROXY, Express's
   * `trust proxy`: `loopback`, addresses/CIDRs, comma-separated, or a hop count)
   */
  trustProxy: string | number;
  /** bearer token that opens /metrics to non-loopback scrapers (METRICS_TOKEN); null: loopback only */
  metricsToken: string | null;
  /** distinct GraphQL operation names the metrics keep as labels (METRICS_MAX_OPERATIONS); later ones count as "other" */
  metricsMaxOperations: number;
  /**
   * who may register a new agency (SIGNUP): `open` anyone, `invite` with an invitation code,
   * `off` nobody (agencies are created by the operator). Off in production on a real database,
   * open in development, tests and on the embedded database.
   */
  signup: SignupMode;
  /**
   * how a sign-up is completed (SIGNUP_CONFIRMATION): `email`, only through the one-time link sent
   * to the address (registerAgency answers alike whether the email has an account or not); `none`,
   * at once (a taken email answers CONFLICT EMAIL_TAKEN: anyone learns that it has an account).
   * `email` by default in production on a real database (`none` there only when set by name, and
   * the start-up log warns); `none` in development, tests and on the embedded database (no SMTP there).
   */
  signupConfirmation: SignupConfirmation;
  /** the invitation codes `invite` accepts (SIGNUP_INVITE_CODES, comma-separated, each ≥ 16 characters) */
  signupInviteCodes: string[];
  /** registrations one client address may make per hour (SIGNUP_PER_HOUR_PER_ADDRESS, default 10) */
  signupPerHourPerAddress: number;
  /** password-reset emails one client address may ask for per hour, whatever the emails (PASSWORD_RESET_PER_HOUR_PER_ADDRESS, default 10) */
  passwordResetPerHourPerAddress: number;
  /** password-reset emails one email may be sent per hour, from anywhere (PASSWORD_RESET_PER_HOUR_PER_EMAIL, default 3) */
  passwordResetPerHourPerEmail: number;
  /**
   * consecutive failed logins of one email from one address before each further attempt waits a
   * doubling delay (LOGIN_FREE_ATTEMPTS, default 5); a success resets
   */
  loginFreeAttempts: number;
  /** the same, for one email from any address: a distributed guess at one account (LOGIN_FREE_ATTEMPTS_PER_EMAIL, default 20) */
  loginFreeAttemptsPerEmail: number;
  /** the longest wait that delay grows to, in seconds (LOGIN_BACKOFF_MAX_SECONDS, default 900) */
  loginBackoffMaxSeconds: number;
  /** failed logins one client address may make per hour over all emails (LOGIN_FAILURES_PER_HOUR_PER_ADDRESS, default 100) */
  loginFailuresPerHourPerAddress: number;
  /**
   * the zxcvbn score (0–4) a new password needs (PASSWORD_MIN_SCORE, default 3: "safely
   * unguessable", about 10^8 guesses); 0 turns the check off
   */
  passwordMinScore: number;
  /**
   * how long a read (GraphQL query) that hit a lost or refused database connection waits for the
   * database to answer again before it is run once more on a fresh connection (DB_OUTAGE_WAIT_MS,
   * default 5 000; 0: no retry, answer SERVICE_UNAVAILABLE at once)
   */
  dbOutageWaitMs: number;
  /**
   * runs of an operation (same document, same operation name) before it is compiled to a function
   * with graphql-jit (GRAPHQL_JIT_AFTER, default 2; 0: every operation is interpreted by graphql-js)
   */
  graphqlJitAfter: number;
  /** compiled operations kept, least recently used out (GRAPHQL_JIT_CACHE, default 1000) */
  graphqlJitCache: number;
  /** the Retry-After (seconds) of a SERVICE_UNAVAILABLE answer (DB_RETRY_AFTER_SECONDS, default 2) */
  dbRetryAfterSeconds: number;
}

export type SignupMode = 'open' | 'invite' | 'off';
export type SignupConfirmation = 'email' | 'none';

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be a boolean (true/false), got "${raw}"`);
}

/**
 * Without JWT_SECRET a random secret is generated once and kept under DATA_DIR (owner-only), so
 * tokens survive restarts: in development, and on the embedded database in any mode (a single
 * machine's data, next to the database it protects). A production server on a real database
 * must be given JWT_SECRET.
 */
function resolveJwtSecret(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv, dataDir: string, embedded: boolean): { secret: string; file: string | null } {
  const given = env.JWT_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
    return { secret: given, file: null };
  }
  if (nodeEnv === 'production' && !embedded) {
    throw new ConfigError('JWT_SECRET is required in production mode (NODE_ENV unset or production) with DATABASE_URL; set NODE_ENV=development for a local server');
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length < 32) throw new ConfigError(`${file} must hold a secret of at least 32 characters`);
    return { secret: kept, file };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return { secret, file };
}

/** An optional postgres:// address from the environment. */
function postgresUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim() || null;
  if (raw && !/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError(`${name} must be a postgres:// URL`);
  return raw;
}

/** Only where the database is (DATABASE_URL or the embedded one under DATA_DIR): for `npm run migrate`, which needs no secret. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'dataDir' | 'jobRetryDelaySeconds'> {
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL?.trim() || null;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    throw new ConfigError('MIGRATION_DATABASE_URL must be a postgres:// URL');
  }
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new ConfigError('MIGRATION_DATABASE_URL needs DATABASE_URL (the embedded database has one role, which owns everything)');
  }
  // the queues the owner creates take their retry policy from here (src/jobs/queue.ts)
  return { databaseUrl, migrationDatabaseUrl, dataDir, jobRetryDelaySeconds: int(env, 'JOB_RETRY_DELAY_SECONDS', 5, 0, 3600) };
}

function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/]/.test(raw)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

function publicUrl(env: NodeJS.ProcessEnv, port: number): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return `http://localhost:${port}`;
  if (!/^https?:\/\/[^/]/.test(raw)) throw new ConfigError('PUBLIC_URL must be an http:// or https:// URL');
  return raw.replace(/\/+$/, '');
}

/**
 * CORS_ORIGINS: exact origins as a browser sends them (no path, no trailing slash), so that a
 * typo fails at start rather than silently locking the front end out.
 */
function corsOrigins(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv): string[] {
  const items = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.includes('*')) {
    if (items.length > 1) throw new ConfigError('CORS_ORIGINS: "*" cannot be combined with other origins');
    if (nodeEnv === 'production') throw new ConfigError('CORS_ORIGINS="*" is refused in production mode: list the front ends\' origins');
    return ['*'];
  }
  for (const o of items) {
    let u: URL | null = null;
    try {
      u = new URL(o);
    } catch {
      u = null;
    }
    if (!u || !/^https?:$/.test(u.protocol) || u.origin !== o.toLowerCase()) {
      throw new ConfigError(`CORS_ORIGINS: "${o}" is not an origin (scheme://host[:port], no path or trailing slash)`);
    }
  }
  return items.map((o) => o.toLowerCase());
}

/** The server's timeouts, consistent with each other (Node wants headers ≤ request). */
function httpTimeouts(env: NodeJS.ProcessEnv) {
  const httpRequestTimeoutMs = int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  const httpHeadersTimeoutMs = int(env, 'HTTP_HEADERS_TIMEOUT_MS', Math.min(10_000, httpRequestTimeoutMs), 100, 600_000);
  if (httpHeadersTimeoutMs > httpRequestTimeoutMs) {
    throw new ConfigError(`HTTP_HEADERS_TIMEOUT_MS (${httpHeadersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${httpRequestTimeoutMs})`);
  }
  // 65 s: above the 60 s idle timeout of the common load balancers (AWS ALB, nginx), so the
  // balancer, not the app, closes an idle connection and never sends on one the app just closed
  const httpKeepAliveTimeoutMs = int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 0, 3_600_000);
  return { httpRequestTimeoutMs, httpHeadersTimeoutMs, httpKeepAliveTimeoutMs };
}

function trustProxy(env: NodeJS.ProcessEnv): string | number {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 'loopback';
  if (/^\d+$/.test(raw)) return Number(raw);
  // `true` would believe any X-Forwarded-For: every client could pick its own address
  if (/^(true|\*)$/i.test(raw)) throw new ConfigError('TRUST_PROXY must name the proxies (addresses, CIDRs, loopback, uniquelocal) or a hop count, not "true"');
  return raw;
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const raw = env.METRICS_TOKEN?.trim();
  if (!raw) return null;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return raw;
}

function signup(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv, embedded: boolean): { mode: SignupMode; codes: string[] } {
  const raw = env.SIGNUP?.trim().toLowerCase() || (nodeEnv === 'production' && !embedded ? 'off' : 'open');
  if (raw !== 'open' && raw !== 'invite' && raw !== 'off') throw new ConfigError(`SIGNUP must be open, invite or off, got "${env.SIGNUP}"`);
  const codes = (env.SIGNUP_INVITE_CODES ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  if (raw === 'invite' && codes.length === 0) throw new ConfigError('SIGNUP=invite needs SIGNUP_INVITE_CODES (comma-separated codes)');
  // a code is a password to the sign-up: guessable ones would make `invite` the same as `open`
  if (codes.some((c) => c.length < 16)) throw new ConfigError('every code in SIGNUP_INVITE_CODES must be at least 16 characters long');
  return { mode: raw, codes };
}

/**
 * SIGNUP_CONFIRMATION. A production server on a real database must not tell who has an account:
 * there it is `email` unless `none` is asked for by name (a throwaway or benchmark server; the
 * start-up log warns, see signupWarning). `email` needs somewhere to send the links (SMTP_URL)
 * while anyone can sign up.
 */
function signupConfirmation(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv, embedded: boolean, signup: SignupMode, smtp: string | null): SignupConfirmation {
  const production = nodeEnv === 'production' && !embedded;
  const raw = env.SIGNUP_CONFIRMATION?.trim().toLowerCase() || (production ? 'email' : 'none');
  if (raw !== 'email' && raw !== 'none') throw new ConfigError(`SIGNUP_CONFIRMATION must be email or none, got "${env.SIGNUP_CONFIRMATION}"`);
  if (signup === 'off') return raw;
  if (raw === 'email' && !smtp) {
    throw new ConfigError(`SIGNUP_CONFIRMATION=email needs SMTP_URL while SIGNUP=${signup}: the confirmation links are sent by email`);
  }
  return raw;
}

/** What the start-up log warns about sign-up: `none` asked for in production while anyone may sign up. */
export function signupWarning(config: Pick<AppConfig, 'nodeEnv' | 'databaseUrl' | 'signup' | 'signupConfirmation'>): string | null {
  if (config.nodeEnv !== 'production' || config.databaseUrl === null || config.signup === 'off' || config.signupConfirmation !== 'none') return null;
  return `SIGNUP_CONFIRMATION=none with SIGNUP=${config.signup} in production: registering a taken email tells anyone that it has an account. Use SIGNUP_CONFIRMATION=email (with SMTP_URL), or SIGNUP=off`;
}

/** Parses and validates every environment variable once; the rest of the code reads AppConfig. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // production-like unless told otherwise: masking must not depend on remembering a variable
  const rawEnv = env.NODE_ENV || 'production';
  if (!['development', 'production', 'test'].includes(rawEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${rawEnv}"`);
  }
  const nodeEnv = rawEnv as NodeEnv;
  const { dataDir, databaseUrl, migrationDatabaseUrl } = loadDatabaseConfig(env);
  const jwt = resolveJwtSecret(env, nodeEnv, dataDir, databaseUrl === null);
  const signupConfig = signup(env, nodeEnv, databaseUrl === null);
  const config: AppConfig = {
    nodeEnv,
    isDev: nodeEnv === 'development',
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 200),
    bulkCopy: bool(env, 'DB_BULK_COPY', true),
    jwtSecret: jwt.secret,
    jwtSecretFile: jwt.file,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    tokenUserCacheTtlMs: int(env, 'TOKEN_USER_CACHE_TTL_MS', 30_000, 0, 3_600_000),
    databaseListenUrl: postgresUrl(env, 'DATABASE_LISTEN_URL'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    // defaults: every query the app's own tests send passes with room to spare (README "Limits")
    maxQueryCost: int(env, 'MAX_QUERY_COST', 25_000, 10, 10_000_000),
    maxAliases: int(env, 'MAX_ALIASES', 30, 1, 10_000),
    maxTokens: int(env, 'MAX_TOKENS', 5_000, 100, 1_000_000),
    maxDirectives: int(env, 'MAX_DIRECTIVES', 50, 1, 10_000),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 10_000, 0, 600_000),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
    agencyCostPerMinute: int(env, 'AGENCY_COST_PER_MINUTE', 200_000, 0, 1_000_000_000),
    anonymousCostPerMinute: int(env, 'ANONYMOUS_COST_PER_MINUTE', 50_000, 0, 1_000_000_000),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
    seedDemoOnEmpty: bool(env, 'SEED_DEMO', databaseUrl === null),
    // the newcomer's `npm start` (embedded database) keeps GraphiQL; a deployment does not
    graphiql: bool(env, 'GRAPHIQL', nodeEnv === 'development' || databaseUrl === null),
    introspection: bool(env, 'INTROSPECTION', nodeEnv !== 'production'),
    transactionFlowGuard: bool(env, 'TX_FLOW_GUARD', nodeEnv !== 'production'),
    rowSecurity: bool(env, 'DB_ROW_SECURITY', true),
    graphqlJitAfter: int(env, 'GRAPHQL_JIT_AFTER', 2, 0, 1_000_000),
    graphqlJitCache: int(env, 'GRAPHQL_JIT_CACHE', 1_000, 1, 1_000_000),
    documentRenderThreads: env.DOCUMENT_RENDER_THREADS ? int(env, 'DOCUMENT_RENDER_THREADS', 0, 0, 64) : null,
    heapGrowingPercent: int(env, 'HEAP_GROWING_PERCENT', 120, 0, 1_000),
    documentLinkTtlSeconds: int(env, 'DOCUMENT_LINK_TTL_SECONDS', 300, 1, 24 * 3600),
    workers: int(env, 'WORKERS', 2, 0, 64),
    jobPollIntervalMs: int(env, 'JOB_POLL_INTERVAL_MS', 2000, 500, 60_000),
    jobRetryDelaySeconds: int(env, 'JOB_RETRY_DELAY_SECONDS', 5, 0, 3600),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM?.trim() || 'Agency <no-reply@localhost>',
    publicUrl: publicUrl(env, int(env, 'PORT', 4000, 0, 65535)),
    surveyLinkTtlDays: int(env, 'SURVEY_LINK_TTL_DAYS', 14, 1, 365),
    webhookRetryBaseSeconds: int(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 0, 3600),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    corsOrigins: corsOrigins(env, nodeEnv),
    // a browser only honours HSTS received over https; sent over http it would pin a developer's
    // localhost to https for a year
    hsts: bool(env, 'HSTS', publicUrl(env, 4000).startsWith('https://')),
    ...httpTimeouts(env),
    trustProxy: trustProxy(env),
    metricsToken: metricsToken(env),
    metricsMaxOperations: int(env, 'METRICS_MAX_OPERATIONS', 200, 1, 10_000),
    signup: signupConfig.mode,
    signupConfirmation: signupConfirmation(env, nodeEnv, databaseUrl === null, signupConfig.mode, smtpUrl(env)),
    signupInviteCodes: signupConfig.codes,
    signupPerHourPerAddress: int(env, 'SIGNUP_PER_HOUR_PER_ADDRESS', 10, 1, 1_000_000),
    passwordResetPerHourPerAddress: int(env, 'PASSWORD_RESET_PER_HOUR_PER_ADDRESS', 10, 1, 1_000_000),
    passwordResetPerHourPerEmail: int(env, 'PASSWORD_RESET_PER_HOUR_PER_EMAIL', 3, 1, 1000),
    loginFreeAttempts: int(env, 'LOGIN_FREE_ATTEMPTS', 5, 1, 1000),
    loginFreeAttemptsPerEmail: int(env, 'LOGIN_FREE_ATTEMPTS_PER_EMAIL', 20, 1, 10_000),
    loginBackoffMaxSeconds: int(env, 'LOGIN_BACKOFF_MAX_SECONDS', 900, 1, 24 * 3600),
    loginFailuresPerHourPerAddress: int(env, 'LOGIN_FAILURES_PER_HOUR_PER_ADDRESS', 100, 1, 1_000_000),
    passwordMinScore: int(env, 'PASSWORD_MIN_SCORE', 3, 0, 4),
    dbOutageWaitMs: int(env, 'DB_OUTAGE_WAIT_MS', 5000, 0, 60_000),
    dbRetryAfterSeconds: int(env, 'DB_RETRY_AFTER_SECONDS', 2, 1, 300),
  };
  // a budget smaller than one allowed request would refuse that request forever
  for (const [name, budget] of [['AGENCY_COST_PER_MINUTE', config.agencyCostPerMinute], ['ANONYMOUS_COST_PER_MINUTE', config.anonymousCostPerMinute]] as const) {
    if (budget > 0 && budget < config.maxQueryCost) {
      throw new ConfigError(`${name} (${budget}) must be 0 (off) or at least MAX_QUERY_COST (${config.maxQueryCost})`);
    }
  }
  // the demo agency is written by the connecting role across the wall (src/seed/demo.ts): the owner's work
  if (config.seedDemoOnEmpty && config.migrationDatabaseUrl) {
    throw new ConfigError('SEED_DEMO needs the owner: with MIGRATION_DATABASE_URL, run `npm run seed` with DATABASE_URL set to the owner instead');
  }
  return config;
}
