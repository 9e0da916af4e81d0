/** Domain enums shared by storage (entities) and the GraphQL contract (registered in src/schema). */

export enum UserRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  CLIENT = 'CLIENT',
}

/** Client lifecycle (CLM) stages from the seeds: attraction → interest → evaluation → purchase → loyalty. */
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

/** The client company's own life stage (Adizes, as the seed uses it for segmentation). */
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
