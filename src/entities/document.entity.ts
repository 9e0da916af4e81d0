import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentKind, PORTAL_DOCUMENT_KINDS } from '../documents/kinds';
import { Client } from './client.entity';
import { Locale } from './enums';
import { PortalScope } from './portal-scope';

/**
 * A generated document (PDF) kept with its record: the bytes live in PostgreSQL next to the
 * metadata, so one backup and one transaction cover both, and the agency scope applies to them
 * like to any row. Each (kind, source, locale) has versions 1, 2 … without gaps. Rows are never
 * changed once written. List queries never read `bytes` (select: false).
 */
@Entity('documents')
@PortalScope('clientId', { where: (a) => `${a}."kind" IN (${PORTAL_DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')}) AND ${a}."forClient"` })
@Index('documents_version_unique', ['agencyId', 'kind', 'sourceId', 'locale', 'version'], { unique: true })
@Index('documents_client', ['agencyId', 'clientId', 'createdAt'])
@Index('documents_created', ['agencyId', 'createdAt'])
export class GeneratedDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  agencyId: string;

  /** the client the document is addressed to */
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ type: 'enum', enum: DocumentKind, enumName: 'generated_document_kind' })
  kind: DocumentKind;

  /** the record it is made from (meeting, proposal, contract, invoice, act …) */
  @Column('uuid')
  sourceId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale' })
  locale: Locale;

  /** the document's own number when it has one (invoice №, act №) */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  /** with the extension, in the document's language: "Протокол встречи от 22.11.2026.pdf" */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'bytea', select: false })
  bytes?: Buffer;

  @Column({ type: 'int' })
  byteSize: number;

  @Column({ type: 'int' })
  pageCount: number;

  /** hex SHA-256 of the bytes (the download's ETag) */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** hex SHA-256 of the view model it was rendered from: an unchanged source reuses the version */
  @Column({ type: 'char', length: 64 })
  modelSha256: string;

  /** a legal record (issued invoice, act): its first rendering is served again */
  @Column({ type: 'boolean' })
  immutable: boolean;

  /**
   * whether the client may see it: a print of a draft (invoice, act, contract, offer not yet sent)
   * is the agency's working copy, never shown in the portal
   */
  @Column({ type: 'boolean', default: true })
  forClient: boolean;

  /** also the creation date inside the PDF */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
