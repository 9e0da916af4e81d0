import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WebhookEventType } from '../../entities/webhook.entity';
import './webhook.enums';

@InputType({ description: 'A new webhook: where to POST which events.' })
export class CreateWebhookInput {
  @Field({
    description:
      'Where deliveries are POSTed: an absolute https URL (plain http only on development and test installations). It must be reachable on the public internet: private, local and reserved addresses are refused. No user name or password in it.',
  })
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEventType], { description: 'The events to send (at least one).' })
  @ArrayMaxSize(20)
  events: WebhookEventType[];

  @Field(() => String, { nullable: true, description: 'What the webhook is for, for your staff (up to 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook; what is not given stays.' })
export class UpdateWebhookInput {
  @Field(() => ID, { description: 'The webhook.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'A new URL (same rules as at creation).' })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The new set of events (at least one).' })
  @IsOptional()
  @ArrayMaxSize(20)
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses the webhook; true enables it again (also after it was disabled for failing) and clears its failure count.' })
  @IsOptional()
  active?: boolean | null;
}
