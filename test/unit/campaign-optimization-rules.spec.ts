import type { KpiSnapshot } from '../../src/entities/campaign-optimization.entity';
import { DeviationSeverity, KpiMetric, KpiPeriod, KpiTargetDirection } from '../../src/entities/enums';
import { effectiveness, movedTowardPlan, windowAfter, type KpiAfter } from '../../src/services/campaign-optimization.rules';

const before = (over: Partial<KpiSnapshot> = {}): KpiSnapshot => ({
  targetId: 't1', metric: KpiMetric.CPC, customName: null, period: KpiPeriod.CAMPAIGN, direction: KpiTargetDirection.LOWER_IS_BETTER,
  periodStart: '2024-03-04', periodEnd: '2024-03-31', asOf: '2024-03-08', windowStart: '2024-03-04', windowEnd: '2024-03-08',
  plan: '10.00', planSoFar: '10.00', actual: '15.00', deviationPercent: '50.00', severity: DeviationSeverity.ACT, ...over,
});
const after = (over: Partial<KpiAfter> = {}): KpiAfter => ({
  targetId: 't1', metric: KpiMetric.CPC, customName: null, period: KpiPeriod.CAMPAIGN, direction: KpiTargetDirection.LOWER_IS_BETTER,
  windowStart: '2024-03-09', windowEnd: '2024-03-13', planSoFar: '10.00', actual: '11.00', deviationPercent: '10.00', severity: DeviationSeverity.WARN, ...over,
});

describe('the window after an optimization', () => {
  it('has as many days as were counted before, from the next day', () => {
    expect(windowAfter(before(), { id: 'c', endDate: '2024-03-31' })).toEqual({ campaignId: 'c', start: '2024-03-09', end: '2024-03-13' });
  });
  it("is cut at the campaign's end, and is none when the campaign ends that day", () => {
    expect(windowAfter(before(), { id: 'c', endDate: '2024-03-10' })).toEqual({ campaignId: 'c', start: '2024-03-09', end: '2024-03-10' });
    expect(windowAfter(before(), { id: 'c', endDate: '2024-03-08' })).toBeNull();
  });
});

describe('moving toward plan', () => {
  it('follows the direction of the KPI, and standing still is not moving', () => {
    expect(movedTowardPlan(before(), after())).toBe(true);
    expect(movedTowardPlan(before(), after({ deviationPercent: '60.00' }))).toBe(false);
    expect(movedTowardPlan(before(), after({ deviationPercent: '50.00' }))).toBe(false);
    const higher = { direction: KpiTargetDirection.HIGHER_IS_BETTER, actual: '80', deviationPercent: '-20.00' };
    expect(movedTowardPlan(higher, after({ deviationPercent: '-5.00' }))).toBe(true);
    expect(movedTowardPlan(higher, after({ deviationPercent: '-25.00' }))).toBe(false);
  });
  it('compares actuals with a zero plan, and knows nothing without figures', () => {
    expect(movedTowardPlan(before({ deviationPercent: null, actual: '5' }), after({ deviationPercent: null, actual: '2' }))).toBe(true);
    expect(movedTowardPlan(before(), after({ actual: null, deviationPercent: null }))).toBeNull();
  });
});

describe('effectiveness', () => {
  it('needs every answered KPI measured after, and all of them better', () => {
    expect(effectiveness([], [before()], [after()])).toBeNull();
    expect(effectiveness(['t1'], [before()], [])).toBeNull();
    expect(effectiveness(['t1', 't1'], [before()], [after()])).toBe(true);
    const clicks = { targetId: 't2', direction: KpiTargetDirection.HIGHER_IS_BETTER, deviationPercent: '-30.00' };
    expect(effectiveness(['t1', 't2'], [before(), before(clicks)], [after(), after({ ...clicks, deviationPercent: '-40.00' })])).toBe(false);
  });
});
