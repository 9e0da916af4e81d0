import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CurrencyCode, Locale, PriceBasis, ToolMixBasis } from './enums';

/** The tenant: an advertising / digital agency. */
/** An agency's time zone until it sets its own (its documents, due dates and "today" follow it). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  /** IANA zone; "overdue" and end-of-day rules are evaluated in it */
  @Column({ length: 64, default: DEFAULT_TIME_ZONE })
  timeZone: string;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale', default: Locale.RU })
  locale: Locale;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code', default: CurrencyCode.RUB })
  defaultCurrency: CurrencyCode;

  /** ISO 3166-1 alpha-2 country of the agency's legal entity (RU, BG, …) */
  @Column({ length: 2, default: 'RU' })
  country: string;

  /** allowed deviation of each 70/20/10 share, in percentage points */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: '5' })
  toolMixTolerancePp: string;

  /** which view of the 70/20/10 mix gates sending a proposal */
  @Column({ type: 'enum', enum: ToolMixBasis, enumName: 'tool_mix_basis', default: ToolMixBasis.BUDGET_SHARE })
  toolMixBasis: ToolMixBasis;

  /** the price basis of new proposals and contracts (VAT included, the usual Russian practice, unless the agency chooses otherwise) */
  @Column({ type: 'enum', enum: PriceBasis, enumName: 'price_basis', default: PriceBasis.VAT_INCLUDED })
  priceBasis: PriceBasis;

  /** a client not contacted for longer than this is a control point */
  @Column({ type: 'int', default: 30 })
  maxContactIntervalDays: number;

  /** the meeting protocol is due this many days after the meeting */
  @Column({ type: 'int', default: 1 })
  protocolDueDays: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
