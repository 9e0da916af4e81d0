import { Deal } from './deal.entity';
import { Client } from './client.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';

export interface ActionItem {
  description: string;
  ownerUserId?: string | null;
  ownerContactId?: string | null;
  dueDate?: string | null;
  done?: boolean;
}

/** A meeting with the client and its protocol (minutes). */
@Entity('meetings')
@Index('meetings_newest', ['agencyId', 'startsAt', 'id'])
@Index('meetings_client_time', ['agencyId', 'clientId', 'startsAt', 'id'])
export class Meeting extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  @ManyToOne(() => Deal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'dealId' })
  deal?: Deal | null;

  @Column({ length: 200 })
  title: string;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  agenda: string | null;

  /** what was discussed, in the protocol between the agenda and the decisions */
  @Column({ type: 'text', nullable: true })
  discussion: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  decisions: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actionItems: ActionItem[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  participantUserIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  participantContactIds: string[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextMeetingAt: Date | null;

  /** "the fact of sending the meeting protocol": a control point until set */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  protocolSentAt: Date | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
