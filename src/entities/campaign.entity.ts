import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { Contract } from './contract.entity';
import { CampaignStatus, CurrencyCode, KpiTargetDirection, KpiMetric, KpiPeriod, LaunchChecklistItem, ToolCategory } from './enums';
import { PortalScope } from './portal-scope';
import { Proposal } from './proposal.entity';
import { User } from './user.entity';

/** An advertising channel of the agency (Яндекс Директ, SEO…), with its place in the 70/20/10 mix. */
@Entity('campaign_channels')
@Index('campaign_channels_name_unique', ['agencyId', 'name'], { unique: true })
export class CampaignChannel extends TenantOwned {
  @Column({ length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ToolCategory, enumName: 'tool_category' })
  toolMixCategory: ToolCategory;

  @Column({ default: true })
  active: boolean;
}

/** One advertising campaign of one client. The client's portal sees it once launched. */
@Entity('campaigns')
@Index('campaigns_newest', ['agencyId', 'createdAt', 'id'])
@PortalScope('clientId', { where: (a) => `${a}."status" IN ('LAUNCHED', 'PAUSED', 'COMPLETED')` })
@Index('campaigns_client', ['agencyId', 'clientId', 'createdAt', 'id'])
@Index('campaigns_status', ['agencyId', 'status'])
export class Campaign extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column('uuid')
  channelId: string;

  @ManyToOne(() => CampaignChannel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'channelId' })
  channel?: CampaignChannel;

  @Column('uuid', { nullable: true })
  proposalId: string | null;

  @ManyToOne(() => Proposal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposalId' })
  proposal?: Proposal | null;

  @Column('uuid', { nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contractId' })
  contract?: Contract | null;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  strategy: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  budget: string;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'enum', enum: CampaignStatus, enumName: 'campaign_status', default: CampaignStatus.PLANNED })
  status: CampaignStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  launchedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** the campaign this one replaces because the client changed its goals */
  @Column('uuid', { nullable: true })
  followUpOfId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'followUpOfId' })
  followUpOf?: Campaign | null;

  @Column({ type: 'text', nullable: true })
  internalNotes: string | null;

  @Column('uuid', { nullable: true })
  managerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'managerId' })
  manager?: User | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

/** A checked item of a campaign's launch checklist (an unchecked item has no row). */
@Entity('campaign_checklist_items')
@PortalScope('clientId')
@Index('campaign_checklist_items_unique', ['agencyId', 'campaignId', 'item'], { unique: true })
export class CampaignChecklistItem extends TenantOwned {
  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'enum', enum: LaunchChecklistItem, enumName: 'launch_checklist_item' })
  item: LaunchChecklistItem;

  @Column({ type: 'timestamptz', precision: 3 })
  checkedAt: Date;

  @Column('uuid', { nullable: true })
  checkedById: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}

/** The plan of one KPI of a campaign, with the deviations that call for attention and for action. */
@Entity('campaign_kpi_targets')
@PortalScope('clientId')
@Index('campaign_kpi_targets_campaign', ['agencyId', 'campaignId', 'position'])
export class CampaignKpiTarget extends TenantOwned {
  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'enum', enum: KpiMetric, enumName: 'kpi_metric' })
  metric: KpiMetric;

  @Column({ type: 'varchar', length: 100, nullable: true })
  customName: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  plan: string;

  @Column({ type: 'enum', enum: KpiPeriod, enumName: 'kpi_period' })
  period: KpiPeriod;

  @Column({ type: 'enum', enum: KpiTargetDirection, enumName: 'kpi_target_direction' })
  direction: KpiTargetDirection;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 10 })
  warnPercent: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 15 })
  actPercent: string;
}
