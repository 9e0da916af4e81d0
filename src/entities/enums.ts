/** Domain enums shared by storage (entities) and the GraphQL contract (registered in src/schema). */

export enum UserRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  CLIENT = 'CLIENT',
}

/** Client lifecycle (CLM) stages: attraction → interest → evaluation → purchase → loyalty. */
export enum LifecycleStage {
  ATTRACTION = 'ATTRACTION',
  INTEREST = 'INTEREST',
  EVALUATION = 'EVALUATION',
  PURCHASE = 'PURCHASE',
  LOYALTY = 'LOYALTY',
}

export enum CompanySize {
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
  ENTERPRISE = 'ENTERPRISE',
}

export enum BrandStrength {
  UNKNOWN = 'UNKNOWN',
  EMERGING = 'EMERGING',
  ESTABLISHED = 'ESTABLISHED',
  LEADING = 'LEADING',
}

/** The client company's own life stage (after Adizes), used to segment clients. */
export enum CompanyLifeStage {
  INFANCY = 'INFANCY',
  GROWTH = 'GROWTH',
  PRIME = 'PRIME',
  STABILITY = 'STABILITY',
  ARISTOCRACY = 'ARISTOCRACY',
}

export enum ContactChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  SMS = 'SMS',
  TELEGRAM = 'TELEGRAM',
  WHATSAPP = 'WHATSAPP',
  VIBER = 'VIBER',
  MEETING = 'MEETING',
}

/** How the contact prefers to be addressed: formal (Вы / Вие, name + patronymic) or informal (ты / ти). */
export enum AddressForm {
  FORMAL = 'FORMAL',
  INFORMAL = 'INFORMAL',
}

export enum Locale {
  RU = 'ru',
  BG = 'bg',
  EN = 'en',
}

export enum CurrencyCode {
  RUB = 'RUB',
  EUR = 'EUR',
  BGN = 'BGN',
  USD = 'USD',
}

/** Relationship stage (F. Buttle), kept next to the CLM stage for segmentation. */
export enum RelationshipStage {
  AWARENESS = 'AWARENESS',
  EXPLORATION = 'EXPLORATION',
  EXPANSION = 'EXPANSION',
  COMMITMENT = 'COMMITMENT',
  DISSOLUTION = 'DISSOLUTION',
}

export enum InteractionKind {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  MESSAGE = 'MESSAGE',
  VISIT = 'VISIT',
  OTHER = 'OTHER',
}

export enum MarketingKnowledge {
  NONE = 'NONE',
  BASIC = 'BASIC',
  INTERMEDIATE = 'INTERMEDIATE',
  EXPERT = 'EXPERT',
}

export enum KpiDirection {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
  MAINTAIN = 'MAINTAIN',
}

/** The eight blocks of an agency brief, in the order they are filled in (not stored: read from the brief content). */
export enum BriefBlock {
  CONTACT_INFO = 'CONTACT_INFO',
  BUSINESS = 'BUSINESS',
  EXPECTATIONS = 'EXPECTATIONS',
  ACCESSES_AND_AUDIT = 'ACCESSES_AND_AUDIT',
  KPIS = 'KPIS',
  PROPOSAL_CRITERIA = 'PROPOSAL_CRITERIA',
  CONSTRAINTS = 'CONSTRAINTS',
  ADDITIONAL_INFO = 'ADDITIONAL_INFO',
}

/** 70/20/10: proven tools, tools the agency is not sure about, experiments. */
export enum ToolCategory {
  PROVEN = 'PROVEN',
  UNCERTAIN = 'UNCERTAIN',
  EXPERIMENTAL = 'EXPERIMENTAL',
}

/** Which view of the 70/20/10 mix gates sending a proposal (an agency setting). */
export enum ToolMixBasis {
  /** budget shares; a plan without media budget (fees only) is measured by tool count */
  BUDGET_SHARE = 'BUDGET_SHARE',
  /** the number of tools (distinct channels) per category, whatever their budgets */
  TOOL_COUNT = 'TOOL_COUNT',
}

/** Whether the prices of an offer or a contract include VAT («в т.ч. НДС») or add it on top. */
export enum PriceBasis {
  /** the price is the total the client pays; the VAT part is extracted from it */
  VAT_INCLUDED = 'VAT_INCLUDED',
  /** the price is the net amount; VAT at the rate of the date is added to it */
  VAT_ON_TOP = 'VAT_ON_TOP',
}

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

export enum RejectionReason {
  PRICE = 'PRICE',
  TIMING = 'TIMING',
  COMPETITOR = 'COMPETITOR',
  SCOPE = 'SCOPE',
  NO_BUDGET = 'NO_BUDGET',
  NO_RESPONSE = 'NO_RESPONSE',
  NO_NEED = 'NO_NEED',
  DISSATISFIED = 'DISSATISFIED',
  OTHER = 'OTHER',
}

/** The simplified sales process: presentation → proposal → contract → payment → delivery → closing. */
export enum DealStage {
  PRESENTATION = 'PRESENTATION',
  PROPOSAL = 'PROPOSAL',
  CONTRACT = 'CONTRACT',
  PAYMENT = 'PAYMENT',
  DELIVERY = 'DELIVERY',
  CLOSING = 'CLOSING',
}

export enum DealStatus {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}

/** Real-life deviations from the straight sales path. */
export enum DealDeviationKind {
  PRESENTATION_REFUSED = 'PRESENTATION_REFUSED',
  PROPOSAL_TO_REFINE = 'PROPOSAL_TO_REFINE',
  APPROVAL_REQUIRED = 'APPROVAL_REQUIRED',
  PARTIAL_PAYMENT = 'PARTIAL_PAYMENT',
  REFUND = 'REFUND',
  PREPARATION_APPROVAL = 'PREPARATION_APPROVAL',
  CLIENT_DISSATISFIED = 'CLIENT_DISSATISFIED',
}

export enum ContractStatus {
  DRAFT = 'DRAFT',
  ON_APPROVAL = 'ON_APPROVAL',
  SIGNED = 'SIGNED',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}

export enum ApprovalDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

/** When a payment-schedule item falls due. */
export enum PaymentTrigger {
  ON_SIGNING = 'ON_SIGNING',
  AFTER_DELIVERY = 'AFTER_DELIVERY',
  ON_DATE = 'ON_DATE',
  MILESTONE = 'MILESTONE',
}

export enum InvoiceKind {
  STANDARD = 'STANDARD',
  PREPAYMENT = 'PREPAYMENT',
  FINAL = 'FINAL',
}

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
  /** closed by credit notes: nothing is due and nothing is paid */
  CREDITED = 'CREDITED',
}

export enum PaymentKind {
  PAYMENT = 'PAYMENT',
  REFUND = 'REFUND',
}

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CARD = 'CARD',
  CASH = 'CASH',
  OTHER = 'OTHER',
}

export enum ActStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  SIGNED = 'SIGNED',
  DISPUTED = 'DISPUTED',
}

/** What the numbering service numbers. */
/** The agency's VAT regime over a period (agency_vat_regimes): which rate its documents charge. */
export enum VatRegime {
  STANDARD = 'STANDARD',
  RU_USN_WITHOUT_VAT = 'RU_USN_WITHOUT_VAT',
  RU_USN_REDUCED = 'RU_USN_REDUCED',
  BG_NOT_REGISTERED = 'BG_NOT_REGISTERED',
}

export enum DocumentKind {
  INVOICE = 'INVOICE',
  ACT = 'ACT',
  CONTRACT = 'CONTRACT',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PROPOSAL = 'PROPOSAL',
}

/**
 * Every dated obligation the agency must watch (computed, not stored). A new kind is one enum
 * value plus one registered source (src/services/control-points); the engine never changes.
 */
export enum ControlPointKind {
  MEETING_PROTOCOL_NOT_SENT = 'MEETING_PROTOCOL_NOT_SENT',
  ACTION_ITEM_DUE = 'ACTION_ITEM_DUE',
  PROPOSAL_VALIDITY_ENDING = 'PROPOSAL_VALIDITY_ENDING',
  PROPOSAL_CORRECTION = 'PROPOSAL_CORRECTION',
  PRESENTATION_RETRY = 'PRESENTATION_RETRY',
  DEAL_DEVIATION_DUE = 'DEAL_DEVIATION_DUE',
  NEXT_CONTACT = 'NEXT_CONTACT',
  CONTACT_INTERVAL_EXCEEDED = 'CONTACT_INTERVAL_EXCEEDED',
  CONTACT_BIRTHDAY = 'CONTACT_BIRTHDAY',
  INVOICE_DUE = 'INVOICE_DUE',
  SCHEDULE_ITEM_DUE = 'SCHEDULE_ITEM_DUE',
  CONTRACT_APPROVAL_WAITING = 'CONTRACT_APPROVAL_WAITING',
  ACT_UNSIGNED = 'ACT_UNSIGNED',
  KPI_DEVIATION_OPEN = 'KPI_DEVIATION_OPEN',
  BUDGET_OVERSPEND = 'BUDGET_OVERSPEND',
  CAMPAIGN_END_OVERDUE = 'CAMPAIGN_END_OVERDUE',
  MEASUREMENTS_STALE = 'MEASUREMENTS_STALE',
  SATISFACTION_EVALUATION_DUE = 'SATISFACTION_EVALUATION_DUE',
  SATISFACTION_FOLLOW_UP = 'SATISFACTION_FOLLOW_UP',
}

/** What a satisfaction survey follows. */
export enum SurveyTrigger {
  ACT_SIGNED = 'ACT_SIGNED',
  DEAL_WON = 'DEAL_WON',
  MANUAL = 'MANUAL',
}

/** Where a satisfaction survey stands: SENT until the first answer arrives, then ANSWERED (more contacts may still answer). */
export enum SurveyStatus {
  SENT = 'SENT',
  ANSWERED = 'ANSWERED',
}

/** The images an agency may put on its documents; one current image of each kind. */
export enum AgencyImageKind {
  LOGO = 'LOGO',
  STAMP = 'STAMP',
  SIGNATURE = 'SIGNATURE',
}

/** Where a campaign stands. Goals (strategy, KPI targets) can change only while PLANNED. */
export enum CampaignStatus {
  PLANNED = 'PLANNED',
  LAUNCHED = 'LAUNCHED',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What is verified before a campaign goes live; every item must be checked to launch. */
export enum LaunchChecklistItem {
  WEBSITE = 'WEBSITE',
  WEB_ANALYTICS = 'WEB_ANALYTICS',
  KPI = 'KPI',
  CAMPAIGN_STRUCTURE = 'CAMPAIGN_STRUCTURE',
  KEYWORD_SELECTION = 'KEYWORD_SELECTION',
  AD_QUALITY = 'AD_QUALITY',
  CAMPAIGN_SETTINGS = 'CAMPAIGN_SETTINGS',
}

/**
 * What a campaign KPI measures. IMPRESSIONS … CUSTOM are entered per day and summed over a
 * period; CTR … ROMI are computed from those sums (src/services/kpi.rules.ts).
 */
export enum KpiMetric {
  IMPRESSIONS = 'IMPRESSIONS',
  CLICKS = 'CLICKS',
  CTR = 'CTR',
  CONVERSIONS = 'CONVERSIONS',
  LEADS = 'LEADS',
  CPC = 'CPC',
  CPA = 'CPA',
  CPL = 'CPL',
  CR = 'CR',
  REVENUE = 'REVENUE',
  ROMI = 'ROMI',
  SPEND = 'SPEND',
  CUSTOM = 'CUSTOM',
}

/** The span a KPI plan is set for: a day, a calendar week (Monday to Sunday), a calendar month or the whole campaign. */
export enum KpiPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  CAMPAIGN = 'CAMPAIGN',
}

/** Which way a campaign metric is good: more clicks is better, a cheaper click is better. */
export enum KpiTargetDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}

/** How far a KPI is worse than plan (computed, not stored): within bounds, to watch, or to act on. */
export enum DeviationSeverity {
  NONE = 'NONE',
  WARN = 'WARN',
  ACT = 'ACT',
}

/** Why a KPI deviation was closed. */
export enum DeviationCloseReason {
  /** the KPI came back within its band while the period ran */
  BACK_WITHIN_BAND = 'BACK_WITHIN_BAND',
  /** its period ended while it was open: its figures are the period's final ones */
  PERIOD_ENDED = 'PERIOD_ENDED',
  /** the campaign was completed or cancelled while it was open */
  CAMPAIGN_ENDED = 'CAMPAIGN_ENDED',
}

/** Whether a campaign's spend is heading for its budget (computed, not stored). */
export enum PacingStatus {
  ON_TRACK = 'ON_TRACK',
  UNDERSPENDING = 'UNDERSPENDING',
  OVERSPENDING = 'OVERSPENDING',
}

/** Where a KPI stands against plan, for a traffic light (computed, not stored). */
export enum KpiStatus {
  NO_DATA = 'NO_DATA',
  ON_PLAN = 'ON_PLAN',
  WARN = 'WARN',
  ACT = 'ACT',
}

/** The buckets of a chart series: days, ISO weeks (Monday to Sunday), calendar months (computed, not stored). */
export enum KpiGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** What an optimization of a running campaign changed. */
export enum OptimizationCategory {
  STRATEGY = 'STRATEGY',
  BIDS = 'BIDS',
  SEMANTICS = 'SEMANTICS',
  AD_CREATIVES = 'AD_CREATIVES',
  TOPICS = 'TOPICS',
  REMARKETING = 'REMARKETING',
}

/** Where an import of a measurements file stands. */
export enum KpiImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  REFUSED = 'REFUSED',
  FAILED = 'FAILED',
}

/** Who a report is written for: the client's marketing manager, its budget allocator, its owner. */
export enum ReportKind {
  MARKETING = 'MARKETING',
  BUDGET = 'BUDGET',
  OWNER = 'OWNER',
}

/** How often a scheduled report is made: per ISO week (Monday to Sunday) or per calendar month. */
export enum ReportFrequency {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}

/** A report is made as a DRAFT the manager reviews; PUBLISHED ones are the client's and never change. */
export enum ReportStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/** A business figure of a report (see ReportData.figures). */
export enum ReportFigureKey {
  IMPRESSIONS = 'IMPRESSIONS',
  CLICKS = 'CLICKS',
  CONVERSIONS = 'CONVERSIONS',
  MEDIA_SPEND = 'MEDIA_SPEND',
  CPA = 'CPA',
  REVENUE = 'REVENUE',
  ROMI = 'ROMI',
  PROFIT = 'PROFIT',
  AGENCY_INVOICES = 'AGENCY_INVOICES',
  TOTAL_SPENT = 'TOTAL_SPENT',
  ROI = 'ROI',
  EXPERIMENTAL_SHARE = 'EXPERIMENTAL_SHARE',
}

/** What a chart series of a report shows. */
export enum ReportSeriesKey {
  CONVERSIONS = 'CONVERSIONS',
  CONVERSIONS_PLAN = 'CONVERSIONS_PLAN',
  LEADS = 'LEADS',
  LEADS_PLAN = 'LEADS_PLAN',
  MEDIA_SPEND = 'MEDIA_SPEND',
  REVENUE = 'REVENUE',
  TOTAL_SPENT = 'TOTAL_SPENT',
  ROI = 'ROI',
}

/** What came of a test: it paid off (revenue above spend), it did not, or nothing was spent yet. */
export enum ExperimentOutcome {
  PAID_OFF = 'PAID_OFF',
  NOT_PAID_OFF = 'NOT_PAID_OFF',
  NO_DATA = 'NO_DATA',
}
