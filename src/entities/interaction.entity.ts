import { Contact } from './contact.entity';
import { Client } from './client.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { InteractionKind } from './enums';

/** A touch with the client: call, email, meeting, message… */
@Entity('interactions')
@Index('interactions_newest', ['agencyId', 'occurredAt', 'id'])
@Index('interactions_client_time', ['agencyId', 'clientId', 'occurredAt', 'id'])
export class Interaction extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contactId' })
  contact?: Contact | null;

  /** the agency user who had the contact */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column({ type: 'enum', enum: InteractionKind, enumName: 'interaction_kind' })
  kind: InteractionKind;

  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'int', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'text' })
  summary: string;
}
