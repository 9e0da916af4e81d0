import { randomUUID } from 'node:crypto';
import type { AppServices, AuthedContext, RequestContext } from '../context';
import { Job, JobState, type JobErrorValue } from '../entities/job.entity';
import { AppError } from '../errors';
import { Locale } from '../entities/enums';
import { msg, render, type Msg } from '../i18n';
import { managerExecutor } from '../jobs/executor';
import { jobKind, systemJob } from '../jobs/registry';
import { agencyUnit, scoped, withTransaction } from './scope';

/**
 * A failure a handler reports to the agency on purpose: a stable code and a message in the
 * agency's language. Anything else thrown by a handler reads as INTERNAL_SERVER_ERROR.
 */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    readonly text: Msg,
  ) {
    super(`${code}: ${text.key}`);
  }
}

/** What travels in pg-boss's job data: who asked (for scoping the handler's reads), and what for. */
export interface QueuedJobData<P = unknown> {
  recordId: string;
  actor: AuthedContext['actor'];
  locale: AuthedContext['locale'];
  payload: P;
}

/**
 * Enqueues a job of a registered kind with the agency's record of it, both in the caller's
 * transaction (or in one of their own): either both exist after the commit or neither does.
 */
export async function enqueueJob<P>(ctx: AuthedContext, kind: string, payload: P, opts: { startAfter?: Date } = {}): Promise<Job> {
  const def = jobKind(kind);
  if (!def) throw new Error(`unknown job kind ${kind}`);
  const inCallersTransaction = Boolean(ctx.manager.queryRunner?.isTransactionActive);
  const queued = await withTransaction(ctx, async (tx) => {
    const bossJobId = randomUUID();
    const record = await scoped(tx, Job).insert(
      { bossJobId, kind, state: JobState.QUEUED, progress: 0, createdById: tx.actor.userId },
      { allowPortal: Boolean(def.portalVisible) },
    );
    const data: QueuedJobData<P> = { recordId: record.id, actor: tx.actor, locale: tx.locale, payload };
    await tx.app.queue.send(kind, data, bossJobId, managerExecutor(tx.manager), opts);
    return record;
  });
  // committed here: this process's idle workers take it now instead of at their next poll (a
  // caller's own transaction wakes them after its commit)
  if (!inCallersTransaction && !opts.startAfter) ctx.app.queue.wake(kind);
  return queued;
}

/**
 * Enqueues a system job (no agency, no record: a sign-up's email) in the caller's transaction, so
 * that it exists if and only if what asked for it commits; outside a transaction, on the pool.
 */
export async function enqueueSystemJob<P extends object>(ctx: RequestContext, kind: string, payload: P): Promise<void> {
  if (!systemJob(kind)) throw new Error(`unknown system job kind ${kind}`);
  const inCallersTransaction = Boolean(ctx.manager.queryRunner?.isTransactionActive);
  await ctx.app.queue.send(kind, payload, randomUUID(), managerExecutor(ctx.manager));
  if (!inCallersTransaction) ctx.app.queue.wake(kind);
}

/** The agency's record of a job; null when it is not the agency's (or no such job). */
export async function getJob(ctx: AuthedContext, id: string): Promise<Job | null> {
  return scoped(ctx, Job).findById(id);
}

async function patchRecord(ctx: AuthedContext, recordId: string, patch: Partial<Job>): Promise<void> {
  const row = await scoped(ctx, Job).findById(recordId);
  // the record goes with the agency (deleted agency, pruned record): nothing left to report to
  if (row) await scoped(ctx, Job).update(row, patch as never, { allowPortal: true });
}

/** Worker side: a run begins (attempt 1, 2, …). */
export async function jobStarted(ctx: AuthedContext, recordId: string, attempt: number): Promise<void> {
  await patchRecord(ctx, recordId, { state: JobState.RUNNING, attempts: attempt, progress: 0, progressMessage: null, startedAt: new Date() });
}

/** Worker side: progress of the current run, clamped to 0–100. */
export async function jobProgress(ctx: AuthedContext, recordId: string, percent: number, message: string | null): Promise<void> {
  const progress = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
  await patchRecord(ctx, recordId, { progress, progressMessage: message });
}

/** Worker side: the run succeeded with this result. */
export async function jobSucceeded(ctx: AuthedContext, recordId: string, result: unknown): Promise<void> {
  await patchRecord(ctx, recordId, { state: JobState.SUCCEEDED, progress: 100, result: result ?? null, error: null, finishedAt: new Date() });
}

/** Worker side: the run failed; FAILED when no retry follows, else back to QUEUED with the error kept. */
export async function jobFailed(ctx: AuthedContext, recordId: string, error: JobErrorValue, final: boolean): Promise<void> {
  await patchRecord(ctx, recordId, final ? { state: JobState.FAILED, error, finishedAt: new Date() } : { state: JobState.QUEUED, error });
}

/** The error the agency reads for what a handler threw (internals only in development). */
export function jobErrorOf(ctx: AuthedContext, err: unknown): JobErrorValue {
  if (err instanceof JobFailure) return { code: err.code, message: render(ctx.locale, err.text) };
  if (err instanceof AppError) return { code: String(err.extensions.code), message: err.i18n ? render(ctx.locale, err.i18n) : err.message };
  const internal = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL_SERVER_ERROR', message: ctx.app.config.isDev ? internal : render(ctx.locale, msg('jobs.failed')) };
}

/** How long the agency can still read a finished job's record. */
export const JOB_RECORD_RETENTION_DAYS = 30;

/**
 * Deletes the records of jobs finished more than JOB_RECORD_RETENTION_DAYS ago, for every agency
 * at once: system maintenance with no actor, which reads nothing and only drops expired rows.
 */
export async function pruneJobRecords(app: AppServices): Promise<{ deleted: number }> {
  // a narrow SECURITY DEFINER function (migrations/1796700001000-BeforeAgencyLookups.ts): the login role needs no BYPASSRLS
  const rows: { deleted: string }[] = await app.dataSource.query('SELECT app_prune_job_records($1) AS deleted', [JOB_RECORD_RETENTION_DAYS]);
  return { deleted: Number(rows[0]?.deleted ?? 0) };
}

/**
 * Records left RUNNING by a run the queue has given up on (it outlived its kind's expiry, or its
 * worker process died): pg-boss then retried the job (QUEUED again here) or, after its last
 * attempt, failed it (FAILED here, code JOB_INTERRUPTED, in the agency's language). A record whose
 * queue job is still active is left alone. System maintenance over every agency's records: found
 * by a narrow function (app_interrupted_jobs), each then updated in its own agency's unit.
 */
export async function reconcileInterruptedJobs(app: AppServices): Promise<{ requeued: number; failed: number }> {
  const stuck: { id: string; agencyId: string; bossState: string; locale: Locale }[] = await app.dataSource.query('SELECT * FROM app_interrupted_jobs()');
  let requeued = 0;
  let failed = 0;
  for (const row of stuck) {
    const final = row.bossState === 'failed' || row.bossState === 'cancelled';
    const error: JobErrorValue = { code: 'JOB_INTERRUPTED', message: render(row.locale, msg('jobs.interrupted')) };
    // only while still RUNNING: a run that finished meanwhile has written its own outcome
    await agencyUnit(app, row.agencyId).manager.query(
      `UPDATE jobs SET state = $2::job_state, error = $3, "finishedAt" = CASE WHEN $2::text = 'FAILED' THEN now() ELSE "finishedAt" END, "updatedAt" = now()
        WHERE id = $1 AND state = 'RUNNING'`,
      [row.id, final ? JobState.FAILED : JobState.QUEUED, error],
    );
    if (final) failed++;
    else requeued++;
  }
  if (stuck.length) app.logger.warn({ requeued, failed }, 'job records of interrupted runs reconciled');
  return { requeued, failed };
}
