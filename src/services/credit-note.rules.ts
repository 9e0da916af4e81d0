import Decimal from 'decimal.js';
import { round2, sumTotals } from './money/totals';

/**
 * The pure rules of credit notes: how an amount is split over the invoice's lines and what VAT
 * each part carries. No database.
 *
 * A credit note takes back gross amounts (VAT included): what the client no longer owes. Each
 * part belongs to one invoice line and carries that line's VAT rate:
 *   vat = round(gross × rate / (100 + rate), 2), net = gross − vat
 * and the part that takes back the whole rest of a line takes exactly the rest of its net and VAT,
 * so Σ credit parts of a line never differ from the line by a cent.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** An invoice line as a credit note sees it: its amounts and what earlier credit notes took back. */
export interface CreditableLine {
  id: string;
  description: string;
  vatRate: string | null;
  net: string;
  vat: string;
  gross: string;
  creditedNet: string;
  creditedVat: string;
  creditedGross: string;
}

export interface CreditPart {
  invoiceLineId: string;
  description: string;
  vatRate: string | null;
  net: string;
  vat: string;
  gross: string;
}

/** What is left of a line to take back (gross). */
export function remainingGross(line: CreditableLine): string {
  return new D(line.gross).minus(line.creditedGross).toFixed(2);
}

/** The part of `line` worth `gross` (VAT included), its VAT at the line's rate. */
export function partOf(line: CreditableLine, gross: string): CreditPart {
  const rest = remainingGross(line);
  let net: string;
  let vat: string;
  if (new D(gross).eq(rest)) {
    net = new D(line.net).minus(line.creditedNet).toFixed(2);
    vat = new D(line.vat).minus(line.creditedVat).toFixed(2);
  } else {
    vat = line.vatRate === null ? '0.00' : round2(new D(gross).times(line.vatRate).dividedBy(new D(100).plus(line.vatRate)));
    net = new D(gross).minus(vat).toFixed(2);
  }
  return { invoiceLineId: line.id, description: line.description, vatRate: line.vatRate, net, vat, gross: new D(gross).toFixed(2) };
}

/**
 * Splits `amount` (gross, at most Σ remaining) over the lines in proportion to what is left of
 * each: every share rounded down to the cent, the cents left over go one by one to the lines with
 * the largest fractions that still have room (by position on ties). Parts of zero are left out.
 */
export function splitCredit(lines: readonly CreditableLine[], amount: string): CreditPart[] {
  const rest = lines.map((l) => new D(remainingGross(l)));
  const pool = rest.reduce((s, r) => s.plus(r), new D(0));
  const total = new D(amount);
  if (total.lte(0) || total.gt(pool)) throw new Error(`splitCredit: ${amount} outside (0, ${pool.toFixed(2)}]`);
  const exact = rest.map((r) => total.times(r).dividedBy(pool));
  const shares = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let cents = total.minus(shares.reduce((s, x) => s.plus(x), new D(0))).times(100).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(shares[i]) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  while (cents > 0) {
    let gave = false;
    for (const { i } of order) {
      if (cents === 0) break;
      if (shares[i].plus('0.01').lte(rest[i])) {
        shares[i] = shares[i].plus('0.01');
        cents -= 1;
        gave = true;
      }
    }
    if (!gave) throw new Error('splitCredit: no room left');
  }
  return lines.flatMap((l, i) => (shares[i].gt(0) ? [partOf(l, shares[i].toFixed(2))] : []));
}

/** The document totals of a credit note: exact sums of its parts (the one rule of money/totals). */
export function creditTotals(parts: readonly CreditPart[]): { subtotal: string; vatTotal: string; total: string } {
  return sumTotals([...parts]);
}
