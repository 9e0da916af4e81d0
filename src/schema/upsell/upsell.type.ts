import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CompanySize } from '../../entities/enums';
import { CurrencyAmountType } from '../analytics/analytics.type';
import { CampaignChannelType } from '../campaign/campaign.type';

@ObjectType('ChannelCompetition', { description: 'Two channels of the agency that compete for the same demand: offering one to a client whose main channel is the other can eat its results.' })
export class ChannelCompetitionType {
  @Field(() => ID, { description: 'Id of the pair.' })
  id: string;

  @Field(() => CampaignChannelType, { description: 'One channel of the pair.' })
  channel: CampaignChannelType;

  @Field(() => CampaignChannelType, { description: 'The other channel of the pair (the pair is symmetric).' })
  competitor: CampaignChannelType;

  @Field({ description: 'Why they compete, as the agency wrote it.' })
  reason: string;
}

@ObjectType('UpsellSuggestion', {
  description:
    'A channel (service) the client does not use yet, with its score. score (0–100) = 40 × adoption among similar clients ' +
    '+ 40 × min(average ROMI of similar clients on the channel, 300 %) / 300 % + 20 × how far the channel\'s 70/20/10 category ' +
    "is below its target share in the client's own mix.",
})
export class UpsellSuggestionType {
  @Field(() => CampaignChannelType, { description: 'The channel suggested.' })
  channel: CampaignChannelType;

  @Field(() => Float, { description: 'The score, 0–100, rounded to 2 decimals; suggestions come highest first.' })
  score: number;

  @Field(() => Int, { description: 'Similar clients: the other clients of the agency with campaigns, of the same company size when the client has one.' })
  similarClients: number;

  @Field(() => Int, { description: 'Of them, the clients with a campaign on this channel.' })
  similarClientsUsing: number;

  @Field(() => Float, { nullable: true, description: 'Average ROMI in percent ((revenue − spend) / spend) of similar clients\' campaigns on this channel with spend; null when none.' })
  averageRomiPercent: number | null;

  @Field(() => Float, { description: "How many percentage points the channel's 70/20/10 category is below its target share (70, 20 or 10) in the client's current channels by count; 0 when not below." })
  mixGapPercent: number;

  @Field({ description: "true when the channel competes with the client's main channel; such suggestions are hidden unless asked for." })
  cannibalizes: boolean;

  @Field(() => String, { nullable: true, description: 'Why it competes with the main channel (from the competition matrix); null when it does not.' })
  cannibalizationReason: string | null;
}

@ObjectType('UpsellSuggestions', { description: 'What to offer a client next, after a report.' })
export class UpsellSuggestionsType {
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @Field(() => CompanySize, { nullable: true, description: 'The client segment used to find similar clients (its company size).' })
  segment: CompanySize | null;

  @Field(() => CampaignChannelType, { nullable: true, description: "The client's main channel: the largest recorded spend (SPEND figures), or the largest planned budget when nothing is recorded; null without campaigns." })
  mainChannel: CampaignChannelType | null;

  @Field(() => CurrencyAmountType, { nullable: true, description: 'What the main channel spent (or has budgeted), in its currency.' })
  mainChannelSpend: CurrencyAmountType | null;

  @Field(() => [UpsellSuggestionType], { description: 'The suggestions, best first.' })
  suggestions: UpsellSuggestionType[];

  @Field(() => Int, { description: 'Suggestions left out because they compete with the main channel (0 when includeCannibalizing is set).' })
  hiddenCannibalizing: number;
}
