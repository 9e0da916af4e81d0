import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from './config';
import type { Locale, UserRole } from './entities/enums';
import type { Loaders } from './loaders';
import type { Logger } from './logger';
import type { TokenService } from './auth/token';
import type { TokenUserCache } from './auth/token-users';
import type { RenderPool } from './documents/pool';
import type { JobQueue } from './jobs/queue';
import type { AuthLimits } from './auth/rate-limits';
import type { Projection } from './schema/common/row-projection';

/** Who is calling. Absent for anonymous requests. */
export interface Actor {
  userId: string;
  agencyId: string;
  role: UserRole;
  /** set only for CLIENT (portal) users: the one client they may see */
  clientId: string | null;
}

/** Process-wide things a request needs; built once by createApp. */
export interface AppServices {
  config: AppConfig;
  dataSource: DataSource;
  tokens: TokenService;
  /** the users tokens name, kept between requests while this node hears of their changes */
  tokenUsers: TokenUserCache;
  /** login and sign-up limits, counted in PostgreSQL (shared by every API process) */
  authLimits: AuthLimits;
  logger: Logger;
  /** renders documents off the event loop (one pool per app, closed on shutdown) */
  renderPool: RenderPool;
  /** background jobs (pg-boss on the app's pool): started and stopped with the app */
  queue: JobQueue;
  /**
   * The current instant for the KPI engine's writes (which periods have ended, what is pro-rated):
   * the wall clock; tests of past campaigns set it to a day of theirs.
   */
  clock(): Date;
  /** a fresh set of loaders bound to the given context (passed here so that the scope module needs no import of the loaders) */
  createLoaders(ctx: RequestContext): Loaders;
}

/** Built once per request by the context function; passed first to every service call. */
export interface RequestContext {
  requestId: string;
  /** the client's address (behind a trusted proxy, the forwarded one); null in-process (seeding, scripts, jobs) */
  clientAddress?: string | null;
  actor: Actor | null;
  /** why a presented bearer token was not accepted (expired, invalid); reported on first use */
  authError: string | null;
  /**
   * the language of the messages people read: the agency's locale when logged in, else the
   * Accept-Language of the request (ru, bg or en), else ru
   */
  locale: Locale;
  /** the unit of work: the pool's manager, or, in a context derived by withTransaction, the transaction's */
  manager: EntityManager;
  loaders: Loaders;
  app: AppServices;
  logger: Logger;
  /**
   * What this request spends, filled in as it goes (one mutable holder per request, shared by the
   * contexts derived from it): `cost` is the operation's estimated cost once it is known, read by
   * logs and metrics; null before (or when no operation was resolved) and outside requests.
   */
  usage: Usage;
  /**
   * When the request's time budget (REQUEST_TIMEOUT_MS) is spent, in `performance.now()`
   * milliseconds; absent outside requests. A number compared when a statement is about to start,
   * not an AbortSignal.timeout: nothing listens for the moment itself, and a timer signal per
   * request costs a timer, a weak reference and new hidden classes every time (its weak reference
   * also keeps it out of young collections until a full one).
   */
  deadline?: number;
}

export interface Usage {
  cost: number | null;
  /**
   * the columns the operation can show, per entity, once it is resolved (a query of plain columns
   * and declared fields only; src/schema/common/row-projection.ts); null or absent: whole rows
   */
  projection?: Projection | null;
}

/** A usage holder for contexts that are not a GraphQL request (jobs, scripts, maintenance). */
export function noUsage(): Usage {
  return { cost: null };
}

/**
 * A context value with loaders of its own, bound to it: how the context function builds the
 * request's context and how withTransaction / asAgency derive one. Contexts are never mutated.
 */
export function newContext<C extends RequestContext>(fields: Omit<C, 'loaders'>): C {
  const ctx = { ...fields } as C;
  return Object.assign(ctx, { loaders: fields.app.createLoaders(ctx) });
}

/** The actor, or UNAUTHENTICATED: for services that are only reachable when logged in. */
export type AuthedContext = RequestContext & { actor: Actor };
