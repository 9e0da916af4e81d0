import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { Report } from '../entities';
import { ReportKind, ReportStatus } from '../entities/enums';
import { PageArgs } from '../schema/common/connection';
import { PortalVisible } from '../schema/common/visibility';
import { JobType } from '../schema/job/job.type';
import { GenerateReportInput, ReportDataInput, SaveReportScheduleInput, UpdateReportPlanInput } from '../schema/report/report.inputs';
import { ReportResult } from '../schema/report/report.results';
import { ReportConnection, ReportDataType, ReportScheduleType, ReportType } from '../schema/report/report.type';
import * as reports from '../services/report.service';

const INPUT = { description: 'The operation input.' } as const;

@Resolver(() => ReportType)
export class ReportResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => ReportDataType, {
    description:
      'The live figures of a report (a dashboard), chart-ready, over a period against the previous period of equal length. ' +
      "Staff read any client of the agency; a portal user its own client only (NOT_FOUND otherwise).",
  })
  reportData(@Ctx() ctx: AuthedContext, @Arg('input', () => ReportDataInput, INPUT) input: ReportDataInput) {
    return reports.reportData(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ReportConnection, { description: "Reports of a client, newest first: every version for staff, published ones for the client's portal user." })
  reports(
    @Ctx() ctx: AuthedContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('clientId', () => ID, { description: 'The client.' }) clientId: string,
    @Arg('kind', () => ReportKind, { nullable: true, description: 'Only this kind.' }) kind?: ReportKind | null,
    @Arg('status', () => ReportStatus, { nullable: true, description: 'Only this status.' }) status?: ReportStatus | null,
  ) {
    return reports.listReports(ctx, { ...page, clientId, kind, status });
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ReportType, { nullable: true, description: 'A report by id; null when missing or not yours (a portal user sees published reports of its client).' })
  report(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Report id.' }) id: string) {
    return reports.getReport(ctx, id);
  }

  @Authorized(STAFF)
  @Query(() => [ReportScheduleType], { description: 'The report schedules of a client.' })
  reportSchedules(@Ctx() ctx: AuthedContext, @Arg('clientId', () => ID, { description: 'The client.' }) clientId: string) {
    return reports.reportSchedules(ctx, clientId);
  }

  @Authorized(STAFF)
  @Mutation(() => ReportScheduleType, { description: 'Creates or changes the schedule of one kind and frequency of report for a client.' })
  saveReportSchedule(@Ctx() ctx: AuthedContext, @Arg('input', () => SaveReportScheduleInput, INPUT) input: SaveReportScheduleInput) {
    return reports.saveReportSchedule(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => JobType, {
    description: "Makes a report now, as a background job: follow it with job(id); its result holds the new report's id (reportId) and version. The report is a DRAFT.",
  })
  generateReport(@Ctx() ctx: AuthedContext, @Arg('input', () => GenerateReportInput, INPUT) input: GenerateReportInput) {
    return reports.generateReport(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ReportResult, { description: 'Sets the development plan of a draft report and renders its PDF again; ReportAlreadyPublishedError for a published one.' })
  updateReportPlan(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateReportPlanInput, INPUT) input: UpdateReportPlanInput) {
    return reports.updateReportPlan(ctx, input.id, input.developmentPlan);
  }

  @Authorized(STAFF)
  @Mutation(() => ReportResult, {
    description: "Publishes a draft report to the client's portal and emails a notice to its schedule's recipients; ReportAlreadyPublishedError when already published.",
  })
  publishReport(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Report id.' }) id: string) {
    return reports.publishReport(ctx, id);
  }

  @PortalVisible()
  @FieldResolver(() => String, { nullable: true, description: 'A short-lived signed link to the PDF, "/reports/<id>.pdf?token=…", valid 5 minutes by default; null before it is rendered.' })
  pdfUrl(@Root() report: Report, @Ctx() ctx: AuthedContext) {
    return reports.signedReportUrl(ctx, report);
  }
}
