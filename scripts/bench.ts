import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { newContext, noUsage, type AuthedContext } from '../src/context';
import { Locale, UserRole } from '../src/entities/enums';
import { registerJob } from '../src/jobs/registry';
import { createLogger } from '../src/logger';
import { enqueueJob } from '../src/services/job.service';
import { dropDatabase, recreateDatabase, withDatabase } from './db-admin';

/**
 * `npm run bench`: every performance figure of the project, one scenario per capability, printed
 * as one table. Runs against the real PostgreSQL (DATABASE_URL, default the local server) on a
 * scratch database, and spawns the built server for the embedded-database figures.
 */

interface Row {
  scenario: string;
  metric: string;
  value: string;
  note?: string;
}
const rows: Row[] = [];
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ENTRY = join(__dirname, '..', 'src', 'index.js');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}


/**
 * A fresh database of the bench (named after the scenario and this process), migrated, with a
 * data source of `poolSize` connections; dropped afterwards whatever happens.
 */
async function withScratchDatabase(name: string, poolSize: number, work: (ds: DataSource, url: string, db: string) => Promise<void>): Promise<void> {
  const db = `bench_${name}_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const ds = createDataSource({ url, poolSize });
  await ds.initialize();
  try {
    await ds.runMigrations();
    await work(ds, url, db);
  } finally {
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

/**
 * The monthly rollup of an agency's daily figures inserted by SQL (as every write of the app keeps
 * it): the whole months of a period are read from it.
 */
async function rollUpMeasurements(ds: DataSource, agencyId: string): Promise<void> {
  await ds.query(
    `INSERT INTO kpi_measurement_months ("agencyId", "clientId", "campaignId", metric, "customName", month, value, days)
     SELECT "agencyId", "clientId", "campaignId", metric, "customName", date_trunc('month', date)::date, SUM(value), COUNT(*)::int
       FROM kpi_measurements WHERE "agencyId" = $1
      GROUP BY "agencyId", "clientId", "campaignId", metric, "customName", date_trunc('month', date)`,
    [agencyId],
  );
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/ready`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready');
}

/** Starts the built server as `npm start` would; returns ms to /ready and idle RSS. */
async function startServer(env: Record<string, string | undefined>): Promise<{ readyMs: number; rss: number; port: number; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const t0 = Date.now();
  // BENCH_SERVER_NODE_ARGS: e.g. --cpu-prof, or --max-old-space-size=256 (README, Operations: Memory);
  // BENCH_SERVER_OUT: a file for the server's standard output (e.g. what --trace-gc prints)
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ENTRY], {
    // capacity figures: the per-agency cost budget would refuse a load test after its first minute's share
    env: { ...process.env, AGENCY_COST_PER_MINUTE: '0', ANONYMOUS_COST_PER_MINUTE: '0', ...env, PORT: String(port), NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', process.env.BENCH_SERVER_OUT ? openSync(process.env.BENCH_SERVER_OUT, 'w') : 'ignore', 'inherit'],
  });
  await waitReady(port);
  const readyMs = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 3000)); // let start-up garbage settle: "idle"
  const rss = rssMb(child.pid!);
  return {
    readyMs,
    rss,
    port,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function embeddedScenario(): Promise<void> {
  const pgliteDir = mkdtempSync(join(tmpdir(), 'agency-bench-pglite-'));
  try {
    for (const label of ['cold (new DATA_DIR)', 'warm (existing DATA_DIR)']) {
      const t0 = performance.now();
      const db = await startEmbeddedDatabase(pgliteDir);
      rows.push({ scenario: 'embedded start', metric: `PGlite + wire server up, ${label}`, value: `${(performance.now() - t0).toFixed(0)} ms` });
      await db.stop();
    }
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), 'agency-bench-'));
  try {
    const env = { DATABASE_URL: undefined, DATA_DIR: dir, SEED_DEMO: 'true' };
    const cold = await startServer(env);
    await cold.stop();
    const warm = await startServer(env);
    rows.push({ scenario: 'embedded start', metric: 'first start to /ready (initdb, migrations, demo seed)', value: `${cold.readyMs} ms` });
    rows.push({ scenario: 'embedded start', metric: 'restart to /ready (existing DATA_DIR)', value: `${warm.readyMs} ms` });
    rows.push({ scenario: 'idle RSS', metric: 'server on embedded PGlite, idle', value: `${warm.rss.toFixed(0)} MiB`, note: 'includes the WASM PostgreSQL' });
    await warm.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const db = `bench_idle_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  try {
    const real = await startServer({ DATABASE_URL: withDatabase(BASE_URL, db), SEED_DEMO: 'true' });
    rows.push({ scenario: 'idle RSS', metric: 'server on PostgreSQL, idle', value: `${real.rss.toFixed(0)} MiB` });
    rows.push({ scenario: 'start', metric: 'start to /ready on PostgreSQL (migrations, seed)', value: `${real.readyMs} ms` });
    await real.stop();
  } finally {
    await dropDatabase(BASE_URL, db);
  }
}

/** The config of an in-process app under measurement: production mode on `url`, silent logs, then `overrides`. */
const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-42';

function benchConfig(url: string, overrides: Record<string, string | undefined> = {}): ReturnType<typeof loadConfig> {
  return loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'silent', ...overrides });
}

class CountingLogger implements TypeOrmLogger {
  count = 0;
  logQuery(query: string) {
    this.count++;
    if (process.env.BENCH_TRACE) process.stderr.write(`${performance.now().toFixed(0)} ${query.slice(0, 90).replace(/\s+/g, ' ')}\n`);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * An open-loop load at a fixed rate, as a fixed rate is meant (wrk2's way): request i is due at
 * t0 + i/rate whether or not earlier ones have answered, and its latency counts from when it was
 * due, so a late start (the load generator or the server behind) counts against the server.
 * autocannon's `overallRate` is not that: each connection sends its share of the second
 * back to back at the top of the second and then waits for the next one (bursts at full
 * concurrency), and its correction for coordinated omission takes the expected interval as
 * ceil(1 / rate) = 1 ms. Latencies sorted ascending; CPU read by the caller around it.
 */
async function openLoop(post: () => Promise<void>, rate: number, seconds: number): Promise<{ latencies: number[]; failures: number; seconds: number }> {
  const total = Math.round(rate * seconds);
  let failures = 0;
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  // each answered request's due time and latency
  const timeline: [number, number][] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      post().then(
        () => void timeline.push([due, performance.now() - due]),
        (err) => {
          failures++;
          if (failures === 1) process.stderr.write(`request failed: ${err}\n`);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  // BENCH_TIMELINE: each request's due time (ms since the epoch) and latency, a line each, to line
  // slow requests up with what the server did then (e.g. its GC, seen through BENCH_SERVER_NODE_ARGS)
  if (process.env.BENCH_TIMELINE) writeFileSync(process.env.BENCH_TIMELINE, timeline.map(([due, ms]) => `${(performance.timeOrigin + due).toFixed(1)} ${ms.toFixed(2)}`).join('\n') + '\n');
  return { latencies: timeline.map(([, ms]) => ms).sort((a, b) => a - b), failures, seconds: (performance.now() - t0) / 1000 };
}

async function clientsListScenario(): Promise<void> {
  const db = `bench_clients_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const counter = new CountingLogger();
  const ds = createDataSource({ url, poolSize: 10, logger: counter });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = benchConfig(url);
    const { httpServer, stop } = await createApp(ds, config);
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const port = (httpServer.address() as AddressInfo).port;
    const post = async (query: string, variables: object, token?: string) => {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return r.json() as Promise<any>;
    };
    const reg = await post(
      'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }',
      { i: { agencyName: 'Bench', email: `bench-${process.pid}@example.test`, password: 'bench-password-1' } },
    );
    const { token, agency, user } = reg.data.registerAgency;
    await ds.query(
      `INSERT INTO clients ("agencyId", name, "ownerId") SELECT $1, 'Клиент ' || lpad(i::text, 3, '0'), $2 FROM generate_series(1, 50) i`,
      [agency.id, user.id],
    );
    await ds.query(
      `INSERT INTO contacts ("agencyId", "clientId", "fullName") SELECT c."agencyId", c.id, 'Контакт ' || n FROM clients c, generate_series(1, 2) n`,
    );
    const query = '{ clients(first: 50) { totalCount edges { node { id name owner { email } contacts { fullName client { id } } } } } }';
    await post(query, {}, token); // warm-up
    counter.count = 0;
    const res = await post(query, {}, token);
    if (res.data.clients.edges.length !== 50) throw new Error('expected 50 clients');
    rows.push({
      scenario: 'clients list',
      metric: 'SQL statements: 50 clients + owner + 2 contacts each + contact.client',
      value: String(counter.count),
      note: 'auth, page, count, 3 loader batches',
    });
    const timings: number[] = [];
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await post(query, {}, token);
      timings.push(performance.now() - s);
    }
    const total = performance.now() - t0;
    timings.sort((a, b) => a - b);
    rows.push({ scenario: 'clients list', metric: 'latency p50 / p95 (sequential, 1 client)', value: `${percentile(timings, 50).toFixed(1)} / ${percentile(timings, 95).toFixed(1)} ms` });
    rows.push({ scenario: 'clients list', metric: 'throughput (sequential)', value: `${((n / total) * 1000).toFixed(0)} req/s` });
    await stop();
  } finally {
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

/**
 * Issue invoices: 32 concurrent HTTP clients issue drafts of 3 agencies on the real PostgreSQL;
 * afterwards the numbers of each agency must be exactly 1..N.
 */
async function issueInvoicesScenario(): Promise<void> {
  const db = `bench_invoices_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  // the server runs in its own process, as in production; this process is only the load
  const server = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false' });
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const post = (query: string, variables: object, token?: string): Promise<any> => {
      const body = JSON.stringify({ query, variables });
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/graphql',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          },
          (res) => {
            let data = '';
            res.on('data', (c) => (data += c));
            res.on('end', () => resolve(JSON.parse(data)));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    };
    const perAgency = Number(process.env.BENCH_PER_AGENCY ?? 400);
    const agencies: { token: string; agencyId: string; drafts: string[] }[] = [];
    for (let a = 0; a < Number(process.env.BENCH_AGENCIES ?? 3); a++) {
      const reg = await post(
        'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } } }',
        { i: { agencyName: `Bench ${a}`, email: `bench-${process.pid}-${a}@example.test`, password: 'bench-password-1' } },
      );
      const { token, agency } = reg.data.registerAgency;
      const client = await post('mutation { createClient(input: { name: "Клиент" }) { id } }', {}, token);
      const clientId = client.data.createClient.id;
      // drafts in bulk: the subject is issuing
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO invoices ("agencyId", "clientId", currency, "dueDate", subtotal, "vatTotal", total, "amountDue")
         SELECT $1, $2, 'RUB', '2026-12-31', 1000, 220, 1220, 1220 FROM generate_series(1, $3) RETURNING id`,
        [agency.id, clientId, perAgency],
      );
      await ds.query(
        `INSERT INTO invoice_lines ("agencyId", "invoiceId", "clientId", position, description, quantity, "unitPrice", "vatRate", "vatRateAuto", net, vat, gross)
         SELECT $1, id, $2, 1, 'Ведение рекламной кампании', 1, 1000, 22, true, 1000, 220, 1220 FROM unnest($3::uuid[]) AS id`,
        [agency.id, clientId, rows.map((r) => r.id)],
      );
      agencies.push({ token, agencyId: agency.id, drafts: rows.map((r) => r.id) });
    }
    const jobs = agencies.flatMap((a) => a.drafts.map((id) => ({ token: a.token, id })));
    jobs.sort(() => Math.random() - 0.5);
    const mutation = 'mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { number } } }';
    // warm-up (not counted)
    for (const job of jobs.splice(0, 30)) await post(mutation, { i: { id: job.id, issueDate: '2026-06-15' } }, job.token);
    let next = 0;
    let failures = 0;
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const s = performance.now();
          const r = await post(mutation, { i: { id: job.id, issueDate: '2026-06-15' } }, job.token);
          latencies.push(performance.now() - s);
          if (r.data?.issueInvoice?.__typename !== 'Invoice') failures++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    let gapless = true;
    for (const a of agencies) {
      const nums: { n: number }[] = await ds.query(
        `SELECT split_part(number, '-', 2)::int AS n FROM invoices WHERE "agencyId" = $1 AND number IS NOT NULL ORDER BY 1`,
        [a.agencyId],
      );
      gapless &&= nums.length === perAgency && nums.every((r, i) => r.n === i + 1);
    }
    rows.push({
      scenario: 'issue invoices',
      metric: `issued per second, 32 concurrent HTTP clients, 3 agencies (${jobs.length} issues)`,
      value: `${(jobs.length / seconds).toFixed(0)} /s`,
      note: `target ≥ 200/s; server in its own process, pool ${process.env.DB_POOL_SIZE ?? 20}`,
    });
    rows.push({ scenario: 'issue invoices', metric: 'latency p50 / p95 under that load', value: `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} ms` });
    rows.push({ scenario: 'issue invoices', metric: 'numbers per agency exactly 1..N afterwards', value: gapless && failures === 0 ? 'yes' : `NO (failures ${failures})` });
    agent.destroy();
  } finally {
    await server.stop();
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

/**
 * Documents: ms per document in-process (median, p95) and documents/s for a 1-page invoice, a
 * 3-page offer and a 10-page contract from the sample models; the same through the worker pool;
 * peak RSS; and a GraphQL query's p99 on a server that is rendering documents at the same time.
 */
async function documentsScenario(): Promise<void> {
  const { renderDocument } = await import('../src/documents/render');
  const { createRenderPool } = await import('../src/documents/pool');
  const { fontParseCount } = await import('../src/documents/layout/fonts');
  const { DocumentKind } = await import('../src/documents/kinds');
  const { SAMPLES, SAMPLE_CREATED_AT } = await import('../test/support/document-samples');
  const options = { locale: 'ru' as const, createdAt: SAMPLE_CREATED_AT };
  let peakRss = process.memoryUsage().rss;
  const cases = [
    { label: '1-page invoice', kind: DocumentKind.INVOICE, size: 'short' as const, n: 400, target: '≤ 5 ms median' },
    { label: '1-page act (no payment code)', kind: DocumentKind.ACT, size: 'short' as const, n: 400 },
    { label: '3-page offer', kind: DocumentKind.COMMERCIAL_OFFER, size: 'long' as const, n: 200 },
    { label: '10-page contract', kind: DocumentKind.CONTRACT, size: 'long' as const, n: 100, target: '≤ 50 ms median' },
  ];
  for (const c of cases) {
    const build = SAMPLES[c.kind];
    if (!build) {
      rows.push({ scenario: 'documents', metric: `${c.label}: in-process`, value: 'no sample', note: 'kind not built' });
      continue;
    }
    const model = build('ru', c.size);
    let pages = 0;
    for (let i = 0; i < 30; i++) pages = (await renderDocument(c.kind, model, options)).pageCount; // warm-up (JIT, fonts)
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < c.n; i++) {
      const s0 = performance.now();
      await renderDocument(c.kind, model, options);
      times.push(performance.now() - s0);
      if (i % 20 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const total = performance.now() - t0;
    times.sort((a, b) => a - b);
    rows.push({
      scenario: 'documents',
      metric: `${c.label} (${pages} p.): in-process median / p95`,
      value: `${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)} ms`,
      note: `${((c.n / total) * 1000).toFixed(0)} docs/s on one core${c.target ? `; target ${c.target}` : ''}`,
    });
  }
  rows.push({ scenario: 'documents', metric: 'font files parsed in this process', value: String(fontParseCount()), note: 'once, however many documents' });

  // the pool, as the server uses it: worker threads, compiled code
  const workerPath = join(__dirname, '..', 'src', 'documents', 'worker.js');
  const pool = createRenderPool({ workerPath });
  try {
    const kind = SAMPLES[DocumentKind.INVOICE] ? DocumentKind.INVOICE : DocumentKind.ACT;
    const model = SAMPLES[kind]!('ru', 'short');
    for (let i = 0; i < 20; i++) await pool.render(kind, model, options);
    const n = 400;
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next++ < n) await pool.render(kind, model, options);
      }),
    );
    const total = performance.now() - t0;
    rows.push({ scenario: 'documents', metric: `worker pool (${pool.threads} thread(s)), 1-page ${kind.toLowerCase()}`, value: `${((n / total) * 1000).toFixed(0)} docs/s`, note: '4 requests in flight' });
  } finally {
    await pool.close();
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rows.push({ scenario: 'documents', metric: 'peak RSS of the rendering process', value: `${(peakRss / 1024 / 1024).toFixed(0)} MiB` });

  // a steady 10 documents a second (36 000 an hour: more than any agency makes), then as many as
  // three clients can ask for; each with the pool and with rendering on the event loop
  await queryWhileRendering(undefined, 10);
  await queryWhileRendering('0', 10);
  await queryWhileRendering(undefined, null);
  await queryWhileRendering('0', null);
}

/** A GraphQL query's latency on an idle server, then while the same server renders documents. */
async function queryWhileRendering(threads: string | undefined, perSecond: number | null): Promise<void> {
  const db = `bench_documents_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const server = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false', ...(threads ? { DOCUMENT_RENDER_THREADS: threads } : {}) });
  const how = `${threads === '0' ? 'on the event loop' : 'on the pool'}, ${perSecond ? `${perSecond} docs/s` : 'flat out'}`;
  try {
    const post = async (query: string, variables: object, token?: string) => {
      const r = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return r.json() as Promise<any>;
    };
    const reg = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token } }', {
      i: { agencyName: 'Bench documents', email: `bench-docs-${process.pid}@example.test`, password: 'bench-password-1' },
    });
    const token = reg.data.registerAgency.token as string;
    const client = await post('mutation($i: CreateClientInput!) { createClient(input: $i) { ... on Client { id } } }', { i: { name: 'АО «Бенчмарк»' } }, token);
    const clientId = client.data.createClient.id as string;
    const generate = 'mutation($i: GenerateDocumentInput!) { generateDocument(input: $i) { __typename ... on GeneratedDocument { id pageCount } } }';
    const first = await post(generate, { i: { kind: 'SATISFACTION_FORM', sourceId: clientId } }, token);
    if (first.data?.generateDocument?.__typename !== 'GeneratedDocument') throw new Error(`generateDocument failed: ${JSON.stringify(first)}`);
    const query = '{ clients(first: 20) { totalCount edges { node { id name } } } }';
    const measure = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const s0 = performance.now();
        await post(query, {}, token);
        times.push(performance.now() - s0);
      }
      return times.sort((a, b) => a - b);
    };
    await measure(50);
    const idle = await measure(400);
    let running = true;
    let rendered = 0;
    const load = Array.from({ length: 3 }, async (_, lane) => {
      const started = performance.now();
      let sent = 0;
      while (running) {
        if (perSecond) {
          // paced: this lane's share of the rate, on a fixed schedule
          const due = started + ((sent * 3 + lane) * 1000) / perSecond;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (!running) break;
        }
        sent++;
        // a new version each time: an unchanged document would be served without rendering
        await post(generate, { i: { kind: 'SATISFACTION_FORM', sourceId: clientId, newVersion: true } }, token);
        rendered++;
      }
    });
    const t0 = performance.now();
    const busy = await measure(400);
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await Promise.all(load);
    rows.push({ scenario: 'documents', metric: `query p50 / p99, idle server`, value: `${percentile(idle, 50).toFixed(1)} / ${percentile(idle, 99).toFixed(1)} ms` });
    rows.push({
      scenario: 'documents',
      metric: `query p50 / p99 while rendering ${how}`,
      value: `${percentile(busy, 50).toFixed(1)} / ${percentile(busy, 99).toFixed(1)} ms`,
      note: `${(rendered / seconds).toFixed(0)} generateDocument/s (2-page form rendered and stored); p99 ${(percentile(busy, 99) / percentile(idle, 99)).toFixed(1)}× idle (target ≤ 2×)`,
    });
  } finally {
    await server.stop();
    await dropDatabase(BASE_URL, db);
  }
}

// ---------------------------------------------------------------------------------------------
// KPI measurements at scale: ingestion, the agency-wide report, the portal's campaign read

/**
 * The portal's read of one campaign: 8 KPIs over 90 days, pacing, open deviations. One constant,
 * so that other fields of `kpis` (a series) can be added here and measured by the same loop.
 */
export const PORTAL_CAMPAIGN_READ = /* GraphQL */ `query ($id: ID!, $asOf: Date, $from: Date) {
  campaign(id: $id) {
    kpis(asOf: $asOf) {
      metric plan actual deviationPercent status
      series(granularity: DAY, from: $from, to: $asOf) { start plan actual cumulativePlan cumulativeActual }
    }
    pacing(asOf: $asOf) { spendToDate }
    deviations(open: true) { id }
  }
}`;

type Post = (query: string, variables: object, token?: string) => Promise<any>;

function poster(port: number): Post {
  return async (query, variables, token) => {
    const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as any;
    if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/**
 * A lean poster for load loops: node:http on a keep-alive agent (fetch costs the load generator
 * several times the CPU), and the answer is checked, not parsed: status 200 and no top-level
 * "errors" member (an answer that has one starts its JSON with it or carries it after "data").
 * On two cores the load generator's CPU is taken from the server's, so it is kept small.
 */
function leanPoster(port: number, connections: number): { post: (query: string, variables: object, token?: string) => Promise<void>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const post = (query: string, variables: object, token?: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const answer = Buffer.concat(chunks);
            if (res.statusCode !== 200 || answer.includes('"errors":')) reject(new Error(`${res.statusCode}: ${answer.subarray(0, 300).toString()}`));
            else resolve();
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** CPU time (user + system) of one thread of a process, in ms, from /proc (the main thread's id is the process's). */
function threadCpuMs(pid: number, tid: number): number {
  const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** CPU time (user + system) of a process, in ms, from /proc. */
function processCpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** The PostgreSQL backends of `ds`'s database, other than the one asking (the server's pool, once warmed up). */
async function backendPids(ds: { query(sql: string): Promise<any> }): Promise<number[]> {
  return (await ds.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).map((r: { pid: number }) => r.pid);
}

/** CPU so far of each PostgreSQL backend still running (a backend that has exited has no /proc entry). */
function backendsCpu(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) if (existsSync(`/proc/${pid}/stat`)) out.set(pid, processCpuMs(pid));
  return out;
}

/** CPU the backends of `before` spent since: only those still running (one that exited meanwhile, or a new process with its id, would count negative or foreign time). */
function backendsCpuSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of backendsCpu([...before.keys()])) sum += Math.max(0, ms - before.get(pid)!);
  return sum;
}

const dayAfter = (date: string, n: number) => new Date(Date.parse(date + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

/**
 * CPU spent from now until the returned function is called: this process's and that of the
 * PostgreSQL backends connected to `database` (read from /proc: the server on this machine). On a
 * machine shared with other work the wall-clock figures move with its load; these do not.
 */
async function cpuMeter(ds: { query(sql: string, params?: unknown[]): Promise<any> }, database: string): Promise<() => Promise<string>> {
  const backends = async (): Promise<Map<number, number>> => {
    const rows: { pid: number }[] = await ds.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        out.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
      } catch {
        /* another machine's server, or gone */
      }
    }
    return out;
  };
  const node0 = process.cpuUsage();
  const db0 = await backends();
  return async () => {
    const node = process.cpuUsage(node0);
    let dbMs = 0;
    for (const [pid, ms] of await backends()) dbMs += ms - (db0.get(pid) ?? 0);
    return `CPU: node ${((node.user + node.system) / 1000).toFixed(0)} ms + PostgreSQL ${dbMs.toFixed(0)} ms`;
  };
}

/** (a) measurements per second through recordKpiMeasurements (HTTP) and importKpiFile (OWN_CSV, Yandex Direct TSV). */
async function kpiIngestion(): Promise<void> {
  const db = `bench_kpis_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const counter = new CountingLogger();
  const ds = createDataSource({ url, poolSize: 10, logger: counter });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = benchConfig(url);
    const app = await createApp(ds, config);
    await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
    const post = poster((app.httpServer.address() as AddressInfo).port);
    const reg = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token } }', {
      i: { agencyName: 'Bench KPIs', email: `bench-kpis-${process.pid}@example.test`, password: 'bench-password-1' },
    });
    const token = reg.registerAgency.token as string;
    const client = (await post('mutation($i: CreateClientInput!) { createClient(input: $i) { ... on Client { id } } }', { i: { name: 'АО «Бенчмарк»' } }, token)).createClient.id;
    const channelId = (await post('{ campaignChannels { id } }', {}, token)).campaignChannels[0].id;
    const START = '2023-01-01';
    const DAYS = 1461; // four years: 7 series × 1461 days ≥ 10 000 rows per campaign
    const metrics = ['IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'LEADS', 'SPEND', 'REVENUE', 'CUSTOM'];
    const items = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
    const campaign = async (name: string): Promise<string> => {
      const input = { clientId: client, channelId, name, budget: '1000000.00', currency: 'RUB', startDate: START, endDate: dayAfter(START, DAYS - 1) };
      const id = (await post('mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: input }, token)).createCampaign.id;
      const targets = [
        { metric: 'CLICKS', plan: '300', period: 'MONTH' },
        { metric: 'SPEND', plan: '1000000', period: 'CAMPAIGN' },
        { metric: 'CPC', plan: '30', period: 'MONTH' },
        { metric: 'LEADS', plan: '50', period: 'WEEK' },
      ];
      await post('mutation($i: SetKpiTargetsInput!) { setKpiTargets(input: $i) { __typename } }', { i: { campaignId: id, targets } }, token);
      for (const item of items) await post('mutation($i: CheckLaunchItemInput!) { checkLaunchItem(input: $i) { id } }', { i: { campaignId: id, item } }, token);
      await post('mutation($id: ID!) { launchCampaign(id: $id) { __typename } }', { id }, token);
      return id;
    };
    const rowsOf = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        metric: metrics[i % 7],
        date: dayAfter(START, Math.floor(i / 7)),
        value: String(100 + (i % 97)),
        ...(metrics[i % 7] === 'CUSTOM' ? { customName: 'Звонки' } : {}),
      }));

    // typed figures: 10 campaigns × 10 000 rows, as 1 000-row mutations (the input's maximum)
    const RECORD = 'mutation($i: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $i) { id } }';
    const typed = await Promise.all(Array.from({ length: 10 }, (_, i) => campaign(`Ввод ${i + 1}`)));
    const batch = rowsOf(10_000);
    await post(RECORD, { i: { campaignId: typed[0], measurements: batch.slice(0, 1000) } }, token); // warm-up (replaced below)
    counter.count = 0;
    const perCall: number[] = [];
    const typedCpu = await cpuMeter(ds, db);
    const t0 = performance.now();
    for (const id of typed) {
      for (let at = 0; at < batch.length; at += 1000) {
        const s0 = performance.now();
        await post(RECORD, { i: { campaignId: id, measurements: batch.slice(at, at + 1000) } }, token);
        perCall.push(performance.now() - s0);
      }
    }
    const typedSeconds = (performance.now() - t0) / 1000;
    perCall.sort((a, b) => a - b);
    rows.push({
      scenario: 'kpi ingestion',
      metric: 'recordKpiMeasurements: 10 campaigns × 10 000 rows in 1 000-row calls (HTTP, sequential)',
      value: `${(100_000 / typedSeconds).toFixed(0)} measurements/s`,
      note: `p50 ${percentile(perCall, 50).toFixed(0)} ms per 1 000-row call; ${(counter.count / perCall.length).toFixed(1)} SQL statements per call; ${await typedCpu()}`,
    });

    // an OWN_CSV file of 100 002 lines into one campaign (input.campaignId, so the id column stays
    // empty: with ids the 5 000 000-character limit of the input holds ~78 000 lines), 6 series ×
    // 16 667 days; its targets are over the whole campaign (one period each to re-evaluate).
    // In-process: the HTTP body limit of 1 MiB would hold ~45 000 such lines.
    const IMPORT_DAYS = 16_667;
    const importInput = { clientId: client, channelId, name: 'Импорт', budget: '1000000000.00', currency: 'RUB', startDate: '2000-01-01', endDate: dayAfter('2000-01-01', IMPORT_DAYS - 1) };
    const importId = (await post('mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: importInput }, token)).createCampaign.id;
    const importTargets = ['CLICKS', 'SPEND', 'CPC', 'LEADS'].map((metric) => ({ metric, plan: '1000', period: 'CAMPAIGN' }));
    await post('mutation($i: SetKpiTargetsInput!) { setKpiTargets(input: $i) { __typename } }', { i: { campaignId: importId, targets: importTargets } }, token);
    for (const item of items) await post('mutation($i: CheckLaunchItemInput!) { checkLaunchItem(input: $i) { id } }', { i: { campaignId: importId, item } }, token);
    await post('mutation($id: ID!) { launchCampaign(id: $id) { __typename } }', { id: importId }, token);
    const lines = ['campaign_id,date,metric,value'];
    for (let d = 0; d < IMPORT_DAYS; d++) for (const m of metrics.slice(0, 6)) lines.push(`,${dayAfter('2000-01-01', d)},${m},${100 + (d % 97)}`);
    const content = lines.join('\n');
    // imports of this size run in the background: the time is from the mutation to SUCCEEDED
    const IMPORT = 'mutation($i: ImportKpiFileInput!) { importKpiFile(input: $i) { id status } }';
    const POLL = 'query($id: ID!) { kpiImport(id: $id) { status imported figuresDone problems { line message } error { code message } } }';
    // the client polls every BENCH_POLL_MS (100 ms, as a front end would; at 20 ms the polls, run
    // in this same process, cost ~0.1 s of its CPU per import); the import's own record gives the
    // time from the request to the last figure stored, without the polling's granularity
    const importFile = async (input: object): Promise<{ seconds: number; serverSeconds: number; imported: number; figures: number; statements: number; cpu: string }> => {
      counter.count = 0;
      const cpu = await cpuMeter(ds, db);
      const s0 = performance.now();
      const started = await app.execute<any>(IMPORT, { i: { ...input, background: true } }, token);
      const id = started.importKpiFile.id as string;
      for (;;) {
        const { kpiImport: state } = await app.execute<any>(POLL, { id }, token);
        if (state.status === 'SUCCEEDED') {
          const seconds = (performance.now() - s0) / 1000;
          const [{ took }] = await ds.query(`SELECT extract(epoch FROM "finishedAt" - "createdAt")::float AS took FROM kpi_imports WHERE id = $1`, [id]);
          return { seconds, serverSeconds: took, imported: state.imported, figures: state.figuresDone, statements: counter.count, cpu: await cpu() };
        }
        if (state.status === 'REFUSED' || state.status === 'FAILED') throw new Error(`import ${state.status}: ${JSON.stringify(state).slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, Number(process.env.BENCH_POLL_MS ?? 100)));
      }
    };
    const own = await importFile({ source: 'OWN_CSV', content, campaignId: importId });
    if (own.imported !== lines.length - 1) throw new Error(`import: ${JSON.stringify(own)}`);
    rows.push({
      scenario: 'kpi ingestion',
      metric: `importKpiFile OWN_CSV, ${(lines.length - 1).toLocaleString('en')} lines (${(content.length / 1e6).toFixed(1)} MB), mutation → SUCCEEDED`,
      value: `${(own.figures / own.seconds).toFixed(0)} measurements/s`,
      note: `${own.figures} measurements (1 a line), ${own.seconds.toFixed(2)} s as the polling client saw it (${(own.figures / own.serverSeconds).toFixed(0)}/s, ${own.serverSeconds.toFixed(2)} s from request to done on the server), ${own.statements} SQL statements incl. polling; ${own.cpu}; target ≥ 100 000/s`,
    });
    // where the time of the import goes, without the database: reading the file, checking the lines
    const { parseKpiFile } = await import('../src/services/kpi-import/sources');
    const { checkImport } = await import('../src/services/kpi-import/validate');
    const { KpiImportSource } = await import('../src/schema/kpi-import/kpi-import.enums');
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    const s2 = performance.now();
    const c2 = process.cpuUsage();
    const parsedOwn = await parseKpiFile(KpiImportSource.OWN_CSV, content, { moneyInMicros: true });
    const parseMs = performance.now() - s2;
    const parseCpu = cpuMs(c2);
    const s3 = performance.now();
    const c3 = process.cpuUsage();
    checkImport(parsedOwn, { forced: { id: importId, name: 'Импорт', status: 'LAUNCHED', startDate: '2000-01-01', endDate: dayAfter('2000-01-01', IMPORT_DAYS - 1) } as never, byId: new Map(), byName: new Map() });
    rows.push({
      scenario: 'kpi ingestion',
      metric: '  of which reading the file / checking the lines (no database)',
      value: `${parseMs.toFixed(0)} / ${(performance.now() - s3).toFixed(0)} ms`,
      note: `CPU ${parseCpu.toFixed(0)} / ${cpuMs(c3).toFixed(0)} ms`,
    });

    // a Yandex Direct report (TSV, money in micro-units): 5 measurements a line, matched by campaign name
    const YANDEX_DAYS = 20_000;
    const yandexStart = '1980-01-01';
    const yandexInput = { clientId: client, channelId, name: 'Яндекс Директ', budget: '1000000000.00', currency: 'RUB', startDate: yandexStart, endDate: dayAfter(yandexStart, YANDEX_DAYS - 1) };
    const yandexId = (await post('mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: yandexInput }, token)).createCampaign.id;
    await post('mutation($i: SetKpiTargetsInput!) { setKpiTargets(input: $i) { __typename } }', { i: { campaignId: yandexId, targets: importTargets } }, token);
    for (const item of items) await post('mutation($i: CheckLaunchItemInput!) { checkLaunchItem(input: $i) { id } }', { i: { campaignId: yandexId, item } }, token);
    await post('mutation($id: ID!) { launchCampaign(id: $id) { __typename } }', { id: yandexId }, token);
    const tsv = [`"Campaign stats (${yandexStart} - ${dayAfter(yandexStart, YANDEX_DAYS - 1)})"`, 'Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\tConversions\tRevenue'];
    for (let d = 0; d < YANDEX_DAYS; d++) tsv.push(`${dayAfter(yandexStart, d)}\t70001\tЯндекс Директ\t${1000 + (d % 97)}\t${50 + (d % 13)}\t${1_500_000_000 + d * 100}\t${d % 7}\t${3_000_000_000 + d * 100}`);
    tsv.push(`Total rows: ${YANDEX_DAYS}`);
    const tsvContent = tsv.join('\n');
    const yandex = await importFile({ source: 'YANDEX_DIRECT_TSV', content: tsvContent });
    if (yandex.imported !== YANDEX_DAYS || yandex.figures !== YANDEX_DAYS * 5) throw new Error(`yandex import: ${JSON.stringify(yandex)}`);
    rows.push({
      scenario: 'kpi ingestion',
      metric: `importKpiFile YANDEX_DIRECT_TSV, ${YANDEX_DAYS.toLocaleString('en')} lines (${(tsvContent.length / 1e6).toFixed(1)} MB), mutation → SUCCEEDED`,
      value: `${(yandex.figures / yandex.seconds).toFixed(0)} measurements/s`,
      note: `${yandex.figures} measurements (5 a line), ${(yandex.imported / yandex.seconds).toFixed(0)} lines/s, ${yandex.seconds.toFixed(2)} s as the polling client saw it (${(yandex.figures / yandex.serverSeconds).toFixed(0)}/s, ${yandex.serverSeconds.toFixed(2)} s on the server), ${yandex.statements} SQL statements incl. polling; ${yandex.cpu}`,
    });
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM kpi_measurements');
    const [{ bad }] = await ds.query(
      `SELECT count(*)::int AS bad FROM (SELECT "campaignId", metric, "customName", date_trunc('month', date)::date AS month, SUM(value) AS v, COUNT(*)::int AS d FROM kpi_measurements GROUP BY 1, 2, 3, 4) r
         FULL JOIN kpi_measurement_months m USING ("campaignId", metric, "customName", month) WHERE m.value IS DISTINCT FROM r.v OR m.days IS DISTINCT FROM r.d`,
    );
    rows.push({ scenario: 'kpi ingestion', metric: 'rows stored / rollup rows differing from the raw sums', value: `${n} / ${bad}` });
    await app.stop();
  } finally {
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

/** (b) the agency-wide report and (c) the portal's campaign read, on the seed:large database. */
async function kpiReads(parts: { report: boolean; portal: boolean } = { report: true, portal: true }): Promise<void> {
  const { SEED_LARGE_URL, SEED_LARGE_PASSWORD, seedLargeOwnerEmail } = await import('./seed-large');
  const counter = new CountingLogger();
  const ds = createDataSource({ url: SEED_LARGE_URL, poolSize: 10, logger: counter, applicationName: 'bench' });
  await ds.initialize();
  try {
    // a data set generated by an older build: bring its schema up to this one
    await ds.runMigrations({ transaction: 'all' });
    const [{ measurements }] = await ds.query('SELECT count(*)::bigint AS measurements FROM kpi_measurements');
    if (Number(measurements) === 0) throw new Error(`${SEED_LARGE_URL} has no measurements: run npm run seed:large first`);
    const [{ campaigns }] = await ds.query('SELECT count(*)::int AS campaigns FROM campaigns');
    const size = `${Number(measurements).toLocaleString('en')} measurements, ${campaigns} campaigns`;
    const config = benchConfig(SEED_LARGE_URL);
    const app = await createApp(ds, config);
    await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
    const post = poster((app.httpServer.address() as AddressInfo).port);
    const login = (email: string, password: string) => post('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } }).then((d) => d.login.token as string);
    const owner = await login(seedLargeOwnerEmail(1), SEED_LARGE_PASSWORD);

    const REPORT = 'query($i: KpiReportInput!) { kpiReport(input: $i) { totalGroups pageInfo { hasNextPage endCursor } rows { month group { id name } metrics { metric customName value } } } }';
    const cases: [string, object][] = [
      ['whole months Jan–Nov 2026, NONE', { from: '2026-01-01', to: '2026-11-30', groupBy: 'NONE' }],
      ['whole months Jan–Nov 2026, CLIENT', { from: '2026-01-01', to: '2026-11-30', groupBy: 'CLIENT' }],
      ['whole months Jan–Nov 2026, MANAGER', { from: '2026-01-01', to: '2026-11-30', groupBy: 'MANAGER' }],
      ['whole months Jan–Nov 2026, CAMPAIGN (first page, 20 groups)', { from: '2026-01-01', to: '2026-11-30', groupBy: 'CAMPAIGN' }],
      ['whole months Jan–Nov 2026, CAMPAIGN (first: 100)', { from: '2026-01-01', to: '2026-11-30', groupBy: 'CAMPAIGN', first: 100 }],
      ['15 Jan – 20 Oct 2026 (partial edges), NONE', { from: '2026-01-15', to: '2026-10-20', groupBy: 'NONE' }],
      ['15 Jan – 20 Oct 2026 (partial edges), CHANNEL', { from: '2026-01-15', to: '2026-10-20', groupBy: 'CHANNEL' }],
    ];
    for (const [label, input] of parts.report ? cases : []) {
      for (let i = 0; i < 5; i++) await post(REPORT, { i: input }, owner);
      counter.count = 0;
      const times: number[] = [];
      let nRows = 0;
      let nGroups = 0;
      for (let i = 0; i < 30; i++) {
        const s0 = performance.now();
        const answer = (await post(REPORT, { i: input }, owner)).kpiReport;
        nRows = answer.rows.length;
        nGroups = answer.totalGroups;
        times.push(performance.now() - s0);
      }
      times.sort((a, b) => a - b);
      rows.push({
        scenario: 'kpi report',
        metric: `kpiReport ${label}`,
        value: `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} ms`,
        note: `p50 / p95, ${nRows} rows (groups in all: ${nGroups}), ${(counter.count / 30).toFixed(0)} SQL/request; agency 1 of 10 (data set: ${size}); target ≤ 50 ms`,
      });
    }

    // (c) a portal user of the client of one launched campaign, reading it at a fixed rate
    if (!parts.portal) return void (await app.stop());
    const [c] = await ds.query(
      `SELECT c.id, c."clientId", to_char(c."startDate", 'YYYY-MM-DD') AS "from", to_char(c."startDate" + 89, 'YYYY-MM-DD') AS "asOf" FROM campaigns c JOIN agencies a ON a.id = c."agencyId"
        WHERE a.name = 'Generated agency 1' ORDER BY c.name LIMIT 1`,
    );
    const email = `portal-bench-${process.pid}-${Date.now()}@seed-large.test`;
    await post('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email, password: SEED_LARGE_PASSWORD, role: 'CLIENT', clientId: c.clientId } }, owner);
    const portal = await login(email, SEED_LARGE_PASSWORD);
    const vars = { id: c.id, asOf: c.asOf, from: c.from };
    const first = await post(PORTAL_CAMPAIGN_READ, vars, portal);
    if (first.campaign.kpis.length !== 8) throw new Error(`expected 8 KPIs: ${JSON.stringify(first).slice(0, 300)}`);
    for (let i = 0; i < 50; i++) await post(PORTAL_CAMPAIGN_READ, vars, portal);
    counter.count = 0;
    const sequential: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s0 = performance.now();
      await post(PORTAL_CAMPAIGN_READ, vars, portal);
      sequential.push(performance.now() - s0);
    }
    const perRequest = counter.count / 100;
    sequential.sort((a, b) => a - b);
    rows.push({
      scenario: 'portal campaign read',
      metric: '8 KPIs over 90 days + pacing + open deviations, sequential',
      value: `${percentile(sequential, 50).toFixed(1)} / ${percentile(sequential, 99).toFixed(1)} ms`,
      note: `p50 / p99; ${perRequest.toFixed(0)} SQL statements per request`,
    });
    // the load runs against the built server in its own process, as in production: in this
    // process the load loop and the server would share one event loop
    const server = await startServer({ DATABASE_URL: SEED_LARGE_URL, SEED_DEMO: 'false' });
    const RATE = Number(process.env.BENCH_PORTAL_RATE ?? 200);
    const SECONDS = Number(process.env.BENCH_PORTAL_SECONDS ?? 10);
    const remote = leanPoster(server.port, 64);
    for (let i = 0; i < 200; i++) await remote.post(PORTAL_CAMPAIGN_READ, vars, portal); // warm-up: compilation, JIT, pool
    const total = RATE * SECONDS;
    const pids = await backendPids(ds);
    const [server0, db0, own0] = [processCpuMs(server.pid), backendsCpu(pids), process.cpuUsage()];
    const { latencies, failures, seconds } = await openLoop(() => remote.post(PORTAL_CAMPAIGN_READ, vars, portal), RATE, SECONDS);
    const own = process.cpuUsage(own0);
    const cpu = { server: processCpuMs(server.pid) - server0, db: backendsCpuSince(db0), load: (own.user + own.system) / 1000 };
    remote.close();
    await server.stop();
    rows.push({
      scenario: 'portal campaign read',
      metric: `8 KPIs over 90 days + pacing + open deviations, fixed ${RATE} req/s for ${SECONDS} s`,
      value: `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} ms`,
      note: `p50 / p99; ${(latencies.length / seconds).toFixed(0)} req/s answered, ${failures} failed; built server in its own process; ${size}; target p99 ≤ 20 ms`,
    });
    rows.push({
      scenario: 'portal campaign read',
      metric: 'CPU a request at that rate: server / PostgreSQL / load generator',
      value: `${(cpu.server / total).toFixed(2)} / ${(cpu.db / total).toFixed(2)} / ${(cpu.load / total).toFixed(2)} ms`,
      note: `two cores give ${(2000 / RATE).toFixed(0)} ms a request at ${RATE} req/s, shared by the three`,
    });
    await app.stop();
  } finally {
    await ds.destroy();
  }
}

/** `npm run bench -- kpis [ingestion|reads|report|portal]`: all by default; `reads` is the report and the portal read. */
async function kpisScenario(): Promise<void> {
  const part = process.argv[3];
  if (!part || part === 'ingestion') await kpiIngestion();
  if (!part || part === 'reads') await kpiReads();
  if (part === 'report' || part === 'portal') await kpiReads({ report: part === 'report', portal: part === 'portal' });
}

/** A job that does nothing: what the queue itself costs per job (record writes included). */
registerJob<{ n: number }, { n: number }>({ kind: 'bench.noop', retryLimit: 0, run: async ({ payload }) => ({ n: payload.n }) });

/**
 * The queue on PostgreSQL: 2 000 small no-op tenant jobs sent through enqueueJob (each in its own
 * transaction, with the agency's record), then worked to SUCCEEDED by a process with WORKERS
 * workers; the figure is jobs/s from the workers' start until the last record reads SUCCEEDED.
 */
async function queueScenario(): Promise<void> {
  const N = Number(process.env.BENCH_QUEUE_JOBS || 2000);
  for (const workers of ['2', '8']) {
    const db = `bench_queue_${process.pid}_${workers}`;
    await recreateDatabase(BASE_URL, db);
    const url = withDatabase(BASE_URL, db);
    const ds = createDataSource({ url, poolSize: 20, applicationName: 'bench-queue' });
    await ds.initialize();
    try {
      await ds.runMigrations();
      const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'silent', JOB_POLL_INTERVAL_MS: '500' };
      const [agency] = await ds.query(`INSERT INTO agencies (name) VALUES ('Bench queue') RETURNING id`);
      const [user] = await ds.query(`INSERT INTO users ("agencyId", email, "passwordHash", role) VALUES ($1, 'owner@bench.queue', 'x', 'OWNER') RETURNING id`, [agency.id]);
      const actor: AuthedContext['actor'] = { userId: user.id, agencyId: agency.id, role: UserRole.OWNER, clientId: null };

      // sending only (WORKERS=0): nothing is worked while the 2 000 jobs go in
      const sender = await createApp(ds, loadConfig({ ...env, WORKERS: '0' }), createLogger('silent'));
      const ctx = newContext<AuthedContext>({ usage: noUsage(), requestId: 'bench', actor, authError: null, locale: Locale.EN, manager: ds.manager, app: sender.services, logger: sender.services.logger });
      const t0 = performance.now();
      const inFlight = 8;
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < N) await enqueueJob(ctx, 'bench.noop', { n: next++ });
        }),
      );
      const sendMs = performance.now() - t0;
      await sender.stop();
      if (workers === '2') rows.push({ scenario: 'queue', metric: `enqueue ${N} jobs (own transaction each, 8 in flight)`, value: `${((N / sendMs) * 1000).toFixed(0)} jobs/s` });

      const t1 = performance.now();
      const worker = await createApp(ds, loadConfig({ ...env, WORKERS: workers }), createLogger('silent'));
      let done = 0;
      while (done < N) {
        await new Promise((r) => setTimeout(r, 50));
        done = Number((await ds.query(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'bench.noop' AND state = 'SUCCEEDED'`))[0].n);
        if (performance.now() - t1 > 600_000) throw new Error(`queue bench: only ${done} of ${N} jobs done after 10 minutes`);
      }
      const workMs = performance.now() - t1;
      await worker.stop();
      rows.push({
        scenario: 'queue',
        metric: `work ${N} no-op jobs to SUCCEEDED, WORKERS=${workers}`,
        value: `${((N / workMs) * 1000).toFixed(0)} jobs/s`,
        note: `${(workMs / 1000).toFixed(1)} s from the workers' start (record start/success writes included)`,
      });
    } finally {
      await ds.destroy();
      await dropDatabase(BASE_URL, db);
    }
  }
}

/**
 * Client analytics on a generated agency: 500 clients, each with a stage history, 4 deals, 6 paid
 * invoices (some refunds), 20 interactions, 3 campaigns with 90 days of SPEND/REVENUE figures
 * and an acquisition cost, plus monthly costs shared by the clients acquired in each month; one
 * more agency of the same size beside it. Each analytics query (and
 * upsell suggestions for one client) is timed through HTTP, sequentially.
 */
async function analyticsScenario(): Promise<void> {
  await withScratchDatabase('analytics', 10, async (ds, url, db) => {
    const config = benchConfig(url);
    const { httpServer, stop } = await createApp(ds, config);
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const port = (httpServer.address() as AddressInfo).port;
    const post = async (query: string, variables: object, token?: string) => {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return r.json() as Promise<any>;
    };
    const agencies: { token: string; agencyId: string; userId: string }[] = [];
    for (const n of [1, 2]) {
      const reg = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }', {
        i: { agencyName: `Bench ${n}`, email: `bench-analytics-${n}-${process.pid}@example.test`, password: 'bench-password-1' },
      });
      const { token, agency, user } = reg.data.registerAgency;
      agencies.push({ token, agencyId: agency.id, userId: user.id });
      await post('{ campaignChannels { id } }', {}, token);
    }
    const t0 = performance.now();
    await ds.query('SELECT setseed(0.42)');
    for (const { agencyId, userId } of agencies) {
      await ds.query(
        `INSERT INTO clients ("agencyId", name, "ownerId", "companySize", "lifecycleStage", "createdAt", "terminatedAt")
         SELECT $1, 'Клиент ' || lpad(i::text, 3, '0'), $2, (ARRAY['SMALL','MEDIUM','LARGE']::company_size[])[1 + i % 3],
                (ARRAY['ATTRACTION','INTEREST','EVALUATION','PURCHASE','LOYALTY']::lifecycle_stage[])[1 + i % 5],
                now() - make_interval(days => 400 + i % 300), CASE WHEN i % 17 = 0 THEN now() - make_interval(days => i % 200) END
           FROM generate_series(1, 500) i`,
        [agencyId, userId],
      );
      await ds.query(
        `INSERT INTO client_stage_changes ("agencyId", "clientId", "toStage", "changedAt")
         SELECT c."agencyId", c.id, (ARRAY['ATTRACTION','INTEREST','EVALUATION','PURCHASE','LOYALTY']::lifecycle_stage[])[1 + (n + length(c.name)) % 5],
                c."createdAt" + make_interval(days => n * 30 + (random() * 20)::int)
           FROM clients c, generate_series(0, 5) n WHERE c."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO deals ("agencyId", "clientId", title, stage, "stageEnteredAt", status, "openedAt", "closedAt")
         SELECT c."agencyId", c.id, 'Сделка', 'CLOSING', now(), s, now() - make_interval(days => (random() * 365)::int), now() - make_interval(days => (random() * 30)::int)
           FROM clients c, generate_series(1, 4) n, LATERAL (SELECT (ARRAY['WON','WON','LOST','OPEN']::deal_status[])[1 + floor(random() * 4)::int] AS s) x
          WHERE c."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO invoices ("agencyId", "clientId", currency, "dueDate", status, "issuedAt", "issueDate")
         SELECT c."agencyId", c.id, CASE WHEN n = 6 AND c.name LIKE '%7' THEN 'EUR'::currency_code ELSE 'RUB'::currency_code END,
                current_date, 'PAID', now() - make_interval(days => n * 50), current_date - n * 50
           FROM clients c, generate_series(1, 6) n WHERE c."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO payments ("agencyId", "invoiceId", "clientId", kind, amount, "paidAt")
         SELECT v."agencyId", v.id, v."clientId", 'PAYMENT', round((1000 + random() * 200000)::numeric, 2), v."issueDate" + 5
           FROM invoices v WHERE v."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO payments ("agencyId", "invoiceId", "clientId", kind, amount, "paidAt")
         SELECT p."agencyId", p."invoiceId", p."clientId", 'REFUND', round(p.amount / 10, 2), p."paidAt" + 10
           FROM payments p WHERE p."agencyId" = $1 AND random() < 0.1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO interactions ("agencyId", "clientId", kind, "occurredAt", "durationMinutes", summary)
         SELECT c."agencyId", c.id, 'CALL', now() - make_interval(days => (random() * 365)::int), (random() * 60)::int, 'Созвон'
           FROM clients c, generate_series(1, 20) n WHERE c."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO campaigns ("agencyId", "clientId", "channelId", name, budget, currency, "startDate", "endDate", status)
         SELECT c."agencyId", c.id, ch.id, 'Кампания', 100000, 'RUB', current_date - 120, current_date + 30, 'LAUNCHED'
           FROM clients c CROSS JOIN LATERAL (SELECT id FROM campaign_channels WHERE "agencyId" = c."agencyId" ORDER BY md5(c.id::text || name) LIMIT 3) ch
          WHERE c."agencyId" = $1`,
        [agencyId],
      );
      await ds.query(
        `INSERT INTO kpi_measurements ("agencyId", "clientId", "campaignId", metric, date, value)
         SELECT k."agencyId", k."clientId", k.id, m, current_date - d, round((random() * 5000)::numeric, 2)
           FROM campaigns k, generate_series(1, 90) d, unnest(ARRAY['SPEND','REVENUE']::kpi_metric[]) m WHERE k."agencyId" = $1`,
        [agencyId],
      );
      await rollUpMeasurements(ds, agencyId);
      await ds.query(
        `INSERT INTO acquisition_costs ("agencyId", "clientId", amount, currency, "spentOn")
         SELECT c."agencyId", c.id, round((random() * 50000)::numeric, 2), 'RUB', current_date - 400 FROM clients c WHERE c."agencyId" = $1`,
        [agencyId],
      );
      // and two years of monthly costs, shared among the clients acquired in each month
      await ds.query(
        `INSERT INTO acquisition_costs ("agencyId", "clientId", amount, currency, "spentOn")
         SELECT $1, NULL, 100000, 'RUB', (date_trunc('month', now()) - make_interval(months => n))::date FROM generate_series(0, 23) n`,
        [agencyId],
      );
    }
    await ds.query('ANALYZE');
    rows.push({ scenario: 'analytics', metric: 'data set generated (2 agencies × 500 clients)', value: `${(performance.now() - t0).toFixed(0)} ms`, note: '12k payments, 20k interactions, 270k KPI figures' });
    const { token, userId } = agencies[0]!;
    const [{ id: clientId }] = await ds.query('SELECT id FROM clients WHERE "agencyId" = $1 ORDER BY name LIMIT 1', [agencies[0]!.agencyId]);
    const year = { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const queries: [string, string, object][] = [
      ['clientLifecycleStats', '{ clientLifecycleStats { activeClients stages { stage clients averageDaysInStage } } }', {}],
      ['repeatPurchaseShare', '{ repeatPurchaseShare { sharePercent } }', {}],
      ['churn (12 months)', 'query($i: ChurnInput!) { churn(input: $i) { periods { activeAtStart churned ratePercent } } }', { i: year }],
      ['customerLifetimeValue (500 clients)', '{ customerLifetimeValue { clients { clientId lifetimeValue { amount currency } valueAfterAcquisition { amount currency } } totals { currency lifetimeValue } } }', {}],
      ['pareto (a year)', 'query($i: RevenuePeriodInput!) { pareto(input: $i) { setSize clients { clientId sharePercent } } }', { i: year }],
      ['engagement (a year, 500 clients)', 'query($i: AnalyticsPeriodInput!) { engagement(input: $i) { clients { clientId contactsPerMonth totalMinutes servicesUsed } } }', { i: year }],
      ['dependencyRisk (a year)', 'query($i: DependencyRiskInput!) { dependencyRisk(input: $i) { atRisk top { sharePercent } } }', { i: year }],
      ['churn, one manager', 'query($i: ChurnInput!) { churn(input: $i) { periods { churned } } }', { i: { ...year, managerId: userId } }],
      ['upsellSuggestions (one client)', 'query($c: ID!) { upsellSuggestions(clientId: $c) { suggestions { score } } }', { c: clientId }],
    ];
    for (const [label, query, variables] of queries) {
      const first = await post(query, variables, token);
      if (first.errors) throw new Error(`${label}: ${JSON.stringify(first.errors)}`);
      const timings: number[] = [];
      for (let i = 0; i < 20; i++) {
        const s = performance.now();
        await post(query, variables, token);
        timings.push(performance.now() - s);
      }
      timings.sort((a, b) => a - b);
      const p50 = percentile(timings, 50);
      rows.push({ scenario: 'analytics', metric: `${label}: p50 / p95 (HTTP round trip)`, value: `${p50.toFixed(1)} / ${percentile(timings, 95).toFixed(1)} ms`, note: p50 <= 100 ? 'target ≤ 100 ms: met' : 'target ≤ 100 ms: MISSED' });
    }
    await stop();
  });
}


/**
 * Reports: a monthly OWNER report for a client with 20 launched campaigns over a year of daily
 * figures (4 metrics × 365 days × 20 campaigns, generated in SQL) and 12 issued invoices: the
 * data (the report's SQL and maths) and the PDF (rendered in-process), median of 7 runs after a
 * warm-up.
 */
async function reportsScenario(): Promise<void> {
  await withScratchDatabase('reports', 5, async (ds, url, db) => {
    const config = benchConfig(url, { WORKERS: '0' });
    const { httpServer, stop, services } = await createApp(ds, config);
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const port = (httpServer.address() as AddressInfo).port;
    const reg = (await (
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }',
          variables: { i: { agencyName: 'Bench', email: `bench-reports-${process.pid}@example.test`, password: 'bench-password-1' } },
        }),
      })
    ).json()) as any;
    const { agency, user, token } = reg.data.registerAgency;
    // the agency's usual channels are made the first time it looks at them
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ campaignChannels { id } }' }),
    });
    const [client] = await ds.query(`INSERT INTO clients ("agencyId", name, "ownerId") VALUES ($1, 'АО «Вектор»', $2) RETURNING id, name`, [agency.id, user.id]);
    await ds.query(
      `INSERT INTO campaigns ("agencyId", "clientId", "channelId", name, budget, currency, "startDate", "endDate", status, "launchedAt")
       SELECT $1, $2, ch.id, 'Кампания ' || i, 100000, 'RUB', '2025-12-01', '2026-11-30', 'LAUNCHED', now()
         FROM generate_series(1, 20) i
         JOIN LATERAL (SELECT id FROM campaign_channels WHERE "agencyId" = $1 ORDER BY name OFFSET (i % 5) LIMIT 1) ch ON true`,
      [agency.id, client.id],
    );
    await ds.query(
      `INSERT INTO kpi_measurements ("agencyId", "clientId", "campaignId", metric, "customName", date, value)
       SELECT c."agencyId", c."clientId", c.id, m.metric::kpi_metric, '', d::date,
              CASE m.metric WHEN 'SPEND' THEN 300 + (hashtext(c.id::text || d::text) & 255) WHEN 'REVENUE' THEN 500 + (hashtext(d::text || c.id::text) & 511)
                            WHEN 'CONVERSIONS' THEN 1 + (hashtext(c.id::text || d::text || 'c') & 3) ELSE 100 + (hashtext(c.id::text || 'k' || d::text) & 63) END
         FROM campaigns c
        CROSS JOIN generate_series('2025-12-01'::date, '2026-11-30'::date, '1 day') d
        CROSS JOIN (VALUES ('SPEND'), ('REVENUE'), ('CONVERSIONS'), ('CLICKS')) m(metric)
        WHERE c."agencyId" = $1`,
      [agency.id],
    );
    await rollUpMeasurements(ds, agency.id);
    await ds.query(
      `INSERT INTO invoices ("agencyId", "clientId", currency, status, "issueDate", "dueDate", subtotal, "vatTotal", total, "amountDue")
       SELECT $1, $2, 'RUB', 'ISSUED', d::date, d::date + 14, 50000, 0, 50000, 50000 FROM generate_series('2025-12-05'::date, '2026-11-05'::date, '1 month') d`,
      [agency.id, client.id],
    );
    await ds.query('ANALYZE');
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM kpi_measurements');
    if (n !== 20 * 365 * 4) throw new Error(`expected ${20 * 365 * 4} daily figures, made ${n}`);
    const { newContext } = await import('../src/context');
    const { buildReportData } = await import('../src/services/report.reads');
    const { renderDocument } = await import('../src/documents/render');
    const { REPORT_RENDER_KIND } = await import('../src/documents/kinds');
    const { Client } = await import('../src/entities');
    const { ReportKind, UserRole, Locale } = await import('../src/entities/enums');
    const ctxOf = () =>
      newContext<any>({
        usage: noUsage(),
        requestId: 'bench',
        actor: { userId: user.id, agencyId: agency.id, role: UserRole.OWNER, clientId: null },
        authError: null,
        locale: Locale.RU,
        manager: ds.manager,
        app: services,
        logger: services.logger,
      });
    const clientRow = await ds.getRepository(Client).findOneByOrFail({ id: client.id });
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    let data: any = await buildReportData(ctxOf(), clientRow, ReportKind.OWNER, range);
    const dataMs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      data = await buildReportData(ctxOf(), clientRow, ReportKind.OWNER, range); // fresh loaders each time, as a new request
      dataMs.push(performance.now() - t0);
    }
    const model = { data, developmentPlan: 'Расширить семантику.', version: 1, draft: false, agencyName: 'Bench' };
    const opts = { locale: 'ru' as const, createdAt: new Date('2026-12-01T09:00:00Z') };
    let pages = (await renderDocument(REPORT_RENDER_KIND, model, opts)).pageCount;
    const pdfMs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      pages = (await renderDocument(REPORT_RENDER_KIND, model, opts)).pageCount;
      pdfMs.push(performance.now() - t0);
    }
    const note = `20 campaigns, ${n} daily figures, 12 invoices`;
    rows.push({ scenario: 'reports', metric: 'monthly OWNER report: data (SQL + maths), median of 7', value: `${median(dataMs).toFixed(1)} ms`, note });
    rows.push({ scenario: 'reports', metric: `monthly OWNER report: PDF with 2 charts (${pages} pages), in-process, median of 7`, value: `${median(pdfMs).toFixed(1)} ms` });
    await stop();
  });
}

/**
 * Limits (issue 12): what refusing the measured abuses costs (ms, and SQL statements beyond the
 * token lookup: 0), one controlPoints page over 1 200 clients, and another agency's simple query
 * (p50/p99, autocannon) alone and while an abusive agency sends 5 concurrent worst-case requests
 * that pass every per-request limit (20 aliases of controlPoints(first: 100)); before the limits
 * that tenant's 500-alias requests took 11 s each and pushed others to 12–15 s.
 */
async function limitsScenario(): Promise<void> {
  const autocannon = (await import('autocannon')).default;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const db = `bench_limits_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const statements: string[] = [];
  const counter: TypeOrmLogger = {
    logQuery: (q: string) => void statements.push(q),
    logQueryError() {},
    logQuerySlow() {},
    logSchemaBuild() {},
    logMigration() {},
    log() {},
  };
  const ds = createDataSource({ url, poolSize: 10, logger: counter });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = benchConfig(url, { WORKERS: '0' });
    const { httpServer, stop } = await createApp(ds, config);
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
    const post = async (query: string, token?: string, variables?: object) => {
      const r = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const register = async (name: string) => {
      const res = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } } }', undefined, {
        i: { agencyName: name, email: `${name.toLowerCase()}-${process.pid}@example.test`, password: 'bench-password-1' },
      });
      return res.body.data.registerAgency as { token: string; agency: { id: string } };
    };
    const abuser = await register('Abuser');
    const other = await register('Other');
    for (const [agency, n] of [[abuser.agency.id, 1200], [other.agency.id, 50]] as const) {
      await ds.query(
        `INSERT INTO clients ("agencyId", name, "nextContactOn") SELECT $1, 'Клиент ' || lpad(i::text, 4, '0'), current_date + (i % 90) FROM generate_series(1, $2::int) i`,
        [agency, n],
      );
    }
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const abuses: Array<[string, string, string | undefined]> = [
      ['500 aliases of controlPoints(first: 100)', aliases(500, 'controlPoints(first: 100) { totalCount edges { node { kind dueOn client { name } } } }'), abuser.token],
      ['10 000 aliases of me', aliases(10_000, 'me { id }'), abuser.token],
      ['2 000 aliases of funnel', aliases(2_000, 'funnel(input: { from: "2026-01-01", to: "2026-12-31" }) { stages { count } }'), abuser.token],
      ['29 000 @skip, anonymous (~830 KB)', `{ ${Array.from({ length: 29_000 }, (_, i) => `f${i}: __typename @skip(if: false)`).join(' ')} }`, undefined],
      ['11 levels deep', '{ clients { edges { node { contacts { client { contacts { client { contacts { client { contacts { client { id } } } } } } } } } } } }', abuser.token],
      ['controlPoints(first: 1000000)', '{ controlPoints(first: 1000000) { edges { node { kind } } } }', abuser.token],
    ];
    for (const [label, query, token] of abuses) {
      const ms: number[] = [];
      let sql = 0;
      let code = '';
      for (let i = 0; i < 5; i++) {
        statements.length = 0;
        const t0 = performance.now();
        const res = await post(query, token);
        ms.push(performance.now() - t0);
        sql = Math.max(sql, statements.filter((q) => !/FROM users u JOIN agencies a/.test(q)).length);
        code = `${res.status} ${res.body.errors?.[0]?.extensions?.code}/${res.body.errors?.[0]?.extensions?.reason}`;
      }
      rows.push({ scenario: 'limits', metric: `refused: ${label}`, value: `${median(ms).toFixed(1)} ms, ${sql} SQL`, note: code });
    }

    const page = '{ controlPoints(first: 100) { totalCount edges { node { kind dueOn client { name } } } } }';
    const pageMs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const res = await post(page, abuser.token);
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      pageMs.push(performance.now() - t0);
    }
    rows.push({ scenario: 'limits', metric: 'controlPoints(first: 100) over 2 400 items, median of 7', value: `${median(pageMs).toFixed(1)} ms`, note: 'was 609 ms over 1 222 items (all loaded)' });

    const simple = JSON.stringify({ query: '{ clients(first: 10) { edges { node { name } } } }' });
    const measure = async () => {
      const r = await autocannon({ url: endpoint, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` }, body: simple, connections: 2, duration: 8 });
      return `${r.latency.p50} / ${r.latency.p99} ms (${Math.round(r.requests.average)} req/s, ${r.non2xx} non-2xx)`;
    };
    rows.push({ scenario: 'limits', metric: "other agency's simple query p50 / p99, alone (2 connections)", value: await measure() });

    // the worst an agency can send that passes every per-request limit: 20 × (20 sources × 50 + 201) = 24 020 points
    const worst = aliases(20, 'controlPoints(first: 100) { edges { node { kind dueOn client { name } } } }');
    let attacking = true;
    const outcomes: Record<string, number> = {};
    const worstMs: number[] = [];
    const attacker = async () => {
      while (attacking) {
        const t0 = performance.now();
        const res = await post(worst, abuser.token);
        const key = String(res.status);
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (res.status === 200) worstMs.push(performance.now() - t0);
        // a refused client waits as Retry-After asks, at most a second here so the figures stay short
        else await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const attackers = Array.from({ length: 5 }, attacker);
    await new Promise((r) => setTimeout(r, 1000));
    const during = await measure();
    attacking = false;
    await Promise.all(attackers);
    rows.push({ scenario: 'limits', metric: "other agency's simple query p50 / p99, 5 concurrent worst-case requests of another agency", value: during, note: 'before: 12–15 s' });
    rows.push({
      scenario: 'limits',
      metric: 'abusive agency: worst-case request (20 × controlPoints(first: 100)) answers',
      value: Object.entries(outcomes).map(([k, v]) => `${v}× HTTP ${k}`).join(', '),
      note: worstMs.length ? `served ones: median ${median(worstMs).toFixed(0)} ms; AGENCY_COST_PER_MINUTE ${config.agencyCostPerMinute}` : '',
    });
    await stop();
  } finally {
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}


/** The nested list of issue 12: 20 invoices, each with its client and the client's contacts, and its lines. */
export const THROUGHPUT_QUERY = /* GraphQL */ `query Invoices {
  invoices(first: 20) {
    edges {
      node {
        id number status total dueDate
        client { id name contacts { fullName email } }
        lines { description quantity net }
      }
    }
  }
}`;

/** Counts the messages the process's PostgreSQL clients send (round trips: one per query call of pg's Client) until stop(). */
function countMessages(): { stop(): number } {
  const proto = PgClient.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const send = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return send.apply(this, args);
  };
  return {
    stop() {
      proto.query = send;
      return n;
    },
  };
}

/**
 * Throughput (issue 12): a production-mode server in its own process on a scratch database seeded
 * with one agency (200 clients × 2 contacts, 2 000 issued invoices × 3 lines), driven by
 * autocannon with THROUGHPUT_QUERY: requests/s at 10 connections, p50/p99; p99 at a fixed
 * 150 requests/s (an open loop, see openLoop); the server's CPU time per request (steadier than requests/s when other work
 * shares the machine); SQL statements per request (counted in-process on the same database);
 * idle and peak RSS (VmHWM). BENCH_THROUGHPUT_SECONDS sets the length of each run (10 s).
 */
/**
 * The throughput bench's agency: 200 clients with 2 contacts each, 2 000 issued invoices of 3
 * lines; registered through the API, the rows inserted in bulk. Returns the owner's token.
 */
async function seedThroughputAgency(ds: DataSource, post: Post): Promise<{ token: string; agency: { id: string } }> {
  const reg = await post(
    'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }',
    { i: { agencyName: 'Bench throughput', email: `bench-throughput-${process.pid}@example.test`, password: 'bench-password-1' } },
  );
  const { token, agency, user } = reg.registerAgency;
  await ds.query(
    `INSERT INTO clients ("agencyId", name, inn, "ownerId") SELECT $1, 'ООО «Клиент ' || lpad(i::text, 3, '0') || '»', lpad((7700000000 + i)::text, 10, '0'), $2 FROM generate_series(1, 200) i`,
    [agency.id, user.id],
  );
  await ds.query(
    `INSERT INTO contacts ("agencyId", "clientId", "fullName", position, email, phone, "isPrimary")
     SELECT c."agencyId", c.id, 'Контакт ' || n || ' ' || c.name, 'Маркетолог', 'contact' || n || '.' || c.inn || '@example.test', '+7900' || lpad(n::text, 7, '0'), n = 1
       FROM clients c, generate_series(1, 2) n WHERE c."agencyId" = $1`,
    [agency.id],
  );
  await ds.query(
    `INSERT INTO invoices ("agencyId", "clientId", number, status, currency, "issueDate", "dueDate", subtotal, "vatTotal", total, "amountDue", "createdAt")
     SELECT $1, (SELECT id FROM clients WHERE "agencyId" = $1 ORDER BY name OFFSET (i % 200) LIMIT 1), 'СЧ-' || i, 'ISSUED', 'RUB',
            '2026-06-01', '2026-06-15', 4000, 880, 4880, 4880, now() - i * interval '1 minute'
       FROM generate_series(1, 2000) i`,
    [agency.id],
  );
  await ds.query(
    `INSERT INTO invoice_lines ("agencyId", "invoiceId", "clientId", position, description, quantity, "unitPrice", "vatRate", "vatRateAuto", net, vat, gross)
     SELECT i."agencyId", i.id, i."clientId", p, 'Ведение рекламной кампании, этап ' || p, 1, 1000, 22, true, 1000, 220, 1220
       FROM invoices i, generate_series(1, 3) p WHERE i."agencyId" = $1`,
    [agency.id],
  );
  await ds.query('ANALYZE');
  return { token, agency };
}

/**
 * Instructions the server runs a request (valgrind's callgrind, counting only while the requests
 * run, after a warm-up): unlike CPU time, this does not drift with the machine's state (the same
 * build's CPU a request moved 2× within minutes on these virtual machines), so it is what
 * compares two builds. Counts every thread of the server (garbage collection, the compiler
 * included); PostgreSQL's and the load generator's work are not in it. Needs `valgrind`
 * (Debian package; skipped without it). ~5 minutes: node runs some 30× slower under it.
 */
async function instructionsScenario(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    rows.push({ scenario: 'instructions', metric: 'server instructions a request', value: 'skipped', note: 'valgrind is not installed' });
    return;
  }
  const db = `bench_instructions_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const ds = createDataSource({ url, poolSize: 4 });
  await ds.initialize();
  const out = mkdtempSync(join(tmpdir(), 'agency-bench-callgrind-'));
  try {
    await ds.runMigrations();
    const app = await createApp(ds, benchConfig(url, { WORKERS: '0' }));
    await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
    const { token } = await seedThroughputAgency(ds, poster((app.httpServer.address() as AddressInfo).port));
    await app.stop();
    const cases: [string, string][] = [
      ['nested invoices list (the throughput query)', THROUGHPUT_QUERY],
      ['`{ __typename }` with a token (what every request pays)', 'query T { __typename }'],
    ];
    const n = Number(process.env.BENCH_INSTRUCTIONS_REQUESTS ?? 200);
    for (const [label, query] of cases) {
      const port = await freePort();
      const file = join(out, `callgrind.${port}`);
      const child = spawn('valgrind', ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${file}`, process.execPath, ENTRY], {
        env: { ...process.env, AGENCY_COST_PER_MINUTE: '0', ANONYMOUS_COST_PER_MINUTE: '0', DATABASE_URL: url, SEED_DEMO: 'false', WORKERS: '0', PORT: String(port), NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      try {
        await waitReady(port, 300_000);
        const remote = leanPoster(port, 1);
        for (let i = 0; i < 300; i++) await remote.post(query, {}, token); // warm-up: the JIT's tiers, the pool
        const control = (...args: string[]) => {
          if (spawnSync('callgrind_control', [...args, String(child.pid)]).status !== 0) throw new Error(`callgrind_control ${args.join(' ')} failed`);
        };
        control('-i', 'on');
        for (let i = 0; i < n; i++) await remote.post(query, {}, token);
        control('-i', 'off');
        control('-d');
        remote.close();
      } finally {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      const total = readdirSync(out)
        .filter((f) => f.startsWith(`callgrind.${port}`))
        .reduce((sum, f) => sum + Number(/^totals:\s+(\d+)/m.exec(readFileSync(join(out, f), 'utf8'))?.[1] ?? 0), 0);
      rows.push({ scenario: 'instructions', metric: `server instructions a request: ${label}`, value: `${(total / n / 1e6).toFixed(2)} M`, note: `callgrind, ${n} sequential requests after 300 to warm up` });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

async function throughputScenario(): Promise<void> {
  const autocannon = (await import('autocannon')).default;
  const db = `bench_throughput_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const counter = new CountingLogger();
  const ds = createDataSource({ url, poolSize: 10, logger: counter });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = benchConfig(url, { WORKERS: '0' });
    const app = await createApp(ds, config);
    await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
    const post = poster((app.httpServer.address() as AddressInfo).port);
    const { token, agency } = await seedThroughputAgency(ds, post);
    const first = await post(THROUGHPUT_QUERY, {}, token);
    const size = Buffer.byteLength(JSON.stringify({ data: first }));
    if (first.invoices.edges.length !== 20) throw new Error('expected 20 invoices');
    for (let i = 0; i < 20; i++) await post(THROUGHPUT_QUERY, {}, token);
    counter.count = 0;
    const messages = countMessages();
    for (let i = 0; i < 20; i++) await post(THROUGHPUT_QUERY, {}, token);
    const statements = counter.count / 20;
    const roundTrips = messages.stop() / 20;
    await app.stop();

    // the load runs against the built server in its own process, as in production
    const server = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false', WORKERS: '0' });
    const body = JSON.stringify({ query: THROUGHPUT_QUERY });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const run = (opts: Record<string, unknown>): Promise<any> =>
      autocannon({ url: `http://127.0.0.1:${server.port}/graphql`, method: 'POST', headers, body, ...opts });
    const seconds = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
    await run({ connections: 10, duration: 3 }); // warm-up: JIT, pool
    // CPU time of the server per request: what the machine's other load does not change much
    const cpuMs = () => {
      const f = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    };
    const pids = await backendPids(ds);
    // the main thread (JavaScript) apart from V8's and libuv's helper threads (garbage collection, compilation)
    const [cpu0, db0, own0, main0] = [cpuMs(), backendsCpu(pids), process.cpuUsage(), threadCpuMs(server.pid, server.pid)];
    const open = await run({ connections: 10, duration: seconds });
    const cpuPerRequest = (cpuMs() - cpu0) / open.requests.total;
    const mainPerRequest = (threadCpuMs(server.pid, server.pid) - main0) / open.requests.total;
    const dbPerRequest = backendsCpuSince(db0) / open.requests.total;
    const own = process.cpuUsage(own0);
    const loadPerRequest = (own.user + own.system) / 1000 / open.requests.total;
    // a fixed rate, open loop (see openLoop; autocannon's overallRate sends bursts)
    const paced = leanPoster(server.port, 64);
    for (let i = 0; i < 100; i++) await paced.post(THROUGHPUT_QUERY, {}, token);
    const fixed = await openLoop(() => paced.post(THROUGHPUT_QUERY, {}, token), 150, seconds);
    paced.close();
    const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    // a list page of a large agency: an index range in the list's order, or a read and sort of all its rows
    await ds.query(
      `INSERT INTO invoices ("agencyId", "clientId", number, status, currency, "issueDate", "dueDate", subtotal, "vatTotal", total, "amountDue", "createdAt")
       SELECT $1, (SELECT id FROM clients WHERE "agencyId" = $1 ORDER BY name LIMIT 1), 'СЧ-Б-' || i, 'ISSUED', 'RUB',
              '2025-06-01', '2025-06-15', 4000, 880, 4880, 4880, now() - interval '10 days' - i * interval '1 minute'
         FROM generate_series(1, 100000) i`,
      [agency.id],
    );
    await ds.query('ANALYZE invoices');
    const remote = leanPoster(server.port, 1);
    const LIST = 'query($after: String) { invoices(first: 20, after: $after) { pageInfo { endCursor } edges { node { id number total } } } }';
    const pageMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await remote.post(LIST, { after: null }, token);
      if (i >= 5) pageMs.push(performance.now() - t0);
    }
    remote.close();
    pageMs.sort((x, y) => x - y);
    rows.push({
      scenario: 'throughput',
      metric: 'invoices list, first page of 20, agency with 102 000 invoices (sequential)',
      value: `${percentile(pageMs, 50).toFixed(1)} ms`,
      note: `p50; p90 ${percentile(pageMs, 90).toFixed(1)} ms`,
    });
    await server.stop();
    const failed = (r: any) => r.errors + r.timeouts + r.non2xx;
    rows.push({
      scenario: 'throughput',
      metric: `nested invoices list (20 × client + contacts + lines, ${(size / 1024).toFixed(1)} KB), 10 connections`,
      value: `${open.requests.average.toFixed(0)} req/s`,
      note: `p50 / p99 ${open.latency.p50} / ${open.latency.p99} ms; ${failed(open)} failed; target ≥ 300 req/s`,
    });
    rows.push({
      scenario: 'throughput',
      metric: 'server CPU time per request (user + system)',
      value: `${cpuPerRequest.toFixed(2)} ms`,
      note: `main thread ${mainPerRequest.toFixed(2)} ms (its ceiling ≈ ${(1000 / mainPerRequest).toFixed(0)} req/s), helper threads (GC, compiler) the rest; steadier than req/s on a shared machine`,
    });
    rows.push({
      scenario: 'throughput',
      metric: 'CPU a request: PostgreSQL backends / load generator (autocannon, this process)',
      value: `${dbPerRequest.toFixed(2)} / ${loadPerRequest.toFixed(2)} ms`,
      note: 'server + these: what 2 cores share',
    });
    rows.push({
      scenario: 'throughput',
      metric: 'same query at a fixed 150 req/s (open loop: each request due at its time, latency counted from then)',
      value: `${percentile(fixed.latencies, 50).toFixed(1)} / ${percentile(fixed.latencies, 99).toFixed(1)} ms`,
      note: `p50 / p99; ${(fixed.latencies.length / fixed.seconds).toFixed(0)} req/s answered, ${fixed.failures} failed; target p99 ≤ 50 ms`,
    });
    rows.push({
      scenario: 'throughput',
      metric: 'SQL statements / round trips to PostgreSQL per request',
      value: `${statements.toFixed(1)} / ${roundTrips.toFixed(1)}`,
      note: "the page, one batch each for clients, contacts and lines (clients and lines in one message); the token's user kept by the node: independent of row counts",
    });
    rows.push({ scenario: 'throughput', metric: 'server RSS: idle / peak under load', value: `${server.rss.toFixed(0)} / ${peak.toFixed(0)} MB`, note: 'target ≤ 300 MB' });
  } finally {
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

/**
 * The operations edge (`npm run bench -- ops`): what the HTTP edge (helmet, CORS, metrics, the
 * access log) costs a minimal query in CPU, and how long a /metrics scrape takes with every
 * collector (pool, job queue depth by kind over 2 000 queued jobs, 200 operation names).
 */
async function opsScenario(): Promise<void> {
  await withScratchDatabase('ops', 10, async (ds, url, db) => {
    const config = benchConfig(url, { WORKERS: '0', CORS_ORIGINS: 'https://app.bench.test', LOG_LEVEL: process.env.LOG_LEVEL });
    // the access log as in production (info), written nowhere
    const { httpServer, stop } = await createApp(ds, config, createLogger('info', { write: () => undefined }));
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
    const port = (httpServer.address() as AddressInfo).port;
    const post = async (query: string, variables: object, token?: string) => {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://app.bench.test', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return r.json() as Promise<any>;
    };
    const reg = await post(
      'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token agency { id } user { id } } }',
      { i: { agencyName: 'Bench', email: `bench-ops-${process.pid}@example.test`, password: 'bench-password-1' } },
    );
    const { token } = reg.data.registerAgency;
    const me = 'query Me { me { id email role agency { id name } } }';
    const burst = async (n: number) => {
      const inflight: Promise<unknown>[] = [];
      for (let i = 0; i < n; i++) {
        inflight.push(post(me, {}, token));
        if (inflight.length >= 10) await inflight.shift();
      }
      await Promise.all(inflight);
    };
    await burst(500); // warm-up
    const perRequest: number[] = [];
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      await burst(2000);
      const c = process.cpuUsage(c0);
      perRequest.push((c.user + c.system) / 2000);
    }
    perRequest.sort((a, b) => a - b);
    rows.push({ scenario: 'ops', metric: 'CPU per `query Me` request, server + client in one process (median of 3 × 2 000, 10 in flight)', value: `${perRequest[1].toFixed(0)} µs`, note: 'helmet, CORS, metrics, access log included' });

    for (let i = 0; i < 200; i++) await post(`query Op${i} { __typename }`, {}, token);
    await ds.query(
      `INSERT INTO pgboss.job (name, data) SELECT 'email.send', '{}'::jsonb FROM generate_series(1, 2000)`,
    );
    const scrapeMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      bytes = (await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).length;
      scrapeMs.push(performance.now() - t0);
    }
    scrapeMs.sort((a, b) => a - b);
    rows.push({ scenario: 'ops', metric: '/metrics scrape p50 / max of 20 (200 operation names, 2 000 queued jobs)', value: `${scrapeMs[10].toFixed(1)} / ${scrapeMs[19].toFixed(1)} ms`, note: `${(bytes / 1024).toFixed(0)} KiB of text` });
    await stop();
  });
}

/**
 * Login flood: 200 wrong passwords for one account from one address, 20 at a time, while another
 * account logs in from another address. Run twice on one database: with the limits raised out of
 * reach (as before they existed) and with the defaults. Figures: how many passwords argon2
 * verified, the flood's wall time, and the bystander's login latency during it.
 */
async function loginFloodScenario(): Promise<void> {
  await withScratchDatabase('login_flood', 20, async (ds, url, db) => {
    const runs: [string, Record<string, string>][] = [
      ['no limits', { LOGIN_FREE_ATTEMPTS: '1000', LOGIN_FREE_ATTEMPTS_PER_EMAIL: '10000', LOGIN_FAILURES_PER_HOUR_PER_ADDRESS: '1000000' }],
      ['default limits', {}],
    ];
    for (const [run, [label, limits]] of runs.entries()) {
      // addresses of the run's own: the counters of the first run stay in the table
      const at = (host: number) => `10.9.${run}.${host}`;
      const config = benchConfig(url, {
        WORKERS: '0',
        SIGNUP: 'open',
        SIGNUP_PER_HOUR_PER_ADDRESS: '1000',
        ...limits,
      });
      const { httpServer, stop } = await createApp(ds, config);
      await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
      const port = (httpServer.address() as AddressInfo).port;
      const post = async (from: string, query: string, variables: object) => {
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
          body: JSON.stringify({ query, variables }),
        });
        return (await r.json()) as any;
      };
      const register = async (name: string) => {
        const email = `bench-flood-${name}-${label.replace(/\W/g, '')}-${process.pid}@example.test`;
        await post(at(1), 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token } }', { i: { agencyName: name, email, password: 'bench-password-1' } });
        return email;
      };
      const victim = await register('victim');
      const bystander = await register('bystander');
      const LOGIN_DOC = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
      let done = false;
      const latencies: number[] = [];
      const watcher = (async () => {
        while (!done) {
          const s = performance.now();
          const r = await post(at(3), LOGIN_DOC, { i: { email: bystander, password: 'bench-password-1' } });
          if (!r.data?.login?.token) throw new Error('the bystander could not log in: ' + JSON.stringify(r.errors));
          latencies.push(performance.now() - s);
        }
      })();
      const codes: string[] = [];
      const t0 = performance.now();
      for (let wave = 0; wave < 10; wave++) {
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => post(at(2), LOGIN_DOC, { i: { email: victim, password: `wrong-${wave}-${i}` } })),
        );
        codes.push(...answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK'));
      }
      const floodMs = performance.now() - t0;
      done = true;
      await watcher;
      latencies.sort((a, b) => a - b);
      const evaluated = codes.filter((c) => c === 'UNAUTHENTICATED').length;
      rows.push({ scenario: 'login flood', metric: `${label}: passwords verified of 200 wrong`, value: String(evaluated), note: `${codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length} refused with TOO_MANY_ATTEMPTS` });
      rows.push({ scenario: 'login flood', metric: `${label}: flood wall time (20 at a time)`, value: `${(floodMs / 1000).toFixed(1)} s` });
      rows.push({
        scenario: 'login flood',
        metric: `${label}: another account's login p50 / max during it`,
        value: `${percentile(latencies, 50).toFixed(0)} / ${latencies[latencies.length - 1].toFixed(0)} ms`,
        note: `${latencies.length} logins`,
      });
      await stop();
    }
  });
}

const RESTART_PG_VERSION = process.env.BENCH_PG_VERSION || '15';
const RESTART_PG_CLUSTER = 'bench';
const RESTART_PG_PORT = Number(process.env.BENCH_PG_PORT || 5433);

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', (err) => resolve({ code: -1, out: String(err) }));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The bench's own PostgreSQL cluster (trust auth on loopback), created and started if needed. */
async function ensureRestartCluster(): Promise<string> {
  const list = await run('pg_lsclusters', ['--no-header']);
  const line = list.out.split('\n').find((l) => l.split(/\s+/)[0] === RESTART_PG_VERSION && l.split(/\s+/)[1] === RESTART_PG_CLUSTER);
  if (!line) {
    const made = await run('pg_createcluster', [RESTART_PG_VERSION, RESTART_PG_CLUSTER, '-p', String(RESTART_PG_PORT), '--', '--auth=trust']);
    if (made.code !== 0) throw new Error(`pg_createcluster failed: ${made.out}`);
  } else if (Number(line.split(/\s+/)[2]) !== RESTART_PG_PORT) {
    throw new Error(`cluster ${RESTART_PG_VERSION}/${RESTART_PG_CLUSTER} exists on port ${line.split(/\s+/)[2]}, not ${RESTART_PG_PORT}`);
  }
  if (!line || !/online/.test(line)) {
    const started = await run('pg_ctlcluster', ['--skip-systemctl-redirect', RESTART_PG_VERSION, RESTART_PG_CLUSTER, 'start']);
    if (started.code !== 0 && !/already running/i.test(started.out)) throw new Error(`pg_ctlcluster start failed: ${started.out}`);
  }
  return `postgres://postgres@127.0.0.1:${RESTART_PG_PORT}/postgres`;
}

/**
 * 50 requests/s for 20 s (open loop: one every 20 ms whatever the answers), 80% reads (a page of
 * clients with their contacts, or `me`) and 20% writes (createClient); PostgreSQL restarted in
 * fast mode at 5 s. Counts failed reads and writes by code and the latency p99 overall and around
 * the restart. BENCH_SERVER_ENTRY runs another build of the server (e.g. the commit before, for the
 * "before" figures).
 */
async function restartScenario(): Promise<void> {
  const clusterUrl = await ensureRestartCluster();
  const db = `bench_restart_${process.pid}`;
  await recreateDatabase(clusterUrl, db);
  const url = withDatabase(clusterUrl, db);
  const entry = process.env.BENCH_SERVER_ENTRY || ENTRY;
  const port = await freePort();
  // BENCH_SERVER_LOG=<file>: the server's warnings and errors go there (what failed, and why)
  const logFile = process.env.BENCH_SERVER_LOG;
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: logFile ? 'warn' : 'silent', SEED_DEMO: 'false' },
    stdio: ['ignore', logFile ? openSync(logFile, 'w') : 'ignore', 'inherit'],
  });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  try {
    await waitReady(port);
    const post = async (query: string, variables: object, token?: string) => {
      const started = performance.now();
      try {
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await r.json()) as any;
        return { status: r.status, code: body.errors?.[0]?.extensions?.code as string | undefined, data: body.data, retryAfter: r.headers.get('retry-after'), ms: performance.now() - started, at: started };
      } catch (err) {
        return { status: 0, code: `HTTP:${(err as Error).message}`, data: null, retryAfter: null, ms: performance.now() - started, at: started };
      }
    };
    const reg = await post('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token } }', {
      i: { agencyName: 'Bench restart', email: `bench-restart-${process.pid}@example.test`, password: 'bench-password-restart-1' },
    });
    const token = reg.data.registerAgency.token as string;
    for (let i = 0; i < 20; i++) {
      await post('mutation($i: CreateClientInput!) { createClient(input: $i) { id } }', { i: { name: `Клиент ${i}` } }, token);
    }
    const READS = ['{ clients(first: 20) { totalCount edges { node { id name contacts { fullName } } } } }', '{ me { id email agency { id name } } }'];
    const WRITE = 'mutation($i: CreateClientInput!) { createClient(input: $i) { id } }';

    const durationMs = 20_000;
    const restartAtMs = 5000;
    const pending: Promise<{ kind: 'read' | 'write'; r: Awaited<ReturnType<typeof post>> }>[] = [];
    const t0 = performance.now();
    let n = 0;
    let restartWindow: [number, number] = [0, 0];
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, restartAtMs));
      const s = performance.now();
      const res = await run('pg_ctlcluster', ['--skip-systemctl-redirect', RESTART_PG_VERSION, RESTART_PG_CLUSTER, 'restart', '-m', 'fast']);
      restartWindow = [s, performance.now()];
      if (res.code !== 0) throw new Error(`restart failed: ${res.out}`);
    })();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (performance.now() - t0 >= durationMs) {
          clearInterval(timer);
          resolve();
          return;
        }
        const i = n++;
        const write = i % 5 === 4;
        pending.push(
          write
            ? post(WRITE, { i: { name: `Запись ${i}` } }, token).then((r) => ({ kind: 'write' as const, r }))
            : post(READS[i % 2], {}, token).then((r) => ({ kind: 'read' as const, r })),
        );
      }, 20);
    });
    await restart;
    const results = await Promise.all(pending);
    const failed = (kind: 'read' | 'write') => results.filter((x) => x.kind === kind && (x.r.status !== 200 || x.r.code));
    const byCode = (list: typeof results) => {
      const counts = new Map<string, number>();
      for (const x of list) {
        const key = `${x.r.status} ${x.r.code ?? ''}`.trim();
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts].map(([k, v]) => `${v}× ${k}`).join(', ') || 'none';
    };
    const reads = results.filter((x) => x.kind === 'read').length;
    const writes = results.length - reads;
    const all = results.map((x) => x.r.ms).sort((a, b) => a - b);
    const around = results.filter((x) => x.r.at >= restartWindow[0] - 1000 && x.r.at <= restartWindow[1] + 1000).map((x) => x.r.ms).sort((a, b) => a - b);
    const failedWrites = failed('write');
    const label = process.env.BENCH_SERVER_ENTRY ? ' (BENCH_SERVER_ENTRY build)' : '';
    rows.push({ scenario: 'restart' + label, metric: `requests at 50/s for 20 s (reads / writes)`, value: `${results.length} (${reads} / ${writes})`, note: `PostgreSQL ${RESTART_PG_VERSION}/${RESTART_PG_CLUSTER} restarted -m fast at 5 s, took ${(restartWindow[1] - restartWindow[0]).toFixed(0)} ms` });
    rows.push({ scenario: 'restart' + label, metric: 'failed reads', value: String(failed('read').length), note: byCode(failed('read')) });
    rows.push({ scenario: 'restart' + label, metric: 'failed writes', value: String(failedWrites.length), note: `${byCode(failedWrites)}${failedWrites.some((x) => x.r.retryAfter) ? `; Retry-After ${failedWrites.find((x) => x.r.retryAfter)?.r.retryAfter} s` : ''}` });
    rows.push({ scenario: 'restart' + label, metric: 'latency p50 / p99 / max, all requests', value: `${percentile(all, 50).toFixed(0)} / ${percentile(all, 99).toFixed(0)} / ${all[all.length - 1].toFixed(0)} ms` });
    rows.push({ scenario: 'restart' + label, metric: 'latency p50 / p99, sent within 1 s of the restart', value: `${percentile(around, 50).toFixed(0)} / ${percentile(around, 99).toFixed(0)} ms`, note: `${around.length} requests` });
    rows.push({ scenario: 'restart' + label, metric: 'server process survived', value: exited === null ? 'yes' : `no (exit ${exited})` });
  } finally {
    if (exited === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await dropDatabase(clusterUrl, db).catch(() => undefined);
  }
}

/**
 * The cost of the second wall (row-level security): the nested invoices list (20 invoices, each
 * with its client, the client's contacts and its lines) read by one agency, on two apps over the
 * same database and pool, one with DB_ROW_SECURITY on (a read transaction as agency_app per
 * request: BEGIN + settings, COMMIT) and one with it off. Batches alternate between the two so
 * that the noise of a shared machine falls on both alike.
 */
async function rlsScenario(): Promise<void> {
  const db = `bench_rls_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const ds = createDataSource({ url, poolSize: 10 });
  await ds.initialize();
  const stops: (() => Promise<void>)[] = [];
  try {
    await ds.runMigrations();
    const start = async (rowSecurity: boolean) => {
      const config = benchConfig(url, {
        WORKERS: '0',
        DB_ROW_SECURITY: String(rowSecurity),
        // a capacity figure: the per-agency cost budget would refuse the load after its minute's share
        AGENCY_COST_PER_MINUTE: '0',
      });
      const { httpServer, stop } = await createApp(ds, config);
      await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
      stops.push(async () => {
        await stop();
        await new Promise((r) => httpServer.close(r));
      });
      return poster((httpServer.address() as AddressInfo).port);
    };
    const withRls = await start(true);
    const withoutRls = await start(false);
    const reg = await withRls(
      'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { token } }',
      { i: { agencyName: 'Bench', email: `bench-rls-${process.pid}@example.test`, password: 'bench-password-1' } },
    );
    const token: string = reg.registerAgency.token;
    for (let i = 0; i < 20; i++) {
      const client = (await withRls('mutation($i: CreateClientInput!) { createClient(input: $i) { ... on Client { id } } }', { i: { name: `Клиент ${i}` } }, token)).createClient.id;
      for (const fullName of ['Иванов Иван', 'Петрова Анна']) {
        await withRls('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }', { i: { clientId: client, fullName } }, token);
      }
      const lines = [1, 2, 3].map((n) => ({ description: `Услуга ${n}`, unitPrice: `${1000 * n}.00` }));
      await withRls('mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }', { i: { clientId: client, currency: 'RUB', dueDate: '2026-12-31', lines } }, token);
    }
    const query = '{ invoices(first: 20) { totalCount edges { node { id number status total balanceDue client { id name contacts { id fullName } } lines { description quantity unitPrice gross } } } } }';
    for (const post of [withRls, withoutRls]) {
      const data = await post(query, {}, token);
      if (data.invoices.edges.length !== 20) throw new Error('rls bench: expected 20 invoices');
    }
    // sequential latency, batches alternating between the two apps
    const seq = { on: [] as number[], off: [] as number[] };
    for (let round = 0; round < 6; round++) {
      for (const [key, post] of [['on', withRls], ['off', withoutRls]] as const) {
        for (let i = 0; i < 50; i++) {
          const s = performance.now();
          await post(query, {}, token);
          seq[key].push(performance.now() - s);
        }
      }
    }
    // throughput with 10 requests in flight, alternating too
    const rps = { on: [] as number[], off: [] as number[] };
    for (let round = 0; round < 3; round++) {
      for (const [key, post] of [['on', withRls], ['off', withoutRls]] as const) {
        const n = 200;
        let next = 0;
        const t0 = performance.now();
        await Promise.all(Array.from({ length: 10 }, async () => {
          while (next++ < n) await post(query, {}, token);
        }));
        rps[key].push((n / (performance.now() - t0)) * 1000);
      }
    }
    const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const note = '20 invoices × (client, 2 contacts, 3 lines)';
    rows.push({ scenario: 'rls', metric: 'nested invoices list p50 / p95, sequential: RLS on', value: `${p(seq.on, 50).toFixed(1)} / ${p(seq.on, 95).toFixed(1)} ms`, note });
    rows.push({ scenario: 'rls', metric: 'nested invoices list p50 / p95, sequential: RLS off', value: `${p(seq.off, 50).toFixed(1)} / ${p(seq.off, 95).toFixed(1)} ms`, note: 'DB_ROW_SECURITY=false' });
    rows.push({ scenario: 'rls', metric: 'throughput, 10 in flight: RLS on / off', value: `${mean(rps.on).toFixed(0)} / ${mean(rps.off).toFixed(0)} req/s` });
    rows.push({
      scenario: 'rls',
      metric: 'overhead of RLS: p50 latency / throughput',
      value: `${((p(seq.on, 50) / p(seq.off, 50) - 1) * 100).toFixed(1)}% / ${((1 - mean(rps.on) / mean(rps.off)) * 100).toFixed(1)}%`,
      note: 'target ≤ 30%',
    });
  } finally {
    for (const stop of stops) await stop();
    await ds.destroy();
    await dropDatabase(BASE_URL, db);
  }
}

function printTable(): void {
  const headers = ['scenario', 'metric', 'value', 'note'];
  const data = rows.map((r) => [r.scenario, r.metric, r.value, r.note ?? '']);
  const widths = headers.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  process.stdout.write(line(headers) + '\n' + '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|\n');
  for (const d of data) process.stdout.write(line(d) + '\n');
}

async function main(): Promise<void> {
  const only = process.argv[2];
  // the scenarios run production mode, where sign-up is off by default, and register their
  // agencies from one address (inherited by the servers they spawn)
  process.env.SIGNUP ??= 'open';
  // throwaway servers: registered at once (no confirmation email to send)
  process.env.SIGNUP_CONFIRMATION ??= 'none';
  process.env.SIGNUP_PER_HOUR_PER_ADDRESS ??= '1000000';
  const scenarios: Record<string, () => Promise<void>> = {
    embedded: embeddedScenario,
    clients: clientsListScenario,
    invoices: issueInvoicesScenario,
    documents: documentsScenario,
    kpis: kpisScenario,
    queue: queueScenario,
    analytics: analyticsScenario,
    reports: reportsScenario,
    throughput: throughputScenario,
    instructions: instructionsScenario,
    ops: opsScenario,
    'login-flood': loginFloodScenario,
    restart: restartScenario,
    limits: limitsScenario,
    rls: rlsScenario,
  };
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && only !== name) continue;
    process.stderr.write(`bench: ${name}…\n`);
    await run();
  }
  process.stdout.write(`\nmachine: ${(await import('node:os')).cpus().length} cores, node ${process.version}\n\n`);
  printTable();
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
