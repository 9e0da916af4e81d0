import Decimal from 'decimal.js';
import fc from 'fast-check';
import { ToolCategory } from '../../src/entities/enums';
import { computeToolMix, ToolMixLine } from '../../src/services/tool-mix';

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
