import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { CampaignChannel } from './campaign.entity';

/**
 * Two channels of an agency that compete for the same demand (SEO and search ads on the same
 * queries): symmetric, stored once with the smaller id first. A removed pair stays as a row with
 * `competes` false, so the agency's edits survive and the defaults are seeded only once.
 */
@Entity('campaign_channel_competition')
@Index('campaign_channel_competition_pair', ['agencyId', 'channelId', 'competitorId'], { unique: true })
export class ChannelCompetition extends TenantOwned {
  @Column('uuid')
  channelId: string;

  @ManyToOne(() => CampaignChannel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channelId' })
  channel?: CampaignChannel;

  @Column('uuid')
  competitorId: string;

  @ManyToOne(() => CampaignChannel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competitorId' })
  competitor?: CampaignChannel;

  @Column({ length: 500 })
  reason: string;

  @Column({ default: true })
  competes: boolean;
}
