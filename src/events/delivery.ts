import type { AuthedContext } from '../context';
import { Webhook, WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryStatus } from '../entities/webhook.entity';
import { msg, render } from '../i18n';
import { enqueueJob } from '../services/job.service';
import { scoped, withTransaction } from '../services/scope';
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookPayload } from './emit';
import { postJson, type PostOutcome } from './http';
import { signWebhookBody } from './signature';

/**
 * Delivery policy: at most MAX_ATTEMPTS per round (the first POST and its retries; a redelivery
 * starts a new round). Retried: no answer (network error, timeout, refused address), 5xx and 429.
 * Not retried: any other answer outside 2xx (a 4xx says the receiver will not take it as is).
 * Delays: base × 3^(n−1) after the n-th attempt (base WEBHOOK_RETRY_BASE_SECONDS = 30 s: 30 s,
 * 1.5 min, 4.5 min, 13.5 min, 40.5 min, ~2 h, ~6 h: the last attempt ~9 h after the first).
 */
export const MAX_ATTEMPTS = 8;

/** After this many failed attempts in a row (any delivery), the webhook is disabled and says why. */
export const DISABLE_AFTER_FAILURES = 20;

/** Whether an outcome is worth another attempt. */
export function retryable(outcome: Pick<PostOutcome, 'status'>): boolean {
  return outcome.status === null || outcome.status >= 500 || outcome.status === 429;
}

/** Seconds to wait after the n-th attempt of a round. */
export function retryDelaySeconds(base: number, attemptInRound: number): number {
  return base * 3 ** (attemptInRound - 1);
}

const delivered = (o: PostOutcome) => o.status !== null && o.status >= 200 && o.status < 300;

/**
 * One attempt at a delivery (the `webhook.deliver` job): signs the stored body with the webhook's
 * current secret, POSTs it, logs the attempt, and either marks the delivery DELIVERED or FAILED
 * or schedules the next attempt; counts the webhook's failures in a row and disables it at the limit.
 */
export async function attemptDelivery(ctx: AuthedContext, payload: DeliverWebhookPayload, now: () => Date = () => new Date()): Promise<{ status: WebhookDeliveryStatus; attempt?: number }> {
  const delivery = await scoped(ctx, WebhookDelivery).findById(payload.deliveryId);
  if (!delivery) return { status: WebhookDeliveryStatus.FAILED };
  if (delivery.status !== WebhookDeliveryStatus.PENDING || delivery.attempts !== payload.after) return { status: delivery.status };
  const hook = await scoped(ctx, Webhook).query('w').addSelect('w.secret').andWhere('w.id = :id', { id: delivery.webhookId }).getOne();
  if (!hook?.active) {
    await scoped(ctx, WebhookDelivery).update(delivery, { status: WebhookDeliveryStatus.FAILED, nextRetryAt: null, lastError: render(ctx.locale, msg('webhooks.notActive')) });
    return { status: WebhookDeliveryStatus.FAILED };
  }

  const attempt = delivery.attempts + 1;
  const startedAt = now();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const outcome = await postJson(
    hook.url,
    delivery.body,
    {
      'X-Webhook-Id': delivery.eventId,
      'X-Webhook-Timestamp': String(timestamp),
      'X-Webhook-Signature': signWebhookBody(hook.secret, timestamp, delivery.body),
      'X-Webhook-Delivery': delivery.id,
      'X-Webhook-Attempt': String(attempt),
    },
    { timeoutMs: ctx.app.config.webhookTimeoutMs, publicOnly: ctx.app.config.nodeEnv === 'production' },
  );

  return withTransaction(ctx, async (tx) => {
    await scoped(tx, WebhookDeliveryAttempt).insert({
      deliveryId: delivery.id,
      attempt,
      responseStatus: outcome.status,
      responseMs: outcome.ms,
      error: outcome.error,
      startedAt,
    });
    const base = { attempts: attempt, lastResponseStatus: outcome.status, lastResponseMs: outcome.ms, lastError: outcome.error };
    const webhook = await scoped(tx, Webhook).findById(hook.id, { lock: true });
    if (delivered(outcome)) {
      await scoped(tx, WebhookDelivery).update(delivery, { ...base, status: WebhookDeliveryStatus.DELIVERED, nextRetryAt: null, deliveredAt: now() });
      if (webhook && webhook.consecutiveFailures > 0) await scoped(tx, Webhook).update(webhook, { consecutiveFailures: 0 });
      return { status: WebhookDeliveryStatus.DELIVERED, attempt };
    }

    const failures = (webhook?.consecutiveFailures ?? 0) + 1;
    const disable = webhook !== null && webhook.active && failures >= DISABLE_AFTER_FAILURES;
    if (webhook) {
      await scoped(tx, Webhook).update(
        webhook,
        disable
          ? {
              consecutiveFailures: failures,
              active: false,
              disabledAt: now(),
              disabledReason: render(tx.locale, msg('webhooks.disabledAfterFailures', { count: failures, error: outcome.error ?? `HTTP ${outcome.status}` })),
            }
          : { consecutiveFailures: failures },
      );
    }
    const inRound = attempt - payload.roundStart + 1;
    if (!disable && retryable(outcome) && inRound < MAX_ATTEMPTS) {
      const nextRetryAt = new Date(now().getTime() + retryDelaySeconds(tx.app.config.webhookRetryBaseSeconds, inRound) * 1000);
      await scoped(tx, WebhookDelivery).update(delivery, { ...base, status: WebhookDeliveryStatus.PENDING, nextRetryAt });
      await enqueueJob<DeliverWebhookPayload>(tx, DELIVER_WEBHOOK_JOB, { ...payload, after: attempt }, { startAfter: nextRetryAt });
      return { status: WebhookDeliveryStatus.PENDING, attempt };
    }
    await scoped(tx, WebhookDelivery).update(delivery, { ...base, status: WebhookDeliveryStatus.FAILED, nextRetryAt: null });
    return { status: WebhookDeliveryStatus.FAILED, attempt };
  });
}
