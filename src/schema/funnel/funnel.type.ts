import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DealStage, RejectionReason } from '../../entities/enums';
import { DateScalar } from '../common/scalars';

@ObjectType('FunnelLossReason', { description: 'How many deals were lost for one reason.' })
export class FunnelLossReasonType {
  @Field(() => RejectionReason, { description: 'The reason.' })
  reason: RejectionReason;

  @Field(() => Int, { description: 'Deals lost for it.' })
  count: number;
}

@ObjectType('FunnelStage', { description: 'One stage of the sales funnel over the period.' })
export class FunnelStageType {
  @Field(() => DealStage, { description: 'The stage.' })
  stage: DealStage;

  @Field(() => Int, { description: 'Deals that entered the stage within the period (each deal once, however often it re-entered).' })
  entered: number;

  @Field(() => Int, {
    description:
      'Of the deals that entered, how many afterwards (up to now) moved to any later stage or were WON. Skipping a stage counts as passing it.',
  })
  passed: number;

  @Field(() => Int, { description: 'Of the deals that entered the stage within the period, those lost at this stage (lostAtStage), whenever the loss happened: the same cohort as entered and passed.' })
  lost: number;

  @Field(() => Float, {
    nullable: true,
    description: 'passed / entered in percent, rounded half-up to 2 decimals (e.g. 66.67); null when nothing entered.',
  })
  conversionToNext: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average length in seconds (rounded to 2 decimals) of the stays in this stage that began within the period and have ended ' +
      '(by a later stage change, or by the deal closing later than it entered); null when there is none.',
  })
  averageSecondsInStage: number | null;

  @Field(() => [FunnelLossReasonType], { description: 'The losses of this stage (same cohort as lost) by reason, most frequent first.' })
  lossesByReason: FunnelLossReasonType[];
}

@ObjectType('FunnelTotals', { description: 'The deals opened within the period and their outcomes so far (one cohort).' })
export class FunnelTotalsType {
  @Field(() => Int, { description: 'Deals opened within the period.' })
  dealsOpened: number;

  @Field(() => Int, { description: 'Of the deals opened within the period, those WON (whenever).' })
  won: number;

  @Field(() => Int, { description: 'Of the deals opened within the period, those LOST (whenever).' })
  lost: number;

  @Field(() => Float, { nullable: true, description: 'won / (won + lost) in percent, rounded half-up to 2 decimals; null when none of the cohort is closed.' })
  winRate: number | null;
}

@ObjectType('Funnel', { description: 'The sales funnel and the refusal analysis by stage over a period.' })
export class FunnelType {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to: string;

  @Field({ description: 'The agency time zone the days were taken in.' })
  timeZone: string;

  @Field({ description: 'The period as an instant: start of the first local day (inclusive).' })
  periodStart: Date;

  @Field({ description: 'The period as an instant: end of the last local day (exclusive).' })
  periodEnd: Date;

  @Field(() => ID, { nullable: true, description: 'The manager the funnel is restricted to, if any.' })
  managerId: string | null;

  @Field(() => [FunnelStageType], { description: 'Every stage, in process order.' })
  stages: FunnelStageType[];

  @Field(() => FunnelTotalsType, { description: 'Totals of the period.' })
  totals: FunnelTotalsType;
}
