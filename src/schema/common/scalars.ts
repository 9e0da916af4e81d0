import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

const DECIMAL_RE = /^-?\d{1,18}(\.\d{1,6})?$/;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * /^-?\d+(\.\d+)?$/ without a regular expression: a chart's answer serializes thousands of
 * decimals, and a loop over the characters is several times cheaper than the match.
 */
export function isDecimalText(value: string): boolean {
  const n = value.length;
  let i = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const intStart = i;
  while (i < n && isDigit(value.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === n) return true;
  if (value.charCodeAt(i) !== 46) return false; // '.'
  const fracStart = ++i;
  while (i < n && isDigit(value.charCodeAt(i))) i++;
  return i === n && i > fracStart;
}

/** Keeps the digits as written ("350000.50" stays "350000.50"): trailing zeros carry the scale. */
function toDecimalString(value: unknown): string {
  if (value instanceof Decimal) return value.toFixed();
  if (typeof value === 'string' && DECIMAL_RE.test(value.trim())) return value.trim();
  throw new TypeError(`Decimal must be a string like "1234.50", got ${JSON.stringify(value)}`);
}

/**
 * Exact decimal numbers (money, quantities, rates) travel as strings so no client ever parses
 * them into a binary float. Input accepts a string only; a JSON number is refused because it may
 * already have lost precision.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50" (up to 18 integer and 6 fractional digits). Never a float.',
  serialize: (value) => {
    // numeric columns arrive as exact strings with their scale ("350000.50"): pass them through
    if (typeof value === 'string' && isDecimalText(value)) return value;
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new TypeError('Decimal cannot represent a non-decimal value');
  },
  parseValue: (value) => toDecimalString(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal literals must be strings, e.g. "1234.50"');
    return toDecimalString(ast.value);
  },
});

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' naming a real day (no 2026-02-30), decided without building a Date. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  // /^(\d{4})-(\d{2})-(\d{2})$/ read digit by digit, without building a match
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i);
    if (!isDigit(c)) return false;
    year = year * 10 + (c - 48);
  }
  const m1 = value.charCodeAt(5);
  const m2 = value.charCodeAt(6);
  const d1 = value.charCodeAt(8);
  const d2 = value.charCodeAt(9);
  if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) return false;
  const month = (m1 - 48) * 10 + (m2 - 48);
  const day = (d1 - 48) * 10 + (d2 - 48);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

const localDate = LocalDateResolver.toConfig();

/** Calendar date of a document or a birthday: 'YYYY-MM-DD', no time, no zone. */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  description: 'A calendar date, ISO-8601 "YYYY-MM-DD" (no time, no time zone).',
  // a chart's series serializes hundreds of dates per response, and the library checks each one
  // by building a Date and its ISO string (6% of the portal read's CPU): the same check in
  // arithmetic; anything it refuses goes to the library, for the library's error
  serialize: (value) => (isCalendarDate(value) ? value : localDate.serialize(value)),
});

/** An instant: ISO-8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
  description: 'An instant in time, ISO-8601 with time zone, returned in UTC (e.g. "2026-11-22T10:00:00.000Z").',
});

/** Any JSON value: what a background job returned (its shape depends on the job's kind). */
export const JSONScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null); its shape is documented with the field that returns it.',
});
