import fc from 'fast-check';
import { CurrencyCode, Locale } from '../../src/entities/enums';
import { formatDate, formatDateTime, formatMoney, formatPercent, formatQuantity } from '../../src/documents/layout/format';
import type { DocumentLocale } from '../../src/documents/i18n/codes';

/**
 * What documents print, written with visible escapes: \u2009 THIN SPACE (groups in ru and bg),
 * \u00a0 NO-BREAK SPACE (before or after a currency), \u2212 MINUS SIGN.
 */

describe('formatMoney', () => {
  it('groups thousands with a thin space and uses a decimal comma in ru and bg, commas and a point in en', () => {
    expect(formatMoney('121000.50', 'ru')).toBe('121\u2009000,50');
    expect(formatMoney('121000.50', 'bg')).toBe('121\u2009000,50');
    expect(formatMoney('121000.50', 'en')).toBe('121,000.50');
  });

  it.each([
    ['0', '0,00', '0.00'],
    ['0.5', '0,50', '0.50'],
    ['7', '7,00', '7.00'],
    ['999.99', '999,99', '999.99'],
    ['1000.00', '1\u2009000,00', '1,000.00'],
    ['12345.6', '12\u2009345,60', '12,345.60'],
    ['1000000.01', '1\u2009000\u2009000,01', '1,000,000.01'],
    ['999999999999.99', '999\u2009999\u2009999\u2009999,99', '999,999,999,999.99'],
    ['0001000.00', '1\u2009000,00', '1,000.00'],
  ])('%s → %j (ru, bg) and %j (en)', (amount, ruBg, en) => {
    expect(formatMoney(amount, 'ru')).toBe(ruBg);
    expect(formatMoney(amount, 'bg')).toBe(ruBg);
    expect(formatMoney(amount, 'en')).toBe(en);
  });

  it.each([
    ['ru', 'RUB', '121\u2009000,50\u00a0₽'],
    ['ru', 'EUR', '121\u2009000,50\u00a0€'],
    ['ru', 'BGN', '121\u2009000,50\u00a0BGN'],
    ['ru', 'USD', '121\u2009000,50\u00a0$'],
    ['bg', 'RUB', '121\u2009000,50\u00a0RUB'],
    ['bg', 'EUR', '121\u2009000,50\u00a0€'],
    ['bg', 'BGN', '121\u2009000,50\u00a0лв.'],
    ['bg', 'USD', '121\u2009000,50\u00a0щ.д.'],
    ['en', 'RUB', 'RUB\u00a0121,000.50'],
    ['en', 'EUR', '€121,000.50'],
    ['en', 'BGN', 'BGN\u00a0121,000.50'],
    ['en', 'USD', 'US$121,000.50'],
  ] as const)('%s %s: %j', (locale, currency, expected) => {
    expect(formatMoney('121000.50', locale, { currency })).toBe(expected);
  });

  it('writes a negative amount with a real minus sign, before the currency sign in en', () => {
    expect(formatMoney('-121000.50', 'ru')).toBe('\u2212121\u2009000,50');
    expect(formatMoney('-121000.50', 'ru', { currency: 'RUB' })).toBe('\u2212121\u2009000,50\u00a0₽');
    expect(formatMoney('-2.5', 'bg', { currency: 'EUR' })).toBe('\u22122,50\u00a0€');
    expect(formatMoney('-121000.50', 'en', { currency: 'EUR' })).toBe('\u2212€121,000.50');
    expect(formatMoney('-121000.50', 'en', { currency: 'RUB' })).toBe('\u2212RUB\u00a0121,000.50');
  });

  it('never prints a negative zero', () => {
    expect(formatMoney('-0.00', 'ru')).toBe('0,00');
    expect(formatMoney('-0', 'en', { currency: 'EUR' })).toBe('€0.00');
  });

  it('takes the enums of the API', () => {
    expect(formatMoney('5', Locale.RU, { currency: CurrencyCode.RUB })).toBe('5,00\u00a0₽');
  });

  it.each(['1.005', '1.500', '', 'abc', '1,50', '1 000.00', '1e3', '+5', '.5', '5.', ' 5', 'NaN'])('refuses %j with a RangeError', (amount) => {
    expect(() => formatMoney(amount, 'ru')).toThrow(RangeError);
  });

  it('refuses an unknown locale or currency', () => {
    expect(() => formatMoney('1.00', 'de' as DocumentLocale)).toThrow(RangeError);
    expect(() => formatMoney('1.00', 'en', { currency: 'GBP' as CurrencyCode })).toThrow(RangeError);
    expect(() => formatMoney(1 as unknown as string, 'en')).toThrow(RangeError);
  });

  it('keeps the digits of any amount: removing the separators gives the amount back', () => {
    const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
    fc.assert(
      fc.property(cents, fc.constantFrom<DocumentLocale>('ru', 'bg', 'en'), (c, locale) => {
        const abs = c < 0n ? -c : c;
        const amount = `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        const text = formatMoney(amount, locale);
        const back = locale === 'en' ? text.replace(/,/g, '') : text.replace(/\u2009/g, '').replace(',', '.');
        expect(back.replace('\u2212', '-')).toBe(amount);
        expect(text).not.toMatch(/[\u202f ]/);
      }),
    );
  });
});

describe('formatQuantity', () => {
  it.each([
    ['1', '1', '1'],
    ['1.000', '1', '1'],
    ['2.5', '2,5', '2.5'],
    ['2.500', '2,5', '2.5'],
    ['0.125', '0,125', '0.125'],
    ['0.001', '0,001', '0.001'],
    ['10.10', '10,1', '10.1'],
    ['1500', '1\u2009500', '1,500'],
    ['1234567.125', '1\u2009234\u2009567,125', '1,234,567.125'],
    ['2.50000', '2,5', '2.5'],
    ['-3.25', '\u22123,25', '\u22123.25'],
    ['-0.000', '0', '0'],
  ])('%s → %j (ru, bg) and %j (en)', (q, ruBg, en) => {
    expect(formatQuantity(q, 'ru')).toBe(ruBg);
    expect(formatQuantity(q, 'bg')).toBe(ruBg);
    expect(formatQuantity(q, 'en')).toBe(en);
  });

  it.each(['1.0001', '0.1234', 'x', '', '1,5'])('refuses %j with a RangeError', (q) => {
    expect(() => formatQuantity(q, 'en')).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it.each([
    ['20', '20%', '20%'],
    ['22.00', '22%', '22%'],
    ['12.50', '12,5%', '12.5%'],
    ['9.5', '9,5%', '9.5%'],
    ['0.00', '0%', '0%'],
    ['33.3333', '33,3333%', '33.3333%'],
    ['100', '100%', '100%'],
    ['-5.10', '\u22125,1%', '\u22125.1%'],
  ])('%s → %j (ru, bg) and %j (en)', (p, ruBg, en) => {
    expect(formatPercent(p, 'ru')).toBe(ruBg);
    expect(formatPercent(p, 'bg')).toBe(ruBg);
    expect(formatPercent(p, 'en')).toBe(en);
  });

  it('refuses what is not a decimal string', () => {
    expect(() => formatPercent('20%', 'ru')).toThrow(RangeError);
    expect(() => formatPercent('', 'ru')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('prints the long and short forms of each language', () => {
    expect(formatDate('2026-11-22', 'ru', 'long')).toBe('22 ноября 2026 г.');
    expect(formatDate('2026-11-22', 'ru', 'short')).toBe('22.11.2026');
    expect(formatDate('2026-11-22', 'bg', 'long')).toBe('22 ноември 2026 г.');
    expect(formatDate('2026-11-22', 'bg', 'short')).toBe('22.11.2026 г.');
    expect(formatDate('2026-11-22', 'en', 'long')).toBe('22 November 2026');
    expect(formatDate('2026-11-22', 'en', 'short')).toBe('22 Nov 2026');
  });

  it('writes the day without a leading zero in words, with one in figures', () => {
    expect(formatDate('2026-03-01', 'ru', 'long')).toBe('1 марта 2026 г.');
    expect(formatDate('2026-03-01', 'ru', 'short')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'bg', 'short')).toBe('01.03.2026 г.');
    expect(formatDate('2026-03-01', 'en', 'short')).toBe('1 Mar 2026');
  });

  it.each([
    ['01', 'января', 'януари', 'January', 'Jan'],
    ['02', 'февраля', 'февруари', 'February', 'Feb'],
    ['03', 'марта', 'март', 'March', 'Mar'],
    ['04', 'апреля', 'април', 'April', 'Apr'],
    ['05', 'мая', 'май', 'May', 'May'],
    ['06', 'июня', 'юни', 'June', 'Jun'],
    ['07', 'июля', 'юли', 'July', 'Jul'],
    ['08', 'августа', 'август', 'August', 'Aug'],
    ['09', 'сентября', 'септември', 'September', 'Sep'],
    ['10', 'октября', 'октомври', 'October', 'Oct'],
    ['11', 'ноября', 'ноември', 'November', 'Nov'],
    ['12', 'декабря', 'декември', 'December', 'Dec'],
  ])('month %s: %s, %s, %s, %s', (month, ru, bg, en, enShort) => {
    const date = `2027-${month}-15`;
    expect(formatDate(date, 'ru', 'long')).toBe(`15 ${ru} 2027 г.`);
    expect(formatDate(date, 'bg', 'long')).toBe(`15 ${bg} 2027 г.`);
    expect(formatDate(date, 'en', 'long')).toBe(`15 ${en} 2027`);
    expect(formatDate(date, 'en', 'short')).toBe(`15 ${enShort} 2027`);
  });

  it('is not moved by the process time zone (the last and first days of a year, far west and far east of UTC)', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(formatDate('2025-12-31', 'ru', 'short')).toBe('31.12.2025');
        expect(formatDate('2026-01-01', 'en', 'long')).toBe('1 January 2026');
        expect(formatDate('2026-01-01', 'bg', 'short')).toBe('01.01.2026 г.');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('knows leap years', () => {
    expect(formatDate('2028-02-29', 'ru', 'long')).toBe('29 февраля 2028 г.');
    expect(formatDate('2000-02-29', 'en', 'short')).toBe('29 Feb 2000');
    expect(() => formatDate('2026-02-29', 'ru', 'long')).toThrow(RangeError);
    expect(() => formatDate('2100-02-29', 'ru', 'long')).toThrow(RangeError);
  });

  it.each(['2026-11-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-11-22T10:00:00Z', '22.11.2026', '2026-1-5', '', 'today'])(
    'refuses %j with a RangeError',
    (date) => {
      expect(() => formatDate(date, 'ru', 'short')).toThrow(RangeError);
    },
  );

  it('refuses an unknown style', () => {
    expect(() => formatDate('2026-11-22', 'ru', 'medium' as 'long')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  const instant = new Date('2026-11-22T11:05:09Z');

  it('prints the wall clock of the given time zone', () => {
    expect(formatDateTime(instant, 'Europe/Moscow', 'ru')).toBe('22.11.2026, 14:05');
    expect(formatDateTime(instant, 'Europe/Sofia', 'bg')).toBe('22.11.2026 г., 13:05 ч.');
    expect(formatDateTime(instant, 'Europe/London', 'en')).toBe('22 Nov 2026, 11:05');
  });

  it('moves to the next calendar day east of UTC, and keeps 24-hour time with leading zeros', () => {
    const evening = new Date('2026-12-31T21:30:00Z');
    expect(formatDateTime(evening, 'Europe/Moscow', 'ru')).toBe('01.01.2027, 00:30');
    expect(formatDateTime(evening, 'America/New_York', 'en')).toBe('31 Dec 2026, 16:30');
    expect(formatDateTime(new Date('2026-07-01T06:07:00Z'), 'Europe/Sofia', 'bg')).toBe('01.07.2026 г., 09:07 ч.');
  });

  it('follows daylight saving time', () => {
    expect(formatDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Sofia', 'en')).toBe('29 Mar 2026, 02:30');
    expect(formatDateTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Sofia', 'en')).toBe('29 Mar 2026, 04:30');
  });

  it('refuses an invalid instant or time zone', () => {
    expect(() => formatDateTime(new Date('nonsense'), 'Europe/Moscow', 'ru')).toThrow(RangeError);
    expect(() => formatDateTime(instant, 'Mars/Olympus', 'ru')).toThrow(RangeError);
  });
});
