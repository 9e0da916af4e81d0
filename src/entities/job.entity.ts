import { Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './base';

export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** What the agency reads when a job failed: a stable code and a message in its language. */
export interface JobErrorValue {
  code: string;
  message: string;
}

/**
 * The agency's view of one background job (a report, an import, an email): what it is, how far it
 * got and how it ended. The queue itself (pg-boss, schema `pgboss`) holds the job's delivery state;
 * this row is what GraphQL reads, written by the worker as the job moves.
 */
@Entity('jobs')
@Index('jobs_boss_job', ['bossJobId'], { unique: true })
export class Job extends TenantOwned {
  /** the pg-boss job id (pgboss.job.id) */
  @Column('uuid')
  bossJobId: string;

  /** the registered handler's name, e.g. `email.send` */
  @Column({ type: 'varchar', length: 100 })
  kind: string;

  @Column({ type: 'enum', enum: JobState, enumName: 'job_state', default: JobState.QUEUED })
  state: JobState;

  /** 0–100 */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  progressMessage: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  @Column({ type: 'jsonb', nullable: true })
  error: JobErrorValue | null;

  /** attempts started so far (the first run is 1) */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;
}
