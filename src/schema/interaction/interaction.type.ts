import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InteractionKind } from '../../entities/enums';
import { Connection } from '../common/connection';
import './interaction.enums';

@ObjectType('Interaction', { description: 'A touch with the client: a call, an email, a meeting, a message…' })
export class InteractionType {
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The contact person, if one.' })
  contactId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency user who had the contact.' })
  userId: string | null;

  @Field(() => InteractionKind, { description: 'Kind of touch.' })
  kind: InteractionKind;

  @Field({ description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes.' })
  durationMinutes: number | null;

  @Field({ description: 'What was discussed / agreed.' })
  summary: string;

  @Field({ description: 'When it was logged.' })
  createdAt: Date;
}

@ObjectType('InteractionConnection', { description: 'A page of interactions, newest first.' })
export class InteractionConnection extends Connection(InteractionType, 'Interaction') {}
