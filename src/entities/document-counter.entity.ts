import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DocumentKind } from './enums';

/**
 * The gapless numbering counter: one row per agency, document kind and period, incremented by
 * UPDATE … RETURNING inside the transaction that issues the document. A rolled-back issue rolls
 * the counter back with it; concurrent issues queue on the row lock. (A sequence would leave gaps.)
 */
@Entity('document_counters')
export class DocumentCounter {
  @PrimaryColumn('uuid')
  agencyId: string;

  @PrimaryColumn({ type: 'enum', enum: DocumentKind, enumName: 'document_kind' })
  kind: DocumentKind;

  /** the year for patterns that restart yearly, 0 for continuous numbering */
  @PrimaryColumn({ type: 'int' })
  period: number;

  @Column({ type: 'int', default: 0 })
  lastNumber: number;
}
