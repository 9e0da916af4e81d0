import { WebhookEventType } from '../entities/webhook.entity';

export { WebhookEventType };

/**
 * The `data` of each event type, as receivers get it (every id a UUID, money a decimal string,
 * dates 'YYYY-MM-DD', instants ISO-8601 UTC). Adding a field is compatible; renaming one is not.
 */
export interface EventPayloads {
  /** a KPI of a running campaign fell short of plan by the warn band or more over a period */
  [WebhookEventType.KPI_DEVIATION_OPENED]: {
    deviationId: string;
    campaignId: string;
    campaignName: string;
    clientId: string;
    metric: string;
    periodStart: string;
    periodEnd: string;
    plan: string;
    actual: string;
    deviationPercent: string | null;
    severity: string;
  };
  /** a periodic report was published to the client portal (emitted by the reports module) */
  [WebhookEventType.REPORT_PUBLISHED]: {
    reportId: string;
    clientId: string;
    audience: string;
    periodStart: string;
    periodEnd: string;
    publishedAt: string;
  };
  /** a survey answer scored low (emitted by the surveys module; the lowest score and what it was for) */
  [WebhookEventType.SURVEY_LOW_SCORE]: {
    surveyId: string;
    responseId: string;
    clientId: string;
    contactId: string | null;
    /** e.g. CSI_MANAGER, NPS, CES */
    question: string;
    score: number;
    comment: string | null;
  };
  /** an issued invoice was still unpaid when its due date passed in the agency's time zone (once per invoice) */
  [WebhookEventType.INVOICE_OVERDUE]: {
    invoiceId: string;
    number: string | null;
    clientId: string;
    dueDate: string;
    currency: string;
    total: string;
    balanceDue: string;
  };
  /** an act was signed (by the client in the portal, or recorded by staff) */
  [WebhookEventType.ACT_SIGNED]: {
    actId: string;
    number: string | null;
    clientId: string;
    contractId: string | null;
    signedOn: string;
    signedBy: string | null;
    currency: string;
    total: string;
  };
  /** sent by nothing yet: reserved for a receiver's own tests */
  [WebhookEventType.WEBHOOK_TEST]: Record<string, never>;
}
