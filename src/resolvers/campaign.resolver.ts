import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { Campaign, Client } from '../entities';
import { CampaignsArgs } from '../schema/campaign/campaign.args';
import {
  CheckLaunchItemInput,
  CreateCampaignChannelInput,
  CreateCampaignInput,
  CreateFollowUpCampaignInput,
  SetKpiTargetsInput,
  UncheckLaunchItemInput,
  UpdateCampaignChannelInput,
  UpdateCampaignInput,
} from '../schema/campaign/campaign.inputs';
import { CampaignResult } from '../schema/campaign/campaign.results';
import {
  CampaignChannelType,
  CampaignChecklistEntryType,
  CampaignConnection,
  CampaignKpiTargetType,
  CampaignType,
} from '../schema/campaign/campaign.type';
import { ClientType } from '../schema/client/client.type';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';
import { RowsAsRead } from '../schema/common/row-projection';
import * as campaignReads from '../services/campaign.reads';
import * as campaigns from '../services/campaign.service';

const ID_ARG = { description: 'Id of the campaign.' };

@Resolver(() => CampaignType)
export class CampaignResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => CampaignType, {
    nullable: true,
    description: 'A campaign by id; null when it does not exist or is not yours to see (a portal user sees launched, paused and completed campaigns of its client).',
  })
  campaign(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, ID_ARG) id: string) {
    return campaignReads.getCampaign(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => CampaignConnection, { description: 'Campaigns of the agency (a portal user: launched, paused and completed ones of its client), newest first.' })
  @RowsAsRead()
  campaigns(@Ctx() ctx: AuthedContext, @Args(() => CampaignsArgs) args: CampaignsArgs) {
    return campaignReads.listCampaigns(ctx, args);
  }

  @Authorized(STAFF)
  @Query(() => [CampaignChannelType], { description: 'The advertising channels of the agency, active or not (the usual ones are set up on first use).' })
  campaignChannels(@Ctx() ctx: AuthedContext) {
    return campaigns.listCampaignChannels(ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignChannelType, { description: 'Adds an advertising channel; BAD_USER_INPUT when the name is taken.' })
  createCampaignChannel(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateCampaignChannelInput, { description: 'The operation input.' }) input: CreateCampaignChannelInput) {
    return campaigns.createCampaignChannel(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignChannelType, { description: 'Renames, recategorizes, deactivates or reactivates a channel.' })
  updateCampaignChannel(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateCampaignChannelInput, { description: 'The operation input.' }) input: UpdateCampaignChannelInput) {
    return campaigns.updateCampaignChannel(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignType, { description: 'Creates a PLANNED campaign. Proposal and contract, when given, must be the same client\'s.' })
  createCampaign(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateCampaignInput, { description: 'The operation input.' }) input: CreateCampaignInput) {
    return campaigns.createCampaign(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'Changes a campaign. A new strategy after the launch is CAMPAIGN_GOALS_FROZEN.' })
  updateCampaign(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateCampaignInput, { description: 'The operation input.' }) input: UpdateCampaignInput) {
    return campaigns.updateCampaign(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'Replaces the KPI targets of a PLANNED campaign; CAMPAIGN_GOALS_FROZEN once it was launched.' })
  setKpiTargets(@Ctx() ctx: AuthedContext, @Arg('input', () => SetKpiTargetsInput, { description: 'The operation input.' }) input: SetKpiTargetsInput) {
    return campaigns.setKpiTargets(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignType, { description: 'Marks a launch checklist item as done (again: the new comment and time replace the old).' })
  checkLaunchItem(@Ctx() ctx: AuthedContext, @Arg('input', () => CheckLaunchItemInput, { description: 'The operation input.' }) input: CheckLaunchItemInput) {
    return campaigns.checkLaunchItem(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignType, { description: 'Marks a launch checklist item as not done.' })
  uncheckLaunchItem(@Ctx() ctx: AuthedContext, @Arg('input', () => UncheckLaunchItemInput, { description: 'The operation input.' }) input: UncheckLaunchItemInput) {
    return campaigns.uncheckLaunchItem(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'PLANNED → LAUNCHED once the whole launch checklist is done (LAUNCH_CHECKLIST_INCOMPLETE otherwise).' })
  launchCampaign(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, ID_ARG) id: string) {
    return campaigns.launchCampaign(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'LAUNCHED → PAUSED.' })
  pauseCampaign(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, ID_ARG) id: string) {
    return campaigns.pauseCampaign(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'PAUSED → LAUNCHED.' })
  resumeCampaign(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, ID_ARG) id: string) {
    return campaigns.resumeCampaign(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'LAUNCHED or PAUSED → COMPLETED.' })
  completeCampaign(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, ID_ARG) id: string) {
    return campaigns.completeCampaign(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, { description: 'PLANNED, LAUNCHED or PAUSED → CANCELLED, with the reason.' })
  cancelCampaign(
    @Ctx() ctx: AuthedContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why it is dropped.' }) reason: string,
  ) {
    return campaigns.cancelCampaign(ctx, id, reason);
  }

  @Authorized(STAFF)
  @Mutation(() => CampaignResult, {
    description: 'The goals of a campaign that ran changed: a new PLANNED campaign replaces it (followUpOf), and a LAUNCHED or PAUSED original is COMPLETED.',
  })
  createFollowUpCampaign(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => CreateFollowUpCampaignInput, { description: 'The operation input.' }) input: CreateFollowUpCampaignInput,
  ) {
    return campaigns.createFollowUpCampaign(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'The client.' })
  @RowsAsRead('clientId')
  client(@Root() c: Campaign, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(c.clientId);
  }

  @PortalHidden()
  @FieldResolver(() => CampaignChannelType, { nullable: true, description: 'The channel.' })
  @RowsAsRead('channelId')
  channel(@Root() c: Campaign, @Ctx() ctx: AuthedContext) {
    return campaignReads.campaignChannel(ctx, c);
  }

  @PortalVisible()
  @FieldResolver(() => [CampaignChecklistEntryType], { description: 'The launch checklist, every item in order, checked or not.' })
  checklist(@Root() c: Campaign, @Ctx() ctx: AuthedContext) {
    return campaignReads.campaignChecklist(ctx, c);
  }

  @PortalVisible()
  @FieldResolver(() => [CampaignKpiTargetType], { description: 'The KPI targets, in the order given.' })
  kpiTargets(@Root() c: Campaign, @Ctx() ctx: AuthedContext) {
    return campaignReads.campaignKpiTargets(ctx, c);
  }
}

@Resolver(() => ClientType)
export class ClientCampaignsResolver {
  @PortalVisible()
  @FieldResolver(() => [CampaignType], { description: 'Campaigns of the client, newest first (the portal sees launched, paused and completed ones).' })
  @RowsAsRead('id')
  campaigns(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return campaignReads.clientCampaigns(ctx, client.id);
  }
}
