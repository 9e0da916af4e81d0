import type { AuthedContext } from '../context';
import type { Report } from '../entities';
import { formatDate, t, type MessageKey } from '../i18n';
import { queueEmail } from '../services/outbound-email.service';

/** The portal page of a report (PUBLIC_URL + its id). */
export function reportLink(publicUrl: string, reportId: string): string {
  return `${publicUrl}/portal/reports/${encodeURIComponent(reportId)}`;
}

/** Puts a "your report is ready" notice for each recipient in the outbox, in the report's language, within the caller's transaction. */
export async function queueReportPublishedEmails(tx: AuthedContext, report: Report, clientName: string, recipients: string[]): Promise<void> {
  const locale = report.locale;
  const params = {
    client: clientName,
    kind: t(locale, `emails.reportPublished.kind_${report.kind}` as MessageKey),
    from: formatDate(report.periodStart, locale),
    to: formatDate(report.periodEnd, locale),
    link: reportLink(tx.app.config.publicUrl, report.id),
  };
  for (const to of recipients) {
    await queueEmail(tx, {
      to,
      subject: t(locale, 'emails.reportPublished.subject', params),
      text: t(locale, 'emails.reportPublished.text', params),
      related: { type: 'Report', id: report.id },
    });
  }
}
