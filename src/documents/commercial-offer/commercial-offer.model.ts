/**
 * The commercial offer (коммерческое предложение / търговско предложение) as the renderer reads
 * it: plain data, amounts as decimal strings, dates as ISO strings, images as bytes.
 */
import type { DocumentCurrency } from '../i18n/codes';
import type { AgencyPartyModel, PartyModel } from '../shared/party.data';

export type OfferCategoryCode = 'PROVEN' | 'UNCERTAIN' | 'EXPERIMENTAL';

/** The ten content blocks, in the order an offer presents them. */
export const OFFER_BLOCK_KEYS = [
  'companyPresentation',
  'achievements',
  'team',
  'cases',
  'marketAnalytics',
  'placementAudit',
  'recommendations',
  'mediaPlanNotes',
  'commercialTerms',
  'guarantees',
] as const;

export type OfferBlockKey = (typeof OFFER_BLOCK_KEYS)[number];

export interface OfferPlanLine {
  channel: string;
  description: string | null;
  expectedKpi: string | null;
  category: OfferCategoryCode;
  periodStart: string | null;
  periodEnd: string | null;
  budget: string;
  /** the agency fee the client sees; null when it is internal (never printed) */
  fee: string | null;
  /** percent of the media budget, 2 decimals; null without media budget */
  budgetShare: string | null;
}

export interface OfferPlanCategory {
  category: OfferCategoryCode;
  budget: string;
  fee: string;
  amount: string;
  budgetShare: string | null;
}

/** One view of the 70/20/10 mix: the shares of the three categories, in percent. */
export interface OfferMixShares {
  proven: string;
  uncertain: string;
  experimental: string;
}

export interface OfferToolMix {
  /** shares of the media budget; null for a plan of fees only */
  byBudget: OfferMixShares | null;
  byToolCount: OfferMixShares;
  tools: { proven: number; uncertain: number; experimental: number; total: number };
}

export interface OfferPrice {
  basis: 'VAT_INCLUDED' | 'VAT_ON_TOP';
  /** the agency's VAT regime on the offer's date */
  regime: 'STANDARD' | 'RU_USN_WITHOUT_VAT' | 'RU_USN_REDUCED' | 'BG_NOT_REGISTERED';
  /** percent; null when no VAT is charged */
  vatRate: string | null;
  /** media budget + visible fees, as the prices are written */
  grandTotal: string;
  net: string;
  vat: string;
  /** what the client pays */
  total: string;
}

export interface OfferManager {
  fullName: string;
  email: string | null;
  phone: string | null;
}

export interface CommercialOfferModel {
  /** КП-2026-0001; null for a draft that was never sent */
  number: string | null;
  /** the offer's own title when it has one besides the document title */
  title: string | null;
  /** the offer's date: the day it was sent (a draft: the day it is printed) */
  date: string;
  validUntil: string;
  version: number;
  currency: DocumentCurrency;
  agency: AgencyPartyModel;
  client: PartyModel;
  /** the client's trading name, when it differs from the legal one */
  clientTradingName: string | null;
  /** every block, in order; null when empty (the renderer skips it) */
  blocks: Record<OfferBlockKey, string | null>;
  plan: {
    lines: OfferPlanLine[];
    categories: OfferPlanCategory[];
    budgetTotal: string;
    feeTotal: string;
    grandTotal: string;
  };
  toolMix: OfferToolMix | null;
  price: OfferPrice;
  /** the client's account manager: contacts and signature */
  manager: OfferManager | null;
  logo: Uint8Array | null;
  stamp: Uint8Array | null;
  signature: Uint8Array | null;
}
