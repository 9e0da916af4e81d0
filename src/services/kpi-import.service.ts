import type { AuthedContext } from '../context';
import { Campaign, KpiImport, KpiImportStatus } from '../entities';
import { Job } from '../entities/job.entity';
import type { StoredImportProblem, StoredMessage } from '../entities/kpi-import.entity';
import { AppError } from '../errors';
import { msg, render } from '../i18n';
import type { ConnectionResult } from '../schema/common/connection';
import type { KpiImportsArgs } from '../schema/kpi-import/kpi-import.args';
import { IMPORT_IN_REQUEST_MAX_LINES, type ImportKpiFileInput } from '../schema/kpi-import/kpi-import.inputs';
import type { KpiImportErrorType, KpiImportProblemType } from '../schema/kpi-import/kpi-import.type';
import { storeMeasurements } from './kpi-measurement.service';
import type { MeasurementValues } from './kpi-measurement.rules';
import { parseKpiFile } from './kpi-import/sources';
import type { ParsedFile } from './kpi-import/table';
import { checkImport, nameKey, type CampaignLookup, type ImportCampaign } from './kpi-import/validate';
import { latestFirst, paginate } from './pagination';
import { enqueueJob, JobFailure, jobFailed } from './job.service';
import { detachedContext, outsideTransactionFlow, scoped, withTransaction } from './scope';

/**
 * Importing a measurements file: a kpi_imports record, the file read as a stream with its
 * progress written as it goes, then every line checked and the figures recorded in one
 * transaction through the same path as typed figures. A large file runs as a `kpi.import` job on
 * the queue (src/jobs/kpi-import.job.ts), so any worker process may run it and a run cut short is
 * retried by the queue.
 */

/** Progress is written every this many lines read, each time in its own short statement. */
export const PROGRESS_EVERY_LINES = 5_000;
/** Problems kept on the record; problemCount has them all. */
export const MAX_KEPT_PROBLEMS = 1_000;

/** Lines of a text as a reader counts them: a last line without its newline counts, an empty one after it does not. */
export function countLines(content: string): number {
  if (content.length === 0) return 0;
  let n = 0;
  for (let at = content.indexOf('\n'); at >= 0; at = content.indexOf('\n', at + 1)) n++;
  return content.endsWith('\n') ? n : n + 1;
}

/** The queue's kind of a background import; its payload is only the import's id (the file is on the import). */
export const KPI_IMPORT_JOB = 'kpi.import';

/** Retries of a background import after its first run, and how long one run may take before the queue gives up on it. */
export const KPI_IMPORT_RETRY_LIMIT = 2;
export const KPI_IMPORT_EXPIRE_SECONDS = 30 * 60;

export interface KpiImportJobPayload {
  importId: string;
}

/**
 * Starts an import. Files up to IMPORT_IN_REQUEST_MAX_LINES lines are imported within the
 * request and the finished import is returned; larger ones, or with `background`, are kept with
 * their file and handed to the job queue (kind `kpi.import`, worked by any process with workers)
 * and returned at once as QUEUED (poll `kpiImport`, or `job` by its jobId). With any problem
 * nothing is written (REFUSED) unless `skipInvalidRows`; a day imported again replaces its figures.
 */
export async function importKpiFile(ctx: AuthedContext, input: ImportKpiFileInput, now: Date = ctx.app.clock()): Promise<KpiImport> {
  // a forced campaign that is not ours is the caller's mistake: NOT_FOUND now, not a failed job later
  if (input.campaignId) await scoped(ctx, Campaign).getById(input.campaignId, 'input.campaignId');
  const linesTotal = countLines(input.content);
  const background = input.background ?? linesTotal > IMPORT_IN_REQUEST_MAX_LINES;
  const fields = {
    createdById: ctx.actor.userId,
    source: input.source,
    options: {
      campaignId: input.campaignId ?? null,
      skipInvalidRows: input.skipInvalidRows ?? false,
      moneyInMicros: input.moneyInMicros ?? true,
      background,
    },
    linesTotal,
    linesDone: 0,
  };
  if (!background) {
    const record = await scoped(ctx, KpiImport).insert({ ...fields, status: KpiImportStatus.RUNNING, startedAt: now, jobId: null });
    await runImport(ctx, record, input, now, 'fail');
    return record;
  }
  // the import, its file and its job commit together: a worker never finds a job without its import
  const queued = await withTransaction(ctx, async (tx) => {
    const record = await scoped(tx, KpiImport).insert({ ...fields, status: KpiImportStatus.QUEUED, startedAt: null, content: input.content, jobId: null });
    const job = await enqueueJob<KpiImportJobPayload>(tx, KPI_IMPORT_JOB, { importId: record.id });
    const linked = await scoped(tx, KpiImport).update(record, { jobId: job.id });
    delete linked.content;
    return linked;
  });
  ctx.app.queue.wake(KPI_IMPORT_JOB);
  return queued;
}

/** How a background run ended, as the job's result. */
export interface KpiImportJobResult {
  status: KpiImportStatus;
  imported: number;
  skipped: number;
}

/**
 * One run of a background import's job, in whichever worker process takes it. An import that has
 * already ended (SUCCEEDED, REFUSED or FAILED) is not run again: a retry after its commit is a
 * no-op. Otherwise the whole import runs again from its kept file: it writes all or nothing in one
 * transaction, so a run cut short (a crash, an expired run, a stopped worker) left nothing behind.
 * A crash before the last attempt puts the import back to QUEUED and throws, so the queue retries
 * it; on the last attempt the import ends FAILED and its file is dropped.
 */
export async function runImportJob(ctx: AuthedContext, importId: string, lastAttempt: boolean, progress?: (percent: number) => Promise<void>): Promise<KpiImportJobResult> {
  const row = await scoped(ctx, KpiImport).query('i').addSelect('i.content').andWhere('i.id = :importId', { importId }).getOne();
  if (!row) throw new JobFailure('NOT_FOUND', msg('errors.importNotFound'));
  if (!UNFINISHED.includes(row.status)) return { status: row.status, imported: row.imported, skipped: row.skipped };
  const content = row.content ?? '';
  delete row.content;
  const options = row.options as { campaignId: string | null; skipInvalidRows: boolean; moneyInMicros: boolean };
  const input: ImportKpiFileInput = {
    source: row.source as ImportKpiFileInput['source'],
    content,
    campaignId: options.campaignId ?? undefined,
    skipInvalidRows: options.skipInvalidRows,
    moneyInMicros: options.moneyInMicros,
    background: true,
  };
  const outcome = await runImport(ctx, row, input, ctx.app.clock(), lastAttempt ? 'fail' : 'retry', progress);
  if (outcome.retry) throw outcome.retry;
  if (row.status === KpiImportStatus.FAILED) throw new JobFailure(row.errorCode ?? 'INTERNAL_SERVER_ERROR', row.errorMessage ?? msg('errors.importFailed'));
  return { status: row.status, imported: row.imported, skipped: row.skipped };
}

const UNFINISHED = [KpiImportStatus.QUEUED, KpiImportStatus.RUNNING];

/**
 * The work of one import, under the import's actor (the request's context, or the job's). Never
 * throws: how it ended is written on the record (and on the object given), except that with
 * `onCrash: 'retry'` a crash puts the import back to QUEUED and is returned for the caller to
 * hand to the queue. An ended import no longer keeps its file.
 */
async function runImport(
  ctx: AuthedContext,
  record: KpiImport,
  input: ImportKpiFileInput,
  now: Date,
  onCrash: 'fail' | 'retry',
  jobProgress?: (percent: number) => Promise<void>,
): Promise<{ retry?: unknown }> {
  const records = scoped(ctx, KpiImport);
  const progress = importProgress(ctx, record, jobProgress);
  try {
    if (record.status !== KpiImportStatus.RUNNING || !record.startedAt) {
      await records.update(record, { status: KpiImportStatus.RUNNING, startedAt: new Date(), linesDone: 0, figuresTotal: 0, figuresDone: 0, errorCode: null, errorMessage: null });
    }
    // read outside any transaction, each progress write visible at once; the reading goes on
    // while a write is out (a turn of the event loop lets it leave)
    const parsed = await parseKpiFile(input.source, input.content, {
      moneyInMicros: input.moneyInMicros ?? true,
      progressEvery: PROGRESS_EVERY_LINES,
      onProgress: (linesDone) => {
        // the job's own progress: reading is the first half of the work
        progress.report({ linesDone: Math.min(linesDone, record.linesTotal) }, record.linesTotal > 0 ? (50 * linesDone) / record.linesTotal : undefined);
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    await progress.settled();
    // the outcome is written in the transaction of the figures: recorded figures and SUCCEEDED commit together
    try {
      await withTransaction(ctx, (tx) => checkAndStore(tx, record, parsed, input, now, (figures) => progress.report(figures)));
    } finally {
      await progress.settled();
    }
    return {};
  } catch (err) {
    const error = failureOf(err);
    ctx.logger.error({ err, importId: record.id, code: error.code, retry: onCrash === 'retry' }, 'KPI import failed');
    // the transaction rolled back: nothing of the file is recorded, whatever the row held in memory
    const reset = { imported: 0, skipped: 0, problems: [], problemCount: 0, figuresDone: 0 };
    if (onCrash === 'retry') {
      await records.update(record, { ...reset, status: KpiImportStatus.QUEUED, startedAt: null });
      return { retry: err };
    }
    await records.update(record, {
      ...reset,
      status: KpiImportStatus.FAILED,
      errorCode: error.code,
      errorMessage: error.message,
      content: null,
      finishedAt: new Date(),
    });
    return {};
  }
}

/** What the writing half reports as it goes (see importProgress). */
type FiguresReport = (figures: { figuresTotal: number; figuresDone: number }) => void;

type ProgressPatch = Partial<Pick<KpiImport, 'linesDone' | 'figuresTotal' | 'figuresDone'>>;

/**
 * The progress of an import (lines read, then figures written), reported as it goes and written
 * beside the work, never awaited by it: each write is one short UPDATE on a context of its own,
 * outside any transaction's async flow (on the embedded database's single connection, one
 * reported from inside the import's transaction runs after the commit, where it no longer
 * applies). One write at a time; reports made meanwhile are folded into the next. A write applies
 * only while the import is RUNNING, so a late one never overwrites the outcome. With `jobProgress`
 * (a background import), the job's own percentage follows each write.
 */
function importProgress(
  ctx: AuthedContext,
  record: KpiImport,
  jobProgress?: (percent: number) => Promise<void>,
): { report: (patch: ProgressPatch, jobPercent?: number) => void; settled: () => Promise<void> } {
  const own = detachedContext(ctx, 'progress');
  let latest: ProgressPatch | null = null;
  let latestPercent: number | undefined;
  let inFlight: Promise<void> | null = null;
  const flush = (): void => {
    if (inFlight || !latest) return;
    const [patch, percent] = [latest, latestPercent];
    latest = null;
    latestPercent = undefined;
    inFlight = outsideTransactionFlow(async () => {
      try {
        await scoped(own, KpiImport).update({ ...record }, patch, { onlyIf: { status: KpiImportStatus.RUNNING } });
        if (jobProgress && percent !== undefined) await jobProgress(percent);
      } catch (err) {
        own.logger.warn({ err, importId: record.id }, 'KPI import progress not written');
      } finally {
        inFlight = null;
        flush();
      }
    });
  };
  return {
    report(patch, jobPercent) {
      latest = { ...latest, ...patch };
      if (jobPercent !== undefined) latestPercent = jobPercent;
      flush();
    },
    async settled() {
      while (inFlight) await inFlight;
    },
  };
}

async function checkAndStore(tx: AuthedContext, record: KpiImport, parsed: ParsedFile, input: ImportKpiFileInput, now: Date, report: FiguresReport): Promise<void> {
  const campaigns = scoped(tx, Campaign);
  const lookup: CampaignLookup = { forced: null, byId: new Map(), byName: new Map() };
  if (input.campaignId) {
    lookup.forced = await campaigns.getById(input.campaignId, 'input.campaignId');
  } else {
    const ids = [...new Set(parsed.rows.filter((r) => r.refKind === 'ID' && r.campaignRef).map((r) => r.campaignRef as string))];
    for (const c of await campaigns.findByIds(ids)) lookup.byId.set(c.id, c);
    const names = [...new Set(parsed.rows.filter((r) => r.refKind === 'NAME' && r.campaignRef).map((r) => nameKey(r.campaignRef as string)))];
    if (names.length) {
      const named: ImportCampaign[] = await campaigns.query('c').andWhere('lower(btrim(c.name)) IN (:...names)', { names }).getMany();
      for (const c of named) lookup.byName.set(nameKey(c.name), [...(lookup.byName.get(nameKey(c.name)) ?? []), c]);
    }
  }
  const checked = checkImport(parsed, lookup);
  const refused = checked.problems.length > 0 && !input.skipInvalidRows;
  const figuresTotal = refused ? 0 : [...checked.figures.values()].reduce((n, list) => n + list.length, 0);
  let figuresDone = 0;
  if (!refused) {
    report({ figuresTotal, figuresDone });
    // Locked in id order, so two imports touching the same campaigns cannot deadlock.
    for (const id of [...checked.figures.keys()].sort()) {
      const campaign = await campaigns.getById(id, 'input.content', { lock: true });
      const figures: MeasurementValues[] = checked.figures.get(id) ?? [];
      // one call per campaign: the rollup and the deviations are brought up to date once
      const before = figuresDone;
      await storeMeasurements(tx, campaign, figures, now, { onStored: (stored) => report({ figuresTotal, figuresDone: before + stored }) });
      figuresDone += figures.length;
    }
  }
  await scoped(tx, KpiImport).update(record, {
    status: refused ? KpiImportStatus.REFUSED : KpiImportStatus.SUCCEEDED,
    linesDone: record.linesTotal,
    figuresTotal,
    figuresDone,
    imported: refused ? 0 : checked.importedLines,
    skipped: refused ? checked.importedLines + checked.skippedLines : checked.skippedLines,
    problems: checked.problems.slice(0, MAX_KEPT_PROBLEMS).map((p) => ({ line: p.line, column: p.column, message: p.message })),
    problemCount: checked.problems.length,
    // the file is no longer needed once the import has ended
    content: null,
    finishedAt: new Date(),
  });
}

/** The code and message kept on a FAILED import: ours when the error is one of ours, never internals. */
function failureOf(err: unknown): { code: string; message: StoredMessage } {
  if (err instanceof AppError && err.i18n && err.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    return { code: String(err.extensions.code), message: err.i18n };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: msg('errors.importFailed') };
}

/** null when missing or another agency's. */
export function getKpiImport(ctx: AuthedContext, id: string): Promise<KpiImport | null> {
  return scoped(ctx, KpiImport).findById(id);
}

/** The agency's imports, newest first. */
export function listKpiImports(ctx: AuthedContext, args: KpiImportsArgs): Promise<ConnectionResult<KpiImport>> {
  return paginate(scoped(ctx, KpiImport).query('i'), args, latestFirst('i', 'createdAt'));
}

/**
 * Background imports whose last run the queue gave up on (it expired, or its worker died during
 * it): RUNNING, on the last attempt of their job, and untouched for longer than a run may take.
 * No retry follows, so they end FAILED with IMPORT_INTERRUPTED (nothing of them was written: the
 * figures commit with the outcome), and so does their job's record. Run for one agency by the
 * schedule kpi.fail-abandoned-imports. Returns how many it marked.
 */
export async function failAbandonedImports(ctx: AuthedContext, now: Date = new Date()): Promise<number> {
  const quiet = new Date(now.getTime() - (KPI_IMPORT_EXPIRE_SECONDS + 5 * 60) * 1000);
  const abandoned = await scoped(ctx, KpiImport)
    .query('i')
    // the job of the scoped import row, hence of the same agency
    .innerJoin(Job, 'j', 'j.id = i."jobId"')
    .andWhere('i.status = :running AND i."updatedAt" < :quiet AND j.attempts > :retries', { running: KpiImportStatus.RUNNING, quiet, retries: KPI_IMPORT_RETRY_LIMIT })
    .getMany();
  let marked = 0;
  for (const row of abandoned) {
    const message: StoredMessage = msg('errors.importInterrupted');
    const patch = { status: KpiImportStatus.FAILED, errorCode: 'IMPORT_INTERRUPTED', errorMessage: message, content: null, finishedAt: now };
    // only while still RUNNING: a run that finished meanwhile keeps its outcome
    await scoped(ctx, KpiImport).update({ ...row }, patch, { onlyIf: { status: KpiImportStatus.RUNNING } });
    if ((await scoped(ctx, KpiImport).findById(row.id))?.errorCode !== 'IMPORT_INTERRUPTED') continue;
    marked++;
    await jobFailed(ctx, row.jobId as string, { code: 'IMPORT_INTERRUPTED', message: render(ctx.locale, message) }, true);
  }
  return marked;
}

/** The job that runs a background import (null for one finished within the request, or once its record was pruned). */
export async function importJob(ctx: AuthedContext, row: KpiImport): Promise<Job | null> {
  return row.jobId ? ctx.loaders.jobById.load(row.jobId) : null;
}

/** The kept problems, in the reader's language. */
export function importProblems(ctx: AuthedContext, row: KpiImport): KpiImportProblemType[] {
  return row.problems.map((p: StoredImportProblem) => ({ line: p.line, column: p.column, message: render(ctx.locale, p.message) }));
}

/** Why the import FAILED, in the reader's language; null otherwise. */
export function importError(ctx: AuthedContext, row: KpiImport): KpiImportErrorType | null {
  if (!row.errorCode) return null;
  return { code: row.errorCode, message: row.errorMessage ? render(ctx.locale, row.errorMessage) : row.errorCode };
}
