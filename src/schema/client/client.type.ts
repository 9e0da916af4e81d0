import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BrandStrength, CompanyLifeStage, CompanySize, CurrencyCode, LifecycleStage, RelationshipStage } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import { RowsOf } from '../common/row-projection';
import { Client } from '../../entities';
import './client.enums';

@RowsOf(Client)
@ObjectType('Client', { description: "A client company of the agency (the tenant's customer)." })
export class ClientType {
  @PortalVisible()
  @Field(() => ID, { description: 'Client id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Short name used in lists, e.g. «Ромашка».' })
  name: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Full legal name, e.g. ООО «Ромашка».' })
  legalName: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country; decides which tax ids apply.' })
  country: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: ИНН (10 digits for companies, 12 for individuals).' })
  inn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: КПП (9 characters).' })
  kpp: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: ОГРН (13 digits) or ОГРНИП (15 digits).' })
  ogrn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'BG: ЕИК / БУЛСТАТ (9 or 13 digits).' })
  eik: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'BG: VAT number (ИН по ДДС), "BG" + 9 or 10 digits.' })
  vatNumber: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Legal address.' })
  address: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Industry, free text.' })
  industry: string | null;

  @PortalHidden()
  @Field(() => CompanySize, { nullable: true, description: 'Segment: company size.' })
  companySize: CompanySize | null;

  @PortalHidden()
  @Field(() => BrandStrength, { nullable: true, description: 'Segment: brand strength.' })
  brandStrength: BrandStrength | null;

  @PortalHidden()
  @Field(() => CompanyLifeStage, { nullable: true, description: "Segment: the company's own life stage." })
  companyLifeStage: CompanyLifeStage | null;

  @PortalHidden()
  @Field(() => DecimalScalar, { nullable: true, description: 'Segment: monthly advertising budget (exact).' })
  advertisingBudget: string | null;

  @PortalHidden()
  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the advertising budget.' })
  advertisingBudgetCurrency: CurrencyCode | null;

  @PortalHidden()
  @Field(() => LifecycleStage, { description: 'Lifecycle (CLM) stage.' })
  lifecycleStage: LifecycleStage;

  @PortalHidden()
  @Field({ description: 'When the current lifecycle stage began.' })
  stageChangedAt: Date;

  @PortalHidden()
  @Field(() => RelationshipStage, { nullable: true, description: 'Relationship stage (F. Buttle), for segmentation.' })
  relationshipStage: RelationshipStage | null;

  @PortalHidden()
  @Field(() => DateScalar, { nullable: true, description: 'Development state: date of the next planned contact.' })
  nextContactOn: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Development state: goal of the next contact.' })
  nextContactGoal: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Development state: product / service to discuss at the next contact.' })
  nextContactProduct: string | null;

  @PortalHidden()
  @Field(() => Date, { nullable: true, description: 'The latest logged interaction.' })
  lastContactAt: Date | null;

  @PortalHidden()
  @Field(() => Date, { nullable: true, description: 'When cooperation was terminated; null while it goes on.' })
  terminatedAt: Date | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Why cooperation was terminated.' })
  terminationReason: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  notes: string | null;

  @PortalHidden()
  @Field(() => Date, { nullable: true, description: 'When archived; archived clients are hidden from lists by default.' })
  archivedAt: Date | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;

  @PortalHidden()
  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('ClientConnection', { description: 'A page of clients.' })
export class ClientConnection extends Connection(ClientType, 'Client') {}

@ObjectType('ClientStageChange', { description: 'One change of a client lifecycle stage (or its termination / reactivation).' })
export class ClientStageChangeType {
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @Field(() => LifecycleStage, { nullable: true, description: 'Stage before; null for the first entry.' })
  fromStage: LifecycleStage | null;

  @Field(() => LifecycleStage, { description: 'Stage after.' })
  toStage: LifecycleStage;

  @Field({ description: 'True for the entry recording termination of cooperation.' })
  terminated: boolean;

  @Field({ description: 'When.' })
  changedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who made the change.' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Why, in a few words.' })
  note: string | null;
}

@ObjectType('StageDuration', { description: 'Time a client spent in one lifecycle stage, over all its stays.' })
export class StageDurationType {
  @Field(() => LifecycleStage, { description: 'The stage.' })
  stage: LifecycleStage;

  @Field(() => Int, { description: 'Total seconds spent in the stage (the current stay counts up to now).' })
  seconds: number;

  @Field(() => Int, { description: 'How many times the client entered the stage.' })
  stays: number;
}

@ObjectType('ClientBalance', {
  description: "A client's money position in one currency: its issued invoices, the payments on them and the VAT differences of its issued or signed acts.",
})
export class ClientBalanceType {
  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ amount due of issued (not cancelled) invoices.' })
  invoiced: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ payments − Σ refunds.' })
  paid: string;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    description:
      'Σ VAT differences of the issued and signed acts (not drafts, not disputed ones): the VAT a changed rate adds over the invoices an act closes, with prices VAT on top (2025 → 2026: 20 % → 22 %). Owed on top of the invoices.',
  })
  actDifferences: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'invoiced − paid + actDifferences: what the client owes (negative: the agency owes).' })
  outstanding: string;
}
