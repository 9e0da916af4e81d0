import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { BriefContent } from '../../entities/brief.entity';
import { BriefBlock, CurrencyCode, KpiDirection, MarketingKnowledge } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import './brief.enums';

@ObjectType('BriefContactInfo', { description: 'Block 1: contact information.' })
export class BriefContactInfoType {
  @Field(() => [ID], { description: "Contact persons of the client involved (see Brief.contacts for the records)." })
  contactIds: string[];

  @Field(() => String, { nullable: true, description: 'Who takes the decisions and how.' })
  decisionMakers: string | null;

  @Field(() => String, { nullable: true, description: 'Other notes on contacts and communication.' })
  notes: string | null;
}

@ObjectType('BriefBusiness', { description: "Block 2: key points of the client's business." })
export class BriefBusinessType {
  @Field(() => String, { nullable: true, description: 'What the business does.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Products and services to advertise.' })
  products: string | null;

  @Field(() => String, { nullable: true, description: 'Geography of sales.' })
  geography: string | null;

  @Field(() => String, { nullable: true, description: 'Target audience.' })
  targetAudience: string | null;

  @Field(() => [String], { description: 'Main competitors.' })
  competitors: string[];

  @Field(() => String, { nullable: true, description: 'Seasonality of demand.' })
  seasonality: string | null;

  @Field(() => String, { nullable: true, description: 'Unique selling points.' })
  uniqueSellingPoints: string | null;
}

@ObjectType('BriefExpectations', { description: 'Block 3: expectations from advertising.' })
export class BriefExpectationsType {
  @Field(() => String, { nullable: true, description: 'Goals of advertising.' })
  goals: string | null;

  @Field(() => String, { nullable: true, description: 'Results the client expects.' })
  expectedResults: string | null;

  @Field(() => String, { nullable: true, description: 'Previous experience with advertising and agencies.' })
  previousExperience: string | null;
}

@ObjectType('BriefAccess', { description: 'An access to a system of the client.' })
export class BriefAccessType {
  @Field({ description: 'The system, e.g. Яндекс Директ.' })
  system: string;

  @Field({ description: 'Whether the agency has been given the access.' })
  granted: boolean;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes: string | null;
}

@ObjectType('BriefAccessesAndAudit', { description: 'Block 4: accesses and an audit of current activity.' })
export class BriefAccessesAndAuditType {
  @Field(() => [BriefAccessType], { description: 'Accesses to the systems of the client.' })
  accesses: BriefAccessType[];

  @Field(() => String, { nullable: true, description: 'What advertising runs now and how it performs.' })
  currentActivity: string | null;

  @Field(() => [String], { description: 'Analytics already installed.' })
  analyticsInstalled: string[];
}

@ObjectType('BriefKpi', { description: 'Block 5: a KPI by which success is measured.' })
export class BriefKpiType {
  @Field({ description: 'The metric, e.g. CPL.' })
  metric: string;

  @Field(() => DecimalScalar, { description: 'Target value (exact).' })
  target: string;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. RUB or %.' })
  unit: string | null;

  @Field(() => KpiDirection, { description: 'Whether the metric should go up, down or hold.' })
  direction: KpiDirection;
}

@ObjectType('BriefProposalCriterion', { description: 'Block 6: a criterion of the proposal evaluation, with its normalised share.' })
export class BriefProposalCriterionType {
  @Field({ description: 'The criterion.' })
  criterion: string;

  @Field(() => Int, { description: 'Relative weight as given, 1–100.' })
  weight: number;

  @Field(() => DecimalScalar, { description: 'weight / sum of all weights, 0–1, rounded half-up to 4 decimals (e.g. "0.3333").' })
  share: string;

  @Field(() => DecimalScalar, { description: 'The same share in percent, rounded half-up to 2 decimals (e.g. "33.33").' })
  sharePercent: string;
}

@ObjectType('BriefConstraints', { description: 'Block 7: constraints (budget, timing, legal, brand).' })
export class BriefConstraintsType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Lower bound of the budget.' })
  budgetMin: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Upper bound of the budget.' })
  budgetMax: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the budget.' })
  currency: CurrencyCode | null;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest start.' })
  startDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest end.' })
  endDate: string | null;

  @Field(() => String, { nullable: true, description: 'Legal constraints.' })
  legal: string | null;

  @Field(() => String, { nullable: true, description: 'Brand constraints.' })
  brand: string | null;

  @Field(() => String, { nullable: true, description: 'Other constraints.' })
  other: string | null;
}

@ObjectType('BriefCompleteness', { description: 'How much of the eight-block brief is filled.' })
export class BriefCompletenessType {
  @Field(() => DecimalScalar, { description: 'Filled blocks / 8 in percent, exact (e.g. "37.5"; "100" when complete).' })
  score: string;

  @Field(() => Int, { description: 'How many of the eight blocks have meaningful content.' })
  filledBlocks: number;

  @Field(() => Int, { description: 'How many blocks a brief has (8).' })
  totalBlocks: number;

  @Field(() => [BriefBlock], { description: 'The filled blocks, in questionnaire order.' })
  presentBlocks: BriefBlock[];

  @Field(() => [BriefBlock], { description: 'The blocks still empty, in questionnaire order.' })
  missingBlocks: BriefBlock[];
}

const list = <T>(v: T[] | null | undefined): T[] => v ?? [];

/**
 * The content of a brief (current or previous version), read out of its stored JSON document
 * with defaults, so that old documents missing a key still answer.
 */
@ObjectType('BriefContentBase', { description: 'Shared fields of a brief and its versions (never exposed).' })
export abstract class BriefContentFields {
  /** the stored document; not a GraphQL field */
  content: BriefContent;

  @Field(() => Int, { description: 'Version number; 1 for a new brief, +1 on every change.' })
  version: number;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => MarketingKnowledge, { nullable: true, description: "The client's level of marketing knowledge (to speak their language)." })
  marketingKnowledge: MarketingKnowledge | null;

  @Field(() => BriefContactInfoType, { nullable: true, description: 'Block 1: contact information; null when empty.' })
  contactInfo(): BriefContactInfoType | null {
    const b = this.content?.contactInfo;
    return b ? { contactIds: list(b.contactIds), decisionMakers: b.decisionMakers ?? null, notes: b.notes ?? null } : null;
  }

  @Field(() => BriefBusinessType, { nullable: true, description: "Block 2: key points of the client's business; null when empty." })
  business(): BriefBusinessType | null {
    const b = this.content?.business;
    return b
      ? {
          description: b.description ?? null,
          products: b.products ?? null,
          geography: b.geography ?? null,
          targetAudience: b.targetAudience ?? null,
          competitors: list(b.competitors),
          seasonality: b.seasonality ?? null,
          uniqueSellingPoints: b.uniqueSellingPoints ?? null,
        }
      : null;
  }

  @Field(() => BriefExpectationsType, { nullable: true, description: 'Block 3: expectations from advertising; null when empty.' })
  expectations(): BriefExpectationsType | null {
    const b = this.content?.expectations;
    return b ? { goals: b.goals ?? null, expectedResults: b.expectedResults ?? null, previousExperience: b.previousExperience ?? null } : null;
  }

  @Field(() => BriefAccessesAndAuditType, { nullable: true, description: 'Block 4: accesses and audit of current activity; null when empty.' })
  accessesAndAudit(): BriefAccessesAndAuditType | null {
    const b = this.content?.accessesAndAudit;
    return b
      ? {
          accesses: list(b.accesses).map((a) => ({ system: a.system, granted: a.granted, notes: a.notes ?? null })),
          currentActivity: b.currentActivity ?? null,
          analyticsInstalled: list(b.analyticsInstalled),
        }
      : null;
  }

  @Field(() => [BriefKpiType], { description: 'Block 5: KPIs (empty when none).' })
  kpis(): BriefKpiType[] {
    return list(this.content?.kpis).map((k) => ({ metric: k.metric, target: k.target, unit: k.unit ?? null, direction: k.direction }));
  }

  @Field(() => BriefConstraintsType, { nullable: true, description: 'Block 7: constraints; null when empty.' })
  constraints(): BriefConstraintsType | null {
    const b = this.content?.constraints;
    return b
      ? {
          budgetMin: b.budgetMin ?? null,
          budgetMax: b.budgetMax ?? null,
          currency: (b.currency as CurrencyCode | null | undefined) ?? null,
          startDate: b.startDate ?? null,
          endDate: b.endDate ?? null,
          legal: b.legal ?? null,
          brand: b.brand ?? null,
          other: b.other ?? null,
        }
      : null;
  }

  @Field(() => String, { nullable: true, description: 'Block 8: additional information.' })
  additionalInfo(): string | null {
    return this.content?.additionalInfo ?? null;
  }
}

@ObjectType('Brief', { description: "A structured questionnaire about the client's task (бриф), in eight blocks, versioned. Internal to the agency." })
export class BriefType extends BriefContentFields {
  @Field(() => ID, { description: 'Brief id.' })
  id: string;

  @Field(() => ID, { description: 'The client the brief is about.' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The deal the brief belongs to, if any.' })
  dealId: string | null;

  @Field(() => ID, { nullable: true, description: 'Who created the brief.' })
  createdById: string | null;

  @Field(() => ID, { nullable: true, description: 'Who changed it last.' })
  updatedById: string | null;

  @Field({ description: 'When created.' })
  createdAt: Date;

  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('BriefVersion', { description: 'A previous version of a brief, kept whole when it was replaced.' })
export class BriefVersionType extends BriefContentFields {
  @Field(() => ID, { description: 'Id of this stored version.' })
  id: string;

  @Field(() => ID, { description: 'The brief.' })
  briefId: string;

  @Field({ description: 'When this version was replaced by the next one.' })
  replacedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who replaced it.' })
  replacedById: string | null;
}

@ObjectType('BriefConnection', { description: 'A page of briefs, newest first.' })
export class BriefConnection extends Connection(BriefType, 'Brief') {}
