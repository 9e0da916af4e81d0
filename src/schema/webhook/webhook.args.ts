import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { WebhookDeliveryStatus } from '../../entities/webhook.entity';
import { PageArgs } from '../common/connection';
import './webhook.enums';

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The webhook whose deliveries to list.' })
  @IsUUID('all', { message: 'webhookId must be a valid id' })
  webhookId: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  @IsOptional()
  status?: WebhookDeliveryStatus | null;
}
