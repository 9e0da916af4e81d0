import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import { msg, type Msg } from '../../i18n';

/**
 * The shared part of every layout: finding the header among the lines a platform puts before it,
 * reading the mapped columns of each data line, and turning each figure into one row per metric.
 */

/** One figure of a file: a line may give several (one per metric column). */
export interface ImportRow {
  line: number;
  /** Our campaign id, or the platform's campaign name; null when the layout has no campaign column. */
  campaignRef: string | null;
  /** How campaignRef is matched: our id, or the name of our campaign. */
  refKind: 'ID' | 'NAME';
  date: string;
  /** As written in the file for our own CSV (checked later), a KpiMetric name otherwise. */
  metric: string;
  /** A decimal string, possibly negative (refused later with the other per-row rules). */
  value: string;
  column: string;
}

export interface ImportProblem {
  line: number;
  column: string | null;
  /** Rendered in the reader's language by the service. */
  message: Msg;
}

export interface ParsedFile {
  rows: ImportRow[];
  problems: ImportProblem[];
}

export type NumberStyle = 'PLAIN' | 'THOUSANDS_COMMA' | 'DECIMAL_COMMA';

export interface ColumnMapping {
  delimiter: string;
  /** Header names, first found wins. */
  date: string[];
  /** Our campaign id (our own CSV only: platform ids are not ours). */
  campaignId?: string[];
  /** The platform's campaign name, matched against the names of our campaigns. */
  campaignName?: string[];
  /** Header name → metric. */
  metrics: Record<string, string>;
  numbers: NumberStyle;
  /** A column naming the metric of each line (then `metrics` holds just the value column). */
  metricColumn?: string;
  /** Columns whose value is divided by this (money in micro-units). */
  divisors?: Record<string, number>;
  /** A first cell that ends the data (a totals line). */
  isFooter: (first: string) => boolean;
}

/** What a platform writes for "no figure". */
const EMPTY = new Set(['', '--', '-', '—']);

export function parseNumber(raw: string, style: NumberStyle): string | null {
  let s = raw.trim().replace(/[\u00a0\u202f ]/g, '');
  if (style === 'THOUSANDS_COMMA') s = s.replace(/,/g, '');
  if (style === 'DECIMAL_COMMA') s = s.replace(',', '.');
  s = s.replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return new Decimal(s).toFixed();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD, DD.MM.YYYY or "Mar 4, 2024", to YYYY-MM-DD; null when not a calendar date. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match: RegExpMatchArray | null;
  if ((match = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = s.match(/^(\d{2})\.(\d{2})\.(\d{4})$/))) [y, m, d] = [+match[3], +match[2], +match[1]];
  else if ((match = s.match(/^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})$/)) && MONTHS.includes(match[1].toLowerCase())) {
    [y, m, d] = [+match[3], MONTHS.indexOf(match[1].toLowerCase()) + 1, +match[2]];
  } else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

const norm = (s: string): string => s.trim().replace(/^\ufeff/, '').toLowerCase();

/** Parses a table whose header is the first line naming the date column. */
export function parseTable(content: string, mapping: ColumnMapping): ParsedFile {
  const records = parse(content, {
    delimiter: mapping.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const dateNames = mapping.date.map(norm);
  const headerAt = records.findIndex((r) => r.record.some((c) => dateNames.includes(norm(c))));
  if (headerAt < 0) {
    return { rows, problems: [{ line: 1, column: null, message: msg('validation.importNoHeader', { column: mapping.date[0] }) }] };
  }
  const header = records[headerAt].record.map(norm);
  const find = (names: string[] | undefined): number => (names ?? []).map((n) => header.indexOf(norm(n))).find((i) => i >= 0) ?? -1;
  const dateCol = find(mapping.date);
  const idCol = find(mapping.campaignId);
  const nameCol = find(mapping.campaignName);
  const metricCols = Object.entries(mapping.metrics)
    .map(([name, metric]) => ({ name, metric, at: header.indexOf(norm(name)) }))
    .filter((c) => c.at >= 0);
  const headerLine = records[headerAt].info.lines;
  const metricNameCol = mapping.metricColumn ? header.indexOf(norm(mapping.metricColumn)) : -1;
  if (metricCols.length === 0 || (mapping.metricColumn && metricNameCol < 0)) {
    problems.push({ line: headerLine, column: null, message: msg('validation.importNoMetricColumns', { columns: Object.keys(mapping.metrics).join(', ') }) });
    return { rows, problems };
  }
  for (const { record, info } of records.slice(headerAt + 1)) {
    const first = (record[0] ?? '').trim();
    if (mapping.isFooter(first)) break;
    if (record.every((c) => c.trim() === '')) continue;
    const line = info.lines;
    const date = parseDate(record[dateCol] ?? '');
    if (!date) {
      problems.push({ line, column: records[headerAt].record[dateCol], message: msg('validation.importBadDate', { value: record[dateCol] ?? '' }) });
      continue;
    }
    const id = idCol >= 0 ? (record[idCol] ?? '').trim() : '';
    const name = nameCol >= 0 ? (record[nameCol] ?? '').trim() : '';
    const ref: Pick<ImportRow, 'campaignRef' | 'refKind'> = id && idCol >= 0 && !name ? { campaignRef: id, refKind: 'ID' } : { campaignRef: name || null, refKind: 'NAME' };
    for (const c of metricCols) {
      const raw = record[c.at] ?? '';
      if (EMPTY.has(raw.trim())) continue;
      const n = parseNumber(raw, mapping.numbers);
      if (n === null) {
        problems.push({ line, column: c.name, message: msg('validation.importBadNumber', { value: raw }) });
        continue;
      }
      const divisor = mapping.divisors?.[c.name];
      const value = divisor ? new Decimal(n).div(divisor).toFixed() : n;
      const metric = metricNameCol >= 0 ? (record[metricNameCol] ?? '').trim().toUpperCase() : c.metric;
      rows.push({ line, ...ref, date, metric, value, column: c.name });
    }
  }
  return { rows, problems };
}
