import Decimal from 'decimal.js';

/**
 * VAT rates by country and date. The rate of a supply is the one in force on its supply date
 * (the issue date when no supply date is given). A non-payer agency invoices "without VAT".
 */
interface RatePeriod {
  from: string; // inclusive
  to: string | null; // inclusive
  rate: string; // percent
}

export const VAT_TABLE: Record<string, RatePeriod[]> = {
  // Russia: 20% from 2019; 22% from 2026-01-01 (Federal Law 425-FZ of 28.11.2025)
  RU: [
    { from: '2019-01-01', to: '2025-12-31', rate: '20.00' },
    { from: '2026-01-01', to: null, rate: '22.00' },
  ],
  // Bulgaria: standard rate 20%
  BG: [{ from: '2007-01-01', to: null, rate: '20.00' }],
};

/** The standard rate in `country` on `date`, or null (without VAT) for a non-payer or unknown country. */
export function standardVatRate(country: string, date: string, vatPayer: boolean): string | null {
  if (!vatPayer) return null;
  const periods = VAT_TABLE[country];
  if (!periods) return null;
  const p = periods.find((r) => r.from <= date && (r.to === null || date <= r.to));
  return p ? p.rate : null;
}

/** Bulgaria joined the euro area on 2026-01-01; BGN is refused for documents dated from then. */
export const BG_EURO_CHANGEOVER = '2026-01-01';
/** the irrevocably fixed conversion rate, for the BGN equivalents shown on EUR documents in 2026 */
export const BGN_PER_EUR = '1.95583';

export function currencyAllowed(agencyCountry: string, currency: string, date: string): boolean {
  return !(agencyCountry === 'BG' && currency === 'BGN' && date >= BG_EURO_CHANGEOVER);
}

/**
 * A contract's currency on its date: a BGN contract dated from the changeover is refused (the lev
 * is no longer the currency of new obligations); one signed before stays in BGN and is invoiced in
 * EUR from the changeover (legacyBgnInEur).
 */
export function contractCurrencyAllowed(agencyCountry: string, currency: string, contractDate: string): boolean {
  return currencyAllowed(agencyCountry, currency, contractDate);
}

/**
 * Whether an invoice in `invoiceCurrency` dated `date` bills a BGN contract in euro: the contract is
 * in BGN and BGN is no longer allowed on that date (the euro changeover). Its BGN amounts are then
 * converted with bgnToEur.
 */
export function legacyBgnInEur(agencyCountry: string, contractCurrency: string, invoiceCurrency: string, date: string): boolean {
  return contractCurrency === 'BGN' && invoiceCurrency === 'EUR' && !currencyAllowed(agencyCountry, 'BGN', date);
}

/**
 * A BGN amount in euro at the irrevocably fixed rate, rounded to the cent half up, amount by amount
 * (the Bulgarian euro-introduction law: convert each amount, then round; 0.005 goes up).
 */
export function bgnToEur(amount: string): string {
  return new Decimal(amount).dividedBy(BGN_PER_EUR).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** An amount kept in `from` as it counts on a document in `to`: BGN → EUR at the fixed rate, else as it is. */
export function amountIn(amount: string, from: string, to: string): string {
  return from === 'BGN' && to === 'EUR' ? bgnToEur(amount) : amount;
}

/** Bulgarian documents show BGN equivalents of euro amounts during the dual-display period. */
export const BG_DUAL_DISPLAY_UNTIL = '2026-08-08';

export function bgnEquivalentRequired(agencyCountry: string, currency: string, issueDate: string | null): boolean {
  return agencyCountry === 'BG' && currency === 'EUR' && !!issueDate && issueDate >= BG_EURO_CHANGEOVER && issueDate <= BG_DUAL_DISPLAY_UNTIL;
}
