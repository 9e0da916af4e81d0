import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OutboundEmailStatus } from '../../entities/outbound-email.entity';
import { Connection } from '../common/connection';
import './outbound-email.enums';

@ObjectType('OutboundEmail', { description: 'An email the platform sends on behalf of your agency (e.g. a client-portal invitation).' })
export class OutboundEmailType {
  @Field(() => ID, { description: 'Email id.' })
  id: string;

  @Field({ description: 'Recipient address.' })
  to: string;

  @Field({ description: 'Subject line.' })
  subject: string;

  @Field({ description: 'Plain-text body.' })
  text: string;

  @Field(() => String, { nullable: true, description: 'HTML body, when there is one.' })
  html: string | null;

  @Field(() => OutboundEmailStatus, { description: 'What became of it.' })
  status: OutboundEmailStatus;

  @Field(() => Int, { description: 'Attempts at handing it to the mail server.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: "The mail server's answer to the last failed attempt." })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the mail server accepted it.' })
  sentAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What it is about: the type of the related record, e.g. "User".' })
  relatedType: string | null;

  @Field(() => ID, { nullable: true, description: 'What it is about: the id of the related record.' })
  relatedId: string | null;

  @Field({ description: 'When it was written.' })
  createdAt: Date;
}

@ObjectType('OutboundEmailConnection', { description: 'A page of the outbox, newest first.' })
export class OutboundEmailConnection extends Connection(OutboundEmailType, 'OutboundEmail') {}
