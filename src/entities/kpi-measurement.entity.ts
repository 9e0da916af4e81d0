import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from './base';
import { Campaign, CampaignKpiTarget } from './campaign.entity';
import { DeviationCloseReason, DeviationSeverity, KpiMetric } from './enums';
import { PortalScope } from './portal-scope';

/**
 * One day's figure of one stored metric of a campaign. Derived metrics are never stored: they are
 * computed from the sums of a period. `customName` is '' for every metric but CUSTOM, so that the
 * key (which re-sending a day hits, replacing the value) also holds for them.
 *
 * The natural key is the primary key, and the only index: a write maintains one b-tree, and a
 * campaign's days over a period (plan against actual, the monthly rollup, the report's edge days,
 * the latest figure) are one range of it (date before metric); it carries the value (INCLUDE,
 * migration KpiCoveringKeys), so such a range is read from the index alone. The columns of TenantOwned are
 * spelled out because its id is the primary key there and its agencyId has an index of its own,
 * which here would only slow every write down; and a row has no surrogate id: nothing looks a
 * figure up but by its key, and drawing one per row was a sixth of a bulk insert's cost.
 */
@Entity('kpi_measurements')
@Check('kpi_measurements_value_not_negative', '"value" >= 0')
@PortalScope('clientId')
export class KpiMeasurement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'kpi_measurements_key' })
  agencyId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'kpi_measurements_key' })
  campaignId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'kpi_measurements_key' })
  date: string;

  @PrimaryColumn({ type: 'enum', enum: KpiMetric, enumName: 'kpi_metric', primaryKeyConstraintName: 'kpi_measurements_key' })
  metric: KpiMetric;

  @PrimaryColumn({ type: 'varchar', length: 100, default: '', primaryKeyConstraintName: 'kpi_measurements_key' })
  customName: string;

  // no foreign key: its per-row check was most of a bulk write's cost, and every writer has the
  // campaign scoped and locked already (see migration KpiMeasurementsWithoutCampaignFk)
  @ManyToOne(() => Campaign, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  value: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * A KPI of a campaign worse than plan by its warn band or more, over one period of its target:
 * opened when it gets there while the period runs, updated while it lasts, closed (closedAt,
 * closeReason) once back within the band, once its period has ended or once its campaign has
 * ended; never reopened after that (see deviationAction in kpi-measurement.rules.ts).
 */
@Entity('kpi_deviations')
@PortalScope('clientId')
@Index('kpi_deviations_campaign', ['agencyId', 'campaignId', 'openedAt'])
@Index('kpi_deviations_target_period', ['agencyId', 'targetId', 'periodStart'])
@Index('kpi_deviations_open_by_end', ['periodEnd'], { where: `"closedAt" IS NULL` })
export class KpiDeviation extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column('uuid')
  targetId: string;

  @ManyToOne(() => CampaignKpiTarget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'targetId' })
  target?: CampaignKpiTarget;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  plan: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  actual: string;

  /** null when the plan is 0 (no percent of nothing) */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  deviationPercent: string | null;

  @Column({ type: 'enum', enum: DeviationSeverity, enumName: 'deviation_severity' })
  severity: DeviationSeverity;

  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** why it was closed; null while open */
  @Column({ type: 'enum', enum: DeviationCloseReason, enumName: 'kpi_deviation_close_reason', nullable: true })
  closeReason: DeviationCloseReason | null;
}

/**
 * The monthly rollup of kpi_measurements: per series of a campaign and calendar month (`month` is
 * its first day), the sum of the days and how many days were recorded. Never written by hand: it is
 * recomputed from the raw rows in the transaction of every write (storeMeasurements), so it always
 * equals them. Agency-wide reports read it instead of millions of daily rows.
 */
@Entity('kpi_measurement_months')
@PortalScope('clientId')
// unique ("agencyId", "campaignId", month, metric, "customName") INCLUDE (value): TypeORM cannot
// express INCLUDE, so the migration KpiCoveringKeys defines it
@Index('kpi_measurement_months_unique', { synchronize: false })
@Index('kpi_measurement_months_month', ['agencyId', 'month'])
export class KpiMeasurementMonth extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column({ type: 'enum', enum: KpiMetric, enumName: 'kpi_metric' })
  metric: KpiMetric;

  @Column({ type: 'varchar', length: 100, default: '' })
  customName: string;

  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'numeric', precision: 22, scale: 4 })
  value: string;

  @Column({ type: 'int' })
  days: number;
}
