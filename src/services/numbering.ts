import type { RequestContext } from '../context';
import { DocumentKind } from '../entities/enums';
import { ConflictError, isUniqueViolation } from '../errors';
import type { Msg } from '../i18n';
import { takeCounter } from './scope';

/**
 * Document numbers: per agency, per kind, per period, from the agency's pattern.
 * Tokens: {YYYY} year, {YY} two-digit year, {N:k} the sequence zero-padded to k digits ({N} unpadded).
 * A pattern with a year token restarts every year; one without it (e.g. Bulgarian invoices, a
 * continuous 10-digit number "{N:10}") never restarts.
 */
export function patternRestartsYearly(pattern: string): boolean {
  return /\{YYYY\}|\{YY\}/.test(pattern);
}

export function validatePattern(pattern: string): string | null {
  if (!/\{N(:\d{1,2})?\}/.test(pattern)) return 'the pattern must contain {N} or {N:k}';
  const stripped = pattern.replace(/\{YYYY\}|\{YY\}|\{N(:\d{1,2})?\}/g, '');
  if (/[{}]/.test(stripped)) return 'unknown token in the pattern (allowed: {YYYY}, {YY}, {N}, {N:k})';
  if (pattern.length > 40) return 'the pattern is too long';
  return null;
}

export function formatNumber(pattern: string, n: number, year: number): string {
  return pattern
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{YY\}/g, String(year % 100).padStart(2, '0'))
    .replace(/\{N(?::(\d{1,2}))?\}/g, (_m, width?: string) => (width ? String(n).padStart(Number(width), '0') : String(n)));
}

/**
 * Takes the next number inside the caller's transaction (the agency's counter row, see
 * takeCounter): a rollback gives the number back, concurrent issuers queue. Never a sequence
 * (sequences leave gaps).
 */
export async function nextDocumentNumber(
  ctx: RequestContext,
  kind: DocumentKind,
  pattern: string,
  date: string,
): Promise<{ number: string; sequence: number }> {
  const year = Number(date.slice(0, 4));
  const { value } = await takeCounter(ctx, kind, patternRestartsYearly(pattern) ? year : 0);
  return { number: formatNumber(pattern, value, year), sequence: value };
}

const NUMBERED_TABLES = new Set(['invoices', 'acts', 'contracts', 'proposals']);

/**
 * Takes the next number and writes it onto the document row in ONE statement, meant to be the
 * last statement before COMMIT: the counter row is then locked for a single round trip plus the
 * commit, which is what bounds issues per second per agency.
 */
export async function assignDocumentNumber(
  ctx: RequestContext,
  target: { table: 'invoices' | 'acts' | 'contracts' | 'proposals'; id: string },
  kind: DocumentKind,
  pattern: string,
  date: string,
): Promise<string> {
  if (!NUMBERED_TABLES.has(target.table)) throw new Error(`not a numbered table: ${target.table}`);
  const year = Number(date.slice(0, 4));
  // the pattern around its single {N…} token, with the year tokens already filled in
  const filled = pattern.replace(/\{YYYY\}/g, String(year)).replace(/\{YY\}/g, String(year % 100).padStart(2, '0'));
  const m = /\{N(?::(\d{1,2}))?\}/.exec(filled);
  if (!m) throw new Error(`numbering pattern without {N}: ${pattern}`);
  const { number } = await takeCounter(ctx, kind, patternRestartsYearly(pattern) ? year : 0, {
    table: target.table,
    id: target.id,
    prefix: filled.slice(0, m.index),
    width: m[1] ? Number(m[1]) : 0,
    suffix: filled.slice(m.index + m[0].length),
  });
  return number!;
}

/**
 * Runs a write that stores a document number. A number the agency already used (its pattern was
 * changed into one that repeats it) is CONFLICT DUPLICATE_NUMBER, not a 500; the transaction
 * rolls back, the counter with it.
 */
export async function withUniqueNumber<R>(constraint: string, message: Msg, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err, constraint)) throw new ConflictError('DUPLICATE_NUMBER', message, 'input.id');
    throw err;
  }
}
