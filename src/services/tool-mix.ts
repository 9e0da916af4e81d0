import Decimal from 'decimal.js';
import { ToolCategory } from '../entities/enums';

/**
 * The agencies' 70/20/10 rule: of the media-plan budget, 70% on proven tools, 20% on tools the
 * agency is not sure about, 10% on experiments. Pure and exact: the verdict is decided on exact
 * sums (no division, so no rounding at all); shares are rounded to 2 decimals for display only.
 */
export const TOOL_MIX_TARGETS: Readonly<Record<ToolCategory, number>> = {
  [ToolCategory.PROVEN]: 70,
  [ToolCategory.UNCERTAIN]: 20,
  [ToolCategory.EXPERIMENTAL]: 10,
};

/** Used when the agency has no setting of its own. */
export const DEFAULT_TOOL_MIX_TOLERANCE_PP = '5';

export interface ToolMixLine {
  budget: string | Decimal;
  category: ToolCategory;
}

export interface CategoryMix {
  /** budget of the category, exact (money: 2 decimals) */
  budget: string;
  /** share of the total budget in percent, rounded to 2 decimals, e.g. "70.00" */
  share: string;
  /** displayed share minus the target, in percentage points, e.g. "-5.00" */
  deviation: string;
  /** |exact share − target| ≤ tolerance */
  within: boolean;
}

export interface ToolMix {
  totalBudget: string;
  /** the tolerance applied, in percentage points, e.g. "5.00" */
  tolerance: string;
  proven: CategoryMix;
  uncertain: CategoryMix;
  experimental: CategoryMix;
  /** every category within tolerance */
  withinPolicy: boolean;
}

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const HUNDRED = new D(100);

function display(value: Decimal): string {
  const s = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/**
 * The mix of a media plan, or null when there is nothing to divide: no lines, or a total budget
 * of zero (a share of nothing is undefined, so such a plan has no mix and cannot pass the rule).
 */
export function computeToolMix(lines: readonly ToolMixLine[], tolerancePp: string | Decimal = DEFAULT_TOOL_MIX_TOLERANCE_PP): ToolMix | null {
  if (lines.length === 0) return null;
  const sums: Record<ToolCategory, Decimal> = {
    [ToolCategory.PROVEN]: new D(0),
    [ToolCategory.UNCERTAIN]: new D(0),
    [ToolCategory.EXPERIMENTAL]: new D(0),
  };
  for (const line of lines) sums[line.category] = sums[line.category].plus(new D(line.budget));
  const total = sums.PROVEN.plus(sums.UNCERTAIN).plus(sums.EXPERIMENTAL);
  if (total.isZero()) return null;
  if (total.isNegative()) throw new RangeError('a media plan cannot have a negative total budget');
  const tolerance = new D(tolerancePp);

  const category = (c: ToolCategory): CategoryMix => {
    const target = new D(TOOL_MIX_TARGETS[c]);
    // |sum/total·100 − target| ≤ tol  ⇔  |sum·100 − target·total| ≤ tol·total   (total > 0)
    const within = sums[c].times(HUNDRED).minus(target.times(total)).abs().lte(tolerance.times(total));
    const share = new D(display(sums[c].times(HUNDRED).div(total)));
    return {
      budget: sums[c].toFixed(2),
      share: share.toFixed(2),
      deviation: display(share.minus(target)),
      within,
    };
  };
  const proven = category(ToolCategory.PROVEN);
  const uncertain = category(ToolCategory.UNCERTAIN);
  const experimental = category(ToolCategory.EXPERIMENTAL);
  return {
    totalBudget: total.toFixed(2),
    tolerance: display(tolerance),
    proven,
    uncertain,
    experimental,
    withinPolicy: proven.within && uncertain.within && experimental.within,
  };
}
