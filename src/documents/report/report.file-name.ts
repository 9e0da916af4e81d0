import type { Report } from '../../entities';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';

/** "Owner's report Acme 01.11.2026–30.11.2026 v2.pdf", in the report's language. */
export function reportFileName(r: Pick<Report, 'kind' | 'locale' | 'periodStart' | 'periodEnd' | 'version' | 'data'>): string {
  const l = documentLabels(r.locale);
  const client = (r.data as { clientName?: string } | null)?.clientName ?? '';
  const name = l('report.fileName', {
    title: l(`report.title_${r.kind}`),
    client,
    from: formatDate(r.periodStart, r.locale, 'short'),
    to: formatDate(r.periodEnd, r.locale, 'short'),
    version: r.version,
  });
  return `${name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim()}.pdf`;
}
