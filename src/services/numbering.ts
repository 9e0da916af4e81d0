import type { EntityManager } from 'typeorm';
import { DocumentKind } from '../entities/enums';

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
 * Takes the next number inside the caller's transaction: the counter row is created or
 * incremented with one statement and stays locked until the transaction ends, so concurrent
 * issuers queue, and a rollback gives the number back. Never a sequence (sequences leave gaps).
 */
export async function nextDocumentNumber(
  manager: EntityManager,
  agencyId: string,
  kind: DocumentKind,
  pattern: string,
  date: string,
): Promise<{ number: string; sequence: number }> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('nextDocumentNumber must run inside a transaction');
  const year = Number(date.slice(0, 4));
  const period = patternRestartsYearly(pattern) ? year : 0;
  const rows: { lastNumber: number }[] = await manager.query(
    `INSERT INTO document_counters ("agencyId", kind, period, "lastNumber") VALUES ($1, $2, $3, 1)
     ON CONFLICT ("agencyId", kind, period) DO UPDATE SET "lastNumber" = document_counters."lastNumber" + 1
     RETURNING "lastNumber"`,
    [agencyId, kind, period],
  );
  const sequence = Number(rows[0].lastNumber);
  return { number: formatNumber(pattern, sequence, year), sequence };
}

const NUMBERED_TABLES = new Set(['invoices', 'acts', 'contracts']);

/**
 * Takes the next number and writes it onto the document row in ONE statement, meant to be the
 * last statement before COMMIT: the counter row is then locked for a single round trip plus the
 * commit, which is what bounds issues per second per agency.
 */
export async function assignDocumentNumber(
  manager: EntityManager,
  target: { table: 'invoices' | 'acts' | 'contracts'; id: string; agencyId: string },
  kind: DocumentKind,
  pattern: string,
  date: string,
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('assignDocumentNumber must run inside a transaction');
  if (!NUMBERED_TABLES.has(target.table)) throw new Error(`not a numbered table: ${target.table}`);
  const year = Number(date.slice(0, 4));
  const period = patternRestartsYearly(pattern) ? year : 0;
  // the pattern around its single {N…} token, with the year tokens already filled in
  const filled = pattern.replace(/\{YYYY\}/g, String(year)).replace(/\{YY\}/g, String(year % 100).padStart(2, '0'));
  const m = /\{N(?::(\d{1,2}))?\}/.exec(filled);
  if (!m) throw new Error(`numbering pattern without {N}: ${pattern}`);
  const prefix = filled.slice(0, m.index);
  const suffix = filled.slice(m.index + m[0].length);
  const width = m[1] ? Number(m[1]) : 0;
  const raw: unknown[] = await manager.query(
    `WITH c AS (
       INSERT INTO document_counters ("agencyId", kind, period, "lastNumber") VALUES ($1, $2, $3, 1)
       ON CONFLICT ("agencyId", kind, period) DO UPDATE SET "lastNumber" = document_counters."lastNumber" + 1
       RETURNING "lastNumber"
     )
     UPDATE "${target.table}" AS d
        SET number = $4 || lpad(c."lastNumber"::text, greatest($5::int, length(c."lastNumber"::text)), '0') || $6
       FROM c
      WHERE d.id = $7 AND d."agencyId" = $1
     RETURNING d.number`,
    [target.agencyId, kind, period, prefix, width, suffix, target.id],
  );
  // TypeORM answers an UPDATE with [rows, affected]
  const rows = (Array.isArray(raw[0]) ? raw[0] : raw) as { number: string }[];
  if (rows.length !== 1) throw new Error(`assignDocumentNumber: ${target.table} ${target.id} not found`);
  return rows[0].number;
}
