import type { WebhookDeliveryStatus } from '../entities/webhook.entity';
import { registerJob } from '../jobs/registry';
import { attemptDelivery } from './delivery';
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookPayload } from './emit';

/**
 * One attempt at a webhook delivery. The queue does not retry it (retryLimit 0): the delivery
 * policy (which answers are retried, when, how many times) is the webhook's own (see delivery.ts),
 * and each retry is a new job not started before the delivery's nextRetryAt.
 */
export const deliverWebhookJob = registerJob<DeliverWebhookPayload, { status: WebhookDeliveryStatus; attempt?: number }>({
  kind: DELIVER_WEBHOOK_JOB,
  retryLimit: 0,
  // the POST times out after WEBHOOK_TIMEOUT_MS (at most 60 s); the rest is two short writes
  expireInSeconds: 120,
  run: ({ ctx, payload }) => attemptDelivery(ctx, payload),
});
