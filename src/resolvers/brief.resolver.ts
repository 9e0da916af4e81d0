import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Brief, BriefVersion } from '../entities';
import { CreateBriefInput, UpdateBriefInput } from '../schema/brief/brief.inputs';
import { BriefsArgs } from '../schema/brief/brief.args';
import { BriefCompletenessType, BriefConnection, BriefProposalCriterionType, BriefType, BriefVersionType } from '../schema/brief/brief.type';
import { ClientType } from '../schema/client/client.type';
import { ContactType } from '../schema/contact/contact.type';
import * as briefs from '../services/brief.service';
import { PortalHidden } from '../schema/common/visibility';

@Resolver(() => BriefType)
export class BriefResolver {
  @Authorized()
  @PortalHidden()
  @Query(() => BriefType, { nullable: true, description: 'A brief by id; null when it does not exist or is not yours to see (portal users never see briefs).' })
  brief(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return briefs.getBrief(ctx, id);
  }

  @Authorized()
  @PortalHidden()
  @Query(() => BriefConnection, { description: 'Briefs of the agency, newest first (empty for portal users).' })
  briefs(@Ctx() ctx: AuthedContext, @Args(() => BriefsArgs) args: BriefsArgs) {
    return briefs.listBriefs(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => BriefType, { description: 'Creates a brief (version 1) for a client.' })
  createBrief(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateBriefInput, { description: 'The operation input.' }) input: CreateBriefInput) {
    return briefs.createBrief(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => BriefType, {
    description: 'Changes a brief: a given block replaces that block, null clears it. A real change keeps the previous version and increments `version`.',
  })
  updateBrief(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateBriefInput, { description: 'The operation input.' }) input: UpdateBriefInput) {
    return briefs.updateBrief(ctx, input);
  }

  @FieldResolver(() => [BriefProposalCriterionType], { description: 'Block 6: criteria of the proposal evaluation with their shares (empty when none).' })
  proposalCriteria(@Root() brief: Brief) {
    return briefs.criterionShares(brief.content?.proposalCriteria);
  }

  @FieldResolver(() => BriefCompletenessType, { description: 'Which of the eight blocks are filled, and the score.' })
  completeness(@Root() brief: Brief) {
    return briefs.briefCompleteness(brief.content);
  }

  @FieldResolver(() => [BriefVersionType], { description: 'Previous versions, newest first (empty for version 1).' })
  versions(@Root() brief: Brief, @Ctx() ctx: AuthedContext) {
    return briefs.briefVersions(ctx, brief.id);
  }

  @FieldResolver(() => ClientType, { nullable: true, description: 'The client the brief is about.' })
  client(@Root() brief: Brief, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(brief.clientId);
  }

  @FieldResolver(() => [ContactType], { description: 'The contact persons listed in block 1, in that order.' })
  contacts(@Root() brief: Brief, @Ctx() ctx: AuthedContext) {
    return briefs.briefContacts(ctx, brief);
  }
}

/** A previous version answers the computed block fields from its own content, as the brief does. */
@Resolver(() => BriefVersionType)
export class BriefVersionResolver {
  @FieldResolver(() => [BriefProposalCriterionType], { description: 'Block 6: criteria of the proposal evaluation with their shares (empty when none).' })
  proposalCriteria(@Root() version: BriefVersion) {
    return briefs.criterionShares(version.content?.proposalCriteria);
  }

  @FieldResolver(() => BriefCompletenessType, { description: 'Which of the eight blocks are filled, and the score.' })
  completeness(@Root() version: BriefVersion) {
    return briefs.briefCompleteness(version.content);
  }
}
