/**
 * Large imports go by COPY (ScopedRepository.copyUpsert): the same figures, sums and rollup as
 * the unnest path, which the app takes when DB_BULK_COPY is off (as on the embedded database,
 * where COPY cannot pass). Re-importing rewrites only the figures that changed; the agency of the
 * rows is the importer's; a refused file writes nothing; and measurements no longer need a
 * foreign key to go when their campaign goes.
 */
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { dataOf, expectOk } from '../support/expect';
import { registerAgency } from '../support/factories';
import { createClient } from '../support/factories';

let copying: TestApp;
let unnesting: TestApp;
const copyLog = new CountingLogger();
const unnestLog = new CountingLogger();
let owner: string;
let agencyId: string;
let clientId: string;

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const IMPORT = /* GraphQL */ `mutation ($input: ImportKpiFileInput!) { importKpiFile(input: $input) { status imported skipped figuresDone problems { line column } } }`;
const KPIS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { kpis { metric actual } deviations { severity } } }`;

const METRICS = ['IMPRESSIONS', 'CLICKS', 'SPEND', 'CONVERSIONS', 'REVENUE', 'LEADS'];
const DAYS = 366; // 366 days × 6 metrics = 2 196 figures, above COPY_MIN_FIGURES
// the campaign runs now (200 days behind, 165 ahead), so that its periods are open and deviations can open
const START = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 200 * 86_400_000;
const day = (n: number) => new Date(START + n * 86_400_000).toISOString().slice(0, 10);

/** Our CSV for a campaign: every day of 2024, every metric; `value(d, m)` gives the figure. */
function file(campaignId: string, value: (d: number, m: number) => string): string {
  const lines = ['campaign_id,date,metric,value'];
  for (let d = 0; d < DAYS; d++) for (let m = 0; m < METRICS.length; m++) lines.push(`${campaignId},${day(d)},${METRICS[m]},${value(d, m)}`);
  return lines.join('\n');
}
const FIRST = (d: number, m: number) => String(100 + ((d * 7 + m) % 50));

beforeAll(async () => {
  copying = await startTestApp({ logger: copyLog });
  unnesting = await startTestApp({ logger: unnestLog, env: { DB_BULK_COPY: 'false' } });
  const a = await registerAgency(copying);
  owner = a.ownerToken;
  agencyId = a.agencyId;
  clientId = (await createClient(copying, owner)).id;
});
afterAll(async () => {
  await copying?.close();
  await unnesting?.close();
});

async function launched(name: string): Promise<string> {
  const channelId = expectOk(await copying.gql(CHANNELS, {}, owner)).campaignChannels[0].id;
  const input = { clientId, channelId, name, budget: '100000.00', currency: 'RUB', startDate: day(0), endDate: day(DAYS - 1) };
  const { id } = dataOf(await copying.gql(CREATE, { input }, owner), 'createCampaign');
  const targets = [
    { metric: 'CLICKS', plan: '100', period: 'MONTH' },
    { metric: 'SPEND', plan: '1', period: 'CAMPAIGN', direction: 'LOWER_IS_BETTER' },
  ];
  dataOf(await copying.gql(SET_TARGETS, { input: { campaignId: id, targets } }, owner), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await copying.gql(CHECK, { input: { campaignId: id, item } }, owner), 'checkLaunchItem');
  dataOf(await copying.gql(LAUNCH, { id }, owner), 'launchCampaign', 'Campaign');
  return id;
}

const copies = (log: CountingLogger) => log.statements.filter((s) => s.startsWith('COPY ')).length;

async function importWith(app: TestApp, log: CountingLogger, content: string, extra: Record<string, unknown> = {}) {
  log.reset();
  const report = dataOf(await app.gql(IMPORT, { input: { source: 'OWN_CSV', content, ...extra } }, owner), 'importKpiFile');
  return { report, copies: copies(log) };
}

/** What the database holds for a campaign: its rows, their agency, and whether the rollup equals the raw sums. */
async function stored(campaignId: string) {
  const ds = copying.ds;
  const [raw] = await ds.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE "agencyId" = $2)::int AS own, sum(value)::text AS total FROM kpi_measurements WHERE "campaignId" = $1`,
    [campaignId, agencyId],
  );
  const [{ differing }] = await ds.query(
    `SELECT count(*)::int AS differing
       FROM (SELECT metric, "customName", date_trunc('month', date)::date AS month, SUM(value) AS v, COUNT(*)::int AS d
               FROM kpi_measurements WHERE "campaignId" = $1 GROUP BY 1, 2, 3) r
       FULL JOIN (SELECT * FROM kpi_measurement_months WHERE "campaignId" = $1) m USING (metric, "customName", month)
      WHERE m.value IS DISTINCT FROM r.v OR m.days IS DISTINCT FROM r.d`,
    [campaignId],
  );
  return { rows: raw.n as number, own: raw.own as number, total: raw.total as string, differing: differing as number };
}

async function kpis(id: string) {
  const c = expectOk(await copying.gql(KPIS, { id }, owner)).campaign;
  return { sums: Object.fromEntries(c.kpis.map((k: { metric: string; actual: string }) => [k.metric, k.actual])), deviations: c.deviations.length };
}

describe('a large import', () => {
  it('goes by COPY and lands the same figures, rollup and deviations as the unnest path', async () => {
    const viaCopy = await launched('By COPY');
    const viaUnnest = await launched('By unnest');

    const a = await importWith(copying, copyLog, file(viaCopy, FIRST));
    expect(a.report).toMatchObject({ status: 'SUCCEEDED', imported: DAYS * 6, skipped: 0, figuresDone: DAYS * 6, problems: [] });
    expect(a.copies).toBe(1);
    const b = await importWith(unnesting, unnestLog, file(viaUnnest, FIRST));
    expect(b.report).toMatchObject({ status: 'SUCCEEDED', imported: DAYS * 6, skipped: 0, figuresDone: DAYS * 6, problems: [] });
    expect(b.copies).toBe(0);

    const [x, y] = [await stored(viaCopy), await stored(viaUnnest)];
    expect(x).toEqual({ rows: DAYS * 6, own: DAYS * 6, total: y.total, differing: 0 });
    expect(y).toEqual({ rows: DAYS * 6, own: DAYS * 6, total: x.total, differing: 0 });
    const [kx, ky] = [await kpis(viaCopy), await kpis(viaUnnest)];
    expect(kx).toEqual(ky);
    // SPEND is far above its plan of 1 over the campaign: a deviation, opened by either path
    expect(kx.deviations).toBeGreaterThan(0);
  });

  it('sent again, rewrites only the figures that changed, by either path', async () => {
    for (const [app, log, name] of [
      [copying, copyLog, 'Again by COPY'],
      [unnesting, unnestLog, 'Again by unnest'],
    ] as const) {
      const id = await launched(name);
      await importWith(app, log, file(id, FIRST));
      const before: { date: string; metric: string; updatedAt: Date }[] = await copying.ds.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, metric, "updatedAt" FROM kpi_measurements WHERE "campaignId" = $1`,
        [id],
      );
      const stamp = new Map(before.map((r) => [`${r.date}|${r.metric}`, r.updatedAt.getTime()]));
      // the same file: nothing rewritten
      const same = await importWith(app, log, file(id, FIRST));
      expect(same.report).toMatchObject({ status: 'SUCCEEDED', imported: DAYS * 6 });
      // then one figure changed (CLICKS on the 32nd day)
      const changed = await importWith(app, log, file(id, (d, m) => (d === 31 && m === 1 ? '9999' : FIRST(d, m))));
      expect(changed.report).toMatchObject({ status: 'SUCCEEDED', imported: DAYS * 6 });
      const after: { date: string; metric: string; updatedAt: Date; value: string }[] = await copying.ds.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, metric, "updatedAt", value::text AS value FROM kpi_measurements WHERE "campaignId" = $1`,
        [id],
      );
      const rewritten = after.filter((r) => r.updatedAt.getTime() !== stamp.get(`${r.date}|${r.metric}`));
      expect(rewritten.map((r) => `${r.date} ${r.metric} ${r.value}`)).toEqual([`${day(31)} CLICKS 9999.0000`]);
      expect(await stored(id)).toMatchObject({ rows: DAYS * 6, differing: 0 });
    }
  });

  it('of days after stored ones inserts them and moves the rollup of the month they share by their sums, by either path', async () => {
    // the 15th of a month within the first days: days before it are stored first, in the same month
    const split = Array.from({ length: 31 }, (_, d) => d).find((d) => day(d).endsWith('-15'))!;
    const recomputes = (log: CountingLogger) => log.statements.filter((s) => s.includes('DELETE FROM kpi_measurement_months')).length;
    for (const [app, log, name, copied] of [
      [copying, copyLog, 'Next days by COPY', 1],
      [unnesting, unnestLog, 'Next days by unnest', 0],
    ] as const) {
      const id = await launched(name);
      const days = (from: number, to: number) => file(id, FIRST).split('\n').filter((line, i) => i === 0 || (Math.floor((i - 1) / 6) >= from && Math.floor((i - 1) / 6) < to)).join('\n');
      const before = await importWith(app, log, days(0, split));
      expect(before.report).toMatchObject({ status: 'SUCCEEDED', imported: split * 6 });
      const rest = await importWith(app, log, days(split, DAYS));
      expect(rest.report).toMatchObject({ status: 'SUCCEEDED', imported: (DAYS - split) * 6 });
      expect([rest.copies, recomputes(log)]).toEqual([copied, 0]);
      expect(await stored(id)).toMatchObject({ rows: DAYS * 6, own: DAYS * 6, differing: 0 });
      // a file over stored days again: replaced where changed, and those months recomputed
      const again = await importWith(app, log, days(split - 3, split + 3).replace(`${day(split)},CLICKS,${FIRST(split, 1)}`, `${day(split)},CLICKS,7777`));
      expect(again.report).toMatchObject({ status: 'SUCCEEDED', imported: 36 });
      expect(recomputes(log)).toBe(1);
      expect(await stored(id)).toMatchObject({ rows: DAYS * 6, differing: 0 });
    }
  });

  it('with one bad line writes nothing; with skipInvalidRows the rest still goes by COPY', async () => {
    const id = await launched('Partly bad, large');
    const content = file(id, (d, m) => (d === 200 && m === 2 ? '-5' : FIRST(d, m)));
    const refused = await importWith(copying, copyLog, content);
    expect(refused.report).toMatchObject({ status: 'REFUSED', imported: 0, skipped: DAYS * 6, problems: [{ line: 2 + 200 * 6 + 2, column: 'value' }] });
    expect(refused.copies).toBe(0);
    expect(await stored(id)).toMatchObject({ rows: 0 });

    const partial = await importWith(copying, copyLog, content, { skipInvalidRows: true });
    expect(partial.report).toMatchObject({ status: 'SUCCEEDED', imported: DAYS * 6 - 1, skipped: 1 });
    expect(partial.copies).toBe(1);
    expect(await stored(id)).toMatchObject({ rows: DAYS * 6 - 1, own: DAYS * 6 - 1, differing: 0 });
  });

  it("stamps the importer's agency: another agency importing the same campaign id finds no campaign", async () => {
    const id = await launched('Not theirs');
    const other = await registerAgency(copying);
    copyLog.reset();
    const report = dataOf(await copying.gql(IMPORT, { input: { source: 'OWN_CSV', content: file(id, FIRST) } }, other.ownerToken), 'importKpiFile');
    expect(report).toMatchObject({ status: 'REFUSED', imported: 0 });
    expect(copies(copyLog)).toBe(0);
    expect(await stored(id)).toMatchObject({ rows: 0 });
  });
});

describe('without a foreign key', () => {
  it("a campaign's measurements still go with it", async () => {
    const id = await launched('Deleted by hand');
    await importWith(copying, copyLog, file(id, FIRST));
    expect((await stored(id)).rows).toBe(DAYS * 6);
    await copying.ds.query('DELETE FROM campaigns WHERE id = $1', [id]);
    expect((await stored(id)).rows).toBe(0);
  });
});
