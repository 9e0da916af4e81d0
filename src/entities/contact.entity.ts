import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { AddressForm, ContactChannel } from './enums';
import { PortalScope } from './portal-scope';

/** A person at the client. */
@Entity('contacts')
@PortalScope('clientId')
@Index('contacts_agency_client', ['agencyId', 'clientId'])
@Index('contacts_one_primary', ['clientId'], { unique: true, where: '"isPrimary" AND "archivedAt" IS NULL' })
export class Contact extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ length: 200 })
  fullName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** a control point (congratulations) in the pipeline */
  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  /** how to address the person in letters, e.g. "Иван Петрович" */
  @Column({ type: 'varchar', length: 200, nullable: true })
  salutation: string | null;

  @Column({ type: 'enum', enum: AddressForm, enumName: 'address_form', default: AddressForm.FORMAL })
  addressForm: AddressForm;

  /** ordered: first is the most preferred */
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  preferredChannels: ContactChannel[];

  @Column({ default: false })
  isPrimary: boolean;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;
}
