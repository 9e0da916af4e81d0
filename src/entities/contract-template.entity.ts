import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './base';
import { Locale } from './enums';

/**
 * One version of an agency's contract clause text in one language. Versions are numbered 1, 2, …
 * per agency and language without gaps and never change; the newest is the one in force. A
 * version marked `isDefault` (body null) goes back to the built-in text of the running release.
 */
@Entity('contract_templates')
@Check('contract_templates_body', `"isDefault" OR "body" IS NOT NULL`)
@Index('contract_templates_version_unique', ['agencyId', 'locale', 'version'], { unique: true })
export class ContractTemplate extends TenantOwned {
  @Column({ type: 'enum', enum: Locale, enumName: 'locale' })
  locale: Locale;

  @Column({ type: 'int' })
  version: number;

  /** the agency's text; null for a version that returns to the built-in text */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ default: false })
  isDefault: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
