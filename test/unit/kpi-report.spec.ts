import fc from 'fast-check';
import { reportRanges } from '../../src/services/kpi-report.service';
import { addDays } from '../../src/services/time';

/** Which days the report reads from the monthly rollup and which from the daily rows. */
describe('reportRanges', () => {
  it('reads month-aligned periods from the rollup alone', () => {
    expect(reportRanges('2026-01-01', '2026-03-31')).toEqual({ fullFrom: '2026-01-01', fullTo: '2026-04-01', partial: [] });
    expect(reportRanges('2024-02-01', '2024-02-29')).toEqual({ fullFrom: '2024-02-01', fullTo: '2024-03-01', partial: [] });
  });

  it('reads the partial months at both edges from the daily rows', () => {
    expect(reportRanges('2026-01-15', '2026-10-20')).toEqual({
      fullFrom: '2026-02-01',
      fullTo: '2026-10-01',
      partial: [
        ['2026-01-15', '2026-01-31'],
        ['2026-10-01', '2026-10-20'],
      ],
    });
  });

  it('reads a period within one month, or across two without a whole one, from the daily rows alone', () => {
    expect(reportRanges('2026-03-05', '2026-03-09').partial).toEqual([['2026-03-05', '2026-03-09']]);
    expect(reportRanges('2024-01-01', '2024-01-01').partial).toEqual([['2024-01-01', '2024-01-01']]);
    expect(reportRanges('2026-03-05', '2026-04-09').partial).toEqual([
      ['2026-03-05', '2026-03-31'],
      ['2026-04-01', '2026-04-09'],
    ]);
    expect(reportRanges('2026-01-31', '2026-02-27').partial).toEqual([
      ['2026-01-31', '2026-01-31'],
      ['2026-02-01', '2026-02-27'],
    ]);
    expect(reportRanges('2026-03-05', '2026-04-09').fullFrom).toBe(reportRanges('2026-03-05', '2026-04-09').fullTo);
  });

  it('covers every day of any period exactly once', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 730 }), (from, length) => {
        const to = addDays(from, length);
        const { fullFrom, fullTo, partial } = reportRanges(from, to);
        const covered: string[] = [];
        for (let d = fullFrom; d < fullTo; d = addDays(d, 1)) covered.push(d);
        for (const [s, e] of partial) for (let d = s; d <= e; d = addDays(d, 1)) covered.push(d);
        covered.sort();
        const expected: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) expected.push(d);
        expect(covered).toEqual(expected);
        expect(fullFrom.endsWith('-01') && fullTo.endsWith('-01')).toBe(true);
        // each partial range lies within one month (its rows are summed under that month)
        for (const [s, e] of partial) expect(s.slice(0, 7)).toBe(e.slice(0, 7));
      }),
      { numRuns: 200 },
    );
  });
});
