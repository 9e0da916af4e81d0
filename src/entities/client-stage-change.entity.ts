import { Client } from './client.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { LifecycleStage } from './enums';

/** One lifecycle stage change of a client (or its termination / reactivation), with who and when. */
@Entity('client_stage_changes')
@Index('client_stage_changes_client', ['agencyId', 'clientId', 'changedAt'])
export class ClientStageChange extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage', nullable: true })
  fromStage: LifecycleStage | null;

  @Column({ type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage' })
  toStage: LifecycleStage;

  /** true for the entry that records termination of cooperation */
  @Column({ default: false })
  terminated: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  changedAt: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
