/**
 * Campaigns as an API client sees them: channels seeded and editable, creation and its
 * validation, the launch checklist gate, frozen goals and the follow-up campaign, the status
 * flow with its illegal moves, the client portal and tenancy. Every refused mutation is followed
 * by reading the campaign back to prove that nothing changed.
 */
import { startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';
import { createProposal } from '../support/proposal.factories';

let t: TestApp;
let ownerA: string;
let managerA: { id: string; token: string };
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string };
let A2: { id: string };

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];

const FIELDS = /* GraphQL */ `
  id clientId channelId proposalId contractId name strategy budget currency startDate endDate status launchedAt followUpOfId managerId
  checklist { item checked }
  kpiTargets { metric customName plan period direction unit warnPercent actPercent }
`;
const STAFF_FIELDS = `${FIELDS} internalNotes cancelReason channel { name toolMixCategory }`;
const ERRORS = /* GraphQL */ `
  ... on ErrorResult { __typename code message }
  ... on IllegalTransitionError { from to }
  ... on LaunchChecklistIncompleteError { missing }
`;

const CHANNELS = /* GraphQL */ `query { campaignChannels { id name toolMixCategory active } }`;
const CREATE_CHANNEL = /* GraphQL */ `mutation ($input: CreateCampaignChannelInput!) { createCampaignChannel(input: $input) { id name toolMixCategory active } }`;
const UPDATE_CHANNEL = /* GraphQL */ `mutation ($input: UpdateCampaignChannelInput!) { updateCampaignChannel(input: $input) { id name toolMixCategory active } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { ${STAFF_FIELDS} } }`;
const UPDATE = /* GraphQL */ `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { __typename ... on Campaign { ${STAFF_FIELDS} } ${ERRORS} } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename ... on Campaign { ${STAFF_FIELDS} } ${ERRORS} } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { ${STAFF_FIELDS} } }`;
const UNCHECK = /* GraphQL */ `mutation ($input: UncheckLaunchItemInput!) { uncheckLaunchItem(input: $input) { ${STAFF_FIELDS} } }`;
const op = (name: string) => /* GraphQL */ `mutation ($id: ID!) { ${name}(id: $id) { __typename ... on Campaign { ${STAFF_FIELDS} } ${ERRORS} } }`;
const LAUNCH = op('launchCampaign');
const PAUSE = op('pauseCampaign');
const RESUME = op('resumeCampaign');
const COMPLETE = op('completeCampaign');
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelCampaign(id: $id, reason: $reason) { __typename ... on Campaign { ${STAFF_FIELDS} } ${ERRORS} } }`;
const FOLLOW_UP = /* GraphQL */ `mutation ($input: CreateFollowUpCampaignInput!) { createFollowUpCampaign(input: $input) { __typename ... on Campaign { ${STAFF_FIELDS} } ${ERRORS} } }`;
const GET = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { ${STAFF_FIELDS} } }`;
const GET_PORTAL = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { ${FIELDS} } }`;
const LIST = /* GraphQL */ `query ($filter: CampaignFilter) { campaigns(filter: $filter, first: 50) { totalCount edges { node { id status } } } }`;
const CLIENT_CAMPAIGNS = /* GraphQL */ `query ($id: ID!) { client(id: $id) { id campaigns { id status } } }`;

const TARGETS = [
  { metric: 'LEADS', plan: '120', period: 'MONTH' },
  { metric: 'CPL', plan: '1500.50', period: 'MONTH', unit: '₽' },
];

beforeAll(async () => {
  t = await startTestApp();
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  managerA = await createUser(t, ownerA, 'MANAGER');
  A1 = await createClient(t, ownerA, { ownerId: managerA.id });
  A2 = await createClient(t, ownerA, { ownerId: managerA.id });
  portalA1 = (await createUser(t, ownerA, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, ownerA, 'CLIENT', A2.id)).token;
  const b = await registerAgency(t);
  ownerB = b.ownerToken;
});
afterAll(() => t?.close());

async function channelId(token: string, name = 'Яндекс Директ'): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, token)).campaignChannels;
  return channels.find((c: any) => c.name === name).id;
}

async function createCampaign(input: Record<string, unknown> = {}, token = ownerA): Promise<any> {
  const res = await t.gql(
    CREATE,
    {
      input: {
        clientId: A1.id,
        channelId: await channelId(token),
        name: 'Поиск: весна',
        budget: '300000.00',
        currency: 'RUB',
        startDate: '2026-03-01',
        endDate: '2026-05-31',
        strategy: 'Лиды из поиска по брендовым и целевым запросам',
        internalNotes: 'Клиент торгуется по комиссии',
        ...input,
      },
    },
    token,
  );
  return dataOf(res, 'createCampaign');
}

async function readBack(id: string, token = ownerA): Promise<any> {
  return expectOk(await t.gql(GET, { id }, token)).campaign;
}

async function checkAll(id: string, items = ITEMS): Promise<void> {
  for (const item of items) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
}

/** A LAUNCHED campaign of A1 with targets and the whole checklist. */
async function launched(input: Record<string, unknown> = {}): Promise<any> {
  const c = await createCampaign(input);
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: c.id, targets: TARGETS } }, ownerA), 'setKpiTargets', 'Campaign');
  await checkAll(c.id);
  return dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'Campaign');
}

describe('channels', () => {
  it('are seeded once per agency with the usual ten, each in a 70/20/10 category', async () => {
    const { ownerToken } = await registerAgency(t);
    const first = expectOk(await t.gql(CHANNELS, {}, ownerToken)).campaignChannels;
    expect(first.map((c: any) => c.name)).toEqual(
      expect.arrayContaining(['Яндекс Директ', 'VK Реклама', 'Google Ads', 'Meta', 'TikTok Ads', 'Telegram Ads', 'SEO', 'SMM', 'Email', 'Programmatic']),
    );
    expect(first).toHaveLength(10);
    expect(first.every((c: any) => c.active && ['PROVEN', 'UNCERTAIN', 'EXPERIMENTAL'].includes(c.toolMixCategory))).toBe(true);
    expect(expectOk(await t.gql(CHANNELS, {}, ownerToken)).campaignChannels).toEqual(first);
  });

  it('can be added, renamed, recategorized and deactivated; a deactivated one takes no new campaign', async () => {
    const created = dataOf(await t.gql(CREATE_CHANNEL, { input: { name: 'Авито', toolMixCategory: 'EXPERIMENTAL' } }, ownerA), 'createCampaignChannel');
    expect(created).toMatchObject({ name: 'Авито', toolMixCategory: 'EXPERIMENTAL', active: true });
    expect(badInputPaths(await t.gql(CREATE_CHANNEL, { input: { name: 'SEO', toolMixCategory: 'PROVEN' } }, ownerA))).toEqual(['input.name']);

    const renamed = dataOf(
      await t.gql(UPDATE_CHANNEL, { input: { id: created.id, name: 'Авито Реклама', toolMixCategory: 'UNCERTAIN', active: false } }, ownerA),
      'updateCampaignChannel',
    );
    expect(renamed).toMatchObject({ id: created.id, name: 'Авито Реклама', toolMixCategory: 'UNCERTAIN', active: false });
    const res = await t.gql(CREATE, { input: { clientId: A1.id, channelId: created.id, name: 'x', budget: '1', currency: 'RUB', startDate: '2026-01-01', endDate: '2026-01-02' } }, ownerA);
    expect(badInputPaths(res)).toEqual(['input.channelId']);
  });

  it('are not the business of a portal user or another agency', async () => {
    expectCode(await t.gql(CHANNELS, {}, portalA1), 'FORBIDDEN');
    const own = await channelId(ownerA, 'SEO');
    expectCode(await t.gql(UPDATE_CHANNEL, { input: { id: own, name: 'Чужое' } }, ownerB), 'NOT_FOUND');
    expect(expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels.find((c: any) => c.id === own).name).toBe('SEO');
  });
});

describe('a campaign from plan to follow-up', () => {
  it('is created PLANNED with the client owner as manager and an open checklist', async () => {
    const c = await createCampaign();
    expect(c).toMatchObject({ status: 'PLANNED', budget: '300000.00', currency: 'RUB', managerId: managerA.id, launchedAt: null, followUpOfId: null });
    expect(c.channel.name).toBe('Яндекс Директ');
    expect(c.checklist).toEqual(ITEMS.map((item) => ({ item, checked: false })));
  });

  it('launches only with the whole checklist, KPI counting as undone without targets', async () => {
    const c = await createCampaign();
    await checkAll(c.id, ['WEBSITE', 'KPI', 'AD_QUALITY']);
    const refused = dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'LaunchChecklistIncompleteError');
    expect(refused.code).toBe('LAUNCH_CHECKLIST_INCOMPLETE');
    expect(refused.missing).toEqual(['WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'CAMPAIGN_SETTINGS']);
    expect((await readBack(c.id)).status).toBe('PLANNED');

    await checkAll(c.id, ['WEB_ANALYTICS', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'CAMPAIGN_SETTINGS']);
    const onlyKpi = dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'LaunchChecklistIncompleteError');
    expect(onlyKpi.missing).toEqual(['KPI']);

    const withTargets = dataOf(await t.gql(SET_TARGETS, { input: { campaignId: c.id, targets: TARGETS } }, ownerA), 'setKpiTargets', 'Campaign');
    expect(withTargets.kpiTargets).toEqual([
      { metric: 'LEADS', customName: null, plan: '120.00', period: 'MONTH', direction: 'HIGHER_IS_BETTER', unit: null, warnPercent: '10.00', actPercent: '15.00' },
      { metric: 'CPL', customName: null, plan: '1500.50', period: 'MONTH', direction: 'LOWER_IS_BETTER', unit: '₽', warnPercent: '10.00', actPercent: '15.00' },
    ]);
    dataOf(await t.gql(UNCHECK, { input: { campaignId: c.id, item: 'AD_QUALITY' } }, ownerA), 'uncheckLaunchItem');
    expect(dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'LaunchChecklistIncompleteError').missing).toEqual(['AD_QUALITY']);

    await checkAll(c.id, ['AD_QUALITY']);
    const live = dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'Campaign');
    expect(live.status).toBe('LAUNCHED');
    expect(live.launchedAt).not.toBeNull();
    expect(live.checklist.every((e: any) => e.checked)).toBe(true);
  });

  it('keeps its goals once launched: strategy and targets are CAMPAIGN_GOALS_FROZEN, budget and dates still change', async () => {
    const c = await launched();
    const before = await readBack(c.id);

    const strategy = dataOf(await t.gql(UPDATE, { input: { id: c.id, strategy: 'Теперь охват' } }, ownerA), 'updateCampaign', 'CampaignGoalsFrozenError');
    expect(strategy.code).toBe('CAMPAIGN_GOALS_FROZEN');
    expect(strategy.message).toMatch(/новая кампания/);
    const targets = dataOf(
      await t.gql(SET_TARGETS, { input: { campaignId: c.id, targets: [{ metric: 'IMPRESSIONS', plan: '1000000', period: 'CAMPAIGN' }] } }, ownerA),
      'setKpiTargets',
      'CampaignGoalsFrozenError',
    );
    expect(targets.code).toBe('CAMPAIGN_GOALS_FROZEN');
    expect(await readBack(c.id)).toEqual(before);

    const budget = dataOf(await t.gql(UPDATE, { input: { id: c.id, budget: '350000', endDate: '2026-06-30' } }, ownerA), 'updateCampaign', 'Campaign');
    expect(budget).toMatchObject({ budget: '350000.00', endDate: '2026-06-30', strategy: before.strategy, kpiTargets: before.kpiTargets });
  });

  it('is replaced by a follow-up campaign when the goals change; the running original is completed', async () => {
    const proposal = await createProposal(t, ownerA, A1.id);
    const c = await launched({ proposalId: proposal.id });
    const next = dataOf(
      await t.gql(FOLLOW_UP, { input: { campaignId: c.id, strategy: 'Охват вместо лидов', targets: [{ metric: 'IMPRESSIONS', plan: '2000000', period: 'CAMPAIGN' }] } }, ownerA),
      'createFollowUpCampaign',
      'Campaign',
    );
    expect(next).toMatchObject({
      status: 'PLANNED',
      followUpOfId: c.id,
      clientId: A1.id,
      channelId: c.channelId,
      proposalId: proposal.id,
      budget: c.budget,
      strategy: 'Охват вместо лидов',
      launchedAt: null,
    });
    expect(next.kpiTargets.map((k: any) => k.metric)).toEqual(['IMPRESSIONS']);
    expect(next.checklist.every((e: any) => !e.checked)).toBe(true);
    expect((await readBack(c.id)).status).toBe('COMPLETED');

    const copied = dataOf(await t.gql(FOLLOW_UP, { input: { campaignId: c.id } }, ownerA), 'createFollowUpCampaign', 'Campaign');
    expect(copied.kpiTargets).toEqual(c.kpiTargets);

    const planned = await createCampaign();
    const refused = dataOf(await t.gql(FOLLOW_UP, { input: { campaignId: planned.id } }, ownerA), 'createFollowUpCampaign', 'IllegalTransitionError');
    expect(refused).toMatchObject({ from: 'PLANNED', to: 'COMPLETED' });
  });
});

describe('status flow', () => {
  it('pauses, resumes and completes; illegal moves are ILLEGAL_TRANSITION and change nothing', async () => {
    const c = await launched();
    expect(dataOf(await t.gql(RESUME, { id: c.id }, ownerA), 'resumeCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'LAUNCHED', to: 'LAUNCHED' });
    expect(dataOf(await t.gql(PAUSE, { id: c.id }, ownerA), 'pauseCampaign', 'Campaign').status).toBe('PAUSED');
    expect(dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'PAUSED', to: 'LAUNCHED' });
    expect(dataOf(await t.gql(RESUME, { id: c.id }, ownerA), 'resumeCampaign', 'Campaign').status).toBe('LAUNCHED');
    expect(dataOf(await t.gql(COMPLETE, { id: c.id }, ownerA), 'completeCampaign', 'Campaign').status).toBe('COMPLETED');
    const done = await readBack(c.id);
    for (const [mutation, name] of [[PAUSE, 'pauseCampaign'], [RESUME, 'resumeCampaign'], [COMPLETE, 'completeCampaign']] as const) {
      expect(dataOf(await t.gql(mutation, { id: c.id }, ownerA), name, 'IllegalTransitionError').code).toBe('ILLEGAL_TRANSITION');
    }
    expect(dataOf(await t.gql(CANCEL, { id: c.id, reason: 'поздно' }, ownerA), 'cancelCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'COMPLETED', to: 'CANCELLED' });
    expect(await readBack(c.id)).toEqual(done);
  });

  it('cancels a planned campaign with the reason; a cancelled one neither resumes nor launches', async () => {
    const c = await createCampaign();
    expect(dataOf(await t.gql(RESUME, { id: c.id }, ownerA), 'resumeCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'PLANNED', to: 'LAUNCHED' });
    expect(dataOf(await t.gql(PAUSE, { id: c.id }, ownerA), 'pauseCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'PLANNED', to: 'PAUSED' });
    const cancelled = dataOf(await t.gql(CANCEL, { id: c.id, reason: 'Клиент урезал бюджет' }, ownerA), 'cancelCampaign', 'Campaign');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Клиент урезал бюджет' });
    expect(dataOf(await t.gql(LAUNCH, { id: c.id }, ownerA), 'launchCampaign', 'IllegalTransitionError')).toMatchObject({ from: 'CANCELLED', to: 'LAUNCHED' });
  });
});

describe('validation', () => {
  it('refuses an end before the start, a negative budget and a proposal of another client, naming the field', async () => {
    const base = { clientId: A1.id, channelId: await channelId(ownerA), name: 'x', budget: '10', currency: 'RUB', startDate: '2026-03-10', endDate: '2026-03-31' };
    const before = expectOk(await t.gql(LIST, { filter: { clientId: A1.id } }, ownerA)).campaigns.totalCount;
    expect(badInputPaths(await t.gql(CREATE, { input: { ...base, endDate: '2026-03-09' } }, ownerA))).toEqual(['input.endDate']);
    expect(badInputPaths(await t.gql(CREATE, { input: { ...base, budget: '-1.00' } }, ownerA))).toEqual(['input.budget']);
    const otherProposal = await createProposal(t, ownerA, A2.id);
    expect(badInputPaths(await t.gql(CREATE, { input: { ...base, proposalId: otherProposal.id } }, ownerA))).toEqual(['input.proposalId']);
    expect(expectOk(await t.gql(LIST, { filter: { clientId: A1.id } }, ownerA)).campaigns.totalCount).toBe(before);

    const c = await createCampaign();
    expect(badInputPaths(await t.gql(UPDATE, { input: { id: c.id, startDate: '2026-06-01' } }, ownerA))).toEqual(['input.endDate']);
    const bad = await t.gql(
      SET_TARGETS,
      {
        input: {
          campaignId: c.id,
          targets: [
            { metric: 'CUSTOM', plan: '5', period: 'WEEK' },
            { metric: 'CLICKS', plan: '100', period: 'DAY', warnPercent: '20', actPercent: '15' },
          ],
        },
      },
      ownerA,
    );
    expect(badInputPaths(bad)).toEqual(['input.targets.0.customName', 'input.targets.1.actPercent']);
    expect(await readBack(c.id)).toEqual(c);
  });
});

describe('portal and tenancy', () => {
  let planned: any;
  let live: any;

  beforeAll(async () => {
    planned = await createCampaign();
    live = await readBack((await launched()).id);
  });

  it('another agency neither reads nor changes any of it', async () => {
    expect(expectOk(await t.gql(GET, { id: live.id }, ownerB)).campaign).toBeNull();
    expect(expectOk(await t.gql(LIST, {}, ownerB)).campaigns.totalCount).toBe(0);
    for (const [mutation, vars] of [
      [PAUSE, { id: live.id }],
      [CANCEL, { id: live.id, reason: 'x' }],
      [UPDATE, { input: { id: live.id, budget: '1' } }],
      [CHECK, { input: { campaignId: planned.id, item: 'WEBSITE' } }],
      [SET_TARGETS, { input: { campaignId: planned.id, targets: [] } }],
      [FOLLOW_UP, { input: { campaignId: live.id } }],
    ] as const) {
      expectCode(await t.gql(mutation, vars, ownerB), 'NOT_FOUND');
    }
    const res = await t.gql(CREATE, { input: { clientId: A1.id, channelId: await channelId(ownerB), name: 'x', budget: '1', currency: 'RUB', startDate: '2026-01-01', endDate: '2026-01-02' } }, ownerB);
    expect(expectCode(res, 'NOT_FOUND').field).toBe('input.clientId');
    expect(await readBack(live.id)).toEqual(live);
    expect(await readBack(planned.id)).toEqual(planned);
  });

  it("the client's portal user reads launched campaigns only, never the agency's notes, and writes nothing", async () => {
    const portalView = expectOk(await t.gql(GET_PORTAL, { id: live.id }, portalA1)).campaign;
    expect(portalView).toMatchObject({ id: live.id, status: 'LAUNCHED', budget: live.budget, kpiTargets: live.kpiTargets });
    expect(expectOk(await t.gql(GET_PORTAL, { id: planned.id }, portalA1)).campaign).toBeNull();

    const notes = await t.gql(/* GraphQL */ `query ($id: ID!) { campaign(id: $id) { id internalNotes } }`, { id: live.id }, portalA1);
    expect(notes.body.data.campaign).toEqual({ id: live.id, internalNotes: null });
    expect(notes.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(notes.body)).not.toContain('Клиент торгуется');

    const listed = expectOk(await t.gql(LIST, {}, portalA1)).campaigns.edges.map((e: any) => e.node);
    expect(listed.map((n: any) => n.id)).toContain(live.id);
    expect(listed.every((n: any) => ['LAUNCHED', 'PAUSED', 'COMPLETED'].includes(n.status))).toBe(true);
    const viaClient = expectOk(await t.gql(CLIENT_CAMPAIGNS, { id: A1.id }, portalA1)).client.campaigns;
    expect(viaClient.map((n: any) => n.id)).toContain(live.id);
    expect(viaClient.map((n: any) => n.id)).not.toContain(planned.id);

    expectCode(await t.gql(PAUSE, { id: live.id }, portalA1), 'FORBIDDEN');
    expectCode(await t.gql(UPDATE, { input: { id: live.id, budget: '1' } }, portalA1), 'FORBIDDEN');
    expectCode(await t.gql(FOLLOW_UP, { input: { campaignId: live.id } }, portalA1), 'FORBIDDEN');
    expect(await readBack(live.id)).toEqual(live);
  });

  it("another client's portal user sees nothing", async () => {
    expect(expectOk(await t.gql(GET_PORTAL, { id: live.id }, portalA2)).campaign).toBeNull();
    expect(expectOk(await t.gql(LIST, {}, portalA2)).campaigns.totalCount).toBe(0);
  });

  it('staff see every campaign of the client, planned ones too', async () => {
    const ids = expectOk(await t.gql(CLIENT_CAMPAIGNS, { id: A1.id }, ownerA)).client.campaigns.map((n: any) => n.id);
    expect(ids).toEqual(expect.arrayContaining([planned.id, live.id]));
    const launchedOnly = expectOk(await t.gql(LIST, { filter: { clientId: A1.id, status: 'LAUNCHED' } }, ownerA)).campaigns.edges;
    expect(launchedOnly.every((e: any) => e.node.status === 'LAUNCHED')).toBe(true);
  });
});
