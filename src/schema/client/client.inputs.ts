import {
  IsEnum,
  IsISO8601,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BrandStrength, CompanyLifeStage, CompanySize, CurrencyCode, LifecycleStage, RelationshipStage } from '../../entities/enums';
import { SortDirection } from '../common/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { IsBgVatNumber, IsEik, IsInn, IsKpp, IsOgrn } from '../validators/tax-ids';
import { ClientListStatus, ClientSortField } from './client.enums';

/** Fields shared by create and update; every one optional here. */
@InputType('ClientFieldsBase', { description: 'Shared fields (never exposed).' })
abstract class ClientFields {
  @Field(() => String, { nullable: true, description: 'Full legal name.' })
  @IsOptional()
  @Length(1, 300)
  legalName?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, e.g. RU or BG' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'RU ИНН, 10 or 12 digits with a valid checksum.' })
  @IsOptional()
  @IsInn()
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'RU КПП, 9 characters.' })
  @IsOptional()
  @IsKpp()
  kpp?: string | null;

  @Field(() => String, { nullable: true, description: 'RU ОГРН (13) or ОГРНИП (15 digits) with a valid checksum.' })
  @IsOptional()
  @IsOgrn()
  ogrn?: string | null;

  @Field(() => String, { nullable: true, description: 'BG ЕИК / БУЛСТАТ, 9 or 13 digits with a valid checksum.' })
  @IsOptional()
  @IsEik()
  eik?: string | null;

  @Field(() => String, { nullable: true, description: 'BG VAT number, "BG" + 9 or 10 digits.' })
  @IsOptional()
  @IsBgVatNumber()
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal address.' })
  @IsOptional()
  @Length(1, 500)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Website (http or https URL).' })
  @IsOptional()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Industry.' })
  @IsOptional()
  @Length(1, 120)
  industry?: string | null;

  @Field(() => CompanySize, { nullable: true, description: 'Company size.' })
  @IsOptional()
  @IsEnum(CompanySize)
  companySize?: CompanySize | null;

  @Field(() => BrandStrength, { nullable: true, description: 'Brand strength.' })
  @IsOptional()
  @IsEnum(BrandStrength)
  brandStrength?: BrandStrength | null;

  @Field(() => CompanyLifeStage, { nullable: true, description: "The company's own life stage." })
  @IsOptional()
  @IsEnum(CompanyLifeStage)
  companyLifeStage?: CompanyLifeStage | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Monthly advertising budget; give its currency too.' })
  @IsOptional()
  @IsMoney()
  advertisingBudget?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the advertising budget.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  advertisingBudgetCurrency?: CurrencyCode | null;

  @Field(() => LifecycleStage, { nullable: true, description: 'Lifecycle stage; ATTRACTION for a new client. On updateClient it changes by the rules of changeClientStage (recorded in the history; refused for a terminated client; the same stage is no change).' })
  @IsOptional()
  @IsEnum(LifecycleStage)
  lifecycleStage?: LifecycleStage | null;

  @Field(() => RelationshipStage, { nullable: true, description: 'Relationship stage (F. Buttle).' })
  @IsOptional()
  @IsEnum(RelationshipStage)
  relationshipStage?: RelationshipStage | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Responsible account manager (a user of the agency). New clients get their creator when it is omitted or null; on update, null leaves the client without one.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a valid id' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  @IsOptional()
  @MaxLength(20_000)
  notes?: string | null;
}

@InputType({ description: 'A new client.' })
export class CreateClientInput extends ClientFields {
  @Field(() => String, { description: 'Short name, 1–200 characters.' })
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name: string;
}

@InputType({ description: 'Changes to a client; omitted fields stay, null clears an optional field.' })
export class UpdateClientInput extends ClientFields {
  @Field(() => ID, { description: 'The client to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Short name, 1–200 characters (cannot be cleared).' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name?: string | null;
}

@InputType({ description: 'Ends cooperation with a client (kept for history and reports).' })
export class TerminateClientInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { description: 'Why cooperation ended.' })
  @Length(1, 1000)
  reason: string;
}

@InputType({ description: 'Moves a client to another lifecycle stage (recorded with time and actor).' })
export class ChangeClientStageInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => LifecycleStage, { description: 'The new stage.' })
  @IsEnum(LifecycleStage)
  stage: LifecycleStage;

  @Field(() => String, { nullable: true, description: 'Why, in a few words.' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: 'Resumes cooperation with a terminated client.' })
export class ReactivateClientInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => LifecycleStage, { nullable: true, description: 'Stage to resume at; the stage it had by default.' })
  @IsOptional()
  @IsEnum(LifecycleStage)
  stage?: LifecycleStage | null;

  @Field(() => String, { nullable: true, description: 'Why.' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: "Sets the client's development state: the next contact's date, goal and product." })
export class SetNextContactInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the next contact; null clears the plan.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'on must be a date YYYY-MM-DD' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Goal of the next contact.' })
  @IsOptional()
  @Length(1, 500)
  goal?: string | null;

  @Field(() => String, { nullable: true, description: 'Product / service to discuss.' })
  @IsOptional()
  @Length(1, 200)
  product?: string | null;
}

@InputType({ description: 'Which clients to list.' })
export class ClientFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match in name, legal name, INN or EIK.' })
  @IsOptional()
  @Length(1, 200)
  search?: string;

  @Field(() => [LifecycleStage], { nullable: true, description: 'Only these lifecycle stages.' })
  @IsOptional()
  @IsEnum(LifecycleStage, { each: true })
  lifecycleStages?: LifecycleStage[];

  @Field(() => [RelationshipStage], { nullable: true, description: 'Only these relationship stages.' })
  @IsOptional()
  @IsEnum(RelationshipStage, { each: true })
  relationshipStages?: RelationshipStage[];

  @Field(() => [CompanySize], { nullable: true, description: 'Only these company sizes.' })
  @IsOptional()
  @IsEnum(CompanySize, { each: true })
  companySizes?: CompanySize[];

  @Field(() => ID, { nullable: true, description: 'Only clients of this account manager.' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a valid id' })
  ownerId?: string;

  @Field(() => String, { nullable: true, description: 'Only clients from this country (ISO alpha-2).' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => ClientListStatus, { nullable: true, defaultValue: ClientListStatus.ACTIVE, description: 'Archived or not; ACTIVE by default.' })
  @IsOptional()
  @IsEnum(ClientListStatus)
  status?: ClientListStatus;
}

@InputType({ description: 'Sort order of clients.' })
export class ClientOrder {
  @Field(() => ClientSortField, { defaultValue: ClientSortField.NAME, description: 'Sort key (ties broken by id).' })
  @IsEnum(ClientSortField)
  field: ClientSortField = ClientSortField.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}
