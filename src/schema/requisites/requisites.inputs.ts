import { IsBoolean, IsEnum, IsIBAN, IsInt, IsOptional, IsTimeZone, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CurrencyCode, Locale, VatRegime } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsBgVatNumber, IsEik, IsInn, IsKpp, IsOgrn } from '../validators/tax-ids';

// the sequence token is required: a pattern without it would repeat one number forever
const PATTERN = /^(?=.*\{N(:\d{1,2})?\})[^{}]*(\{(YYYY|YY|N|N:\d{1,2})\}[^{}]*)+$/;
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

  @Field(() => String, { nullable: true, description: 'Credit-note number pattern, e.g. "КН-{YYYY}-{N:6}".' })
  @IsOptional()
  @Length(3, 40)
  @Matches(PATTERN, { message: `creditNoteNumberPattern ${PATTERN_MSG}` })
  creditNoteNumberPattern?: string | null;

  @Field(() => String, { nullable: true, description: 'Commercial offer number pattern, e.g. "КП-{YYYY}-{N:4}" (the default).' })
  @IsOptional()
  @Length(3, 40)
  @Matches(PATTERN, { message: `proposalNumberPattern ${PATTERN_MSG}` })
  proposalNumberPattern?: string | null;

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

@InputType({ description: "Sets the agency's VAT regime from a date (a period with the same date is replaced); earlier and later periods stay." })
export class SetAgencyVatRegimeInput {
  @Field(() => DateScalar, { description: 'First day of the period: documents with a supply / act date from this day on follow the regime, until the next period.' })
  validFrom: string;

  @Field(() => VatRegime, { description: "The regime; RU_* only for a Russian agency, BG_* only for a Bulgarian one." })
  @IsEnum(VatRegime)
  regime: VatRegime;

  @Field(() => DecimalScalar, { nullable: true, description: 'RU_USN_REDUCED only, and required there: the reduced rate, 5 or 7 (percent).' })
  @IsOptional()
  rate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Regimes without VAT only: the agency\'s own wording of the exemption on documents (1–500 characters); omitted: the legal wording of the regime.',
  })
  @IsOptional()
  @Length(1, 500)
  exemptionNote?: string | null;
}
