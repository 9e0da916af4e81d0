import { Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './base';

export enum OutboundEmailStatus {
  /** waiting for the `email.send` job */
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  /** the SMTP server refused it on every attempt */
  FAILED = 'FAILED',
  /** no SMTP server is configured: kept in the outbox, readable by the owner */
  KEPT = 'KEPT',
}

/**
 * One email the platform sends on the agency's behalf, written in the transaction of what caused
 * it (so a rolled-back invitation sends nothing) and sent afterwards by the `email.send` job.
 */
@Entity('outbound_emails')
@Index('outbound_emails_newest', ['agencyId', 'createdAt', 'id'])
export class OutboundEmail extends TenantOwned {
  @Column({ type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'enum', enum: OutboundEmailStatus, enumName: 'outbound_email_status', default: OutboundEmailStatus.QUEUED })
  status: OutboundEmailStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  /** what the email is about, e.g. ('User', id) for an invitation */
  @Column({ type: 'varchar', length: 50, nullable: true })
  relatedType: string | null;

  @Column('uuid', { nullable: true })
  relatedId: string | null;
}
