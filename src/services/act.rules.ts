import Decimal from 'decimal.js';
import { ActStatus, CurrencyCode } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg } from '../i18n';
import type { ActLineInput } from '../schema/act/act.inputs';
import { DEFAULT_UNIT, type LineDraft } from './money/totals';
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
