import type { NonEmptyArray } from 'type-graphql';
import { ActResolver } from './act.resolver';
import { AgencyImageResolver } from './agency-image.resolver';
import { AgencyResolver } from './agency.resolver';
import { AuthResolver } from './auth.resolver';
import { BriefResolver, BriefVersionResolver } from './brief.resolver';
import { CampaignResolver, ClientCampaignsResolver } from './campaign.resolver';
import { KpiMeasurementResolver } from './kpi-measurement.resolver';
import { KpiImportResolver } from './kpi-import.resolver';
import { CampaignKpiSeriesResolver, CampaignTotalsResolver, ClientKpiResolver, ProposalRealizedToolMixResolver } from './kpi-series.resolver';
import { KpiReportResolver } from './kpi-report.resolver';

import { CampaignOptimizationResolver, CampaignOptimizationsResolver } from './campaign-optimization.resolver';
import { ClientResolver } from './client.resolver';
import { ContactResolver } from './contact.resolver';
import { ContractTemplateResolver } from './contract-template.resolver';
import { ContractResolver } from './contract.resolver';
import { ControlPointResolver } from './control-point.resolver';
import { CreditNoteResolver, InvoiceCreditNotesResolver } from './credit-note.resolver';
import { DealResolver } from './deal.resolver';
import { DocumentResolver } from './document.resolver';
import { ErrorResultResolver } from './error-result.resolver';
import { FunnelResolver } from './funnel.resolver';
import { AnalyticsResolver } from './analytics.resolver';
import { UpsellResolver } from './upsell.resolver';
import { InteractionResolver } from './interaction.resolver';
import { InvoiceResolver } from './invoice.resolver';
import { JobResolver } from './job.resolver';
import { OutboundEmailResolver } from './outbound-email.resolver';
import { MeetingActionItemResolver, MeetingResolver } from './meeting.resolver';
import { ProposalResolver } from './proposal.resolver';
import { ReportResolver } from './report.resolver';
import { AgencyRequisitesResolver, RequisitesResolver } from './requisites.resolver';
import { SurveyResolver, SurveyResponseResolver } from './survey.resolver';
import { UserResolver } from './user.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from './webhook.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  AgencyResolver,
  RequisitesResolver,
  AgencyRequisitesResolver,
  AgencyImageResolver,
  UserResolver,
  ClientResolver,
  SurveyResolver,
  SurveyResponseResolver,
  ContactResolver,
  ControlPointResolver,
  InteractionResolver,
  InvoiceResolver,
  CreditNoteResolver,
  InvoiceCreditNotesResolver,
  BriefResolver,
  BriefVersionResolver,
  MeetingResolver,
  MeetingActionItemResolver,
  ProposalResolver,
  DealResolver,
  FunnelResolver,
  AnalyticsResolver,
  UpsellResolver,
  ContractResolver,
  ContractTemplateResolver,
  ActResolver,
  CampaignResolver,
  ClientCampaignsResolver,
  KpiMeasurementResolver,
  KpiImportResolver,
  CampaignKpiSeriesResolver,
  CampaignTotalsResolver,
  ClientKpiResolver,
  ProposalRealizedToolMixResolver,
  KpiReportResolver,

  CampaignOptimizationResolver,
  CampaignOptimizationsResolver,
  DocumentResolver,
  JobResolver,
  OutboundEmailResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  ReportResolver,
  ErrorResultResolver,
];
