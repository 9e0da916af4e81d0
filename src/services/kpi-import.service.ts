import type { DataSource } from 'typeorm';
import type { AuthedContext } from '../context';
import { Campaign, KpiImport, KpiImportStatus } from '../entities';
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
import { detachedContext, outsideTransactionFlow, scoped, withTransaction } from './scope';

/**
 * Importing a measurements file as a job: a kpi_imports record, the file read as a stream with
 * its progress written as it goes, then every line checked and the figures recorded in one
 * transaction through the same path as typed figures.
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

/**
 * Starts an import. Files up to IMPORT_IN_REQUEST_MAX_LINES lines are imported within the
 * request and the finished import is returned; larger ones, or with `background`, are returned
 * at once as RUNNING (QUEUED while the process runs as many jobs as it may) and go on in this
 * process (poll `kpiImport`). With any problem nothing is
 * written (REFUSED) unless `skipInvalidRows`; a day imported again replaces its figures.
 */
export async function importKpiFile(ctx: AuthedContext, input: ImportKpiFileInput, now: Date = new Date()): Promise<KpiImport> {
  // a forced campaign that is not ours is the caller's mistake: NOT_FOUND now, not a failed job later
  if (input.campaignId) await scoped(ctx, Campaign).getById(input.campaignId, 'input.campaignId');
  const linesTotal = countLines(input.content);
  const background = input.background ?? linesTotal > IMPORT_IN_REQUEST_MAX_LINES;
  const queued = background && !ctx.app.jobs.hasFreeSlot();
  const record = await scoped(ctx, KpiImport).insert({
    createdById: ctx.actor.userId,
    source: input.source,
    options: {
      campaignId: input.campaignId ?? null,
      skipInvalidRows: input.skipInvalidRows ?? false,
      moneyInMicros: input.moneyInMicros ?? true,
      background,
    },
    status: queued ? KpiImportStatus.QUEUED : KpiImportStatus.RUNNING,
    linesTotal,
    linesDone: 0,
    startedAt: queued ? null : now,
  });
  if (!background) {
    await runImport(ctx, record, input, now);
    return record;
  }
  const name = `kpi-import:${record.id}`;
  const job = detachedContext(ctx, name);
  ctx.app.jobs.run(name, () => runImport(job, record, input, now));
  return { ...record };
}

/**
 * The work of one import, under the import's actor (the request's context, or one detached from
 * it for the background). Never throws: how it ended is written on the record.
 */
async function runImport(ctx: AuthedContext, record: KpiImport, input: ImportKpiFileInput, now: Date): Promise<void> {
  const records = scoped(ctx, KpiImport);
  const progress = figuresProgress(ctx, record);
  try {
    if (record.status === KpiImportStatus.QUEUED) await records.update(record, { status: KpiImportStatus.RUNNING, startedAt: new Date() });
    // read outside any transaction: each progress write is its own statement, visible at once
    const parsed = await parseKpiFile(input.source, input.content, {
      moneyInMicros: input.moneyInMicros ?? true,
      progressEvery: PROGRESS_EVERY_LINES,
      onProgress: async (linesDone) => {
        await records.update(record, { linesDone: Math.min(linesDone, record.linesTotal) });
      },
    });
    // the outcome is written in the transaction of the figures: recorded figures and SUCCEEDED commit together
    try {
      await withTransaction(ctx, (tx) => checkAndStore(tx, record, parsed, input, now, progress.report));
    } finally {
      await progress.settled();
    }
  } catch (err) {
    const error = failureOf(err);
    ctx.logger.error({ err, importId: record.id, code: error.code }, 'KPI import failed');
    // the transaction rolled back: nothing of the file is recorded, whatever the row held in memory
    await records.update(record, {
      status: KpiImportStatus.FAILED,
      imported: 0,
      skipped: 0,
      problems: [],
      problemCount: 0,
      figuresDone: 0,
      errorCode: error.code,
      errorMessage: error.message,
      finishedAt: new Date(),
    });
  }
}

/** What the writing half reports as it goes (see figuresProgress). */
type FiguresReport = (figures: { figuresTotal: number; figuresDone: number }) => void;

/**
 * The progress of the writing half, reported from inside the import's transaction and written
 * outside it: each write is one short UPDATE on a context of its own, outside the transaction's
 * async flow, never awaited by the transaction (on the embedded database's single connection it
 * runs after the commit, where it no longer applies). One write at a time; reports made meanwhile
 * are folded into the next. A write applies only while the import is RUNNING, so a late one never
 * overwrites the outcome.
 */
function figuresProgress(ctx: AuthedContext, record: KpiImport): { report: FiguresReport; settled: () => Promise<void> } {
  const own = detachedContext(ctx, 'progress');
  let latest: { figuresTotal: number; figuresDone: number } | null = null;
  let inFlight: Promise<void> | null = null;
  const flush = (): void => {
    if (inFlight || !latest) return;
    const patch = latest;
    latest = null;
    inFlight = outsideTransactionFlow(() =>
      scoped(own, KpiImport)
        .update({ ...record }, patch, { onlyIf: { status: KpiImportStatus.RUNNING } })
        .then(
          () => undefined,
          (err) => own.logger.warn({ err, importId: record.id }, 'KPI import progress not written'),
        )
        .finally(() => {
          inFlight = null;
          flush();
        }),
    );
  };
  return {
    report(figures) {
      latest = figures;
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

/** The kept problems, in the reader's language. */
export function importProblems(ctx: AuthedContext, row: KpiImport): KpiImportProblemType[] {
  return row.problems.map((p: StoredImportProblem) => ({ line: p.line, column: p.column, message: render(ctx.locale, p.message) }));
}

/** Why the import FAILED, in the reader's language; null otherwise. */
export function importError(ctx: AuthedContext, row: KpiImport): KpiImportErrorType | null {
  if (!row.errorCode) return null;
  return { code: row.errorCode, message: row.errorMessage ? render(ctx.locale, row.errorMessage) : row.errorCode };
}

/**
 * At startup, before any import can run: imports left QUEUED or RUNNING by a process that ended
 * (crash, deploy, shutdown timeout) will never finish; they become FAILED with IMPORT_INTERRUPTED.
 * Nothing of them was written (their figures commit with their final status). A maintenance step
 * of the process over every agency, with no actor, so it is not scoped to one; it assumes a single
 * API process runs imports, which holds until a queue takes them over. Returns how many it marked.
 */
export async function failInterruptedImports(dataSource: DataSource, now: Date = new Date()): Promise<number> {
  const message: StoredMessage = msg('errors.importInterrupted');
  const result = await dataSource
    .getRepository(KpiImport)
    .createQueryBuilder()
    .update()
    .set({ status: KpiImportStatus.FAILED, errorCode: 'IMPORT_INTERRUPTED', errorMessage: () => ':message', finishedAt: now, updatedAt: now })
    .where('status IN (:...unfinished)', { unfinished: [KpiImportStatus.QUEUED, KpiImportStatus.RUNNING] })
    .setParameter('message', JSON.stringify(message))
    .execute();
  return result.affected ?? 0;
}
