import { registerEnumType } from 'type-graphql';
import {
  ActStatus,
  AddressForm,
  ApprovalDecision,
  ContractStatus,
  DocumentKind,
  InvoiceKind,
  InvoiceStatus,
  PaymentKind,
  PaymentMethod,
  PaymentTrigger,
  DealDeviationKind,
  DealStage,
  DealStatus,
  InteractionKind,
  KpiDirection,
  MarketingKnowledge,
  ProposalStatus,
  RejectionReason,
  RelationshipStage,
  ToolCategory,
  BrandStrength,
  CompanyLifeStage,
  CompanySize,
  ContactChannel,
  CurrencyCode,
  LifecycleStage,
  Locale,
  UserRole,
} from '../../entities/enums';

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do.',
  valuesConfig: {
    OWNER: { description: 'Agency owner/admin: everything in the agency, including users and settings.' },
    MANAGER: { description: 'Account manager: works with clients, pipeline and documents.' },
    CLIENT: { description: 'Client-portal user bound to exactly one client: reads what is addressed to it.' },
  },
});

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: 'Client lifecycle (CLM) stage.',
  valuesConfig: {
    ATTRACTION: { description: 'Being attracted: first touches.' },
    INTEREST: { description: 'Shows interest: brief, meetings.' },
    EVALUATION: { description: 'Evaluates the offer.' },
    PURCHASE: { description: 'Has bought: a contract is running.' },
    LOYALTY: { description: 'Comes back for repeat purchases.' },
  },
});

registerEnumType(CompanySize, { name: 'CompanySize', description: 'Size of the client company (segmentation).' });
registerEnumType(BrandStrength, { name: 'BrandStrength', description: 'How known the client brand is (segmentation).' });
registerEnumType(CompanyLifeStage, {
  name: 'CompanyLifeStage',
  description: "The client company's own life stage (segmentation): infancy, growth, prime, stability, aristocracy.",
});
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'A channel a contact can be reached through.' });
registerEnumType(AddressForm, {
  name: 'AddressForm',
  description: 'Formal (Вы / Вие) or informal (ты / ти) form of address.',
});
registerEnumType(Locale, { name: 'Locale', description: 'Language of documents and messages.' });
registerEnumType(CurrencyCode, { name: 'CurrencyCode', description: 'ISO 4217 currency code.' });

registerEnumType(RelationshipStage, { name: 'RelationshipStage', description: 'Relationship stage (F. Buttle).' });
registerEnumType(InteractionKind, { name: 'InteractionKind', description: 'Kind of a touch with the client.' });
registerEnumType(MarketingKnowledge, {
  name: 'MarketingKnowledge',
  description: "The client's level of marketing knowledge (to speak their language).",
});
registerEnumType(KpiDirection, { name: 'KpiDirection', description: 'Whether a KPI should go up, down or hold.' });
registerEnumType(ToolCategory, {
  name: 'ToolCategory',
  description: '70/20/10 category of a media-plan tool.',
  valuesConfig: {
    PROVEN: { description: 'Delivers the client result (target 70% of the budget).' },
    UNCERTAIN: { description: 'The agency is not sure about it (target 20%).' },
    EXPERIMENTAL: { description: 'An experiment (target 10%).' },
  },
});
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Status of a commercial offer.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; invisible to the client.' },
    SENT: { description: 'Sent to the client, within validity.' },
    ACCEPTED: { description: 'Accepted by the client.' },
    REJECTED: { description: 'Rejected, with a reason.' },
    EXPIRED: { description: 'Sent, but its validity date has passed (end of that day, agency time zone).' },
  },
});
registerEnumType(RejectionReason, { name: 'RejectionReason', description: 'Why a proposal was rejected or a deal lost.' });
registerEnumType(DealStage, { name: 'DealStage', description: 'Stage of the simplified sales process.' });
registerEnumType(DealStatus, { name: 'DealStatus', description: 'Open, won or lost.' });
registerEnumType(DealDeviationKind, { name: 'DealDeviationKind', description: 'A real-life deviation from the straight sales path.' });

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Status of a contract.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number yet; invisible to the client portal.' },
    ON_APPROVAL: { description: "Numbered and waiting for the client's approvers." },
    SIGNED: { description: 'Signed by both sides.' },
    COMPLETED: { description: 'Fulfilled.' },
    TERMINATED: { description: 'Ended early.' },
  },
});
registerEnumType(ApprovalDecision, { name: 'ApprovalDecision', description: 'A client-side approver decision.' });
registerEnumType(PaymentTrigger, { name: 'PaymentTrigger', description: 'When a payment-schedule item falls due.' });
registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'Kind of invoice.',
  valuesConfig: {
    STANDARD: { description: 'An ordinary invoice.' },
    PREPAYMENT: { description: 'Invoice for a prepayment; deducted from the FINAL invoice of the same contract.' },
    FINAL: { description: 'Final invoice of a contract: prepayments received are deducted from what is due.' },
  },
});
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Status of an invoice.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number; invisible to the client portal.' },
    ISSUED: { description: 'Numbered, immutable, nothing paid yet.' },
    PARTIALLY_PAID: { description: 'Part of the amount due is paid.' },
    PAID: { description: 'Fully paid.' },
    CANCELLED: { description: 'Cancelled (only possible while nothing is paid); corrections are a new invoice.' },
  },
});
registerEnumType(PaymentKind, { name: 'PaymentKind', description: 'Money in (PAYMENT) or back to the client (REFUND).' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'How money moved.' });
registerEnumType(ActStatus, {
  name: 'ActStatus',
  description: 'Status of an act of completed work.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number.' },
    ISSUED: { description: 'Numbered and sent to the client for signature.' },
    SIGNED: { description: 'Signed by the client.' },
    DISPUTED: { description: "The client objects (the seed's 'not fully satisfied'); the objection is kept." },
  },
});
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'A kind of numbered document.' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort direction.' });
