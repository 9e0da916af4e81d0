import type { AppServices } from '../context';
import { closeEndedPeriodsOfAgency } from '../services/kpi-measurement.service';
import { forEachAgency } from '../services/scope';
import { registerSchedule } from './registry';

/**
 * Closes the deviations whose period has ended (PERIOD_ENDED, with the period's final figures)
 * for every agency. Periods end at midnight in each agency's own time zone, so it runs every hour
 * (at :05 UTC) and closes, for each agency, what ended before that agency's today: a period is
 * closed within an hour after the agency's midnight, whatever its offset (half-hour zones too).
 */
export async function closeEndedPeriodsEverywhere(app: AppServices, now: Date = app.clock()): Promise<{ agencies: number; closed: number }> {
  const closed = await forEachAgency(app, KPI_CLOSE_ENDED_PERIODS, (ctx) => closeEndedPeriodsOfAgency(ctx, now));
  return { agencies: closed.size, closed: [...closed.values()].reduce((a, b) => a + b, 0) };
}

export const KPI_CLOSE_ENDED_PERIODS = 'kpi.close-ended-periods';

export const closeEndedPeriodsSchedule = registerSchedule({
  kind: KPI_CLOSE_ENDED_PERIODS,
  cron: '5 * * * *',
  run: (app) => closeEndedPeriodsEverywhere(app),
});
