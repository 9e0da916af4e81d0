import { Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './base';
import { KpiImportStatus } from './enums';

/** A message kept unrendered (i18n key and parameters), rendered in the reader's language. */
export interface StoredMessage {
  key: string;
  params?: Record<string, unknown>;
}

/** One refused line of an import, as kept on the record. */
export interface StoredImportProblem {
  line: number;
  column: string | null;
  message: StoredMessage;
}

/**
 * One import of a measurements file: its options, where it stands, its progress and its outcome.
 * A background import keeps the file's text (content) until it has finished, so that whichever
 * worker process runs its job can read it; the job is linked by jobId.
 */
@Entity('kpi_imports')
@Index('kpi_imports_list', ['agencyId', 'createdAt'])
@Index('kpi_imports_unfinished', ['status'], { where: `"status" IN ('QUEUED', 'RUNNING')` })
export class KpiImport extends TenantOwned {
  @Column('uuid')
  createdById: string;

  @Column('varchar', { length: 32 })
  source: string;

  /** campaignId, skipInvalidRows, moneyInMicros, background as given */
  @Column('jsonb')
  options: Record<string, unknown>;

  @Column({ type: 'enum', enum: KpiImportStatus, enumName: 'kpi_import_status' })
  status: KpiImportStatus;

  @Column('int')
  linesTotal: number;

  @Column('int', { default: 0 })
  linesDone: number;

  /** figures (one per metric of a line) to record once every line is checked, and how many are recorded so far */
  @Column('int', { default: 0 })
  figuresTotal: number;

  @Column('int', { default: 0 })
  figuresDone: number;

  @Column('int', { default: 0 })
  imported: number;

  @Column('int', { default: 0 })
  skipped: number;

  /** the first problems by line (capped); problemCount is how many there were in all */
  @Column('jsonb', { default: () => "'[]'" })
  problems: StoredImportProblem[];

  @Column('int', { default: 0 })
  problemCount: number;

  /** FAILED only: a stable code and the message */
  @Column('varchar', { length: 64, nullable: true })
  errorCode: string | null;

  @Column('jsonb', { nullable: true })
  errorMessage: StoredMessage | null;

  /** the file of a background import, kept until it has finished (never selected unless asked for) */
  @Column('text', { nullable: true, select: false })
  content?: string | null;

  /** the job (jobs.id) that runs a background import; null for one finished within the request */
  @Column('uuid', { nullable: true })
  jobId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;
}
