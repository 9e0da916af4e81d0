import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from './agency.entity';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { Locale, UserRole } from './enums';
import { PortalScope } from './portal-scope';

/** A person who logs in: agency staff (OWNER, MANAGER) or a client-portal user bound to one client. */
@Entity('users')
@PortalScope('clientId')
@Check('users_client_binding', `("role" = 'CLIENT') = ("clientId" IS NOT NULL)`)
export class User extends TenantOwned {
  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;

  /** stored lower-cased; logins are global, so unique across agencies */
  @Index('users_email_unique', { unique: true })
  @Column({ length: 254 })
  email: string;

  @Column({ length: 200 })
  passwordHash: string;

  @Column({ length: 200, default: '' })
  fullName: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  @Index()
  @Column('uuid', { nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'clientId' })
  client?: Client | null;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale', nullable: true })
  locale: Locale | null;

  /** E.164, e.g. +79161234567; shown to the portal users of the clients this user manages */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ default: true })
  isActive: boolean;

  /** carried by the user's tokens: bumped when the password changes, is reset or the user is deactivated, which signs out every earlier session */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastLoginAt: Date | null;
}
