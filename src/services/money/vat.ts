import Decimal from 'decimal.js';
import { VatRegime } from '../../entities/enums';

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

/** A period of the agency's VAT regime, as stored (agency_vat_regimes). */
export interface VatRegimePeriod {
  validFrom: string;
  regime: VatRegime;
  rate: string | null;
  exemptionNote: string | null;
}

/** The legal wording printed on documents of a regime without VAT. */
export const EXEMPTION_NOTES: Partial<Record<VatRegime, string>> = {
  // НК РФ ст. 346.11 п. 2: organisations on the simplified tax are not VAT payers
  [VatRegime.RU_USN_WITHOUT_VAT]: 'НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)',
  // ЗДДС чл. 113, ал. 9: a supplier not registered under the VAT act states why no VAT is charged
  [VatRegime.BG_NOT_REGISTERED]: 'Основание за неначисляване на ДДС: чл. 113, ал. 9 от ЗДДС (доставчикът не е регистриран по ЗДДС)',
};

/** The country whose law a regime belongs to (null: any country). */
export const REGIME_COUNTRY: Record<VatRegime, string | null> = {
  [VatRegime.STANDARD]: null,
  [VatRegime.RU_USN_WITHOUT_VAT]: 'RU',
  [VatRegime.RU_USN_REDUCED]: 'RU',
  [VatRegime.BG_NOT_REGISTERED]: 'BG',
};

/** The reduced rates of Russian simplified-tax payers (ст. 164 п. 8 НК РФ), from 2025-01-01. */
export const USN_REDUCED_RATES = ['5.00', '7.00'] as const;
export const USN_REDUCED_FROM = '2025-01-01';

/** How documents dated in a period charge VAT: the regime, the rate for automatic lines, the note. */
export interface VatTreatment {
  regime: VatRegime;
  /** the rate of a line whose rate is automatic; null = without VAT */
  rate: string | null;
  /** whether a line may carry a rate of its own (false: the regime charges no VAT at all) */
  chargesVat: boolean;
  /** the exemption wording printed on the document, null when VAT is charged */
  exemptionNote: string | null;
}

/**
 * The regime before the agency's first dated period, from the requisites' `vatPayer`: a payer is
 * STANDARD, a non-payer the simplified regime of its country (RU: УСН without VAT, BG: not
 * registered under the VAT act; elsewhere without VAT and without a note).
 */
export function regimeOfVatPayer(country: string, vatPayer: boolean): VatRegime | null {
  if (vatPayer) return VatRegime.STANDARD;
  return country === 'RU' ? VatRegime.RU_USN_WITHOUT_VAT : country === 'BG' ? VatRegime.BG_NOT_REGISTERED : null;
}

/** The note a period prints: the agency's own wording, else the legal wording of its regime (null when VAT is charged). */
export function exemptionNoteOf(period: Pick<VatRegimePeriod, 'regime' | 'exemptionNote'>): string | null {
  if (period.regime === VatRegime.STANDARD || period.regime === VatRegime.RU_USN_REDUCED) return null;
  return period.exemptionNote ?? EXEMPTION_NOTES[period.regime] ?? null;
}

/**
 * How a document dated `date` charges VAT: the agency's period in force on that date (the latest
 * `validFrom` not after it), else the regime of `vatPayer`. STANDARD takes the dated table of the
 * country; the reduced simplified regime its own rate; the others charge none and print their note.
 */
export function vatTreatment(country: string, periods: readonly VatRegimePeriod[], vatPayer: boolean, date: string): VatTreatment {
  const inForce = [...periods].filter((p) => p.validFrom <= date).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const period: Pick<VatRegimePeriod, 'regime' | 'rate' | 'exemptionNote'> | null = inForce ?? (() => {
    const regime = regimeOfVatPayer(country, vatPayer);
    return regime ? { regime, rate: null, exemptionNote: null } : null;
  })();
  if (!period) return { regime: VatRegime.STANDARD, rate: null, chargesVat: false, exemptionNote: null };
  switch (period.regime) {
    case VatRegime.STANDARD:
      return { regime: period.regime, rate: standardVatRate(country, date, true), chargesVat: true, exemptionNote: null };
    case VatRegime.RU_USN_REDUCED:
      return { regime: period.regime, rate: period.rate ? new Decimal(period.rate).toFixed(2) : null, chargesVat: true, exemptionNote: null };
    default:
      return { regime: period.regime, rate: null, chargesVat: false, exemptionNote: exemptionNoteOf(period) };
  }
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
