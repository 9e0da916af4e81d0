/**
 * What the contract renderer needs, as plain data: the contract's facts as the services keep them
 * (money as decimal strings, dates as YYYY-MM-DD), both parties, the VAT treatment on the
 * contract's date, the payment schedule, and the agency's clause template already parsed.
 * Placeholders are filled by the renderer, in the document's language.
 */
import type { PaymentTrigger, PriceBasis, VatRegime } from '../../entities/enums';
import type { DocumentCurrency } from '../i18n/codes';
import type { AgencyPartyModel, PartyModel } from '../shared/party.data';
import type { ParsedTemplate } from './contract-template';

export interface ContractVatModel {
  regime: VatRegime;
  /** percent ("22.00"), null when no VAT is charged */
  rate: string | null;
  /** the agency's own exemption wording; null: the legal wording of the regime, in the document's language */
  customNote: string | null;
  /** the contract amount split by its price basis */
  net: string;
  vat: string;
  gross: string;
}

export interface ContractScheduleItemModel {
  label: string;
  trigger: `${PaymentTrigger}`;
  /** share of the contract amount, exact ("50.0000", "33.3333") */
  percent: string;
  amount: string;
  dueOn: string | null;
  isPrepayment: boolean;
}

export interface ContractModel {
  /** null while the contract is a draft: printed as a blank */
  number: string | null;
  contractDate: string;
  /** the city the contract is signed in, when the agency's address names it unambiguously */
  city: string | null;
  subject: string;
  amount: string;
  currency: DocumentCurrency;
  priceBasis: `${PriceBasis}`;
  startsOn: string | null;
  endsOn: string | null;
  /** days the client has to sign an act (the agency's setting) */
  actSignDays: number;
  vat: ContractVatModel;
  agency: AgencyPartyModel;
  client: PartyModel;
  schedule: ContractScheduleItemModel[];
  /** the clause text: the agency's saved template in this language, or the default one */
  template: ParsedTemplate;
  logo: Uint8Array | null;
  stamp: Uint8Array | null;
  signature: Uint8Array | null;
}
