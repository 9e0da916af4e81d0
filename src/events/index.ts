/**
 * Outbound events: what happened in an agency, POSTed to the webhooks it registered.
 *   emit.ts           emitEvent(tx, type, data): inside the business transaction
 *   event-types.ts    the types and the `data` each carries
 *   delivery.ts       one attempt: sign, POST, log, retry or give up, disable a failing webhook
 *   signature.ts      the HMAC scheme, and how a receiver verifies it
 *   address.ts/http.ts where a webhook may point (SSRF guard), and the POST itself
 * The jobs (webhook.deliver, the hourly INVOICE_OVERDUE sweep) are registered in src/jobs/kinds.ts.
 */
export { emitEvent, DELIVER_WEBHOOK_JOB } from './emit';
export { WebhookEventType, type EventPayloads } from './event-types';
export { signWebhookBody, verifyWebhookSignature, newWebhookSecret, REPLAY_WINDOW_SECONDS } from './signature';
