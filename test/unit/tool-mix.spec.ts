import Decimal from 'decimal.js';
import fc from 'fast-check';
import { ToolCategory, ToolMixBasis } from '../../src/entities/enums';
import { computeToolMix, computeToolMixByCount, computeToolMixes, ToolMixLine } from '../../src/services/tool-mix';

const { PROVEN, UNCERTAIN, EXPERIMENTAL } = ToolCategory;

function plan(proven: string, uncertain: string, experimental: string): ToolMixLine[] {
  return [
    { budget: proven, category: PROVEN },
    { budget: uncertain, category: UNCERTAIN },
    { budget: experimental, category: EXPERIMENTAL },
  ];
}

describe('computeToolMix (70/20/10)', () => {
  it('is within policy exactly on 70/20/10', () => {
    const mix = computeToolMix(plan('700000', '200000', '100000'), '5')!;
    expect(mix.withinPolicy).toBe(true);
    expect([mix.proven.share, mix.uncertain.share, mix.experimental.share]).toEqual(['70.00', '20.00', '10.00']);
    expect([mix.proven.deviation, mix.uncertain.deviation, mix.experimental.deviation]).toEqual(['0.00', '0.00', '0.00']);
    expect(mix.tolerance).toBe('5.00');
    expect(mix.totalBudget).toBe('1000000.00');
    expect(mix.proven.budget).toBe('700000.00');
  });

  it('is within policy exactly at the tolerance (75/15/10 with ±5)', () => {
    const mix = computeToolMix(plan('75', '15', '10'), '5')!;
    expect(mix.withinPolicy).toBe(true);
    expect(mix.proven.deviation).toBe('5.00');
    expect(mix.uncertain.deviation).toBe('-5.00');
    expect(mix.proven.within && mix.uncertain.within && mix.experimental.within).toBe(true);
  });

  it('is outside just past the tolerance (75.01/14.99/10)', () => {
    const mix = computeToolMix(plan('75.01', '14.99', '10'), '5')!;
    expect(mix.withinPolicy).toBe(false);
    expect(mix.proven.share).toBe('75.01');
    expect(mix.proven.within).toBe(false);
    expect(mix.uncertain.within).toBe(false);
    expect(mix.experimental.within).toBe(true);
  });

  it('decides on exact values, not on the rounded display (75.004% is outside ±5)', () => {
    // 75004 / 100000 = 75.004%: displays as 75.00, deviation 5.00, but is over the tolerance
    const mix = computeToolMix(plan('75004', '14996', '10000'), '5')!;
    expect(mix.proven.share).toBe('75.00');
    expect(mix.proven.within).toBe(false);
    expect(mix.withinPolicy).toBe(false);
  });

  it('treats empty categories as 0% (100% proven is outside)', () => {
    const mix = computeToolMix([{ budget: '500000', category: PROVEN }], '5')!;
    expect(mix.withinPolicy).toBe(false);
    expect([mix.proven.share, mix.uncertain.share, mix.experimental.share]).toEqual(['100.00', '0.00', '0.00']);
    expect([mix.proven.deviation, mix.uncertain.deviation, mix.experimental.deviation]).toEqual(['30.00', '-20.00', '-10.00']);
  });

  it('computes one line', () => {
    const mix = computeToolMix([{ budget: '1.00', category: EXPERIMENTAL }], '5')!;
    expect(mix.experimental.share).toBe('100.00');
    expect(mix.withinPolicy).toBe(false);
  });

  it('sums several lines per category', () => {
    const mix = computeToolMix(
      [
        { budget: '350000.50', category: PROVEN },
        { budget: '349999.50', category: PROVEN },
        { budget: '100000', category: UNCERTAIN },
        { budget: '100000', category: UNCERTAIN },
        { budget: '100000', category: EXPERIMENTAL },
      ],
      '5',
    )!;
    expect(mix.proven.budget).toBe('700000.00');
    expect(mix.withinPolicy).toBe(true);
  });

  it('has no mix for an empty media plan', () => {
    expect(computeToolMix([], '5')).toBeNull();
  });

  it('has no mix when every budget is zero', () => {
    expect(computeToolMix(plan('0', '0.00', '0'), '5')).toBeNull();
  });

  it('uses the given tolerance (±10 lets 80/10/10 pass, ±5 does not)', () => {
    expect(computeToolMix(plan('80', '10', '10'), '10')!.withinPolicy).toBe(true);
    expect(computeToolMix(plan('80', '10', '10'), '5')!.withinPolicy).toBe(false);
    expect(computeToolMix(plan('80', '10', '10'), '10')!.tolerance).toBe('10.00');
  });

  it('defaults to ±5 percentage points', () => {
    expect(computeToolMix(plan('75', '15', '10'))!.withinPolicy).toBe(true);
    expect(computeToolMix(plan('75.01', '14.99', '10'))!.withinPolicy).toBe(false);
  });

  it('rounds thirds for display (33.33 each)', () => {
    const mix = computeToolMix(plan('1', '1', '1'), '5')!;
    expect([mix.proven.share, mix.uncertain.share, mix.experimental.share]).toEqual(['33.33', '33.33', '33.33']);
  });

  // ------------------------------------------------------------------------------------------
  // properties

  const cents = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((c) => new Decimal(c.toString()).div(100).toFixed(2));
  const line = fc.record({ budget: cents, category: fc.constantFrom(PROVEN, UNCERTAIN, EXPERIMENTAL) });
  const lines = fc.array(line, { minLength: 1, maxLength: 30 });
  const tolerance = fc.integer({ min: 0, max: 2000 }).map((n) => new Decimal(n).div(100).toFixed(2));

  it('shares sum to 100 within rounding (at most 0.005 per category)', () => {
    fc.assert(
      fc.property(lines, tolerance, (ls, tol) => {
        const mix = computeToolMix(ls, tol);
        if (!mix) return ls.every((l) => new Decimal(l.budget).isZero());
        const sum = new Decimal(mix.proven.share).plus(mix.uncertain.share).plus(mix.experimental.share);
        return sum.minus(100).abs().lte('0.015');
      }),
      { numRuns: 500 },
    );
  });

  it('scaling every budget by a constant does not change the verdict', () => {
    const factor = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(lines, tolerance, factor, (ls, tol, k) => {
        const mix = computeToolMix(ls, tol);
        const scaled = computeToolMix(
          ls.map((l) => ({ ...l, budget: new Decimal(l.budget).times(k).toFixed() })),
          tol,
        );
        if (!mix) return scaled === null;
        return (
          scaled !== null &&
          scaled.withinPolicy === mix.withinPolicy &&
          scaled.proven.within === mix.proven.within &&
          scaled.uncertain.within === mix.uncertain.within &&
          scaled.experimental.within === mix.experimental.within
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the order of lines does not matter', () => {
    fc.assert(
      fc.property(lines, tolerance, (ls, tol) => {
        const a = computeToolMix(ls, tol);
        const b = computeToolMix([...ls].reverse(), tol);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });
});

describe('the two views of the mix: by tool count and by budget share', () => {
  const tools = (n: number, category: ToolCategory, budget = '0', prefix = category) =>
    Array.from({ length: n }, (_, i) => ({ channel: `${prefix} ${i + 1}`, budget, category }));

  it('counts tools: 7 proven, 2 uncertain, 1 experimental is 70/20/10 whatever the budgets', () => {
    const ls = [...tools(7, PROVEN, '1000'), ...tools(2, UNCERTAIN, '500000'), ...tools(1, EXPERIMENTAL, '1')];
    const byCount = computeToolMixByCount(ls, '5')!;
    expect([byCount.proven.share, byCount.uncertain.share, byCount.experimental.share]).toEqual(['70.00', '20.00', '10.00']);
    expect([byCount.proven.tools, byCount.uncertain.tools, byCount.experimental.tools, byCount.totalTools]).toEqual([7, 2, 1, 10]);
    expect(byCount.withinPolicy).toBe(true);
    // the same plan by budget share is far off
    expect(computeToolMix(ls, '5')!.withinPolicy).toBe(false);
  });

  it('counts a channel once per category however many lines (periods) it has, ignoring case and spaces', () => {
    const mix = computeToolMixByCount(
      [
        { channel: 'Яндекс Директ', budget: '1', category: PROVEN },
        { channel: ' яндекс директ ', budget: '1', category: PROVEN },
        { channel: 'VK Реклама', budget: '1', category: UNCERTAIN },
      ],
      '5',
    )!;
    expect([mix.proven.tools, mix.uncertain.tools, mix.totalTools]).toEqual([1, 1, 2]);
    expect(mix.proven.share).toBe('50.00');
  });

  it('measures a fee-only plan (no media budget) by tool count', () => {
    const ls = [...tools(7, PROVEN), ...tools(2, UNCERTAIN), ...tools(1, EXPERIMENTAL)];
    expect(computeToolMix(ls, '5')).toBeNull();
    const mixes = computeToolMixes(ls, '5', ToolMixBasis.BUDGET_SHARE)!;
    expect(mixes.basis).toBe(ToolMixBasis.TOOL_COUNT);
    expect(mixes.byBudget).toBeNull();
    expect(mixes.gate).toBe(mixes.byToolCount);
    expect(mixes.gate.withinPolicy).toBe(true);
  });

  it('gates by budget share where the plan has budget, by tool count when the agency chose it', () => {
    const ls = [...tools(1, PROVEN, '700'), ...tools(1, UNCERTAIN, '200'), ...tools(1, EXPERIMENTAL, '100')];
    const byBudget = computeToolMixes(ls, '5', ToolMixBasis.BUDGET_SHARE)!;
    expect(byBudget.basis).toBe(ToolMixBasis.BUDGET_SHARE);
    expect(byBudget.gate).toBe(byBudget.byBudget);
    expect(byBudget.gate.withinPolicy).toBe(true);
    const byCount = computeToolMixes(ls, '5', ToolMixBasis.TOOL_COUNT)!;
    expect(byCount.basis).toBe(ToolMixBasis.TOOL_COUNT);
    expect(byCount.gate).toBe(byCount.byToolCount);
    expect([byCount.gate.proven.share, byCount.gate.withinPolicy]).toEqual(['33.33', false]);
    // both views are always there to read
    expect(byCount.byBudget!.withinPolicy).toBe(true);
  });

  it('has no mix without lines', () => {
    expect(computeToolMixByCount([], '5')).toBeNull();
    expect(computeToolMixes([], '5', ToolMixBasis.TOOL_COUNT)).toBeNull();
  });
});
