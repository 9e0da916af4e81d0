import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { newContext, noUsage, type AppServices, type AuthedContext } from '../context';
import type { Logger } from '../logger';
import * as records from '../services/job.service';
import { poolExecutor, queueExecutor, type SqlExecutor } from './executor';
import { jobKind, jobKinds, scheduledJobs, systemJob, systemJobs, type JobKind, type SystemJob } from './registry';
import { actorUnit } from '../services/scope';
import './kinds';

export { QUEUE_SCHEMA } from './schema';
import { QUEUE_SCHEMA } from './schema';

/** A counting semaphore: WORKERS jobs at once in this process, whatever their kinds. */
class Slots {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** A kind's retry policy; a delay of 0 retries at once (pg-boss's backoff would make it at least 1 s, doubling). */
function defaults(def: JobKind | SystemJob, config: Pick<AppConfig, 'jobRetryDelaySeconds'>) {
  const retryDelay = def.retryDelaySeconds ?? config.jobRetryDelaySeconds;
  return {
    retryLimit: def.retryLimit ?? 2,
    retryDelay,
    retryBackoff: retryDelay > 0 && (def.retryBackoff ?? true),
    expireInSeconds: def.expireInSeconds ?? 15 * 60,
  };
}

/**
 * The queues of every registered kind and the cron schedules. A queue already there is left as it
 * is (pg-boss: INSERT … ON CONFLICT DO NOTHING); a new one gets a table of its own (DDL: only the
 * owner of pg-boss's schema can, see installQueue).
 */
async function createQueues(boss: PgBoss, config: Pick<AppConfig, 'jobRetryDelaySeconds'>): Promise<void> {
  for (const def of [...jobKinds(), ...systemJobs()]) await boss.createQueue(def.kind, { name: def.kind, ...defaults(def, config) });
  for (const s of scheduledJobs()) {
    await boss.createQueue(s.kind, { name: s.kind, retryLimit: 1, expireInSeconds: 15 * 60 });
    await boss.schedule(s.kind, s.cron, {}, { tz: 'UTC' });
  }
}

/**
 * What only the database's owner does for the queue, before an API or worker process connects as
 * a login role that is not the owner (src/index.ts with MIGRATION_DATABASE_URL, `npm run migrate`):
 * pg-boss's schema created or upgraded, a queue (table) for every registered kind, the schedules.
 * Those processes then only read and write them (agency_app's grants, migrations/1796700000900).
 * Works no jobs, runs no maintenance; `dataSource` is the owner's, closed by the caller.
 */
export async function installQueue(dataSource: DataSource, config: Pick<AppConfig, 'jobRetryDelaySeconds'>): Promise<void> {
  const boss = new PgBoss({ db: poolExecutor(dataSource), schema: QUEUE_SCHEMA, migrate: true, supervise: false, schedule: false });
  await boss.start();
  try {
    await createQueues(boss, config);
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/**
 * The job queue: pg-boss 10 on the app's own connection pool (see poolExecutor), so it runs the
 * same on a PostgreSQL server and on the embedded single-connection PGlite. Every process can
 * enqueue; a process with WORKERS > 0 also runs jobs, cron schedules and pg-boss's maintenance.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly log: Logger;
  private started = false;
  /** the handlers running in this process (stop() lets them end before the pool closes) */
  private readonly running = new Set<Promise<unknown>>();
  /** the pg-boss worker ids of each kind in this process (to wake them when a job is committed) */
  private readonly workerIds = new Map<string, string[]>();

  constructor(private readonly app: AppServices) {
    this.log = app.logger.child({ component: 'jobs' });
    const working = app.config.workers > 0;
    this.boss = new PgBoss({
      db: queueExecutor(app.dataSource, (text) => this.log.warn({ statement: text.slice(0, 80) }, 'a job ended after the shutdown: its outcome is not recorded, the next start sets it straight')),
      schema: QUEUE_SCHEMA,
      // pg-boss owns its schema and its version (pgboss.version): created or upgraded at start,
      // under its own advisory lock, so several processes may start at once
      migrate: true,
      // maintenance and cron only where jobs are worked on (an API process with WORKERS=0 only sends)
      supervise: working,
      schedule: working,
      // the queue's own bookkeeping, not the agency's records: a week is plenty
      deleteAfterDays: 7,
    });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  /** Creates pg-boss's schema if needed, the queues of every registered kind, the schedules, then the workers. */
  async start(): Promise<void> {
    const t0 = Date.now();
    await this.boss.start();
    this.started = true;
    await createQueues(this.boss, this.app.config);
    const workers = this.app.config.workers;
    if (workers > 0) {
      const slots = new Slots(workers);
      const options = { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.app.config.jobPollIntervalMs / 1000 } as const;
      for (const def of jobKinds()) {
        for (let i = 0; i < workers; i++) {
          let workerId = '';
          workerId = await this.boss.work<records.QueuedJobData>(def.kind, options, async ([job]) => {
            try {
              return await this.tracked(this.runTenantJob(slots, job));
            } finally {
              // pg-boss waits a whole polling interval after every fetch, even one that found a job:
              // a worker that just finished one asks again at once (an empty fetch then waits as usual)
              this.boss.notifyWorker(workerId);
            }
          });
          this.workerIds.set(def.kind, [...(this.workerIds.get(def.kind) ?? []), workerId]);
        }
      }
      for (const def of systemJobs()) {
        for (let i = 0; i < workers; i++) {
          let workerId = '';
          workerId = await this.boss.work<object>(def.kind, options, async ([job]) => {
            try {
              return await this.tracked(this.runSystemJob(slots, def, job));
            } finally {
              this.boss.notifyWorker(workerId);
            }
          });
          this.workerIds.set(def.kind, [...(this.workerIds.get(def.kind) ?? []), workerId]);
        }
      }
      for (const s of scheduledJobs()) {
        await this.boss.work(s.kind, options, () =>
          this.tracked(
            (async () => {
              await slots.take();
              try {
                return await s.run(this.app);
              } finally {
                slots.give();
              }
            })(),
          ),
        );
      }
    }
    this.log.info({ workers, kinds: [...jobKinds(), ...systemJobs()].map((k) => k.kind), schedules: scheduledJobs().map((s) => s.kind), ms: Date.now() - t0 }, 'job queue started');
  }

  /**
   * Stops taking jobs and waits up to `timeoutMs` for the running ones to finish; those still
   * running then are failed back to the queue (retried later, by this or another process).
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.workerIds.clear();
    // close: false: the pool is the app's, closed with its DataSource
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    // a job still running now was failed back to the queue, but its handler runs on, and when it
    // ends pg-boss records its outcome without awaiting it. Let such handlers end (bounded), and
    // the write they start go out; one that ends later finds the pool closed and its write is
    // dropped (queueExecutor).
    if (this.running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
      clearTimeout(timer);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** `work`, remembered while it runs. */
  private tracked<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Tells this process's workers of a kind that a job was just committed: an idle one fetches at
   * once instead of at its next poll (JOB_POLL_INTERVAL_MS). Other processes find it by polling.
   */
  wake(kind: string): void {
    if (!this.started) return;
    for (const id of this.workerIds.get(kind) ?? []) this.boss.notifyWorker(id);
  }

  /** Sends one job (through `db`: the caller's transaction, or the pool), at once or not before `startAfter`. */
  async send(kind: string, data: object, id: string, db: SqlExecutor, opts: { startAfter?: Date } = {}): Promise<void> {
    const def = jobKind(kind) ?? systemJob(kind);
    if (!def) throw new Error(`unknown job kind ${kind}`);
    const when = opts.startAfter ? { startAfter: opts.startAfter } : {};
    await this.boss.send(kind, data, { id, db, ...defaults(def, this.app.config), ...when } as PgBoss.SendOptions);
  }

  /** The cron schedules registered in the queue (name and expression). */
  async schedules(): Promise<{ name: string; cron: string }[]> {
    return (await this.boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron }));
  }

  /** A system job (no agency, no record): the handler's failure is logged and retried by the queue. */
  private async runSystemJob(slots: Slots, def: SystemJob, job: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const attempt = job.retryCount + 1;
    const lastAttempt = job.retryCount >= job.retryLimit;
    await slots.take();
    try {
      return await def.run(this.app, job.data, { attempt, lastAttempt });
    } catch (err) {
      this.log.warn({ err, jobId: job.id, kind: job.name, attempt, lastAttempt }, 'job failed');
      throw err;
    } finally {
      slots.give();
    }
  }

  private async runTenantJob(slots: Slots, job: PgBoss.JobWithMetadata<records.QueuedJobData>): Promise<unknown> {
    const def = jobKind(job.name);
    if (!def) throw new Error(`no handler for job kind ${job.name}`);
    const { recordId, actor, locale, payload } = job.data;
    const ctx = newContext<AuthedContext>({
      usage: noUsage(),
      requestId: `job:${job.id}`,
      actor,
      authError: null,
      locale,
      // the job's agency, behind row-level security: each statement its own transaction
      manager: actorUnit(this.app, actor).manager,
      app: this.app,
      logger: this.log.child({ jobId: job.id, kind: job.name, actor }),
    });
    const attempt = job.retryCount + 1;
    const lastAttempt = job.retryCount >= job.retryLimit;
    await slots.take();
    try {
      await records.jobStarted(ctx, recordId, attempt);
      const result = await def.run({
        ctx,
        payload,
        jobId: recordId,
        attempt,
        lastAttempt,
        progress: (percent, message) => records.jobProgress(ctx, recordId, percent, message ?? null),
      });
      await records.jobSucceeded(ctx, recordId, result);
      return result;
    } catch (err) {
      ctx.logger.warn({ err, attempt, lastAttempt }, 'job failed');
      await records.jobFailed(ctx, recordId, records.jobErrorOf(ctx, err), lastAttempt);
      throw err;
    } finally {
      slots.give();
    }
  }
}
