import Decimal from 'decimal.js';
import { ToolCategory } from '../../src/entities/enums';
import { ChurnGranularity } from '../../src/schema/analytics/analytics.enums';
import { churnPeriods, churnRate, dependency, paretoSet, perMonth, percentOf, revenueShares } from '../../src/services/analytics.rules';
import { canonicalPair, mixGap, suggestionScore } from '../../src/services/upsell.rules';

const r = (clientName: string, revenue: string) => ({ clientId: clientName.toLowerCase(), clientName, revenue });

describe('pareto', () => {
  it('takes the largest clients until their exact share reaches 80 %', () => {
    const { total, set, clientsWithRevenue } = paretoSet([r('C', '1500'), r('A', '5000'), r('D', '500'), r('B', '3000')]);
    expect(total.toFixed(2)).toBe('10000.00');
    expect(set.map((s) => [s.clientName, s.sharePercent, s.cumulativeSharePercent])).toEqual([
      ['A', 50, 50],
      ['B', 30, 80],
    ]);
    expect(clientsWithRevenue).toBe(4);
  });

  it('needs one more client when the cumulative share falls just short (79.99 %)', () => {
    const { set } = paretoSet([r('A', '5000'), r('B', '2999'), r('C', '2001')]);
    expect(set.map((s) => s.clientName)).toEqual(['A', 'B', 'C']);
  });

  it('is one client when that client alone brings 80 % or more', () => {
    expect(paretoSet([r('A', '80'), r('B', '20')]).set.map((s) => s.clientName)).toEqual(['A']);
  });

  it('is empty without revenue, and ignores clients at zero or below (more refunded than paid)', () => {
    expect(paretoSet([]).set).toEqual([]);
    expect(paretoSet([r('A', '0'), r('B', '-10')]).set).toEqual([]);
    const { set, total } = paretoSet([r('A', '100'), r('B', '-50')]);
    expect(total.toFixed(2)).toBe('100.00');
    expect(set.map((s) => s.clientName)).toEqual(['A']);
  });

  it('orders ties by name and keeps money exact', () => {
    const { shares, total } = revenueShares([r('B', '0.10'), r('A', '0.10'), r('C', '0.20')]);
    expect(total.toFixed(2)).toBe('0.40');
    expect(shares.map((s) => [s.clientName, s.revenue, s.sharePercent])).toEqual([
      ['C', '0.20', 50],
      ['A', '0.10', 25],
      ['B', '0.10', 25],
    ]);
  });
});

describe('dependency risk', () => {
  it('flags a largest client above 25 %, not at exactly 25 %', () => {
    expect(dependency([r('A', '25'), r('B', '25'), r('C', '25'), r('D', '25')], 5).atRisk).toBe(false);
    const d = dependency([r('A', '25.01'), r('B', '24.99'), r('C', '25'), r('D', '25')], 2);
    expect(d.atRisk).toBe(true);
    expect(d.largest?.clientName).toBe('A');
    expect(d.top.map((s) => s.clientName)).toEqual(['A', 'C']);
    expect(d.topSharePercent).toBe(50.01);
  });

  it('has no largest client and no risk without revenue', () => {
    expect(dependency([], 5)).toMatchObject({ largest: null, top: [], topSharePercent: null, atRisk: false });
  });
});

describe('churn', () => {
  it('rate is churned / active at the start, rounded half-up; null with nobody active', () => {
    expect(churnRate(1, 3)).toBe(33.33);
    expect(churnRate(2, 3)).toBe(66.67);
    expect(churnRate(0, 5)).toBe(0);
    expect(churnRate(0, 0)).toBeNull();
  });

  it('splits a period into calendar months or quarters, clipped to the days asked for', () => {
    expect(churnPeriods('2026-01-15', '2026-03-10', ChurnGranularity.MONTH)).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(churnPeriods('2025-11-20', '2026-04-02', ChurnGranularity.QUARTER)).toEqual([
      { from: '2025-11-20', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-04-02' },
    ]);
    expect(churnPeriods('2024-02-01', '2024-02-29', ChurnGranularity.MONTH)).toEqual([{ from: '2024-02-01', to: '2024-02-29' }]);
  });
});

describe('engagement and percentages', () => {
  it('gives contacts per month of 365.25 / 12 days', () => {
    expect(perMonth(3, 90)).toBe(1.01);
    expect(perMonth(0, 90)).toBe(0);
    expect(perMonth(12, 365)).toBe(1);
  });

  it('percentOf is null for a zero whole', () => {
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(new Decimal('1'), new Decimal('3'))).toBe(33.33);
  });
});

describe('upsell rules', () => {
  it('the 70/20/10 gap is how far a category is below its target by channel count', () => {
    const used = [ToolCategory.PROVEN, ToolCategory.UNCERTAIN];
    expect(mixGap(used, ToolCategory.PROVEN)).toBe(20);
    expect(mixGap(used, ToolCategory.UNCERTAIN)).toBe(0);
    expect(mixGap(used, ToolCategory.EXPERIMENTAL)).toBe(10);
    expect(mixGap([], ToolCategory.PROVEN)).toBe(70);
  });

  it('scores adoption, capped ROMI and the mix gap as 40 / 40 / 20', () => {
    expect(suggestionScore({ similar: 1, using: 1, romi: new Decimal(3), gap: 20, category: ToolCategory.PROVEN })).toBe(85.71);
    expect(suggestionScore({ similar: 4, using: 1, romi: new Decimal(10), gap: 0, category: ToolCategory.UNCERTAIN })).toBe(50);
    expect(suggestionScore({ similar: 0, using: 0, romi: new Decimal(-2), gap: 10, category: ToolCategory.EXPERIMENTAL })).toBe(20);
    expect(suggestionScore({ similar: 2, using: 0, romi: null, gap: 0, category: ToolCategory.PROVEN })).toBe(0);
  });

  it('stores a pair once, smaller id first', () => {
    expect(canonicalPair('b', 'a')).toEqual(['a', 'b']);
    expect(canonicalPair('a', 'b')).toEqual(['a', 'b']);
  });
});
