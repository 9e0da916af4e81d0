import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { WebhookDeliveryAttempt } from '../entities/webhook.entity';
import { childRows } from './loader-kit';

export interface WebhookLoaders {
  /** the attempts of each delivery, first to last */
  webhookDeliveryAttempts: DataLoader<string, WebhookDeliveryAttempt[]>;
}

export function createWebhookLoaders(ctx: RequestContext): WebhookLoaders {
  return {
    webhookDeliveryAttempts: childRows(ctx, WebhookDeliveryAttempt, 'deliveryId', ['attempt']),
  };
}
