import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { Campaign } from '../entities';
import { CampaignType } from '../schema/campaign/campaign.type';
import { DateScalar } from '../schema/common/scalars';
import { PortalVisible } from '../schema/common/visibility';
import { RecordKpiMeasurementsInput } from '../schema/kpi-measurement/kpi-measurement.inputs';
import { CampaignKpiType, CampaignPacingType, KpiDeviationType } from '../schema/kpi-measurement/kpi-measurement.type';
import * as reads from '../services/kpi-measurement.reads';
import * as measurements from '../services/kpi-measurement.service';

const AS_OF = { nullable: true, description: "The last day counted (clipped to the campaign); today in the agency's time zone by default." } as const;

@Resolver(() => CampaignType)
export class KpiMeasurementResolver {
  @Authorized(STAFF)
  @Mutation(() => CampaignType, {
    description:
      'Records daily figures of stored metrics of a launched, paused or completed campaign (a day sent again replaces its figure), all or nothing, and re-evaluates its KPI deviations.',
  })
  recordKpiMeasurements(@Ctx() ctx: AuthedContext, @Arg('input', () => RecordKpiMeasurementsInput, { description: 'The operation input.' }) input: RecordKpiMeasurementsInput) {
    return measurements.recordKpiMeasurements(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => [CampaignKpiType], { description: 'Each KPI target, plan so far against actual over its current period, in target order.' })
  kpis(@Root() c: Campaign, @Ctx() ctx: AuthedContext, @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null) {
    return reads.campaignKpis(ctx, c, asOf ?? null);
  }

  @PortalVisible()
  @FieldResolver(() => CampaignPacingType, { description: 'The budget against the SPEND recorded so far.' })
  pacing(@Root() c: Campaign, @Ctx() ctx: AuthedContext, @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null) {
    return reads.campaignPacing(ctx, c, asOf ?? null);
  }

  @PortalVisible()
  @FieldResolver(() => [KpiDeviationType], { description: 'KPI deviations found from the measurements, oldest first.' })
  deviations(
    @Root() c: Campaign,
    @Ctx() ctx: AuthedContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: open ones only; false: closed ones only; all by default.' }) open?: boolean | null,
  ) {
    return reads.campaignDeviations(ctx, c, open);
  }
}
