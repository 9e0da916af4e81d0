import Decimal from 'decimal.js';
import { DeviationSeverity, KpiGranularity, KpiMetric, KpiPeriod, KpiStatus, ToolCategory } from '../../src/entities/enums';
import { BadUserInputError } from '../../src/errors';
import { kpiStatus, seriesKey, type WindowSums } from '../../src/services/kpi-measurement.rules';
import { planSoFar } from '../../src/services/kpi.rules';
import {
  MAX_SERIES_POINTS, bucketsOf, changePercent, clipRange, metricTotals, planOver, previousRange, realizedMix, seriesPoints,
} from '../../src/services/kpi-series.rules';
import { computeToolMix } from '../../src/services/tool-mix';

const { DAY, WEEK, MONTH } = KpiGranularity;
const sums = (entries: Record<string, string>): WindowSums => new Map(Object.entries(entries).map(([k, v]) => [seriesKey(k as KpiMetric, ''), v]));

describe('buckets', () => {
  it('cuts ISO weeks from Monday across a year boundary (2024-12-30 is week 1 of 2025)', () => {
    expect(bucketsOf(WEEK, '2024-12-25', '2025-01-08')).toEqual([
      { key: '2024-12-23', start: '2024-12-25', end: '2024-12-29' },
      { key: '2024-12-30', start: '2024-12-30', end: '2025-01-05' },
      { key: '2025-01-06', start: '2025-01-06', end: '2025-01-08' },
    ]);
  });

  it('clips calendar months to the range, leap February included', () => {
    expect(bucketsOf(MONTH, '2024-01-20', '2024-03-10')).toEqual([
      { key: '2024-01-01', start: '2024-01-20', end: '2024-01-31' },
      { key: '2024-02-01', start: '2024-02-01', end: '2024-02-29' },
      { key: '2024-03-01', start: '2024-03-01', end: '2024-03-10' },
    ]);
  });

  it('gives one bucket a day, none for an empty range, and refuses a series too long to draw', () => {
    expect(bucketsOf(DAY, '2024-02-28', '2024-03-01').map((b) => b.start)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(bucketsOf(DAY, '2024-03-02', '2024-03-01')).toEqual([]);
    expect(() => bucketsOf(DAY, '2020-01-01', '2024-01-01')).toThrow(BadUserInputError);
    expect(bucketsOf(DAY, '2024-01-01', '2024-12-31').length).toBeLessThan(MAX_SERIES_POINTS);
  });
});

describe('ranges', () => {
  it('clips to the campaign, fills defaults, refuses to before from, and finds the previous period of equal length', () => {
    expect(clipRange(null, null, '2024-03-04', '2024-03-31')).toEqual({ from: '2024-03-04', to: '2024-03-31' });
    expect(clipRange('2024-02-01', '2024-03-10', '2024-03-04', '2024-03-31')).toEqual({ from: '2024-03-04', to: '2024-03-10' });
    expect(clipRange('2024-05-01', null, '2024-03-04', '2024-03-31')).toBeNull();
    expect(() => clipRange('2024-03-10', '2024-03-09', '2024-03-04', '2024-03-31')).toThrow(BadUserInputError);
    expect(previousRange({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });
});

describe('plan spread over days', () => {
  const campaign = { campaignStart: '2024-01-20', campaignEnd: '2024-03-10' };

  it('spreads a month plan over the days of its calendar month, counting only the campaign days (campaign starting mid-month)', () => {
    const t = { ...campaign, plan: '3100', period: KpiPeriod.MONTH };
    // January: 31 days, the campaign runs 12 of them → 3100 × 12 / 31 = 1200
    expect(planOver(t, '2024-01-01', '2024-01-31').toFixed(2)).toBe('1200.00');
    expect(planOver(t, '2024-02-01', '2024-02-29').toFixed(2)).toBe('3100.00');
    // March: 10 of 31 days
    expect(planOver(t, '2024-03-01', '2024-03-31').toFixed(2)).toBe('1000.00');
    // exactly as planSoFar pro-rates the first month
    expect(planSoFar({ plan: '3100', period: KpiPeriod.MONTH, metric: KpiMetric.CLICKS }, {
      ...campaign, periodStart: '2024-01-01', periodEnd: '2024-01-31', asOf: '2024-01-31',
    })).toBe('1200.00');
  });

  it('sums a weekly plan over a bucket crossing two weeks, and a campaign plan over its days', () => {
    const week = { campaignStart: '2024-03-04', campaignEnd: '2024-03-31', plan: '700', period: KpiPeriod.WEEK };
    expect(planOver(week, '2024-03-09', '2024-03-12').toFixed(2)).toBe('400.00');
    const whole = { campaignStart: '2024-03-04', campaignEnd: '2024-03-31', plan: '28000', period: KpiPeriod.CAMPAIGN };
    expect(planOver(whole, '2024-03-01', '2024-03-31').toFixed(2)).toBe('28000.00');
    expect(planOver(whole, '2024-03-04', '2024-03-10').toFixed(2)).toBe('7000.00');
  });

  it('stays exact where a day plan is a repeating decimal: thirds add up to the whole', () => {
    const t = { campaignStart: '2024-03-01', campaignEnd: '2024-03-03', plan: '100', period: KpiPeriod.CAMPAIGN };
    const parts = ['2024-03-01', '2024-03-02', '2024-03-03'].map((d) => planOver(t, d, d));
    expect(parts.map((p) => p.toDecimalPlaces(2).toFixed(2))).toEqual(['33.33', '33.33', '33.33']);
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toDecimalPlaces(2).toFixed(2)).toBe('100.00');
  });
});

describe('seriesPoints', () => {
  const base = { range: { from: '2024-03-04', to: '2024-03-17' }, customName: null };

  it('plans and sums a stored metric per week, with running totals, and no actual after asOf', () => {
    const points = seriesPoints({
      ...base,
      granularity: WEEK,
      metric: KpiMetric.CLICKS,
      plan: { kind: 'spread', targets: [{ plan: '700', period: KpiPeriod.WEEK, campaignStart: '2024-03-04', campaignEnd: '2024-03-31' }] },
      asOf: '2024-03-10',
      sums: new Map([['2024-03-04', sums({ CLICKS: '650' })]]),
    });
    expect(points).toEqual([
      { start: '2024-03-04', end: '2024-03-10', plan: '700.00', actual: '650.00', cumulativePlan: '700.00', cumulativeActual: '650.00' },
      { start: '2024-03-11', end: '2024-03-17', plan: '700.00', actual: null, cumulativePlan: '1400.00', cumulativeActual: null },
    ]);
  });

  it('derives a ratio per bucket and cumulatively from the running sums; null with a zero denominator', () => {
    const points = seriesPoints({
      ...base,
      granularity: WEEK,
      metric: KpiMetric.CPC,
      plan: { kind: 'ratio', value: '10' },
      asOf: '2024-03-31',
      sums: new Map([
        ['2024-03-04', sums({ CLICKS: '100', SPEND: '800' })],
        ['2024-03-11', sums({ SPEND: '400' })],
      ]),
    });
    expect(points).toEqual([
      { start: '2024-03-04', end: '2024-03-10', plan: '10.00', actual: '8.00', cumulativePlan: '10.00', cumulativeActual: '8.00' },
      { start: '2024-03-11', end: '2024-03-17', plan: '10.00', actual: null, cumulativePlan: '10.00', cumulativeActual: '12.00' },
    ]);
  });

  it('has a null plan where there is none', () => {
    const [p] = seriesPoints({ ...base, granularity: MONTH, metric: KpiMetric.CTR, plan: { kind: 'none' }, asOf: '2024-03-31', sums: new Map() });
    expect(p).toMatchObject({ plan: null, cumulativePlan: null, actual: null });
  });
});

describe('totals', () => {
  it('lists every stored metric, each CUSTOM name and every derived one, with the change against the previous period', () => {
    const current = new Map([...sums({ CLICKS: '120', SPEND: '1200', IMPRESSIONS: '4000' }), [seriesKey(KpiMetric.CUSTOM, 'Звонки'), '5']]);
    const previous = sums({ CLICKS: '100', SPEND: '1000' });
    const list = metricTotals(current, previous);
    expect(list.map((l) => l.customName ?? l.metric)).toEqual([
      'IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'LEADS', 'SPEND', 'REVENUE', 'Звонки', 'CTR', 'CPC', 'CPA', 'CPL', 'CR', 'ROMI',
    ]);
    const line = (m: string) => list.find((l) => (l.customName ?? l.metric) === m);
    expect(line('CLICKS')).toEqual({ metric: 'CLICKS', customName: null, value: '120.00', previousValue: '100.00', changePercent: '20.00' });
    expect(line('CPC')).toMatchObject({ value: '10.00', previousValue: '10.00', changePercent: '0.00' });
    expect(line('CTR')).toMatchObject({ value: '3.00', previousValue: null, changePercent: null });
    expect(line('Звонки')).toMatchObject({ metric: 'CUSTOM', value: '5.00', previousValue: '0.00', changePercent: null });
  });

  it('computes change against a negative ROMI by its size', () => {
    expect(changePercent('50.00', '-50.00')).toBe('200.00');
    expect(changePercent('1', '0')).toBeNull();
  });
});

describe('realized tool mix', () => {
  it('shares the spend by category and compares it with the planned budget shares', () => {
    const planned = computeToolMix([
      { budget: '700', category: ToolCategory.PROVEN },
      { budget: '200', category: ToolCategory.UNCERTAIN },
      { budget: '100', category: ToolCategory.EXPERIMENTAL },
    ]);
    const spend = new Map([[ToolCategory.PROVEN, '600'], [ToolCategory.EXPERIMENTAL, '200']]);
    expect(realizedMix(spend, planned)).toEqual([
      { category: 'PROVEN', actualSpend: '600.00', actualPercent: '75.00', plannedPercent: '70.00', differencePoints: '5.00' },
      { category: 'UNCERTAIN', actualSpend: '0.00', actualPercent: '0.00', plannedPercent: '20.00', differencePoints: '-20.00' },
      { category: 'EXPERIMENTAL', actualSpend: '200.00', actualPercent: '25.00', plannedPercent: '10.00', differencePoints: '15.00' },
    ]);
  });

  it('has no shares when nothing was spent and no plan', () => {
    expect(realizedMix(new Map())).toEqual(
      ['PROVEN', 'UNCERTAIN', 'EXPERIMENTAL'].map((category) => ({ category, actualSpend: '0.00', actualPercent: null, plannedPercent: null, differencePoints: null })),
    );
  });
});

describe('kpiStatus', () => {
  it('is NO_DATA without an actual or without anything recorded, otherwise the band of the severity', () => {
    expect(kpiStatus(null, true, DeviationSeverity.NONE)).toBe(KpiStatus.NO_DATA);
    expect(kpiStatus('0.00', false, DeviationSeverity.ACT)).toBe(KpiStatus.NO_DATA);
    expect(kpiStatus('120.00', true, DeviationSeverity.NONE)).toBe(KpiStatus.ON_PLAN);
    expect(kpiStatus('90.00', true, DeviationSeverity.WARN)).toBe(KpiStatus.WARN);
    expect(kpiStatus('80.00', true, DeviationSeverity.ACT)).toBe(KpiStatus.ACT);
  });
});
