import Decimal from 'decimal.js';
import type { EntityMetadata } from 'typeorm';

/**
 * How amounts and percents leave the API, in one place (the `Decimal` scalar passes strings
 * through and knows nothing of the field, so values are formatted where they are produced):
 * - money with its currency's minor units: "450000.00", never "450000";
 * - percents with two decimals ("50.00", "22.00", "62.50"), more only when the stored value has
 *   them (a schedule share given as "33.3333" stays exact).
 */

/** Minor units of the currencies the agencies invoice in (ISO 4217); 2 unless listed. */
const MINOR_UNITS: Record<string, number> = { RUB: 2, EUR: 2, BGN: 2, USD: 2 };

export function minorUnits(currency: string | null | undefined): number {
  return (currency ? MINOR_UNITS[currency] : undefined) ?? 2;
}

/** An amount with its currency's minor units (half-up), e.g. "450000.00". */
export function formatMoney(value: Decimal.Value, currency?: string | null): string {
  const s = new Decimal(value).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP).toFixed(minorUnits(currency));
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Decimal text as PostgreSQL prints a numeric: sign, no leading zeros, trailing zeros of the fraction apart. */
const PLAIN_DECIMAL = /^(-?)(0|[1-9]\d*)(?:\.(\d*?)0*)?$/;

/** A percent with two decimals, or the exact value when it has more: "50.00", "33.3333". */
export function formatPercent(value: Decimal.Value): string {
  // plain text (a sum as the database prints it) is formatted as text: a report formats thousands
  const plain = typeof value === 'string' ? PLAIN_DECIMAL.exec(value) : null;
  if (plain) {
    const [, sign, int, fraction = ''] = plain;
    const s = `${int}.${fraction.padEnd(2, '0')}`;
    return sign && /[1-9]/.test(s) ? `-${s}` : s;
  }
  const d = new Decimal(value);
  const s = d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

export function formatMoneyOrNull(value: Decimal.Value | null | undefined, currency?: string | null): string | null {
  return value == null ? null : formatMoney(value, currency);
}

/**
 * A row's numeric values at the scale their column declares (money: numeric(18,2)), so what a
 * mutation answers from memory reads the same as what a later query reads from PostgreSQL
 * ("450000.00", never "450000"). Other values pass through.
 */
export function withColumnScales(metadata: EntityMetadata, values: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const column of metadata.columns) {
    if (column.type !== 'numeric' || column.scale == null || column.relationMetadata || column.embeddedMetadata) continue;
    const v = out[column.propertyName];
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    try {
      out[column.propertyName] = new Decimal(v).toFixed(column.scale);
    } catch {
      // not a number: the database refuses it as before
    }
  }
  return out;
}
