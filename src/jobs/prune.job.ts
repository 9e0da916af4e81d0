import { pruneJobRecords, reconcileInterruptedJobs } from '../services/job.service';
import { pruneOutbox } from '../services/outbound-email.service';
import { pruneExpiredSignUps } from '../services/signup.service';
import { registerSchedule } from './registry';

/** Every night at 03:15 UTC: finished job records past their retention are deleted. */
export const pruneJobRecordsSchedule = registerSchedule({
  kind: 'jobs.prune',
  cron: '15 3 * * *',
  run: (app) => pruneJobRecords(app),
});

/** Every five minutes: records of runs the queue gave up on (expired, worker gone) stop reading RUNNING. */
export const reconcileJobsSchedule = registerSchedule({
  kind: 'jobs.reconcile',
  cron: '*/5 * * * *',
  run: (app) => reconcileInterruptedJobs(app),
});

/** Every night at 03:25 UTC: emails that left (or could not) past their retention are deleted. */
export const pruneOutboxSchedule = registerSchedule({
  kind: 'outbox.prune',
  cron: '25 3 * * *',
  run: (app) => pruneOutbox(app),
});

/** Every hour at :40: sign-ups whose confirmation link expired are deleted (they hold password hashes). */
export const pruneSignUpsSchedule = registerSchedule({
  kind: 'signups.prune',
  cron: '40 * * * *',
  run: (app) => pruneExpiredSignUps(app),
});
