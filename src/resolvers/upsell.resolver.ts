import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { DealType } from '../schema/deal/deal.type';
import { CreateDealFromSuggestionInput, RemoveChannelCompetitionInput, SetChannelCompetitionInput } from '../schema/upsell/upsell.inputs';
import { ChannelCompetitionType, UpsellSuggestionsType } from '../schema/upsell/upsell.type';
import * as upsell from '../services/upsell.service';

/** Upsell suggestions and the channel competition matrix: agency staff only. */
@Resolver()
export class UpsellResolver {
  @Authorized(STAFF)
  @Query(() => [ChannelCompetitionType], { description: "The agency's pairs of competing channels (the usual pairs are added the first time)." })
  channelCompetitions(@Ctx() ctx: AuthedContext) {
    return upsell.channelCompetitions(ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => ChannelCompetitionType, { description: 'Marks two channels as competing for the same demand, with the reason.' })
  setChannelCompetition(@Ctx() ctx: AuthedContext, @Arg('input', () => SetChannelCompetitionInput, { description: 'The two channels and why.' }) input: SetChannelCompetitionInput) {
    return upsell.setChannelCompetition(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => Boolean, { description: 'Two channels no longer count as competing; false when they did not.' })
  removeChannelCompetition(@Ctx() ctx: AuthedContext, @Arg('input', () => RemoveChannelCompetitionInput, { description: 'The two channels.' }) input: RemoveChannelCompetitionInput) {
    return upsell.removeChannelCompetition(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => UpsellSuggestionsType, { description: "Channels (services) the client does not use yet, best first; those competing with its main channel are left out unless asked for." })
  upsellSuggestions(
    @Ctx() ctx: AuthedContext,
    @Arg('clientId', () => ID, { description: 'The client.' }) clientId: string,
    @Arg('includeCannibalizing', () => Boolean, { defaultValue: false, description: 'Also list (flagged) the channels that compete with the main channel.' }) includeCannibalizing: boolean,
  ) {
    return upsell.upsellSuggestions(ctx, clientId, includeCannibalizing);
  }

  @Authorized(STAFF)
  @Mutation(() => DealType, { description: 'Opens a deal for a suggested channel: the channel is the product sold.' })
  createDealFromSuggestion(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateDealFromSuggestionInput, { description: 'The client, the channel and optionally amount and manager.' }) input: CreateDealFromSuggestionInput) {
    return upsell.createDealFromSuggestion(ctx, input);
  }
}
