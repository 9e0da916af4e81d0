import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
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
  /** The header of the column the campaign was read from; null when the layout has none. */
  campaignColumn: string | null;
  date: string;
  /** The header of the date column, as written. */
  dateColumn: string;
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
  /** Lines of the file read, the last one included. */
  linesRead: number;
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

/** A whole number as canonical as Decimal would write it (no sign, no leading zero): the common case, taken as is. */
const PLAIN_WHOLE = /^(0|[1-9]\d*)$/;

export function parseNumber(raw: string, style: NumberStyle): string | null {
  if (PLAIN_WHOLE.test(raw)) return raw;
  let s = raw.trim().replace(/[\u00a0\u202f ]/g, '');
  if (style === 'THOUSANDS_COMMA') s = s.replace(/,/g, '');
  if (style === 'DECIMAL_COMMA') s = s.replace(',', '.');
  s = s.replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return new Decimal(s).toFixed();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD, DD.MM.YYYY or "Mar 4, 2024", to YYYY-MM-DD; null when not a calendar date. */
/**
 * A canonical whole number divided by 10^digits, written as Decimal would (`toFixed()`): the
 * digits with a point put in and the trailing zeros dropped. Exact, and no Decimal per figure.
 */
export function shiftPoint(whole: string, digits: number): string {
  const padded = whole.length <= digits ? '0'.repeat(digits - whole.length + 1) + whole : whole;
  const int = padded.slice(0, padded.length - digits);
  const frac = padded.slice(padded.length - digits).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseDate(raw: string): string | null {
  // the common case, already YYYY-MM-DD: checked without building a Date
  const iso = raw.length === 10 ? ISO_DAY.exec(raw) : null;
  if (iso) {
    const y = +iso[1], m = +iso[2], d = +iso[3];
    if (m < 1 || m > 12 || d < 1) return null;
    const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
    if (d > DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0)) return null;
    // an earlier year goes the general way below (which refuses years before 100)
    if (y >= 1000) return raw;
  }
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

export interface ReadOptions {
  /** Called with the number of lines read so far, every `progressEvery` lines and once at the end. */
  onProgress?: (linesRead: number) => Promise<void> | void;
  progressEvery?: number;
}

/**
 * The lines of a file that csv-parse would read one record per line (no field spans lines): split
 * directly, which is several times faster; null when a line holds an odd number of quotes (a quoted
 * field may go on over the next line) or a lone carriage return, and the file is left to csv-parse.
 */
export function simpleLines(content: string, delimiter: string): string[] | null {
  if (delimiter.length !== 1 || delimiter === '"') return null;
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) lines[i] = line = line.slice(0, -1);
    if (line.includes('\r')) return null;
    if (line.includes('"') && (line.split('"').length - 1) % 2 === 1) return null;
  }
  // a last newline ends the last line; it does not start another one
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Reads a table whose header is the first line naming the date column, record by record, so that
 * progress counts lines as they are read.
 */
export async function parseTable(content: string, mapping: ColumnMapping, opts: ReadOptions = {}): Promise<ParsedFile> {
  const every = opts.progressEvery ?? 5_000;
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const dateNames = mapping.date.map(norm);
  let header: string[] | null = null;
  let headerLine = 0;
  let cols: {
    date: number;
    id: number;
    name: number;
    metricName: number;
    metrics: { name: string; metric: string; at: number; divisor: number | undefined; shift: number | null }[];
  } | null = null;
  let linesRead = 0;
  let reported = 0;
  let ended = false;
  const handle = (record: string[], info: { lines: number }): void => {
    if (ended) return;
    if (!header) {
      if (!record.some((c) => dateNames.includes(norm(c)))) return;
      header = record;
      headerLine = info.lines;
      const names = record.map(norm);
      const find = (list: string[] | undefined): number => (list ?? []).map((n) => names.indexOf(norm(n))).find((i) => i >= 0) ?? -1;
      cols = {
        date: find(mapping.date),
        id: find(mapping.campaignId),
        name: find(mapping.campaignName),
        metricName: mapping.metricColumn ? names.indexOf(norm(mapping.metricColumn)) : -1,
        metrics: Object.entries(mapping.metrics)
          .map(([name, metric]) => {
            const divisor = mapping.divisors?.[name];
            // a divisor that is a power of ten moves the point of a whole number (see shiftPoint)
            const digits = divisor ? Math.log10(divisor) : 0;
            return { name, metric, at: names.indexOf(norm(name)), divisor, shift: Number.isInteger(digits) ? digits : null };
          })
          .filter((c) => c.at >= 0),
      };
      if (cols.metrics.length === 0 || (mapping.metricColumn && cols.metricName < 0)) {
        problems.push({ line: headerLine, column: null, message: msg('validation.importNoMetricColumns', { columns: Object.keys(mapping.metrics).join(', ') }) });
        ended = true;
      }
      return;
    }
    const c = cols!;
    const first = (record[0] ?? '').trim();
    if (mapping.isFooter(first)) {
      ended = true;
      return;
    }
    if (record.every((v) => v.trim() === '')) return;
    const line = info.lines;
    const dateColumn = header[c.date];
    const date = parseDate(record[c.date] ?? '');
    if (!date) {
      problems.push({ line, column: dateColumn, message: msg('validation.importBadDate', { value: record[c.date] ?? '' }) });
      return;
    }
    const id = c.id >= 0 ? (record[c.id] ?? '').trim() : '';
    const name = c.name >= 0 ? (record[c.name] ?? '').trim() : '';
    const ref: Pick<ImportRow, 'campaignRef' | 'refKind' | 'campaignColumn'> =
      id && c.id >= 0 && !name
        ? { campaignRef: id, refKind: 'ID', campaignColumn: header[c.id] }
        : { campaignRef: name || null, refKind: 'NAME', campaignColumn: c.name >= 0 ? header[c.name] : c.id >= 0 ? header[c.id] : null };
    for (const m of c.metrics) {
      const raw = record[m.at] ?? '';
      // a plain whole number (most figures) needs no cleaning
      const whole = PLAIN_WHOLE.test(raw);
      if (!whole && EMPTY.has(raw.trim())) continue;
      const n = whole ? raw : parseNumber(raw, mapping.numbers);
      if (n === null) {
        problems.push({ line, column: m.name, message: msg('validation.importBadNumber', { value: raw }) });
        continue;
      }
      const value = !m.divisor ? n : m.shift !== null && PLAIN_WHOLE.test(n) ? shiftPoint(n, m.shift) : new Decimal(n).div(m.divisor).toFixed();
      const metric = c.metricName >= 0 ? (record[c.metricName] ?? '').trim().toUpperCase() : m.metric;
      rows.push({ line, campaignRef: ref.campaignRef, refKind: ref.refKind, campaignColumn: ref.campaignColumn, date, dateColumn, metric, value, column: m.name });
    }
  };
  // a promise only when progress is due: most lines go on without waiting
  const progress = (lines: number): Promise<void> | void => {
    linesRead = lines;
    if (opts.onProgress && linesRead - reported >= every) {
      reported = linesRead - (linesRead % every);
      return opts.onProgress(reported);
    }
  };
  const lines = simpleLines(content, mapping.delimiter);
  if (lines) {
    // the common case, a file without multi-line fields: split line by line, csv-parse only for lines with quotes
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const due = progress(i + 1);
      if (due) await due;
      if (line === '') continue;
      handle(line.includes('"') ? (parseSync(line, { delimiter: mapping.delimiter, relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [] : line.split(mapping.delimiter), { lines: i + 1 });
    }
  } else {
    const parser = parse(content, { delimiter: mapping.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true });
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      await progress(info.lines);
      handle(record, info);
    }
  }
  if (opts.onProgress && linesRead > reported) await opts.onProgress(linesRead);
  if (!header) {
    return { rows, problems: [{ line: 1, column: null, message: msg('validation.importNoHeader', { column: mapping.date[0] }) }], linesRead };
  }
  return { rows, problems, linesRead };
}
