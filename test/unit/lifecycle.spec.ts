import { LifecycleStage } from '../../src/entities/enums';
import { LIFECYCLE_TRANSITIONS, timeInStages } from '../../src/services/lifecycle';
import { canTransition } from '../../src/services/transitions';

const at = (iso: string) => new Date(iso);

describe('lifecycle transitions', () => {
  it('allows skipping and repeating stages but not staying put', () => {
    expect(canTransition(LIFECYCLE_TRANSITIONS, LifecycleStage.ATTRACTION, LifecycleStage.PURCHASE)).toBe(true);
    expect(canTransition(LIFECYCLE_TRANSITIONS, LifecycleStage.LOYALTY, LifecycleStage.INTEREST)).toBe(true);
    for (const s of Object.values(LifecycleStage)) expect(canTransition(LIFECYCLE_TRANSITIONS, s, s)).toBe(false);
  });
});

describe('timeInStages', () => {
  it('sums stays per stage, the current one up to now', () => {
    const r = timeInStages(
      [
        { toStage: LifecycleStage.ATTRACTION, changedAt: at('2026-01-01T00:00:00Z'), terminated: false },
        { toStage: LifecycleStage.INTEREST, changedAt: at('2026-01-03T00:00:00Z'), terminated: false },
        { toStage: LifecycleStage.ATTRACTION, changedAt: at('2026-01-04T00:00:00Z'), terminated: false },
        { toStage: LifecycleStage.PURCHASE, changedAt: at('2026-01-05T00:00:00Z'), terminated: false },
      ],
      at('2026-01-05T12:00:00Z'),
    );
    expect(r).toEqual([
      { stage: LifecycleStage.ATTRACTION, seconds: 3 * 86400, stays: 2 },
      { stage: LifecycleStage.INTEREST, seconds: 86400, stays: 1 },
      { stage: LifecycleStage.PURCHASE, seconds: 43200, stays: 1 },
    ]);
  });

  it('stops the clock at termination', () => {
    const r = timeInStages(
      [
        { toStage: LifecycleStage.PURCHASE, changedAt: at('2026-01-01T00:00:00Z'), terminated: false },
        { toStage: LifecycleStage.PURCHASE, changedAt: at('2026-01-02T00:00:00Z'), terminated: true },
      ],
      at('2026-02-01T00:00:00Z'),
    );
    expect(r).toEqual([{ stage: LifecycleStage.PURCHASE, seconds: 86400, stays: 1 }]);
  });

  it('floors the sum of the exact stays once, not each stay (the rounding deals use too)', () => {
    const r = timeInStages(
      [
        { toStage: LifecycleStage.ATTRACTION, changedAt: at('2026-01-01T00:00:00.000Z'), terminated: false },
        { toStage: LifecycleStage.INTEREST, changedAt: at('2026-01-01T00:00:01.600Z'), terminated: false },
        { toStage: LifecycleStage.ATTRACTION, changedAt: at('2026-01-01T00:00:02.000Z'), terminated: false },
      ],
      at('2026-01-01T00:00:02.500Z'),
    );
    expect(r).toEqual([
      { stage: LifecycleStage.ATTRACTION, seconds: 2, stays: 2 },
      { stage: LifecycleStage.INTEREST, seconds: 0, stays: 1 },
    ]);
  });

  it('is empty without history', () => {
    expect(timeInStages([], new Date())).toEqual([]);
  });
});
