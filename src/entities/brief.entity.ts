import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Client } from './client.entity';
import { Deal } from './deal.entity';
import { TenantOwned } from './base';
import { KpiDirection, MarketingKnowledge } from './enums';

/** The eight blocks of an agency brief, stored as one JSON document per version. */
export interface BriefContent {
  contactInfo?: { contactIds?: string[]; decisionMakers?: string | null; notes?: string | null } | null;
  business?: {
    description?: string | null;
    products?: string | null;
    geography?: string | null;
    targetAudience?: string | null;
    competitors?: string[] | null;
    seasonality?: string | null;
    uniqueSellingPoints?: string | null;
  } | null;
  expectations?: { goals?: string | null; expectedResults?: string | null; previousExperience?: string | null } | null;
  accessesAndAudit?: {
    accesses?: { system: string; granted: boolean; notes?: string | null }[] | null;
    currentActivity?: string | null;
    analyticsInstalled?: string[] | null;
  } | null;
  kpis?: { metric: string; target: string; unit?: string | null; direction: KpiDirection }[] | null;
  proposalCriteria?: { criterion: string; weight: number }[] | null;
  constraints?: {
    budgetMin?: string | null;
    budgetMax?: string | null;
    currency?: string | null;
    startDate?: string | null;
    endDate?: string | null;
    legal?: string | null;
    brand?: string | null;
    other?: string | null;
  } | null;
  additionalInfo?: string | null;
}

@Entity('briefs')
@Index('briefs_newest', ['agencyId', 'createdAt', 'id'])
@Index('briefs_client', ['agencyId', 'clientId', 'createdAt', 'id'])
export class Brief extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  @ManyToOne(() => Deal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'dealId' })
  deal?: Deal | null;

  @Column({ length: 200 })
  title: string;

  /** 1 for a new brief; every update adds one and keeps the previous content in brief_versions */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'enum', enum: MarketingKnowledge, enumName: 'marketing_knowledge', nullable: true })
  marketingKnowledge: MarketingKnowledge | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  content: BriefContent;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Column('uuid', { nullable: true })
  updatedById: string | null;
}

/** A previous version of a brief, kept whole. */
@Entity('brief_versions')
@Index('brief_versions_brief_version', ['agencyId', 'briefId', 'version'], { unique: true })
export class BriefVersion extends TenantOwned {
  @Column('uuid')
  briefId: string;

  @ManyToOne(() => Brief, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'briefId' })
  brief?: Brief;

  @Column({ type: 'int' })
  version: number;

  @Column({ length: 200 })
  title: string;

  @Column({ type: 'enum', enum: MarketingKnowledge, enumName: 'marketing_knowledge', nullable: true })
  marketingKnowledge: MarketingKnowledge | null;

  @Column({ type: 'jsonb' })
  content: BriefContent;

  /** when this version was replaced, and by whom */
  @Column({ type: 'timestamptz', precision: 3 })
  replacedAt: Date;

  @Column('uuid', { nullable: true })
  replacedById: string | null;
}
