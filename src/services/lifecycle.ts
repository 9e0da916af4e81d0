import { LifecycleStage } from '../entities/enums';
import type { TransitionMap } from './transitions';

const STAGES = Object.values(LifecycleStage);

/**
 * In agency practice the usual path is attraction → … → loyalty, but a client may be at any stage, skip
 * or repeat stages. So every stage may move to every other; staying put is not a change.
 */
export const LIFECYCLE_TRANSITIONS: TransitionMap<LifecycleStage> = Object.fromEntries(
  STAGES.map((s) => [s, STAGES.filter((t) => t !== s)]),
) as unknown as TransitionMap<LifecycleStage>;

export interface StageEntry {
  toStage: LifecycleStage;
  changedAt: Date;
  terminated: boolean;
}

export interface StageDuration {
  stage: LifecycleStage;
  seconds: number;
  stays: number;
}

/**
 * Time spent in each stage from the history: a stay lasts until the next entry; the last one
 * until `now`, or until termination (a terminated client's clock stops).
 */
export function timeInStages(history: StageEntry[], now: Date): StageDuration[] {
  const sorted = [...history].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const totals = new Map<LifecycleStage, StageDuration>();
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i];
    if (entry.terminated) continue;
    const end = sorted[i + 1]?.changedAt ?? now;
    const seconds = Math.max(0, Math.floor((end.getTime() - entry.changedAt.getTime()) / 1000));
    const prev = sorted[i - 1];
    // a reactivation entry re-entering the same stage continues the count but is a new stay
    const t = totals.get(entry.toStage) ?? { stage: entry.toStage, seconds: 0, stays: 0 };
    t.seconds += seconds;
    if (!prev || prev.toStage !== entry.toStage || prev.terminated) t.stays += 1;
    totals.set(entry.toStage, t);
  }
  return STAGES.filter((s) => totals.has(s)).map((s) => totals.get(s)!);
}
