import { Act, ActLine } from './act.entity';
import { AgencyImage } from './agency-image.entity';
import { Agency } from './agency.entity';
import { Brief, BriefVersion } from './brief.entity';
import { Campaign, CampaignChannel, CampaignChecklistItem, CampaignKpiTarget } from './campaign.entity';
import { KpiDeviation, KpiMeasurement } from './kpi-measurement.entity';
import { KpiImport } from './kpi-import.entity';
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
import { Report, ReportSchedule } from './report.entity';
import { Invoice, InvoiceLine, Payment } from './invoice.entity';
import { Meeting } from './meeting.entity';
import { PasswordResetToken } from './password-reset-token.entity';
import { Proposal, ProposalLine, ProposalRevision } from './proposal.entity';
import { AgencyRequisites, AgencyVatRegime } from './requisites.entity';
import { User } from './user.entity';

export {
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
  GeneratedDocument,
  AgencyImage,
  ContractTemplate,
  CampaignChannel,
  Campaign,
  CampaignChecklistItem,
  CampaignKpiTarget,
  KpiMeasurement,
  KpiDeviation,
  CampaignOptimization,
  KpiImport,
  Job,
  OutboundEmail,
  ReportSchedule,
  Report,
];
