import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { CurrencyCode } from './enums';
import { Invoice, InvoiceLine } from './invoice.entity';
import { PortalScope } from './portal-scope';

/**
 * Credit note (корректировочный документ / кредитно известие): reduces an issued invoice by an
 * amount or whole lines. Issued and numbered in one step (its own gapless series); immutable.
 */
@Entity('credit_notes')
@Index('credit_notes_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId')
@Index('credit_notes_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('credit_notes_invoice', ['agencyId', 'invoiceId'])
@Index('credit_notes_number_unique', ['agencyId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
export class CreditNote extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid')
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Invoice;

  /** the invoice's contract, copied for lists */
  @Column('uuid', { nullable: true })
  contractId: string | null;

  /** written in the issuing transaction, just before commit (null only inside it) */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  @Column({ type: 'date' })
  issueDate: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  subtotal: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  vatTotal: string;

  /** what the invoice's amount due is reduced by (VAT included) */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  total: string;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/** The part of one invoice line a credit note takes back, with its VAT at the line's rate. */
@Entity('credit_note_lines')
@PortalScope('clientId')
@Index('credit_note_lines_note', ['agencyId', 'creditNoteId', 'position'])
@Index('credit_note_lines_invoice_line', ['agencyId', 'invoiceLineId'])
export class CreditNoteLine extends TenantOwned {
  @Column('uuid')
  creditNoteId: string;

  @ManyToOne(() => CreditNote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creditNoteId' })
  creditNote?: CreditNote;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  invoiceLineId: string;

  @ManyToOne(() => InvoiceLine, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoiceLineId' })
  invoiceLine?: InvoiceLine;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  description: string;

  /** the invoice line's rate; null = without VAT */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  vatRate: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  net: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  vat: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  gross: string;
}
