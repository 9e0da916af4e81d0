import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthedContext } from '../context';
import { UserRole } from '../entities/enums';
import type { WebhookDelivery } from '../entities/webhook.entity';
import { PageArgs } from '../schema/common/connection';
import { WebhookDeliveriesArgs } from '../schema/webhook/webhook.args';
import { CreateWebhookInput, UpdateWebhookInput } from '../schema/webhook/webhook.inputs';
import {
  WebhookConnection,
  WebhookDeliveryAttemptType,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookSecretType,
  WebhookType,
} from '../schema/webhook/webhook.type';
import * as webhooks from '../services/webhook.service';

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Authorized(UserRole.OWNER)
  @Query(() => WebhookConnection, { description: "Your agency's webhooks, newest first (owner only)." })
  webhooks(@Ctx() ctx: AuthedContext, @Args(() => PageArgs) args: PageArgs) {
    return webhooks.listWebhooks(ctx, args);
  }

  @Authorized(UserRole.OWNER)
  @Query(() => WebhookDeliveryConnection, { description: "A webhook's delivery log, newest first: each event with its attempts, answers and next retry (owner only)." })
  webhookDeliveries(@Ctx() ctx: AuthedContext, @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs) {
    return webhooks.listDeliveries(ctx, args);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => WebhookSecretType, { description: 'Registers a webhook. The answer holds its signing secret, shown only this once (owner only).' })
  createWebhook(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateWebhookInput, { description: 'Where and what.' }) input: CreateWebhookInput) {
    return webhooks.createWebhook(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => WebhookType, { description: 'Changes a webhook, pauses it or enables it again (owner only).' })
  updateWebhook(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateWebhookInput, { description: 'The changes.' }) input: UpdateWebhookInput) {
    return webhooks.updateWebhook(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => ID, { description: 'Deletes a webhook and its delivery log; deliveries still waiting are not sent. Answers the id (owner only).' })
  deleteWebhook(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The webhook.' }) id: string) {
    return webhooks.deleteWebhook(ctx, id);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => WebhookSecretType, { description: 'Gives a webhook a new signing secret, shown only in this answer; the old one stops working at once (owner only).' })
  rotateWebhookSecret(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The webhook.' }) id: string) {
    return webhooks.rotateWebhookSecret(ctx, id);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => WebhookDeliveryType, {
    description: 'Sends a delivery again now: the same body and event id, a fresh signature and a new round of retries. CONFLICT (WEBHOOK_DISABLED) while the webhook is disabled (owner only).',
  })
  redeliverWebhook(@Ctx() ctx: AuthedContext, @Arg('deliveryId', () => ID, { description: 'The delivery.' }) deliveryId: string) {
    return webhooks.redeliverWebhook(ctx, deliveryId);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookDeliveryAttemptType], { description: 'Every attempt, first to last.' })
  attemptLog(@Ctx() ctx: AuthedContext, @Root() delivery: WebhookDelivery) {
    return webhooks.deliveryAttempts(ctx, delivery);
  }
}
