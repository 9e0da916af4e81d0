import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';

/** What an agency can subscribe a webhook to (see src/events/event-types.ts for each payload). */
export enum WebhookEventType {
  KPI_DEVIATION_OPENED = 'KPI_DEVIATION_OPENED',
  REPORT_PUBLISHED = 'REPORT_PUBLISHED',
  SURVEY_LOW_SCORE = 'SURVEY_LOW_SCORE',
  INVOICE_OVERDUE = 'INVOICE_OVERDUE',
  ACT_SIGNED = 'ACT_SIGNED',
  /** sent only on demand (pingWebhook is not part of the API yet): reserved for receivers' tests */
  WEBHOOK_TEST = 'WEBHOOK_TEST',
}

export enum WebhookDeliveryStatus {
  /** waiting for its first attempt or for a retry (nextRetryAt) */
  PENDING = 'PENDING',
  /** the receiver answered 2xx */
  DELIVERED = 'DELIVERED',
  /** no more attempts: a 4xx other than 429, the attempts ran out, or the webhook was disabled or deleted */
  FAILED = 'FAILED',
}

/**
 * An agency's subscription: where to POST which events. The secret signs every delivery
 * (HMAC-SHA256); it is kept as given because signing needs it, and shown only once.
 */
@Entity('webhooks')
export class Webhook extends TenantOwned {
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type', array: true })
  events: WebhookEventType[];

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** failed attempts in a row (any delivery); reset by a 2xx */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/** One event for one webhook: the body is fixed at emission; attempts are logged beside it. */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_newest', ['agencyId', 'webhookId', 'createdAt', 'id'])
export class WebhookDelivery extends TenantOwned {
  @Column('uuid')
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhookId' })
  webhook?: Webhook;

  /** the event's id (the `id` of the body): the same for every webhook the event went to */
  @Column('uuid')
  eventId: string;

  @Column({ type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type' })
  eventType: WebhookEventType;

  /** the exact JSON body sent on every attempt */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'smallint', nullable: true })
  lastResponseStatus: number | null;

  @Column({ type: 'integer', nullable: true })
  lastResponseMs: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextRetryAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;
}

/** One POST of a delivery, as it went. */
@Entity('webhook_delivery_attempts')
@Index('webhook_delivery_attempts_of', ['agencyId', 'deliveryId', 'attempt'])
export class WebhookDeliveryAttempt extends TenantOwned {
  @Column('uuid')
  deliveryId: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deliveryId' })
  delivery?: WebhookDelivery;

  @Column({ type: 'smallint' })
  attempt: number;

  @Column({ type: 'smallint', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'integer' })
  responseMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  startedAt: Date;
}
