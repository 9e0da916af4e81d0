import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Client } from './client.entity';
import { User } from './user.entity';
import { TenantOwned } from './base';
import { CurrencyCode, DealDeviationKind, DealStage, DealStatus, RejectionReason } from './enums';

/** One sale to one client, through the simplified sales stages. */
@Entity('deals')
@Index('deals_newest', ['agencyId', 'openedAt', 'id'])
@Index('deals_client', ['agencyId', 'clientId', 'openedAt', 'id'])
@Index('deals_status_stage', ['agencyId', 'status', 'stage'])
export class Deal extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ length: 200 })
  title: string;

  /** what is being sold (service / product) */
  @Column({ type: 'varchar', length: 200, nullable: true })
  product: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code', nullable: true })
  currency: CurrencyCode | null;

  @Column('uuid', { nullable: true })
  managerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'managerId' })
  manager?: User | null;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', default: DealStage.PRESENTATION })
  stage: DealStage;

  @Column({ type: 'timestamptz', precision: 3 })
  stageEnteredAt: Date;

  @Column({ type: 'enum', enum: DealStatus, enumName: 'deal_status', default: DealStatus.OPEN })
  status: DealStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', nullable: true })
  lostAtStage: DealStage | null;

  @Column({ type: 'enum', enum: RejectionReason, enumName: 'rejection_reason', nullable: true })
  lossReason: RejectionReason | null;

  @Column({ type: 'text', nullable: true })
  closeNote: string | null;
}

/** A stage change of a deal; the funnel is computed from these. */
@Entity('deal_stage_changes')
@Index('deal_stage_changes_deal', ['agencyId', 'dealId', 'changedAt'])
export class DealStageChange extends TenantOwned {
  @Column('uuid')
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', nullable: true })
  fromStage: DealStage | null;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage' })
  toStage: DealStage;

  @Column({ type: 'timestamptz', precision: 3 })
  changedAt: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}

export interface Approver {
  name: string;
  position?: string | null;
  decision?: 'APPROVED' | 'RETURNED' | null;
  comment?: string | null;
  decidedAt?: string | null;
}

/** A recorded deviation from the straight path: refused presentation, correction, approvals… */
@Entity('deal_deviations')
@Index('deal_deviations_deal', ['agencyId', 'dealId'])
@Index('deal_deviations_due', ['agencyId', 'dueOn'])
export class DealDeviation extends TenantOwned {
  @Column('uuid')
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'enum', enum: DealDeviationKind, enumName: 'deal_deviation_kind' })
  kind: DealDeviationKind;

  /** retry date of a refused presentation, correction date of a proposal, … (a control point) */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** client-side approvers (APPROVAL_REQUIRED) */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvers: Approver[];

  /** for PARTIAL_PAYMENT / REFUND: the amount of the part */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount: string | null;

  /** for CLIENT_DISSATISFIED: the analysed causes */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  causes: string[];

  @Column('uuid', { nullable: true })
  actorId: string | null;
}
