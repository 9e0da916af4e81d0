import { Field, Int, ObjectType } from 'type-graphql';
import { VatRegime } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import './requisites.enums';

@ObjectType('AgencyRequisites', { description: "What goes on the agency's documents: legal entity, bank details, signatory, VAT status, numbering." })
export class AgencyRequisitesType {
  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Legal name, e.g. ООО «Вектор».' })
  legalName: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: ИНН.' })
  inn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: КПП.' })
  kpp: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: ОГРН / ОГРНИП.' })
  ogrn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'BG: ЕИК.' })
  eik: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'BG: VAT number (ИН по ДДС).' })
  vatNumber: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Legal address.' })
  address: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Bank name.' })
  bankName: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: БИК (9 digits); BG: SWIFT/BIC.' })
  bic: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: расчётный счёт (20 digits).' })
  settlementAccount: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: корреспондентский счёт (20 digits).' })
  correspondentAccount: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'BG / EU: IBAN.' })
  iban: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Who signs documents, e.g. Орлова Е. П.' })
  signatoryName: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: "Signatory's position, e.g. Генеральный директор." })
  signatoryPosition: string | null;

  @PortalVisible()
  @Field({
    description:
      'Whether the agency charges VAT before its first dated VAT regime (see vatRegimes): true is STANDARD, false the simplified regime of its country (RU: УСН without VAT; BG: not registered for VAT), invoicing "without VAT".',
  })
  vatPayer: boolean;

  @PortalHidden()
  @Field({ description: 'Invoice number pattern: {YYYY} {YY} {N:k}; with a year token numbering restarts yearly.' })
  invoiceNumberPattern: string;

  @PortalHidden()
  @Field({ description: 'Act number pattern.' })
  actNumberPattern: string;

  @PortalHidden()
  @Field({ description: 'Contract number pattern.' })
  contractNumberPattern: string;

  @PortalHidden()
  @Field({ description: 'Credit-note number pattern (their own series), by default КН-{YYYY}-{N:6}.' })
  creditNoteNumberPattern: string;

  @PortalHidden()
  @Field({ description: 'Commercial offer number pattern (default "КП-{YYYY}-{N:4}"): offers are numbered when first sent, in their own series.' })
  proposalNumberPattern: string;

  @PortalHidden()
  @Field(() => Int, { description: 'An issued act unsigned this many days later is a control point.' })
  actSignDays: number;

  @PortalHidden()
  @Field(() => Int, { description: 'A contract waiting for approvals this many days is a control point.' })
  approvalWaitDays: number;
}

@ObjectType('AgencyVatRegimePeriod', { description: "The agency's VAT regime from a date until the next period: documents dated in it charge VAT by this regime." })
export class AgencyVatRegimePeriodType {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period (supply / act dates from this day on).' })
  validFrom: string;

  @PortalVisible()
  @Field(() => VatRegime, { description: 'The regime.' })
  regime: VatRegime;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The reduced rate in percent of RU_USN_REDUCED ("5.00" or "7.00"); null for the other regimes.' })
  rate: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'The wording printed on documents of a regime without VAT (the legal wording unless the agency gave its own); null when VAT is charged.' })
  exemptionNote: string | null;
}
