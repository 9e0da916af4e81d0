import type { Logger } from '../logger';
import { outsideTransactionFlow } from './scope';

/**
 * Work that outlives the request that started it. The one seam a real queue (pg-boss, in the same
 * PostgreSQL) replaces later: callers hand over a name and a function that keeps its own state
 * (e.g. the kpi_imports row) and never rely on where or when it runs.
 */
export interface BackgroundRunner {
  /** Starts `work` without waiting for it; its failure is logged, never thrown to the caller. */
  run(name: string, work: () => Promise<void>): void;
  /** Resolves once every started job has ended (shutdown, tests). */
  idle(): Promise<void>;
}

/**
 * Runs jobs in this process, at once and without a limit of their own (the database pool is the
 * limit). A job cut short by the process ending is left as it stood; its owner sweeps such
 * leftovers on the next start (see failInterruptedImports).
 */
export function inProcessRunner(logger: Logger): BackgroundRunner {
  const running = new Set<Promise<void>>();
  return {
    run(name, work) {
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
      void job.finally(() => running.delete(job));
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}
