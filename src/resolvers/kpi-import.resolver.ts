import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { ImportKpiFileInput } from '../schema/kpi-import/kpi-import.inputs';
import { KpiImportReportType } from '../schema/kpi-import/kpi-import.type';
import * as imports from '../services/kpi-import.service';

@Resolver()
export class KpiImportResolver {
  @Authorized(STAFF)
  @Mutation(() => KpiImportReportType, {
    description:
      'Imports daily figures from a Yandex Direct, Google Ads, VK Ads or our own file into campaigns; all or nothing unless skipInvalidRows. A day imported again replaces its figures.',
  })
  importKpiFile(@Ctx() ctx: AuthedContext, @Arg('input', () => ImportKpiFileInput, { description: 'The operation input.' }) input: ImportKpiFileInput) {
    return imports.importKpiFile(ctx, input);
  }
}
