import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { KpiReportInput } from '../schema/kpi-report/kpi-report.inputs';
import { KpiReportType } from '../schema/kpi-report/kpi-report.type';
import * as reports from '../services/kpi-report.service';

/** The agency-wide KPI report: agency staff only (portal users get FORBIDDEN). */
@Resolver(() => KpiReportType)
export class KpiReportResolver {
  @Authorized(STAFF)
  @Query(() => KpiReportType, { description: "The agency's KPI measurements over a period, month by month, with every stored metric's sum and the derived metrics." })
  kpiReport(@Ctx() ctx: AuthedContext, @Arg('input', () => KpiReportInput, { description: 'The period and the grouping.' }) input: KpiReportInput) {
    return reports.kpiReport(ctx, input);
  }
}
