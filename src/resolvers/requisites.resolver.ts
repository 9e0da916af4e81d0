import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import type { AuthedContext } from '../context';
import { UserRole } from '../entities/enums';
import { AgencyType } from '../schema/agency/agency.type';
import { PortalVisible } from '../schema/common/visibility';
import { SetAgencyVatRegimeInput, UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.inputs';
import { AgencyRequisitesType, AgencyVatRegimePeriodType } from '../schema/requisites/requisites.type';
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

  @Authorized(UserRole.OWNER)
  @Mutation(() => AgencyRequisitesType, {
    description:
      "Sets the agency's VAT regime from a date (standard rates, Russian simplified tax without VAT or at 5 % / 7 %, Bulgarian supplier not registered for VAT); documents dated from then charge VAT by it. A period of the same date is replaced. Owner only.",
  })
  setAgencyVatRegime(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => SetAgencyVatRegimeInput, { description: 'The operation input.' }) input: SetAgencyVatRegimeInput,
  ) {
    return requisites.setAgencyVatRegime(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @FieldResolver(() => AgencyRequisitesType, { description: 'Requisites printed on documents; the client portal sees what it needs to pay (legal entity, tax ids, bank details).' })
  requisites(@Ctx() ctx: AuthedContext) {
    return requisites.getRequisites(ctx);
  }
}

/** Fields of the requisites computed from other rows. */
@Resolver(() => AgencyRequisitesType)
export class AgencyRequisitesResolver {
  @Authorized()
  @PortalVisible()
  @FieldResolver(() => [AgencyVatRegimePeriodType], {
    description: "The agency's VAT regime periods, oldest first: each holds from its date until the next one; before the first, vatPayer decides.",
  })
  vatRegimes(@Ctx() ctx: AuthedContext) {
    return requisites.vatRegimesView(ctx);
  }
}
