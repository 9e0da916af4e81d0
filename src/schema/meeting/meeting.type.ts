import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { DateScalar } from '../common/scalars';

@ObjectType('MeetingActionItem', { description: 'An action item of a meeting protocol.' })
export class MeetingActionItemType {
  @Field(() => Int, { description: 'Position in the list, from 0 (what completeActionItem takes).' })
  index: number;

  @Field({ description: 'What is to be done.' })
  description: string;

  @Field(() => ID, { nullable: true, description: 'Responsible agency user, if any.' })
  ownerUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible contact person of the client, if any.' })
  ownerContactId: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due date.' })
  dueDate: string | null;

  @Field({ description: 'Whether it is done.' })
  done: boolean;
}

@ObjectType('Meeting', { description: 'A meeting with the client and its protocol (minutes). Internal to the agency.' })
export class MeetingType {
  @Field(() => ID, { description: 'Meeting id.' })
  id: string;

  @Field(() => ID, { description: 'The client met.' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The deal the meeting belongs to, if any.' })
  dealId: string | null;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'When the meeting starts.' })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the meeting ends.' })
  endsAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Where.' })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'Agenda.' })
  agenda: string | null;

  @Field(() => String, { nullable: true, description: 'What was discussed (protocol).' })
  discussion: string | null;

  @Field(() => [String], { description: 'Decisions taken (protocol).' })
  decisions: string[];

  @Field(() => [ID], { description: 'Ids of the agency users who took part.' })
  participantUserIds: string[];

  @Field(() => [ID], { description: 'Ids of the contact persons who took part.' })
  participantContactIds: string[];

  @Field(() => Date, { nullable: true, description: 'When the next meeting is planned.' })
  nextMeetingAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the protocol was sent to the client; null until then (a control point).' })
  protocolSentAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded the meeting.' })
  createdById: string | null;

  @Field({ description: 'When created.' })
  createdAt: Date;

  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}


@ObjectType('MeetingConnection', { description: 'A page of meetings, latest start first.' })
export class MeetingConnection extends Connection(MeetingType, 'Meeting') {}
