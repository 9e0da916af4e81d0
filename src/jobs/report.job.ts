import { ReportSchedule } from '../entities';
import { agencyToday } from '../services/agency.service';
import { GENERATE_REPORT_JOB, generateDueReports, makeReport, type GenerateReportPayload } from '../services/report.service';
import { agencyOwnerContexts, scoped } from '../services/scope';
import { registerJob, registerSchedule } from './registry';

/** Makes one report (data snapshot, then PDF); the result names the report made (or found, for a schedule's period already made). */
export const generateReportJob = registerJob<GenerateReportPayload, { reportId: string; version: number }>({
  kind: GENERATE_REPORT_JOB,
  retryLimit: 2,
  async run({ ctx, payload, progress }) {
    await progress(5);
    const report = await makeReport(ctx, payload, (p) => progress(p));
    return { reportId: report.id, version: report.version };
  },
});

/**
 * Every hour: for each agency, the last full week or month (in the agency's time zone) of each
 * active schedule is made, once per (schedule, period): a period already made is skipped, and a
 * job that runs twice finds the report of the first.
 */
export const dueReportsSchedule = registerSchedule({
  kind: 'reports.due',
  cron: '7 * * * *',
  run: async (app) => {
    let enqueued = 0;
    for (const ctx of await agencyOwnerContexts(app, 'report_schedules', 'reports.due')) {
      const schedules = await scoped(ctx, ReportSchedule).query('s').andWhere('s.active').getMany();
      enqueued += await generateDueReports(ctx, schedules, await agencyToday(ctx));
    }
    return { enqueued };
  },
});

/** The hourly run for one moment, callable directly (tests, the benchmark). */
export const runDueReports = (app: Parameters<typeof dueReportsSchedule.run>[0]) => dueReportsSchedule.run(app);
