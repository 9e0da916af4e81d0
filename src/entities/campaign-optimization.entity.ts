import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Campaign } from './campaign.entity';
import { DeviationSeverity, KpiMetric, KpiPeriod, KpiTargetDirection, OptimizationCategory } from './enums';
import { PortalScope } from './portal-scope';

/** One KPI of a campaign as it stood when an optimization was logged (figures as `Campaign.kpis` shows them). */
export interface KpiSnapshot {
  targetId: string;
  metric: KpiMetric;
  customName: string | null;
  period: KpiPeriod;
  direction: KpiTargetDirection;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  /** the days summed: the period up to asOf, within the campaign */
  windowStart: string;
  windowEnd: string;
  plan: string;
  planSoFar: string;
  actual: string | null;
  deviationPercent: string | null;
  severity: DeviationSeverity;
}

/**
 * A change the agency made to a running campaign, with the KPIs as they were, so that the same
 * KPIs over an equal window afterwards tell whether it helped.
 */
@Entity('campaign_optimizations')
@PortalScope('clientId')
@Index('campaign_optimizations_campaign', ['agencyId', 'campaignId', 'performedOn'])
export class CampaignOptimization extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column({ type: 'enum', enum: OptimizationCategory, enumName: 'optimization_category' })
  category: OptimizationCategory;

  @Column('text')
  description: string;

  @Column({ type: 'date' })
  performedOn: string;

  /** the open deviations of the campaign it answers */
  @Column('uuid', { array: true, default: () => "'{}'" })
  deviationIds: string[];

  @Column()
  triggeredByDeviation: boolean;

  @Column('jsonb')
  kpiBefore: KpiSnapshot[];

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
