import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode } from '../../entities/enums';
import { DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';

@InputType({ description: 'Marks two channels as competing, with the reason (replaces the reason when already marked).' })
export class SetChannelCompetitionInput {
  @Field(() => ID, { description: 'One channel.' })
  @IsUUID('all', { message: 'channelId must be a valid id' })
  channelId: string;

  @Field(() => ID, { description: 'The channel it competes with (another one).' })
  @IsUUID('all', { message: 'competitorId must be a valid id' })
  competitorId: string;

  @Field({ description: 'Why they compete, 1–500 characters.' })
  @Length(1, 500, { message: 'reason must be 1–500 characters long' })
  reason: string;
}

@InputType({ description: 'Two channels that should no longer count as competing.' })
export class RemoveChannelCompetitionInput {
  @Field(() => ID, { description: 'One channel.' })
  @IsUUID('all', { message: 'channelId must be a valid id' })
  channelId: string;

  @Field(() => ID, { description: 'The other channel.' })
  @IsUUID('all', { message: 'competitorId must be a valid id' })
  competitorId: string;
}

@InputType({ description: 'Turns an upsell suggestion into a deal.' })
export class CreateDealFromSuggestionInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { description: 'The suggested channel (service) to sell.' })
  @IsUUID('all', { message: 'channelId must be a valid id' })
  channelId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount (exact, up to 2 decimals).' })
  @IsOptional()
  @IsMoney()
  amount?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: "Currency of the amount; the agency's default currency when an amount is given without one." })
  @IsOptional()
  currency?: CurrencyCode | null;

  @Field(() => ID, { nullable: true, description: "Responsible agency user; the client's account manager by default." })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;
}
