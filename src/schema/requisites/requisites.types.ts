import { IsBoolean, IsEnum, IsIBAN, IsInt, IsOptional, IsTimeZone, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, Locale } from '../../entities/enums';
import { IsBgVatNumber, IsEik, IsInn, IsKpp, IsOgrn } from '../validators/tax-ids';
import { PortalHidden, PortalVisible } from '../common/visibility';

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
  @Field({ description: 'Whether the agency charges VAT; a non-payer invoices "without VAT".' })
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
  @Field(() => Int, { description: 'An issued act unsigned this many days later is a control point.' })
  actSignDays: number;

  @PortalHidden()
  @Field(() => Int, { description: 'A contract waiting for approvals this many days is a control point.' })
  approvalWaitDays: number;
}

const PATTERN = /^[^{}]*(\{(YYYY|YY|N|N:\d{1,2})\}[^{}]*)+$/;
const PATTERN_MSG = 'must use only {YYYY}, {YY}, {N} or {N:k} tokens and contain {N}';

@InputType({ description: 'Changes to the agency requisites; omitted fields stay, null clears an optional one.' })
export class UpdateAgencyRequisitesInput {
  @Field(() => String, { nullable: true, description: 'Legal name.' })
  @IsOptional()
  @Length(1, 300)
  legalName?: string | null;

  @Field(() => String, { nullable: true, description: 'RU ИНН.' })
  @IsOptional()
  @IsInn()
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'RU КПП.' })
  @IsOptional()
  @IsKpp()
  kpp?: string | null;

  @Field(() => String, { nullable: true, description: 'RU ОГРН / ОГРНИП.' })
  @IsOptional()
  @IsOgrn()
  ogrn?: string | null;

  @Field(() => String, { nullable: true, description: 'BG ЕИК.' })
  @IsOptional()
  @IsEik()
  eik?: string | null;

  @Field(() => String, { nullable: true, description: 'BG VAT number.' })
  @IsOptional()
  @IsBgVatNumber()
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal address.' })
  @IsOptional()
  @Length(1, 500)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Bank name.' })
  @IsOptional()
  @Length(1, 200)
  bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'RU БИК (9 digits) or SWIFT/BIC (8 or 11 characters).' })
  @IsOptional()
  @Matches(/^(\d{9}|[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?)$/, { message: 'bic must be a 9-digit БИК or an 8/11-character SWIFT code' })
  bic?: string | null;

  @Field(() => String, { nullable: true, description: 'RU settlement account (20 digits).' })
  @IsOptional()
  @Matches(/^\d{20}$/, { message: 'settlementAccount must be 20 digits' })
  settlementAccount?: string | null;

  @Field(() => String, { nullable: true, description: 'RU correspondent account (20 digits, starts with 301).' })
  @IsOptional()
  @Matches(/^301\d{17}$/, { message: 'correspondentAccount must be 20 digits starting with 301' })
  correspondentAccount?: string | null;

  @Field(() => String, { nullable: true, description: 'IBAN.' })
  @IsOptional()
  @IsIBAN({}, { message: 'iban must be a valid IBAN' })
  iban?: string | null;

  @Field(() => String, { nullable: true, description: 'Signatory name.' })
  @IsOptional()
  @Length(1, 200)
  signatoryName?: string | null;

  @Field(() => String, { nullable: true, description: 'Signatory position.' })
  @IsOptional()
  @Length(1, 200)
  signatoryPosition?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'VAT payer or not.' })
  @IsOptional()
  @IsBoolean()
  vatPayer?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Invoice number pattern, e.g. "{YYYY}-{N:6}" or, for Bulgaria, "{N:10}".' })
  @IsOptional()
  @Length(3, 40)
  @Matches(PATTERN, { message: `invoiceNumberPattern ${PATTERN_MSG}` })
  invoiceNumberPattern?: string | null;

  @Field(() => String, { nullable: true, description: 'Act number pattern.' })
  @IsOptional()
  @Length(3, 40)
  @Matches(PATTERN, { message: `actNumberPattern ${PATTERN_MSG}` })
  actNumberPattern?: string | null;

  @Field(() => String, { nullable: true, description: 'Contract number pattern.' })
  @IsOptional()
  @Length(3, 40)
  @Matches(PATTERN, { message: `contractNumberPattern ${PATTERN_MSG}` })
  contractNumberPattern?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days an issued act may stay unsigned (1–90).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  actSignDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days a contract may wait for approvals (1–90).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  approvalWaitDays?: number | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Default currency of the agency.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  defaultCurrency?: CurrencyCode | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the agency.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;

  @Field(() => Locale, { nullable: true, description: 'Document language.' })
  @IsOptional()
  @IsEnum(Locale)
  documentLanguage?: Locale | null;
}
