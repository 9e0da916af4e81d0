/**
 * Imports as jobs on the queue, as an API client sees them: a background import answers QUEUED
 * with its job; an API process without workers leaves it QUEUED and another process with workers
 * runs it (cross-process); a large file shows its progress until it SUCCEEDS with the sums right;
 * a refused import writes nothing; skipInvalidRows in the background; another agency and portal
 * users cannot read or start imports; a crashed run is retried from the kept file, the last one
 * ends FAILED, and an import that has ended is never run again.
 */
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';
import { KpiImport, KpiImportStatus } from '../../src/entities';
import { failAbandonedImports, importKpiFile, runImportJob } from '../../src/services/kpi-import.service';
import { Job, JobState } from '../../src/entities/job.entity';
import { randomUUID } from 'node:crypto';
import { UserRole } from '../../src/entities/enums';
import { KpiImportSource } from '../../src/schema/kpi-import/kpi-import.enums';
import { contextFor } from '../support/context';
import { eventually } from '../support/jobs';

/** the API process: enqueues, works no job (WORKERS=0) */
let t: TestApp;
/** a second process on the same database, with workers: started by the first test */
let worker: TestApp | null = null;
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
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const KPIS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { id kpis(asOf: "2099-12-31") { metric actual } } }`;
const IMPORT_FIELDS = `id source status job { id kind state attempts progress result error { code } } linesTotal linesDone figuresTotal figuresDone imported skipped problemCount problems { line column message } error { code message } startedAt finishedAt createdAt`;
const IMPORT = /* GraphQL */ `mutation ($input: ImportKpiFileInput!) { importKpiFile(input: $input) { ${IMPORT_FIELDS} } }`;
const GET = /* GraphQL */ `query ($id: ID!) { kpiImport(id: $id) { ${IMPORT_FIELDS} } }`;
const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id kind state attempts progress result error { code } } }`;
const LIST = /* GraphQL */ `query ($first: Int, $after: String) { kpiImports(first: $first, after: $after) { totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

const METRICS = ['IMPRESSIONS', 'CLICKS', 'SPEND'];
const START = '1990-01-01';

beforeAll(async () => {
  t = await startTestApp({ env: { WORKERS: '0' } });
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
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

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

describe('a background import is a job of the queue', () => {
  it('an API process without workers leaves it QUEUED; another process with workers runs it to SUCCEEDED', async () => {
    const id = await launched('Across processes');
    const first = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content: googleReport(40), campaignId: id, background: true }), 'importKpiFile');
    expect(first).toMatchObject({ status: 'QUEUED', linesDone: 0, startedAt: null, finishedAt: null, job: { kind: 'kpi.import', state: 'QUEUED', attempts: 0 } });
    // the file waits on the import for whichever worker takes the job
    expect((await t.ds.query(`SELECT content FROM kpi_imports WHERE id = $1`, [first.id]))[0].content).toBe(googleReport(40));

    // nobody works here: after several polling intervals it is still waiting, nothing written
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await getImport(first.id)).toMatchObject({ status: 'QUEUED', job: { state: 'QUEUED' } });
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });

    worker = await startTestApp();
    const done = (await pollUntilDone(first.id, 30_000)).pop();
    expect(done).toMatchObject({ status: 'SUCCEEDED', imported: 40, linesDone: 41 });
    const job = await eventually(
      async () => expectOk(await t.gql(JOB, { id: first.job.id }, ownerA)).job,
      (j) => j.state === 'SUCCEEDED',
      15_000,
      'the job to succeed',
    );
    expect(job).toMatchObject({ id: first.job.id, kind: 'kpi.import', state: 'SUCCEEDED', attempts: 1, progress: 100, result: { status: 'SUCCEEDED', imported: 40, skipped: 0 }, error: null });
    expect(await sums(id)).toEqual({ IMPRESSIONS: '4000.00', CLICKS: '180.00', SPEND: '60.00' });
    // the file is not kept once the import has ended
    expect((await t.ds.query(`SELECT content FROM kpi_imports WHERE id = $1`, [first.id]))[0].content).toBeNull();
    // another agency cannot read the job either
    expect(expectOk(await t.gql(JOB, { id: first.job.id }, ownerB)).job).toBeNull();
  }, 60_000);
});

describe('a large file runs in the background', () => {
  it('answers QUEUED at once, shows its progress, and ends SUCCEEDED with the sums right', async () => {
    const id = await launched('Thirty thousand days');
    const lines = 30_000;
    const content = googleReport(lines);
    const first = dataOf(await importFile({ source: 'GOOGLE_ADS_CSV', content, campaignId: id }), 'importKpiFile');
    expect(first).toMatchObject({ status: 'QUEUED', linesTotal: lines + 1, linesDone: 0, imported: 0, skipped: 0, problems: [], error: null, startedAt: null, finishedAt: null });
    expect(first.job).toMatchObject({ kind: 'kpi.import' });

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
    expect(first.status).toBe('QUEUED');
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
    expect(done).toMatchObject({ status: 'SUCCEEDED', imported: 3, linesDone: 4, linesTotal: 4, job: null });
    expect(done.finishedAt).toEqual(expect.any(String));
  });
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

describe('a retried run', () => {
  /** A background import as a worker finds it: QUEUED with its file (no job is sent, so no worker takes it). */
  async function queuedImport(campaignId: string, lines: number): Promise<string> {
    const repo = t.ds.getRepository(KpiImport);
    const content = googleReport(lines);
    const row = await repo.save(
      repo.create({
        agencyId: agencyA,
        createdById: ownerIdA,
        source: 'GOOGLE_ADS_CSV',
        options: { campaignId, skipInvalidRows: false, moneyInMicros: true, background: true },
        status: KpiImportStatus.QUEUED,
        linesTotal: lines + 1,
        content,
        jobId: null,
      }),
    );
    return row.id;
  }
  const owner = () => contextFor(t.ds, { userId: ownerIdA, agencyId: agencyA, role: UserRole.OWNER, clientId: null });
  const crashing = () => {
    const ctx = owner();
    const broken = Object.assign(Object.create(t.ds), { transaction: () => Promise.reject(new Error('connection reset: secret internals')) });
    return { ...ctx, app: { ...ctx.app, dataSource: broken } };
  };
  const contentOf = async (id: string) => (await t.ds.query(`SELECT content FROM kpi_imports WHERE id = $1`, [id]))[0].content;

  it('a crash before the last attempt puts the import back to QUEUED with its file, and the next attempt imports it', async () => {
    const id = await launched('Retried import');
    const importId = await queuedImport(id, 5);
    await expect(runImportJob(crashing(), importId, false)).rejects.toThrow(/connection reset/);
    expect(await getImport(importId)).toMatchObject({ status: 'QUEUED', imported: 0, error: null, finishedAt: null });
    expect(await contentOf(importId)).toBe(googleReport(5));
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });

    expect(await runImportJob(owner(), importId, false)).toEqual({ status: 'SUCCEEDED', imported: 5, skipped: 0 });
    expect(await getImport(importId)).toMatchObject({ status: 'SUCCEEDED', imported: 5, linesDone: 6 });
    expect(await contentOf(importId)).toBeNull();
    expect(await sums(id)).toEqual({ IMPRESSIONS: '500.00', CLICKS: '10.00', SPEND: '7.50' });
  });

  it('a SUCCEEDED import is not run again: its figures are not written twice and it stays as it ended', async () => {
    const id = await launched('Not twice');
    const importId = await queuedImport(id, 5);
    await runImportJob(owner(), importId, false);
    const ended = await getImport(importId);
    // a figure typed since then must survive a stray rerun of the import
    expectOk(await t.gql(RECORD, { input: { campaignId: id, measurements: [{ metric: 'CLICKS', date: day(1), value: '999' }] } }, ownerA));
    expect(await runImportJob(owner(), importId, false)).toEqual({ status: 'SUCCEEDED', imported: 5, skipped: 0 });
    expect(await getImport(importId)).toEqual(ended);
    expect((await sums(id)).CLICKS).toBe('1008.00');
  });

  it('a crash on the last attempt ends FAILED without internals, writes nothing and drops the file', async () => {
    const id = await launched('Last attempt');
    const importId = await queuedImport(id, 5);
    await expect(runImportJob(crashing(), importId, true)).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    const read = await getImport(importId);
    expect(read).toMatchObject({ status: 'FAILED', imported: 0, error: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(read.error.message).not.toMatch(/secret|connection/);
    expect(await contentOf(importId)).toBeNull();
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });
    // and a retry the queue might still deliver leaves it so
    expect((await runImportJob(owner(), importId, false)).status).toBe('FAILED');
    expect(await sums(id)).toEqual({ IMPRESSIONS: '0.00', CLICKS: '0.00', SPEND: '0.00' });
  });

  it('an import whose last attempt the queue gave up on ends FAILED with IMPORT_INTERRUPTED, and so does its job', async () => {
    const id = await launched('Abandoned');
    const jobs = t.ds.getRepository(Job);
    /** A RUNNING import on attempt `attempts` of its job, last touched `minutesAgo` ago. */
    const running = async (attempts: number, minutesAgo: number) => {
      const importId = await queuedImport(id, 5);
      const job = await jobs.save(jobs.create({ agencyId: agencyA, bossJobId: randomUUID(), kind: 'kpi.import', state: JobState.RUNNING, attempts, createdById: ownerIdA }));
      await t.ds.query(`UPDATE kpi_imports SET status = 'RUNNING', "jobId" = $2, "startedAt" = now(), "updatedAt" = now() - make_interval(mins => $3) WHERE id = $1`, [importId, job.id, minutesAgo]);
      return { importId, jobId: job.id };
    };
    const abandoned = await running(3, 60);
    const retried = await running(1, 60); // a retry of it is still to come
    const busy = await running(3, 5); // its last attempt may still be running

    expect(await failAbandonedImports(owner())).toBe(1);
    const read = await getImport(abandoned.importId);
    expect(read).toMatchObject({ status: 'FAILED', imported: 0, error: { code: 'IMPORT_INTERRUPTED' }, job: { id: abandoned.jobId, state: 'FAILED', error: { code: 'IMPORT_INTERRUPTED' } } });
    expect(read.error.message).toMatch(/импорт/i); // the agency's language (ru)
    expect(await contentOf(abandoned.importId)).toBeNull();
    for (const other of [retried, busy]) expect((await getImport(other.importId)).status).toBe('RUNNING');
    expect(await failAbandonedImports(owner())).toBe(0);
  });
});
