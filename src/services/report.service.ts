import { createHash } from 'node:crypto';
import { emitEvent, WebhookEventType } from '../events';
import type { AuthedContext } from '../context';
import { renderReportPdf } from '../documents/report/report.data';
import { Client, Report, ReportSchedule } from '../entities';
import { ReportFrequency, ReportKind, ReportStatus } from '../entities/enums';
import type { Job } from '../entities/job.entity';
import { BadUserInputError, NotFoundError } from '../errors';
import { msg } from '../i18n';
import type { GenerateReportInput, ReportDataInput, SaveReportScheduleInput } from '../schema/report/report.inputs';
import { ReportAlreadyPublishedError } from '../schema/report/report.results';
import { queueReportPublishedEmails } from '../email/report-published.email';
import { getOwnAgency } from './agency.service';
import { enqueueJob } from './job.service';
import type { ConnectionResult } from '../schema/common/connection';
import { latestFirst, paginate } from './pagination';
import { buildReportData, type ReportData } from './report.reads';
import { lastFullPeriod, type ReportPeriod } from './report.rules';
import { agencyLock, scoped, withTransaction } from './scope';
import { addDays } from './time';

export const GENERATE_REPORT_JOB = 'report.generate';

/** What a `report.generate` job is asked to make. */
export interface GenerateReportPayload {
  clientId: string;
  kind: ReportKind;
  from: string;
  to: string;
  scheduleId: string | null;
}

/** The longest period a report covers (a year and a day, for a leap year). */
const MAX_REPORT_DAYS = 366;

function checkPeriod(from: string, to: string): ReportPeriod {
  if (to < from) throw new BadUserInputError([{ path: 'input.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  if (addDays(from, MAX_REPORT_DAYS - 1) < to) throw new BadUserInputError([{ path: 'input.to', message: msg('validation.reportPeriodTooLong', { max: MAX_REPORT_DAYS }) }]);
  return { from, to };
}

/** The live figures of a report (dashboards): a portal user reads its own client's only. */
export async function reportData(ctx: AuthedContext, input: ReportDataInput): Promise<ReportData> {
  const range = checkPeriod(input.from, input.to);
  const client = await scoped(ctx, Client).getById(input.clientId, 'input.clientId');
  return buildReportData(ctx, client, input.kind, range);
}

/** Creates or changes the schedule of one kind and frequency of report for a client. */
export async function saveReportSchedule(ctx: AuthedContext, input: SaveReportScheduleInput): Promise<ReportSchedule> {
  return withTransaction(ctx, async (tx) => {
    await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    const existing = await scoped(tx, ReportSchedule)
      .query('s')
      .andWhere('s."clientId" = :clientId AND s.kind = :kind AND s.frequency = :frequency', input)
      .setLock('pessimistic_write')
      .getOne();
    const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
    if (existing) return scoped(tx, ReportSchedule).update(existing, { recipients, active: input.active ?? true });
    return scoped(tx, ReportSchedule).insert({
      clientId: input.clientId,
      kind: input.kind,
      frequency: input.frequency,
      recipients,
      active: input.active ?? true,
      createdById: tx.actor.userId,
    });
  });
}

/** The report schedules of a client. */
export async function reportSchedules(ctx: AuthedContext, clientId: string): Promise<ReportSchedule[]> {
  await scoped(ctx, Client).getById(clientId, 'clientId');
  return scoped(ctx, ReportSchedule).query('s').andWhere('s."clientId" = :clientId', { clientId }).orderBy('s.kind').addOrderBy('s.frequency').getMany();
}

/** Enqueues the making of a report on demand; progress and the new report's id are read through job(id). */
export async function generateReport(ctx: AuthedContext, input: GenerateReportInput): Promise<Job> {
  const range = checkPeriod(input.from, input.to);
  await scoped(ctx, Client).getById(input.clientId, 'input.clientId');
  return enqueueJob<GenerateReportPayload>(ctx, GENERATE_REPORT_JOB, { clientId: input.clientId, kind: input.kind, ...range, scheduleId: null });
}

/**
 * Makes one report (the body of the `report.generate` job): the figures, then the next version of
 * (client, kind, period) as a DRAFT carrying over the development plan of the latest version,
 * then its PDF. A schedule's period is made once: a second run finds it and returns it.
 */
export async function makeReport(ctx: AuthedContext, p: GenerateReportPayload, progress: (percent: number) => Promise<void> = async () => undefined): Promise<Report> {
  const client = await scoped(ctx, Client).getById(p.clientId, 'clientId');
  if (p.scheduleId) {
    const done = await scoped(ctx, Report).query('r').andWhere('r."scheduleId" = :s AND r."periodStart" = :from', { s: p.scheduleId, from: p.from }).getOne();
    if (done) return done;
  }
  const data = await buildReportData(ctx, client, p.kind, { from: p.from, to: p.to });
  await progress(40);
  const locale = (await getOwnAgency(ctx)).locale;
  const report = await withTransaction(ctx, async (tx) => {
    await agencyLock(tx, 'report', p.clientId, p.kind, p.from, p.to);
    if (p.scheduleId) {
      const done = await scoped(tx, Report).query('r').andWhere('r."scheduleId" = :s AND r."periodStart" = :from', { s: p.scheduleId, from: p.from }).getOne();
      if (done) return done;
    }
    const latest = await scoped(tx, Report)
      .query('r')
      .andWhere('r."clientId" = :clientId AND r.kind = :kind AND r."periodStart" = :from AND r."periodEnd" = :to', p)
      .orderBy('r.version', 'DESC')
      .getOne();
    return scoped(tx, Report).insert({
      clientId: p.clientId,
      kind: p.kind,
      periodStart: p.from,
      periodEnd: p.to,
      version: (latest?.version ?? 0) + 1,
      status: ReportStatus.DRAFT,
      scheduleId: p.scheduleId,
      data,
      developmentPlan: latest?.developmentPlan ?? '',
      locale,
      createdById: ctx.actor.userId,
    });
  });
  if (report.renderedAt) return report;
  await progress(60);
  return renderAndStore(ctx, report);
}

/** Renders the report's PDF from its stored data and plan and keeps it with the report. */
async function renderAndStore(ctx: AuthedContext, report: Report, now: Date = new Date()): Promise<Report> {
  const agency = await getOwnAgency(ctx);
  const rendered = await renderReportPdf(ctx.app.renderPool, report, agency.name, now);
  const sha = createHash('sha256').update(rendered.bytes).digest('hex');
  return withTransaction(ctx, async (tx) => {
    const row = await scoped(tx, Report).getById(report.id);
    return scoped(tx, Report).update(row, { pdf: rendered.bytes, pdfByteSize: rendered.bytes.length, pdfPageCount: rendered.pageCount, pdfSha256: sha, renderedAt: now });
  });
}

/** A report the reader may see (a portal user: published ones of its own client). */
export async function getReport(ctx: AuthedContext, id: string): Promise<Report | null> {
  return scoped(ctx, Report).findById(id);
}

/** The stored PDF of a report the reader may see; null when it may not (or none was rendered). */
export async function reportPdf(ctx: AuthedContext, id: string): Promise<{ report: Report; bytes: Buffer } | null> {
  const row = await scoped(ctx, Report).query('r').addSelect('r.pdf').andWhere('r.id = :id', { id }).getOne();
  if (!row?.pdf) return null;
  return { report: row, bytes: row.pdf };
}

/** Reports of a client, newest period first, then newest version; a portal user sees published ones of its own client only. */
export async function listReports(ctx: AuthedContext, args: { first?: number | null; after?: string | null; clientId: string; kind?: ReportKind | null; status?: ReportStatus | null }): Promise<ConnectionResult<Report>> {
  await scoped(ctx, Client).getById(args.clientId, 'clientId');
  const qb = scoped(ctx, Report).query('r').andWhere('r."clientId" = :clientId', { clientId: args.clientId });
  if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
  if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  return paginate(qb, args, latestFirst<Report>('r', 'createdAt'));
}

/** Changes the development plan of a DRAFT report and renders its PDF again; a published report is never changed. */
export async function updateReportPlan(ctx: AuthedContext, id: string, developmentPlan: string): Promise<Report | ReportAlreadyPublishedError> {
  const updated = await withTransaction(ctx, async (tx) => {
    const row = await scoped(tx, Report).getById(id, 'id', { lock: true });
    if (row.status === ReportStatus.PUBLISHED) return new ReportAlreadyPublishedError(row.version);
    return scoped(tx, Report).update(row, { developmentPlan: developmentPlan.trim() });
  });
  if (updated instanceof ReportAlreadyPublishedError) return updated;
  return renderAndStore(ctx, updated);
}

/**
 * Publishes a DRAFT report: its final PDF (without the draft mark) is rendered and stored with the
 * status in one transaction, the client's portal sees it from then on, and the recipients of its
 * schedule get a notice email (through the outbox) in the same transaction.
 */
export async function publishReport(ctx: AuthedContext, id: string, now: Date = new Date()): Promise<Report | ReportAlreadyPublishedError> {
  const before = await scoped(ctx, Report).getById(id);
  if (before.status === ReportStatus.PUBLISHED) return new ReportAlreadyPublishedError(before.version);
  const agencyName = (await getOwnAgency(ctx)).name;
  const final = (r: Report) => renderReportPdf(ctx.app.renderPool, { ...r, status: ReportStatus.PUBLISHED } as Report, agencyName, now);
  let rendered = await final(before);
  return withTransaction(ctx, async (tx) => {
    const row = await scoped(tx, Report).getById(id, 'id', { lock: true });
    if (row.status === ReportStatus.PUBLISHED) return new ReportAlreadyPublishedError(row.version);
    // the plan changed in between: the published PDF shows the plan being published
    if (row.developmentPlan !== before.developmentPlan) rendered = await final(row);
    const published = await scoped(tx, Report).update(row, {
      status: ReportStatus.PUBLISHED,
      publishedAt: now,
      publishedById: tx.actor.userId,
      pdf: rendered.bytes,
      pdfByteSize: rendered.bytes.length,
      pdfPageCount: rendered.pageCount,
      pdfSha256: createHash('sha256').update(rendered.bytes).digest('hex'),
      renderedAt: now,
    });
    const schedule = row.scheduleId ? await scoped(tx, ReportSchedule).findById(row.scheduleId) : null;
    const client = await scoped(tx, Client).getById(row.clientId);
    await queueReportPublishedEmails(tx, published, client.name, schedule?.recipients ?? []);
    await emitReportPublished(tx, published);
    return published;
  });
}

/**
 * The REPORT_PUBLISHED outbound event: called once per publication, inside its transaction, so an
 * event exists if and only if the report was published.
 */
export async function emitReportPublished(tx: AuthedContext, report: Report): Promise<void> {
  tx.logger.info({ reportId: report.id, clientId: report.clientId, kind: report.kind }, 'report published');
  await emitEvent(tx, WebhookEventType.REPORT_PUBLISHED, {
    reportId: report.id,
    clientId: report.clientId,
    audience: report.kind,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    publishedAt: (report.publishedAt ?? new Date()).toISOString(),
  });
}

/**
 * The hourly run: for every active schedule of every agency, the last full period (in the
 * agency's time zone) is made once. Returns how many report jobs were enqueued.
 */
export async function generateDueReports(ctx: AuthedContext, schedules: ReportSchedule[], today: string): Promise<number> {
  let sent = 0;
  for (const s of schedules) {
    const period = lastFullPeriod(s.frequency as ReportFrequency, today);
    const done = await scoped(ctx, Report).query('r').andWhere('r."scheduleId" = :s AND r."periodStart" = :from', { s: s.id, from: period.from }).getCount();
    if (done) continue;
    await enqueueJob<GenerateReportPayload>(ctx, GENERATE_REPORT_JOB, { clientId: s.clientId, kind: s.kind, ...period, scheduleId: s.id });
    sent++;
  }
  return sent;
}

/** Where a report's PDF is downloaded. */
export const reportDownloadPath = (id: string): string => `/reports/${id}.pdf`;

/** A signed link to the report's PDF for the caller (like a document's), or null before it is rendered. */
export async function signedReportUrl(ctx: AuthedContext, report: Report): Promise<string | null> {
  if (!report.renderedAt) return null;
  const user = await ctx.loaders.userById.load(ctx.actor.userId);
  if (!user) throw new NotFoundError('User');
  const { token } = await ctx.app.tokens.issueDocumentLink({ sub: user.id, documentId: report.id, ver: user.tokenVersion }, ctx.app.config.documentLinkTtlSeconds);
  return `${reportDownloadPath(report.id)}?token=${encodeURIComponent(token)}`;
}
