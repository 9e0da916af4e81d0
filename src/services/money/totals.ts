import Decimal from 'decimal.js';

/**
 * The one place money is rounded. Rule (documented in the README): per line, with VAT on top
 * (the price is net),
 *   net   = round(quantity × unitPrice, 2)
 *   vat   = round(net × rate / 100, 2)        (0 when the line is without VAT)
 *   gross = net + vat
 * and with VAT included («в т.ч. НДС», the price is what the client pays),
 *   gross = round(quantity × unitPrice, 2)
 *   vat   = round(gross × rate / (100 + rate), 2)
 *   net   = gross − vat
 * and the document totals are the exact sums of the rounded line values, so Σ lines = totals
 * always and VAT is computed once. Rounding is half-up (commercial), as Russian and Bulgarian
 * invoices are read.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface LineInput {
  quantity: string;
  unitPrice: string;
  /** percent, or null for "without VAT" */
  vatRate: string | null;
}

export interface LineAmounts {
  net: string;
  vat: string;
  gross: string;
}

export interface Totals {
  subtotal: string;
  vatTotal: string;
  total: string;
}

export function round2(v: Decimal.Value): string {
  return new D(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Whether a document's prices include VAT or add it on top (the PriceBasis enum's values). */
export type Basis = 'VAT_INCLUDED' | 'VAT_ON_TOP';

export function lineAmounts(line: LineInput, basis: Basis = 'VAT_ON_TOP'): LineAmounts {
  if (basis === 'VAT_INCLUDED') {
    const gross = new D(round2(new D(line.quantity).times(line.unitPrice)));
    const vat = line.vatRate === null ? new D(0) : new D(round2(gross.times(line.vatRate).dividedBy(new D(line.vatRate).plus(100))));
    return { net: gross.minus(vat).toFixed(2), vat: vat.toFixed(2), gross: gross.toFixed(2) };
  }
  const net = new D(round2(new D(line.quantity).times(line.unitPrice)));
  const vat = line.vatRate === null ? new D(0) : new D(round2(net.times(line.vatRate).dividedBy(100)));
  return { net: net.toFixed(2), vat: vat.toFixed(2), gross: net.plus(vat).toFixed(2) };
}

/** The unit of a document line given without one («услуга»). */
export const DEFAULT_UNIT = 'усл.';

/** A document line (invoice, act) before its amounts: what is stored besides net, VAT and gross. */
export interface LineDraft {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  /** percent, or null for "without VAT" */
  vatRate: string | null;
  /** taken from the dated VAT table (and re-read when the document is issued), not given */
  vatRateAuto: boolean;
}

export type PricedLine = LineDraft & LineAmounts;

/** The draft part of a stored line. */
export function draftOf(l: LineDraft): LineDraft {
  return {
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    vatRateAuto: l.vatRateAuto,
  };
}

/** Lines with an automatic rate take `autoRate`; then the amounts by the rule above (for the basis), and their totals. */
export function priceLines(drafts: readonly LineDraft[], autoRate: string | null, basis: Basis = 'VAT_ON_TOP'): { lines: PricedLine[]; totals: Totals } {
  const lines = drafts.map((d) => {
    const vatRate = d.vatRateAuto ? autoRate : d.vatRate;
    return { ...d, vatRate, ...lineAmounts({ quantity: d.quantity, unitPrice: d.unitPrice, vatRate }, basis) };
  });
  return { lines, totals: sumTotals(lines) };
}

export function sumTotals(lines: LineAmounts[]): Totals {
  let subtotal = new D(0);
  let vat = new D(0);
  for (const l of lines) {
    subtotal = subtotal.plus(l.net);
    vat = vat.plus(l.vat);
  }
  return { subtotal: subtotal.toFixed(2), vatTotal: vat.toFixed(2), total: subtotal.plus(vat).toFixed(2) };
}

export function add(a: Decimal.Value, b: Decimal.Value): string {
  return new D(a).plus(b).toFixed(2);
}

export function sub(a: Decimal.Value, b: Decimal.Value): string {
  return new D(a).minus(b).toFixed(2);
}

export function cmp(a: Decimal.Value, b: Decimal.Value): number {
  return new D(a).comparedTo(b);
}

export function isZero(a: Decimal.Value): boolean {
  return new D(a).isZero();
}

/** share × amount / 100, rounded to cents (payment-schedule items). */
export function percentOf(amount: Decimal.Value, percent: Decimal.Value): string {
  return round2(new D(amount).times(percent).dividedBy(100));
}

export interface MoneyMovement {
  kind: 'PAYMENT' | 'REFUND';
  amount: string;
}

/** Σ payments − Σ refunds. */
export function netPaid(movements: MoneyMovement[]): string {
  let paid = new D(0);
  for (const m of movements) paid = m.kind === 'PAYMENT' ? paid.plus(m.amount) : paid.minus(m.amount);
  return paid.toFixed(2);
}

/** The invoice's payment status from what is due and what is paid: PAID ⇔ due > 0 and paid ≥ due. */
export function paymentStatus(amountDue: string, paid: string): 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' {
  if (new D(paid).lte(0) || new D(amountDue).lte(0)) return 'ISSUED';
  return new D(paid).gte(amountDue) ? 'PAID' : 'PARTIALLY_PAID';
}
