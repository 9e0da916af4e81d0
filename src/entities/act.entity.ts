import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { DocumentLine } from './document-line';
import { Client } from './client.entity';
import { Contract } from './contract.entity';
import { ActStatus, CurrencyCode } from './enums';
import { PortalScope } from './portal-scope';

/** Act of completed work (акт): issued by the agency, signed or disputed by the client. */
@Entity('acts')
@Index('acts_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId', { where: (a) => `${a}."status" <> 'DRAFT'` })
@Index('acts_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('acts_number_unique', ['agencyId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
export class Act extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid', { nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contractId' })
  contract?: Contract | null;

  /** invoices this act closes */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  invoiceIds: string[];

  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'date', nullable: true })
  actDate: string | null;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  @Column({ type: 'enum', enum: ActStatus, enumName: 'act_status', default: ActStatus.DRAFT })
  status: ActStatus;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  subtotal: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  vatTotal: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  total: string;

  /** act VAT − the VAT the closed invoices charged for the same lines (the rate change); part of total */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  vatDifference: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signedBy: string | null;

  @Column({ type: 'text', nullable: true })
  disputeReason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disputedAt: Date | null;

  /** RU: the VAT invoice (счёт-фактура) issued with the act */
  @Column({ type: 'varchar', length: 60, nullable: true })
  vatInvoiceNumber: string | null;

  @Column({ type: 'date', nullable: true })
  vatInvoiceDate: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@Entity('act_lines')
@PortalScope('clientId')
@Index('act_lines_act', ['agencyId', 'actId', 'position'])
export class ActLine extends DocumentLine {
  @Column('uuid')
  actId: string;

  /** copied from an invoice: the rate and the VAT that invoice charged for the line (null for the act's own lines) */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  invoicedVatRate: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  invoicedVat: string | null;

  @ManyToOne(() => Act, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actId' })
  act?: Act;
}
