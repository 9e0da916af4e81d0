import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CurrencyCode, Locale } from './enums';

/** The agency a sign-up asked for, created as asked once its link is opened (RegisterAgencyInput's fields). */
export interface PendingAgency {
  agencyName: string;
  fullName: string | null;
  timeZone: string | null;
  locale: Locale | null;
  defaultCurrency: CurrencyCode | null;
  country: string | null;
}

/**
 * A sign-up waiting for its confirmation link (SIGNUP_CONFIRMATION=email). Not an agency's row:
 * there is no agency yet, so it carries no agencyId and is read only before the agency is known
 * (beforeAgency). The `signup.email` job looks at the email: if it has no account, it draws the
 * one-time token (only its SHA-256 is kept, as for other one-time tokens) and sends the link; if it
 * has one, it deletes this row and tells the account's owner. confirmSignUp deletes it when it
 * creates the agency; expired rows are pruned (`signups.prune`).
 */
@Entity('pending_signups')
export class PendingSignUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** normalized (trimmed, lower-cased) as users.email */
  @Column({ length: 254 })
  email: string;

  /** argon2 of the password given at sign-up: the owner's password once confirmed */
  @Column({ length: 200 })
  passwordHash: string;

  @Column({ type: 'jsonb' })
  agency: PendingAgency;

  /** the language of the emails: input.locale, else the request's */
  @Column({ type: 'enum', enum: Locale, enumName: 'locale' })
  locale: Locale;

  /** hex SHA-256 of the link's token; null until the job has sent the link */
  @Index('pending_signups_token_unique', { unique: true })
  @Column({ type: 'char', length: 64, nullable: true })
  tokenHash: string | null;

  /** the link works until then; the row is pruned after */
  @Index('pending_signups_expires')
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** the client address the sign-up came from ('local' in-process) */
  @Column({ length: 100 })
  createdFrom: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
