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

/** The metrics a file may give: stored ones, CUSTOM aside (it needs a name a file does not carry). */
const IMPORTABLE = new Map<string, number>(
  Object.values(KpiMetric)
    .filter((m) => isStored(m) && m !== KpiMetric.CUSTOM)
    .map((m, i) => [m, i]),
);

/** A (metric, day) of a campaign as one small integer: the day's digits and the metric's place (parsed dates are canonical YYYY-MM-DD). */
function figureKey(date: string, metric: number): number {
  return ((+date.slice(0, 4) * 13 + +date.slice(5, 7)) * 32 + +date.slice(8, 10)) * 16 + metric;
}

/**
 * One pass over the figures of a file, in the order read. Written for files of 100 000 figures:
 * duplicates found by an integer key per campaign, and the campaign of consecutive figures of one
 * line looked up once.
 */
export function checkImport(parsed: ParsedFile, lookup: CampaignLookup): CheckedImport {
  const problems: ImportProblem[] = [...parsed.problems];
  const said = new Set<string>();
  const bad = new Set<number>(problems.map((p) => p.line));
  // a line gives one row per figure: a problem of the line as a whole (its date, its campaign) is said once
  const at = (line: number, column: string | null, message: Msg): void => {
    const key = `${line}|${column}|${message.key}`;
    if (said.has(key)) return;
    said.add(key);
    problems.push({ line, column, message });
    bad.add(line);
  };
  const figures = new Map<string, { values: MeasurementValues[]; lines: number[] }>();
  const seen = new Map<string, Set<number | string>>();
  const lines = new Set<number>();
  let lastLine = -1;
  let lastRef: string | null | undefined;
  let lastKind: ImportRow['refKind'] | undefined;
  let campaign: ImportCampaign | Msg | undefined;
  // the figures of each campaign, and the line of each (a line found bad later drops its figures)
  let list: { values: MeasurementValues[]; lines: number[] } = { values: [], lines: [] };
  let keys = new Set<number | string>();
  for (const row of parsed.rows) {
    if (row.line !== lastLine) lines.add((lastLine = row.line));
    // the campaign column, unless the campaign was forced by the input (then the whole line)
    const campaignColumn = lookup.forced ? null : row.campaignColumn;
    if (row.campaignRef !== lastRef || row.refKind !== lastKind || campaign === undefined) {
      lastRef = row.campaignRef;
      lastKind = row.refKind;
      campaign = campaignOf(row, lookup);
      if (!('key' in campaign)) {
        const id = campaign.id;
        if (!figures.has(id)) figures.set(id, { values: [], lines: [] });
        if (!seen.has(id)) seen.set(id, new Set());
        list = figures.get(id)!;
        keys = seen.get(id)!;
      }
    }
    if ('key' in campaign) {
      at(row.line, campaignColumn, campaign);
      continue;
    }
    if (!takesMeasurements(campaign.status)) at(row.line, campaignColumn, msg('validation.campaignNotRunning', { status: campaign.status }));
    const metric = IMPORTABLE.get(row.metric);
    if (metric === undefined) at(row.line, row.column, msg('validation.importUnknownMetric', { metric: row.metric }));
    if (row.value.startsWith('-')) at(row.line, row.column, msg('validation.notNegative', { field: row.column }));
    else if (!VALUE_RE.test(row.value)) at(row.line, row.column, msg('validation.measurementValueFormat'));
    if (row.date < campaign.startDate || row.date > campaign.endDate) {
      at(row.line, row.dateColumn, msg('validation.measurementOutsideCampaign', { start: campaign.startDate, end: campaign.endDate }));
    }
    // an unknown metric is refused already; its key stays a string so that its duplicates are still found
    const key = metric === undefined ? `${row.metric}|${row.date}` : figureKey(row.date, metric);
    if (keys.has(key)) at(row.line, row.column, msg('validation.importDuplicate', { metric: row.metric, date: row.date }));
    else keys.add(key);
    list.values.push({ metric: row.metric as KpiMetric, customName: '', date: row.date, value: row.value });
    list.lines.push(row.line);
  }
  for (const line of bad) lines.add(line);
  const out = new Map<string, MeasurementValues[]>();
  for (const [id, { values, lines: of }] of figures) {
    // a line is refused as a whole, also its figures that came before the problem
    const kept = bad.size ? values.filter((_, i) => !bad.has(of[i])) : values;
    if (kept.length) out.set(id, kept);
  }
  problems.sort((a, b) => a.line - b.line);
  return { figures: out, importedLines: lines.size - bad.size, skippedLines: bad.size, problems };
}
