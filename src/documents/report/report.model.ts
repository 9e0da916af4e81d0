import type { ReportData } from '../../services/report.reads';

/** What the report PDF is drawn from: the stored figures, the plan, and who made it. */
export interface ReportDocumentModel {
  data: ReportData;
  developmentPlan: string;
  version: number;
  /** a draft carries a DRAFT mark (the manager's working copy) */
  draft: boolean;
  agencyName: string;
}
