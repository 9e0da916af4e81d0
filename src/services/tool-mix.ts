import Decimal from 'decimal.js';
import { ToolCategory, ToolMixBasis } from '../entities/enums';

/**
 * The agencies' 70/20/10 rule: 70% proven tools, 20% tools the agency is not sure about, 10%
 * experiments. The practice counts tools ("70% of the tools you propose"); agencies also read it
 * as shares of the media budget. Both views are computed: by budget share (computeToolMix) and by
 * tool count (computeToolMixByCount, a tool being a distinct channel of a category); the agency
 * setting ToolMixBasis picks the one that gates sending (computeToolMixes). Pure and exact: the
 * verdict is decided on exact sums (no division, so no rounding at all); shares are rounded to
 * 2 decimals for display only.
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

/** A line as the tool count sees it: its channel is the tool. */
export interface ToolCountLine {
  channel: string;
  category: ToolCategory;
}

export interface CategoryMix {
  /** budget of the category, exact (money: 2 decimals) */
  budget: string;
  /** distinct tools (channels) of the category */
  tools: number;
  /** share of the total budget in percent, rounded to 2 decimals, e.g. "70.00" */
  share: string;
  /** displayed share minus the target, in percentage points, e.g. "-5.00" */
  deviation: string;
  /** |exact share − target| ≤ tolerance */
  within: boolean;
}

export interface ToolMix {
  /** what the shares are of */
  basis: ToolMixBasis;
  totalBudget: string;
  totalTools: number;
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

type Sums = Record<ToolCategory, Decimal>;

function zero(): Sums {
  return { [ToolCategory.PROVEN]: new D(0), [ToolCategory.UNCERTAIN]: new D(0), [ToolCategory.EXPERIMENTAL]: new D(0) };
}

function budgetSums(lines: readonly ToolMixLine[]): Sums {
  const sums = zero();
  for (const line of lines) sums[line.category] = sums[line.category].plus(new D(line.budget));
  return sums;
}

/** Distinct channels per category (trimmed, case and inner spaces ignored): a channel over several periods is one tool. */
function toolSums(lines: readonly ToolCountLine[]): Sums {
  const seen: Record<ToolCategory, Set<string>> = { [ToolCategory.PROVEN]: new Set(), [ToolCategory.UNCERTAIN]: new Set(), [ToolCategory.EXPERIMENTAL]: new Set() };
  for (const line of lines) seen[line.category].add(line.channel.trim().toLocaleLowerCase('ru').replace(/\s+/g, ' '));
  const sums = zero();
  for (const c of Object.values(ToolCategory)) sums[c] = new D(seen[c].size);
  return sums;
}

function total(sums: Sums): Decimal {
  return sums.PROVEN.plus(sums.UNCERTAIN).plus(sums.EXPERIMENTAL);
}

/** The shares of `weights` (budgets or tool counts) against the targets; `budgets` and `tools` are shown with either. */
function mixOf(basis: ToolMixBasis, weights: Sums, budgets: Sums, tools: Sums, tolerancePp: string | Decimal): ToolMix {
  const whole = total(weights);
  const tolerance = new D(tolerancePp);
  const category = (c: ToolCategory): CategoryMix => {
    const target = new D(TOOL_MIX_TARGETS[c]);
    // |sum/total·100 − target| ≤ tol  ⇔  |sum·100 − target·total| ≤ tol·total   (total > 0)
    const within = weights[c].times(HUNDRED).minus(target.times(whole)).abs().lte(tolerance.times(whole));
    const share = new D(display(weights[c].times(HUNDRED).div(whole)));
    return {
      budget: budgets[c].toFixed(2),
      tools: tools[c].toNumber(),
      share: share.toFixed(2),
      deviation: display(share.minus(target)),
      within,
    };
  };
  const proven = category(ToolCategory.PROVEN);
  const uncertain = category(ToolCategory.UNCERTAIN);
  const experimental = category(ToolCategory.EXPERIMENTAL);
  return {
    basis,
    totalBudget: total(budgets).toFixed(2),
    totalTools: total(tools).toNumber(),
    tolerance: display(tolerance),
    proven,
    uncertain,
    experimental,
    withinPolicy: proven.within && uncertain.within && experimental.within,
  };
}

/**
 * The mix by budget share, or null when there is nothing to divide: no lines, or a total budget
 * of zero (a plan of fees only has no budget view; see computeToolMixByCount).
 */
export function computeToolMix(lines: readonly (ToolMixLine & Partial<ToolCountLine>)[], tolerancePp: string | Decimal = DEFAULT_TOOL_MIX_TOLERANCE_PP): ToolMix | null {
  if (lines.length === 0) return null;
  const budgets = budgetSums(lines);
  const whole = total(budgets);
  if (whole.isZero()) return null;
  if (whole.isNegative()) throw new RangeError('a media plan cannot have a negative total budget');
  // tools are counted where lines name their channel (a media plan always does)
  const tools = toolSums(lines.filter((l): l is ToolMixLine & ToolCountLine => l.channel != null));
  return mixOf(ToolMixBasis.BUDGET_SHARE, budgets, budgets, tools, tolerancePp);
}

/** The mix by tool count (distinct channels per category), or null without lines. */
export function computeToolMixByCount(
  lines: readonly (ToolCountLine & Partial<ToolMixLine>)[],
  tolerancePp: string | Decimal = DEFAULT_TOOL_MIX_TOLERANCE_PP,
): ToolMix | null {
  if (lines.length === 0) return null;
  const tools = toolSums(lines);
  const budgets = budgetSums(lines.map((l) => ({ category: l.category, budget: l.budget ?? '0' })));
  return mixOf(ToolMixBasis.TOOL_COUNT, tools, budgets, tools, tolerancePp);
}

export interface ToolMixes {
  /** the view that gates sending */
  basis: ToolMixBasis;
  gate: ToolMix;
  /** null for a plan without media budget */
  byBudget: ToolMix | null;
  byToolCount: ToolMix;
}

/**
 * Both views and the one that gates sending: the agency's basis, except that a plan without media
 * budget is always measured by tool count. null without lines.
 */
export function computeToolMixes(
  lines: readonly (ToolMixLine & ToolCountLine)[],
  tolerancePp: string | Decimal,
  basis: ToolMixBasis,
): ToolMixes | null {
  const byToolCount = computeToolMixByCount(lines, tolerancePp);
  if (!byToolCount) return null;
  const byBudget = computeToolMix(lines, tolerancePp);
  const gate = basis === ToolMixBasis.BUDGET_SHARE && byBudget ? byBudget : byToolCount;
  return { basis: gate.basis, gate, byBudget, byToolCount };
}
