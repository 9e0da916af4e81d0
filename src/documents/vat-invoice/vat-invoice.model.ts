/**
 * The счёт-фактура as plain data: the form of Приложение № 1 to Постановление Правительства РФ
 * от 26.12.2011 № 1137, filled from an act (services: no shipper, consignee, country of origin,
 * customs declaration or traceability data; those columns print a dash).
 */
import type { CurrencyName } from '../act/act.model';

/**
 * The wording of the form in force on the document's date: from 1 April 2026 the edition of
 * Постановление № 26 of 23.01.2026 (line 5б, column 14 "в рублях и копейках", the entrepreneur's
 * ОГРНИП line), before it the edition of Постановление № 1096 of 16.08.2024.
 */
export type VatInvoiceEdition = '2024' | '2026';

export const EDITION_2026_FROM = '2026-04-01';

export function editionOn(date: string): VatInvoiceEdition {
  return date >= EDITION_2026_FROM ? '2026' : '2024';
}

export interface VatInvoiceParty {
  name: string;
  address: string | null;
  inn: string | null;
  kpp: string | null;
}

export interface VatInvoiceSeller extends VatInvoiceParty {
  /** an individual entrepreneur (ИНН of 12 digits) signs alone, with the ОГРНИП */
  entrepreneur: boolean;
  ogrn: string | null;
  signatoryName: string | null;
}

export interface VatInvoiceLine {
  position: number;
  description: string;
  /** ОКЕИ code and national symbol of the unit ("876", "усл. ед."); code null when the unit has none */
  unitCode: string | null;
  unitName: string;
  quantity: string;
  /** column 4: the price without VAT */
  unitPriceNet: string;
  net: string;
  /** percent; null = without VAT */
  vatRate: string | null;
  vat: string;
  gross: string;
}

/** A payment received before the act (column 5: "К платёжно-расчётному документу"). */
export interface PaymentRef {
  number: string | null;
  date: string;
}

export interface VatInvoiceModel {
  /** the act's vatInvoiceNumber (null only on a draft) */
  number: string | null;
  date: string;
  draft: boolean;
  seller: VatInvoiceSeller;
  buyer: VatInvoiceParty;
  payments: PaymentRef[];
  /** line 5а: the act, the shipment document of services */
  shipment: { number: string | null; date: string };
  currency: CurrencyName;
  /** line 8, when the contract is a public one (not kept by the platform yet: null prints a dash) */
  governmentContractId: string | null;
  lines: VatInvoiceLine[];
  totals: { net: string; vat: string; gross: string };
  /** the head's (or entrepreneur's) signature image; the form has no place for a stamp */
  signature: Uint8Array | null;
}
