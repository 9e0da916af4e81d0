/**
 * What the act renderer needs, as plain data: amounts as decimal strings computed by the services,
 * dates as ISO calendar dates, images as bytes. The VAT invoice reads the same act (see
 * vat-invoice.model.ts).
 */
import type { DocumentCurrency } from '../i18n/codes';
import type { AgencyPartyModel, PartyModel } from '../shared/party.data';

export type ActStatusName = 'DRAFT' | 'ISSUED' | 'SIGNED' | 'DISPUTED';
/** the currency enum's values: a currency added there reaches the documents too */
export type CurrencyName = DocumentCurrency;
export type PriceBasisName = 'VAT_INCLUDED' | 'VAT_ON_TOP';

export interface ActLineModel {
  position: number;
  description: string;
  quantity: string;
  unit: string;
  /** the price as the act's basis reads it: net with VAT on top, what the client pays with VAT included */
  unitPrice: string;
  /** percent, null = without VAT */
  vatRate: string | null;
  net: string;
  vat: string;
  gross: string;
}

/** A document the act refers to: its contract, or the invoices it closes. */
export interface DocumentRef {
  number: string | null;
  date: string;
}

export interface ActModel {
  /** null until the act is issued */
  number: string | null;
  /** the act date, or for a draft without one the end of its period (what it is priced for) */
  date: string;
  status: ActStatusName;
  /** a draft prints with a «ПРОЕКТ» / «DRAFT» mark: it is not the legal record yet */
  draft: boolean;
  periodStart: string;
  periodEnd: string;
  currency: CurrencyName;
  priceBasis: PriceBasisName;
  supplier: AgencyPartyModel;
  customer: PartyModel;
  contract: DocumentRef | null;
  invoices: DocumentRef[];
  lines: ActLineModel[];
  subtotal: string;
  vatTotal: string;
  total: string;
  /** act VAT − the VAT its invoices charged (the rate change); part of total */
  vatDifference: string;
  /** VAT per rate, highest rate first (lines without VAT are not listed) */
  vatByRate: Array<{ rate: string; amount: string }>;
  /** the legal wording when the agency charges no VAT on the act date (УСН, BG not registered) */
  vatExemptionNote: string | null;
  /** the total in leva during Bulgaria's dual display of euro amounts, else null */
  bgnTotal: string | null;
  /** where the act is drawn up ("гр. София"), read from the agency's address; the Bulgarian protocol opens with it */
  place: string | null;
  /** set once the client signed: the date and who signed */
  signed: { on: string; by: string | null } | null;
  logo: Uint8Array | null;
  stamp: Uint8Array | null;
  signature: Uint8Array | null;
}
