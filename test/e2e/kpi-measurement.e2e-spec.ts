/**
 * Measurements as an API client sees them: recording daily figures (a day sent again replaces
 * it), the all-or-nothing validation, plan against actual (pro-rated, derived from the summed
 * parts), pacing, the deviations opening, escalating and closing, the portal, tenancy, and the
 * SQL of `campaign { kpis }` staying flat as KPIs are added. Campaigns run in March 2024, so
 * "today" is always after them.
 */
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';

const logger = new CountingLogger();
let t: TestApp;
let ownerA: string;
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string };

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];

const KPI_FIELDS = 'metric period periodStart periodEnd asOf direction plan planSoFar actual deviationPercent severity';
const PACING_FIELDS = 'asOf spendToDate expectedToDate spendPercentOfExpected forecast forecastOverBudgetPercent status';
const DEVIATION_FIELDS = 'id metric periodStart periodEnd plan actual deviationPercent severity openedAt updatedAt closedAt';

const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!) { cancelCampaign(id: $id, reason: "не нужна") { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id status } }`;
const KPIS = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { id kpis(asOf: $asOf) { ${KPI_FIELDS} } } }`;
const PACING = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { id pacing(asOf: $asOf) { ${PACING_FIELDS} } } }`;
const DEVIATIONS = /* GraphQL */ `query ($id: ID!, $open: Boolean) { campaign(id: $id) { id deviations(open: $open) { ${DEVIATION_FIELDS} } } }`;
const EVERYTHING = /* GraphQL */ `query ($id: ID!, $asOf: Date) { campaign(id: $id) { id kpis(asOf: $asOf) { ${KPI_FIELDS} } pacing(asOf: $asOf) { status } deviations { id } } }`;
const LIST = /* GraphQL */ `query ($asOf: Date) { campaigns(first: 50) { edges { node { id kpis(asOf: $asOf) { metric actual } pacing(asOf: $asOf) { status } } } } }`;

/** Monday 4 to Sunday 31 March 2024: four whole ISO weeks, 28 days, 1000 a day. */
const START = '2024-03-04';
const END = '2024-03-31';
const TARGETS = [
  { metric: 'CLICKS', plan: '700', period: 'WEEK' },
  { metric: 'SPEND', plan: '28000', period: 'CAMPAIGN' },
  { metric: 'CPC', plan: '10', period: 'CAMPAIGN' },
  { metric: 'CLICKS', plan: '100', period: 'DAY' },
];

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
});
afterAll(() => t?.close());

async function planned(targets: unknown[] = TARGETS, budget = '28000.00', token = ownerA, clientId = A1.id): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, token)).campaignChannels;
  const input = { clientId, channelId: channels[0].id, name: 'Поиск', budget, currency: 'RUB', startDate: START, endDate: END };
  const { id } = dataOf(await t.gql(CREATE, { input }, token), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, token), 'setKpiTargets', 'Campaign');
  return id;
}

async function launched(targets: unknown[] = TARGETS, budget?: string): Promise<string> {
  const id = await planned(targets, budget);
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, ownerA), 'launchCampaign', 'Campaign');
  return id;
}

const record = (campaignId: string, measurements: unknown[], token = ownerA) => t.gql(RECORD, { input: { campaignId, measurements } }, token);

async function kpis(id: string, asOf?: string, token = ownerA): Promise<any[]> {
  return expectOk(await t.gql(KPIS, { id, asOf }, token)).campaign.kpis;
}

const kpi = (list: any[], metric: string, period: string) => list.find((k) => k.metric === metric && k.period === period);

const days = (dates: string[], metric: string, value: string) => dates.map((date) => ({ metric, date, value }));

describe('recording and plan against actual', () => {
  let id: string;
  beforeAll(async () => {
    id = await launched();
    const first3 = ['2024-03-04', '2024-03-05', '2024-03-06'];
    dataOf(await record(id, [...days(first3, 'CLICKS', '100'), ...days(first3, 'SPEND', '1000')]), 'recordKpiMeasurements');
  });

  it('pro-rates stored plans by elapsed days and derives CPC from the summed spend and clicks', async () => {
    const list = await kpis(id, '2024-03-06');
    expect(list.map((k) => `${k.metric}/${k.period}`)).toEqual(['CLICKS/WEEK', 'SPEND/CAMPAIGN', 'CPC/CAMPAIGN', 'CLICKS/DAY']);
    expect(kpi(list, 'CLICKS', 'WEEK')).toEqual({
      metric: 'CLICKS', period: 'WEEK', periodStart: '2024-03-04', periodEnd: '2024-03-10', asOf: '2024-03-06', direction: 'HIGHER_IS_BETTER',
      plan: '700.00', planSoFar: '300.00', actual: '300.00', deviationPercent: '0.00', severity: 'NONE',
    });
    expect(kpi(list, 'SPEND', 'CAMPAIGN')).toMatchObject({ periodStart: START, periodEnd: END, planSoFar: '3000.00', actual: '3000.00', direction: 'LOWER_IS_BETTER' });
    expect(kpi(list, 'CPC', 'CAMPAIGN')).toMatchObject({ plan: '10.00', planSoFar: '10.00', actual: '10.00', severity: 'NONE' });
    expect(kpi(list, 'CLICKS', 'DAY')).toMatchObject({ periodStart: '2024-03-06', periodEnd: '2024-03-06', planSoFar: '100.00', actual: '100.00' });
  });

  it('counts only the days up to asOf, and clips asOf to the campaign', async () => {
    expect(kpi(await kpis(id, '2024-03-05'), 'CLICKS', 'WEEK')).toMatchObject({ planSoFar: '200.00', actual: '200.00' });
    const before = await kpis(id, '2024-01-15');
    expect(kpi(before, 'CLICKS', 'WEEK')).toMatchObject({ asOf: START, planSoFar: '100.00', actual: '100.00' });
    // a later week without figures: the plan runs on, the actual is 0
    expect(kpi(await kpis(id, '2024-03-12'), 'CLICKS', 'WEEK')).toMatchObject({ periodStart: '2024-03-11', planSoFar: '200.00', actual: '0.00', deviationPercent: '-100.00', severity: 'ACT' });
    // no asOf: today, long after the campaign, clipped to its last day
    expect(kpi(await kpis(id), 'SPEND', 'CAMPAIGN')).toMatchObject({ asOf: END, planSoFar: '28000.00', actual: '3000.00', deviationPercent: '-89.29', severity: 'NONE' });
  });

  it('replaces a day sent again instead of adding to it', async () => {
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-06', value: '150' }]), 'recordKpiMeasurements');
    const list = await kpis(id, '2024-03-06');
    expect(kpi(list, 'CLICKS', 'WEEK')).toMatchObject({ actual: '350.00', deviationPercent: '16.67', severity: 'NONE' });
    expect(kpi(list, 'CPC', 'CAMPAIGN')).toMatchObject({ actual: '8.57', deviationPercent: '-14.30', severity: 'NONE' });
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-06', value: '100' }]), 'recordKpiMeasurements');
    expect(kpi(await kpis(id, '2024-03-06'), 'CLICKS', 'WEEK')).toMatchObject({ actual: '300.00' });
  });

  it('paces the budget: on track, underspending, overspending', async () => {
    const pacing = async (campaignId: string, asOf: string) => expectOk(await t.gql(PACING, { id: campaignId, asOf }, ownerA)).campaign.pacing;
    expect(await pacing(id, '2024-03-06')).toEqual({
      asOf: '2024-03-06', spendToDate: '3000.00', expectedToDate: '3000.00', spendPercentOfExpected: '100.00',
      forecast: '28000.00', forecastOverBudgetPercent: '0.00', status: 'ON_TRACK',
    });
    expect(await pacing(id, '2024-03-10')).toMatchObject({ expectedToDate: '7000.00', forecast: '12000.00', forecastOverBudgetPercent: '-57.14', status: 'UNDERSPENDING' });
    const small = await launched([{ metric: 'SPEND', plan: '2800', period: 'CAMPAIGN' }], '2800.00');
    dataOf(await record(small, [{ metric: 'SPEND', date: START, value: '500' }]), 'recordKpiMeasurements');
    expect(await pacing(small, START)).toMatchObject({ spendToDate: '500.00', expectedToDate: '100.00', forecast: '14000.00', status: 'OVERSPENDING' });
    expect(await pacing(small, '2024-02-01')).toMatchObject({ expectedToDate: '0.00', forecast: null, status: 'ON_TRACK' });
  });
});

describe('over whole months and the days at their edges', () => {
  // 15 Jan – 10 Apr 2024: whole February and March between two partial months; spend of a day is
  // 100 in January, 200 in February (29 days), 300 in March, 400 in April; 10 clicks a day
  let id: string;
  const dates: string[] = [];
  for (let d = Date.parse('2024-01-15'); d <= Date.parse('2024-04-10'); d += 86_400_000) dates.push(new Date(d).toISOString().slice(0, 10));
  const spendOf = (date: string) => String(100 * Number(date.slice(5, 7)));
  const spend = async (asOf: string) => kpi(await kpis(id, asOf), 'SPEND', 'CAMPAIGN').actual;

  beforeAll(async () => {
    const channels = expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels;
    const input = { clientId: A1.id, channelId: channels[0].id, name: 'Квартал', budget: '30000.00', currency: 'RUB', startDate: '2024-01-15', endDate: '2024-04-10' };
    id = dataOf(await t.gql(CREATE, { input }, ownerA), 'createCampaign').id;
    const targets = [{ metric: 'SPEND', plan: '30000', period: 'CAMPAIGN' }, { metric: 'CLICKS', plan: '300', period: 'MONTH' }];
    dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, ownerA), 'setKpiTargets', 'Campaign');
    for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
    dataOf(await t.gql(LAUNCH, { id }, ownerA), 'launchCampaign', 'Campaign');
    dataOf(await record(id, [...dates.map((date) => ({ metric: 'SPEND', date, value: spendOf(date) })), ...days(dates, 'CLICKS', '10')]), 'recordKpiMeasurements');
  });

  it('adds the whole months and the partial ones exactly once', async () => {
    expect(await spend('2024-04-10')).toBe('20800.00'); // 1 700 + 5 800 + 9 300 + 4 000
    expect(await spend('2024-03-31')).toBe('16800.00');
    expect(await spend('2024-02-29')).toBe('7500.00');
    expect(await spend('2024-02-10')).toBe('3700.00'); // no whole month: two partial ones
    expect(await spend('2024-01-31')).toBe('1700.00');
    expect(kpi(await kpis(id, '2024-03-31'), 'CLICKS', 'MONTH')).toMatchObject({ periodStart: '2024-03-01', actual: '310.00' });
    expect(kpi(await kpis(id, '2024-02-29'), 'CLICKS', 'MONTH')).toMatchObject({ periodStart: '2024-02-01', actual: '290.00' });
  });

  it('follows a day of a whole month sent again, and the pacing with it', async () => {
    dataOf(await record(id, [{ metric: 'SPEND', date: '2024-03-15', value: '1300' }]), 'recordKpiMeasurements');
    expect(await spend('2024-04-10')).toBe('21800.00');
    expect(await spend('2024-03-31')).toBe('17800.00');
    expect(expectOk(await t.gql(PACING, { id, asOf: '2024-04-10' }, ownerA)).campaign.pacing.spendToDate).toBe('21800.00');
  });
});

describe('validation', () => {
  it('refuses the whole batch, naming every bad row, and writes nothing', async () => {
    const id = await launched();
    const res = await record(id, [
      { metric: 'CLICKS', date: '2024-03-04', value: '100' },
      { metric: 'CPC', date: '2024-03-04', value: '10' },
      { metric: 'SPEND', date: '2024-03-04', value: '-5' },
      { metric: 'LEADS', date: '2024-04-01', value: '3' },
      { metric: 'CLICKS', date: '2024-03-04', value: '120' },
      { metric: 'CUSTOM', date: '2024-03-04', value: '1' },
    ]);
    expect(badInputPaths(res)).toEqual([
      'input.measurements.1.metric',
      'input.measurements.2.value',
      'input.measurements.3.date',
      'input.measurements.4.metric',
      'input.measurements.5.customName',
    ]);
    const list = await kpis(id, '2024-03-04');
    expect(kpi(list, 'CLICKS', 'DAY').actual).toBe('0.00');
    expect(kpi(list, 'SPEND', 'CAMPAIGN').actual).toBe('0.00');
    expect(expectOk(await t.gql(DEVIATIONS, { id }, ownerA)).campaign.deviations).toEqual([]);
  });

  it('refuses measurements of a planned or a cancelled campaign', async () => {
    const id = await planned();
    expect(badInputPaths(await record(id, days([START], 'CLICKS', '1')))).toEqual(['input.campaignId']);
    dataOf(await t.gql(CANCEL, { id }, ownerA), 'cancelCampaign', 'Campaign');
    expect(badInputPaths(await record(id, days([START], 'CLICKS', '1')))).toEqual(['input.campaignId']);
  });

  it('keeps CUSTOM series apart by name', async () => {
    const id = await launched([{ metric: 'CUSTOM', customName: 'Звонки', plan: '70', period: 'WEEK', direction: 'HIGHER_IS_BETTER' }]);
    dataOf(
      await record(id, [
        { metric: 'CUSTOM', customName: 'Звонки', date: START, value: '7' },
        { metric: 'CUSTOM', customName: 'Заявки', date: START, value: '2' },
      ]),
      'recordKpiMeasurements',
    );
    dataOf(await record(id, [{ metric: 'CUSTOM', customName: 'Звонки', date: START, value: '9' }]), 'recordKpiMeasurements');
    const [calls] = await kpis(id, START);
    expect(calls).toMatchObject({ metric: 'CUSTOM', planSoFar: '10.00', actual: '9.00', deviationPercent: '-10.00', severity: 'WARN' });
  });
});

describe('deviations', () => {
  let id: string;
  const dayDeviations = async (open?: boolean) =>
    (expectOk(await t.gql(DEVIATIONS, { id, open }, ownerA)).campaign.deviations as any[]).filter((d) => d.periodStart === '2024-03-20' && d.periodEnd === '2024-03-20');

  beforeAll(async () => {
    id = await launched([{ metric: 'CLICKS', plan: '100', period: 'DAY' }, { metric: 'CPC', plan: '10', period: 'CAMPAIGN' }]);
    // figures arrive on 20 March: that day runs (a period that has ended only closes its deviations)
    t.services.clock = () => new Date('2024-03-20T09:00:00Z');
  });
  afterAll(() => {
    t.services.clock = () => new Date();
  });

  it('opens at 10 % worse (WARN), becomes ACT at 15 %, closes when back within the band', async () => {
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-20', value: '91' }]), 'recordKpiMeasurements');
    expect(await dayDeviations()).toEqual([]);

    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-20', value: '90' }]), 'recordKpiMeasurements');
    const [warn] = await dayDeviations(true);
    expect(warn).toMatchObject({ metric: 'CLICKS', plan: '100.00', actual: '90.00', deviationPercent: '-10.00', severity: 'WARN', closedAt: null });

    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-20', value: '85' }]), 'recordKpiMeasurements');
    const [act] = await dayDeviations(true);
    expect(act).toMatchObject({ id: warn.id, actual: '85.00', deviationPercent: '-15.00', severity: 'ACT', openedAt: warn.openedAt, closedAt: null });

    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-20', value: '95' }]), 'recordKpiMeasurements');
    expect(await dayDeviations(true)).toEqual([]);
    const [closed] = await dayDeviations(false);
    expect(closed).toMatchObject({ id: warn.id, severity: 'ACT' });
    expect(closed.closedAt).not.toBeNull();
  });

  it('judges a derived KPI from its parts: CPC over plan by 20 % is ACT', async () => {
    // whole campaign: 95 clicks recorded above; 1140 spent → CPC 12.00 against 10
    dataOf(await record(id, [{ metric: 'SPEND', date: '2024-03-20', value: '1140' }]), 'recordKpiMeasurements');
    const list = await kpis(id);
    expect(kpi(list, 'CPC', 'CAMPAIGN')).toMatchObject({ planSoFar: '10.00', actual: '12.00', deviationPercent: '20.00', severity: 'ACT' });
    const open = expectOk(await t.gql(DEVIATIONS, { id, open: true }, ownerA)).campaign.deviations;
    expect(open).toEqual([expect.objectContaining({ metric: 'CPC', periodStart: START, periodEnd: END, plan: '10.00', actual: '12.00', severity: 'ACT' })]);
  });
});

describe('portal and tenancy', () => {
  let id: string;
  beforeAll(async () => {
    id = await launched();
    // recorded on the day itself, so its deviations open
    t.services.clock = () => new Date('2024-03-04T09:00:00Z');
    dataOf(await record(id, days(['2024-03-04'], 'CLICKS', '50')), 'recordKpiMeasurements');
    t.services.clock = () => new Date();
  });

  it("the client's portal user reads kpis, pacing and deviations, and records nothing", async () => {
    const staff = expectOk(await t.gql(EVERYTHING, { id, asOf: '2024-03-04' }, ownerA)).campaign;
    const portal = expectOk(await t.gql(EVERYTHING, { id, asOf: '2024-03-04' }, portalA1)).campaign;
    expect(portal).toEqual(staff);
    expect(portal.deviations.length).toBeGreaterThan(0);
    expectCode(await record(id, days(['2024-03-05'], 'CLICKS', '1'), portalA1), 'FORBIDDEN');
  });

  it("another client's portal user and another agency see nothing and record nothing", async () => {
    expect(expectOk(await t.gql(EVERYTHING, { id }, portalA2)).campaign).toBeNull();
    expect(expectOk(await t.gql(EVERYTHING, { id }, ownerB)).campaign).toBeNull();
    expectCode(await record(id, days(['2024-03-05'], 'CLICKS', '1000'), ownerB), 'NOT_FOUND');
    expect(kpi(await kpis(id, '2024-03-05'), 'CLICKS', 'WEEK').actual).toBe('50.00');
  });

  it('a portal user does not see a planned campaign of its client', async () => {
    const plannedId = await planned();
    expect(expectOk(await t.gql(EVERYTHING, { id: plannedId }, portalA1)).campaign).toBeNull();
  });
});

describe('SQL', () => {
  const UPDATE = /* GraphQL */ `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { __typename } }`;
  const stampOf = async (id: string): Promise<number> => ((await t.ds.query('SELECT "updatedAt" FROM campaigns WHERE id = $1', [id]))[0].updatedAt as Date).getTime();

  it('a campaign read again at the same version answers from what was computed; a new figure or budget is read afresh', async () => {
    const id = await launched();
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-04', value: '90' }, { metric: 'SPEND', date: '2024-03-04', value: '900' }]), 'recordKpiMeasurements');
    const read = async (token: string) => {
      logger.reset();
      const campaign = expectOk(await t.gql(EVERYTHING, { id, asOf: '2024-03-05' }, token)).campaign;
      return { campaign, statements: logger.count };
    };
    const clicks = (c: any, period: string) => c.kpis.find((k: any) => k.metric === 'CLICKS' && k.period === period).actual;
    const first = await read(portalA1);
    expect(clicks(first.campaign, 'WEEK')).toBe('90.00');
    expect(clicks(first.campaign, 'DAY')).toBe('0.00');
    // the same version: neither the targets, the sums nor the deviations are read again, and the agency reads the same
    const again = await read(portalA1);
    expect(again.campaign).toEqual(first.campaign);
    expect(again.statements).toBe(first.statements - 3);
    expect((await read(ownerA)).campaign).toEqual(first.campaign);

    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-05', value: '110' }]), 'recordKpiMeasurements');
    const after = await read(portalA1);
    expect(after.statements).toBe(first.statements);
    expect(clicks(after.campaign, 'WEEK')).toBe('200.00');
    expect(clicks(after.campaign, 'DAY')).toBe('110.00');

    const spend = async () => expectOk(await t.gql(PACING, { id, asOf: '2024-03-05' }, portalA1)).campaign.pacing;
    const before = await spend();
    dataOf(await t.gql(UPDATE, { input: { id, budget: '56000' } }, ownerA), 'updateCampaign', 'Campaign');
    const doubled = await spend();
    expect(doubled.spendToDate).toBe(before.spendToDate);
    expect(Number(doubled.expectedToDate)).toBeCloseTo(2 * Number(before.expectedToDate), 2);
  });

  it('every write moves the campaign past the version it replaces, even one stamped ahead of the clock', async () => {
    const id = await launched();
    await t.ds.query(`UPDATE campaigns SET "updatedAt" = date_trunc('milliseconds', now()) + interval '1 hour' WHERE id = $1`, [id]);
    const ahead = await stampOf(id);
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-04', value: '90' }]), 'recordKpiMeasurements');
    expect(await stampOf(id)).toBe(ahead + 1);
    dataOf(await t.gql(UPDATE, { input: { id, name: 'Поиск, весна' } }, ownerA), 'updateCampaign', 'Campaign');
    expect(await stampOf(id)).toBe(ahead + 2);
    // a write stamped by the clock again once the clock is past it
    await t.ds.query(`UPDATE campaigns SET "updatedAt" = now() - interval '1 hour' WHERE id = $1`, [id]);
    const behind = await stampOf(id);
    dataOf(await record(id, [{ metric: 'CLICKS', date: '2024-03-05', value: '10' }]), 'recordKpiMeasurements');
    expect(await stampOf(id)).toBeGreaterThan(behind + 3_000_000);
  });

  it('the statements of campaign { kpis pacing deviations } do not grow with the number of KPIs or campaigns', async () => {
    const { ownerToken } = await registerAgency(t);
    const client = await createClient(t, ownerToken);
    // planned campaigns: the agency reads their (empty) figures all the same
    const make = (targets: unknown[]) => planned(targets, '28000.00', ownerToken, client.id);
    const one = await make([TARGETS[0]]);
    const four = await make(TARGETS);
    const count = async (query: string, variables: Record<string, unknown>) => {
      logger.reset();
      expectOk(await t.gql(query, variables, ownerToken));
      return logger.count;
    };
    const withOne = await count(EVERYTHING, { id: one, asOf: '2024-03-06' });
    const withFour = await count(EVERYTHING, { id: four, asOf: '2024-03-06' });
    expect(withOne).toBeGreaterThanOrEqual(3);
    expect(withFour).toBe(withOne);
    // figures computed for a day are kept per campaign version: each day read here is a new one
    const listOfTwo = await count(LIST, { asOf: '2024-03-07' });
    await make(TARGETS);
    expect(await count(LIST, { asOf: '2024-03-08' })).toBe(listOfTwo);
    // and read again: none of the three campaigns' targets or sums
    expect(await count(LIST, { asOf: '2024-03-08' })).toBe(listOfTwo - 2);
  });
});
