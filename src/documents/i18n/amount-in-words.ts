/**
 * The total in words, as printed under the totals of invoices and acts: whole units in words with
 * the currency in grammatical agreement, then the subunits as two digits with their own name
 * agreeing with that number (the accounting convention), first letter capitalised:
 * "Сто двадцать одна тысяча рублей 50 копеек", "Две хиляди и три евро и 05 евроцента",
 * "Two thousand and three euros and 05 cents".
 *
 * Russian goes through number-to-words-ru (words/ru.ts). Bulgarian and English are written here
 * because no adequate library exists: n2words has no Bulgarian and is ESM-only, to-words gets
 * plurals wrong ("Два Рублей"), written-number drops the British "and" inside groups.
 *
 * Amounts are exact decimal strings, read as BigInt, never as floats.
 */
import { documentCurrency, documentLocale, type DocumentCurrency, type DocumentLocale, type WholeAndCents } from './codes';
import { bgAmountInWords } from './words/bg';
import { enAmountInWords } from './words/en';
import { ruAmountInWords } from './words/ru';

export type { DocumentCurrency, DocumentLocale, WholeAndCents };

/** The largest whole part written in words: amounts go up to 999 999 999 999.99. */
export const MAX_WHOLE_IN_WORDS = 999_999_999_999n;

export type AmountWriter = (amount: WholeAndCents, currency: DocumentCurrency) => string;

const WRITERS: Record<DocumentLocale, AmountWriter> = {
  ru: ruAmountInWords,
  bg: bgAmountInWords,
  en: enAmountInWords,
};

// digits only, at most two decimals: no sign, exponent, separators or surrounding spaces
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "121000.5" → { whole: 121000n, cents: "50" }; a RangeError for anything not a non-negative amount with at most two decimals. */
export function splitAmount(amount: string): WholeAndCents {
  const m = typeof amount === 'string' ? AMOUNT.exec(amount) : null;
  if (!m) throw new RangeError(`not a non-negative amount with at most two decimals: ${JSON.stringify(amount)}`);
  const whole = BigInt(m[1]);
  if (whole > MAX_WHOLE_IN_WORDS) throw new RangeError(`amount too large to write in words: ${amount}`);
  return { whole, cents: (m[2] ?? '').padEnd(2, '0') };
}

/**
 * The amount in words in the document's language, e.g. amountInWords('2003.05', 'RUB', 'ru') →
 * "Две тысячи три рубля 05 копеек". Amounts from 0 to 999 999 999 999.99; negatives, more than two
 * decimals and anything not a plain decimal string are refused with a RangeError.
 */
export function amountInWords(amount: string, currency: DocumentCurrency, locale: DocumentLocale): string {
  const parts = splitAmount(amount);
  const text = WRITERS[documentLocale(locale)](parts, documentCurrency(currency));
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
