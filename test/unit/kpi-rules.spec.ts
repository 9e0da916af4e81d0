import fc from 'fast-check';
import Decimal from 'decimal.js';
import { DeviationSeverity, KpiMetric, KpiPeriod, KpiTargetDirection, PacingStatus } from '../../src/entities/enums';
import { BadUserInputError } from '../../src/errors';
import {
  DEFAULT_DIRECTION, DERIVED_METRICS, STORED_METRICS, derivedMetric, derivedMetrics, deviation, pacing, periodContaining, planSoFar, severityOf,
} from '../../src/services/kpi.rules';

const { HIGHER_IS_BETTER: HIGHER, LOWER_IS_BETTER: LOWER } = KpiTargetDirection;
const { NONE, WARN, ACT } = DeviationSeverity;

describe('stored and derived metrics', () => {
  it('splits every metric into exactly one of the two lists', () => {
    expect([...STORED_METRICS].sort()).toEqual(['CLICKS', 'CONVERSIONS', 'CUSTOM', 'IMPRESSIONS', 'LEADS', 'REVENUE', 'SPEND']);
    expect([...DERIVED_METRICS].sort()).toEqual(['CPA', 'CPC', 'CPL', 'CR', 'CTR', 'ROMI']);
    expect([...STORED_METRICS, ...DERIVED_METRICS].sort()).toEqual(Object.values(KpiMetric).sort());
  });

  it('knows which way each metric is good; CUSTOM is left to the user', () => {
    expect(DEFAULT_DIRECTION[KpiMetric.CTR]).toBe(HIGHER);
    expect(DEFAULT_DIRECTION[KpiMetric.CPA]).toBe(LOWER);
    expect(DEFAULT_DIRECTION[KpiMetric.CUSTOM]).toBeNull();
  });
});

describe('derivedMetric', () => {
  const parts = { impressions: '20000', clicks: '600', conversions: '45', leads: '30', spend: '18000.00', revenue: '54000.00' };

  it.each([
    [KpiMetric.CTR, '3.00'], // 600 / 20000 × 100
    [KpiMetric.CPC, '30.00'], // 18000 / 600
    [KpiMetric.CPA, '400.00'], // 18000 / 45
    [KpiMetric.CPL, '600.00'], // 18000 / 30
    [KpiMetric.CR, '7.50'], // 45 / 600 × 100
    [KpiMetric.ROMI, '200.00'], // (54000 − 18000) / 18000 × 100
  ])('%s = %s', (metric, expected) => {
    expect(derivedMetric(metric, parts)).toBe(expected);
  });

  it('rounds half-up to 2 decimals and keeps a loss negative', () => {
    expect(derivedMetric(KpiMetric.CTR, { impressions: '3', clicks: '1' })).toBe('33.33');
    expect(derivedMetric(KpiMetric.CTR, { impressions: '8', clicks: '1' })).toBe('12.50');
    expect(derivedMetric(KpiMetric.CPC, { clicks: '8', spend: '0.20' })).toBe('0.03'); // 0.025 half-up
    expect(derivedMetric(KpiMetric.CR, { clicks: '3', conversions: '2' })).toBe('66.67');
    expect(derivedMetric(KpiMetric.ROMI, { spend: '1000', revenue: '250' })).toBe('-75.00');
  });

  it.each([
    [KpiMetric.CTR, { clicks: '5' }],
    [KpiMetric.CPC, { spend: '100', clicks: '0' }],
    [KpiMetric.CPA, { spend: '100' }],
    [KpiMetric.CPL, { spend: '100', leads: 0 }],
    [KpiMetric.CR, { conversions: '3' }],
    [KpiMetric.ROMI, { revenue: '500', spend: '0.00' }],
  ])('%s is null when its denominator is 0 (never Infinity or NaN)', (metric, p) => {
    expect(derivedMetric(metric, p)).toBeNull();
  });

  it('has zero, not null, when only the numerator is 0', () => {
    expect(derivedMetric(KpiMetric.CTR, { impressions: '100' })).toBe('0.00');
    expect(derivedMetric(KpiMetric.CPA, { spend: '0', conversions: '4' })).toBe('0.00');
  });

  it('refuses negative sums and stored metrics', () => {
    expect(() => derivedMetric(KpiMetric.CTR, { impressions: '100', clicks: '-1' })).toThrow(BadUserInputError);
    expect(() => derivedMetric(KpiMetric.CLICKS, parts)).toThrow(TypeError);
  });

  it('computes sums given as text (in integers) exactly as from decimal values (5 000 runs)', () => {
    // sums as the database prints them: up to 30 digits, 0 to 4 decimals, often round or tiny
    const sum = fc.oneof(
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => new Decimal(n.toString()).dividedBy(10 ** scale).toFixed(scale)),
      fc.integer({ min: 0, max: 16 }).map(String),
      fc.constantFrom('0', '0.0000', '0.0001', '0.0005', '1.0000', '99999999999999999999.9999'),
    );
    const asDecimals = (p: Record<string, string>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, new Decimal(v)]));
    fc.assert(
      fc.property(sum, sum, sum, sum, sum, sum, (impressions, clicks, conversions, leads, spend, revenue) => {
        const parts = { impressions, clicks, conversions, leads, spend, revenue };
        expect(derivedMetrics(parts)).toEqual(derivedMetrics(asDecimals(parts)));
      }),
      { numRuns: 5000 },
    );
    // exactly half a hundredth, a loss that rounds to nothing, one a hair short of half
    const half = { impressions: '8', clicks: '0.0004', spend: '0.2', conversions: '8', leads: '1', revenue: '0.1999' };
    expect(derivedMetrics(half)).toEqual(derivedMetrics(asDecimals(half)));
    expect(derivedMetrics({ spend: '100000000', revenue: '99999999.9999', clicks: '3', conversions: '7', leads: '9', impressions: '3' })).toMatchObject({ ROMI: '0.00', CPC: '33333333.33', CPA: '14285714.29' });
  });

  it('never answers Infinity or NaN (property)', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 }).map(String);
    fc.assert(
      fc.property(fc.constantFrom(...DERIVED_METRICS), count, count, count, count, count, count, (m, impressions, clicks, conversions, leads, spend, revenue) => {
        const v = derivedMetric(m, { impressions, clicks, conversions, leads, spend, revenue });
        expect(v === null || /^-?\d+\.\d{2}$/.test(v)).toBe(true);
      }),
    );
  });
});

describe('periodContaining', () => {
  it('finds ISO weeks (Monday to Sunday) across month and year boundaries, and calendar months', () => {
    expect(periodContaining(KpiPeriod.WEEK, '2026-03-01', '2026-01-01', '2026-12-31')).toEqual({ start: '2026-02-23', end: '2026-03-01' }); // a Sunday
    expect(periodContaining(KpiPeriod.WEEK, '2026-12-02', '2026-01-01', '2027-12-31')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodContaining(KpiPeriod.WEEK, '2027-01-01', '2026-01-01', '2027-12-31')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodContaining(KpiPeriod.MONTH, '2028-02-15', '2028-01-01', '2028-12-31')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining(KpiPeriod.MONTH, '2026-12-31', '2026-01-01', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(periodContaining(KpiPeriod.DAY, '2026-05-05', '2026-01-01', '2026-12-31')).toEqual({ start: '2026-05-05', end: '2026-05-05' });
    expect(periodContaining(KpiPeriod.CAMPAIGN, '2026-05-05', '2026-04-10', '2026-06-20')).toEqual({ start: '2026-04-10', end: '2026-06-20' });
  });
});

describe('planSoFar', () => {
  const campaign = { campaignStart: '2026-01-01', campaignEnd: '2026-12-31' };
  // 2026-11-30 is a Monday
  const week = { ...campaign, periodStart: '2026-11-30', periodEnd: '2026-12-06' };
  const clicksWeekly = { plan: '700', period: KpiPeriod.WEEK, metric: KpiMetric.CLICKS };

  it.each([
    ['the day before the week', '2026-11-29', '0.00'],
    ['day 1', '2026-11-30', '100.00'],
    ['mid-week', '2026-12-03', '400.00'],
    ['the last day', '2026-12-06', '700.00'],
    ['after the week', '2027-01-15', '700.00'],
  ])('pro-rates a weekly plan of 700 clicks by elapsed days: %s', (_, asOf, expected) => {
    expect(planSoFar(clicksWeekly, { ...week, asOf })).toBe(expected);
  });

  it('pro-rates a week that spans two months the same way', () => {
    expect(planSoFar(clicksWeekly, { ...week, asOf: '2026-12-01' })).toBe('200.00');
  });

  it('pro-rates a month by its own length, spend to the cent (half-up)', () => {
    const spend = { plan: '100000.00', period: KpiPeriod.MONTH, metric: KpiMetric.SPEND };
    const feb = { ...campaign, periodStart: '2026-02-01', periodEnd: '2026-02-28' };
    expect(planSoFar(spend, { ...feb, asOf: '2026-02-01' })).toBe('3571.43'); // 100000 / 28
    expect(planSoFar(spend, { ...feb, asOf: '2026-02-14' })).toBe('50000.00');
    expect(planSoFar(spend, { ...feb, asOf: '2026-02-28' })).toBe('100000.00');
    const march = { ...campaign, periodStart: '2026-03-01', periodEnd: '2026-03-31' };
    expect(planSoFar(spend, { ...march, asOf: '2026-03-01' })).toBe('3225.81'); // 100000 / 31
  });

  it('counts only the days the campaign runs in a period it cuts (start on a Wednesday, end on a Friday)', () => {
    const starts = { campaignStart: '2026-12-02', campaignEnd: '2026-12-31', periodStart: '2026-11-30', periodEnd: '2026-12-06' };
    expect(planSoFar(clicksWeekly, { ...starts, asOf: '2026-11-30' })).toBe('0.00');
    expect(planSoFar(clicksWeekly, { ...starts, asOf: '2026-12-02' })).toBe('100.00');
    expect(planSoFar(clicksWeekly, { ...starts, asOf: '2026-12-06' })).toBe('500.00');
    const ends = { campaignStart: '2026-11-01', campaignEnd: '2026-12-04', periodStart: '2026-11-30', periodEnd: '2026-12-06' };
    expect(planSoFar(clicksWeekly, { ...ends, asOf: '2026-12-06' })).toBe('500.00');
    const monthly = { plan: '3100', period: KpiPeriod.MONTH, metric: KpiMetric.IMPRESSIONS };
    expect(
      planSoFar(monthly, { campaignStart: '2026-03-10', campaignEnd: '2026-03-20', periodStart: '2026-03-01', periodEnd: '2026-03-31', asOf: '2026-04-30' }),
    ).toBe('1100.00');
  });

  it('is 0 for a period the campaign does not reach', () => {
    expect(planSoFar(clicksWeekly, { campaignStart: '2026-12-10', campaignEnd: '2026-12-31', ...{ periodStart: '2026-11-30', periodEnd: '2026-12-06' }, asOf: '2026-12-31' })).toBe('0.00');
  });

  it('pro-rates a campaign-long plan over the campaign, and a daily plan is all or nothing', () => {
    const window = { campaignStart: '2026-06-01', campaignEnd: '2026-06-10', periodStart: '2026-06-01', periodEnd: '2026-06-10' };
    expect(planSoFar({ plan: '50', period: KpiPeriod.CAMPAIGN, metric: KpiMetric.LEADS }, { ...window, asOf: '2026-06-03' })).toBe('15.00');
    const day = { ...campaign, periodStart: '2026-06-05', periodEnd: '2026-06-05' };
    expect(planSoFar({ plan: '40', period: KpiPeriod.DAY, metric: KpiMetric.CONVERSIONS }, { ...day, asOf: '2026-06-04' })).toBe('0.00');
    expect(planSoFar({ plan: '40', period: KpiPeriod.DAY, metric: KpiMetric.CONVERSIONS }, { ...day, asOf: '2026-06-05' })).toBe('40.00');
  });

  it.each(DERIVED_METRICS.map((m) => [m]))('does not pro-rate the ratio %s', (metric) => {
    expect(planSoFar({ plan: '2.5', period: KpiPeriod.WEEK, metric }, { ...week, asOf: '2026-11-30' })).toBe('2.50');
    expect(planSoFar({ plan: '2.5', period: KpiPeriod.WEEK, metric }, { ...week, asOf: '2026-12-03' })).toBe('2.50');
  });

  it('refuses a window that is not the period, and a negative plan', () => {
    expect(() => planSoFar(clicksWeekly, { ...campaign, periodStart: '2026-12-01', periodEnd: '2026-12-07', asOf: '2026-12-03' })).toThrow(RangeError);
    expect(() => planSoFar({ ...clicksWeekly, period: KpiPeriod.MONTH }, { ...week, asOf: '2026-12-03' })).toThrow(RangeError);
    expect(() => planSoFar(clicksWeekly, { ...week, asOf: '2026-13-01' })).toThrow(RangeError);
    expect(() => planSoFar({ ...clicksWeekly, plan: '-1' }, { ...week, asOf: '2026-12-03' })).toThrow(BadUserInputError);
  });

  it('never exceeds the full plan and never falls as the days go by (property)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const plan = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
    const period = fc.constantFrom(KpiPeriod.DAY, KpiPeriod.WEEK, KpiPeriod.MONTH, KpiPeriod.CAMPAIGN);
    fc.assert(
      fc.property(plan, period, fc.constantFrom(...STORED_METRICS), day, day, day, day, day, (p, per, metric, a, b, inPeriod, asOf1, asOf2) => {
        const [campaignStart, campaignEnd] = a <= b ? [a, b] : [b, a];
        const { start, end } = periodContaining(per, inPeriod, campaignStart, campaignEnd);
        const [early, late] = asOf1 <= asOf2 ? [asOf1, asOf2] : [asOf2, asOf1];
        const w = { campaignStart, campaignEnd, periodStart: start, periodEnd: end };
        const soFarEarly = new Decimal(planSoFar({ plan: p, period: per, metric }, { ...w, asOf: early }));
        const soFarLate = new Decimal(planSoFar({ plan: p, period: per, metric }, { ...w, asOf: late }));
        expect(soFarLate.lte(p)).toBe(true);
        expect(soFarEarly.lte(soFarLate)).toBe(true);
        expect(soFarEarly.gte(0)).toBe(true);
      }),
    );
  });
});

describe('deviation', () => {
  const bands = { warnPercent: '10', actPercent: '15' };

  it.each([
    // higher is better: plan 1000
    [HIGHER, '1000', '1000', '0.00', '0.00', NONE],
    [HIGHER, '1000', '1200', '20.00', '0.00', NONE],
    [HIGHER, '1000', '900.1', '-9.99', '9.99', NONE],
    [HIGHER, '1000', '900', '-10.00', '10.00', WARN],
    [HIGHER, '1000', '850.1', '-14.99', '14.99', WARN],
    [HIGHER, '1000', '850', '-15.00', '15.00', ACT],
    [HIGHER, '1000', '0', '-100.00', '100.00', ACT],
    // lower is better: a CPA planned at 400
    [LOWER, '400', '400', '0.00', '0.00', NONE],
    [LOWER, '400', '300', '-25.00', '0.00', NONE],
    [LOWER, '400', '439.96', '9.99', '9.99', NONE],
    [LOWER, '400', '440', '10.00', '10.00', WARN],
    [LOWER, '400', '459.96', '14.99', '14.99', WARN],
    [LOWER, '400', '460', '15.00', '15.00', ACT],
    [LOWER, '400', '1000', '150.00', '150.00', ACT],
  ])('%s, plan %s, actual %s: deviation %s %%, shortfall %s %%, %s', (direction, plan, actual, dev, shortfall, severity) => {
    expect(deviation({ plan, actual, direction, ...bands })).toEqual({ deviationPercent: dev, shortfallPercent: shortfall, severity });
  });

  it('rounds the deviation half-up and bands the rounded figure (what the user sees)', () => {
    // 9.995 % worse shows as 10.00 % and is WARN
    expect(deviation({ plan: '1000', actual: '900.05', direction: HIGHER, ...bands })).toEqual({ deviationPercent: '-10.00', shortfallPercent: '10.00', severity: WARN });
    expect(deviation({ plan: '3', actual: '2', direction: HIGHER, ...bands }).deviationPercent).toBe('-33.33');
  });

  it('uses 10 and 15 % when no bands are given', () => {
    expect(deviation({ plan: '100', actual: '90', direction: HIGHER }).severity).toBe(WARN);
    expect(deviation({ plan: '100', actual: '85', direction: HIGHER }).severity).toBe(ACT);
    expect(deviation({ plan: '100', actual: '85', direction: HIGHER, warnPercent: '20', actPercent: '30' }).severity).toBe(NONE);
  });

  it('with a zero plan: higher-is-better never deviates; lower-is-better with anything above 0 is ACT', () => {
    expect(deviation({ plan: '0', actual: '50', direction: HIGHER })).toEqual({ deviationPercent: null, shortfallPercent: '0.00', severity: NONE });
    expect(deviation({ plan: '0', actual: '0', direction: HIGHER })).toEqual({ deviationPercent: '0.00', shortfallPercent: '0.00', severity: NONE });
    expect(deviation({ plan: '0.00', actual: '0.01', direction: LOWER })).toEqual({ deviationPercent: null, shortfallPercent: null, severity: ACT });
    expect(deviation({ plan: '0', actual: '0', direction: LOWER })).toEqual({ deviationPercent: '0.00', shortfallPercent: '0.00', severity: NONE });
  });

  it('refuses negative plans, actuals and bands, and a warn band above the act band; a ROMI actual may be negative', () => {
    expect(() => deviation({ plan: '-1', actual: '1', direction: HIGHER })).toThrow(BadUserInputError);
    expect(() => deviation({ plan: '1', actual: '-1', direction: HIGHER })).toThrow(BadUserInputError);
    expect(() => deviation({ plan: '1', actual: '1', direction: HIGHER, warnPercent: '-5' })).toThrow(BadUserInputError);
    expect(() => deviation({ plan: '1', actual: '1', direction: HIGHER, warnPercent: '20', actPercent: '15' })).toThrow(BadUserInputError);
    expect(deviation({ plan: '50', actual: '-25', direction: HIGHER, metric: KpiMetric.ROMI })).toEqual({ deviationPercent: '-150.00', shortfallPercent: '150.00', severity: ACT });
    expect(deviation({ plan: '0', actual: '-25', direction: HIGHER, metric: KpiMetric.ROMI }).severity).toBe(ACT);
  });

  it('the severity only grows with the shortfall, and better than plan is never a deviation (property)', () => {
    const pct = fc.integer({ min: 0, max: 50_000 }).map((c) => new Decimal(c).dividedBy(100));
    const order = { [NONE]: 0, [WARN]: 1, [ACT]: 2 };
    fc.assert(
      fc.property(pct, pct, pct, pct, (a, b, w, x) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        const [warn, act] = w.lte(x) ? [w, x] : [x, w];
        expect(order[severityOf(lo, warn, act)]).toBeLessThanOrEqual(order[severityOf(hi, warn, act)]);
      }),
    );
    const amount = fc.integer({ min: 1, max: 10_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(HIGHER, LOWER), (p, q, direction) => {
        const [lo, hi] = new Decimal(p).lte(q) ? [p, q] : [q, p];
        const better = direction === HIGHER ? deviation({ plan: lo, actual: hi, direction }) : deviation({ plan: hi, actual: lo, direction });
        expect(better).toMatchObject({ shortfallPercent: '0.00', severity: NONE });
        const worse = direction === HIGHER ? deviation({ plan: hi, actual: lo, direction }) : deviation({ plan: lo, actual: hi, direction });
        expect(new Decimal(worse.shortfallPercent!).gte(0)).toBe(true);
      }),
    );
  });
});

describe('pacing', () => {
  // 30 days, 30 000 budget: 1 000 a day
  const june = { budget: '30000.00', startDate: '2026-06-01', endDate: '2026-06-30' };

  it('is on track with zero before the start', () => {
    expect(pacing({ ...june, spendToDate: '0', asOf: '2026-05-31' })).toEqual({
      expectedToDate: '0.00', spendPercentOfExpected: null, forecast: null, forecastOverBudgetPercent: null, status: PacingStatus.ON_TRACK,
    });
  });

  it.each([
    ['day 1, on pace', '2026-06-01', '1000.00', '1000.00', '100.00', '30000.00', '0.00', PacingStatus.ON_TRACK],
    ['mid-way, exactly 10 % over (still on track)', '2026-06-15', '16500.00', '15000.00', '110.00', '33000.00', '10.00', PacingStatus.ON_TRACK],
    ['mid-way, 10.01 % over', '2026-06-15', '16501.50', '15000.00', '110.01', '33003.00', '10.01', PacingStatus.OVERSPENDING],
    ['mid-way, exactly 10 % under (still on track)', '2026-06-15', '13500.00', '15000.00', '90.00', '27000.00', '-10.00', PacingStatus.ON_TRACK],
    ['mid-way, 10.01 % under', '2026-06-15', '13498.50', '15000.00', '89.99', '26997.00', '-10.01', PacingStatus.UNDERSPENDING],
    ['the last day: the forecast is the spend', '2026-06-30', '29000.00', '30000.00', '96.67', '29000.00', '-3.33', PacingStatus.ON_TRACK],
    ['after the end: the actual total', '2026-07-20', '36000.00', '30000.00', '120.00', '36000.00', '20.00', PacingStatus.OVERSPENDING],
  ])('%s', (_, asOf, spendToDate, expectedToDate, spendPercentOfExpected, forecast, forecastOverBudgetPercent, status) => {
    expect(pacing({ ...june, spendToDate, asOf })).toEqual({ expectedToDate, spendPercentOfExpected, forecast, forecastOverBudgetPercent, status });
  });

  it('pro-rates and forecasts to the cent, half-up', () => {
    const r = pacing({ budget: '1000.00', spendToDate: '100.00', startDate: '2026-01-01', endDate: '2026-01-03', asOf: '2026-01-01' });
    expect(r).toMatchObject({ expectedToDate: '333.33', forecast: '300.00', forecastOverBudgetPercent: '-70.00', status: PacingStatus.UNDERSPENDING });
    const week = pacing({ budget: '100.00', spendToDate: '10.00', startDate: '2026-01-01', endDate: '2026-01-07', asOf: '2026-01-03' });
    expect(week).toMatchObject({ expectedToDate: '42.86', forecast: '23.33' });
  });

  it('takes another tolerance', () => {
    expect(pacing({ ...june, spendToDate: '16500.00', asOf: '2026-06-15', tolerancePercent: '5' }).status).toBe(PacingStatus.OVERSPENDING);
    expect(pacing({ ...june, spendToDate: '13500.00', asOf: '2026-06-15', tolerancePercent: 0 }).status).toBe(PacingStatus.UNDERSPENDING);
  });

  it('with a zero budget is overspending once anything is spent', () => {
    expect(pacing({ ...june, budget: '0', spendToDate: '0', asOf: '2026-06-10' })).toMatchObject({ spendPercentOfExpected: null, forecastOverBudgetPercent: null, status: PacingStatus.ON_TRACK });
    expect(pacing({ ...june, budget: '0', spendToDate: '0.01', asOf: '2026-06-10' }).status).toBe(PacingStatus.OVERSPENDING);
  });

  it('refuses negative amounts and an end before the start', () => {
    expect(() => pacing({ ...june, spendToDate: '-1', asOf: '2026-06-10' })).toThrow(BadUserInputError);
    expect(() => pacing({ ...june, budget: '-1', spendToDate: '0', asOf: '2026-06-10' })).toThrow(BadUserInputError);
    expect(() => pacing({ ...june, endDate: '2026-05-01', spendToDate: '0', asOf: '2026-06-10' })).toThrow(BadUserInputError);
  });

  it('the expected spend never exceeds the budget, and spending on pace is on track (property)', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const budget = fc.integer({ min: 0, max: 100_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
    fc.assert(
      fc.property(budget, day, day, day, (b, x, y, asOf) => {
        const [startDate, endDate] = x <= y ? [x, y] : [y, x];
        const onPace = pacing({ budget: b, spendToDate: '0', startDate, endDate, asOf }).expectedToDate;
        expect(new Decimal(onPace).lte(b)).toBe(true);
        const r = pacing({ budget: b, spendToDate: onPace, startDate, endDate, asOf });
        if (new Decimal(b).gte(1000)) expect(r.status).toBe(PacingStatus.ON_TRACK);
      }),
    );
  });
});
