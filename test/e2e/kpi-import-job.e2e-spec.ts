/**
 * Imports as jobs, as an API client sees them: a large file answers at once with a RUNNING
 * import whose progress kpiImport(id) shows until it SUCCEEDS with the sums right; a refused
 * import writes nothing; skipInvalidRows in the background; another agency and portal users
 * cannot read or start imports; imports a stopped process left RUNNING are FAILED at startup.
 */
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';
import { KpiImport, KpiImportStatus } from '../../src/entities';
import { failInterruptedImports, importKpiFile } from '../../src/services/kpi-import.service';
import { UserRole } from '../../src/entities/enums';
import { KpiImportSource } from '../../src/schema/kpi-import/kpi-import.enums';
import { contextFor } from '../support/context';

let t: TestApp;
let ownerA: string;
let agencyA: string;
let ownerIdA: string;
let managerA: string;
let portalA: string;
let ownerB: string;
let clientA: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const KPIS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { id kpis(asOf: "2099-12-31") { metric actual } } }`;
const IMPORT_FIELDS = `id source status linesTotal linesDone figuresTotal figuresDone imported skipped problemCount problems { line column message } error { code message } startedAt finishedAt createdAt`;
const IMPORT = /* GraphQL */ `mutation ($input: ImportKpiFileInput!) { importKpiFile(input: $input) { ${IMPORT_FIELDS} } }`;
const GET = /* GraphQL */ `query ($id: ID!) { kpiImport(id: $id) { ${IMPORT_FIELDS} } }`;
const LIST = /* GraphQL */ `query ($first: Int, $after: String) { kpiImports(first: $first, after: $after) { totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

const METRICS = ['IMPRESSIONS', 'CLICKS', 'SPEND'];
const START = '1990-01-01';

beforeAll(async () => {
  t = await startTestApp();
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  agencyA = a.agencyId;
  ownerIdA = a.ownerId;
  const manager = await createUser(t, ownerA, 'MANAGER');
  managerA = manager.token;
  clientA = (await createClient(t, ownerA, { ownerId: manager.id })).id;
  portalA = (await createUser(t, ownerA, 'CLIENT', clientA)).token;
  ownerB = (await registerAgency(t)).ownerToken;
});
afterAll(() => t?.close());

/** A launched campaign running from 1990 to 2099, so that one file can give it 30,000 distinct days. */
async function launched(name: string): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels;
  const input = { clientId: clientA, channelId: channels[0].id, name, budget: '100000.00', currency: 'RUB', startDate: START, endDate: '2099-12-31' };
  const { id } = dataOf(await t.gql(CREATE, { input }, ownerA), 'createCampaign');
  const targets = METRICS.map((metric) => ({ metric, plan: '1000', period: 'CAMPAIGN' }));
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, ownerA), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, ownerA), 'launchCampaign', 'Campaign');
  return id;
}

async function sums(id: string): Promise<Record<string, string | null>> {
  const list = expectOk(await t.gql(KPIS, { id }, ownerA)).campaign.kpis;
  return Object.fromEntries(list.map((k: { metric: string; actual: string }) => [k.metric, k.actual]));
}

const day = (i: number) => new Date(Date.parse(START) + i * 86_400_000).toISOString().slice(0, 10);

/** A Google Ads report of `lines` days: 100 impressions, i % 10 clicks and 1.50 spent a day. */
function googleReport(lines: number, bad: (i: number) => string | null = () => null): string {
  const out = ['Day,Impressions,Clicks,Cost'];
  for (let i = 0; i < lines; i++) out.push(bad(i) ?? `${day(i)},100,${i % 10},1.50`);
  return out.join('\n') + '\n';
}

const importFile = (input: Record<string, unknown>, token = ownerA) => t.gql(IMPORT, { input }, token);
const getImport = async (id: string, token = ownerA) => expectOk(await t.gql(GET, { id }, token)).kpiImport;

/** Polls until the import has ended; every answer seen, in order. */
async function pollUntilDone(id: string, timeoutMs = 120_000): Promise<any[]> {
  const seen: any[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await getImport(id);
    seen.push(row);
    if (row.status !== 'RUNNING' && row.status !== 'QUEUED') return seen;
    if (Date.now() > until) throw new Error(`import ${id} still ${row.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a large file runs in the background', () => {
  it('answers RUNNING at once, shows its progress, and ends SUCCEEDED with the sums right', async () => {
    const id = await launched('Thirty thousand days');
    const lines = 30_000;
    const content = googleReport(lines);
    const first = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content, campaignId: id }), 'importKpiFile');
    expect(first).toMatchObject({ status: 'RUNNING', linesTotal: lines + 1, imported: 0, skipped: 0, problems: [], error: null, finishedAt: null });
    expect(first.startedAt).toEqual(expect.any(String));
    expect(first.linesDone).toBeLessThan(lines + 1);

    const seen = await pollUntilDone(first.id);
    const progress = [first.linesDone, ...seen.map((r) => r.linesDone)];
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const whileRunning = seen.filter((r) => r.status === 'RUNNING');
    expect(whileRunning.some((r) => r.linesDone > first.linesDone)).toBe(true);
    // the second half: 90,000 figures recorded in chunks, progress seen part way
    const figures = [first.figuresDone, ...seen.map((r) => r.figuresDone)];
    expect([...figures].sort((a, b) => a - b)).toEqual(figures);
    expect(whileRunning.some((r) => r.figuresTotal === lines * 3 && r.figuresDone > 0 && r.figuresDone < lines * 3)).toBe(true);

    const done = seen[seen.length - 1];
    expect(done).toMatchObject({ status: 'SUCCEEDED', linesDone: lines + 1, linesTotal: lines + 1, figuresTotal: lines * 3, figuresDone: lines * 3, imported: lines, skipped: 0, problemCount: 0, problems: [], error: null });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    // clicks: 0..9 three thousand times; impressions 100 and spend 1.50 a day
    expect(await sums(id)).toEqual({ IMPRESSIONS: '3000000.00', CLICKS: '135000.00', SPEND: '45000.00' });

    const list = expectOk(await t.gql(LIST, { first: 1 }, ownerA)).kpiImports;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first.id]);
  }, 180_000);

  it('a refused file writes nothing and ends REFUSED with its problems by line and column', async () => {
    const id = await launched('Refused in the background');
    const bad = (i: number) =>
      i === 10 ? `${day(10)},100,-3,1.50` : i === 20 ? `2200-01-01,100,1,1.50` : i === 30 ? `${day(29)},100,1,1.50` : null;
    const first = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(50, bad), campaignId: id, background: true }), 'importKpiFile');
    expect(first.status).toBe('RUNNING');
    const done = (await pollUntilDone(first.id)).pop();
    expect(done).toMatchObject({ status: 'REFUSED', imported: 0, skipped: 50, problemCount: 5, linesDone: 51, figuresTotal: 0, figuresDone: 0 });
    expect(done.problems.map((p: { line: number; column: string }) => `${p.line} ${p.column}`)).toEqual([
      '12 Clicks', // negative
      '22 Day', // outside the campaign
      '32 Impressions', // the same day as line 31, every figure of it
      '32 Clicks',
      '32 Cost',
    ]);
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });
    // read back later, the problems are still there, in the reader's language
    expect((await getImport(first.id)).problems[0].message).toMatch(/Clicks/);
  });

  it('with skipInvalidRows the valid lines are imported and the others reported', async () => {
    const id = await launched('Skipping in the background');
    const bad = (i: number) => (i === 3 ? `${day(3)},lots,1,1.50` : null);
    const first = dataOf(
      await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(10, bad), campaignId: id, background: true, skipInvalidRows: true }, managerA),
      'importKpiFile',
    );
    const done = (await pollUntilDone(first.id)).pop();
    expect(done).toMatchObject({ status: 'SUCCEEDED', imported: 9, skipped: 1, figuresTotal: 27, figuresDone: 27, problemCount: 1, problems: [{ line: 5, column: 'Impressions' }] });
    expect(await sums(id)).toEqual({ IMPRESSIONS: '900.00', CLICKS: '42.00', SPEND: '13.50' });
  });

  it('a file within the limit is finished within the request', async () => {
    const id = await launched('In the request');
    const done = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(3), campaignId: id }), 'importKpiFile');
    expect(done).toMatchObject({ status: 'SUCCEEDED', imported: 3, linesDone: 4, linesTotal: 4 });
    expect(done.finishedAt).toEqual(expect.any(String));
  });
});

describe('more background imports than the server runs at once', () => {
  it('the ones beyond wait QUEUED and start when one ends', async () => {
    const single = await startTestApp({ env: { BACKGROUND_JOBS: '1' } });
    try {
      const ids = [await launched('One at a time 1'), await launched('One at a time 2')];
      const started = [];
      for (const campaignId of ids) {
        const res = await single.gql(IMPORT, { input: { source: 'GOOGLE_ADS_CSV', content: googleReport(3_000), campaignId, background: true } }, ownerA);
        started.push(dataOf(res, 'importKpiFile'));
      }
      expect(started.map((s) => s.status)).toEqual(['RUNNING', 'QUEUED']);
      expect(started[1].startedAt).toBeNull();
      const done = [];
      for (const s of started) done.push((await pollUntilDone(s.id)).pop());
      expect(done.map((d) => [d.status, d.imported])).toEqual([
        ['SUCCEEDED', 3_000],
        ['SUCCEEDED', 3_000],
      ]);
      expect(Date.parse(done[1].startedAt)).toBeGreaterThanOrEqual(Date.parse(done[0].finishedAt));
      for (const id of ids) expect((await sums(id)).CLICKS).toBe('13500.00');
    } finally {
      await single.close();
    }
  }, 120_000);
});

describe('access', () => {
  it("another agency does not see the agency's imports", async () => {
    const id = await launched('Private import');
    const done = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(2), campaignId: id }), 'importKpiFile');
    expect(expectOk(await t.gql(GET, { id: done.id }, ownerB)).kpiImport).toBeNull();
    const theirs = expectOk(await t.gql(LIST, { first: 100 }, ownerB)).kpiImports;
    expect(theirs.totalCount).toBe(0);
    expect(theirs.edges).toEqual([]);
    // and cannot import into its campaign: the forced campaign is not found
    expectCode(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(2), campaignId: id, background: true }, ownerB), 'NOT_FOUND');
    expect(expectOk(await t.gql(LIST, { first: 100 }, ownerB)).kpiImports.totalCount).toBe(0);
  });

  it('portal users can neither read nor start imports', async () => {
    const id = await launched('Portal import');
    const done = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(2), campaignId: id }), 'importKpiFile');
    expectCode(await t.gql(GET, { id: done.id }, portalA), 'FORBIDDEN');
    expectCode(await t.gql(LIST, { first: 10 }, portalA), 'FORBIDDEN');
    const before = expectOk(await t.gql(LIST, { first: 100 }, ownerA)).kpiImports.totalCount;
    expectCode(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(2), campaignId: id, background: true }, portalA), 'FORBIDDEN');
    expect(expectOk(await t.gql(LIST, { first: 100 }, ownerA)).kpiImports.totalCount).toBe(before);
  });
});

describe('a crash', () => {
  it('ends FAILED with INTERNAL_SERVER_ERROR, writes nothing, and tells no internals', async () => {
    const id = await launched('Crashing import');
    const ctx = contextFor(t.ds, { userId: ownerIdA, agencyId: agencyA, role: UserRole.OWNER, clientId: null });
    // the database refuses to open the import's transaction
    const broken = Object.assign(Object.create(t.ds), { transaction: () => Promise.reject(new Error('connection reset: secret internals')) });
    const crashing = { ...ctx, app: { ...ctx.app, dataSource: broken } };
    const row = await importKpiFile(crashing, { source: KpiImportSource.GOOGLE_ADS_CSV, content: googleReport(5), campaignId: id });
    expect(row.status).toBe('FAILED');

    const read = await getImport(row.id);
    expect(read).toMatchObject({ status: 'FAILED', imported: 0, skipped: 0, problems: [], error: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(read.error.message).not.toMatch(/secret|connection/);
    expect(read.finishedAt).toEqual(expect.any(String));
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });
  });
});

describe('startup', () => {
  it('imports a stopped process left RUNNING become FAILED with IMPORT_INTERRUPTED; finished ones stay as they were', async () => {
    const finished = expectOk(await t.gql(LIST, { first: 100 }, ownerA)).kpiImports.edges.map((e: { node: { id: string; status: string } }) => e.node);
    expect(finished.length).toBeGreaterThan(3);
    const repo = t.ds.getRepository(KpiImport);
    const left = await repo.save(
      repo.create({
        agencyId: agencyA,
        createdById: ownerIdA,
        source: 'GOOGLE_ADS_CSV',
        options: {},
        status: KpiImportStatus.RUNNING,
        linesTotal: 30_001,
        linesDone: 10_000,
        startedAt: new Date(),
      }),
    );

    expect(await failInterruptedImports(t.ds)).toBe(1);

    const after = await getImport(left.id);
    expect(after).toMatchObject({ status: 'FAILED', linesDone: 10_000, imported: 0, error: { code: 'IMPORT_INTERRUPTED' } });
    expect(after.error.message).toMatch(/импорт/i); // the agency's language (ru)
    expect(after.finishedAt).toEqual(expect.any(String));
    for (const f of finished) expect((await getImport(f.id)).status).toBe(f.status);
    expect(await failInterruptedImports(t.ds)).toBe(0);
  });
});
