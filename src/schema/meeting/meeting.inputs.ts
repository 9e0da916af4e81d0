import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars';

@InputType('MeetingActionItemInput', { description: 'An action item of the protocol: what, who, by when.' })
export class MeetingActionItemInput {
  @Field(() => String, { description: 'What is to be done, 1–1000 characters.' })
  @Length(1, 1000)
  description: string;

  @Field(() => ID, { nullable: true, description: 'Responsible agency user (give this or ownerContactId, not both).' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerUserId must be a valid id' })
  ownerUserId?: string | null;

  @Field(() => ID, { nullable: true, description: "Responsible contact person of the meeting's client." })
  @IsOptional()
  @IsUUID('all', { message: 'ownerContactId must be a valid id' })
  ownerContactId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due date; an open item with a due date is a control point.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Already done (default false).' })
  @IsOptional()
  @IsBoolean()
  done?: boolean | null;
}

/** Fields shared by create and update; every one optional here. */
@InputType('MeetingFieldsBase', { description: 'Shared fields (never exposed).' })
export abstract class MeetingFields {
  @Field(() => Date, { nullable: true, description: 'When the meeting ends (not before startsAt).' })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Where (address, room or video link).' })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => ID, { nullable: true, description: "The deal the meeting belongs to (a deal of the meeting's client)." })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => String, { nullable: true, description: 'Agenda.' })
  @IsOptional()
  @MaxLength(20_000)
  agenda?: string | null;

  @Field(() => String, { nullable: true, description: 'What was discussed (protocol), up to 50 000 characters.' })
  @IsOptional()
  @MaxLength(50_000)
  discussion?: string | null;

  @Field(() => [String], { nullable: true, description: 'Decisions taken, in order (protocol); at most 100.' })
  @IsOptional()
  @Length(1, 2000, { each: true })
  @ArrayMaxSize(100)
  decisions?: string[] | null;

  @Field(() => [MeetingActionItemInput], { nullable: true, description: 'Action items (protocol); the whole list is replaced; at most 100.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(100)
  actionItems?: MeetingActionItemInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Agency users who took part.' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'each of participantUserIds must be a valid id' })
  @ArrayUnique({ message: 'participantUserIds must not repeat' })
  @ArrayMaxSize(100)
  participantUserIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Contact persons of the meeting's client who took part." })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'each of participantContactIds must be a valid id' })
  @ArrayUnique({ message: 'participantContactIds must not repeat' })
  @ArrayMaxSize(100)
  participantContactIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the next meeting is planned (after startsAt).' })
  @IsOptional()
  @IsDate()
  nextMeetingAt?: Date | null;
}

@InputType({ description: 'A new meeting with the client, with its protocol so far.' })
export class CreateMeetingInput extends MeetingFields {
  @Field(() => ID, { description: 'The client met.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => String, { description: 'Title, 1–200 characters.' })
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  title: string;

  @Field(() => Date, { description: 'When the meeting starts.' })
  @IsDate()
  startsAt: Date;
}

@InputType({ description: 'Changes to a meeting; omitted fields stay, null clears an optional field (lists become empty).' })
export class UpdateMeetingInput extends MeetingFields {
  @Field(() => ID, { description: 'The meeting to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Title, 1–200 characters (cannot be cleared).' })
  @IsOptional()
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  title?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the meeting starts (cannot be cleared).' })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;
}

@InputType({ description: 'Records that the meeting protocol was sent to the client.' })
export class MarkProtocolSentInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => Date, { nullable: true, description: 'When it was sent; now by default. Not in the future, not before the meeting started.' })
  @IsOptional()
  @IsDate()
  sentAt?: Date | null;
}

@InputType({ description: 'Marks one action item of a meeting protocol as done.' })
export class CompleteActionItemInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID('all', { message: 'meetingId must be a valid id' })
  meetingId: string;

  @Field(() => Int, { description: 'Position of the item in Meeting.actionItems (MeetingActionItem.index), from 0.' })
  @IsInt()
  @Min(0)
  index: number;
}

@InputType({ description: 'Which meetings to list.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'Only meetings with this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those whose protocol was sent; false: only those not sent yet.' })
  @IsOptional()
  @IsBoolean()
  protocolSent?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Only meetings starting at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only meetings starting at or before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

