import { IsEnum, IsInt, IsISO8601, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { InteractionKind } from '../../entities/enums';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'Logs a touch with the client; optionally plans the next contact at once.' })
export class LogInteractionInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The contact person (of that client).' })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId?: string | null;

  @Field(() => InteractionKind, { description: 'Kind of touch.' })
  @IsEnum(InteractionKind)
  kind: InteractionKind;

  @Field(() => Date, { nullable: true, description: 'When it happened; now by default. Not in the future.' })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes (0–1440).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number | null;

  @Field({ description: 'What was discussed / agreed (1–5000 characters).' })
  @Length(1, 5000)
  summary: string;

  @Field(() => DateScalar, { nullable: true, description: 'Plans the next contact: its date.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'nextContactOn must be a date YYYY-MM-DD' })
  nextContactOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Plans the next contact: its goal.' })
  @IsOptional()
  @Length(1, 500)
  nextContactGoal?: string | null;

  @Field(() => String, { nullable: true, description: 'Plans the next contact: the product to discuss.' })
  @IsOptional()
  @Length(1, 200)
  nextContactProduct?: string | null;
}

@InputType({ description: 'Which interactions to list.' })
export class InteractionFilter {
  @Field(() => ID, { nullable: true, description: 'Only with this client.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only with this contact person.' })
  @IsOptional()
  @IsUUID('all')
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only by this agency user.' })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @Field(() => [InteractionKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(InteractionKind, { each: true })
  kinds?: InteractionKind[] | null;
}
