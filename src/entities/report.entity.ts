import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { Locale, ReportFrequency, ReportKind, ReportStatus } from './enums';
import { PortalScope } from './portal-scope';

/** A report the agency makes for a client on a schedule (the agency's setting: the portal never sees it). */
@Entity('report_schedules')
@Index('report_schedules_unique', ['agencyId', 'clientId', 'kind', 'frequency'], { unique: true })
export class ReportSchedule extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ type: 'enum', enum: ReportKind, enumName: 'report_kind' })
  kind: ReportKind;

  @Column({ type: 'enum', enum: ReportFrequency, enumName: 'report_frequency' })
  frequency: ReportFrequency;

  /** who gets the notice when a report of this schedule is published */
  @Column('varchar', { length: 254, array: true, default: () => "'{}'" })
  recipients: string[];

  @Column({ default: true })
  active: boolean;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/**
 * One report for a client over a period: the data as it was when made (a snapshot, so a published
 * report reads the same for ever), the manager's development plan and the rendered PDF. Each
 * (client, kind, period) has versions 1, 2 …; a published version is never changed, a new one is
 * made instead. The portal sees published reports of its own client only.
 */
@Entity('reports')
@PortalScope('clientId', { where: (a) => `${a}."status" = 'PUBLISHED'` })
@Index('reports_version_unique', ['agencyId', 'clientId', 'kind', 'periodStart', 'periodEnd', 'version'], { unique: true })
@Index('reports_schedule_period_unique', ['scheduleId', 'periodStart'], { unique: true, where: '"scheduleId" IS NOT NULL' })
@Index('reports_client', ['agencyId', 'clientId', 'periodEnd'])
@Check('reports_period', '"periodEnd" >= "periodStart"')
export class Report extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ type: 'enum', enum: ReportKind, enumName: 'report_kind' })
  kind: ReportKind;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.DRAFT })
  status: ReportStatus;

  /** the schedule that made it; null for one made on demand */
  @Column('uuid', { nullable: true })
  scheduleId: string | null;

  @ManyToOne(() => ReportSchedule, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'scheduleId' })
  schedule?: ReportSchedule | null;

  /** the report's figures as computed when it was made (ReportData) */
  @Column('jsonb')
  data: unknown;

  @Column({ type: 'text', default: '' })
  developmentPlan: string;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale' })
  locale: Locale;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf?: Buffer | null;

  @Column({ type: 'int', nullable: true })
  pdfByteSize: number | null;

  @Column({ type: 'int', nullable: true })
  pdfPageCount: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  renderedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
