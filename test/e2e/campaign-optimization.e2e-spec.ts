/**
 * The optimization log as an API client sees it: logging an optimization answering open deviations
 * (or none), the checks on the deviations and the campaign's state, the KPI snapshot, the same
 * KPIs over an equal window afterwards and whether they moved toward plan, the portal and tenancy.
 * Campaigns run in March 2024, so "today" is always after them and every window is over.
 */
import { startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';

let t: TestApp;
let ownerA: string;
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string };

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const START = '2024-03-04';
const END = '2024-03-31';
/** CPC 10 over the campaign (lower is better), 700 clicks a week (100 a day) */
const TARGETS = [
  { metric: 'CPC', plan: '10', period: 'CAMPAIGN' },
  { metric: 'CLICKS', plan: '700', period: 'WEEK' },
];

const KPI_FIELDS = 'targetId metric period periodStart periodEnd asOf direction plan planSoFar actual deviationPercent severity';
const AFTER_FIELDS = 'targetId metric period direction windowStart windowEnd planSoFar actual deviationPercent severity';
const OPT_FIELDS = `id campaignId category description performedOn deviationIds triggeredByDeviation kpiBefore { ${KPI_FIELDS} windowStart windowEnd } kpiAfter { ${AFTER_FIELDS} } effective`;

const CHANNELS = /* GraphQL */ `query { campaignChannels { id } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const LOG = /* GraphQL */ `mutation ($input: LogOptimizationInput!) { logOptimization(input: $input) { ${OPT_FIELDS} createdById } }`;
const KPIS = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { kpis(asOf: $asOf) { ${KPI_FIELDS} } } }`;
const DEVIATIONS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { deviations { id metric periodStart closedAt } } }`;
const LOG_OF = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { id optimizations { ${OPT_FIELDS} } } }`;

beforeAll(async () => {
  t = await startTestApp();
  // the engine records as on the last day of the first week: that week is judged whole and has not
  // ended yet, so its deviations open and close as figures arrive (a period that has ended only closes)
  t.services.clock = () => new Date('2024-03-10T09:00:00Z');
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  const manager = await createUser(t, ownerA, 'MANAGER');
  A1 = await createClient(t, ownerA, { ownerId: manager.id });
  const A2 = await createClient(t, ownerA, { ownerId: manager.id });
  portalA1 = (await createUser(t, ownerA, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, ownerA, 'CLIENT', A2.id)).token;
  ownerB = (await registerAgency(t)).ownerToken;
});
afterAll(() => t?.close());

async function planned(): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels;
  const input = { clientId: A1.id, channelId: channels[0].id, name: 'Поиск', budget: '50000.00', currency: 'RUB', startDate: START, endDate: END };
  const { id } = dataOf(await t.gql(CREATE, { input }, ownerA), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets: TARGETS } }, ownerA), 'setKpiTargets', 'Campaign');
  return id;
}

async function launched(): Promise<string> {
  const id = await planned();
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, ownerA), 'launchCampaign', 'Campaign');
  return id;
}

const dates = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from + 'T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));

/** `clicks` clicks and `spend` spent on each of `n` days from `from` */
async function record(id: string, from: string, n: number, clicks: string, spend: string) {
  const measurements = dates(from, n).flatMap((date) => [
    { metric: 'CLICKS', date, value: clicks },
    { metric: 'SPEND', date, value: spend },
  ]);
  dataOf(await t.gql(RECORD, { input: { campaignId: id, measurements } }, ownerA), 'recordKpiMeasurements');
}

const log = (input: Record<string, unknown>, token = ownerA) => t.gql(LOG, { input: { category: 'BIDS', description: 'Снижены ставки по дорогим ключам', ...input } }, token);
const optimizations = async (id: string, token = ownerA): Promise<any[]> => expectOk(await t.gql(LOG_OF, { id }, token)).campaign.optimizations;
const deviations = async (id: string): Promise<any[]> => expectOk(await t.gql(DEVIATIONS, { id }, ownerA)).campaign.deviations;
const byMetric = (list: any[], metric: string) => list.find((k) => k.metric === metric);

describe('logging and measuring an optimization', () => {
  let id: string;
  let cpcDeviation: string;
  let clicksDeviation: string;
  let first: any;

  beforeAll(async () => {
    id = await launched();
    // five days at CPC 15: 50 % over plan; the first week judged whole is 500 clicks of 700
    await record(id, '2024-03-04', 5, '100', '1500');
    const open = await deviations(id);
    cpcDeviation = byMetric(open, 'CPC').id;
    clicksDeviation = byMetric(open, 'CLICKS').id;
  });

  it('linked to an open deviation, it is triggered by it and keeps the KPIs exactly as Campaign.kpis showed them that day', async () => {
    first = dataOf(await log({ campaignId: id, performedOn: '2024-03-08', deviationIds: [cpcDeviation] }), 'logOptimization');
    expect(first).toMatchObject({ campaignId: id, category: 'BIDS', performedOn: '2024-03-08', deviationIds: [cpcDeviation], triggeredByDeviation: true });
    expect(first.createdById).toBeTruthy();

    const kpis = expectOk(await t.gql(KPIS, { id, asOf: '2024-03-08' }, ownerA)).campaign.kpis;
    expect(first.kpiBefore.map(({ windowStart, windowEnd, ...k }: any) => k)).toEqual(kpis);
    expect(byMetric(first.kpiBefore, 'CPC')).toEqual({
      targetId: expect.any(String), metric: 'CPC', period: 'CAMPAIGN', periodStart: START, periodEnd: END, asOf: '2024-03-08',
      direction: 'LOWER_IS_BETTER', plan: '10.00', planSoFar: '10.00', actual: '15.00', deviationPercent: '50.00', severity: 'ACT',
      windowStart: START, windowEnd: '2024-03-08',
    });
    expect(byMetric(first.kpiBefore, 'CLICKS')).toMatchObject({ periodStart: START, periodEnd: '2024-03-10', planSoFar: '500.00', actual: '500.00', deviationPercent: '0.00' });
  });

  it('is not measured after until figures are recorded after it', async () => {
    const [o] = await optimizations(id);
    expect(o.kpiAfter).toEqual([]);
    expect(o.effective).toBeNull();
  });

  it('measures the same KPIs over an equal window after and finds the answered one moved toward plan', async () => {
    // the next five days at CPC 11
    await record(id, '2024-03-09', 5, '100', '1100');
    const [o] = await optimizations(id);
    expect(byMetric(o.kpiAfter, 'CPC')).toEqual({
      targetId: byMetric(first.kpiBefore, 'CPC').targetId, metric: 'CPC', period: 'CAMPAIGN', direction: 'LOWER_IS_BETTER',
      windowStart: '2024-03-09', windowEnd: '2024-03-13', planSoFar: '10.00', actual: '11.00', deviationPercent: '10.00', severity: 'WARN',
    });
    // 700 a week is 500 for five days, at the same daily plan as before
    expect(byMetric(o.kpiAfter, 'CLICKS')).toMatchObject({ windowStart: '2024-03-09', windowEnd: '2024-03-13', planSoFar: '500.00', actual: '500.00' });
    expect(o.effective).toBe(true);
  });

  it('finds an optimization whose KPI got worse not effective, and lists the log newest first', async () => {
    // CPC over the campaign so far is 13: still open
    const second = dataOf(await log({ campaignId: id, category: 'SEMANTICS', performedOn: '2024-03-13', deviationIds: [cpcDeviation] }), 'logOptimization');
    expect(byMetric(second.kpiBefore, 'CPC')).toMatchObject({ actual: '13.00', windowStart: START, windowEnd: '2024-03-13' });
    await record(id, '2024-03-14', 10, '100', '2000');
    const list = await optimizations(id);
    expect(list.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(byMetric(list[0].kpiAfter, 'CPC')).toMatchObject({ windowStart: '2024-03-14', windowEnd: '2024-03-23', actual: '20.00', deviationPercent: '100.00' });
    expect(list[0].effective).toBe(false);
    // the first one's window is fixed: later days do not change it
    expect(byMetric(list[1].kpiAfter, 'CPC')).toMatchObject({ windowEnd: '2024-03-13', actual: '11.00' });
    expect(list[1].effective).toBe(true);
  });

  it('logged while nothing deviated, it is stored as not triggered and never judged', async () => {
    const o = dataOf(await log({ campaignId: id, category: 'AD_CREATIVES', performedOn: '2024-03-24' }), 'logOptimization');
    expect(o).toMatchObject({ deviationIds: [], triggeredByDeviation: false, effective: null });
    const stored = (await optimizations(id)).find((x) => x.id === o.id);
    expect(stored).toMatchObject({ category: 'AD_CREATIVES', triggeredByDeviation: false, effective: null });
    expect(stored.kpiBefore).toHaveLength(2);
  });

  it('refuses a deviation of another campaign, a closed one, or a day outside the campaign, and writes nothing', async () => {
    const other = await launched();
    await record(other, '2024-03-04', 2, '100', '3000');
    const foreign = byMetric(await deviations(other), 'CPC').id;
    const before = (await optimizations(id)).length;

    expect(badInputPaths(await log({ campaignId: id, performedOn: '2024-03-10', deviationIds: [foreign] }))).toEqual(['input.deviationIds.0']);
    // the first week came back to 700 clicks once 9 and 10 March were recorded
    expect((await deviations(id)).find((d) => d.id === clicksDeviation).closedAt).not.toBeNull();
    expect(badInputPaths(await log({ campaignId: id, performedOn: '2024-03-10', deviationIds: [cpcDeviation, clicksDeviation] }))).toEqual(['input.deviationIds.1']);
    expect(badInputPaths(await log({ campaignId: id, performedOn: '2024-04-02' }))).toEqual(['input.performedOn']);
    expect(await optimizations(id)).toHaveLength(before);
    expect(await optimizations(other)).toHaveLength(0);
  });

  it('refuses a planned campaign', async () => {
    const plannedId = await planned();
    expect(badInputPaths(await log({ campaignId: plannedId, performedOn: '2024-03-05' }))).toEqual(['input.campaignId']);
    expect(await optimizations(plannedId)).toHaveLength(0);
  });

  it("lets the client's portal user read its campaign's log, without who logged it, and write nothing", async () => {
    const staff = await optimizations(id);
    const portal = await optimizations(id, portalA1);
    expect(portal).toEqual(staff);
    expect(portal[0]).toMatchObject({ category: expect.any(String), description: expect.any(String) });
    const who = await t.gql(/* GraphQL */ `query ($id: ID!) { campaign(id: $id) { optimizations { id createdById } } }`, { id }, portalA1);
    expect(who.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(who.body.data.campaign.optimizations[0].createdById).toBeNull();
    expectCode(await log({ campaignId: id, performedOn: '2024-03-10' }, portalA1), 'FORBIDDEN');
  });

  it("hides the log from another client's portal user and another agency, which cannot log on it", async () => {
    expect(expectOk(await t.gql(LOG_OF, { id }, portalA2)).campaign).toBeNull();
    expect(expectOk(await t.gql(LOG_OF, { id }, ownerB)).campaign).toBeNull();
    const count = (await optimizations(id)).length;
    expectCode(await log({ campaignId: id, performedOn: '2024-03-10' }, ownerB), 'NOT_FOUND');
    expect(await optimizations(id)).toHaveLength(count);
  });
});
