import Decimal from 'decimal.js';
import { ActStatus, CurrencyCode } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import type { ActLineInput } from '../schema/act/act.inputs';
import { DEFAULT_UNIT, type Basis, type LineDraft } from './money/totals';
import { currencyAllowed } from './money/vat';
import type { TransitionMap } from './transitions';

/** The pure rules of acts: the status flow, lines as stored, period and currency checks. No database. */

const { DRAFT, ISSUED, SIGNED, DISPUTED } = ActStatus;

/**
 * The act flow as data. DISPUTED → DRAFT is reviseAct (correction after the client's
 * objection); the act keeps its number when it is issued again.
 */
export const ACT_TRANSITIONS: TransitionMap<ActStatus> = {
  [DRAFT]: [ISSUED],
  [ISSUED]: [SIGNED, DISPUTED],
  [DISPUTED]: [DRAFT],
  [SIGNED]: [],
};

/** Input lines as column values at their stored scale; an omitted rate is taken from the VAT table. */
export function toDrafts(lines: ActLineInput[]): LineDraft[] {
  return lines.map((l) => ({
    description: l.description.trim(),
    // stored as numeric(18,3) / (18,2) / (5,2): answer with the stored scale from the start
    quantity: new Decimal(l.quantity ?? '1').toFixed(3),
    unit: l.unit?.trim() || DEFAULT_UNIT,
    unitPrice: new Decimal(l.unitPrice).toFixed(2),
    vatRate: l.vatRate == null ? null : new Decimal(l.vatRate).toFixed(2),
    vatRateAuto: l.vatRate === undefined,
  }));
}

/** Invoice ids as a set (ids compare case-insensitively), in the order first given. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** The end of the period may not come before its start. */
export function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) {
    throw new BadUserInputError([{ path: 'input.periodEnd', message: msg('validation.notBefore', { field: 'periodEnd', other: 'periodStart' }) }]);
  }
}

/** Bulgarian documents are in EUR from the changeover; BGN is refused for dates from then. */
export function checkCurrency(country: string, currency: CurrencyCode, date: string, path: string): void {
  if (!currencyAllowed(country, currency, date)) {
    throw new BadUserInputError([{ path, message: msg('validation.currencyChangeover', { currency, date }) }]);
  }
}

// ---------------------------------------------------------------------------------------------
// the VAT rate change (RU 20 % → 22 % on 2026-01-01)

/**
 * Whether the invoiced prices include VAT («в т.ч. НДС») or add it on top: an act of a contract
 * follows the contract's basis; an act without one reads its prices as net (VAT_ON_TOP).
 */
export type PriceBasis = Basis;

/** What an invoice charged for a line: its amounts and the rate (null: without VAT). */
export interface InvoicedLine {
  net: string;
  vat: string;
  gross: string;
  vatRate: string | null;
}

/** An act line closing an invoiced line, and what the act's rate changes against the invoice. */
export interface ClosedLine {
  net: string;
  vat: string;
  gross: string;
  /** act VAT − invoiced VAT that the client owes on top of the invoice (0 when the total stays) */
  vatDifference: string;
}

const DR = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const cents = (v: Decimal.Value): Decimal => new DR(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * The act's VAT rate follows the act date; when it differs from the rate an invoice (or a
 * prepayment) charged: with VAT-inclusive prices the total stays and the VAT part is recomputed
 * (vat = round(gross × rate / (100 + rate), 2)); with VAT on top the net stays, the VAT is
 * recomputed (round(net × rate / 100, 2)) and the difference is an amount due. Same rate: the
 * invoiced amounts, unchanged.
 */
export function closeAtRate(basis: PriceBasis, invoiced: InvoicedLine, rate: string | null): ClosedLine {
  const same = (invoiced.vatRate === null && rate === null) || (invoiced.vatRate !== null && rate !== null && new DR(invoiced.vatRate).eq(rate));
  if (same) return { net: invoiced.net, vat: invoiced.vat, gross: invoiced.gross, vatDifference: '0.00' };
  const r = new DR(rate ?? 0);
  if (basis === 'VAT_INCLUDED') {
    const gross = new DR(invoiced.gross);
    const vat = cents(gross.times(r).dividedBy(r.plus(100)));
    return { net: gross.minus(vat).toFixed(2), vat: vat.toFixed(2), gross: gross.toFixed(2), vatDifference: '0.00' };
  }
  const net = new DR(invoiced.net);
  const vat = cents(net.times(r).dividedBy(100));
  return { net: net.toFixed(2), vat: vat.toFixed(2), gross: net.plus(vat).toFixed(2), vatDifference: vat.minus(invoiced.vat).toFixed(2) };
}

/** The date an act is priced for: its act date when chosen, else the last day of its period (the shipment date of the services). */
export function pricingDate(act: { actDate: string | null; periodEnd: string }): string {
  return act.actDate ?? act.periodEnd;
}

/** The act date may not come before its period starts. */
export function checkActDate(actDate: string | null | undefined, periodStart: string, path = 'input.actDate'): void {
  if (actDate && actDate < periodStart) {
    throw new BadUserInputError([{ path, message: msg('validation.actDateBeforePeriod', { date: actDate, periodStart }) }]);
  }
}

/** A line as priced for the act, with what its invoice charged (null for the act's own lines). */
export interface ActPricedLine {
  net: string;
  vat: string;
  gross: string;
  vatRate: string | null;
  invoicedVatRate: string | null;
  invoicedVat: string | null;
}

/**
 * Σ of what the act's rate adds to the VAT the closed invoices charged, for the act's price basis
 * (VAT included: nothing, the total stays; VAT on top: the VAT of the new rate on the same net).
 */
export function vatDifferenceOf(lines: readonly ActPricedLine[], basis: PriceBasis = 'VAT_ON_TOP'): string {
  let sum = new DR(0);
  for (const l of lines) {
    if (l.invoicedVat === null) continue;
    const invoiced = { net: l.net, vat: l.invoicedVat, gross: new DR(l.net).plus(l.invoicedVat).toFixed(2), vatRate: l.invoicedVatRate };
    sum = sum.plus(closeAtRate(basis, invoiced, l.vatRate).vatDifference);
  }
  return sum.toFixed(2);
}
