/**
 * The agency-wide monthly KPI report as an API client sees it: whole months and partial months at
 * the edges of the period, every grouping, the derived metrics from the summed parts, staff only,
 * another agency's data never counted. And the monthly rollup it reads: after typed figures, days
 * sent again and imports, it equals the sums of the daily rows. Campaigns run from 15 February to
 * 20 April 2024.
 */
import { startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';

let t: TestApp;
let ownerA: string;
let portalA: string;
let ownerB: string;
let managerA: { id: string };
let clientX: { id: string; name: string };
let clientY: { id: string; name: string };
let channels: { id: string; name: string }[];
let c1: string;
let c2: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const IMPORT = /* GraphQL */ `mutation ($input: ImportKpiFileInput!) { importKpiFile(input: $input) { imported skipped } }`;
const REPORT = /* GraphQL */ `query ($input: KpiReportInput!) {
  kpiReport(input: $input) {
    from to groupBy currency totalGroups pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    rows { month periodStart periodEnd group { id name } metrics { metric customName value } }
  }
}`;

/** The agencies this file made (the rollup is compared with the daily rows for these only). */
const agencies: string[] = [];
const START = '2024-02-15';
const END = '2024-04-20';

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(from + 'T00:00:00Z'); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Every day of the campaign: 1000 impressions, 50 clicks, 500 spend, 5 conversions, 2 leads, 1000 revenue. */
const DAILY = { IMPRESSIONS: '1000', CLICKS: '50', SPEND: '500', CONVERSIONS: '5', LEADS: '2', REVENUE: '1000' };

async function launched(name: string, clientId: string, channelId: string, token = ownerA, managerId?: string, currency = 'RUB'): Promise<string> {
  const input = { clientId, channelId, name, budget: '100000.00', currency, startDate: START, endDate: END, ...(managerId ? { managerId } : {}) };
  const { id } = dataOf(await t.gql(CREATE, { input }, token), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets: [{ metric: 'CLICKS', plan: '1000', period: 'MONTH' }] } }, token), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, token), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, token), 'launchCampaign', 'Campaign');
  return id;
}

async function recordDaily(campaignId: string, from: string, to: string, values: Record<string, string> = DAILY, token = ownerA): Promise<void> {
  const measurements = days(from, to).flatMap((date) => Object.entries(values).map(([metric, value]) => ({ metric, date, value })));
  for (let i = 0; i < measurements.length; i += 1000) {
    expectOk(await t.gql(RECORD, { input: { campaignId, measurements: measurements.slice(i, i + 1000) } }, token));
  }
}

const report = (input: Record<string, unknown>, token = ownerA) => t.gql(REPORT, { input }, token);

/** A row's metrics as { METRIC or CUSTOM:name: value }. */
const valuesOf = (row: { metrics: { metric: string; customName: string | null; value: string | null }[] }) =>
  Object.fromEntries(row.metrics.map((m) => [m.customName ? `${m.metric}:${m.customName}` : m.metric, m.value]));

/** The rollup and the sums of the daily rows, per campaign, series and month, as the database holds them. */
async function rollupAgainstRaw(): Promise<{ rollup: unknown[]; raw: unknown[] }> {
  const order = 'ORDER BY "campaignId", metric, "customName", month';
  // this file's agencies only: other files of the worker's database write rows of their own
  const mine = 'WHERE "agencyId" = ANY($1)';
  const rollup = await t.ds.query(`SELECT "agencyId", "clientId", "campaignId", metric, "customName", to_char(month, 'YYYY-MM-DD') AS month, value::text, days FROM kpi_measurement_months ${mine} ${order}`, [agencies]);
  const raw = await t.ds.query(
    `SELECT "agencyId", "clientId", "campaignId", metric, "customName", to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, SUM(value)::text AS value, COUNT(*)::int AS days
       FROM kpi_measurements ${mine} GROUP BY 1, 2, 3, 4, 5, 6 ${order}`,
    [agencies],
  );
  return { rollup, raw };
}

beforeAll(async () => {
  t = await startTestApp();
  const a = await registerAgency(t);
  agencies.push(a.agencyId);
  ownerA = a.ownerToken;
  managerA = await createUser(t, ownerA, 'MANAGER');
  clientX = await createClient(t, ownerA, { name: 'Альфа', ownerId: managerA.id });
  clientY = await createClient(t, ownerA, { name: 'Бета' });
  portalA = (await createUser(t, ownerA, 'CLIENT', clientX.id)).token;
  channels = expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels;
  c1 = await launched('Поиск', clientX.id, channels[0].id, ownerA, managerA.id);
  c2 = await launched('Сети', clientY.id, channels[1].id);
  await recordDaily(c1, START, END);
  await recordDaily(c2, '2024-03-01', '2024-03-31', { CLICKS: '10', SPEND: '100' });

  // another agency, with figures of its own on the same days: never counted in A's report
  const b = await registerAgency(t);
  agencies.push(b.agencyId);
  ownerB = b.ownerToken;
  const clientB = await createClient(t, ownerB);
  const channelsB = expectOk(await t.gql(CHANNELS, {}, ownerB)).campaignChannels;
  const cB = await launched('Чужая', clientB.id, channelsB[0].id, ownerB);
  await recordDaily(cB, '2024-03-01', '2024-03-10', { CLICKS: '999999' }, ownerB);
});
afterAll(() => t?.close());

describe('the monthly rollup', () => {
  it('equals the sums of the daily rows after typed figures, days sent again and an import', async () => {
    const first = await rollupAgainstRaw();
    expect(first.rollup.length).toBeGreaterThan(0);
    expect(first.rollup).toEqual(first.raw);

    // days sent again replace their value: the month sums follow
    expectOk(
      await t.gql(RECORD, {
        input: {
          campaignId: c1,
          measurements: [
            { metric: 'CLICKS', date: '2024-03-10', value: '70' },
            { metric: 'CLICKS', date: '2024-03-11', value: '70' },
            { metric: 'CUSTOM', customName: 'Звонки', date: '2024-03-11', value: '3' },
          ],
        },
      }, ownerA),
    );
    const resent = await rollupAgainstRaw();
    expect(resent.rollup).toEqual(resent.raw);
    const march = (resent.rollup as { campaignId: string; metric: string; month: string; value: string; days: number }[]).find(
      (r) => r.campaignId === c1 && r.metric === 'CLICKS' && r.month === '2024-03-01',
    );
    expect(march).toMatchObject({ value: String(29 * 50 + 2 * 70) + '.0000', days: 31 });

    // an import, partly re-sending days and crossing months
    const lines = ['campaign_id,date,metric,value', `${c2},2024-02-29,CLICKS,7`, `${c2},2024-03-31,CLICKS,11`, `${c2},2024-04-01,LEADS,4`, `${c1},2024-04-02,SPEND,250.5`];
    expect(dataOf(await t.gql(IMPORT, { input: { source: 'OWN_CSV', content: lines.join('\n') } }, ownerA), 'importKpiFile')).toEqual({ imported: 4, skipped: 0 });
    const imported = await rollupAgainstRaw();
    expect(imported.rollup).toEqual(imported.raw);
  });

  it('is left unchanged by a refused write', async () => {
    const before = await rollupAgainstRaw();
    const res = await t.gql(RECORD, { input: { campaignId: c1, measurements: [{ metric: 'CLICKS', date: '2024-03-01', value: '5' }, { metric: 'CLICKS', date: '2030-01-01', value: '5' }] } }, ownerA);
    expect(badInputPaths(res).length).toBeGreaterThan(0);
    expect(await rollupAgainstRaw()).toEqual(before);
  });
});

describe('kpiReport', () => {
  it('sums whole months and the partial months at the edges, with the derived metrics', async () => {
    const { raw } = await rollupAgainstRaw();
    const sumOf = (campaignId: string, metric: string, from: string, to: string) =>
      t.ds.query(`SELECT COALESCE(SUM(value), 0)::numeric(20,2)::text AS s FROM kpi_measurements WHERE "campaignId" = $1 AND metric = $2 AND date BETWEEN $3 AND $4`, [campaignId, metric, from, to]);
    expect(raw.length).toBeGreaterThan(0);

    const res = dataOf(await report({ from: '2024-02-27', to: '2024-04-02' }), 'kpiReport');
    expect(res).toMatchObject({ from: '2024-02-27', to: '2024-04-02', groupBy: 'NONE' });
    expect(res.rows.map((r: any) => [r.month, r.periodStart, r.periodEnd, r.group])).toEqual([
      ['2024-02-01', '2024-02-27', '2024-02-29', null],
      ['2024-03-01', '2024-03-01', '2024-03-31', null],
      ['2024-04-01', '2024-04-01', '2024-04-02', null],
    ]);
    for (const row of res.rows) {
      const v = valuesOf(row);
      for (const metric of ['IMPRESSIONS', 'CLICKS', 'SPEND', 'LEADS']) {
        const [a] = await sumOf(c1, metric, row.periodStart, row.periodEnd);
        const [b] = await sumOf(c2, metric, row.periodStart, row.periodEnd);
        expect([row.month, metric, v[metric]]).toEqual([row.month, metric, (Number(a.s) + Number(b.s)).toFixed(2)]);
      }
    }
    // February, 27 to 29: c1 3 days, c2 one imported day of 7 clicks
    expect(valuesOf(res.rows[0])).toEqual({
      IMPRESSIONS: '3000.00',
      CLICKS: '157.00',
      CONVERSIONS: '15.00',
      LEADS: '6.00',
      SPEND: '1500.00',
      REVENUE: '3000.00',
      CTR: '5.23',
      CPC: '9.55',
      CPA: '100.00',
      CPL: '250.00',
      CR: '9.55',
      ROMI: '100.00',
    });
    // March holds the CUSTOM series sent above, by name
    expect(valuesOf(res.rows[1])['CUSTOM:Звонки']).toBe('3.00');
  });

  it('answers the same whether a month is read from the rollup or from the daily rows', async () => {
    const whole = dataOf(await report({ from: '2024-03-01', to: '2024-03-31' }), 'kpiReport').rows;
    const split = dataOf(await report({ from: '2024-03-01', to: '2024-03-30' }), 'kpiReport').rows;
    const lastDay = dataOf(await report({ from: '2024-03-31', to: '2024-03-31' }), 'kpiReport').rows;
    expect(whole).toHaveLength(1);
    const c = (rows: any[], m: string) => Number(valuesOf(rows[0])[m]);
    for (const m of ['IMPRESSIONS', 'CLICKS', 'SPEND', 'LEADS']) expect(c(whole, m)).toBeCloseTo(c(split, m) + c(lastDay, m), 2);
  });

  it('has, per month and campaign, exactly the raw sums of the days of the period: edges, two months without a whole one, a single day', async () => {
    for (const [from, to] of [
      ['2024-02-27', '2024-04-02'],
      ['2024-03-20', '2024-04-02'],
      ['2024-02-29', '2024-03-01'],
      ['2024-04-01', '2024-04-01'],
      ['2024-03-01', '2024-03-31'],
      ['2024-02-10', '2024-04-18'],
      ['2024-03-02', '2024-03-30'],
      ['2024-03-05', '2024-04-30'],
    ]) {
      const raw = await t.ds.query(
        `SELECT to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, "campaignId", SUM(value) FILTER (WHERE metric = 'SPEND')::numeric(20,2)::text AS spend,
                SUM(value) FILTER (WHERE metric = 'CLICKS')::numeric(20,2)::text AS clicks
           FROM kpi_measurements m JOIN campaigns c ON c.id = m."campaignId"
          WHERE m."agencyId" = $1 AND c.currency = 'RUB' AND date BETWEEN $2 AND $3 GROUP BY 1, 2 ORDER BY 1, 2`,
        [agencies[0], from, to],
      );
      const res = dataOf(await report({ from, to, groupBy: 'CAMPAIGN', first: 100 }), 'kpiReport');
      const got = res.rows
        .map((r: any) => ({ month: r.month, campaignId: r.group.id, spend: valuesOf(r).SPEND, clicks: valuesOf(r).CLICKS }))
        .sort((a: any, b: any) => a.month.localeCompare(b.month) || a.campaignId.localeCompare(b.campaignId));
      const want = raw.map((r: any) => ({ ...r, spend: r.spend ?? '0.00', clicks: r.clicks ?? '0.00' }));
      expect([from, to, got]).toEqual([from, to, want]);
      expect(res.totalGroups).toBe(new Set(raw.map((r: any) => r.campaignId)).size);
    }
  });

  it('reads an edge month longer than half of it as the month less the rest: the days of the period exactly, no row without figures in them', async () => {
    // another agency, one campaign with spend on 2 March and on 1, 2 and 10 April only
    const c = await registerAgency(t);
    agencies.push(c.agencyId);
    const client = await createClient(t, c.ownerToken);
    const own = expectOk(await t.gql(CHANNELS, {}, c.ownerToken)).campaignChannels;
    const id = await launched('Редкая', client.id, own[0].id, c.ownerToken);
    for (const date of ['2024-03-02', '2024-04-01', '2024-04-02', '2024-04-10']) await recordDaily(id, date, date, { SPEND: '100' }, c.ownerToken);
    const spend = async (from: string, to: string) =>
      dataOf(await report({ from, to }, c.ownerToken), 'kpiReport').rows.map((r: any) => [r.month, r.periodStart, r.periodEnd, valuesOf(r).SPEND]);
    // 5–20 April: 16 of 30 days, so April less 1–4 and 21–30
    expect(await spend('2024-04-05', '2024-04-20')).toEqual([['2024-04-01', '2024-04-05', '2024-04-20', '100.00']]);
    // 12–30 April: April less 1–11 holds nothing, and no row says 0
    expect(await spend('2024-04-12', '2024-04-30')).toEqual([]);
    // 2–30 April, within the month on both sides: April less the 1st
    expect(await spend('2024-04-02', '2024-04-30')).toEqual([['2024-04-01', '2024-04-02', '2024-04-30', '200.00']]);
    // and across a whole month into an edge read that way
    expect(await spend('2024-03-01', '2024-04-25')).toEqual([
      ['2024-03-01', '2024-03-01', '2024-03-31', '100.00'],
      ['2024-04-01', '2024-04-01', '2024-04-25', '300.00'],
    ]);
    // 5 March – 30 April: March less 1–4 holds nothing, and no March row says 0
    expect(await spend('2024-03-05', '2024-04-30')).toEqual([['2024-04-01', '2024-04-01', '2024-04-30', '300.00']]);
  });

  it('splits the rows by client, channel, campaign and manager', async () => {
    const by = async (groupBy: string) => dataOf(await report({ from: '2024-03-01', to: '2024-03-31', groupBy }), 'kpiReport').rows.map((r: any) => [r.group, valuesOf(r).SPEND]);
    const c1Spend = '15500.00'; // 31 days of 500
    const c2Spend = '3100.00'; // 31 days of 100
    expect(await by('CLIENT')).toEqual([
      [{ id: clientX.id, name: 'Альфа' }, c1Spend],
      [{ id: clientY.id, name: 'Бета' }, c2Spend],
    ]);
    expect(await by('CAMPAIGN')).toEqual([
      [{ id: c2, name: 'Сети' }, c2Spend],
      [{ id: c1, name: 'Поиск' }, c1Spend],
    ].sort((a: any, b: any) => a[0].name.localeCompare(b[0].name)));
    const byChannel = await by('CHANNEL');
    expect(byChannel.map(([g]: any) => g.id).sort()).toEqual([channels[0].id, channels[1].id].sort());
    expect(Object.fromEntries(byChannel.map(([g, s]: any) => [g.id, s]))).toEqual({ [channels[0].id]: c1Spend, [channels[1].id]: c2Spend });
    const byManager = await by('MANAGER');
    expect(byManager.find(([g]: any) => g?.id === managerA.id)?.[1]).toBe(c1Spend);
    expect(byManager).toHaveLength(2);
  });

  it('adds up to the same totals in every grouping, over whole months and partial edge months', async () => {
    const total = async (groupBy: string) => {
      const res = dataOf(await report({ from: '2024-02-27', to: '2024-04-02', groupBy, first: 100 }), 'kpiReport');
      return res.rows.reduce((sum: number, r: any) => sum + Number(valuesOf(r).SPEND) * 100, 0);
    };
    const none = await total('NONE');
    expect(none).toBeGreaterThan(0);
    for (const groupBy of ['CLIENT', 'CHANNEL', 'CAMPAIGN', 'MANAGER']) expect([groupBy, await total(groupBy)]).toEqual([groupBy, none]);
  });

  it('pages the groups by name: every month of a group on its page, each group on exactly one page', async () => {
    const whole = dataOf(await report({ from: '2024-02-01', to: '2024-04-30', groupBy: 'CAMPAIGN', first: 100 }), 'kpiReport');
    expect(whole.totalGroups).toBe(2);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const firstPage = dataOf(await report({ from: '2024-02-01', to: '2024-04-30', groupBy: 'CAMPAIGN', first: 1 }), 'kpiReport');
    expect(firstPage.totalGroups).toBe(2);
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(new Set(firstPage.rows.map((r: any) => r.group.id)).size).toBe(1);
    const second = dataOf(await report({ from: '2024-02-01', to: '2024-04-30', groupBy: 'CAMPAIGN', first: 1, after: firstPage.pageInfo.endCursor }), 'kpiReport');
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set(second.rows.map((r: any) => r.group.id)).size).toBe(1);
    // the two pages are the whole report, months in order on each page, the first group's name first
    const key = (r: any) => `${r.month}|${r.group.id}`;
    expect([...firstPage.rows, ...second.rows].map(key).sort()).toEqual(whole.rows.map(key).sort());
    expect([...firstPage.rows, ...second.rows].map((r: any) => valuesOf(r).SPEND).sort()).toEqual(whole.rows.map((r: any) => valuesOf(r).SPEND).sort());
    expect(firstPage.rows[0].group.name.localeCompare(second.rows[0].group.name)).toBeLessThan(0);
    for (const page of [firstPage, second]) expect(page.rows.map((r: any) => r.month)).toEqual([...page.rows.map((r: any) => r.month)].sort());
    const past = dataOf(await report({ from: '2024-02-01', to: '2024-04-30', groupBy: 'CAMPAIGN', first: 1, after: second.pageInfo.endCursor }), 'kpiReport');
    expect(past).toMatchObject({ rows: [], totalGroups: 2, pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
  });

  it('is one group with groupBy NONE, and refuses a page size out of range or a cursor it did not give', async () => {
    const none = dataOf(await report({ from: '2024-03-01', to: '2024-03-31' }), 'kpiReport');
    expect(none).toMatchObject({ totalGroups: 1, pageInfo: { hasNextPage: false } });
    expect(badInputPaths(await report({ from: '2024-03-01', to: '2024-03-31', groupBy: 'CLIENT', first: 0 }))).toEqual(['input.first']);
    expect(badInputPaths(await report({ from: '2024-03-01', to: '2024-03-31', groupBy: 'CLIENT', first: 101 }))).toEqual(['input.first']);
    expect(badInputPaths(await report({ from: '2024-03-01', to: '2024-03-31', groupBy: 'CLIENT', after: 'not-a-cursor' }))).toEqual(['input.after']);
  });

  it("counts only the agency's own measurements: another agency sees its own", async () => {
    const mine = dataOf(await report({ from: '2024-03-01', to: '2024-03-31', groupBy: 'CAMPAIGN' }), 'kpiReport').rows;
    expect(mine.map((r: any) => r.group.id).sort()).toEqual([c1, c2].sort());
    const theirs = dataOf(await report({ from: '2024-03-01', to: '2024-03-31', groupBy: 'CAMPAIGN' }, ownerB), 'kpiReport').rows;
    expect(theirs).toHaveLength(1);
    expect(valuesOf(theirs[0]).CLICKS).toBe('9999990.00');
    expect(theirs[0].group.id).not.toBe(c1);
  });

  it('never adds amounts of different currencies: the default currency of the agency, or the one asked for', async () => {
    const eur = await launched('Евро', clientY.id, channels[2].id, ownerA, undefined, 'EUR');
    await recordDaily(eur, '2024-03-01', '2024-03-02', { CLICKS: '7', SPEND: '3' });
    const before = dataOf(await report({ from: '2024-03-01', to: '2024-03-31' }), 'kpiReport');
    expect(before.currency).toBe('RUB');
    expect(valuesOf(before.rows[0]).SPEND).toBe('18600.00'); // 31 × 500 + 31 × 100: no euros in it
    const inEur = dataOf(await report({ from: '2024-03-01', to: '2024-03-31', currency: 'EUR', groupBy: 'CAMPAIGN' }), 'kpiReport');
    expect(inEur.currency).toBe('EUR');
    expect(inEur.rows.map((r: any) => [r.group.id, valuesOf(r).SPEND, valuesOf(r).CLICKS])).toEqual([[eur, '6.00', '14.00']]);
    // a partial month reads the daily rows: the same rule
    const edge = dataOf(await report({ from: '2024-03-02', to: '2024-03-10', currency: 'EUR' }), 'kpiReport');
    expect(valuesOf(edge.rows[0]).SPEND).toBe('3.00');
  });

  it('refuses portal users and anonymous callers', async () => {
    expectCode(await report({ from: '2024-03-01', to: '2024-03-31' }, portalA), 'FORBIDDEN');
    expectCode(await report({ from: '2024-03-01', to: '2024-03-31' }, null as unknown as string), 'UNAUTHENTICATED');
  });

  it('refuses a period ending before it starts or longer than two years', async () => {
    expect(badInputPaths(await report({ from: '2024-03-02', to: '2024-03-01' }))).toEqual(['input.to']);
    expect(badInputPaths(await report({ from: '2022-01-01', to: '2024-03-01' }))).toEqual(['input.to']);
  });

  it('has no rows for a period without measurements', async () => {
    expect(dataOf(await report({ from: '2023-01-01', to: '2023-12-31', groupBy: 'CLIENT' }), 'kpiReport')).toMatchObject({ rows: [], totalGroups: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
