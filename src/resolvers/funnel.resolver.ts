import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { FunnelInput } from '../schema/funnel/funnel.inputs';
import { FunnelType } from '../schema/funnel/funnel.type';
import * as funnels from '../services/funnel.service';

/** The sales funnel: agency staff only (portal users get FORBIDDEN). */
@Resolver(() => FunnelType)
export class FunnelResolver {
  @Authorized(STAFF)
  @Query(() => FunnelType, { description: 'The sales funnel and refusal analysis by stage over a period (agency time zone).' })
  funnel(@Ctx() ctx: AuthedContext, @Arg('input', () => FunnelInput, { description: 'The period and optionally a manager.' }) input: FunnelInput) {
    return funnels.funnel(ctx, input);
  }
}
