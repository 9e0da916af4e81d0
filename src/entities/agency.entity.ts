import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CurrencyCode, Locale } from './enums';

/** The tenant: an advertising / digital agency. */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  /** IANA zone; "overdue" and end-of-day rules are evaluated in it */
  @Column({ length: 64, default: 'Europe/Moscow' })
  timeZone: string;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale', default: Locale.RU })
  locale: Locale;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code', default: CurrencyCode.RUB })
  defaultCurrency: CurrencyCode;

  /** ISO 3166-1 alpha-2 country of the agency's legal entity (RU, BG, …) */
  @Column({ length: 2, default: 'RU' })
  country: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
