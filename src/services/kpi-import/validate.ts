import type { Campaign } from '../../entities';
import { KpiMetric } from '../../entities/enums';
import { msg, type Msg } from '../../i18n';
import { isStored } from '../kpi.rules';
import { takesMeasurements, VALUE_RE, type MeasurementValues } from '../kpi-measurement.rules';
import type { ImportProblem, ImportRow, ParsedFile } from './table';

/**
 * The per-line rules of an import, on top of what parsing found: the campaign, the metric, the
 * value, the date within the campaign and one figure per (campaign, metric, date). A line with
 * any problem is refused as a whole.
 */

export type ImportCampaign = Pick<Campaign, 'id' | 'name' | 'status' | 'startDate' | 'endDate'>;

export interface CampaignLookup {
  /** Every line goes to this campaign when given. */
  forced: ImportCampaign | null;
  byId: Map<string, ImportCampaign>;
  /** By trimmed, lower-cased name; several campaigns with one name make the name ambiguous. */
  byName: Map<string, ImportCampaign[]>;
}

export interface CheckedImport {
  /** Valid figures by campaign id. */
  figures: Map<string, MeasurementValues[]>;
  importedLines: number;
  skippedLines: number;
  problems: ImportProblem[];
}


export const nameKey = (name: string): string => name.trim().toLowerCase();

function campaignOf(row: ImportRow, lookup: CampaignLookup): ImportCampaign | Msg {
  if (lookup.forced) return lookup.forced;
  if (!row.campaignRef) return msg('validation.importNoCampaign');
  if (row.refKind === 'ID') return lookup.byId.get(row.campaignRef) ?? msg('validation.importUnknownCampaign', { ref: row.campaignRef });
  const found = lookup.byName.get(nameKey(row.campaignRef)) ?? [];
  if (found.length > 1) return msg('validation.importAmbiguousCampaign', { ref: row.campaignRef });
  return found[0] ?? msg('validation.importUnknownCampaign', { ref: row.campaignRef });
}

export function checkImport(parsed: ParsedFile, lookup: CampaignLookup): CheckedImport {
  const problems: ImportProblem[] = [...parsed.problems];
  const seen = new Set<string>();
  const said = new Set<string>();
  const checked: { row: ImportRow; campaign: ImportCampaign }[] = [];
  for (const row of parsed.rows) {
    // a line gives one row per figure: a problem of the line as a whole (its date, its campaign) is said once
    const at = (column: string | null, message: Msg) => {
      const key = `${row.line}|${column}|${message.key}`;
      if (said.has(key)) return;
      said.add(key);
      problems.push({ line: row.line, column, message });
    };
    // the campaign column, unless the campaign was forced by the input (then the whole line)
    const campaignColumn = lookup.forced ? null : row.campaignColumn;
    const campaign = campaignOf(row, lookup);
    if ('key' in campaign) {
      at(campaignColumn, campaign);
      continue;
    }
    if (!takesMeasurements(campaign.status)) at(campaignColumn, msg('validation.campaignNotRunning', { status: campaign.status }));
    const metric = row.metric as KpiMetric;
    if (!Object.values(KpiMetric).includes(metric) || !isStored(metric) || metric === KpiMetric.CUSTOM) {
      at(row.column, msg('validation.importUnknownMetric', { metric: row.metric }));
    }
    if (row.value.startsWith('-')) at(row.column, msg('validation.notNegative', { field: row.column }));
    else if (!VALUE_RE.test(row.value)) at(row.column, msg('validation.measurementValueFormat'));
    if (row.date < campaign.startDate || row.date > campaign.endDate) {
      at(row.dateColumn, msg('validation.measurementOutsideCampaign', { start: campaign.startDate, end: campaign.endDate }));
    }
    const key = `${campaign.id}|${metric}|${row.date}`;
    if (seen.has(key)) at(row.column, msg('validation.importDuplicate', { metric: row.metric, date: row.date }));
    seen.add(key);
    checked.push({ row, campaign });
  }
  const bad = new Set(problems.map((p) => p.line));
  const lines = new Set([...parsed.rows.map((r) => r.line), ...bad]);
  const figures = new Map<string, MeasurementValues[]>();
  for (const { row, campaign } of checked) {
    if (bad.has(row.line)) continue;
    const list = figures.get(campaign.id) ?? [];
    list.push({ metric: row.metric as KpiMetric, customName: '', date: row.date, value: row.value });
    figures.set(campaign.id, list);
  }
  problems.sort((a, b) => a.line - b.line);
  return { figures, importedLines: lines.size - bad.size, skippedLines: bad.size, problems };
}
