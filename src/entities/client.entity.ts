import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Agency } from './agency.entity';
import { TenantOwned } from './base';
import { BrandStrength, CompanyLifeStage, CompanySize, CurrencyCode, LifecycleStage, RelationshipStage } from './enums';
import { PortalScope } from './portal-scope';
import { User } from './user.entity';

/** The client company: a tenant's customer. Archived instead of deleted. */
@Entity('clients')
@PortalScope('id')
@Index('clients_agency_name', ['agencyId', 'name'])
@Index('clients_agency_stage', ['agencyId', 'lifecycleStage'])
@Index('clients_agency_inn_unique', ['agencyId', 'inn'], { unique: true, where: '"inn" IS NOT NULL' })
@Index('clients_agency_eik_unique', ['agencyId', 'eik'], { unique: true, where: '"eik" IS NOT NULL' })
export class Client extends TenantOwned {
  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  legalName: string | null;

  /** ISO 3166-1 alpha-2; decides which tax ids apply */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

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

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  industry: string | null;

  @Column({ type: 'enum', enum: CompanySize, enumName: 'company_size', nullable: true })
  companySize: CompanySize | null;

  @Column({ type: 'enum', enum: BrandStrength, enumName: 'brand_strength', nullable: true })
  brandStrength: BrandStrength | null;

  @Column({ type: 'enum', enum: CompanyLifeStage, enumName: 'company_life_stage', nullable: true })
  companyLifeStage: CompanyLifeStage | null;

  /** monthly advertising budget, exact */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  advertisingBudget: string | null;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code', nullable: true })
  advertisingBudgetCurrency: CurrencyCode | null;

  @Column({ type: 'enum', enum: LifecycleStage, enumName: 'lifecycle_stage', default: LifecycleStage.ATTRACTION })
  lifecycleStage: LifecycleStage;

  /** when the current lifecycle stage began (time-in-stage) */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  stageChangedAt: Date;

  @Column({ type: 'enum', enum: RelationshipStage, enumName: 'relationship_stage', nullable: true })
  relationshipStage: RelationshipStage | null;

  /** "development" state between deals: the next contact's date, goal and product */
  @Column({ type: 'date', nullable: true })
  nextContactOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  nextContactGoal: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nextContactProduct: string | null;

  /** the latest logged interaction, kept here so the contact-interval control point is one query */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastContactAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  terminatedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  terminationReason: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'ownerId' })
  owner?: User | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;
}
