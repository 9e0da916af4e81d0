import { Column } from 'typeorm';
import { TenantOwned } from './base';

/**
 * Columns of a line of an invoice or an act. Amounts are stored as computed by the one rounding
 * rule (services/money/totals); clientId is copied from the document for portal scoping.
 */
export abstract class DocumentLine extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'numeric', precision: 18, scale: 3 })
  quantity: string;

  @Column({ type: 'varchar', length: 20, default: 'усл.' })
  unit: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  unitPrice: string;

  /** percent; null = without VAT */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  vatRate: string | null;

  /** true when the rate came from the dated VAT table (re-read at issue, for the supply date) */
  @Column({ default: false })
  vatRateAuto: boolean;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  net: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  vat: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  gross: string;
}
