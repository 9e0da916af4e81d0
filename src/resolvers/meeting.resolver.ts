import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Meeting } from '../entities';
import { ClientType } from '../schema/client/client.type';
import { DateScalar } from '../schema/common/scalars';
import { ContactType } from '../schema/contact/contact.type';
import {
  CompleteActionItemInput,
  CreateMeetingInput,
  MarkProtocolSentInput,
  UpdateMeetingInput,
} from '../schema/meeting/meeting.inputs';
import { MeetingsArgs } from '../schema/meeting/meeting.args';
import { MarkProtocolSentResult } from '../schema/meeting/meeting.results';
import { MeetingActionItemType, MeetingConnection, MeetingType } from '../schema/meeting/meeting.type';
import { UserType } from '../schema/user/user.type';
import * as meetings from '../services/meeting.service';
import type { ActionItemView } from '../services/meeting.service';
import { PortalHidden } from '../schema/common/visibility';

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Authorized()
  @PortalHidden()
  @Query(() => MeetingType, { nullable: true, description: 'A meeting by id; null when it does not exist or is not yours to see (portal users never see meetings).' })
  meeting(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return meetings.getMeeting(ctx, id);
  }

  @Authorized()
  @PortalHidden()
  @Query(() => MeetingConnection, { description: 'Meetings of the agency, latest start first (empty for portal users).' })
  meetings(@Ctx() ctx: AuthedContext, @Args(() => MeetingsArgs) args: MeetingsArgs) {
    return meetings.listMeetings(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => MeetingType, { description: 'Records a meeting with a client, with its protocol (decisions, action items, participants).' })
  createMeeting(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateMeetingInput, { description: 'The operation input.' }) input: CreateMeetingInput) {
    return meetings.createMeeting(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => MeetingType, { description: 'Changes a meeting; omitted fields stay as they are, given lists replace the stored ones.' })
  updateMeeting(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateMeetingInput, { description: 'The operation input.' }) input: UpdateMeetingInput) {
    return meetings.updateMeeting(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => MarkProtocolSentResult, {
    description: 'Records that the protocol was sent to the client. Idempotent (the first date stays). MeetingNotHeldError for a meeting that has not started.',
  })
  markProtocolSent(@Ctx() ctx: AuthedContext, @Arg('input', () => MarkProtocolSentInput, { description: 'The operation input.' }) input: MarkProtocolSentInput) {
    return meetings.markProtocolSent(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => MeetingType, { description: 'Marks one action item of the protocol as done. Idempotent.' })
  completeActionItem(@Ctx() ctx: AuthedContext, @Arg('input', () => CompleteActionItemInput, { description: 'The operation input.' }) input: CompleteActionItemInput) {
    return meetings.completeActionItem(ctx, input);
  }

  @FieldResolver(() => ClientType, { nullable: true, description: 'The client met.' })
  client(@Root() meeting: Meeting, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(meeting.clientId);
  }

  @FieldResolver(() => [MeetingActionItemType], { description: 'Action items of the protocol, in order.' })
  actionItems(@Root() meeting: Meeting) {
    return meetings.actionItemViews(meeting);
  }

  @FieldResolver(() => [UserType], { description: 'The agency users who took part (batched).' })
  participantUsers(@Root() meeting: Meeting, @Ctx() ctx: AuthedContext) {
    return meetings.participantUsers(ctx, meeting);
  }

  @FieldResolver(() => [ContactType], { description: 'The contact persons who took part (batched).' })
  participantContacts(@Root() meeting: Meeting, @Ctx() ctx: AuthedContext) {
    return meetings.participantContacts(ctx, meeting);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the protocol has been sent.' })
  protocolSent(@Root() meeting: Meeting) {
    return meeting.protocolSentAt != null;
  }

  @FieldResolver(() => DateScalar, { description: "Date the protocol is due: the meeting's local date (agency time zone) + the agency's protocolDueDays." })
  protocolDueOn(@Root() meeting: Meeting, @Ctx() ctx: AuthedContext) {
    return meetings.protocolDueOn(ctx, meeting);
  }

  @FieldResolver(() => Boolean, { description: 'Not sent and the due date is over in the agency time zone.' })
  protocolOverdue(@Root() meeting: Meeting, @Ctx() ctx: AuthedContext) {
    return meetings.protocolOverdue(ctx, meeting);
  }
}

@Resolver(() => MeetingActionItemType)
export class MeetingActionItemResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'The agency user who owns the item.' })
  ownerUser(@Root() item: ActionItemView, @Ctx() ctx: AuthedContext) {
    return item.ownerUserId ? ctx.loaders.userById.load(item.ownerUserId) : null;
  }

  @FieldResolver(() => ContactType, { nullable: true, description: 'The client contact who owns the item.' })
  ownerContact(@Root() item: ActionItemView, @Ctx() ctx: AuthedContext) {
    return item.ownerContactId ? ctx.loaders.contactById.load(item.ownerContactId) : null;
  }
}
