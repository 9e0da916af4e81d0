import Decimal from 'decimal.js';
import { ToolCategory } from '../entities/enums';
import type { MessageKey } from '../i18n';

/** Pure rules of upsell: the default competition matrix, the 70/20/10 gap and the score. */

/** Pairs of default channels (by name, as campaign.rules DEFAULT_CHANNELS names them) that compete for the same demand. */
export const DEFAULT_COMPETITION: readonly { a: string; b: string; reason: MessageKey }[] = [
  { a: 'SEO', b: 'Яндекс Директ', reason: 'upsell.competition.seoVsSearchAds' },
  { a: 'SEO', b: 'Google Ads', reason: 'upsell.competition.seoVsSearchAds' },
  { a: 'Telegram Ads', b: 'SMM', reason: 'upsell.competition.telegram' },
  { a: 'VK Реклама', b: 'SMM', reason: 'upsell.competition.vk' },
  { a: 'Meta', b: 'SMM', reason: 'upsell.competition.meta' },
  { a: 'Programmatic', b: 'Яндекс Директ', reason: 'upsell.competition.display' },
];

/** The target share of each category in a mix (70/20/10). */
export const MIX_TARGET: Record<ToolCategory, number> = { [ToolCategory.PROVEN]: 70, [ToolCategory.UNCERTAIN]: 20, [ToolCategory.EXPERIMENTAL]: 10 };

/** Weights of the score's parts (they add up to 100). */
export const WEIGHTS = { adoption: 40, romi: 40, mix: 20 };
/** ROMI at or above this ratio (300 %) earns the whole ROMI weight. */
export const ROMI_CAP = 3;

/** A pair is stored once, smaller id first. */
export function canonicalPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Percentage points by which `category` is below its target share among the client's channels (by count); 0 when not below. */
export function mixGap(usedCategories: readonly ToolCategory[], category: ToolCategory): number {
  const total = usedCategories.length;
  const actual = total === 0 ? 0 : (usedCategories.filter((c) => c === category).length * 100) / total;
  return Math.max(0, new Decimal(MIX_TARGET[category]).minus(actual).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
}

/**
 * The suggestion score, 0–100: adoption among similar clients (share using the channel) × 40,
 * their average ROMI on it (capped at 300 %, negative counts 0) × 40 / 300 %, and the client's
 * 70/20/10 gap in the channel's category relative to its target × 20.
 */
export function suggestionScore(p: { similar: number; using: number; romi: Decimal | null; gap: number; category: ToolCategory }): number {
  const adoption = p.similar === 0 ? new Decimal(0) : new Decimal(p.using).dividedBy(p.similar);
  const romi = p.romi === null ? new Decimal(0) : Decimal.min(Decimal.max(p.romi, 0), ROMI_CAP).dividedBy(ROMI_CAP);
  const mix = new Decimal(p.gap).dividedBy(MIX_TARGET[p.category]);
  return adoption
    .times(WEIGHTS.adoption)
    .plus(romi.times(WEIGHTS.romi))
    .plus(mix.times(WEIGHTS.mix))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toNumber();
}
