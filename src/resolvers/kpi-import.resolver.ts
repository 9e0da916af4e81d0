import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { KpiImport } from '../entities';
import { JobType } from '../schema/job/job.type';
import { KpiImportsArgs } from '../schema/kpi-import/kpi-import.args';
import { ImportKpiFileInput } from '../schema/kpi-import/kpi-import.inputs';
import { KpiImportConnection, KpiImportErrorType, KpiImportProblemType, KpiImportType } from '../schema/kpi-import/kpi-import.type';
import * as imports from '../services/kpi-import.service';

@Resolver(() => KpiImportType)
export class KpiImportResolver {
  @Authorized(STAFF)
  @Mutation(() => KpiImportType, {
    description:
      'Imports daily figures from a Yandex Direct, Google Ads, VK Ads or our own file into campaigns; all or nothing unless skipInvalidRows. A day imported again replaces its figures. Files up to 20,000 lines are imported within the request (the answer is the finished import); larger ones, or with background, answer at once with the QUEUED import, worked in the background by the job queue: poll kpiImport(id) (or job(id) with the id of its job).',
  })
  importKpiFile(@Ctx() ctx: AuthedContext, @Arg('input', () => ImportKpiFileInput, { description: 'The operation input.' }) input: ImportKpiFileInput) {
    return imports.importKpiFile(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => KpiImportType, { nullable: true, description: 'An import of the agency by id, with its progress; null when it does not exist or is not yours to see.' })
  kpiImport(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the import.' }) id: string) {
    return imports.getKpiImport(ctx, id);
  }

  @Authorized(STAFF)
  @Query(() => KpiImportConnection, { description: 'The imports of the agency, newest first.' })
  kpiImports(@Ctx() ctx: AuthedContext, @Args(() => KpiImportsArgs) args: KpiImportsArgs) {
    return imports.listKpiImports(ctx, args);
  }

  @FieldResolver(() => [KpiImportProblemType], { description: 'The problems found, by line: the first 1,000 (problemCount says how many in all), in the language of the request.' })
  problems(@Ctx() ctx: AuthedContext, @Root() row: KpiImport) {
    return imports.importProblems(ctx, row);
  }

  @FieldResolver(() => JobType, { nullable: true, description: 'The background job that runs the import (its state, attempts and progress); null for a file imported within the request.' })
  job(@Ctx() ctx: AuthedContext, @Root() row: KpiImport) {
    return imports.importJob(ctx, row);
  }

  @FieldResolver(() => KpiImportErrorType, { nullable: true, description: 'Why it FAILED, in the language of the request; null otherwise.' })
  error(@Ctx() ctx: AuthedContext, @Root() row: KpiImport) {
    return imports.importError(ctx, row);
  }
}
