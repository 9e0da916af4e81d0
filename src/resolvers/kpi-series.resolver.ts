import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AuthedContext } from '../context';
import type { Campaign, Client, Proposal } from '../entities';
import { CurrencyCode, KpiGranularity, KpiMetric } from '../entities/enums';
import { CampaignType } from '../schema/campaign/campaign.type';
import { ClientType } from '../schema/client/client.type';
import { DateScalar } from '../schema/common/scalars';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';
import { CampaignKpiType } from '../schema/kpi-measurement/kpi-measurement.type';
import { KpiSeriesPointType, KpiTotalsType, RealizedToolMixCategoryType, ToolCategorySpendType } from '../schema/kpi-series/kpi-series.type';
import { ProposalType } from '../schema/proposal/proposal.type';
import type { CampaignKpiView } from '../services/kpi-measurement.reads';
import * as series from '../services/kpi-series.reads';

const GRANULARITY = { description: 'Days, ISO weeks (Monday to Sunday) or calendar months.' } as const;
const FROM = (dflt: string) => ({ nullable: true, description: `First day of the period; ${dflt} by default.` }) as const;
const TO = (dflt: string) => ({ nullable: true, description: `Last day of the period (not before from); ${dflt} by default.` }) as const;

@Resolver(() => CampaignKpiType)
export class CampaignKpiSeriesResolver {
  @PortalVisible()
  @FieldResolver(() => [KpiSeriesPointType], {
    description:
      'Plan against actual of this KPI per day, week or month over the campaign (the period is cut to the campaign), with running totals. ' +
      'Buckets starting after the day the KPIs are read as of have no actual.',
  })
  series(
    @Root() kpi: CampaignKpiView,
    @Ctx() ctx: AuthedContext,
    @Arg('granularity', () => KpiGranularity, GRANULARITY) granularity: KpiGranularity,
    @Arg('from', () => DateScalar, FROM("the campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("the campaign's end")) to?: string | null,
  ) {
    return series.campaignKpiSeries(ctx, kpi, granularity, from, to);
  }
}

@Resolver(() => CampaignType)
export class CampaignTotalsResolver {
  @PortalVisible()
  @FieldResolver(() => KpiTotalsType, {
    description: 'Every metric summed over a period (ratios derived from the sums), against the period of equal length just before it, for reports.',
  })
  totals(
    @Root() c: Campaign,
    @Ctx() ctx: AuthedContext,
    @Arg('from', () => DateScalar, FROM("the campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("today in the agency's time zone, held within the campaign")) to?: string | null,
  ) {
    return series.campaignTotals(ctx, c, from, to);
  }
}

@Resolver(() => ClientType)
export class ClientKpiResolver {
  @PortalVisible()
  @FieldResolver(() => KpiTotalsType, {
    description:
      "Every metric summed across the client's campaigns (those the reader may see) over a period, against the period of equal length just before it. Amounts of different currencies are never added: pass `currency` when the client's campaigns run in several (BAD_USER_INPUT on currency otherwise); then only the campaigns in that currency are counted.",
  })
  kpiTotals(
    @Root() client: Client,
    @Ctx() ctx: AuthedContext,
    @Arg('from', () => DateScalar, FROM("the first campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("today in the agency's time zone")) to?: string | null,
    @Arg('currency', () => CurrencyCode, { nullable: true, description: "Count only the campaigns in this currency; required when the client's campaigns run in several." })
    currency?: CurrencyCode | null,
  ) {
    return series.clientKpiTotals(ctx, client, from, to, currency);
  }

  @PortalVisible()
  @FieldResolver(() => [KpiSeriesPointType], {
    description:
      "One metric per day, week or month across the client's campaigns (those the reader may see). The plan of a count or amount is summed over the campaigns " +
      'that have a target of that metric (the first one of each campaign); a ratio (CTR, CPC, CPA, CPL, CR, ROMI) has no client-wide plan, since the ' +
      "campaigns' ratios cannot be added, so its plan is null. Buckets starting after today have no actual. Counts (impressions, clicks, conversions, leads, CTR, CR) add up across currencies; amounts and the ratios built from them need one currency (see `currency`).",
  })
  kpiSeries(
    @Root() client: Client,
    @Ctx() ctx: AuthedContext,
    @Arg('metric', () => KpiMetric, { description: 'The metric.' }) metric: KpiMetric,
    @Arg('granularity', () => KpiGranularity, GRANULARITY) granularity: KpiGranularity,
    @Arg('from', () => DateScalar, FROM("the first campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("the last campaign's end")) to?: string | null,
    @Arg('customName', () => String, { nullable: true, description: 'Name of a CUSTOM metric (required for CUSTOM, refused for the others).' })
    customName?: string | null,
    @Arg('currency', () => CurrencyCode, { nullable: true, description: "Count only the campaigns in this currency; required when the client's campaigns run in several." })
    currency?: CurrencyCode | null,
  ) {
    return series.clientKpiSeries(ctx, client, { metric, granularity, from, to, customName, currency });
  }

  @PortalVisible()
  @FieldResolver(() => [ToolCategorySpendType], {
    description: "The client's media spend (SPEND recorded) by 70/20/10 category of the campaign channels over a period, each category once, in one currency (see `currency`).",
  })
  realizedToolMix(
    @Root() client: Client,
    @Ctx() ctx: AuthedContext,
    @Arg('from', () => DateScalar, FROM("the first campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("today in the agency's time zone")) to?: string | null,
    @Arg('currency', () => CurrencyCode, { nullable: true, description: "Count only the campaigns in this currency; required when the client's campaigns run in several." })
    currency?: CurrencyCode | null,
  ) {
    return series.clientRealizedToolMix(ctx, client, from, to, currency);
  }
}

@Resolver(() => ProposalType)
export class ProposalRealizedToolMixResolver {
  @PortalHidden()
  @FieldResolver(() => [RealizedToolMixCategoryType], {
    nullable: true,
    description: 'The spend of the campaigns made from this proposal (those in the proposal\'s currency) by 70/20/10 category over a period, against the budget shares of its media plan.',
  })
  realizedToolMix(
    @Root() p: Proposal,
    @Ctx() ctx: AuthedContext,
    @Arg('from', () => DateScalar, FROM("the first campaign's start")) from?: string | null,
    @Arg('to', () => DateScalar, TO("today in the agency's time zone")) to?: string | null,
  ) {
    return series.proposalRealizedToolMix(ctx, p, from, to);
  }
}
