import type { RequestContext } from '../context';
import { ActLoaders, createActLoaders } from './act.loaders';
import { BriefLoaders, createBriefLoaders } from './brief.loaders';
import { CampaignLoaders, createCampaignLoaders } from './campaign.loaders';
import { CampaignOptimizationLoaders, createCampaignOptimizationLoaders } from './campaign-optimization.loaders';
import { ClientLoaders, createClientLoaders } from './client.loaders';
import { ContractLoaders, createContractLoaders } from './contract.loaders';
import { createCreditNoteLoaders, CreditNoteLoaders } from './credit-note.loaders';
import { createDealLoaders, DealLoaders } from './deal.loaders';
import { createInvoiceLoaders, InvoiceLoaders } from './invoice.loaders';
import { createJobLoaders, JobLoaders } from './job.loaders';
import { createKpiMeasurementLoaders, KpiMeasurementLoaders } from './kpi-measurement.loaders';
import { createKpiSeriesLoaders, KpiSeriesLoaders } from './kpi-series.loaders';
import { createProposalLoaders, ProposalLoaders } from './proposal.loaders';
import { createSurveyLoaders, SurveyLoaders } from './survey.loaders';
import { createUserLoaders, UserLoaders } from './user.loaders';
import { createWebhookLoaders, WebhookLoaders } from './webhook.loaders';

export { byId, childRowsOf, groupBy } from './loader-kit';

/**
 * Per-request batching loaders, one file per aggregate: a nested list never issues one query per
 * row. Every loader reads through the context it was created with; a transaction's derived
 * context gets its own set.
 */
export type Loaders = UserLoaders &
  ClientLoaders &
  BriefLoaders & ProposalLoaders & ContractLoaders & InvoiceLoaders & CreditNoteLoaders & ActLoaders & DealLoaders & CampaignLoaders & KpiMeasurementLoaders & KpiSeriesLoaders & CampaignOptimizationLoaders & JobLoaders & SurveyLoaders & WebhookLoaders;

export function createLoaders(ctx: RequestContext): Loaders {
  return {
    ...createUserLoaders(ctx),
    ...createClientLoaders(ctx),
    ...createBriefLoaders(ctx),
    ...createProposalLoaders(ctx),
    ...createContractLoaders(ctx),
    ...createInvoiceLoaders(ctx),
    ...createCreditNoteLoaders(ctx),
    ...createActLoaders(ctx),
    ...createDealLoaders(ctx),
    ...createCampaignLoaders(ctx),
    ...createKpiMeasurementLoaders(ctx),
    ...createKpiSeriesLoaders(ctx),
    ...createCampaignOptimizationLoaders(ctx),
    ...createJobLoaders(ctx),
    ...createSurveyLoaders(ctx),
    ...createWebhookLoaders(ctx),
  };
}
