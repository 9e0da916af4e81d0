import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { Deal } from './deal.entity';
import { ApprovalDecision, ContractStatus, CurrencyCode, PaymentTrigger, PriceBasis } from './enums';
import { PortalScope } from './portal-scope';
import { Proposal } from './proposal.entity';

/** The signed agreement. Portal users see it once it leaves DRAFT. */
@Entity('contracts')
@Index('contracts_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId', { where: (a) => `${a}."status" <> 'DRAFT'` })
@Index('contracts_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('contracts_number_unique', ['agencyId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
/** one contract per accepted proposal, unless it was terminated (a double click is refused) */
@Index('contracts_proposal_live_unique', ['agencyId', 'proposalId'], { unique: true, where: `"proposalId" IS NOT NULL AND "status" <> 'TERMINATED'` })
export class Contract extends TenantOwned {
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

  @Column('uuid', { nullable: true })
  proposalId: string | null;

  @ManyToOne(() => Proposal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposalId' })
  proposal?: Proposal | null;

  /** assigned by the numbering service when the contract leaves DRAFT */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'date' })
  contractDate: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  /** whether the prices include VAT or add it on top (see PriceBasis) */
  @Column({ type: 'enum', enum: PriceBasis, enumName: 'price_basis', default: PriceBasis.VAT_ON_TOP })
  priceBasis: PriceBasis;

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'enum', enum: ContractStatus, enumName: 'contract_status', default: ContractStatus.DRAFT })
  status: ContractStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signedByClient: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  terminationReason: string | null;

  /** the dates on which the contract was corrected after being returned */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  corrections: { correctedAt: string; note: string | null }[];

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/** One item of the payment schedule: a share or an amount, due on an event or a date. */
@Entity('contract_payment_items')
@PortalScope('clientId')
@Index('contract_payment_items_contract', ['agencyId', 'contractId', 'position'])
export class ContractPaymentItem extends TenantOwned {
  @Column('uuid')
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contractId' })
  contract?: Contract;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ length: 200 })
  label: string;

  @Column({ type: 'enum', enum: PaymentTrigger, enumName: 'payment_trigger' })
  trigger: PaymentTrigger;

  /** share of the contract amount, in percent (exact); amount is derived from it */
  @Column({ type: 'numeric', precision: 7, scale: 4 })
  percent: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** prepayment items produce PREPAYMENT invoices that a FINAL invoice deducts */
  @Column({ default: false })
  isPrepayment: boolean;
}

/** A client-side approval a contract needs (director, accountant, lawyer…). */
@Entity('contract_approvals')
@PortalScope('clientId')
@Index('contract_approvals_contract', ['agencyId', 'contractId'])
export class ContractApproval extends TenantOwned {
  @Column('uuid')
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contractId' })
  contract?: Contract;

  @Column('uuid')
  clientId: string;

  /** which approval round (1 for the first submission, +1 after every return) */
  @Column({ type: 'int', default: 1 })
  round: number;

  /** order of the approver within the round, from 1, as given */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ length: 200 })
  approverName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  approverPosition: string | null;

  @Column({ type: 'enum', enum: ApprovalDecision, enumName: 'approval_decision', default: ApprovalDecision.PENDING })
  decision: ApprovalDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;
}
