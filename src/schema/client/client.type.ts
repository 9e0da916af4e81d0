import { Field, ID, ObjectType } from 'type-graphql';
import { BrandStrength, CompanyLifeStage, CompanySize, CurrencyCode, LifecycleStage } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DecimalScalar } from '../common/scalars';

@ObjectType('Client', { description: "A client company of the agency (the tenant's customer)." })
export class ClientType {
  @Field(() => ID, { description: 'Client id.' })
  id: string;

  @Field({ description: 'Short name used in lists, e.g. «Ромашка».' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Full legal name, e.g. ООО «Ромашка».' })
  legalName: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country; decides which tax ids apply.' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'RU: ИНН (10 digits for companies, 12 for individuals).' })
  inn: string | null;

  @Field(() => String, { nullable: true, description: 'RU: КПП (9 characters).' })
  kpp: string | null;

  @Field(() => String, { nullable: true, description: 'RU: ОГРН (13 digits) or ОГРНИП (15 digits).' })
  ogrn: string | null;

  @Field(() => String, { nullable: true, description: 'BG: ЕИК / БУЛСТАТ (9 or 13 digits).' })
  eik: string | null;

  @Field(() => String, { nullable: true, description: 'BG: VAT number (ИН по ДДС), "BG" + 9 or 10 digits.' })
  vatNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Legal address.' })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Industry, free text.' })
  industry: string | null;

  @Field(() => CompanySize, { nullable: true, description: 'Segment: company size.' })
  companySize: CompanySize | null;

  @Field(() => BrandStrength, { nullable: true, description: 'Segment: brand strength.' })
  brandStrength: BrandStrength | null;

  @Field(() => CompanyLifeStage, { nullable: true, description: "Segment: the company's own life stage." })
  companyLifeStage: CompanyLifeStage | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Segment: monthly advertising budget (exact).' })
  advertisingBudget: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the advertising budget.' })
  advertisingBudgetCurrency: CurrencyCode | null;

  @Field(() => LifecycleStage, { description: 'Lifecycle (CLM) stage.' })
  lifecycleStage: LifecycleStage;

  @Field(() => Date, { nullable: true, description: 'When cooperation was terminated; null while it goes on.' })
  terminatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why cooperation was terminated.' })
  terminationReason: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When archived; archived clients are hidden from lists by default.' })
  archivedAt: Date | null;

  @Field({ description: 'When created.' })
  createdAt: Date;

  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('ClientConnection', { description: 'A page of clients.' })
export class ClientConnection extends Connection(ClientType, 'Client') {}
