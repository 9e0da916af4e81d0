import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { JobType } from '../schema/job/job.type';
import * as jobs from '../services/job.service';

@Resolver(() => JobType)
export class JobResolver {
  @Authorized(STAFF)
  @Query(() => JobType, { nullable: true, description: "A background job of your agency, with its progress and outcome; null when there is no such job (or it is not your agency's)." })
  job(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Job id.' }) id: string) {
    return jobs.getJob(ctx, id);
  }
}
