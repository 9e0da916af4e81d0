/**
 * Reports by audience as clients see them: each kind's figures against hand-computed fixtures
 * (two small campaigns in October 2026 and September's tail, the agency's invoices), the live
 * dashboards for staff and for the client's portal, generating through the job queue, the hourly
 * schedule making each period once, review (plan, re-render) and publishing (notice email,
 * portal visibility), versions kept, the signed PDF link, and the other client / agency matrix.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { runDueReports } from '../../src/jobs/report.job';
import { lastFullPeriod } from '../../src/services/report.rules';
import { localDate } from '../../src/services/time';
import { ReportFrequency } from '../../src/entities/enums';
import { startTestApp, type TestApp } from '../support/app';
import { dataOf, expectOk } from '../support/expect';
import { createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { createInvoice, invoiceLine, issuedInvoice } from '../support/invoice.factories';
import { eventually } from '../support/jobs';
import { pdfText, squash } from '../support/pdf';
import { createSentProposal } from '../support/proposal.factories';

let t: TestApp;
let ownerA: string;
let managerA: string;
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string; name: string };
let A2: { id: string };
let c1: string;
let c2: string;
let proposalId: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const LOG = /* GraphQL */ `mutation ($input: LogOptimizationInput!) { logOptimization(input: $input) { id } }`;
const OPEN_DEVIATIONS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { deviations(open: true) { id } } }`;
const PROPOSAL_MIX = /* GraphQL */ `query ($id: ID!) { proposal(id: $id) { realizedToolMix { category plannedPercent } } }`;

const DATA = /* GraphQL */ `
  kind clientId clientName currency from to previousFrom previousTo
  figures { key value previousValue changePercent }
  series { key plan points { start end value } }
  campaigns { campaignName channelName category kpis { metric customName plan actual deviationPercent } }
  deviations { campaignName metric periodStart periodEnd plan actual deviationPercent severity }
  optimizations { campaignName performedOn category description }
  channels { channelName category spend conversions cpa revenue profit romi }
  mix { category actualSpend actualPercent plannedPercent differencePoints }
  months { start end revenue mediaSpend agencyInvoices totalSpent roi }
  experiments { campaignName channelName spend conversions revenue romi outcome }`;
const REPORT_DATA = /* GraphQL */ `query ($input: ReportDataInput!) { reportData(input: $input) { ${DATA} } }`;
const REPORT = `id clientId kind periodStart periodEnd version status developmentPlan pdfPageCount publishedAt pdfUrl`;
const GENERATE = /* GraphQL */ `mutation ($input: GenerateReportInput!) { generateReport(input: $input) { id kind state } }`;
const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id state progress result error { code message } } }`;
const GET = /* GraphQL */ `query ($id: ID!) { report(id: $id) { ${REPORT} data { figures { key value } } } }`;
const LIST = /* GraphQL */ `query ($clientId: ID!, $kind: ReportKind) { reports(clientId: $clientId, kind: $kind, first: 50) { totalCount edges { node { id kind version status periodStart } } } }`;
const PLAN = /* GraphQL */ `mutation ($input: UpdateReportPlanInput!) { updateReportPlan(input: $input) {
  __typename ... on Report { ${REPORT} } ... on ReportAlreadyPublishedError { code message version } } }`;
const PUBLISH = /* GraphQL */ `mutation ($id: ID!) { publishReport(id: $id) {
  __typename ... on Report { ${REPORT} } ... on ReportAlreadyPublishedError { code message version } } }`;
const SCHEDULE = /* GraphQL */ `mutation ($input: SaveReportScheduleInput!) { saveReportSchedule(input: $input) { id clientId kind frequency recipients active } }`;
const SCHEDULES = /* GraphQL */ `query ($clientId: ID!) { reportSchedules(clientId: $clientId) { id kind frequency recipients } }`;
const OUTBOX = /* GraphQL */ `query { outbox(first: 100) { edges { node { to subject text } } } }`;

const OCT = { from: '2026-10-01', to: '2026-10-31' };
const days = (month: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
const each = (dates: string[], metric: string, value: string) => dates.map((date) => ({ metric, date, value }));

async function channelId(name: string): Promise<string> {
  const channels: { id: string; name: string }[] = expectOk(await t.gql(CHANNELS, {}, ownerA)).campaignChannels;
  return channels.find((c) => c.name === name)!.id;
}

async function launched(name: string, channel: string, startDate: string, endDate: string, targets: unknown[]): Promise<string> {
  const input = { clientId: A1.id, channelId: await channelId(channel), proposalId, name, budget: '50000.00', currency: 'RUB', startDate, endDate };
  const { id } = dataOf(await t.gql(CREATE, { input }, ownerA), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets } }, ownerA), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, ownerA), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, ownerA), 'launchCampaign', 'Campaign');
  return id;
}

const reportData = async (kind: string, token = ownerA, clientId = A1.id, range = OCT) => t.gql(REPORT_DATA, { input: { clientId, kind, ...range } }, token);
const figures = (data: any) => Object.fromEntries(data.figures.map((f: any) => [f.key, [f.value, f.previousValue, f.changePercent]]));

async function generated(kind: string, range = OCT, token = ownerA): Promise<any> {
  const job = dataOf(await t.gql(GENERATE, { input: { clientId: A1.id, kind, ...range } }, token), 'generateReport');
  expect(job).toMatchObject({ kind: 'report.generate' });
  const done = await eventually(
    async () => expectOk(await t.gql(JOB, { id: job.id }, token)).job,
    (j) => j.state === 'SUCCEEDED' || j.state === 'FAILED',
    30_000,
    'the report job',
  );
  expect(done).toMatchObject({ state: 'SUCCEEDED', progress: 100 });
  return expectOk(await t.gql(GET, { id: done.result.reportId }, token)).report;
}

async function download(url: string): Promise<request.Response> {
  return request(t.app).get(url).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_POLL_INTERVAL_MS: '500' } });
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  const manager = await createUser(t, ownerA, 'MANAGER');
  managerA = manager.token;
  A1 = await createClient(t, ownerA, { ownerId: manager.id });
  A2 = await createClient(t, ownerA, { ownerId: manager.id });
  portalA1 = (await createUser(t, ownerA, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, ownerA, 'CLIENT', A2.id)).token;
  ownerB = (await registerAgency(t)).ownerToken;
  proposalId = (await createSentProposal(t, ownerA, A1.id)).id;

  // c1, proven: Sept–Oct; 310 conversions planned a month, CPA 500. Oct 1–10: 1000 spent, 2 conversions, 3000 revenue a day;
  // Sept 21–30 (the previous period is 31 Aug – 30 Sep): 500 spent, 1 conversion, 1000 revenue a day
  c1 = await launched('Поиск: бренд', 'Яндекс Директ', '2026-09-01', '2026-10-31', [
    { metric: 'CONVERSIONS', plan: '310', period: 'MONTH' },
    { metric: 'CPA', plan: '500', period: 'CAMPAIGN' },
  ]);
  await t.gql(RECORD, { input: { campaignId: c1, measurements: [...each(days('10', 1, 10), 'SPEND', '1000'), ...each(days('10', 1, 10), 'CONVERSIONS', '2'), ...each(days('10', 1, 10), 'REVENUE', '3000')] } }, ownerA);
  await t.gql(RECORD, { input: { campaignId: c1, measurements: [...each(days('09', 21, 30), 'SPEND', '500'), ...each(days('09', 21, 30), 'CONVERSIONS', '1'), ...each(days('09', 21, 30), 'REVENUE', '1000')] } }, ownerA);
  // c2, an experiment (TikTok Ads): Oct 1–5, 400 spent, 1 conversion, 200 revenue a day: it does not pay off
  c2 = await launched('Тест TikTok', 'TikTok Ads', '2026-10-01', '2026-10-31', [{ metric: 'CLICKS', plan: '100', period: 'MONTH' }]);
  await t.gql(RECORD, { input: { campaignId: c2, measurements: [...each(days('10', 1, 5), 'SPEND', '400'), ...each(days('10', 1, 5), 'CONVERSIONS', '1'), ...each(days('10', 1, 5), 'REVENUE', '200')] } }, ownerA);
  dataOf(await t.gql(LOG, { input: { campaignId: c1, category: 'BIDS', description: 'Ставки снижены: CPA выше плана', performedOn: '2026-10-05' } }, ownerA), 'logOptimization');

  // the agency's invoices without VAT: 1000 issued in October, 500 in September; a draft and a cancelled one do not count
  await issuedInvoice(t, ownerA, A1.id, { lines: [invoiceLine('Ведение кампаний, октябрь', '1000.00', { vatRate: null })], dueDate: '2026-10-20' }, '2026-10-05');
  await issuedInvoice(t, ownerA, A1.id, { lines: [invoiceLine('Ведение кампаний, сентябрь', '500.00', { vatRate: null })], dueDate: '2026-09-30' }, '2026-09-15');
  await createInvoice(t, ownerA, A1.id, { lines: [invoiceLine('Черновик', '9999.00', { vatRate: null })], dueDate: '2026-10-20' });
});
afterAll(() => t?.close());

describe('reportData (dashboards)', () => {
  it('MARKETING: KPIs against plan, conversions per day against the plan, the optimization log, open deviations', async () => {
    const d = expectOk(await reportData('MARKETING')).reportData;
    expect(d).toMatchObject({ kind: 'MARKETING', clientId: A1.id, currency: 'RUB', from: '2026-10-01', to: '2026-10-31', previousFrom: '2026-08-31', previousTo: '2026-09-30' });
    expect(figures(d)).toEqual({
      IMPRESSIONS: ['0', '0', null],
      CLICKS: ['0', '0', null],
      CONVERSIONS: ['25', '10', '150.00'],
      MEDIA_SPEND: ['12000.00', '5000.00', '140.00'],
      CPA: ['480.00', '500.00', '-4.00'],
      REVENUE: ['31000.00', '10000.00', '210.00'],
      ROMI: ['158.33', '100.00', '58.33'],
      EXPERIMENTAL_SHARE: ['16.67', null, null],
    });
    const byName = Object.fromEntries(d.campaigns.map((c: any) => [c.campaignName, c]));
    expect(byName['Поиск: бренд']).toMatchObject({ channelName: 'Яндекс Директ', category: 'PROVEN' });
    expect(byName['Поиск: бренд'].kpis).toEqual([
      { metric: 'CONVERSIONS', customName: null, plan: '310.00', actual: '20.00', deviationPercent: '-93.55' },
      { metric: 'CPA', customName: null, plan: '500.00', actual: '500.00', deviationPercent: '0.00' },
    ]);
    expect(byName['Тест TikTok'].kpis).toEqual([{ metric: 'CLICKS', customName: null, plan: '100.00', actual: '0.00', deviationPercent: '-100.00' }]);
    const [plan, actual] = d.series;
    expect(plan).toMatchObject({ key: 'CONVERSIONS_PLAN', plan: true });
    expect(actual).toMatchObject({ key: 'CONVERSIONS', plan: false });
    expect(actual.points).toHaveLength(31);
    expect(actual.points.slice(0, 6).map((p: any) => p.value)).toEqual(['3', '3', '3', '3', '3', '2']);
    expect(actual.points[10]).toEqual({ start: '2026-10-11', end: '2026-10-11', value: '0' });
    expect(plan.points.every((p: any) => p.value === '10.00')).toBe(true);
    expect(d.optimizations).toEqual([{ campaignName: 'Поиск: бренд', performedOn: '2026-10-05', category: 'BIDS', description: 'Ставки снижены: CPA выше плана' }]);
    const open = await Promise.all([c1, c2].map(async (id) => expectOk(await t.gql(OPEN_DEVIATIONS, { id }, ownerA)).campaign.deviations.length));
    expect(d.deviations).toHaveLength(open[0] + open[1]);
    expect(d.channels).toEqual([]);
    expect(d.months).toEqual([]);
  });

  it('BUDGET: channels ranked by profit, with CPA and ROMI, and the 70/20/10 shares against the proposal', async () => {
    const d = expectOk(await reportData('BUDGET')).reportData;
    expect(figures(d)).toEqual({
      MEDIA_SPEND: ['12000.00', '5000.00', '140.00'],
      CONVERSIONS: ['25', '10', '150.00'],
      CPA: ['480.00', '500.00', '-4.00'],
      REVENUE: ['31000.00', '10000.00', '210.00'],
      PROFIT: ['19000.00', '5000.00', '280.00'],
      ROMI: ['158.33', '100.00', '58.33'],
      EXPERIMENTAL_SHARE: ['16.67', null, null],
    });
    expect(d.channels).toEqual([
      { channelName: 'Яндекс Директ', category: 'PROVEN', spend: '10000.00', conversions: '20', cpa: '500.00', revenue: '30000.00', profit: '20000.00', romi: '200.00' },
      { channelName: 'TikTok Ads', category: 'EXPERIMENTAL', spend: '2000.00', conversions: '5', cpa: '400.00', revenue: '1000.00', profit: '-1000.00', romi: '-50.00' },
    ]);
    const planned = Object.fromEntries(expectOk(await t.gql(PROPOSAL_MIX, { id: proposalId }, ownerA)).proposal.realizedToolMix.map((m: any) => [m.category, m.plannedPercent]));
    expect(d.mix.map((m: any) => [m.category, m.actualSpend, m.actualPercent, m.plannedPercent])).toEqual([
      ['PROVEN', '10000.00', '83.33', planned.PROVEN],
      ['UNCERTAIN', '0.00', '0.00', planned.UNCERTAIN],
      ['EXPERIMENTAL', '2000.00', '16.67', planned.EXPERIMENTAL],
    ]);
    expect(planned.PROVEN).not.toBeNull();
    expect(d.experiments).toEqual([
      { campaignName: 'Тест TikTok', channelName: 'TikTok Ads', spend: '2000.00', conversions: '5', revenue: '1000.00', romi: '-50.00', outcome: 'NOT_PAID_OFF' },
    ]);
  });

  it("OWNER: revenue against media spend plus the agency's invoices, and ROI month by month over a year", async () => {
    const d = expectOk(await reportData('OWNER')).reportData;
    expect(figures(d)).toEqual({
      REVENUE: ['31000.00', '10000.00', '210.00'],
      MEDIA_SPEND: ['12000.00', '5000.00', '140.00'],
      AGENCY_INVOICES: ['1000.00', '500.00', '100.00'],
      TOTAL_SPENT: ['13000.00', '5500.00', '136.36'],
      PROFIT: ['18000.00', '4500.00', '300.00'],
      ROI: ['138.46', '81.82', '69.23'],
      EXPERIMENTAL_SHARE: ['16.67', null, null],
    });
    expect(d.months).toHaveLength(12);
    expect(d.months[0]).toEqual({ start: '2025-11-01', end: '2025-11-30', revenue: '0.00', mediaSpend: '0.00', agencyInvoices: '0.00', totalSpent: '0.00', roi: null });
    expect(d.months.slice(-2)).toEqual([
      { start: '2026-09-01', end: '2026-09-30', revenue: '10000.00', mediaSpend: '5000.00', agencyInvoices: '500.00', totalSpent: '5500.00', roi: '81.82' },
      { start: '2026-10-01', end: '2026-10-31', revenue: '31000.00', mediaSpend: '12000.00', agencyInvoices: '1000.00', totalSpent: '13000.00', roi: '138.46' },
    ]);
    expect(d.series.map((s: any) => [s.key, s.points.length])).toEqual([['REVENUE', 12], ['TOTAL_SPENT', 12], ['ROI', 12]]);
  });

  it("the client's portal user reads its own client's dashboards, the same figures; another client and another agency get NOT_FOUND", async () => {
    for (const kind of ['MARKETING', 'BUDGET', 'OWNER']) {
      const staff = expectOk(await reportData(kind)).reportData;
      expect(expectOk(await reportData(kind, portalA1)).reportData).toEqual(staff);
    }
    for (const [token, clientId] of [[portalA2, A1.id], [portalA1, A2.id], [ownerB, A1.id]]) {
      const res = await reportData('MARKETING', token, clientId);
      expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.body.data).toBeNull();
    }
  });

  it('refuses a period ending before it starts or longer than 366 days (BAD_USER_INPUT)', async () => {
    for (const range of [{ from: '2026-10-31', to: '2026-10-01' }, { from: '2025-01-01', to: '2026-01-02' }]) {
      const res = await reportData('OWNER', ownerA, A1.id, range);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('generated reports: review, publish, portal, versions', () => {
  let draft: any;

  it('generateReport makes a DRAFT through the job queue with the data snapshot and a PDF', async () => {
    draft = await generated('OWNER');
    expect(draft).toMatchObject({ clientId: A1.id, kind: 'OWNER', periodStart: '2026-10-01', periodEnd: '2026-10-31', version: 1, status: 'DRAFT', developmentPlan: '', publishedAt: null });
    expect(draft.pdfPageCount).toBeGreaterThanOrEqual(1);
    expect(draft.data.figures.find((f: any) => f.key === 'ROI').value).toBe('138.46');
    const pdf = await download(draft.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squash(pdfText(pdf.body));
    expect(text).toContain('Отчёт для собственника');
    expect(text).toContain('138,46%');
  });

  it('the portal does not see a draft: not in the list, not by id, not as a PDF', async () => {
    expect(expectOk(await t.gql(LIST, { clientId: A1.id }, portalA1)).reports.totalCount).toBe(0);
    expect(expectOk(await t.gql(GET, { id: draft.id }, portalA1)).report).toBeNull();
    const portalToken = portalA1;
    const res = await request(t.app).get(`/reports/${draft.id}.pdf`).set('authorization', `Bearer ${portalToken}`);
    expect(res.status).toBe(404);
  });

  it('updateReportPlan changes the plan of a draft and renders the PDF again', async () => {
    const r = dataOf(await t.gql(PLAN, { input: { id: draft.id, developmentPlan: '  Расширить семантику в декабре.  ' } }, managerA), 'updateReportPlan', 'Report');
    expect(r).toMatchObject({ id: draft.id, version: 1, status: 'DRAFT', developmentPlan: 'Расширить семантику в декабре.' });
    const text = squash(pdfText((await download(r.pdfUrl)).body));
    expect(text).toContain('Расширить семантику в декабре.');
    expect(pdfText((await download(r.pdfUrl)).body, { raw: true }).replace(/\s+/g, '')).toContain('ЧЕРНОВИК');
  });

  it('publishReport publishes it to the portal; the portal user downloads the PDF by its signed link', async () => {
    const r = dataOf(await t.gql(PUBLISH, { id: draft.id }, managerA), 'publishReport', 'Report');
    expect(r.status).toBe('PUBLISHED');
    expect(r.publishedAt).toEqual(expect.any(String));
    const list = expectOk(await t.gql(LIST, { clientId: A1.id }, portalA1)).reports;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([draft.id]);
    const seen = expectOk(await t.gql(GET, { id: draft.id }, portalA1)).report;
    expect(seen.developmentPlan).toBe('Расширить семантику в декабре.');
    const pdf = await download(seen.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(squash(pdfText(pdf.body))).toContain('Расширить семантику в декабре.');
    // the published PDF is the final one: no draft mark
    expect(pdfText(pdf.body, { raw: true }).replace(/\s+/g, '')).not.toContain('ЧЕРНОВИК');
    // another client's portal user and another agency see nothing of it
    expect(expectOk(await t.gql(GET, { id: draft.id }, portalA2)).report).toBeNull();
    expect(expectOk(await t.gql(GET, { id: draft.id }, ownerB)).report).toBeNull();
    expect((await t.gql(LIST, { clientId: A1.id }, portalA2)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(LIST, { clientId: A1.id }, ownerB)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const stolen = await download(seen.pdfUrl.replace(draft.id, MISSING_ID));
    expect(stolen.status).toBe(401);
  });

  it('a published report never changes: a new plan or a second publish is REPORT_ALREADY_PUBLISHED and nothing changes', async () => {
    const r = dataOf(await t.gql(PLAN, { input: { id: draft.id, developmentPlan: 'другое' } }, ownerA), 'updateReportPlan', 'ReportAlreadyPublishedError');
    expect(r).toMatchObject({ code: 'REPORT_ALREADY_PUBLISHED', version: 1 });
    dataOf(await t.gql(PUBLISH, { id: draft.id }, ownerA), 'publishReport', 'ReportAlreadyPublishedError');
    expect(expectOk(await t.gql(GET, { id: draft.id }, ownerA)).report.developmentPlan).toBe('Расширить семантику в декабре.');
  });

  it('making the same period again is a new version (history kept), carrying the plan over as a draft', async () => {
    const v2 = await generated('OWNER');
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', developmentPlan: 'Расширить семантику в декабре.' });
    const staff = expectOk(await t.gql(LIST, { clientId: A1.id, kind: 'OWNER' }, ownerA)).reports;
    expect(staff.edges.map((e: any) => [e.node.version, e.node.status])).toEqual([[2, 'DRAFT'], [1, 'PUBLISHED']]);
    expect(expectOk(await t.gql(LIST, { clientId: A1.id }, portalA1)).reports.totalCount).toBe(1);
  });

  it("another agency can neither change nor publish the agency's report, nor generate one for its client (NOT_FOUND); nothing changes", async () => {
    const v2 = expectOk(await t.gql(LIST, { clientId: A1.id, kind: 'OWNER' }, ownerA)).reports.edges[0].node;
    expect((await t.gql(PLAN, { input: { id: v2.id, developmentPlan: 'чужой план' } }, ownerB)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PUBLISH, { id: v2.id }, ownerB)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(GENERATE, { input: { clientId: A1.id, kind: 'OWNER', ...OCT } }, ownerB)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const after = expectOk(await t.gql(GET, { id: v2.id }, ownerA)).report;
    expect(after).toMatchObject({ status: 'DRAFT', developmentPlan: 'Расширить семантику в декабре.' });
    expect(expectOk(await t.gql(LIST, { clientId: A1.id, kind: 'OWNER' }, ownerA)).reports.totalCount).toBe(2);
  });

  it("publishing sends REPORT_PUBLISHED to the agency's webhooks", async () => {
    const hits: { type: string; data: any }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const CREATE_WEBHOOK = /* GraphQL */ `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;
      expectOk(await t.gql(CREATE_WEBHOOK, { input: { url, events: ['REPORT_PUBLISHED'] } }, ownerA));
      const budget = await generated('BUDGET');
      dataOf(await t.gql(PUBLISH, { id: budget.id }, managerA), 'publishReport', 'Report');
      await eventually(async () => hits.length, (n) => n >= 1, 15_000, 'the REPORT_PUBLISHED delivery');
      expect(hits).toEqual([
        expect.objectContaining({ type: 'REPORT_PUBLISHED', data: expect.objectContaining({ reportId: budget.id, clientId: A1.id, audience: 'BUDGET', periodStart: '2026-10-01', periodEnd: '2026-10-31' }) }),
      ]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('staff only generate, review and publish: a portal user is refused', async () => {
    for (const [q, v] of [[GENERATE, { input: { clientId: A1.id, kind: 'OWNER', ...OCT } }], [PUBLISH, { id: draft.id }]] as const) {
      expect((await t.gql(q, v, portalA1)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('schedules', () => {
  it('makes the last full month once per schedule, however often the hourly run comes; publishing emails the recipients', async () => {
    // the run is for every agency of the database: schedules that earlier files of this jest worker
    // left (the demo agency's, say) are paused, so that the counts below are this schedule's alone
    await t.ds.query(`UPDATE report_schedules SET active = false WHERE "clientId" <> $1`, [A1.id]);
    const s = dataOf(
      await t.gql(SCHEDULE, { input: { clientId: A1.id, kind: 'MARKETING', frequency: 'MONTHLY', recipients: ['Marketing@Client.example'] } }, ownerA),
      'saveReportSchedule',
    );
    expect(s).toMatchObject({ kind: 'MARKETING', frequency: 'MONTHLY', recipients: ['marketing@client.example'], active: true });
    expect(expectOk(await t.gql(SCHEDULES, { clientId: A1.id }, ownerA)).reportSchedules).toHaveLength(1);
    expect((await t.gql(SCHEDULES, { clientId: A1.id }, ownerB)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // the agency's own today (on a month's last evening in UTC, Moscow is already in the next month)
    const { timeZone } = expectOk(await t.gql('{ agency { timeZone } }', {}, ownerA)).agency;
    const period = lastFullPeriod(ReportFrequency.MONTHLY, localDate(new Date(), timeZone));
    expect(await runDueReports(t.services)).toEqual({ enqueued: 1 });
    const list = await eventually(
      async () => expectOk(await t.gql(LIST, { clientId: A1.id, kind: 'MARKETING' }, ownerA)).reports,
      (l) => l.totalCount === 1,
      30_000,
      'the scheduled report',
    );
    expect(list.edges[0].node).toMatchObject({ version: 1, status: 'DRAFT', periodStart: period.from });
    // the next hourly runs find the period made
    expect(await runDueReports(t.services)).toEqual({ enqueued: 0 });
    expect(await runDueReports(t.services)).toEqual({ enqueued: 0 });
    expect(expectOk(await t.gql(LIST, { clientId: A1.id, kind: 'MARKETING' }, ownerA)).reports.totalCount).toBe(1);

    dataOf(await t.gql(PUBLISH, { id: list.edges[0].node.id }, ownerA), 'publishReport', 'Report');
    const outbox = expectOk(await t.gql(OUTBOX, {}, ownerA)).outbox.edges.map((e: any) => e.node);
    const notice = outbox.filter((e: any) => e.to === 'marketing@client.example');
    expect(notice).toHaveLength(1);
    expect(notice[0].subject).toContain('Отчёт для маркетолога');
    expect(notice[0].text).toContain(`/portal/reports/${list.edges[0].node.id}`);
  });

  it('refuses recipients that are not email addresses (BAD_USER_INPUT) and another agency\'s client (NOT_FOUND)', async () => {
    const bad = await t.gql(SCHEDULE, { input: { clientId: A1.id, kind: 'OWNER', frequency: 'WEEKLY', recipients: ['not-an-email'] } }, ownerA);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const other = await t.gql(SCHEDULE, { input: { clientId: A1.id, kind: 'OWNER', frequency: 'WEEKLY', recipients: [] } }, ownerB);
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(expectOk(await t.gql(SCHEDULES, { clientId: A1.id }, ownerA)).reportSchedules).toHaveLength(1);
  });
});
