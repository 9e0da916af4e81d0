import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { DocumentLine } from './document-line';
import { Client } from './client.entity';
import { Contract, ContractPaymentItem } from './contract.entity';
import { CurrencyCode, InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod, PriceBasis } from './enums';
import { PortalScope } from './portal-scope';

/** Request for payment. Numbered only when issued; immutable after that. */
@Entity('invoices')
@Index('invoices_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId', { where: (a) => `${a}."status" <> 'DRAFT'` })
@Index('invoices_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('invoices_status_due', ['agencyId', 'status', 'dueDate'])
@Index('invoices_number_unique', ['agencyId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
/** one invoice per payment-schedule item, unless it was cancelled (a double click is refused) */
@Index('invoices_schedule_item_live_unique', ['agencyId', 'scheduleItemId'], { unique: true, where: `"scheduleItemId" IS NOT NULL AND "status" <> 'CANCELLED'` })
export class Invoice extends TenantOwned {
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

  @Column('uuid', { nullable: true })
  scheduleItemId: string | null;

  @ManyToOne(() => ContractPaymentItem, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'scheduleItemId' })
  scheduleItem?: ContractPaymentItem | null;

  @Column({ type: 'enum', enum: InvoiceKind, enumName: 'invoice_kind', default: InvoiceKind.STANDARD })
  kind: InvoiceKind;

  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  /** whether the prices include VAT or add it on top (see PriceBasis) */
  @Column({ type: 'enum', enum: PriceBasis, enumName: 'price_basis', default: PriceBasis.VAT_ON_TOP })
  priceBasis: PriceBasis;

  @Column({ type: 'enum', enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.DRAFT })
  status: InvoiceStatus;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  /** set when issued */
  @Column({ type: 'date', nullable: true })
  issueDate: string | null;

  /** date of supply (chooses the VAT rate); the issue date when not given */
  @Column({ type: 'date', nullable: true })
  supplyDate: string | null;

  /** payment due / expiry date (a control point) */
  @Column({ type: 'date' })
  dueDate: string;

  /** when the INVOICE_OVERDUE event was emitted for it (once per invoice; null: not yet) */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  overdueEventAt: Date | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  subtotal: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  vatTotal: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  total: string;

  /** FINAL invoices: prepayments received on the contract, deducted from the total */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  prepaymentDeducted: string;

  /** Σ totals of the credit notes issued against this invoice */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  creditedAmount: string;

  /** what the client owes on this invoice: total − prepaymentDeducted − creditedAmount */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  amountDue: string;

  /** Σ payments − Σ refunds, kept in step with the payments table in the same transaction */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: '0' })
  paidAmount: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** the legal wording of a regime without VAT (e.g. УСН), fixed at issue for the supply date; null when VAT is charged */
  @Column({ type: 'varchar', length: 500, nullable: true })
  vatExemptionNote: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** the invoice this one corrects (a cancelled one) */
  @Column('uuid', { nullable: true })
  replacesInvoiceId: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@Entity('invoice_lines')
@PortalScope('clientId')
@Index('invoice_lines_invoice', ['agencyId', 'invoiceId', 'position'])
export class InvoiceLine extends DocumentLine {
  @Column('uuid')
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Invoice;
}

/** Money received (PAYMENT) or returned (REFUND) against an invoice. Amounts are positive. */
@Entity('payments')
@PortalScope('clientId')
@Index('payments_invoice', ['agencyId', 'invoiceId'])
export class Payment extends TenantOwned {
  @Column('uuid')
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Invoice;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'enum', enum: PaymentKind, enumName: 'payment_kind', default: PaymentKind.PAYMENT })
  kind: PaymentKind;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'date' })
  paidAt: string;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method', default: PaymentMethod.BANK_TRANSFER })
  method: PaymentMethod;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reference: string | null;

  /** for refunds: the payment being returned */
  @Column('uuid', { nullable: true })
  refundOfId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;
}

