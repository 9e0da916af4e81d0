import type { AuthedContext } from '../context';
import { Campaign, CampaignChannel, CampaignChecklistItem, CampaignKpiTarget, Client, Contract, Proposal } from '../entities';
import { CampaignStatus, LaunchChecklistItem } from '../entities/enums';
import { BadUserInputError, isUniqueViolation } from '../errors';
import { msg } from '../i18n';
import type {
  CheckLaunchItemInput,
  CreateCampaignChannelInput,
  CreateCampaignInput,
  CreateFollowUpCampaignInput,
  SetKpiTargetsInput,
  UncheckLaunchItemInput,
  UpdateCampaignChannelInput,
  UpdateCampaignInput,
} from '../schema/campaign/campaign.inputs';
import { closeDeviationsOfEndedCampaign } from './kpi-measurement.service';
import { CampaignGoalsFrozenError, LaunchChecklistIncompleteError } from '../schema/campaign/campaign.results';
import type { IllegalTransitionError } from '../schema/common/error-results';
import { launchState } from './campaign.reads';
import {
  CAMPAIGN_TRANSITIONS,
  canBeFollowedUp,
  checkDates,
  DEFAULT_CHANNELS,
  goalsOpen,
  kpiTargetValues,
  missingLaunchItems,
  type KpiTargetValues,
} from './campaign.rules';
import { agencyUser, linkedOfClient } from './links';
import { agencyLock, scoped, withTransaction } from './scope';
import { requireText, trimOrNull } from './text';
import { checkTransition, illegalTransition, transitionRow } from './transitions';

/** Campaign and channel mutations, each one transaction. Pure rules in campaign.rules.ts, reads in campaign.reads.ts. */

const { PLANNED, LAUNCHED, PAUSED, COMPLETED, CANCELLED } = CampaignStatus;

export type CampaignResult = Campaign | IllegalTransitionError | LaunchChecklistIncompleteError | CampaignGoalsFrozenError;

// ---------------------------------------------------------------------------------------------
// channels

/** An agency gets the usual channels the first time it looks at or uses them. */
async function ensureChannels(tx: AuthedContext): Promise<void> {
  await agencyLock(tx, 'campaign-channels');
  const any = await scoped(tx, CampaignChannel).query('c').getExists();
  if (any) return;
  for (const channel of DEFAULT_CHANNELS) await scoped(tx, CampaignChannel).insert({ ...channel, active: true });
}

export function listCampaignChannels(ctx: AuthedContext): Promise<CampaignChannel[]> {
  return withTransaction(ctx, async (tx) => {
    await ensureChannels(tx);
    return scoped(tx, CampaignChannel).query('c').orderBy('c."createdAt"', 'ASC').addOrderBy('c.name', 'ASC').getMany();
  });
}

const CHANNEL_NAME_INDEX = 'campaign_channels_name_unique';

function channelNameTaken(): BadUserInputError {
  return new BadUserInputError([{ path: 'input.name', message: msg('validation.channelNameTaken') }]);
}

async function checkChannelNameFree(tx: AuthedContext, name: string, exceptId: string | null): Promise<void> {
  const qb = scoped(tx, CampaignChannel).query('c').andWhere('c.name = :name', { name });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw channelNameTaken();
}

/** A lost race on the unique name is the same refusal as the check before writing. */
async function withUniqueChannelName<R>(write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err, CHANNEL_NAME_INDEX)) throw channelNameTaken();
    throw err;
  }
}

export function createCampaignChannel(ctx: AuthedContext, input: CreateCampaignChannelInput): Promise<CampaignChannel> {
  return withUniqueChannelName(() =>
    withTransaction(ctx, async (tx) => {
      await ensureChannels(tx);
      const name = requireText(input.name, 'input.name');
      await checkChannelNameFree(tx, name, null);
      return scoped(tx, CampaignChannel).insert({ name, toolMixCategory: input.toolMixCategory, active: true });
    }),
  );
}

export function updateCampaignChannel(ctx: AuthedContext, input: UpdateCampaignChannelInput): Promise<CampaignChannel> {
  return withUniqueChannelName(() =>
    withTransaction(ctx, async (tx) => {
      const channel = await scoped(tx, CampaignChannel).getById(input.id, 'input.id', { lock: true });
      const patch: Partial<CampaignChannel> = {};
      if (input.name != null) {
        patch.name = requireText(input.name, 'input.name');
        await checkChannelNameFree(tx, patch.name, channel.id);
      }
      if (input.toolMixCategory != null) patch.toolMixCategory = input.toolMixCategory;
      if (input.active != null) patch.active = input.active;
      return scoped(tx, CampaignChannel).update(channel, patch);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// campaigns

async function activeChannel(tx: AuthedContext, channelId: string): Promise<CampaignChannel> {
  await ensureChannels(tx);
  const channel = await scoped(tx, CampaignChannel).getById(channelId, 'input.channelId');
  if (!channel.active) throw new BadUserInputError([{ path: 'input.channelId', message: msg('validation.channelInactive') }]);
  return channel;
}

async function replaceTargets(tx: AuthedContext, campaign: Campaign, targets: KpiTargetValues[]): Promise<void> {
  await scoped(tx, CampaignKpiTarget).replaceChildren(
    'campaignId',
    campaign.id,
    targets.map((t) => ({ ...t, clientId: campaign.clientId })) as Partial<CampaignKpiTarget>[],
  );
}

export async function createCampaign(ctx: AuthedContext, input: CreateCampaignInput): Promise<Campaign> {
  checkDates(input.startDate, input.endDate);
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    await activeChannel(tx, input.channelId);
    if (input.proposalId) await linkedOfClient(tx, Proposal, input.proposalId, client.id, 'input.proposalId', 'validation.proposalOfOtherClient');
    if (input.contractId) await linkedOfClient(tx, Contract, input.contractId, client.id, 'input.contractId', 'validation.contractOfOtherClient');
    const managerId = input.managerId ? (await agencyUser(tx, input.managerId, 'input.managerId')).id : client.ownerId;
    return scoped(tx, Campaign).insert({
      clientId: client.id,
      channelId: input.channelId,
      proposalId: input.proposalId ?? null,
      contractId: input.contractId ?? null,
      name: requireText(input.name, 'input.name'),
      strategy: trimOrNull(input.strategy),
      budget: input.budget,
      currency: input.currency,
      startDate: input.startDate,
      endDate: input.endDate,
      status: PLANNED,
      launchedAt: null,
      cancelReason: null,
      followUpOfId: null,
      internalNotes: trimOrNull(input.internalNotes),
      managerId,
      createdById: ctx.actor.userId,
    });
  });
}

/** Changes what may change; a new strategy after the launch is CAMPAIGN_GOALS_FROZEN and nothing is written. */
export function updateCampaign(ctx: AuthedContext, input: UpdateCampaignInput): Promise<CampaignResult> {
  for (const key of ['name', 'budget', 'currency', 'startDate', 'endDate'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.id, 'input.id', { lock: true });
    const strategy = input.strategy !== undefined ? trimOrNull(input.strategy) : campaign.strategy;
    if (strategy !== campaign.strategy && !goalsOpen(campaign.status)) return new CampaignGoalsFrozenError();
    const startDate = input.startDate ?? campaign.startDate;
    const endDate = input.endDate ?? campaign.endDate;
    checkDates(startDate, endDate);
    const patch: Partial<Campaign> = { strategy, startDate, endDate };
    if (input.name != null) patch.name = requireText(input.name, 'input.name');
    if (input.budget != null) patch.budget = input.budget;
    if (input.currency != null) patch.currency = input.currency;
    if (input.managerId !== undefined) patch.managerId = input.managerId ? (await agencyUser(tx, input.managerId, 'input.managerId')).id : null;
    if (input.internalNotes !== undefined) patch.internalNotes = trimOrNull(input.internalNotes);
    return scoped(tx, Campaign).update(campaign, patch);
  });
}

export function setKpiTargets(ctx: AuthedContext, input: SetKpiTargetsInput): Promise<CampaignResult> {
  const targets = kpiTargetValues(input.targets);
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    if (!goalsOpen(campaign.status)) return new CampaignGoalsFrozenError();
    await replaceTargets(tx, campaign, targets);
    return scoped(tx, Campaign).update(campaign, {});
  });
}

export function checkLaunchItem(ctx: AuthedContext, input: CheckLaunchItemInput, now: Date = new Date()): Promise<Campaign> {
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    const items = scoped(tx, CampaignChecklistItem);
    const existing = await items.query('i').andWhere('i."campaignId" = :id AND i.item = :item', { id: campaign.id, item: input.item }).getOne();
    const values = { checkedAt: now, checkedById: ctx.actor.userId, comment: trimOrNull(input.comment) };
    if (existing) await items.update(existing, values);
    else await items.insert({ campaignId: campaign.id, clientId: campaign.clientId, item: input.item, ...values });
    return scoped(tx, Campaign).update(campaign, {});
  });
}

export function uncheckLaunchItem(ctx: AuthedContext, input: UncheckLaunchItemInput): Promise<Campaign> {
  return withTransaction(ctx, async (tx) => {
    const campaign = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    const items = scoped(tx, CampaignChecklistItem);
    const kept = (await items.query('i').andWhere('i."campaignId" = :id', { id: campaign.id }).getMany()).filter((r) => r.item !== input.item);
    await items.replaceChildren(
      'campaignId',
      campaign.id,
      kept.map(({ clientId, item, checkedAt, checkedById, comment }) => ({ clientId, item, checkedAt, checkedById, comment })),
    );
    return scoped(tx, Campaign).update(campaign, {});
  });
}

/** PLANNED → LAUNCHED once every checklist item is done (KPI needs targets). */
export function launchCampaign(ctx: AuthedContext, id: string, now: Date = new Date()): Promise<CampaignResult> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Campaign, id, CAMPAIGN_TRANSITIONS, LAUNCHED, async (campaign, from) => {
      // resuming a paused campaign is resumeCampaign; launching is the first start only
      if (from !== PLANNED) return illegalTransition('Campaign', from, LAUNCHED);
      const state = await launchState(tx, campaign.id);
      const missing = missingLaunchItems(state.checked as LaunchChecklistItem[], state.targetCount > 0);
      if (missing.length) return new LaunchChecklistIncompleteError(missing);
      return scoped(tx, Campaign).update(campaign, { status: LAUNCHED, launchedAt: now });
    }, { field: 'id' }),
  );
}

export function pauseCampaign(ctx: AuthedContext, id: string): Promise<CampaignResult> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Campaign, id, CAMPAIGN_TRANSITIONS, PAUSED, (campaign) => scoped(tx, Campaign).update(campaign, { status: PAUSED }), { field: 'id' }),
  );
}

export function resumeCampaign(ctx: AuthedContext, id: string): Promise<CampaignResult> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Campaign, id, CAMPAIGN_TRANSITIONS, LAUNCHED, async (campaign, from) => {
      // a PLANNED campaign starts through launchCampaign, behind its checklist
      if (from !== PAUSED) return illegalTransition('Campaign', from, LAUNCHED);
      return scoped(tx, Campaign).update(campaign, { status: LAUNCHED });
    }, { field: 'id' }),
  );
}

/** Completes or cancels a campaign and, in the same transaction, closes its open deviations (CAMPAIGN_ENDED). */
async function endCampaign(tx: AuthedContext, campaign: Campaign, patch: Pick<Partial<Campaign>, 'status' | 'cancelReason'>): Promise<Campaign> {
  const ended = await scoped(tx, Campaign).update(campaign, patch);
  await closeDeviationsOfEndedCampaign(tx, ended);
  return ended;
}

export function completeCampaign(ctx: AuthedContext, id: string): Promise<CampaignResult> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Campaign, id, CAMPAIGN_TRANSITIONS, COMPLETED, (campaign) => endCampaign(tx, campaign, { status: COMPLETED }), { field: 'id' }),
  );
}

export function cancelCampaign(ctx: AuthedContext, id: string, reason: string): Promise<CampaignResult> {
  const why = requireText(reason, 'reason');
  return withTransaction(ctx, (tx) =>
    transitionRow(
      tx,
      Campaign,
      id,
      CAMPAIGN_TRANSITIONS,
      CANCELLED,
      (campaign) => endCampaign(tx, campaign, { status: CANCELLED, cancelReason: why }),
      { field: 'id' },
    ),
  );
}

/**
 * The client changed the goals of a campaign that ran: a new PLANNED campaign takes over, copying
 * what is not given, and a running original is completed (its results stay measured against the
 * goals it had). A PLANNED campaign is simply edited, a CANCELLED one never ran: both refused.
 */
export function createFollowUpCampaign(ctx: AuthedContext, input: CreateFollowUpCampaignInput): Promise<CampaignResult> {
  const newTargets = input.targets ? kpiTargetValues(input.targets) : null;
  return withTransaction(ctx, async (tx) => {
    const original = await scoped(tx, Campaign).getById(input.campaignId, 'input.campaignId', { lock: true });
    if (!canBeFollowedUp(original.status)) return illegalTransition('Campaign', original.status, COMPLETED);
    if (original.status !== COMPLETED) {
      const refused = checkTransition('Campaign', CAMPAIGN_TRANSITIONS, original.status, COMPLETED);
      if (refused) return refused;
      await endCampaign(tx, original, { status: COMPLETED });
    }
    const startDate = input.startDate ?? original.startDate;
    const endDate = input.endDate ?? original.endDate;
    checkDates(startDate, endDate);
    const created = await scoped(tx, Campaign).insert({
      clientId: original.clientId,
      channelId: original.channelId,
      proposalId: original.proposalId,
      contractId: original.contractId,
      name: input.name != null ? requireText(input.name, 'input.name') : original.name,
      strategy: input.strategy !== undefined ? trimOrNull(input.strategy) : original.strategy,
      budget: input.budget ?? original.budget,
      currency: input.currency ?? original.currency,
      startDate,
      endDate,
      status: PLANNED,
      launchedAt: null,
      cancelReason: null,
      followUpOfId: original.id,
      internalNotes: original.internalNotes,
      managerId: original.managerId,
      createdById: ctx.actor.userId,
    });
    const targets =
      newTargets ??
      (await scoped(tx, CampaignKpiTarget).query('t').andWhere('t."campaignId" = :id', { id: original.id }).orderBy('t.position', 'ASC').getMany()).map(
        ({ position, metric, customName, plan, period, direction, unit, warnPercent, actPercent }) => ({
          position, metric, customName, plan, period, direction, unit, warnPercent, actPercent,
        }),
      );
    await replaceTargets(tx, created, targets);
    return created;
  });
}
