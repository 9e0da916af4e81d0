import { registerJob, registerSchedule } from './registry';
import {
  failAbandonedImports,
  KPI_IMPORT_EXPIRE_SECONDS,
  KPI_IMPORT_JOB,
  KPI_IMPORT_RETRY_LIMIT,
  runImportJob,
  type KpiImportJobPayload,
  type KpiImportJobResult,
} from '../services/kpi-import.service';
import { forEachAgency } from '../services/scope';

/**
 * A background KPI import, in any process with workers. The file is on the import (the payload is
 * only its id). A run that expires (KPI_IMPORT_EXPIRE_SECONDS) or dies with its worker is retried by the queue:
 * the import writes all or nothing, so running it again is safe, and an import that has already
 * ended is never run twice.
 */
export const kpiImportJob = registerJob<KpiImportJobPayload, KpiImportJobResult>({
  kind: KPI_IMPORT_JOB,
  retryLimit: KPI_IMPORT_RETRY_LIMIT,
  expireInSeconds: KPI_IMPORT_EXPIRE_SECONDS,
  run: ({ ctx, payload, lastAttempt, progress }) => runImportJob(ctx, payload.importId, lastAttempt, (percent) => progress(percent)),
});

/**
 * Every 15 minutes: background imports whose last run the queue gave up on end FAILED with
 * IMPORT_INTERRUPTED (see failAbandonedImports), for every agency.
 */
export const failAbandonedImportsSchedule = registerSchedule({
  kind: 'kpi.fail-abandoned-imports',
  cron: '*/15 * * * *',
  run: async (app) => {
    const marked = await forEachAgency(app, 'kpi.fail-abandoned-imports', (ctx) => failAbandonedImports(ctx));
    return { failed: [...marked.values()].reduce((a, b) => a + b, 0) };
  },
});
