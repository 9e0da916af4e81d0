import { CurrencyCode, Locale } from '../../entities/enums';

/**
 * The languages and currencies a document is printed in. Written as the enums' string values so
 * that both `Locale.RU` and a plain 'ru' are accepted by the document helpers.
 */
export type DocumentLocale = `${Locale}`;
export type DocumentCurrency = `${CurrencyCode}`;

const LOCALES: readonly string[] = Object.values(Locale);
const CURRENCIES: readonly string[] = Object.values(CurrencyCode);

/** The locale itself, or a RangeError naming it (for callers that are not type-checked). */
export function documentLocale(value: unknown): DocumentLocale {
  if (typeof value === 'string' && LOCALES.includes(value)) return value as DocumentLocale;
  throw new RangeError(`unsupported document locale: ${String(value)}`);
}

/** The currency itself, or a RangeError naming it. */
export function documentCurrency(value: unknown): DocumentCurrency {
  if (typeof value === 'string' && CURRENCIES.includes(value)) return value as DocumentCurrency;
  throw new RangeError(`unsupported document currency: ${String(value)}`);
}

/** An amount split for writing in words: the whole units and the subunits as exactly two digits. */
export interface WholeAndCents {
  whole: bigint;
  cents: string;
}
