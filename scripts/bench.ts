import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
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
async function startServer(env: Record<string, string | undefined>): Promise<{ readyMs: number; rss: number; port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const t0 = Date.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ENTRY], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-42', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(port);
  const readyMs = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 3000)); // let start-up garbage settle: "idle"
  const rss = rssMb(child.pid!);
  return {
    readyMs,
    rss,
    port,
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

class CountingLogger implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count++;
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

async function clientsListScenario(): Promise<void> {
  const db = `bench_clients_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const counter = new CountingLogger();
  const ds = createDataSource({ url, poolSize: 10, logger: counter });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-42', LOG_LEVEL: 'silent' });
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

/**
 * Reports: a monthly OWNER report for a client with 20 launched campaigns over a year of daily
 * figures (4 metrics × 365 days × 20 campaigns, generated in SQL) and 12 issued invoices: the
 * data (the report's SQL and maths) and the PDF (rendered in-process), median of 7 runs after a
 * warm-up.
 */
async function reportsScenario(): Promise<void> {
  const db = `bench_reports_${process.pid}`;
  await recreateDatabase(BASE_URL, db);
  const url = withDatabase(BASE_URL, db);
  const ds = createDataSource({ url, poolSize: 5 });
  await ds.initialize();
  try {
    await ds.runMigrations();
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-42', LOG_LEVEL: 'silent', WORKERS: '0' });
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
  } finally {
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
  const scenarios: Record<string, () => Promise<void>> = {
    embedded: embeddedScenario,
    clients: clientsListScenario,
    invoices: issueInvoicesScenario,
    documents: documentsScenario,
    reports: reportsScenario,
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
