import { randomUUID } from 'node:crypto';
import type { AuthedContext } from '../context';
import { Webhook, WebhookDelivery, WebhookDeliveryStatus } from '../entities/webhook.entity';
import { enqueueJob } from '../services/job.service';
import { asAgency, scoped } from '../services/scope';
import type { EventPayloads, WebhookEventType } from './event-types';

/** The kind of job that makes one attempt at a webhook delivery. */
export const DELIVER_WEBHOOK_JOB = 'webhook.deliver';

export interface DeliverWebhookPayload {
  deliveryId: string;
  /** the attempt number this round of retries began with (1, or the next one after a redelivery) */
  roundStart: number;
  /** the delivery's attempts when this job was sent: a job overtaken by another attempt (a redelivery) does nothing */
  after: number;
}

/**
 * Emits an event of the actor's agency from inside the business transaction that caused it: for
 * each active webhook subscribed to `type`, a delivery row and its `webhook.deliver` job are
 * written in that same transaction, so an event of a rolled-back change is never sent. Returns
 * the event's id (null when no webhook listens).
 */
export async function emitEvent<T extends WebhookEventType>(tx: AuthedContext, type: T, data: EventPayloads[T], now: Date = new Date()): Promise<string | null> {
  if (!tx.manager.queryRunner?.isTransactionActive) throw new Error('emitEvent is called inside the transaction of the change it reports');
  // a portal user's act of signing is the agency's event: its rows and jobs are written agency-side
  const agencySide = asAgency(tx);
  const hooks = await scoped(agencySide, Webhook).query('w').andWhere('w.active AND :type = ANY(w.events)', { type }).orderBy('w."createdAt"').getMany();
  if (hooks.length === 0) return null;
  const id = randomUUID();
  // the envelope names the agency so one receiver can serve several (not a tenant condition)
  const agencyId = tx.actor.agencyId;
  const body = JSON.stringify({ id, type, createdAt: now.toISOString(), agencyId, data });
  for (const hook of hooks) {
    const delivery = await scoped(agencySide, WebhookDelivery).insert({
      webhookId: hook.id,
      eventId: id,
      eventType: type,
      body,
      status: WebhookDeliveryStatus.PENDING,
      attempts: 0,
    });
    await enqueueJob<DeliverWebhookPayload>(agencySide, DELIVER_WEBHOOK_JOB, { deliveryId: delivery.id, roundStart: 1, after: 0 });
  }
  return id;
}
