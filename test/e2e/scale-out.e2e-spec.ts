/**
 * Two API nodes on one database behind a round-robin, as `docs/scaling.md` runs them: node A is
 * the in-process test app (WORKERS=0: it only enqueues), node B is `node dist/src/index.js` in its
 * own process with the job workers. Whatever state matters lives in PostgreSQL: a job sent through
 * one node is worked by the other, and a node's read cache never serves what another node changed.
 */
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectOk } from '../support/expect';
import { createClient, registerAgency, type AgencyActors } from '../support/factories';
import { eventually } from '../support/jobs';
import { startNodeProcess, type NodeProcess } from '../support/node-process';
import { addDays } from '../../src/services/time';

jest.setTimeout(120_000);

const BUDGET = 6_000;

let a: TestApp;
let b: NodeProcess;
let agency: AgencyActors;
let clientId: string;

/** The two nodes in turn, as a round-robin load balancer sends requests. */
let turn = 0;
const roundRobin = {
  gql: (query: string, variables?: Record<string, unknown>, token?: string | null) => (turn++ % 2 === 0 ? a : b).gql(query, variables, token),
} as unknown as TestApp;

beforeAll(async () => {
  // both nodes with the same budget, small enough to spend in a test
  const shared = { AGENCY_COST_PER_MINUTE: String(BUDGET), MAX_QUERY_COST: '5000' };
  a = await startTestApp({ env: { WORKERS: '0', ...shared } });
  b = await startNodeProcess({ WORKERS: '2', ...shared });
  agency = await registerAgency(roundRobin);
  clientId = (await createClient(roundRobin, agency.ownerToken)).id;
  // building dist/ first, when the sources changed since the last build, takes a minute or two
}, 300_000);
afterAll(async () => {
  await b?.stop();
  await a?.close();
});

const INVITE = /* GraphQL */ `mutation ($input: InviteClientUserInput!) { inviteClientUser(input: $input) { user { id email } } }`;
const OUTBOX = /* GraphQL */ `query { outbox(first: 10) { edges { node { to status } } } }`;

describe('jobs', () => {
  it('a job enqueued through a node without workers is worked by the other node', async () => {
    const email = `portal-${Date.now()}@example.com`;
    dataOf(await a.gql(INVITE, { input: { clientId, email, fullName: 'Portal User' } }, agency.ownerToken), 'inviteClientUser');
    // no SMTP_URL: the worker keeps the email in the outbox (KEPT) once it has run the job
    const outbox = await eventually(
      async () => expectOk(await a.gql(OUTBOX, {}, agency.ownerToken)).outbox.edges.map((e: any) => e.node),
      (nodes: any[]) => nodes.some((n) => n.to === email && n.status === 'KEPT'),
      30_000,
      'the email job worked by node B',
    );
    expect(outbox.find((n: any) => n.to === email).status).toBe('KEPT');
  });
});

const CHANNELS = /* GraphQL */ `query { campaignChannels { id } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const LAUNCH_ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const SERIES = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { kpis { metric series(granularity: DAY) { start actual } } } }`;

describe('caches', () => {
  it("a node's KPI series cache never serves what the other node has changed since", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const channelId = expectOk(await a.gql(CHANNELS, {}, agency.ownerToken)).campaignChannels[0].id;
    const input = { clientId, channelId, name: 'Two nodes', budget: '1000.00', currency: 'EUR', startDate: addDays(today, -5), endDate: addDays(today, 5) };
    const { id } = dataOf(await a.gql(CREATE, { input }, agency.ownerToken), 'createCampaign');
    dataOf(await a.gql(SET_TARGETS, { input: { campaignId: id, targets: [{ metric: 'CLICKS', plan: '10', period: 'DAY' }] } }, agency.ownerToken), 'setKpiTargets', 'Campaign');
    for (const item of LAUNCH_ITEMS) dataOf(await roundRobin.gql(CHECK, { input: { campaignId: id, item } }, agency.ownerToken), 'checkLaunchItem');
    dataOf(await roundRobin.gql(LAUNCH, { id }, agency.ownerToken), 'launchCampaign', 'Campaign');
    const day = addDays(today, -2);
    const clicksOn = async (node: { gql: TestApp['gql'] }) => {
      const kpi = expectOk(await node.gql(SERIES, { id }, agency.ownerToken)).campaign.kpis.find((k: any) => k.metric === 'CLICKS');
      return kpi.series.find((p: any) => p.start === day)?.actual ?? null;
    };
    const record = (node: { gql: TestApp['gql'] }, value: string) =>
      node.gql(RECORD, { input: { campaignId: id, measurements: [{ metric: 'CLICKS', date: day, value }] } }, agency.ownerToken).then((r) => dataOf(r, 'recordKpiMeasurements'));

    await record(a, '7');
    // both nodes read (and cache) the series
    expect(Number(await clicksOn(a))).toBe(7);
    expect(Number(await clicksOn(b))).toBe(7);
    // each node changes it in turn; the other reads the new figure at once
    await record(a, '9');
    expect(Number(await clicksOn(b))).toBe(9);
    await record(b, '12');
    expect(Number(await clicksOn(a))).toBe(12);
  });
});

const LOGIN = /* GraphQL */ `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const HEAVY = /* GraphQL */ `{ a: clients(first: 100) { edges { node { id contacts { id } } } } b: clients(first: 100) { edges { node { id contacts { id } } } } }`;

describe('limits', () => {
  it('failed logins of one account count on both nodes, and then both refuse', async () => {
    const victim = await registerAgency(roundRobin);
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await roundRobin.gql(LOGIN, { input: { email: victim.ownerEmail, password: 'wrong-password-' + i } });
      codes.push(res.body.errors![0].extensions!.code);
    }
    // 5 free failures per email and address in all (with one count per node, each node would have
    // seen only 4 of the 8 and refused none); then back-off, and both nodes refuse
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const refusedBy = new Set(codes.map((c, i) => (c === 'TOO_MANY_ATTEMPTS' ? i % 2 : null)).filter((n) => n !== null));
    expect(refusedBy).toEqual(new Set([0, 1]));
  });

  it("an agency's cost budget is one for both nodes, not one per node", async () => {
    const spender = await registerAgency(roundRobin);
    const served: number[] = [];
    let refusal: any = null;
    for (let i = 0; i < 80 && !refusal; i++) {
      const res = await roundRobin.gql(HEAVY, {}, spender.ownerToken);
      if (res.body.errors?.length) refusal = res.body.errors[0];
      else served.push(i);
    }
    expect(refusal?.extensions?.code).toBe('RATE_LIMITED');
    const cost: number = refusal.extensions.cost.requested;
    // the budget spent in one pool: with one per node twice as many would have been served
    expect(served.length).toBe(Math.floor(BUDGET / cost));
    expect(served.length).toBeGreaterThanOrEqual(2);
  });
});
