import { lookup } from 'node:dns/promises';
import type { AuthedContext } from '../context';
import { Webhook, WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryStatus, WebhookEventType } from '../entities/webhook.entity';
import { BadUserInputError, ConflictError } from '../errors';
import { msg } from '../i18n';
import { isPrivateAddress, webhookUrlProblem } from '../events/address';
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookPayload } from '../events/emit';
import { newWebhookSecret } from '../events/signature';
import type { ConnectionResult, PageArgs } from '../schema/common/connection';
import type { CreateWebhookInput, UpdateWebhookInput } from '../schema/webhook/webhook.inputs';
import type { WebhookDeliveriesArgs } from '../schema/webhook/webhook.args';
import { enqueueJob } from './job.service';
import { paginate } from './pagination';
import { scoped, withTransaction } from './scope';

/** A webhook with its signing secret: only what createWebhook and rotateWebhookSecret answer. */
export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

/**
 * Where a webhook may point: an absolute http(s) URL; in production https only, and a host that is
 * not (and does not resolve to) a private, loopback, link-local or reserved address.
 */
async function checkedUrl(ctx: AuthedContext, raw: string, path: string): Promise<string> {
  const url = raw.trim();
  const strict = ctx.app.config.nodeEnv === 'production';
  const problem = webhookUrlProblem(url, strict);
  if (problem) throw new BadUserInputError([{ path, message: msg(`validation.webhookUrl.${problem}`) }]);
  if (strict) {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      throw new BadUserInputError([{ path, message: msg('validation.webhookUrl.UNRESOLVED') }]);
    }
    if (addresses.some((a) => isPrivateAddress(a.address))) throw new BadUserInputError([{ path, message: msg('validation.webhookUrl.PRIVATE_ADDRESS') }]);
  }
  return url;
}

function checkedEvents(events: WebhookEventType[], path: string): WebhookEventType[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) throw new BadUserInputError([{ path, message: msg('validation.webhookEvents') }]);
  return unique;
}

/** Registers a webhook; the answer carries its signing secret, shown this once. */
export async function createWebhook(ctx: AuthedContext, input: CreateWebhookInput): Promise<WebhookWithSecret> {
  const url = await checkedUrl(ctx, input.url, 'input.url');
  const events = checkedEvents(input.events, 'input.events');
  const secret = newWebhookSecret();
  const webhook = await withTransaction(ctx, (tx) =>
    scoped(tx, Webhook).insert({ url, events, description: input.description?.trim() ?? '', secret, active: true, consecutiveFailures: 0, createdById: tx.actor.userId }),
  );
  delete (webhook as Partial<Webhook>).secret;
  return { webhook, secret };
}

/** Changes a webhook's URL, events, description or state; enabling a disabled one clears its failures. */
export async function updateWebhook(ctx: AuthedContext, input: UpdateWebhookInput): Promise<Webhook> {
  const url = input.url != null ? await checkedUrl(ctx, input.url, 'input.url') : undefined;
  const events = input.events != null ? checkedEvents(input.events, 'input.events') : undefined;
  return withTransaction(ctx, async (tx) => {
    const webhook = await scoped(tx, Webhook).getById(input.id, 'input.id', { lock: true });
    const patch: Partial<Webhook> = {};
    if (url !== undefined) patch.url = url;
    if (events !== undefined) patch.events = events;
    if (input.description != null) patch.description = input.description.trim();
    if (input.active === true && !webhook.active) Object.assign(patch, { active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    if (input.active === false && webhook.active) Object.assign(patch, { active: false, disabledAt: new Date(), disabledReason: null });
    return Object.keys(patch).length ? scoped(tx, Webhook).update(webhook, patch as never) : webhook;
  });
}

/** Deletes a webhook with its delivery log; deliveries still waiting are dropped with it. */
export async function deleteWebhook(ctx: AuthedContext, id: string): Promise<string> {
  return withTransaction(ctx, async (tx) => {
    const webhook = await scoped(tx, Webhook).getById(id, 'id', { lock: true });
    // the delivery rows and their attempts go by ON DELETE CASCADE; a queued job then finds nothing
    await tx.manager.getRepository(Webhook).delete({ id: webhook.id });
    return webhook.id;
  });
}

/** A new signing secret, effective for the next attempt; the old one stops working at once. */
export async function rotateWebhookSecret(ctx: AuthedContext, id: string): Promise<WebhookWithSecret> {
  const secret = newWebhookSecret();
  const webhook = await withTransaction(ctx, async (tx) => {
    const row = await scoped(tx, Webhook).getById(id, 'id', { lock: true });
    return scoped(tx, Webhook).update(row, { secret });
  });
  delete (webhook as Partial<Webhook>).secret;
  return { webhook, secret };
}

/** The agency's webhooks, newest first. */
export function listWebhooks(ctx: AuthedContext, args: PageArgs): Promise<ConnectionResult<Webhook>> {
  return paginate(scoped(ctx, Webhook).query('w'), args, { column: 'w."createdAt"', value: (w) => w.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/** A webhook's delivery log, newest first (NOT_FOUND for a webhook that is not the agency's). */
export async function listDeliveries(ctx: AuthedContext, args: WebhookDeliveriesArgs): Promise<ConnectionResult<WebhookDelivery>> {
  const webhook = await scoped(ctx, Webhook).getById(args.webhookId, 'webhookId');
  const qb = scoped(ctx, WebhookDelivery).query('d').andWhere('d."webhookId" = :webhookId', { webhookId: webhook.id });
  if (args.status) qb.andWhere('d.status = :status', { status: args.status });
  return paginate(qb, args, { column: 'd."createdAt"', value: (d) => d.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/**
 * Sends a delivery again, the same body (same event id) with a fresh signature: a new round of
 * attempts begins now. A delivery still waiting for a retry is sent now instead.
 */
export async function redeliverWebhook(ctx: AuthedContext, deliveryId: string): Promise<WebhookDelivery> {
  return withTransaction(ctx, async (tx) => {
    const delivery = await scoped(tx, WebhookDelivery).getById(deliveryId, 'deliveryId', { lock: true });
    const webhook = await scoped(tx, Webhook).getById(delivery.webhookId, 'deliveryId');
    if (!webhook.active) throw new ConflictError('WEBHOOK_DISABLED', msg('webhooks.disabled'), 'deliveryId');
    const updated = await scoped(tx, WebhookDelivery).update(delivery, { status: WebhookDeliveryStatus.PENDING, nextRetryAt: null });
    await enqueueJob<DeliverWebhookPayload>(tx, DELIVER_WEBHOOK_JOB, { deliveryId: delivery.id, roundStart: delivery.attempts + 1, after: delivery.attempts });
    return updated;
  });
}

/** The attempts of a delivery, first to last (batched per request). */
export function deliveryAttempts(ctx: AuthedContext, delivery: WebhookDelivery): Promise<WebhookDeliveryAttempt[]> {
  return ctx.loaders.webhookDeliveryAttempts.load(delivery.id);
}
