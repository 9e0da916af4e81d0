import { Field, ID, ObjectType } from 'type-graphql';
import { CampaignStatus, CurrencyCode, KpiMetric, KpiPeriod, KpiTargetDirection, LaunchChecklistItem, ToolCategory } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import { RowsOf } from '../common/row-projection';
import { Campaign, CampaignChannel } from '../../entities';
import './campaign.enums';

@RowsOf(CampaignChannel)
@ObjectType('CampaignChannel', { description: "An advertising channel of the agency, with its place in the 70/20/10 tool mix." })
export class CampaignChannelType {
  @Field(() => ID, { description: 'Channel id.' })
  id: string;

  @Field({ description: 'Name, e.g. «Яндекс Директ».' })
  name: string;

  @Field(() => ToolCategory, { description: 'Its category in the 70/20/10 mix: proven, uncertain or experimental.' })
  toolMixCategory: ToolCategory;

  @Field({ description: 'Whether new campaigns may use it.' })
  active: boolean;
}

@ObjectType('CampaignChecklistEntry', { description: 'One item of the launch checklist of a campaign, checked or not.' })
export class CampaignChecklistEntryType {
  @PortalVisible()
  @Field(() => LaunchChecklistItem, { description: 'The item.' })
  item: LaunchChecklistItem;

  @PortalVisible()
  @Field({ description: 'Whether it counts as done (KPI also needs KPI targets).' })
  checked: boolean;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was checked; null while unchecked.' })
  checkedAt: Date | null;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'Who checked it.' })
  checkedById: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Comment given when checking it.' })
  comment: string | null;
}

@ObjectType('CampaignKpiTarget', { description: 'The plan of one KPI of a campaign and the deviations that call for attention and for action.' })
export class CampaignKpiTargetType {
  @PortalVisible()
  @Field(() => KpiMetric, { description: 'The metric.' })
  metric: KpiMetric;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric; null otherwise.' })
  customName: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Planned value (exact decimal).' })
  plan: string;

  @PortalVisible()
  @Field(() => KpiPeriod, { description: 'The period the plan is for.' })
  period: KpiPeriod;

  @PortalVisible()
  @Field(() => KpiTargetDirection, { description: 'Which way is good.' })
  direction: KpiTargetDirection;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Unit of the value, e.g. «₽» or «%».' })
  unit: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Deviation for the worse, in percent of the plan, that calls for attention.' })
  warnPercent: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Deviation for the worse, in percent of the plan, that calls for optimization (greater than warnPercent).' })
  actPercent: string;
}

@RowsOf(Campaign)
@ObjectType('Campaign', { description: 'One advertising campaign of one client: PLANNED → LAUNCHED ⇄ PAUSED → COMPLETED, or CANCELLED.' })
export class CampaignType {
  @PortalVisible()
  @Field(() => ID, { description: 'Campaign id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'Id of the client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ID, { description: 'Id of the channel.' })
  channelId: string;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The commercial offer it implements, if linked.' })
  proposalId: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The contract it runs under, if linked.' })
  contractId: string | null;

  @PortalVisible()
  @Field({ description: 'Name.' })
  name: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'The strategy: a goal, fixed once launched.' })
  strategy: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Budget (exact, 2 decimals).' })
  budget: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency of the budget.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day.' })
  startDate: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day.' })
  endDate: string;

  @PortalVisible()
  @Field(() => CampaignStatus, { description: 'Current status.' })
  status: CampaignStatus;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was first launched.' })
  launchedAt: Date | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The campaign this one replaces because the goals changed.' })
  followUpOfId: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Notes of the agency.' })
  internalNotes: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'Id of the responsible agency user.' })
  managerId: string | null;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'Who created it.' })
  createdById: string | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;

  @PortalVisible()
  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('CampaignConnection', { description: 'A page of campaigns, newest first.' })
export class CampaignConnection extends Connection(CampaignType, 'Campaign') {}
