/**
 * How numbers, money and dates are printed on documents (invoices, acts, contracts) in ru, bg and
 * en. Decimal strings in, never floats; calendar dates are read as text, never shifted by a zone.
 * (The API's own messages use formatAmount / formatDate of src/i18n; documents print these.)
 *
 * Numbers: ru and bg group thousands with U+2009 THIN SPACE and use a decimal comma
 * ("121 000,50"); en uses "121,000.50". The typographic choice would be U+202F NARROW NO-BREAK
 * SPACE, but Roboto, the documents' font, has no glyph for it. Every number from four digits on is
 * grouped (CLDR leaves "1000" ungrouped in bg) so that the columns of a table line up. A negative
 * number carries a real minus sign, U+2212.
 *
 * Currencies: the sign or abbreviation CLDR records for each locale (what accountants there print
 * and Intl shows), after the amount in ru and bg, before it in en, joined by a no-break space
 * where there is a space:
 *
 * |     | RUB              | EUR           | BGN              | USD              |
 * |-----|------------------|---------------|------------------|------------------|
 * | ru  | 121 000,50 ₽     | 121 000,50 €  | 121 000,50 BGN   | 121 000,50 $     |
 * | bg  | 121 000,50 RUB   | 121 000,50 €  | 121 000,50 лв.   | 121 000,50 щ.д.  |
 * | en  | RUB 121,000.50   | €121,000.50   | BGN 121,000.50   | US$121,000.50    |
 *
 * ₽ rather than "руб." in ru: it is the official sign, it is in the font, and it keeps the money
 * columns narrow; the amount in words spells the currency out anyway.
 */
import { localParts } from '../../services/time';
import { documentCurrency, documentLocale, type DocumentCurrency, type DocumentLocale } from '../i18n/codes';

const THIN_SPACE = '\u2009';
const NO_BREAK_SPACE = '\u00a0';
const MINUS = '\u2212';

const SEPARATORS: Record<DocumentLocale, { group: string; decimal: string }> = {
  ru: { group: THIN_SPACE, decimal: ',' },
  bg: { group: THIN_SPACE, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const CURRENCY_SIGNS: Record<DocumentLocale, Record<DocumentCurrency, string>> = {
  ru: { RUB: '₽', EUR: '€', BGN: 'BGN', USD: '$' },
  bg: { RUB: 'RUB', EUR: '€', BGN: 'лв.', USD: 'щ.д.' },
  en: { RUB: 'RUB', EUR: '€', BGN: 'BGN', USD: 'US$' },
};

interface DecimalParts {
  negative: boolean;
  whole: string;
  fraction: string;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "-0012.50" → { negative, whole: "12", fraction: "50" }; a RangeError for anything else than a plain decimal string. */
function decimalParts(value: string, what: string): DecimalParts {
  const m = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!m) throw new RangeError(`${what}: not a decimal string: ${JSON.stringify(value)}`);
  return { negative: m[1] === '-', whole: m[2].replace(/^0+(?=\d)/, ''), fraction: m[3] ?? '' };
}

function grouped(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** The number as the locale writes it; a zero is never negative. */
function written({ negative, whole, fraction }: DecimalParts, locale: DocumentLocale): { sign: string; digits: string } {
  const { group, decimal } = SEPARATORS[locale];
  const zero = /^0*$/.test(whole + fraction);
  return { sign: negative && !zero ? MINUS : '', digits: grouped(whole, group) + (fraction ? decimal + fraction : '') };
}

/**
 * A money amount with two decimals: "121 000,50" (ru, bg), "121,000.50" (en); with a currency
 * "121 000,50 ₽", "121 000,50 лв.", "€121,000.50" (see the table above). More than two decimals
 * is refused with a RangeError: a document prints the amount as stored, never a rounded one.
 */
export function formatMoney(amount: string, locale: DocumentLocale, opts: { currency?: DocumentCurrency } = {}): string {
  const loc = documentLocale(locale);
  const parts = decimalParts(amount, 'money');
  if (parts.fraction.length > 2) throw new RangeError(`money: more than two decimals: ${amount}`);
  const { sign, digits } = written({ ...parts, fraction: parts.fraction.padEnd(2, '0') }, loc);
  if (opts.currency === undefined) return sign + digits;
  const symbol = CURRENCY_SIGNS[loc][documentCurrency(opts.currency)];
  if (loc !== 'en') return `${sign}${digits}${NO_BREAK_SPACE}${symbol}`;
  // a code is followed by a space, a sign is not: "RUB 121,000.50", "€121,000.50"
  return /^[A-Z]{3}$/.test(symbol) ? `${sign}${symbol}${NO_BREAK_SPACE}${digits}` : `${sign}${symbol}${digits}`;
}

/** The currency's sign or abbreviation as formatMoney prints it in this locale ("₽", "лв.", "€"), e.g. for column headers. */
export function currencySign(currency: DocumentCurrency, locale: DocumentLocale): string {
  return CURRENCY_SIGNS[documentLocale(locale)][documentCurrency(currency)];
}

/** A quantity with up to three decimals, trailing zeros dropped: "1", "2,5", "1 000,125". More than three decimals is refused. */
export function formatQuantity(q: string, locale: DocumentLocale): string {
  const loc = documentLocale(locale);
  const parts = decimalParts(q, 'quantity');
  const fraction = parts.fraction.replace(/0+$/, '');
  if (fraction.length > 3) throw new RangeError(`quantity: more than three decimals: ${q}`);
  const { sign, digits } = written({ ...parts, fraction }, loc);
  return sign + digits;
}

/** A percent, decimals only when it has them, no space before the sign: "22%", "12,5%" (ru, bg), "12.5%" (en). */
export function formatPercent(p: string, locale: DocumentLocale): string {
  const loc = documentLocale(locale);
  const parts = decimalParts(p, 'percent');
  const { sign, digits } = written({ ...parts, fraction: parts.fraction.replace(/0+$/, '') }, loc);
  return `${sign}${digits}%`;
}

const MONTHS: Record<DocumentLocale, string[]> = {
  // the genitive: "22 ноября"
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  bg: ['януари', 'февруари', 'март', 'април', 'май', 'юни', 'юли', 'август', 'септември', 'октомври', 'ноември', 'декември'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
// three letters each ("Sep", where CLDR en-GB now has "Sept"): the date column keeps one width
const EN_SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A calendar date (YYYY-MM-DD) as documents print it, read as text (no time zone can shift it):
 *
 * |      | long                | short          |
 * |------|---------------------|----------------|
 * | ru   | 22 ноября 2026 г.   | 22.11.2026     |
 * | bg   | 22 ноември 2026 г.  | 22.11.2026 г.  |
 * | en   | 22 November 2026    | 22 Nov 2026    |
 *
 * Anything but a real date in that form is refused with a RangeError.
 */
export function formatDate(isoDate: string, locale: DocumentLocale, style: 'long' | 'short'): string {
  const loc = documentLocale(locale);
  const m = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  if (style === 'long') {
    const text = `${day} ${MONTHS[loc][month - 1]} ${m[1]}`;
    return loc === 'en' ? text : `${text} г.`;
  }
  if (style !== 'short') throw new RangeError(`unknown date style: ${String(style)}`);
  if (loc === 'en') return `${day} ${EN_SHORT_MONTHS[month - 1]} ${m[1]}`;
  const numeric = `${m[3]}.${m[2]}.${m[1]}`;
  return loc === 'bg' ? `${numeric} г.` : numeric;
}

/**
 * An instant as the wall clock of `timeZone` shows it, for "generated at" lines: the short date and
 * the 24-hour time, "22.11.2026, 14:05" (ru), "22.11.2026 г., 14:05 ч." (bg), "22 Nov 2026, 14:05"
 * (en). An invalid Date or an unknown time zone is refused with a RangeError.
 */
export function formatDateTime(instant: Date, timeZone: string, locale: DocumentLocale): string {
  const loc = documentLocale(locale);
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError(`not a valid instant: ${String(instant)}`);
  const p = localParts(instant, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = formatDate(`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, loc, 'short');
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  return loc === 'bg' ? `${date}, ${time} ч.` : `${date}, ${time}`;
}
