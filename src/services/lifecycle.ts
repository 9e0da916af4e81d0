import { LifecycleStage } from '../entities/enums';
import { timeInStages as stageTimes, type StageDuration as TimedStageDuration, type StageEntry as TimedStageEntry } from './time';
import type { TransitionMap } from './transitions';

const STAGES = Object.values(LifecycleStage);

/**
 * In agency practice the usual path is attraction → … → loyalty, but a client may be at any stage, skip
 * or repeat stages. So every stage may move to every other; staying put is not a change.
 */
export const LIFECYCLE_TRANSITIONS: TransitionMap<LifecycleStage> = Object.fromEntries(
  STAGES.map((s) => [s, STAGES.filter((t) => t !== s)]),
) as unknown as TransitionMap<LifecycleStage>;

export type StageEntry = TimedStageEntry<LifecycleStage>;
export type StageDuration = TimedStageDuration<LifecycleStage>;

/**
 * Time spent in each lifecycle stage (see time.ts for the one rounding rule): a stay lasts until
 * the next entry, the last one until `now`, or until termination (a terminated client's clock stops).
 */
export function timeInStages(history: readonly StageEntry[], now: Date): StageDuration[] {
  return stageTimes(history, now, STAGES);
}
