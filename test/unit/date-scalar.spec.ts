import { LocalDateResolver } from 'graphql-scalars';
import fc from 'fast-check';
import { DateScalar, DecimalScalar, isDecimalText } from '../../src/schema/common/scalars';

/**
 * The Date scalar serializes with its own arithmetic check (a chart answers hundreds of dates);
 * it must accept and refuse exactly what graphql-scalars' LocalDate does.
 */
function library(value: unknown): string | Error {
  try {
    return LocalDateResolver.serialize(value) as string;
  } catch (e) {
    return e as Error;
  }
}
function ours(value: unknown): string | Error {
  try {
    return DateScalar.serialize(value) as string;
  } catch (e) {
    return e as Error;
  }
}

describe('Date scalar output', () => {
  it('agrees with graphql-scalars on every day-of-month 00…32 of every month 00…13 of leap and common years', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    let valid = 0;
    for (const year of [0, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const expected = library(value);
          const actual = ours(value);
          if (expected instanceof Error) {
            expect([value, actual instanceof Error ? actual.message : actual]).toEqual([value, expected.message]);
          } else {
            expect([value, actual]).toEqual([value, expected]);
            valid++;
          }
        }
      }
    }
    // 10 years × 365 days + the 29 February of the leap ones (0, 2000, 2024, 2400): the check really ran
    expect(valid).toBe(10 * 365 + 4);
  });

  it('refuses what is not a calendar date string, with the library message', () => {
    for (const value of ['2026-1-05', '2026-01-05T00:00:00Z', ' 2026-01-05', '20260105', '', 20260105, null, new Date(), '2026-02-29']) {
      const actual = ours(value);
      expect(actual).toBeInstanceOf(Error);
      expect((actual as Error).message).toBe((library(value) as Error).message);
    }
  });
});

describe('Decimal scalar output', () => {
  const DECIMAL_OUT = /^-?\d+(\.\d+)?$/;

  it('passes through exactly the strings the pattern -?digits(.digits) describes', () => {
    const samples = ['0', '-0', '12', '350000.50', '-1.000001', '1.', '.5', '-', '', '1e5', '1.2.3', '+1', ' 1', '1 ', '١٢', '12a', '-.5', '00.10', '9'.repeat(40)];
    for (const s of samples) expect([s, isDecimalText(s)]).toEqual([s, DECIMAL_OUT.test(s)]);
    fc.assert(
      fc.property(fc.stringMatching(/^[-+.0-9eE ]{0,12}$/), (s) => isDecimalText(s) === DECIMAL_OUT.test(s)),
      { numRuns: 5_000 },
    );
    expect(DecimalScalar.serialize('350000.50')).toBe('350000.50');
    expect(() => DecimalScalar.serialize('1.')).toThrow('Decimal cannot represent a non-decimal value');
  });
});
