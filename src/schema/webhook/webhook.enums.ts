import { registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus, WebhookEventType } from '../../entities/webhook.entity';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook can be told about. The `data` of each is described with its value.',
  valuesConfig: {
    KPI_DEVIATION_OPENED: {
      description:
        'A KPI of a running campaign fell short of plan by the warning band or more over a period. data: deviationId, campaignId, campaignName, clientId, metric, periodStart, periodEnd, plan, actual, deviationPercent, severity (WARN or ACT).',
    },
    REPORT_PUBLISHED: { description: 'A periodic report was published to the client portal. data: reportId, clientId, audience, periodStart, periodEnd, publishedAt.' },
    SURVEY_LOW_SCORE: {
      description: 'A satisfaction survey was answered with a low score. data: surveyId, responseId, clientId, contactId, question (e.g. CSI_MANAGER, NPS, CES), score, comment.',
    },
    INVOICE_OVERDUE: {
      description:
        "An issued invoice was still unpaid when its due date passed (your agency's time zone); sent once per invoice, within the hour. data: invoiceId, number, clientId, dueDate, currency, total, balanceDue.",
    },
    ACT_SIGNED: { description: 'An act was signed, by the client in the portal or recorded by your staff. data: actId, number, clientId, contractId, signedOn, signedBy, currency, total.' },
    WEBHOOK_TEST: { description: 'Reserved for testing a receiver; nothing sends it yet. data: {}.' },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or for a retry (see nextRetryAt).' },
    DELIVERED: { description: 'The receiver answered with a 2xx status.' },
    FAILED: { description: 'No more attempts: the receiver answered 4xx (other than 429), every attempt of the round failed, or the webhook was disabled. It can be sent again with redeliverWebhook.' },
  },
});
