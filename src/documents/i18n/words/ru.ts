import { convert } from 'number-to-words-ru';
import type { DocumentCurrency, WholeAndCents } from '../codes';

type Currency = NonNullable<NonNullable<Parameters<typeof convert>[1]>['currency']>;

/**
 * The library knows RUB and EUR as printed on Russian documents ("один евро", "05 центов"); USD is
 * written "доллар США" there, and BGN is not known to it at all. Genders: 0 masculine, 1 feminine.
 */
const CURRENCIES: Record<DocumentCurrency, Currency> = {
  RUB: 'rub',
  EUR: 'eur',
  USD: {
    currencyNameCases: ['доллар США', 'доллара США', 'долларов США'],
    fractionalPartNameCases: ['цент', 'цента', 'центов'],
    currencyNounGender: { integer: 0, fractionalPart: 0 },
    fractionalPartMinLength: 2,
  },
  BGN: {
    currencyNameCases: ['лев', 'лева', 'левов'],
    fractionalPartNameCases: ['стотинка', 'стотинки', 'стотинок'],
    currencyNounGender: { integer: 0, fractionalPart: 1 },
    fractionalPartMinLength: 2,
  },
};

/** "Сто двадцать одна тысяча рублей 50 копеек". */
export function ruAmountInWords({ whole, cents }: WholeAndCents, currency: DocumentCurrency): string {
  // a string keeps the library off floats; the cents are already two digits, so nothing is rounded
  return convert(`${whole}.${cents}`, {
    currency: CURRENCIES[currency],
    roundNumber: -1,
    convertMinusSignToWord: false,
    convertNumberToWords: { integer: true, fractional: false },
    showNumberParts: { integer: true, fractional: true },
    showCurrency: { integer: true, fractional: true },
  });
}
