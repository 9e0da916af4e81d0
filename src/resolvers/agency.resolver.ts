import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import { AgencyRequisitesType } from '../schema/requisites/requisites.type';
import { UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.inputs';
import * as requisites from '../services/requisites.service';
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

  @Authorized(UserRole.OWNER)
  @Mutation(() => AgencyRequisitesType, {
    description: 'Changes the agency requisites printed on documents (legal entity, bank, signatory, VAT payer, numbering patterns). Owner only.',
  })
  updateAgencyRequisites(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => UpdateAgencyRequisitesInput, { description: 'The operation input.' }) input: UpdateAgencyRequisitesInput,
  ) {
    return requisites.updateAgencyRequisites(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @FieldResolver(() => AgencyRequisitesType, { description: 'Requisites printed on documents; the client portal sees what it needs to pay (legal entity, tax ids, bank details).' })
  requisites(@Ctx() ctx: AuthedContext) {
    return requisites.getRequisites(ctx);
  }
}
