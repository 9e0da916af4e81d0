/**
 * Control points of campaigns as the agency sees them in `controlPoints`: open KPI deviations,
 * overspending, campaigns past their end and campaigns without recent figures; each appears and
 * disappears with the state of the campaign, filters by manager and client, stays within its
 * agency, and the whole list costs the same number of statements however many campaigns there are.
 * Campaigns run around today (the deviation engine and pacing judge as of today).
 */
import { addDays, localDate } from '../../src/services/time';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { dataOf, expectOk } from '../support/expect';
import { AgencyActors, createClient, createUser, registerAgency, updateAgencySettings } from '../support/factories';

const logger = new CountingLogger();
let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let other: { id: string; token: string };
const TZ = 'Europe/Moscow';
const today = localDate(new Date(), TZ);

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CAMPAIGN_KINDS = ['KPI_DEVIATION_OPEN', 'BUDGET_OVERSPEND', 'CAMPAIGN_END_OVERDUE', 'MEASUREMENTS_STALE'];

const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter, $first: Int) {
    controlPoints(filter: $filter, first: $first) {
      totalCount
      edges { node { kind dueOn overdue clientId objectType objectId title managerId } }
    }
  }
`;
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const COMPLETE = /* GraphQL */ `mutation ($id: ID!) { completeCampaign(id: $id) { __typename } }`;
const PAUSE = /* GraphQL */ `mutation ($id: ID!) { pauseCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const DEVIATIONS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { deviations(open: true) { id metric severity deviationPercent } } }`;

beforeAll(async () => {
  t = await startTestApp({ logger });
  a = await registerAgency(t, { timeZone: TZ });
  b = await registerAgency(t, { timeZone: TZ });
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  other = await createUser(t, a.ownerToken, 'MANAGER');
});
afterAll(() => t?.close());

interface CampaignSpec {
  token?: string;
  clientId: string;
  managerId?: string;
  name?: string;
  start?: string;
  end?: string;
  budget?: string;
  targets?: unknown[];
}

/** A launched campaign: by default 30 days from 10 days ago, 1000 a day, 10 leads and 100 clicks a day. */
async function launched(spec: CampaignSpec): Promise<string> {
  const token = spec.token ?? a.ownerToken;
  const channels = expectOk(await t.gql(CHANNELS, {}, token)).campaignChannels;
  const input = {
    clientId: spec.clientId,
    channelId: channels[0].id,
    name: spec.name ?? 'Поиск',
    budget: spec.budget ?? '30000.00',
    currency: 'RUB',
    startDate: spec.start ?? addDays(today, -10),
    endDate: spec.end ?? addDays(today, 19),
    ...(spec.managerId ? { managerId: spec.managerId } : {}),
  };
  const { id } = dataOf(await t.gql(CREATE, { input }, token), 'createCampaign');
  const targets = spec.targets ?? [
    { metric: 'LEADS', plan: '300', period: 'CAMPAIGN' },
    { metric: 'CLICKS', plan: '3000', period: 'CAMPAIGN' },
  ];
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, token), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, token), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, token), 'launchCampaign', 'Campaign');
  return id;
}

/** Every day from `from` to `to`, one figure of each metric given. */
function daily(from: string, to: string, values: Record<string, string>): unknown[] {
  const out: unknown[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) for (const [metric, value] of Object.entries(values)) out.push({ metric, date: d, value });
  return out;
}

async function record(campaignId: string, measurements: unknown[], token = a.ownerToken): Promise<void> {
  dataOf(await t.gql(RECORD, { input: { campaignId, measurements } }, token), 'recordKpiMeasurements');
}

async function points(filter: Record<string, unknown>, token = a.ownerToken): Promise<any[]> {
  const res = await t.gql(CONTROL_POINTS, { filter, first: 100 }, token);
  return expectOk(res).controlPoints.edges.map((e: any) => e.node);
}

const of = (list: any[], kind: string, objectId?: string) => list.filter((p) => p.kind === kind && (!objectId || p.objectId === objectId));

describe('KPI_DEVIATION_OPEN', () => {
  it('lists an ACT deviation due the day it opened and a WARN one three days later, for the manager, and drops each once closed', async () => {
    const client = await createClient(t, a.ownerToken);
    const id = await launched({ clientId: client.id, managerId: manager.id, name: 'Лиды весна' });
    // 11 days so far: plan 110 leads and 1100 clicks; 5 leads a day is −50 % (ACT), 88 clicks −12 % (WARN)
    await record(id, daily(addDays(today, -10), today, { LEADS: '5', CLICKS: '88', SPEND: '1000' }));
    const open = expectOk(await t.gql(DEVIATIONS, { id }, a.ownerToken)).campaign.deviations;
    expect(open.map((d: any) => `${d.metric}:${d.severity}`).sort()).toEqual(['CLICKS:WARN', 'LEADS:ACT']);
    const leads = open.find((d: any) => d.metric === 'LEADS');
    const clicks = open.find((d: any) => d.metric === 'CLICKS');

    const list = of(await points({ clientId: client.id }), 'KPI_DEVIATION_OPEN');
    expect(list).toHaveLength(2);
    expect(list.find((p) => p.objectId === leads.id)).toMatchObject({
      objectType: 'KpiDeviation', dueOn: today, overdue: false, clientId: client.id, managerId: manager.id,
      title: 'Оптимизировать кампанию «Лиды весна»: LEADS отклоняется от плана на -50.00%',
    });
    expect(list.find((p) => p.objectId === clicks.id)).toMatchObject({
      dueOn: addDays(today, 3), overdue: false, managerId: manager.id,
      title: 'Проследить за кампанией «Лиды весна»: CLICKS отклоняется от плана на -12.00%',
    });

    // leads back on plan: the ACT deviation closes, the WARN one stays
    await record(id, daily(addDays(today, -10), today, { LEADS: '10' }));
    const after = of(await points({ clientId: client.id }), 'KPI_DEVIATION_OPEN');
    expect(after.map((p) => p.objectId)).toEqual([clicks.id]);
    await record(id, daily(addDays(today, -10), today, { CLICKS: '100' }));
    expect(of(await points({ clientId: client.id }), 'KPI_DEVIATION_OPEN')).toEqual([]);
  });

  it('stops once the campaign is completed: its open deviations close with it', async () => {
    const client = await createClient(t, a.ownerToken);
    const id = await launched({ clientId: client.id, name: 'Итоги' });
    await record(id, daily(addDays(today, -10), today, { LEADS: '5', CLICKS: '100', SPEND: '3000' }));
    expect(of(await points({ clientId: client.id }), 'KPI_DEVIATION_OPEN')).toHaveLength(1);
    expect(of(await points({ clientId: client.id }), 'BUDGET_OVERSPEND')).toHaveLength(1);
    expect(expectOk(await t.gql(DEVIATIONS, { id }, a.ownerToken)).campaign.deviations).toHaveLength(1);
    dataOf(await t.gql(COMPLETE, { id }, a.ownerToken), 'completeCampaign', 'Campaign');
    expect(expectOk(await t.gql(DEVIATIONS, { id }, a.ownerToken)).campaign.deviations).toEqual([]);
    expect(await points({ clientId: client.id, kinds: CAMPAIGN_KINDS })).toEqual([]);
  });

  it('speaks the agency language', async () => {
    const en = await registerAgency(t, { timeZone: TZ });
    await updateAgencySettings(t, en.ownerToken, { locale: 'EN' });
    const client = await createClient(t, en.ownerToken);
    const id = await launched({ token: en.ownerToken, clientId: client.id, name: 'Search' });
    await record(id, daily(addDays(today, -10), today, { LEADS: '5', CLICKS: '100', SPEND: '1000' }), en.ownerToken);
    const list = of(await points({ clientId: client.id }, en.ownerToken), 'KPI_DEVIATION_OPEN');
    expect(list.map((p) => p.title)).toEqual(['Optimise campaign «Search»: LEADS off plan by -50.00%']);
  });
});

describe('BUDGET_OVERSPEND', () => {
  it('flags a launched campaign spending beyond its pace, due today, and drops it once spend is back in line', async () => {
    const client = await createClient(t, a.ownerToken);
    const id = await launched({ clientId: client.id, managerId: manager.id, name: 'Медийка' });
    await record(id, daily(addDays(today, -10), today, { LEADS: '10', CLICKS: '100', SPEND: '2000' }));
    const list = of(await points({ clientId: client.id }), 'BUDGET_OVERSPEND');
    expect(list).toEqual([
      expect.objectContaining({ objectType: 'Campaign', objectId: id, dueOn: today, overdue: false, managerId: manager.id, clientId: client.id }),
    ]);
    // 11 days at 2000 against 1000 a day: 22000 spent, 11000 expected, 60000 forecast of 30000
    expect(list[0].title.replace(/\s/g, ' ')).toBe(
      'Кампания «Медийка» перерасходует бюджет: потрачено 22 000,00 RUB при ожидаемых 11 000,00, прогноз 60 000,00 при бюджете 30 000,00',
    );

    // 1050 a day is within the 10 % tolerance
    await record(id, daily(addDays(today, -10), today, { SPEND: '1050' }));
    expect(of(await points({ clientId: client.id }), 'BUDGET_OVERSPEND')).toEqual([]);
    // and a paused campaign is not pacing at all
    await record(id, daily(addDays(today, -10), today, { SPEND: '3000' }));
    expect(of(await points({ clientId: client.id }), 'BUDGET_OVERSPEND')).toHaveLength(1);
    dataOf(await t.gql(PAUSE, { id }, a.ownerToken), 'pauseCampaign', 'Campaign');
    expect(of(await points({ clientId: client.id }), 'BUDGET_OVERSPEND')).toEqual([]);
  });
});

describe('CAMPAIGN_END_OVERDUE', () => {
  it('flags a launched or paused campaign past its end date, overdue since then, until it is completed', async () => {
    const client = await createClient(t, a.ownerToken);
    const ended = await launched({ clientId: client.id, managerId: manager.id, start: addDays(today, -20), end: addDays(today, -2), budget: '19000.00' });
    const running = await launched({ clientId: client.id, managerId: manager.id });
    const list = of(await points({ clientId: client.id }), 'CAMPAIGN_END_OVERDUE');
    expect(list).toEqual([
      expect.objectContaining({ objectType: 'Campaign', objectId: ended, dueOn: addDays(today, -2), overdue: true, managerId: manager.id }),
    ]);
    expect(list.some((p) => p.objectId === running)).toBe(false);
    dataOf(await t.gql(PAUSE, { id: ended }, a.ownerToken), 'pauseCampaign', 'Campaign');
    expect(of(await points({ clientId: client.id, overdue: true }), 'CAMPAIGN_END_OVERDUE')).toHaveLength(1);
    dataOf(await t.gql(COMPLETE, { id: ended }, a.ownerToken), 'completeCampaign', 'Campaign');
    expect(of(await points({ clientId: client.id }), 'CAMPAIGN_END_OVERDUE')).toEqual([]);
  });
});

describe('MEASUREMENTS_STALE', () => {
  it('flags a launched campaign with KPIs and no figures in the last three days, due today, until figures are recorded', async () => {
    const client = await createClient(t, a.ownerToken);
    const id = await launched({ clientId: client.id, managerId: manager.id, name: 'Без данных' });
    const none = of(await points({ clientId: client.id }), 'MEASUREMENTS_STALE');
    expect(none).toEqual([expect.objectContaining({ objectId: id, dueOn: today, overdue: false, managerId: manager.id })]);
    expect(none[0].title).toBe('Кампания «Без данных»: данные KPI ещё не вносились');

    // figures up to three days ago are not recent enough
    await record(id, daily(addDays(today, -10), addDays(today, -3), { LEADS: '10', CLICKS: '100', SPEND: '1000' }));
    const stale = of(await points({ clientId: client.id }), 'MEASUREMENTS_STALE');
    expect(stale).toHaveLength(1);
    expect(stale[0].title).toContain('«Без данных»');

    await record(id, daily(addDays(today, -2), addDays(today, -2), { SPEND: '1000' }));
    expect(of(await points({ clientId: client.id }), 'MEASUREMENTS_STALE')).toEqual([]);
  });

  it('leaves alone a campaign that started less than three days ago', async () => {
    const client = await createClient(t, a.ownerToken);
    await launched({ clientId: client.id, start: addDays(today, -1) });
    expect(of(await points({ clientId: client.id }), 'MEASUREMENTS_STALE')).toEqual([]);
  });
});

describe('filters, tenancy and cost', () => {
  it('filters by manager and by client', async () => {
    const c1 = await createClient(t, a.ownerToken);
    const c2 = await createClient(t, a.ownerToken);
    const mine = await launched({ clientId: c1.id, managerId: manager.id });
    const theirs = await launched({ clientId: c2.id, managerId: other.id });
    const byManager = await points({ managerId: manager.id, kinds: ['MEASUREMENTS_STALE'] });
    expect(byManager.map((p) => p.objectId)).toContain(mine);
    expect(byManager.map((p) => p.objectId)).not.toContain(theirs);
    expect(byManager.every((p) => p.managerId === manager.id)).toBe(true);
    const byOther = await points({ managerId: other.id, kinds: ['MEASUREMENTS_STALE'] });
    expect(byOther.map((p) => p.objectId)).toEqual([theirs]);
    const byClient = await points({ clientId: c2.id, kinds: CAMPAIGN_KINDS });
    expect(byClient.map((p) => p.objectId)).toEqual([theirs]);
  });

  it("never shows another agency's campaign control points, and stays closed to portal users", async () => {
    const client = await createClient(t, a.ownerToken);
    const id = await launched({ clientId: client.id, start: addDays(today, -20), end: addDays(today, -1), budget: '20000.00' });
    await record(id, daily(addDays(today, -20), addDays(today, -1), { LEADS: '1', CLICKS: '10', SPEND: '5000' }));
    // the overdue campaign's periods have ended (no deviation stays open there): one running now deviates
    const running = await launched({ clientId: client.id, name: 'Идёт' });
    await record(running, daily(addDays(today, -10), today, { LEADS: '1', CLICKS: '100', SPEND: '100' }));
    const own = await points({ clientId: client.id, kinds: CAMPAIGN_KINDS });
    expect(new Set(own.map((p) => p.kind))).toEqual(new Set(['KPI_DEVIATION_OPEN', 'BUDGET_OVERSPEND', 'CAMPAIGN_END_OVERDUE']));
    const seenByB = await points({ kinds: CAMPAIGN_KINDS }, b.ownerToken);
    expect(seenByB).toEqual([]);
    expect(await points({ clientId: client.id }, b.ownerToken)).toEqual([]);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const res = await t.gql(CONTROL_POINTS, { filter: { kinds: CAMPAIGN_KINDS } }, portal.token);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same number of statements with one campaign and with many', async () => {
    const c = await registerAgency(t, { timeZone: TZ });
    const client = await createClient(t, c.ownerToken);
    const count = async () => {
      logger.reset();
      const list = await points({ kinds: CAMPAIGN_KINDS }, c.ownerToken);
      return { statements: logger.count, points: list.length };
    };
    const spend = (id: string) => record(id, daily(addDays(today, -10), today, { LEADS: '2', CLICKS: '50', SPEND: '3000' }), c.ownerToken);
    await spend(await launched({ token: c.ownerToken, clientId: client.id }));
    const one = await count();
    for (let i = 0; i < 4; i++) await spend(await launched({ token: c.ownerToken, clientId: client.id, name: `Кампания ${i}` }));
    const five = await count();
    // each campaign: two deviations and an overspend
    expect(one.points).toBe(3);
    expect(five.points).toBe(15);
    expect(five.statements).toBe(one.statements);
  });
});
