import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Proposal } from '../entities';
import { ProposalStatus } from '../entities/enums';
import { ClientType } from '../schema/client/client.type';
import { ProposalsArgs } from '../schema/proposal/proposal.args';
import {
  AcceptProposalInput,
  CreateProposalInput,
  RejectProposalInput,
  ReviseProposalInput,
  SendProposalInput,
  UpdateProposalInput,
} from '../schema/proposal/proposal.inputs';
import {
  AcceptProposalResult,
  RejectProposalResult,
  ReviseProposalResult,
  SendProposalResult,
  UpdateProposalResult,
} from '../schema/proposal/proposal.results';
import {
  ProposalBlocksType,
  ProposalConnection,
  ProposalLineType,
  ProposalRevisionType,
  ProposalTotalsType,
  ProposalType,
  ToolMixType,
} from '../schema/proposal/proposal.type';
import * as proposalReads from '../services/proposal.reads';
import * as proposals from '../services/proposal.service';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';

@Resolver(() => ProposalType)
export class ProposalResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => ProposalType, {
    nullable: true,
    description: 'A commercial offer by id; null when it does not exist or is not yours to see (a portal user never sees drafts).',
  })
  proposal(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the offer.' }) id: string) {
    return proposalReads.getProposal(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ProposalConnection, {
    description: 'Commercial offers of the agency (a portal user sees only those sent to its client), newest first by default.',
  })
  proposals(@Ctx() ctx: AuthedContext, @Args(() => ProposalsArgs) args: ProposalsArgs) {
    return proposalReads.listProposals(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => ProposalType, { description: 'Creates a commercial offer as a DRAFT, with its media plan.' })
  createProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => CreateProposalInput, { description: 'The operation input.' }) input: CreateProposalInput,
  ) {
    return proposals.createProposal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => UpdateProposalResult, {
    description: 'Changes a DRAFT offer (omitted fields stay; `lines` replaces the whole media plan). NOT_EDITABLE otherwise.',
  })
  updateProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => UpdateProposalInput, { description: 'The operation input.' }) input: UpdateProposalInput,
  ) {
    return proposals.updateProposal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => SendProposalResult, {
    description:
      'Sends a DRAFT offer to the client. Error results: EMPTY_MEDIA_PLAN, VALIDITY_PASSED, TOOL_MIX_OUT_OF_POLICY (mix outside tolerance without a justification), ILLEGAL_TRANSITION.',
  })
  sendProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => SendProposalInput, { description: 'The operation input.' }) input: SendProposalInput,
  ) {
    return proposals.sendProposal(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => AcceptProposalResult, {
    description: 'The client accepts a SENT offer (agency staff or the portal user of that client). ILLEGAL_TRANSITION otherwise, e.g. from EXPIRED.',
  })
  acceptProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => AcceptProposalInput, { description: 'The operation input.' }) input: AcceptProposalInput,
  ) {
    return proposals.acceptProposal(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => RejectProposalResult, {
    description: 'The client rejects a SENT offer with a reason and a note (agency staff or the portal user of that client).',
  })
  rejectProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => RejectProposalInput, { description: 'The operation input.' }) input: RejectProposalInput,
  ) {
    return proposals.rejectProposal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ReviseProposalResult, {
    description: 'Starts the next revision of a SENT, REJECTED or EXPIRED offer: the current one is kept in `revisions`, the offer is a DRAFT again.',
  })
  reviseProposal(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => ReviseProposalInput, { description: 'The operation input.' }) input: ReviseProposalInput,
  ) {
    return proposals.reviseProposal(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => ProposalStatus, {
    description: 'Status now; a SENT offer whose validity day is over (agency time zone) is EXPIRED.',
  })
  status(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalStatus(ctx, p);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'The client it is addressed to.' })
  client(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(p.clientId);
  }

  @PortalVisible()
  @FieldResolver(() => ProposalBlocksType, { description: 'The ten content blocks.' })
  blocks(@Root() p: Proposal) {
    return proposalReads.proposalBlocks(p);
  }

  @PortalVisible()
  @FieldResolver(() => [ProposalLineType], { description: 'The media plan, in order.' })
  lines(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalLines(ctx, p);
  }

  @PortalHidden()
  @FieldResolver(() => ToolMixType, {
    nullable: true,
    description: 'The 70/20/10 tool mix of the media plan against the agency tolerance; null when the plan is empty or has no budget.',
  })
  toolMix(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalToolMix(ctx, p);
  }

  @PortalVisible()
  @FieldResolver(() => ProposalTotalsType, { description: 'Totals of the media plan.' })
  totals(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalTotals(ctx, p);
  }

  @PortalHidden()
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the offer was sent with a tool mix outside the tolerance (agency-internal: null for portal users).',
  })
  mixJustification(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalMixJustification(ctx, p);
  }

  @PortalHidden()
  @FieldResolver(() => [ProposalRevisionType], {
    description: 'Previous revisions, oldest first, each with the date of the correction and its reason (empty for portal users).',
  })
  revisions(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return proposalReads.proposalRevisions(ctx, p);
  }
}
