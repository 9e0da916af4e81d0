/**
 * Chart-shaped reads as a front-end sees them: a KPI's plan-against-actual series by day, ISO week
 * and month (a derived metric included, no actual after asOf), the KPI status, a campaign's totals
 * against the previous period, client-wide sums and series across two campaigns, the realized
 * 70/20/10 mix of a client and of a proposal, the portal, tenancy, and the SQL staying flat as
 * KPIs, campaigns and days are added. Campaigns run in March 2024, so "today" is after them.
 */
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';
import { createSentProposal } from '../support/proposal.factories';

const logger = new CountingLogger();
let t: TestApp;
let ownerA: string;
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string };
let c1: string;
let c2: string;
let proposalId: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const POINT = 'start end plan actual cumulativePlan cumulativeActual';
const TOTALS = 'from to previous { from to } metrics { metric customName value previousValue changePercent }';

const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const SERIES = /* GraphQL */ `query ($id: ID!, $asOf: Date, $g: KpiGranularity!, $from: Date, $to: Date) {
  campaign(id: $id) { id kpis(asOf: $asOf) { metric period status series(granularity: $g, from: $from, to: $to) { ${POINT} } } } }`;
const STATUS = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { kpis(asOf: $asOf) { metric period actual severity status } } }`;
const CAMPAIGN_TOTALS = /* GraphQL */ `query ($id: ID!, $from: Date, $to: Date) { campaign(id: $id) { totals(from: $from, to: $to) { ${TOTALS} } } }`;
const CLIENT = /* GraphQL */ `query ($id: ID!, $metric: KpiMetric!, $g: KpiGranularity!, $from: Date, $to: Date, $customName: String) {
  client(id: $id) { id
    kpiTotals(from: $from, to: $to) { ${TOTALS} }
    kpiSeries(metric: $metric, granularity: $g, from: $from, to: $to, customName: $customName) { ${POINT} }
    realizedToolMix(from: $from, to: $to) { category actualSpend actualPercent } } }`;
const PROPOSAL_MIX = /* GraphQL */ `query ($id: ID!, $from: Date, $to: Date) {
  proposal(id: $id) { id realizedToolMix(from: $from, to: $to) { category plannedPercent actualSpend actualPercent differencePoints } } }`;
/** Everything a dashboard of one campaign asks at once. */
const DASHBOARD = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { id
  kpis(asOf: $asOf) { metric status days: series(granularity: DAY) { ${POINT} } weeks: series(granularity: WEEK) { ${POINT} } months: series(granularity: MONTH) { ${POINT} } }
  totals { ${TOTALS} } } }`;
const LIST = /* GraphQL */ `query ($asOf: Date) { campaigns(first: 50) { edges { node { id
  kpis(asOf: $asOf) { status series(granularity: WEEK) { ${POINT} } } totals { metrics { value } } } } } }`;
const CLIENT_DASHBOARD = /* GraphQL */ `query ($id: ID!) { client(id: $id) { id
  kpiTotals { ${TOTALS} } clicks: kpiSeries(metric: CLICKS, granularity: DAY) { ${POINT} } cpc: kpiSeries(metric: CPC, granularity: WEEK) { ${POINT} }
  realizedToolMix { category actualSpend actualPercent } } }`;

const START = '2024-03-04'; // a Monday
const END = '2024-03-31'; // a Sunday: four whole ISO weeks

async function channelId(token: string, name: string): Promise<string> {
  const channels: { id: string; name: string }[] = expectOk(await t.gql(CHANNELS, {}, token)).campaignChannels;
  return channels.find((c) => c.name === name)!.id;
}

async function planned(targets: unknown[], opts: { token?: string; clientId?: string; channel?: string; proposalId?: string; currency?: string } = {}): Promise<string> {
  const token = opts.token ?? ownerA;
  const input = {
    clientId: opts.clientId ?? A1.id,
    channelId: await channelId(token, opts.channel ?? 'Яндекс Директ'),
    proposalId: opts.proposalId,
    name: 'Поиск',
    budget: '28000.00',
    currency: opts.currency ?? 'RUB',
    startDate: START,
    endDate: END,
  };
  const { id } = dataOf(await t.gql(CREATE, { input }, token), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, token), 'setKpiTargets', 'Campaign');
  return id;
}

async function launched(targets: unknown[], opts: Parameters<typeof planned>[1] = {}): Promise<string> {
  const id = await planned(targets, opts);
  const token = opts.token ?? ownerA;
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, token), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, token), 'launchCampaign', 'Campaign');
  return id;
}

const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2024-03-${String(from + i).padStart(2, '0')}`);
const each = (dates: string[], metric: string, value: string) => dates.map((date) => ({ metric, date, value }));
const record = async (campaignId: string, measurements: unknown[], token = ownerA) =>
  dataOf(await t.gql(RECORD, { input: { campaignId, measurements } }, token), 'recordKpiMeasurements');

async function series(id: string, g: string, asOf?: string, from?: string, to?: string, token = ownerA): Promise<any[]> {
  return expectOk(await t.gql(SERIES, { id, g, asOf, from, to }, token)).campaign.kpis;
}
const kpi = (list: any[], metric: string, period: string) => list.find((k) => k.metric === metric && k.period === period);
const line = (totals: any, metric: string) => totals.metrics.find((m: any) => m.metric === metric && m.customName === null);

beforeAll(async () => {
  t = await startTestApp({ logger });
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  const manager = await createUser(t, ownerA, 'MANAGER');
  A1 = await createClient(t, ownerA, { ownerId: manager.id });
  const A2 = await createClient(t, ownerA, { ownerId: manager.id });
  portalA1 = (await createUser(t, ownerA, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, ownerA, 'CLIENT', A2.id)).token;
  ownerB = (await registerAgency(t)).ownerToken;

  // a 70/20/10 media plan; both campaigns are made from it
  proposalId = (await createSentProposal(t, ownerA, A1.id)).id;
  c1 = await launched(
    [
      { metric: 'CLICKS', plan: '700', period: 'WEEK' },
      { metric: 'SPEND', plan: '28000', period: 'CAMPAIGN' },
      { metric: 'CPC', plan: '10', period: 'CAMPAIGN' },
      { metric: 'LEADS', plan: '70', period: 'WEEK' },
    ],
    { proposalId },
  );
  // 4–13 March: 100 clicks a day, 1000 spent a day but 1600 on the 12th; 8, 9, 10 leads on 11–13 March
  await record(c1, [
    ...each(days(4, 13), 'CLICKS', '100'),
    ...each(days(4, 13), 'SPEND', '1000'),
    { metric: 'LEADS', date: '2024-03-11', value: '8' },
    { metric: 'LEADS', date: '2024-03-12', value: '9' },
    { metric: 'LEADS', date: '2024-03-13', value: '10' },
  ]);
  await record(c1, [{ metric: 'SPEND', date: '2024-03-12', value: '1600' }]);
  // a second campaign of the client on an experimental channel: a monthly plan over 28 of March's 31 days
  c2 = await launched([{ metric: 'CLICKS', plan: '3100', period: 'MONTH' }], { channel: 'TikTok Ads', proposalId });
  await record(c2, [...each(days(4, 5), 'CLICKS', '50'), ...each(days(4, 5), 'SPEND', '500')]);
});
afterAll(() => t?.close());

describe('CampaignKpi.series', () => {
  it('plans and sums CLICKS per ISO week with running totals; no actual for weeks starting after asOf', async () => {
    const clicks = kpi(await series(c1, 'WEEK', '2024-03-13'), 'CLICKS', 'WEEK');
    expect(clicks.series).toEqual([
      { start: '2024-03-04', end: '2024-03-10', plan: '700.00', actual: '700.00', cumulativePlan: '700.00', cumulativeActual: '700.00' },
      { start: '2024-03-11', end: '2024-03-17', plan: '700.00', actual: '300.00', cumulativePlan: '1400.00', cumulativeActual: '1000.00' },
      { start: '2024-03-18', end: '2024-03-24', plan: '700.00', actual: null, cumulativePlan: '2100.00', cumulativeActual: null },
      { start: '2024-03-25', end: '2024-03-31', plan: '700.00', actual: null, cumulativePlan: '2800.00', cumulativeActual: null },
    ]);
  });

  it('spreads the weekly plan over days, within the range asked for', async () => {
    const clicks = kpi(await series(c1, 'DAY', '2024-03-13', '2024-03-12', '2024-03-15'), 'CLICKS', 'WEEK');
    expect(clicks.series).toEqual([
      { start: '2024-03-12', end: '2024-03-12', plan: '100.00', actual: '100.00', cumulativePlan: '100.00', cumulativeActual: '100.00' },
      { start: '2024-03-13', end: '2024-03-13', plan: '100.00', actual: '100.00', cumulativePlan: '200.00', cumulativeActual: '200.00' },
      { start: '2024-03-14', end: '2024-03-14', plan: '100.00', actual: null, cumulativePlan: '300.00', cumulativeActual: null },
      { start: '2024-03-15', end: '2024-03-15', plan: '100.00', actual: null, cumulativePlan: '400.00', cumulativeActual: null },
    ]);
  });

  it('derives CPC per bucket and cumulatively from the summed parts; null without clicks', async () => {
    const cpc = kpi(await series(c1, 'WEEK', '2024-03-20'), 'CPC', 'CAMPAIGN');
    expect(cpc.series.map((p: any) => [p.plan, p.actual, p.cumulativePlan, p.cumulativeActual])).toEqual([
      ['10.00', '10.00', '10.00', '10.00'], // 7000 / 700
      ['10.00', '12.00', '10.00', '10.60'], // 3600 / 300; 10600 / 1000
      ['10.00', null, '10.00', '10.60'], // no clicks in the week up to the 20th
      ['10.00', null, '10.00', null], // after asOf
    ]);
  });

  it('gives one clipped month for a campaign plan, and clips the range to the campaign', async () => {
    const spend = kpi(await series(c1, 'MONTH', '2024-03-13', '2024-02-01', '2024-06-30'), 'SPEND', 'CAMPAIGN');
    expect(spend.series).toEqual([{ start: START, end: END, plan: '28000.00', actual: '10600.00', cumulativePlan: '28000.00', cumulativeActual: '10600.00' }]);
    expect(kpi(await series(c1, 'MONTH', '2024-03-13', '2024-05-01'), 'SPEND', 'CAMPAIGN').series).toEqual([]);
  });

  it('shows figures recorded after an earlier read (series are remembered per version of the campaign)', async () => {
    const other = await createClient(t, ownerA);
    const id = await launched([{ metric: 'CLICKS', plan: '700', period: 'WEEK' }], { clientId: other.id });
    await record(id, each(days(4, 5), 'CLICKS', '100'));
    const before = kpi(await series(id, 'WEEK', '2024-03-10'), 'CLICKS', 'WEEK').series[0];
    expect(before.actual).toBe('200.00');
    expect(kpi(await series(id, 'WEEK', '2024-03-10'), 'CLICKS', 'WEEK').series[0]).toEqual(before);
    await record(id, each(days(6, 6), 'CLICKS', '50'));
    expect(kpi(await series(id, 'WEEK', '2024-03-10'), 'CLICKS', 'WEEK').series[0].actual).toBe('250.00');
    // a day sent again replaces its figure, also in what was remembered
    await record(id, each(days(4, 4), 'CLICKS', '10'));
    expect(kpi(await series(id, 'WEEK', '2024-03-10'), 'CLICKS', 'WEEK').series[0].actual).toBe('160.00');
  });

  it('refuses a range ending before it starts', async () => {
    expect(badInputPaths(await t.gql(SERIES, { id: c1, g: 'DAY', from: '2024-03-10', to: '2024-03-09' }, ownerA))).toContain('to');
  });
});

describe('CampaignKpi.status', () => {
  it('is ON_PLAN within the band, WARN at 10 % worse, NO_DATA when nothing is recorded yet', async () => {
    const on13 = expectOk(await t.gql(STATUS, { id: c1, asOf: '2024-03-13' }, ownerA)).campaign.kpis;
    expect(kpi(on13, 'CLICKS', 'WEEK')).toMatchObject({ actual: '300.00', status: 'ON_PLAN' });
    expect(kpi(on13, 'CPC', 'CAMPAIGN')).toMatchObject({ actual: '10.60', severity: 'NONE', status: 'ON_PLAN' });
    expect(kpi(on13, 'LEADS', 'WEEK')).toMatchObject({ actual: '27.00', severity: 'WARN', status: 'WARN' }); // 27 against 30
    const on20 = expectOk(await t.gql(STATUS, { id: c1, asOf: '2024-03-20' }, ownerA)).campaign.kpis;
    expect(kpi(on20, 'CLICKS', 'WEEK')).toMatchObject({ actual: '0.00', severity: 'ACT', status: 'NO_DATA' });
  });
});

describe('Campaign.totals', () => {
  it('sums every metric over a period against the period of equal length before it', async () => {
    const totals = expectOk(await t.gql(CAMPAIGN_TOTALS, { id: c1, from: '2024-03-11', to: '2024-03-13' }, ownerA)).campaign.totals;
    expect(totals).toMatchObject({ from: '2024-03-11', to: '2024-03-13', previous: { from: '2024-03-08', to: '2024-03-10' } });
    expect(totals.metrics.map((m: any) => m.metric)).toEqual(['IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'LEADS', 'SPEND', 'REVENUE', 'CTR', 'CPC', 'CPA', 'CPL', 'CR', 'ROMI']);
    expect(line(totals, 'CLICKS')).toEqual({ metric: 'CLICKS', customName: null, value: '300.00', previousValue: '300.00', changePercent: '0.00' });
    expect(line(totals, 'SPEND')).toMatchObject({ value: '3600.00', previousValue: '3000.00', changePercent: '20.00' });
    expect(line(totals, 'CPC')).toMatchObject({ value: '12.00', previousValue: '10.00', changePercent: '20.00' });
    expect(line(totals, 'LEADS')).toMatchObject({ value: '27.00', previousValue: '0.00', changePercent: null });
    expect(line(totals, 'CPL')).toMatchObject({ value: '133.33', previousValue: null, changePercent: null });
  });

  it('covers the whole campaign up to today by default', async () => {
    const totals = expectOk(await t.gql(CAMPAIGN_TOTALS, { id: c1 }, ownerA)).campaign.totals;
    expect(totals).toMatchObject({ from: START, to: END, previous: { from: '2024-02-05', to: '2024-03-03' } });
    expect(line(totals, 'CLICKS')).toMatchObject({ value: '1000.00', previousValue: '0.00', changePercent: null });
    expect(line(totals, 'SPEND')).toMatchObject({ value: '10600.00' });
  });
});

describe('client-wide', () => {
  it('adds both campaigns: totals, the series with the plans of both CLICKS targets, and no plan for a ratio', async () => {
    const client = expectOk(await t.gql(CLIENT, { id: A1.id, metric: 'CLICKS', g: 'WEEK', from: START, to: END }, ownerA)).client;
    expect(line(client.kpiTotals, 'CLICKS')).toMatchObject({ value: '1100.00' });
    expect(line(client.kpiTotals, 'SPEND')).toMatchObject({ value: '11600.00' });
    // 700 a week from the weekly target, 3100 / 31 × 7 = 700 a week from the monthly one
    expect(client.kpiSeries).toEqual([
      { start: '2024-03-04', end: '2024-03-10', plan: '1400.00', actual: '800.00', cumulativePlan: '1400.00', cumulativeActual: '800.00' },
      { start: '2024-03-11', end: '2024-03-17', plan: '1400.00', actual: '300.00', cumulativePlan: '2800.00', cumulativeActual: '1100.00' },
      { start: '2024-03-18', end: '2024-03-24', plan: '1400.00', actual: '0.00', cumulativePlan: '4200.00', cumulativeActual: '1100.00' },
      { start: '2024-03-25', end: '2024-03-31', plan: '1400.00', actual: '0.00', cumulativePlan: '5600.00', cumulativeActual: '1100.00' },
    ]);
    const cpc = expectOk(await t.gql(CLIENT, { id: A1.id, metric: 'CPC', g: 'MONTH' }, ownerA)).client.kpiSeries;
    expect(cpc).toEqual([{ start: START, end: END, plan: null, actual: '10.55', cumulativePlan: null, cumulativeActual: '10.55' }]); // 11600 / 1100
  });

  it('splits the spend by 70/20/10 category of the channels', async () => {
    const client = expectOk(await t.gql(CLIENT, { id: A1.id, metric: 'SPEND', g: 'MONTH' }, ownerA)).client;
    expect(client.realizedToolMix).toEqual([
      { category: 'PROVEN', actualSpend: '10600.00', actualPercent: '91.38' },
      { category: 'UNCERTAIN', actualSpend: '0.00', actualPercent: '0.00' },
      { category: 'EXPERIMENTAL', actualSpend: '1000.00', actualPercent: '8.62' },
    ]);
  });

  it('never adds amounts of different currencies: one currency is chosen, counts still add up', async () => {
    const A3 = await createClient(t, ownerA);
    const rub = await launched([{ metric: 'CLICKS', plan: '700', period: 'WEEK' }], { clientId: A3.id });
    const eur = await launched([{ metric: 'CLICKS', plan: '700', period: 'WEEK' }], { clientId: A3.id, currency: 'EUR', channel: 'Google Ads' });
    await record(rub, [...each(days(4, 5), 'CLICKS', '100'), ...each(days(4, 5), 'SPEND', '1000')]);
    await record(eur, [...each(days(4, 5), 'CLICKS', '10'), ...each(days(4, 5), 'SPEND', '20')]);
    const TOTALS_IN = /* GraphQL */ `query ($id: ID!, $currency: CurrencyCode) { client(id: $id) { kpiTotals(from: "${START}", to: "${END}", currency: $currency) { currency ${TOTALS} } } }`;
    const SERIES_IN = /* GraphQL */ `query ($id: ID!, $metric: KpiMetric!, $currency: CurrencyCode) { client(id: $id) {
      kpiSeries(metric: $metric, granularity: MONTH, from: "${START}", to: "${END}", currency: $currency) { actual } } }`;
    const MIX_IN = /* GraphQL */ `query ($id: ID!, $currency: CurrencyCode) { client(id: $id) { realizedToolMix(from: "${START}", to: "${END}", currency: $currency) { category actualSpend } } }`;

    expect(badInputPaths(await t.gql(TOTALS_IN, { id: A3.id }, ownerA))).toEqual(['currency']);
    expect(badInputPaths(await t.gql(SERIES_IN, { id: A3.id, metric: 'SPEND' }, ownerA))).toEqual(['currency']);
    expect(badInputPaths(await t.gql(MIX_IN, { id: A3.id }, ownerA))).toEqual(['currency']);

    const inEur = expectOk(await t.gql(TOTALS_IN, { id: A3.id, currency: 'EUR' }, ownerA)).client.kpiTotals;
    expect(inEur.currency).toBe('EUR');
    expect(line(inEur, 'SPEND')).toMatchObject({ value: '40.00' });
    expect(line(inEur, 'CLICKS')).toMatchObject({ value: '20.00' });
    expect(line(inEur, 'CPC')).toMatchObject({ value: '2.00' });
    const inRub = expectOk(await t.gql(TOTALS_IN, { id: A3.id, currency: 'RUB' }, ownerA)).client.kpiTotals;
    expect(line(inRub, 'SPEND')).toMatchObject({ value: '2000.00' });

    // clicks are clicks in any currency
    expect(expectOk(await t.gql(SERIES_IN, { id: A3.id, metric: 'CLICKS' }, ownerA)).client.kpiSeries).toEqual([{ actual: '220.00' }]);
    expect(expectOk(await t.gql(SERIES_IN, { id: A3.id, metric: 'SPEND', currency: 'RUB' }, ownerA)).client.kpiSeries).toEqual([{ actual: '2000.00' }]);
    const mix = expectOk(await t.gql(MIX_IN, { id: A3.id, currency: 'EUR' }, ownerA)).client.realizedToolMix;
    expect(mix.find((m: any) => m.category === 'PROVEN')).toEqual({ category: 'PROVEN', actualSpend: '40.00' });
  });

  it('refuses a CUSTOM series without its name', async () => {
    expect(badInputPaths(await t.gql(CLIENT, { id: A1.id, metric: 'CUSTOM', g: 'WEEK' }, ownerA))).toContain('customName');
  });
});

describe('Proposal.realizedToolMix', () => {
  it('compares the spend of its campaigns by category with the budget shares of its media plan', async () => {
    const mix = expectOk(await t.gql(PROPOSAL_MIX, { id: proposalId, from: '2024-03-04', to: '2024-03-05' }, ownerA)).proposal.realizedToolMix;
    // 4–5 March: 2000 on the search campaign, 1000 on the experimental one
    expect(mix).toEqual([
      { category: 'PROVEN', plannedPercent: '70.00', actualSpend: '2000.00', actualPercent: '66.67', differencePoints: '-3.33' },
      { category: 'UNCERTAIN', plannedPercent: '20.00', actualSpend: '0.00', actualPercent: '0.00', differencePoints: '-20.00' },
      { category: 'EXPERIMENTAL', plannedPercent: '10.00', actualSpend: '1000.00', actualPercent: '33.33', differencePoints: '23.33' },
    ]);
  });

  it('is the agency’s: a portal user gets null and FORBIDDEN', async () => {
    const res = await t.gql(PROPOSAL_MIX, { id: proposalId }, portalA1);
    expect(res.body.data?.proposal?.realizedToolMix ?? null).toBeNull();
    expect(res.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('portal and tenancy', () => {
  it("the client's portal user reads series, status, totals and client-wide figures as the agency does", async () => {
    const vars = { id: c1, asOf: '2024-03-13' };
    expect(expectOk(await t.gql(DASHBOARD, vars, portalA1))).toEqual(expectOk(await t.gql(DASHBOARD, vars, ownerA)));
    const client = { id: A1.id, metric: 'CLICKS', g: 'WEEK' };
    expect(expectOk(await t.gql(CLIENT, client, portalA1))).toEqual(expectOk(await t.gql(CLIENT, client, ownerA)));
  });

  it("another client's portal user and another agency get nothing", async () => {
    for (const token of [portalA2, ownerB]) {
      expect(expectOk(await t.gql(DASHBOARD, { id: c1 }, token)).campaign).toBeNull();
      expect(expectOk(await t.gql(CLIENT, { id: A1.id, metric: 'CLICKS', g: 'WEEK' }, token)).client).toBeNull();
    }
    expect(expectOk(await t.gql(PROPOSAL_MIX, { id: proposalId }, ownerB)).proposal).toBeNull();
  });

  it("a portal user's client-wide figures leave out a campaign it cannot see (planned)", async () => {
    const { ownerToken } = await registerAgency(t);
    const client = await createClient(t, ownerToken);
    const portal = (await createUser(t, ownerToken, 'CLIENT', client.id)).token;
    const live = await launched([{ metric: 'CLICKS', plan: '700', period: 'WEEK' }], { token: ownerToken, clientId: client.id });
    await record(live, each(days(4, 5), 'SPEND', '100'), ownerToken);
    await planned([{ metric: 'CLICKS', plan: '7000', period: 'WEEK' }], { token: ownerToken, clientId: client.id });
    const vars = { id: client.id, metric: 'CLICKS', g: 'MONTH', from: START, to: END };
    const staff = expectOk(await t.gql(CLIENT, vars, ownerToken)).client;
    const seen = expectOk(await t.gql(CLIENT, vars, portal)).client;
    expect(staff.kpiSeries[0].plan).toBe('30800.00'); // 2800 + 28000
    expect(seen.kpiSeries[0].plan).toBe('2800.00');
    expect(line(seen.kpiTotals, 'SPEND').value).toBe('200.00');
  });
});

describe('SQL', () => {
  it('the statements of a dashboard do not grow with the number of KPIs, campaigns or days', async () => {
    const { ownerToken } = await registerAgency(t);
    const client = await createClient(t, ownerToken);
    const count = async (query: string, variables: Record<string, unknown>) => {
      logger.reset();
      expectOk(await t.gql(query, variables, ownerToken));
      return logger.count;
    };
    const targets = [
      { metric: 'CLICKS', plan: '700', period: 'WEEK' },
      { metric: 'SPEND', plan: '28000', period: 'CAMPAIGN' },
      { metric: 'CPC', plan: '10', period: 'CAMPAIGN' },
      { metric: 'LEADS', plan: '100', period: 'DAY' },
    ];
    const one = await launched([targets[0]], { token: ownerToken, clientId: client.id });
    const four = await launched(targets, { token: ownerToken, clientId: client.id });
    await record(one, each(days(4, 6), 'CLICKS', '10'), ownerToken);
    await record(four, [...each(days(4, 20), 'CLICKS', '10'), ...each(days(4, 20), 'SPEND', '100'), ...each(days(4, 20), 'LEADS', '1')], ownerToken);

    const withOne = await count(DASHBOARD, { id: one, asOf: '2024-03-06' });
    expect(withOne).toBeGreaterThanOrEqual(4);
    expect(await count(DASHBOARD, { id: four, asOf: '2024-03-06' })).toBe(withOne);
    expect(await count(DASHBOARD, { id: four, asOf: '2024-03-31' })).toBe(withOne); // more days counted
    // one statement carries every series of the request
    logger.reset();
    expectOk(await t.gql(DASHBOARD, { id: four }, ownerToken));
    expect(logger.statements.filter((s) => s.includes('date_trunc')).length).toBe(1);

    const listOfTwo = await count(LIST, { asOf: '2024-03-20' });
    const clientOfTwo = await count(CLIENT_DASHBOARD, { id: client.id });
    const third = await launched(targets, { token: ownerToken, clientId: client.id });
    await record(third, each(days(10, 30), 'CLICKS', '5'), ownerToken);
    expect(await count(LIST, { asOf: '2024-03-20' })).toBe(listOfTwo);
    expect(await count(CLIENT_DASHBOARD, { id: client.id })).toBe(clientOfTwo);
  });
});
