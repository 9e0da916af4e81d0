/**
 * Importing measurement files as an API client sees it: each layout lands the expected sums
 * (read back through `campaign { kpis }`), a second import changes nothing, one bad line refuses
 * the whole file unless skipInvalidRows, another agency's campaign is unknown, portal users are
 * refused. Campaigns run in March 2024.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';

let t: TestApp;
let ownerA: string;
let portalA: string;
let ownerB: string;
let clientA: string;
let clientB: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const IMPORT = /* GraphQL */ `mutation ($input: ImportKpiFileInput!) { importKpiFile(input: $input) { imported skipped problems { line column message } } }`;
const KPIS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { id kpis(asOf: "2024-03-31") { metric actual } } }`;

const METRICS = ['IMPRESSIONS', 'CLICKS', 'SPEND', 'CONVERSIONS', 'REVENUE', 'LEADS'];
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'kpi-import', name), 'utf8');

beforeAll(async () => {
  t = await startTestApp();
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  const manager = await createUser(t, ownerA, 'MANAGER');
  clientA = (await createClient(t, ownerA, { ownerId: manager.id })).id;
  portalA = (await createUser(t, ownerA, 'CLIENT', clientA)).token;
  ownerB = (await registerAgency(t)).ownerToken;
  clientB = (await createClient(t, ownerB)).id;
});
afterAll(() => t?.close());

async function launched(name: string, token = ownerA, clientId = clientA): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, token)).campaignChannels;
  const input = { clientId, channelId: channels[0].id, name, budget: '100000.00', currency: 'RUB', startDate: '2024-03-04', endDate: '2024-03-31' };
  const { id } = dataOf(await t.gql(CREATE, { input }, token), 'createCampaign');
  const targets = METRICS.map((metric) => ({ metric, plan: '1000', period: 'CAMPAIGN' }));
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, token), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, token), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, token), 'launchCampaign', 'Campaign');
  return id;
}

async function sums(id: string, token = ownerA): Promise<Record<string, string | null>> {
  const list = expectOk(await t.gql(KPIS, { id }, token)).campaign.kpis;
  return Object.fromEntries(list.map((k: { metric: string; actual: string }) => [k.metric, k.actual]));
}

const importFile = (input: Record<string, unknown>, token = ownerA) => t.gql(IMPORT, { input }, token);
const NOTHING = { IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00', CONVERSIONS: '0.00', REVENUE: '0.00', LEADS: '0.00' };

describe('each source lands its sums', () => {
  it('our own CSV, twice: the same data', async () => {
    const id = await launched('Own file');
    const content = fixture('own.csv').replace(/\{\{A\}\}/g, id);
    for (let i = 0; i < 2; i++) {
      expect(dataOf(await importFile({ source: 'OWN_CSV', content }), 'importKpiFile')).toEqual({ imported: 4, skipped: 0, problems: [] });
      expect(await sums(id)).toEqual({ ...NOTHING, IMPRESSIONS: '1000.00', CLICKS: '40.00', SPEND: '1250.50', LEADS: '2.00' });
    }
  });

  it('Yandex Direct (money in micro-units), matched by campaign name', async () => {
    const id = await launched('Brand search');
    const report = dataOf(await importFile({ source: 'YANDEX_DIRECT_TSV', content: fixture('yandex-direct.tsv') }), 'importKpiFile');
    expect(report).toEqual({ imported: 3, skipped: 0, problems: [] });
    expect(await sums(id)).toEqual({ ...NOTHING, IMPRESSIONS: '3100.00', CLICKS: '110.00', SPEND: '4500.00', CONVERSIONS: '15.00' });
    dataOf(await importFile({ source: 'YANDEX_DIRECT_TSV', content: fixture('yandex-direct.tsv') }), 'importKpiFile');
    expect((await sums(id)).SPEND).toBe('4500.00');
  });

  it('Google Ads into a forced campaign', async () => {
    const id = await launched('Google search');
    const report = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: fixture('google-ads.csv'), campaignId: id }), 'importKpiFile');
    expect(report).toEqual({ imported: 2, skipped: 0, problems: [] });
    expect(await sums(id)).toEqual({ ...NOTHING, IMPRESSIONS: '3234.00', CLICKS: '100.00', SPEND: '2000.00', CONVERSIONS: '3.00', REVENUE: '12000.00' });
  });

  it('VK Ads', async () => {
    const id = await launched('Ретаргетинг');
    const report = dataOf(await importFile({ source: 'VK_ADS_CSV', content: fixture('vk-ads.csv') }), 'importKpiFile');
    expect(report).toEqual({ imported: 2, skipped: 0, problems: [] });
    expect(await sums(id)).toEqual({ ...NOTHING, IMPRESSIONS: '20000.00', CLICKS: '200.00', SPEND: '6000.00', CONVERSIONS: '10.00' });
  });
});

describe('bad lines', () => {
  it('one bad line refuses the whole file; with skipInvalidRows the others are imported', async () => {
    const id = await launched('Partly bad');
    const content = ['campaign_id,date,metric,value', `${id},2024-03-04,CLICKS,10`, `${id},2024-03-05,CLICKS,-1`, `${id},2024-03-06,CLICKS,abc`].join('\n');
    const refused = dataOf(await importFile({ source: 'OWN_CSV', content }), 'importKpiFile');
    expect(refused.imported).toBe(0);
    expect(refused.skipped).toBe(3);
    expect(refused.problems.map((p: { line: number; column: string }) => `${p.line} ${p.column}`)).toEqual(['3 value', '4 value']);
    expect((await sums(id)).CLICKS).toBe('0.00');

    const partial = dataOf(await importFile({ source: 'OWN_CSV', content, skipInvalidRows: true }), 'importKpiFile');
    expect(partial).toMatchObject({ imported: 1, skipped: 2 });
    expect(partial.problems).toHaveLength(2);
    expect((await sums(id)).CLICKS).toBe('10.00');
  });

  it("another agency's campaign id is an unknown campaign, and nothing of it is written", async () => {
    const foreign = await launched('Foreign', ownerB, clientB);
    const content = `campaign_id,date,metric,value\n${foreign},2024-03-04,CLICKS,10\n`;
    const report = dataOf(await importFile({ source: 'OWN_CSV', content }), 'importKpiFile');
    expect(report).toMatchObject({ imported: 0, skipped: 1, problems: [{ line: 2, column: 'campaign_id' }] });
    expect(report.problems[0].message).toContain(foreign);
    expect((await sums(foreign, ownerB)).CLICKS).toBe('0.00');
  });

  it('a file without the expected header is reported, not imported', async () => {
    const report = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: 'just,some,text\n1,2,3\n' }), 'importKpiFile');
    expect(report).toMatchObject({ imported: 0, problems: [{ line: 1, column: null }] });
  });
});

describe('access', () => {
  it('portal users cannot import', async () => {
    const id = await launched('Portal try');
    const content = `campaign_id,date,metric,value\n${id},2024-03-04,CLICKS,10\n`;
    expectCode(await importFile({ source: 'OWN_CSV', content }, portalA), 'FORBIDDEN');
    expect((await sums(id)).CLICKS).toBe('0.00');
  });
});
