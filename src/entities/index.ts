import { AcquisitionCost } from './acquisition-cost.entity';
import { Act, ActLine } from './act.entity';
import { ChannelCompetition } from './channel-competition.entity';
import { AgencyImage } from './agency-image.entity';
import { Agency } from './agency.entity';
import { Brief, BriefVersion } from './brief.entity';
import { Campaign, CampaignChannel, CampaignChecklistItem, CampaignKpiTarget } from './campaign.entity';
import { KpiImport } from './kpi-import.entity';
import { KpiDeviation, KpiMeasurement, KpiMeasurementMonth } from './kpi-measurement.entity';
import { CampaignOptimization } from './campaign-optimization.entity';
import { ClientStageChange } from './client-stage-change.entity';
import { Client } from './client.entity';
import { Contact } from './contact.entity';
import { ContractTemplate } from './contract-template.entity';
import { Contract, ContractApproval, ContractPaymentItem } from './contract.entity';
import { CreditNote, CreditNoteLine } from './credit-note.entity';
import { Deal, DealDeviation, DealStageChange } from './deal.entity';
import { DocumentCounter } from './document-counter.entity';
import { GeneratedDocument } from './document.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Interaction } from './interaction.entity';
import { Job } from './job.entity';
import { OutboundEmail } from './outbound-email.entity';
import { Survey, SurveyAnswer, SurveyInvitation, SurveyResponse } from './survey.entity';
import { Webhook, WebhookDelivery, WebhookDeliveryAttempt } from './webhook.entity';
import { Report, ReportSchedule } from './report.entity';
import { Invoice, InvoiceLine, Payment } from './invoice.entity';
import { Meeting } from './meeting.entity';
import { PasswordResetToken } from './password-reset-token.entity';
import { PendingSignUp } from './pending-signup.entity';
import { Proposal, ProposalLine, ProposalRevision } from './proposal.entity';
import { AgencyRequisites, AgencyVatRegime } from './requisites.entity';
import { User } from './user.entity';

export {
  PendingSignUp,
  Survey,
  SurveyInvitation,
  SurveyResponse,
  SurveyAnswer,
  AcquisitionCost,
  ChannelCompetition,
  Act,
  ActLine,
  Agency,
  AgencyImage,
  AgencyRequisites,
  AgencyVatRegime,
  Campaign,
  CampaignChannel,
  CampaignChecklistItem,
  CampaignKpiTarget,
  KpiMeasurement,
  KpiMeasurementMonth,
  KpiDeviation,
  KpiImport,
  CampaignOptimization,
  Contract,
  ContractApproval,
  ContractPaymentItem,
  ContractTemplate,
  CreditNote,
  CreditNoteLine,
  DocumentCounter,
  GeneratedDocument,
  IdempotencyKey,
  Invoice,
  InvoiceLine,
  Payment,
  PasswordResetToken,
  Brief,
  BriefVersion,
  Client,
  ClientStageChange,
  Contact,
  Deal,
  DealDeviation,
  DealStageChange,
  Interaction,
  Job,
  Meeting,
  OutboundEmail,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  Proposal,
  Report,
  ReportSchedule,
  ProposalLine,
  ProposalRevision,
  User,
};
export * from './enums';

export const ENTITIES = [
  Agency,
  User,
  Client,
  Contact,
  ClientStageChange,
  Interaction,
  Brief,
  BriefVersion,
  Meeting,
  Proposal,
  ProposalLine,
  ProposalRevision,
  Deal,
  DealStageChange,
  DealDeviation,
  AgencyRequisites,
  AgencyVatRegime,
  DocumentCounter,
  Contract,
  ContractPaymentItem,
  ContractApproval,
  Invoice,
  InvoiceLine,
  Payment,
  CreditNote,
  CreditNoteLine,
  IdempotencyKey,
  Act,
  ActLine,
  PasswordResetToken,
  PendingSignUp,
  GeneratedDocument,
  AgencyImage,
  ContractTemplate,
  CampaignChannel,
  Campaign,
  CampaignChecklistItem,
  CampaignKpiTarget,
  KpiMeasurement,
  KpiMeasurementMonth,
  KpiDeviation,
  CampaignOptimization,
  KpiImport,
  Job,
  OutboundEmail,
  Survey,
  SurveyInvitation,
  SurveyResponse,
  SurveyAnswer,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  AcquisitionCost,
  ChannelCompetition,
  ReportSchedule,
  Report,
];
