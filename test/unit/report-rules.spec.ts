import { ExperimentOutcome, ReportFrequency } from '../../src/entities/enums';
import { change, costPer, experimentOutcome, lastFullPeriod, monthsOf, profitOf, returnPercent, sharePercent, trailingYear } from '../../src/services/report.rules';

describe('report periods', () => {
  it('a weekly schedule makes the last full ISO week before today, Monday to Sunday', () => {
    expect(lastFullPeriod(ReportFrequency.WEEKLY, '2026-12-02')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // a Wednesday
    expect(lastFullPeriod(ReportFrequency.WEEKLY, '2026-11-30')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // a Monday
    expect(lastFullPeriod(ReportFrequency.WEEKLY, '2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22' }); // a Sunday: its week is not over
    expect(lastFullPeriod(ReportFrequency.WEEKLY, '2027-01-01')).toEqual({ from: '2026-12-21', to: '2026-12-27' });
  });

  it('a monthly schedule makes the last full calendar month (across a year, in a leap February)', () => {
    expect(lastFullPeriod(ReportFrequency.MONTHLY, '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastFullPeriod(ReportFrequency.MONTHLY, '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastFullPeriod(ReportFrequency.MONTHLY, '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('months of a range and the trailing year', () => {
    expect(monthsOf('2026-11-15', '2027-01-03')).toEqual([
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-01-31' },
    ]);
    expect(trailingYear('2026-10-31')).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(trailingYear('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(monthsOf(trailingYear('2026-07-20').from, '2026-07-20')).toHaveLength(12);
  });
});

describe('report figures', () => {
  it('ROMI / ROI, cost per conversion, shares and changes, null where nothing divides', () => {
    expect(returnPercent('31000', '13000')).toBe('138.46');
    expect(returnPercent('1000', '2000')).toBe('-50.00');
    expect(returnPercent('5', '0')).toBeNull();
    expect(costPer('12000', '25')).toBe('480.00');
    expect(costPer('12000', '0')).toBeNull();
    expect(sharePercent('2000', '12000')).toBe('16.67');
    expect(sharePercent('1', '0')).toBeNull();
    expect(profitOf('1000', '2000')).toBe('-1000.00');
    expect(change('480.00', '500.00')).toBe('-4.00');
    expect(change('-10.00', '-20.00')).toBe('50.00');
    expect(change('1', '0')).toBeNull();
    expect(change(null, '1')).toBeNull();
  });

  it('an experiment pays off when its revenue is above its spend', () => {
    expect(experimentOutcome('2000', '1000')).toBe(ExperimentOutcome.NOT_PAID_OFF);
    expect(experimentOutcome('2000', '2000')).toBe(ExperimentOutcome.NOT_PAID_OFF);
    expect(experimentOutcome('2000', '2000.01')).toBe(ExperimentOutcome.PAID_OFF);
    expect(experimentOutcome('0', '500')).toBe(ExperimentOutcome.NO_DATA);
  });
});
