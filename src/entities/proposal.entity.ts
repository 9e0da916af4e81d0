import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Brief } from './brief.entity';
import { Client } from './client.entity';
import { Deal } from './deal.entity';
import { TenantOwned } from './base';
import { CurrencyCode, ProposalStatus, RejectionReason, ToolCategory, PriceBasis } from './enums';
import { PortalScope } from './portal-scope';

/** The ten content blocks of an agency's commercial offer. */
export interface ProposalBlocks {
  companyPresentation?: string | null;
  achievements?: string | null;
  team?: string | null;
  cases?: string | null;
  marketAnalytics?: string | null;
  placementAudit?: string | null;
  recommendations?: string | null;
  mediaPlanNotes?: string | null;
  commercialTerms?: string | null;
  guarantees?: string | null;
}

/** Commercial offer (КП). Portal users see it from SENT on, never drafts. */
@Entity('proposals')
@Index('proposals_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId', { where: (a) => `${a}."status" <> 'DRAFT'` })
@Index('proposals_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('proposals_status_valid', ['agencyId', 'status', 'validUntil'])
@Index('proposals_number_unique', ['agencyId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
export class Proposal extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid', { nullable: true })
  briefId: string | null;

  @ManyToOne(() => Brief, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'briefId' })
  brief?: Brief | null;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  @ManyToOne(() => Deal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'dealId' })
  deal?: Deal | null;

  @Column({ length: 200 })
  title: string;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  /** whether the prices include VAT or add it on top (see PriceBasis) */
  @Column({ type: 'enum', enum: PriceBasis, enumName: 'price_basis', default: PriceBasis.VAT_ON_TOP })
  priceBasis: PriceBasis;

  /** last day the offer holds; it expires at the end of that day in the agency's time zone */
  @Column({ type: 'date' })
  validUntil: string;

  /** stored status; a SENT proposal past validity reads as EXPIRED (see proposal.service) */
  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status', default: ProposalStatus.DRAFT })
  status: ProposalStatus;

  @Column({ type: 'int', default: 1 })
  revision: number;

  /** assigned by the numbering service when the offer is first sent; kept through revisions */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  blocks: ProposalBlocks;

  /** written reason to send a tool mix outside the agency's 70/20/10 tolerance (internal) */
  @Column({ type: 'text', nullable: true })
  mixJustification: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Column({ type: 'enum', enum: RejectionReason, enumName: 'rejection_reason', nullable: true })
  rejectionReason: RejectionReason | null;

  @Column({ type: 'text', nullable: true })
  rejectionNote: string | null;

  /** planned date of the next correction when the client asked for changes */
  @Column({ type: 'date', nullable: true })
  correctionDueOn: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/** A media-plan line of a proposal. clientId is copied from the proposal for portal scoping. */
@Entity('proposal_lines')
@PortalScope('clientId')
@Index('proposal_lines_proposal', ['agencyId', 'proposalId', 'position'])
export class ProposalLine extends TenantOwned {
  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal?: Proposal;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'int' })
  position: number;

  /** channel or tool, e.g. «Яндекс Директ, поиск» */
  @Column({ length: 200 })
  channel: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ type: 'date', nullable: true })
  periodEnd: string | null;

  /** media budget of the line (exact) */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  budget: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  agencyFee: string;

  /** internal fees are hidden from portal users */
  @Column({ default: false })
  feeInternal: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  expectedKpi: string | null;

  @Column({ type: 'enum', enum: ToolCategory, enumName: 'tool_category' })
  category: ToolCategory;
}

/** A previous revision of a proposal, kept whole with the date of the correction. */
@Entity('proposal_revisions')
@Index('proposal_revisions_unique', ['agencyId', 'proposalId', 'revision'], { unique: true })
export class ProposalRevision extends TenantOwned {
  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal?: Proposal;

  @Column({ type: 'int' })
  revision: number;

  /** the proposal and its lines as they were */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status' })
  statusAtRevision: ProposalStatus;

  /** the date of the correction */
  @Column({ type: 'timestamptz', precision: 3 })
  correctedAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;
}
