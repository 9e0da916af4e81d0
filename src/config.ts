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
  logLevel: string;
  maxQueryDepth: number;
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
  /** worker threads rendering PDFs; null: CPU count − 1 (at least 1); 0: render on the event loop */
  documentRenderThreads: number | null;
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
}

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

/** Only where the database is (DATABASE_URL or the embedded one under DATA_DIR): for `npm run migrate`, which needs no secret. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Pick<AppConfig, 'databaseUrl' | 'dataDir'> {
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  return { databaseUrl, dataDir };
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

/** Parses and validates every environment variable once; the rest of the code reads AppConfig. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // production-like unless told otherwise: masking must not depend on remembering a variable
  const rawEnv = env.NODE_ENV || 'production';
  if (!['development', 'production', 'test'].includes(rawEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${rawEnv}"`);
  }
  const nodeEnv = rawEnv as NodeEnv;
  const { dataDir, databaseUrl } = loadDatabaseConfig(env);
  const jwt = resolveJwtSecret(env, nodeEnv, dataDir, databaseUrl === null);
  return {
    nodeEnv,
    isDev: nodeEnv === 'development',
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 200),
    bulkCopy: bool(env, 'DB_BULK_COPY', true),
    jwtSecret: jwt.secret,
    jwtSecretFile: jwt.file,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
    seedDemoOnEmpty: bool(env, 'SEED_DEMO', databaseUrl === null),
    // the newcomer's `npm start` (embedded database) keeps GraphiQL; a deployment does not
    graphiql: bool(env, 'GRAPHIQL', nodeEnv === 'development' || databaseUrl === null),
    introspection: bool(env, 'INTROSPECTION', nodeEnv !== 'production'),
    transactionFlowGuard: bool(env, 'TX_FLOW_GUARD', nodeEnv !== 'production'),
    documentRenderThreads: env.DOCUMENT_RENDER_THREADS ? int(env, 'DOCUMENT_RENDER_THREADS', 0, 0, 64) : null,
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
  };
}
