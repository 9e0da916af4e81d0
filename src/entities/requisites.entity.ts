import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { VatRegime } from './enums';

/** Defaults of an agency that has not saved its requisites (also the column defaults). */
export const REQUISITE_DEFAULTS = {
  vatPayer: true,
  invoiceNumberPattern: '{YYYY}-{N:6}',
  actNumberPattern: 'АКТ-{YYYY}-{N:6}',
  contractNumberPattern: 'Д-{YYYY}-{N:4}',
  creditNoteNumberPattern: 'КН-{YYYY}-{N:6}',
  proposalNumberPattern: 'КП-{YYYY}-{N:4}',
  actSignDays: 5,
  approvalWaitDays: 3,
} as const;

/**
 * The defaults of an agency registered in `country`. Bulgarian law (ЗДДС, ППЗДДС art. 78) wants
 * invoices numbered in one continuous series of ten digits, never restarted by year.
 */
export function requisiteDefaultsFor(country: string): { invoiceNumberPattern?: string } {
  return country === 'BG' ? { invoiceNumberPattern: '{N:10}' } : {};
}

/** What goes on the agency's documents: legal entity, bank, signatory, VAT status, numbering. */
@Entity('agency_requisites')
export class AgencyRequisites {
  @PrimaryColumn('uuid')
  agencyId: string;

  @OneToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;

  @Column({ type: 'varchar', length: 300, nullable: true })
  legalName: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  inn: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  kpp: string | null;

  @Column({ type: 'varchar', length: 15, nullable: true })
  ogrn: string | null;

  @Column({ type: 'varchar', length: 13, nullable: true })
  eik: string | null;

  @Column({ type: 'varchar', length: 15, nullable: true })
  vatNumber: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bankName: string | null;

  /** RU: 9-digit БИК; BG: SWIFT/BIC */
  @Column({ type: 'varchar', length: 11, nullable: true })
  bic: string | null;

  /** RU: расчётный счёт (20 digits) */
  @Column({ type: 'varchar', length: 20, nullable: true })
  settlementAccount: string | null;

  /** RU: корреспондентский счёт (20 digits) */
  @Column({ type: 'varchar', length: 20, nullable: true })
  correspondentAccount: string | null;

  /** BG (and EU): IBAN */
  @Column({ type: 'varchar', length: 34, nullable: true })
  iban: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signatoryName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signatoryPosition: string | null;

  @Column({ default: REQUISITE_DEFAULTS.vatPayer })
  vatPayer: boolean;

  /** numbering patterns: {YYYY} {YY} {N:k}; a pattern with a year restarts numbering every year */
  @Column({ length: 60, default: REQUISITE_DEFAULTS.invoiceNumberPattern })
  invoiceNumberPattern: string;

  @Column({ length: 60, default: REQUISITE_DEFAULTS.actNumberPattern })
  actNumberPattern: string;

  @Column({ length: 60, default: REQUISITE_DEFAULTS.contractNumberPattern })
  contractNumberPattern: string;

  @Column({ length: 60, default: REQUISITE_DEFAULTS.creditNoteNumberPattern })
  creditNoteNumberPattern: string;
  @Column({ length: 60, default: REQUISITE_DEFAULTS.proposalNumberPattern })
  proposalNumberPattern: string;

  /** an issued act still unsigned this many days later is a control point */
  @Column({ type: 'int', default: REQUISITE_DEFAULTS.actSignDays })
  actSignDays: number;

  /** a contract waiting for approvals this many days is a control point */
  @Column({ type: 'int', default: REQUISITE_DEFAULTS.approvalWaitDays })
  approvalWaitDays: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * The agency's VAT regime from `validFrom` until the next period (dated like the rates): a line's
 * rate comes from the period in force on its supply / act date. Before the first period the
 * requisites' `vatPayer` decides (STANDARD, or the simplified regime of the agency's country).
 */
@Entity('agency_vat_regimes')
export class AgencyVatRegime {
  @PrimaryColumn('uuid')
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;

  @PrimaryColumn({ type: 'date' })
  validFrom: string;

  @Column({ type: 'enum', enum: VatRegime, enumName: 'vat_regime' })
  regime: VatRegime;

  /** the reduced rate of RU_USN_REDUCED (5 or 7); null for the other regimes */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  rate: string | null;

  /** the agency's own wording of the exemption on documents; null = the legal wording of the regime */
  @Column({ type: 'varchar', length: 500, nullable: true })
  exemptionNote: string | null;
}
