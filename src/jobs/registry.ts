import type { AppServices, AuthedContext } from '../context';

/** What a handler is given: who asked, what for, and a way to report how far it got. */
export interface JobRun<P> {
  /** the context of the user who enqueued the job (their agency, role and language), on the pool */
  ctx: AuthedContext;
  payload: P;
  /** the job record's id (`Job.id`, what `job(id)` reads) */
  jobId: string;
  /** 1 for the first run */
  attempt: number;
  /** true when a failure now is final (no retry follows) */
  lastAttempt: boolean;
  /**
   * Records progress (0–100) and an optional message, readable at once through `job(id)`. Written
   * on the pool: call it outside any transaction of the handler (the embedded database has one
   * connection).
   */
  progress(percent: number, message?: string | null): Promise<void>;
}

/** A kind of tenant job: enqueued by a user of an agency, with a record the agency can read. */
export interface JobKind<P = unknown, R = unknown> {
  /** the queue name, e.g. `email.send` */
  kind: string;
  run(job: JobRun<P>): Promise<R>;
  /** retries after the first run (default 2) */
  retryLimit?: number;
  /** seconds before the first retry (default: config JOB_RETRY_DELAY_SECONDS); doubled each retry when retryBackoff */
  retryDelaySeconds?: number;
  /** exponential backoff with jitter between retries (default true) */
  retryBackoff?: boolean;
  /** how long one run may take before the queue gives up on it (default 15 minutes) */
  expireInSeconds?: number;
  /** whether a client-portal user may read records of this kind (none yet) */
  portalVisible?: boolean;
}

/** A system job run on a cron schedule (UTC), for every agency at once; it has no record. */
export interface ScheduledJob {
  kind: string;
  /** five-field cron expression, evaluated in UTC */
  cron: string;
  run(app: AppServices): Promise<unknown>;
}

/**
 * A job of the service itself, sent before any agency is known (a sign-up's email): no record an
 * agency reads, no actor; its handler gets the app and the payload. Retried like a tenant job.
 */
export interface SystemJob<P = unknown> {
  kind: string;
  run(app: AppServices, payload: P, run: { attempt: number; lastAttempt: boolean }): Promise<unknown>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

const kinds = new Map<string, JobKind<any, any>>();
const schedules = new Map<string, ScheduledJob>();
const systemKinds = new Map<string, SystemJob<any>>();

function claim(kind: string): void {
  if (kinds.has(kind) || schedules.has(kind) || systemKinds.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
}

/** Registers a kind of job by its name (once; a second registration of the name is a programming error). */
export function registerJob<P, R>(def: JobKind<P, R>): JobKind<P, R> {
  claim(def.kind);
  kinds.set(def.kind, def);
  return def;
}

/** Registers a scheduled system job. */
export function registerSchedule(def: ScheduledJob): ScheduledJob {
  claim(def.kind);
  schedules.set(def.kind, def);
  return def;
}

/** Registers a system job sent on demand (see SystemJob). */
export function registerSystemJob<P>(def: SystemJob<P>): SystemJob<P> {
  claim(def.kind);
  systemKinds.set(def.kind, def);
  return def;
}

export function systemJob(kind: string): SystemJob<any> | undefined {
  return systemKinds.get(kind);
}

export function systemJobs(): SystemJob<any>[] {
  return [...systemKinds.values()];
}

export function jobKind(kind: string): JobKind<any, any> | undefined {
  return kinds.get(kind);
}

export function jobKinds(): JobKind<any, any>[] {
  return [...kinds.values()];
}

export function scheduledJobs(): ScheduledJob[] {
  return [...schedules.values()];
}
