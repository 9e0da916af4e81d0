import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { User } from './user.entity';

/** Why the token was issued (storage only; both are consumed by resetPassword). */
export enum PasswordTokenPurpose {
  INVITATION = 'INVITATION',
  RESET = 'RESET',
}

/**
 * A one-time token that lets a user set a password: an invitation (a portal user who has none
 * yet) or a reset issued by an owner. Only the SHA-256 of the token is kept; the token itself is
 * shown once, to whoever issued it.
 */
@Entity('password_reset_tokens')
export class PasswordResetToken extends TenantOwned {
  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** hex SHA-256 of the 32 random bytes handed out; a lookup key, so unique */
  @Index('password_reset_tokens_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'enum', enum: PasswordTokenPurpose, enumName: 'password_token_purpose' })
  purpose: PasswordTokenPurpose;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** set when consumed, or when a newer token for the same user replaces it */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;

  /** the owner or manager who issued it */
  @Column('uuid', { nullable: true })
  issuedById: string | null;
}
