import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import type { AuthedContext } from '../context';
import { UserRole } from '../entities/enums';
import { AgencyType } from '../schema/agency/agency.type';
import { PortalVisible } from '../schema/common/visibility';
import { UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.inputs';
import { AgencyRequisitesType } from '../schema/requisites/requisites.type';
import * as requisites from '../services/requisites.service';

/** The agency's requisites: read as `Agency.requisites`, changed by the owner. */
@Resolver(() => AgencyType)
export class RequisitesResolver {
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
