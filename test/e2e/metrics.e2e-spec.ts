/**
 * What an SRE scrapes and reads: /metrics in the Prometheus text format (operations by name and
 * outcome, latency, HTTP routes, the database pool, the job queue, the process), kept to the
 * loopback address or the METRICS_TOKEN bearer, and one access-log line per GraphQL request that
 * names the operation without its variables or the token.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createLogger } from '../../src/logger';
import { registerJob } from '../../src/jobs/registry';
import { enqueueJob } from '../../src/services/job.service';
import { startTestApp, TestApp } from '../support/app';
import { workerDatabaseUrl } from '../support/databases';
import { ME } from '../support/documents';
import { registerAgency, type AgencyActors } from '../support/factories';
import { actorContext } from '../support/jobs';

registerJob<{ n: number }, null>({ kind: 'test.metrics-depth', retryLimit: 0, run: async () => null });

const TOKEN = 'metrics-token-0123456789abcdef';

let t: TestApp;
let a: AgencyActors;
beforeAll(async () => {
  // no workers: a sent job stays queued, so the depth is what was sent
  t = await startTestApp({ env: { WORKERS: '0', METRICS_MAX_OPERATIONS: '5', METRICS_TOKEN: TOKEN } });
  a = await registerAgency(t);
});
afterAll(() => t.close());

async function scrape(app = t): Promise<string> {
  const res = await request(app.app).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text;
}

/** the value of one sample, matched by its name and exact labels in any order */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v) && Object.keys(got).length === Object.keys(labels).length) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('counts GraphQL operations by name, type and outcome, with their latency', async () => {
    const before = await scrape();
    const meOk = sample(before, 'graphql_operations_total', { operation: 'Me', type: 'query', outcome: 'ok' }) ?? 0;
    await t.gql(ME, {}, a.ownerToken);
    await t.gql(ME, {}, a.ownerToken);
    await t.gql(ME, {}, null); // no token: UNAUTHENTICATED
    await t.gql('{ __typename }');
    await t.gql('query Broken { nope }');
    const text = await scrape();
    expect(sample(text, 'graphql_operations_total', { operation: 'Me', type: 'query', outcome: 'ok' })).toBe(meOk + 2);
    expect(sample(text, 'graphql_operations_total', { operation: 'Me', type: 'query', outcome: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'graphql_operations_total', { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // a document that fails validation never resolves to an operation: its name is not taken as a label
    expect(sample(text, 'graphql_operations_total', { operation: 'unknown', type: 'unknown', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/operation="Broken"/);
    expect(sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Me', type: 'query' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'graphql_operation_duration_seconds_bucket', { operation: 'Me', type: 'query', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/# TYPE graphql_operation_cost histogram/);
  });

  it('keeps the operation names to METRICS_MAX_OPERATIONS labels; later names count as "other"', async () => {
    for (let i = 0; i < 12; i++) await t.gql(`query Flood${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/^graphql_operations_total\{[^}]*operation="([^"]+)"/gm)].map((m) => m[1]));
    const real = [...names].filter((n) => !['anonymous', 'unknown', 'other'].includes(n));
    expect(real.length).toBeLessThanOrEqual(5);
    expect(sample(text, 'graphql_operations_total', { operation: 'other', type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(7);
    expect(text).not.toMatch(/Flood11/);
  });

  it('counts HTTP requests by route, method and status, unknown paths folded into one route', async () => {
    await request(t.app).get('/health');
    await request(t.app).get('/no/such/path/123');
    await request(t.app).get('/no/such/path/456');
    const text = await scrape();
    expect(sample(text, 'http_requests_total', { route: '/health', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { route: 'other', method: 'GET', status: '404' })).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/no\/such/);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/graphql', method: 'POST' })).toBeGreaterThanOrEqual(1);
  });

  it('shows the database pool: open, idle and waiting connections, and its size', async () => {
    const text = await scrape();
    const total = sample(text, 'db_pool_connections', { state: 'total' })!;
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(5);
    expect(sample(text, 'db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'db_pool_max')).toBe(5);
  });

  it('shows the job queue depth by kind, computed at scrape time', async () => {
    const before = sample(await scrape(), 'job_queue_depth', { kind: 'test.metrics-depth', state: 'queued' });
    expect(before).toBe(0);
    const ctx = actorContext(t, { agencyId: a.agencyId, userId: a.ownerId });
    await enqueueJob(ctx, 'test.metrics-depth', { n: 1 });
    await enqueueJob(ctx, 'test.metrics-depth', { n: 2 });
    const text = await scrape();
    expect(sample(text, 'job_queue_depth', { kind: 'test.metrics-depth', state: 'queued' })).toBe(2);
    expect(sample(text, 'job_queue_depth', { kind: 'test.metrics-depth', state: 'active' })).toBe(0);
    // every registered kind is reported, at 0 when idle
    expect(sample(text, 'job_queue_depth', { kind: 'jobs.prune', state: 'active' })).toBe(0);
  });

  it('has the process metrics', async () => {
    const text = await scrape();
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('each app has its own registry: another app in the same process counts only its own requests', async () => {
    const other = await startTestApp();
    try {
      await other.gql('query OnlyHere { __typename }');
      expect(await scrape(other)).toMatch(/operation="OnlyHere"/);
      expect(await scrape()).not.toMatch(/operation="OnlyHere"/);
    } finally {
      await other.close();
    }
  });
});

describe('/metrics protection', () => {
  it('a scraper behind a proxy (not loopback) needs the METRICS_TOKEN bearer', async () => {
    const remote = () => request(t.app).get('/metrics').set('x-forwarded-for', '203.0.113.7');
    const none = await remote();
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.text).not.toMatch(/graphql_operations_total/);
    expect((await remote().set('authorization', 'Bearer wrong-token-0123456789abc')).status).toBe(401);
    const ok = await remote().set('authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/graphql_operations_total/);
  });

  it('without METRICS_TOKEN only the loopback address may scrape', async () => {
    const open = await startTestApp();
    try {
      expect((await request(open.app).get('/metrics')).status).toBe(200);
      const remote = await request(open.app).get('/metrics').set('x-forwarded-for', '203.0.113.7');
      expect(remote.status).toBe(403);
      expect(remote.body.errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await open.close();
    }
  });

  it('X-Forwarded-For is believed only from the proxies TRUST_PROXY names; "true" (anyone) is refused', async () => {
    const elsewhere = await startTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    try {
      // the request comes from 127.0.0.1, which is not a trusted proxy here: its header is ignored
      expect((await request(elsewhere.app).get('/metrics').set('x-forwarded-for', '203.0.113.7')).status).toBe(200);
    } finally {
      await elsewhere.close();
    }
    expect(() => loadConfig({ ...process.env, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a METRICS_TOKEN too short to be a secret at start', () => {
    expect(() => loadConfig({ ...process.env, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('the access log', () => {
  it('one line per GraphQL request with the operation name, type, outcome, duration and cost; no variables, no token', async () => {
    const lines: Record<string, any>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
        done();
      },
    });
    const config = loadConfig({ ...process.env, DATABASE_URL: workerDatabaseUrl(), WORKERS: '0' });
    const ds = createDataSource({ url: workerDatabaseUrl(), poolSize: 2, applicationName: 'jest' });
    await ds.initialize();
    const created = await createApp(ds, config, createLogger('info', sink));
    try {
      const secret = 'not-a-real-password-Zq81';
      await request(created.app)
        .post('/graphql')
        .set('authorization', `Bearer ${a.ownerToken}`)
        .send({ query: 'mutation LogIn($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { email: a.ownerEmail, password: secret } } });
      await request(created.app).post('/graphql').set('authorization', `Bearer ${a.ownerToken}`).send({ query: ME });
      await new Promise((r) => setImmediate(r));
      const access = lines.filter((l) => l.req?.url === '/graphql' && l.res);
      expect(access).toHaveLength(2);
      expect(access[0].graphql).toEqual({ operationName: 'LogIn', operationType: 'mutation', outcome: expect.any(String), durationMs: expect.any(Number), cost: expect.any(Number) });
      expect(access[0].graphql.outcome).not.toBe('ok'); // a wrong password
      expect(access[1].graphql).toMatchObject({ operationName: 'Me', operationType: 'query', outcome: 'ok', cost: expect.any(Number) });
      const all = JSON.stringify(lines);
      expect(all).not.toContain(secret);
      expect(all).not.toContain(a.ownerToken);
      expect(all).not.toContain('variables');
      // a signed document link's token is a credential too
      await request(created.app).get('/documents/00000000-0000-4000-8000-000000000000.pdf?token=link-secret-abc');
      await new Promise((r) => setImmediate(r));
      expect(JSON.stringify(lines)).not.toContain('link-secret-abc');
    } finally {
      await created.stop();
      await ds.destroy();
    }
  });
});
