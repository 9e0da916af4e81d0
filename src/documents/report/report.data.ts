import type { Report } from '../../entities';
import type { ReportData } from '../../services/report.reads';
import { REPORT_RENDER_KIND } from '../kinds';
import type { RenderedDocument } from '../layout/create-document';
import type { RenderPool } from '../pool';
import type { ReportDocumentModel } from './report.model';

/** The view model of a report's PDF: its stored figures (never read again), plan, version and status. */
export function reportModel(report: Pick<Report, 'data' | 'developmentPlan' | 'version' | 'status'>, agencyName: string): ReportDocumentModel {
  return { data: report.data as ReportData, developmentPlan: report.developmentPlan, version: report.version, draft: report.status === 'DRAFT', agencyName };
}

/** Renders a report on the render pool (off the event loop). */
export function renderReportPdf(pool: RenderPool, report: Report, agencyName: string, createdAt: Date): Promise<RenderedDocument> {
  return pool.render(REPORT_RENDER_KIND, reportModel(report, agencyName), { locale: report.locale, createdAt });
}
