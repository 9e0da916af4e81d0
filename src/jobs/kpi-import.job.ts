import { registerJob } from './registry';
import { KPI_IMPORT_JOB, runImportJob, type KpiImportJobPayload, type KpiImportJobResult } from '../services/kpi-import.service';

/**
 * A background KPI import, in any process with workers. The file is on the import (the payload is
 * only its id). A run that expires (30 minutes) or dies with its worker is retried by the queue:
 * the import writes all or nothing, so running it again is safe, and an import that has already
 * ended is never run twice.
 */
export const kpiImportJob = registerJob<KpiImportJobPayload, KpiImportJobResult>({
  kind: KPI_IMPORT_JOB,
  retryLimit: 2,
  expireInSeconds: 30 * 60,
  run: ({ ctx, payload, lastAttempt, progress }) => runImportJob(ctx, payload.importId, lastAttempt, (percent) => progress(percent)),
});
