/**
 * What the invoice renderer prints: plain data computed by the services. Money as decimal strings
 * ("12000.00"), dates as ISO calendar dates, images as bytes; nothing is recomputed when printing.
 */
import type { DocumentCurrency } from '../i18n/codes';
import type { AgencyPartyModel, PartyModel } from '../shared/party.data';

export type InvoiceStatusName = 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'CANCELLED' | 'CREDITED';
export type InvoiceKindName = 'STANDARD' | 'PREPAYMENT' | 'FINAL';
/** the currency enum's values: a currency added there reaches the documents too */
export type CurrencyName = DocumentCurrency;

export interface InvoiceLineModel {
  position: number;
  description: string;
  quantity: string;
  unit: string;
  /** as typed: net with VAT on top, the price the client pays with VAT included */
  unitPrice: string;
  /** percent, null = without VAT */
  vatRate: string | null;
  net: string;
  vat: string;
  gross: string;
}

/** The lines of one VAT rate summed (null: without VAT), highest rate first. */
export interface InvoiceVatGroupModel {
  rate: string | null;
  subtotal: string;
  vatTotal: string;
  total: string;
}

export interface InvoiceModel {
  status: InvoiceStatusName;
  kind: InvoiceKindName;
  /** null for a draft */
  number: string | null;
  /** null for a draft */
  issueDate: string | null;
  supplyDate: string | null;
  dueDate: string;
  currency: CurrencyName;
  priceBasis: 'VAT_INCLUDED' | 'VAT_ON_TOP';
  lines: InvoiceLineModel[];
  vatGroups: InvoiceVatGroupModel[];
  subtotal: string;
  vatTotal: string;
  total: string;
  prepaymentDeducted: string;
  creditedAmount: string;
  amountDue: string;
  /** the VAT inside the amount due, for the payment purpose; null without VAT or with mixed rates and deductions */
  vatInAmountDue: string | null;
  /** the legal wording of a regime without VAT, fixed at issue */
  vatExemptionNote: string | null;
  notes: string | null;
  contract: { number: string | null; date: string } | null;
  /** BG, EUR, dual-display period: the total in BGN at the fixed rate */
  totalBgnEquivalent: string | null;
  supplier: AgencyPartyModel;
  customer: PartyModel;
  logo: Uint8Array | null;
  stamp: Uint8Array | null;
  signature: Uint8Array | null;
}
