import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthedContext } from '../context';
import { UserRole } from '../entities/enums';
import { UpdateAgencySettingsInput } from '../schema/agency/agency.inputs';
import { AgencyType } from '../schema/agency/agency.type';
import * as agencies from '../services/agency.service';
import { PortalVisible } from '../schema/common/visibility';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => AgencyType, { description: "The logged-in user's agency." })
  agency(@Ctx() ctx: AuthedContext) {
    return agencies.getOwnAgency(ctx);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => AgencyType, { description: 'Changes agency settings: time zone, defaults, 70/20/10 tolerance, contact interval (owner only).' })
  updateAgencySettings(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => UpdateAgencySettingsInput, { description: 'The operation input.' }) input: UpdateAgencySettingsInput,
  ) {
    return agencies.updateAgencySettings(ctx, input);
  }
}
