import { pruneJobRecords } from '../services/job.service';
import { registerSchedule } from './registry';

/** Every night at 03:15 UTC: finished job records past their retention are deleted. */
export const pruneJobRecordsSchedule = registerSchedule({
  kind: 'jobs.prune',
  cron: '15 3 * * *',
  run: (app) => pruneJobRecords(app),
});
