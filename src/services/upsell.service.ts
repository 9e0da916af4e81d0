import Decimal from 'decimal.js';
import type { AuthedContext } from '../context';
import { CampaignChannel, ChannelCompetition, Client, Deal, KpiMeasurement } from '../entities';
import { CampaignStatus, CompanySize, CurrencyCode, KpiMetric, ToolCategory } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg, t } from '../i18n';
import type { CreateDealInput } from '../schema/deal/deal.inputs';
import type { CreateDealFromSuggestionInput, RemoveChannelCompetitionInput, SetChannelCompetitionInput } from '../schema/upsell/upsell.inputs';
import type { UpsellSuggestionsType, UpsellSuggestionType } from '../schema/upsell/upsell.type';
import { getOwnAgency } from './agency.service';
import { listCampaignChannels } from './campaign.service';
import { createDeal } from './deal.service';
import { agencyLock, scoped, withTransaction } from './scope';
import { requireText } from './text';
import { canonicalPair, DEFAULT_COMPETITION, mixGap, suggestionScore } from './upsell.rules';

/**
 * Upsell without cannibalization: the agency's matrix of competing channels (seeded with the
 * usual pairs the first time it is used, then the agency's own), and suggestions of channels a
 * client does not use yet, those competing with its main channel flagged and hidden by default.
 */

/** The usual pairs, once per agency, among the channels it has by those names. The caller holds a transaction. */
async function ensureMatrix(tx: AuthedContext): Promise<void> {
  await agencyLock(tx, 'channel-competition');
  if (await scoped(tx, ChannelCompetition).query('cc').getExists()) return;
  const { locale } = await getOwnAgency(tx);
  const channels = await scoped(tx, CampaignChannel).query('c').getMany();
  const byName = new Map(channels.map((c) => [c.name, c.id]));
  for (const pair of DEFAULT_COMPETITION) {
    const a = byName.get(pair.a);
    const b = byName.get(pair.b);
    if (!a || !b) continue;
    const [channelId, competitorId] = canonicalPair(a, b);
    await scoped(tx, ChannelCompetition).insert({ channelId, competitorId, reason: t(locale, pair.reason), competes: true });
  }
}

/**
 * The matrix exists once seeded (by then so do the channels), so the usual read costs one query;
 * only an agency's first use takes the seeding transactions: channels first (as the channel list
 * does), then the default pairs.
 */
async function ensureMatrixOnce(ctx: AuthedContext): Promise<void> {
  if (await scoped(ctx, ChannelCompetition).query('cc').getExists()) return;
  await listCampaignChannels(ctx);
  await withTransaction(ctx, ensureMatrix);
}

/** Runs fn in a transaction over the (seeded) matrix. */
async function withMatrix<R>(ctx: AuthedContext, fn: (tx: AuthedContext) => Promise<R>): Promise<R> {
  await ensureMatrixOnce(ctx);
  return withTransaction(ctx, fn);
}

function pairsQuery(ctx: AuthedContext) {
  return scoped(ctx, ChannelCompetition)
    .query('cc')
    .innerJoinAndSelect('cc.channel', 'ch')
    .innerJoinAndSelect('cc.competitor', 'co')
    .andWhere('cc.competes');
}

/** The agency's competing channel pairs. */
export async function channelCompetitions(ctx: AuthedContext): Promise<ChannelCompetition[]> {
  await ensureMatrixOnce(ctx);
  return pairsQuery(ctx).orderBy('ch.name').addOrderBy('co.name').getMany();
}

async function twoChannels(tx: AuthedContext, input: { channelId: string; competitorId: string }): Promise<[string, string]> {
  const a = await scoped(tx, CampaignChannel).getById(input.channelId, 'input.channelId');
  const b = await scoped(tx, CampaignChannel).getById(input.competitorId, 'input.competitorId');
  if (a.id === b.id) throw new BadUserInputError([{ path: 'input.competitorId', message: msg('validation.sameChannel') }]);
  return canonicalPair(a.id, b.id);
}

/** Marks two channels as competing (or updates the reason). */
export function setChannelCompetition(ctx: AuthedContext, input: SetChannelCompetitionInput): Promise<ChannelCompetition> {
  const reason = requireText(input.reason, 'input.reason');
  return withMatrix(ctx, async (tx) => {
    const [channelId, competitorId] = await twoChannels(tx, input);
    await scoped(tx, ChannelCompetition).upsert([{ channelId, competitorId, reason, competes: true }], ['channelId', 'competitorId']);
    return pairsQuery(tx).andWhere('cc."channelId" = :channelId AND cc."competitorId" = :competitorId', { channelId, competitorId }).getOneOrFail();
  });
}

/** Two channels no longer compete; false when they did not. The pair is kept as not competing, so the defaults never come back. */
export function removeChannelCompetition(ctx: AuthedContext, input: RemoveChannelCompetitionInput): Promise<boolean> {
  return withMatrix(ctx, async (tx) => {
    const [channelId, competitorId] = await twoChannels(tx, input);
    const row = await scoped(tx, ChannelCompetition)
      .query('cc')
      .andWhere('cc."channelId" = :channelId AND cc."competitorId" = :competitorId AND cc.competes', { channelId, competitorId })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) return false;
    await scoped(tx, ChannelCompetition).update(row, { competes: false });
    return true;
  });
}

interface UsageRow {
  clientId: string;
  companySize: CompanySize | null;
  channelId: string;
  currency: CurrencyCode;
  budget: string;
  spend: string | null;
  romiSum: string | null;
  romiCount: string;
}

/**
 * Per client, channel and currency over the agency's campaigns (not cancelled): planned budget,
 * recorded spend, and the sum and count of per-campaign ROMI ((revenue − spend) / spend, for
 * campaigns with spend), for the client and the clients of its segment. One statement over the scoped clients.
 */
async function channelUsage(ctx: AuthedContext, client: Client): Promise<UsageRow[]> {
  const base = scoped(ctx, Client).query('c').select('c.id', 'id').addSelect('c."companySize"', 'companySize').andWhere('c."archivedAt" IS NULL');
  // only the client and its segment matter: the figures of other segments are not read at all
  if (client.companySize) base.andWhere('(c.id = :clientId OR c."companySize" = :size)', { clientId: client.id, size: client.companySize });
  // the figures through their own scoped query, so that PostgreSQL can use their (agency, campaign, metric) index
  const figures = scoped(ctx, KpiMeasurement)
    .query('x')
    .select('x."campaignId"', 'campaignId')
    .addSelect('x.metric', 'metric')
    .addSelect('x.value', 'value')
    .andWhere('x.metric IN (:spend, :revenue)', { spend: KpiMetric.SPEND, revenue: KpiMetric.REVENUE });
  const [sql, values] = ctx.manager.connection.driver.escapeQueryWithParameters(
    `WITH sc AS MATERIALIZED (${base.getQuery()}),
     camp AS MATERIALIZED (SELECT k.id, k."clientId", k."channelId", k.currency, k.budget FROM campaigns k JOIN sc ON sc.id = k."clientId" WHERE k.status <> :cancelled),
     m AS (SELECT x."campaignId", SUM(x.value) FILTER (WHERE x.metric = :spend) AS spend, SUM(x.value) FILTER (WHERE x.metric = :revenue) AS revenue
             FROM (${figures.getQuery()}) x JOIN camp ON camp.id = x."campaignId" GROUP BY x."campaignId")
     SELECT camp."clientId", sc."companySize", camp."channelId", camp.currency, SUM(camp.budget)::text AS budget, SUM(m.spend)::text AS spend,
            SUM((COALESCE(m.revenue, 0) - m.spend) / m.spend) FILTER (WHERE m.spend > 0)::text AS "romiSum",
            COUNT(*) FILTER (WHERE m.spend > 0) AS "romiCount"
       FROM camp JOIN sc ON sc.id = camp."clientId" LEFT JOIN m ON m."campaignId" = camp.id
      GROUP BY camp."clientId", sc."companySize", camp."channelId", camp.currency`,
    { ...base.getParameters(), ...figures.getParameters(), cancelled: CampaignStatus.CANCELLED },
    {},
  );
  return ctx.manager.query(sql, values);
}

/** Channels the client does not use yet, scored (see UpsellSuggestionType), those competing with its main channel hidden unless asked for. */
export async function upsellSuggestions(ctx: AuthedContext, clientId: string, includeCannibalizing: boolean): Promise<UpsellSuggestionsType> {
  const client = await scoped(ctx, Client).getById(clientId, 'clientId');
  // the matrix read ensures the channels first
  const pairs = await channelCompetitions(ctx);
  const usage = await channelUsage(ctx, client);
  const channels = await scoped(ctx, CampaignChannel).query('c').orderBy('c.name', 'ASC').getMany();
  const channelById = new Map(channels.map((c) => [c.id, c]));

  const own = usage.filter((u) => u.clientId === client.id);
  const used = new Set(own.map((u) => u.channelId));
  // the main channel: the largest recorded spend; without any, the largest planned budget (amounts are
  // compared as they are: a client's campaigns normally share one currency, and nothing is added across currencies)
  const withSpend = own.filter((u) => u.spend !== null && new Decimal(u.spend).greaterThan(0));
  const pool = withSpend.length ? withSpend : own;
  const amountOf = (u: UsageRow) => new Decimal(withSpend.length ? u.spend! : u.budget);
  const main = pool.reduce<UsageRow | null>((best, u) => (best === null || amountOf(u).greaterThan(amountOf(best)) ? u : best), null);

  // similar clients: the other clients with campaigns, of the same company size when the client has one
  const similar = new Set(usage.filter((u) => u.clientId !== client.id && (client.companySize === null || u.companySize === client.companySize)).map((u) => u.clientId));
  const usedCategories = [...used].map((id) => channelById.get(id)?.toolMixCategory).filter((c): c is ToolCategory => !!c);

  const all: UpsellSuggestionType[] = channels
    .filter((ch) => ch.active && !used.has(ch.id))
    .map((ch) => {
      const rows = usage.filter((u) => u.channelId === ch.id && similar.has(u.clientId));
      const using = new Set(rows.map((r) => r.clientId)).size;
      const romiCount = rows.reduce((n, r) => n + Number(r.romiCount), 0);
      const romi = romiCount === 0 ? null : rows.reduce((s, r) => s.plus(r.romiSum ?? 0), new Decimal(0)).dividedBy(romiCount);
      const gap = mixGap(usedCategories, ch.toolMixCategory);
      const pair = main ? pairs.find((p) => (p.channelId === ch.id && p.competitorId === main.channelId) || (p.competitorId === ch.id && p.channelId === main.channelId)) : undefined;
      return {
        channel: ch,
        score: suggestionScore({ similar: similar.size, using, romi, gap, category: ch.toolMixCategory }),
        similarClients: similar.size,
        similarClientsUsing: using,
        averageRomiPercent: romi === null ? null : romi.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
        mixGapPercent: gap,
        cannibalizes: !!pair,
        cannibalizationReason: pair?.reason ?? null,
      };
    })
    .sort((a, b) => b.score - a.score || a.channel.name.localeCompare(b.channel.name));
  const shown = includeCannibalizing ? all : all.filter((s) => !s.cannibalizes);
  return {
    clientId: client.id,
    segment: client.companySize,
    mainChannel: main ? (channelById.get(main.channelId) ?? null) : null,
    mainChannelSpend: main ? { amount: amountOf(main).toFixed(2), currency: main.currency } : null,
    suggestions: shown,
    hiddenCannibalizing: all.length - shown.length,
  };
}

/** A suggestion becomes an open deal of the client: the channel is its product, the title says so in the agency's language. */
export async function createDealFromSuggestion(ctx: AuthedContext, input: CreateDealFromSuggestionInput): Promise<Deal> {
  const channel = await scoped(ctx, CampaignChannel).getById(input.channelId, 'input.channelId');
  const { locale } = await getOwnAgency(ctx);
  const dealInput: Partial<CreateDealInput> = {
    clientId: input.clientId,
    title: t(locale, 'upsell.dealTitle', { channel: channel.name }).slice(0, 200),
    product: channel.name,
    amount: input.amount ?? null,
    currency: input.currency ?? null,
    managerId: input.managerId ?? null,
  };
  return createDeal(ctx, dealInput as CreateDealInput);
}
