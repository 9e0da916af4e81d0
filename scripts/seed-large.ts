import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { createLogger } from '../src/logger';

/**
 * `npm run seed:large [-- --scale 0.1] [--force]`: a large data set for the performance figures
 * (`npm run bench -- kpis`), on the database of DATABASE_URL (default: `agency_large` on the local
 * server, created when missing). At scale 1: 10 agencies, 500 clients, 5 000 campaigns (launched or
 * completed, 8 KPI targets each, spread over the channels and 3 managers per agency) and about
 * 10 M daily measurements (7 stored series × up to 290 days per campaign), generated in SQL; then
 * the monthly rollup and VACUUM ANALYZE. The scale multiplies clients and campaigns (agencies stay 10).
 * Refuses a database holding agencies it did not generate, unless --force. Not run in CI.
 */

export const SEED_LARGE_PASSWORD = 'seed-large-password-1';
export const SEED_LARGE_AGENCY_PREFIX = 'Generated agency ';
export const seedLargeOwnerEmail = (n: number): string => `owner-${n}@seed-large.test`;
export const SEED_LARGE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/agency_large';

const AGENCIES = 10;
const DAYS = 290;

/** Each campaign's daily figures: the series and the mean of a day (±20 %). */
const SERIES: [metric: string, customName: string, mean: number][] = [
  ['IMPRESSIONS', '', 10000],
  ['CLICKS', '', 300],
  ['CONVERSIONS', '', 15],
  ['LEADS', '', 8],
  ['SPEND', '', 9000],
  ['REVENUE', '', 20000],
  ['CUSTOM', 'Звонки', 5],
];

/** The 8 KPI targets of every campaign, over the whole campaign. */
const TARGETS: [metric: string, plan: number, direction: string][] = [
  ['IMPRESSIONS', 2_900_000, 'HIGHER_IS_BETTER'],
  ['CLICKS', 87_000, 'HIGHER_IS_BETTER'],
  ['CONVERSIONS', 4_350, 'HIGHER_IS_BETTER'],
  ['LEADS', 2_320, 'HIGHER_IS_BETTER'],
  ['SPEND', 2_610_000, 'LOWER_IS_BETTER'],
  ['CTR', 3, 'HIGHER_IS_BETTER'],
  ['CPC', 30, 'LOWER_IS_BETTER'],
  ['CPL', 1100, 'LOWER_IS_BETTER'],
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const scale = Number(option('scale') ?? '1');
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  const force = process.argv.includes('--force');
  const clientsPer = Math.max(1, Math.round(50 * scale));
  const campaignsPer = Math.max(1, Math.round(500 * scale));
  const t0 = performance.now();
  const lap = (what: string) => process.stdout.write(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  await ensureDatabase(SEED_LARGE_URL);
  const ds = createDataSource({ url: SEED_LARGE_URL, poolSize: 2, applicationName: 'seed-large' });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
    const [{ foreign, generated }] = await ds.query(
      `SELECT count(*) FILTER (WHERE name NOT LIKE $1)::int AS foreign, count(*) FILTER (WHERE name LIKE $1)::int AS generated FROM agencies`,
      [`${SEED_LARGE_AGENCY_PREFIX}%`],
    );
    if (foreign > 0 && !force) throw new Error(`${SEED_LARGE_URL} holds ${foreign} agencies this script did not generate: refusing (--force to add to it anyway)`);
    if (generated > 0) throw new Error(`${SEED_LARGE_URL} is already seeded (${generated} generated agencies): drop the database to seed it again`);
    process.stdout.write(`seed:large on ${SEED_LARGE_URL.replace(/\/\/[^@]*@/, '//')}, scale ${scale}: ${AGENCIES} agencies, ${AGENCIES * clientsPer} clients, ${AGENCIES * campaignsPer} campaigns\n`);

    // agencies and owners through the API (password hashing, default channels), the bulk in SQL
    const config = loadConfig({ ...process.env, DATABASE_URL: SEED_LARGE_URL, NODE_ENV: 'production', JWT_SECRET: process.env.JWT_SECRET ?? 'seed-large-secret-seed-large-secret-42', LOG_LEVEL: 'silent', SIGNUP: 'open', SIGNUP_CONFIRMATION: 'none', SIGNUP_PER_HOUR_PER_ADDRESS: '1000000' });
    const { httpServer, stop } = await createApp(ds, config, createLogger('warn'));
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const port = (httpServer.address() as AddressInfo).port;
    const post = async (query: string, variables: object, token?: string): Promise<any> => {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await r.json()) as any;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const agencies: { id: string; ownerId: string }[] = [];
    for (let n = 1; n <= AGENCIES; n++) {
      const reg = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }', {
        i: { agencyName: `${SEED_LARGE_AGENCY_PREFIX}${n}`, email: seedLargeOwnerEmail(n), password: SEED_LARGE_PASSWORD },
      });
      await post('{ campaignChannels { id } }', {}, reg.registerAgency.token);
      agencies.push({ id: reg.registerAgency.agency.id, ownerId: reg.registerAgency.user.id });
    }
    await stop();
    lap('agencies, owners, channels');

    for (const [n, a] of agencies.entries()) {
      await ds.query(
        `INSERT INTO users ("agencyId", email, "passwordHash", "fullName", role)
         SELECT $1, 'manager-' || $3 || '-' || i || '@seed-large.test', u."passwordHash", 'Менеджер ' || $3 || '-' || i, 'MANAGER'
           FROM users u, generate_series(1, 3) i WHERE u.id = $2`,
        [a.id, a.ownerId, n + 1],
      );
      await ds.query(
        `INSERT INTO clients ("agencyId", name, "ownerId", "lifecycleStage")
         SELECT $1, 'Клиент ' || $3 || '-' || lpad(i::text, 3, '0'), $2, 'LOYALTY' FROM generate_series(1, $4) i`,
        [a.id, a.ownerId, n + 1, clientsPer],
      );
      // starts spread over 60 days from 5 January 2026; 290 days each; completed once over
      await ds.query(
        `WITH cl AS (SELECT array_agg(id ORDER BY name) a FROM clients WHERE "agencyId" = $1),
              ch AS (SELECT array_agg(id ORDER BY name) a FROM campaign_channels WHERE "agencyId" = $1),
              mg AS (SELECT array_agg(id ORDER BY email) a FROM users WHERE "agencyId" = $1 AND role = 'MANAGER')
         INSERT INTO campaigns ("agencyId", "clientId", "channelId", name, budget, currency, "startDate", "endDate", status, "launchedAt", "managerId", "createdById")
         SELECT $1, cl.a[1 + i % array_length(cl.a, 1)], ch.a[1 + i % array_length(ch.a, 1)], 'Кампания ' || $2 || '-' || lpad(i::text, 4, '0'),
                2610000, 'RUB', d.s, d.s + ${DAYS - 1},
                (CASE WHEN d.s + ${DAYS - 1} < CURRENT_DATE THEN 'COMPLETED' ELSE 'LAUNCHED' END)::campaign_status, d.s::timestamptz,
                mg.a[1 + i % array_length(mg.a, 1)], $4
           FROM cl, ch, mg, generate_series(1, $3) i, LATERAL (SELECT DATE '2026-01-05' + (i * 7919) % 60 AS s) d`,
        [a.id, n + 1, campaignsPer, a.ownerId],
      );
      await ds.query(
        `INSERT INTO campaign_kpi_targets ("agencyId", "campaignId", "clientId", position, metric, plan, period, direction)
         SELECT c."agencyId", c.id, c."clientId", t.pos, t.metric::kpi_metric, t.plan, 'CAMPAIGN', t.dir::kpi_target_direction
           FROM campaigns c, unnest($2::int[], $3::text[], $4::numeric[], $5::text[]) AS t(pos, metric, plan, dir)
          WHERE c."agencyId" = $1`,
        [a.id, TARGETS.map((_, i) => i), TARGETS.map((t) => t[0]), TARGETS.map((t) => t[1]), TARGETS.map((t) => t[2])],
      );
    }
    lap('managers, clients, campaigns, KPI targets');

    for (const a of agencies) {
      await ds.query(
        `INSERT INTO kpi_measurements ("agencyId", "clientId", "campaignId", metric, "customName", date, value)
         SELECT c."agencyId", c."clientId", c.id, s.metric::kpi_metric, s.name, d::date, round((s.mean * (0.8 + random() * 0.4))::numeric, 2)
           FROM campaigns c
           CROSS JOIN LATERAL generate_series(c."startDate", least(c."endDate", CURRENT_DATE - 1), interval '1 day') d
           CROSS JOIN unnest($2::text[], $3::text[], $4::numeric[]) AS s(metric, name, mean)
          WHERE c."agencyId" = $1`,
        [a.id, SERIES.map((s) => s[0]), SERIES.map((s) => s[1]), SERIES.map((s) => s[2])],
      );
      process.stdout.write('.');
    }
    process.stdout.write('\n');
    const [{ count }] = await ds.query(`SELECT count(*)::bigint AS count FROM kpi_measurements`);
    lap(`${Number(count).toLocaleString('en')} daily measurements`);

    await ds.query(
      `INSERT INTO kpi_measurement_months ("agencyId", "clientId", "campaignId", metric, "customName", month, value, days)
       SELECT "agencyId", "clientId", "campaignId", metric, "customName", date_trunc('month', date)::date, SUM(value), COUNT(*)::int
         FROM kpi_measurements WHERE "agencyId" = ANY($1::uuid[])
        GROUP BY "agencyId", "clientId", "campaignId", metric, "customName", date_trunc('month', date)
       ON CONFLICT ("agencyId", "campaignId", metric, "customName", month) DO UPDATE SET value = EXCLUDED.value, days = EXCLUDED.days`,
      [agencies.map((a) => a.id)],
    );
    lap('monthly rollup');
    // as autovacuum leaves a table after a bulk insert (it may be off where benchmarks run): the
    // statistics, and the visibility map without which an index-only read visits every row's page
    await ds.query('VACUUM ANALYZE');
    lap('VACUUM ANALYZE');
    process.stdout.write(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s; owners ${seedLargeOwnerEmail(1)} … ${seedLargeOwnerEmail(AGENCIES)}, password ${SEED_LARGE_PASSWORD}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`seed:large failed: ${err?.message ?? err}\n`);
    process.exit(1);
  });
}
