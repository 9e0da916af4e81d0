import type { Logger } from '../logger';
import { outsideTransactionFlow } from './scope';

/**
 * Work that outlives the request that started it. The one seam a real queue (pg-boss, in the same
 * PostgreSQL) replaces later: callers hand over a name and a function that keeps its own state
 * (e.g. the kpi_imports row) and never rely on where or when it runs.
 */
export interface BackgroundRunner {
  /** Whether a job handed over now would start at once (a hint for the job's first status). */
  hasFreeSlot(): boolean;
  /**
   * Runs `work` without waiting for it: at once when a slot is free, else after the jobs handed
   * over before it. Its failure is logged, never thrown to the caller.
   */
  run(name: string, work: () => Promise<void>): void;
  /** Resolves once every job handed over has ended (shutdown, tests). */
  idle(): Promise<void>;
}

/**
 * Runs jobs in this process, `concurrency` at a time, the others in the order given. A job cut
 * short by the process ending is left as it stood; its owner sweeps such leftovers on the next
 * start (see failInterruptedImports).
 */
export function inProcessRunner(logger: Logger, concurrency = 2): BackgroundRunner {
  const waiting: { name: string; work: () => Promise<void> }[] = [];
  const running = new Set<Promise<void>>();
  const start = (name: string, work: () => Promise<void>) => {
    const started = Date.now();
    // not part of the request's async flow (its transaction guard, its context): a job of its own
    const job = outsideTransactionFlow(() =>
      Promise.resolve()
        .then(work)
        .then(
          () => logger.info({ job: name, ms: Date.now() - started }, 'background job done'),
          (err) => logger.error({ job: name, err }, 'background job failed'),
        ),
    );
    running.add(job);
    void job.finally(() => {
      running.delete(job);
      const next = waiting.shift();
      if (next) start(next.name, next.work);
    });
  };
  return {
    hasFreeSlot: () => running.size < concurrency,
    run(name, work) {
      if (running.size < concurrency) start(name, work);
      else waiting.push({ name, work });
    },
    async idle() {
      while (running.size || waiting.length) await Promise.allSettled([...running]);
    },
  };
}
