import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDeliveryStatus, WebhookEventType } from '../../entities/webhook.entity';
import { Connection } from '../common/connection';
import './webhook.enums';

@ObjectType('Webhook', {
  description:
    'An address your agency registered to be told about events. Each delivery is a POST of JSON { id, type, createdAt, agencyId, data } signed with the webhook\'s secret: X-Webhook-Signature = "sha256=" + hex HMAC-SHA256(secret, X-Webhook-Timestamp + "." + raw body).',
})
export class WebhookType {
  @Field(() => ID, { description: 'Webhook id.' })
  id: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url: string;

  @Field(() => [WebhookEventType], { description: 'The events it is sent.' })
  events: WebhookEventType[];

  @Field({ description: 'What it is for (may be empty).' })
  description: string;

  @Field({ description: 'Whether events are sent to it. A webhook that fails 20 times in a row is disabled; disabledReason says why.' })
  active: boolean;

  @Field(() => Int, { description: 'Failed attempts in a row (reset by a successful delivery or by enabling it again).' })
  consecutiveFailures: number;

  @Field(() => Date, { nullable: true, description: 'When it was disabled or paused (null while active).' })
  disabledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled automatically, with the last error (null when active or paused by hand).' })
  disabledReason: string | null;

  @Field({ description: 'When it was registered.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;
}

@ObjectType('WebhookSecret', { description: 'A webhook with its signing secret. The secret is shown only here: store it where your receiver reads it.' })
export class WebhookSecretType {
  @Field(() => WebhookType, { description: 'The webhook.' })
  webhook: WebhookType;

  @Field({ description: 'The signing secret (whsec_…). Rotating it with rotateWebhookSecret makes the old one stop working at once.' })
  secret: string;
}

@ObjectType('WebhookDeliveryAttempt', { description: 'One POST of a delivery.' })
export class WebhookDeliveryAttemptType {
  @Field(() => Int, { description: 'Attempt number, from 1.' })
  attempt: number;

  @Field({ description: 'When it was sent.' })
  startedAt: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status (null: no answer, e.g. refused connection or timeout)." })
  responseStatus: number | null;

  @Field(() => Int, { description: 'How long the receiver took, in milliseconds.' })
  responseMs: number;

  @Field(() => String, { nullable: true, description: "What went wrong: the network error, or the start of the receiver's answer (null on success)." })
  error: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event sent to one webhook, with every attempt.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Delivery id (sent as X-Webhook-Delivery).' })
  id: string;

  @Field(() => ID, { description: 'The webhook.' })
  webhookId: string;

  @Field(() => ID, { description: 'The event id: `id` of the body and X-Webhook-Id, the same on every attempt and redelivery; receivers use it to ignore repeats.' })
  eventId: string;

  @Field(() => WebhookEventType, { description: 'The event.' })
  eventType: WebhookEventType;

  @Field({ description: 'The JSON body sent on every attempt.' })
  body: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status on the last attempt (null: no answer, or no attempt yet)." })
  lastResponseStatus: number | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  lastResponseMs: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong on the last attempt.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (null: none planned).' })
  nextRetryAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver accepted it.' })
  deliveredAt: Date | null;

  @Field({ description: 'When the event happened.' })
  createdAt: Date;
}

@ObjectType('WebhookConnection', { description: "A page of your agency's webhooks, newest first." })
export class WebhookConnection extends Connection(WebhookType, 'Webhook') {}

@ObjectType('WebhookDeliveryConnection', { description: "A page of a webhook's deliveries, newest first." })
export class WebhookDeliveryConnection extends Connection(WebhookDeliveryType, 'WebhookDelivery') {}
