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

registerEnumType(CompanySize, {
  name: 'CompanySize',
  description: 'Size of the client company (segmentation).',
  valuesConfig: {
    MICRO: { description: 'A sole trader or a handful of people.' },
    SMALL: { description: 'A small business, usually with one decision maker.' },
    MEDIUM: { description: 'A mid-sized company with its own marketing person or team.' },
    LARGE: { description: 'A large company: several departments, approvals take more people.' },
    ENTERPRISE: { description: 'A corporation or holding: procurement, tenders, several brands.' },
  },
});
registerEnumType(BrandStrength, {
  name: 'BrandStrength',
  description: 'How known the client brand is (segmentation).',
  valuesConfig: {
    UNKNOWN: { description: 'The market does not know the brand yet.' },
    EMERGING: { description: 'Known locally or in a niche, still being built.' },
    ESTABLISHED: { description: 'Recognised in its market.' },
    LEADING: { description: 'A leading brand of its market: the client buys reach and reputation, not only leads.' },
  },
});
registerEnumType(CompanyLifeStage, {
  name: 'CompanyLifeStage',
  description: "The client company's own life stage (segmentation): infancy, growth, prime, stability, aristocracy.",
  valuesConfig: {
    INFANCY: { description: 'Just started: small budgets, the founder decides, cash matters most.' },
    GROWTH: { description: 'Growing fast: ready to test channels and scale what works.' },
    PRIME: { description: 'At its best: clear goals, processes and budgets.' },
    STABILITY: { description: 'Stable and careful: keeps what works, changes slowly.' },
    ARISTOCRACY: { description: 'Mature and formal: status and procedure weigh more than experiments.' },
  },
});
registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: 'A channel a contact can be reached through.',
  valuesConfig: {
    EMAIL: { description: 'Email.' },
    PHONE: { description: 'A phone call.' },
    SMS: { description: 'A text message.' },
    TELEGRAM: { description: 'Telegram messenger.' },
    WHATSAPP: { description: 'WhatsApp messenger.' },
    VIBER: { description: 'Viber messenger.' },
    MEETING: { description: 'In person, at a meeting.' },
  },
});
registerEnumType(AddressForm, {
  name: 'AddressForm',
  description: 'Formal (Вы / Вие) or informal (ты / ти) form of address.',
  valuesConfig: {
    FORMAL: { description: 'Formal: Вы / Вие, by first name and patronymic where that is the custom.' },
    INFORMAL: { description: 'Informal: ты / ти, by first name.' },
  },
});
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of documents and messages.',
  valuesConfig: {
    RU: { description: 'Russian (the default language of documents).' },
    BG: { description: 'Bulgarian.' },
    EN: { description: 'English.' },
  },
});
registerEnumType(CurrencyCode, {
  name: 'CurrencyCode',
  description: 'ISO 4217 currency code.',
  valuesConfig: {
    RUB: { description: 'Russian rouble.' },
    EUR: { description: 'Euro (also the currency of Bulgaria since 2026-01-01).' },
    BGN: { description: 'Bulgarian lev: for supplies and issues before 2026-01-01 only.' },
    USD: { description: 'US dollar.' },
  },
});

registerEnumType(RelationshipStage, {
  name: 'RelationshipStage',
  description: 'Relationship stage (F. Buttle).',
  valuesConfig: {
    AWARENESS: { description: 'The client knows the agency exists; no exchange yet.' },
    EXPLORATION: { description: 'Trying each other out: first briefs, meetings, a first small project.' },
    EXPANSION: { description: 'Trust grows: more services and larger budgets.' },
    COMMITMENT: { description: 'A committed partner: long-term work, the agency is the main contractor.' },
    DISSOLUTION: { description: 'The relationship is winding down or over.' },
  },
});
registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'Kind of a touch with the client.',
  valuesConfig: {
    CALL: { description: 'A phone or video call.' },
    EMAIL: { description: 'An email.' },
    MEETING: { description: 'A meeting (in person or online).' },
    MESSAGE: { description: 'A messenger or text message.' },
    VISIT: { description: "A visit to the client's office or site." },
    OTHER: { description: 'Any other touch (an event, a greeting, a gift…).' },
  },
});
registerEnumType(MarketingKnowledge, {
  name: 'MarketingKnowledge',
  description: "The client's level of marketing knowledge (to speak their language).",
  valuesConfig: {
    NONE: { description: 'New to marketing: explain in business terms (sales, profit), avoid jargon.' },
    BASIC: { description: 'Knows the basics: explain channels and metrics briefly.' },
    INTERMEDIATE: { description: 'Runs marketing day to day: talk metrics and channels directly.' },
    EXPERT: { description: 'A marketing professional: talk strategy, attribution and tests in depth.' },
  },
});
registerEnumType(KpiDirection, {
  name: 'KpiDirection',
  description: 'Whether a KPI should go up, down or hold.',
  valuesConfig: {
    INCREASE: { description: 'Higher is better (e.g. leads, conversion rate, revenue).' },
    DECREASE: { description: 'Lower is better (e.g. cost per lead, bounce rate).' },
    MAINTAIN: { description: 'Keep the current level (e.g. hold the cost per lead while the budget grows).' },
  },
});
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
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: 'Why a proposal was rejected or a deal lost.',
  valuesConfig: {
    PRICE: { description: 'Too expensive for the client.' },
    TIMING: { description: 'Not now: the timing does not suit the client.' },
    COMPETITOR: { description: 'The client chose another agency or contractor.' },
    SCOPE: { description: 'The proposed work does not match what the client wants.' },
    NO_BUDGET: { description: 'The client has no budget for it.' },
    NO_RESPONSE: { description: 'The client stopped answering.' },
    NO_NEED: { description: 'The client does not need the service (any more).' },
    DISSATISFIED: { description: 'The client is unhappy with the agency (results, deadlines, service).' },
    OTHER: { description: 'Another reason, explained in the note.' },
  },
});
registerEnumType(DealStage, {
  name: 'DealStage',
  description: 'Stage of the simplified sales process.',
  valuesConfig: {
    PRESENTATION: { description: 'Presenting the agency and its services to the client.' },
    PROPOSAL: { description: 'A commercial offer is prepared, sent or being agreed.' },
    CONTRACT: { description: 'The contract is being drafted, approved by the client and signed.' },
    PAYMENT: { description: 'Waiting for the (pre)payment: work starts once it arrives.' },
    DELIVERY: { description: 'The agency does the work or runs the event.' },
    CLOSING: { description: 'Acceptance, the signed act, final payment and feedback from the client.' },
  },
});
registerEnumType(DealStatus, {
  name: 'DealStatus',
  description: 'Open, won or lost.',
  valuesConfig: {
    OPEN: { description: 'In progress at its current stage.' },
    WON: { description: 'Closed successfully: the work is delivered and accepted.' },
    LOST: { description: 'Closed without a sale, with the reason and the stage at which it was lost.' },
  },
});
registerEnumType(DealDeviationKind, {
  name: 'DealDeviationKind',
  description: 'A real-life deviation from the straight sales path.',
  valuesConfig: {
    PRESENTATION_REFUSED: { description: 'The client refused the presentation; a retry date is set.' },
    PROPOSAL_TO_REFINE: { description: 'The offer is not agreed and must be refined by a correction date.' },
    APPROVAL_REQUIRED: { description: 'Several people at the client (director, accountant…) must approve.' },
    PARTIAL_PAYMENT: { description: 'The client pays in parts (e.g. 50 % prepayment, 50 % after delivery).' },
    REFUND: { description: 'The client withdraws after a prepayment and money goes back.' },
    PREPARATION_APPROVAL: { description: "Preparatory steps of the delivery need the client's approval." },
    CLIENT_DISSATISFIED: { description: 'After delivery the client is not fully satisfied; the causes are recorded.' },
  },
});

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
registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description: 'A client-side approver decision.',
  valuesConfig: {
    PENDING: { description: 'The approver has not decided yet.' },
    APPROVED: { description: 'The approver agreed to the contract.' },
    RETURNED: { description: 'The approver sent the contract back for corrections, with a comment.' },
  },
});
registerEnumType(PaymentTrigger, {
  name: 'PaymentTrigger',
  description: 'When a payment-schedule item falls due.',
  valuesConfig: {
    ON_SIGNING: { description: 'When the contract is signed (typically the prepayment).' },
    AFTER_DELIVERY: { description: 'After the work is delivered and accepted (postpayment).' },
    ON_DATE: { description: 'On a fixed calendar date (given in `dueOn`).' },
    MILESTONE: { description: 'When an agreed project milestone is reached.' },
  },
});
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
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'Money in (PAYMENT) or back to the client (REFUND).',
  valuesConfig: {
    PAYMENT: { description: 'Money received from the client.' },
    REFUND: { description: 'Money returned to the client.' },
  },
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How money moved.',
  valuesConfig: {
    BANK_TRANSFER: { description: 'A bank transfer (the usual way between companies).' },
    CARD: { description: 'A card payment.' },
    CASH: { description: 'Cash.' },
    OTHER: { description: 'Any other way (e.g. an offset), explained in the note.' },
  },
});
registerEnumType(ActStatus, {
  name: 'ActStatus',
  description: 'Status of an act of completed work.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number.' },
    ISSUED: { description: 'Numbered and sent to the client for signature.' },
    SIGNED: { description: 'Signed by the client.' },
    DISPUTED: { description: 'The client objects to the work (not fully satisfied); the objection is kept.' },
  },
});
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'A kind of numbered document.',
  valuesConfig: {
    INVOICE: { description: 'Invoices: numbered when issued.' },
    ACT: { description: 'Acts of completed work: numbered when issued.' },
    CONTRACT: { description: 'Contracts: numbered when they first leave DRAFT.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: A to Z, oldest first, smallest first.' },
    DESC: { description: 'Descending: Z to A, newest first, largest first.' },
  },
});
