import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { startTestApp, TestApp } from '../support/app';
import { workerDatabaseUrl } from '../support/databases';
import { registerAgency, AgencyActors } from '../support/factories';

/** 20 sources × 50 + 1 + 100 × (edge/node 1): 1 101 points a call; a budget of 5 000 allows four a minute */
const HUNDRED_POINTS = '{ controlPoints(first: 100) { edges { node { kind } } } }';
const BUDGET = { AGENCY_COST_PER_MINUTE: '5000', MAX_QUERY_COST: '5000' };

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;

beforeAll(async () => {
  t = await startTestApp({ env: BUDGET });
  a = await registerAgency(t);
  b = await registerAgency(t);
});
afterAll(() => t.close());

describe('per-agency cost budget', () => {
  it('refuses an agency that has spent its minute with RATE_LIMITED, 429 and Retry-After, while another agency is served', async () => {
    for (let i = 0; i < 4; i++) {
      const ok = await t.gql(HUNDRED_POINTS, undefined, a.ownerToken);
      expect(ok.body.errors).toBeUndefined();
    }
    const res = await request(t.app).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${a.ownerToken}`).send({ query: HUNDRED_POINTS });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      cost: { requested: 1101, limit: 5000, periodSeconds: 60 },
    });
    expect(res.body.errors[0].message).toMatch(/лимит запросов/);

    const other = await t.gql(HUNDRED_POINTS, undefined, b.ownerToken);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('keeps the counters in PostgreSQL, so a second API process on the same database refuses too', async () => {
    const [row] = await t.ds.query('SELECT points FROM cost_budgets WHERE key = $1', [`agency:${a.agencyId}`]);
    expect(row.points).toBeGreaterThan(4000);
    const second = await startTestApp({ env: BUDGET });
    try {
      const res = await second.gql(HUNDRED_POINTS, undefined, a.ownerToken);
      expect(res.status).toBe(429);
      expect(res.body.errors![0].extensions!.code).toBe('RATE_LIMITED');
    } finally {
      await second.close();
    }
  });

  it('counts anonymous requests per client address', async () => {
    const anon = await startTestApp({ env: { ANONYMOUS_COST_PER_MINUTE: '5000', MAX_QUERY_COST: '5000' } });
    try {
      // the address's budget is one for the whole database: earlier files' anonymous requests from 127.0.0.1 count too
      await anon.ds.query("DELETE FROM cost_budgets WHERE key LIKE 'anonymous:%'");
      // refused by the resolver (UNAUTHENTICATED), but each spent its 1 101 points first
      const query = '{ controlPoints(first: 100) { edges { node { kind } } } }';
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push((await anon.gql(query)).body.errors![0].extensions!.code);
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
      const [row] = await anon.ds.query("SELECT key FROM cost_budgets WHERE key LIKE 'anonymous:%'");
      expect(row.key).toMatch(/^anonymous:(::ffff:)?127\.0\.0\.1|^anonymous:::1/);
    } finally {
      await anon.close();
    }
  });

  it('refuses a budget smaller than one allowed request at start', () => {
    expect(() => loadConfig({ ...process.env, DATABASE_URL: workerDatabaseUrl(), AGENCY_COST_PER_MINUTE: '100', MAX_QUERY_COST: '5000' })).toThrow(/AGENCY_COST_PER_MINUTE/);
  });
});

describe('request time budget and statement timeout', () => {
  it('stops a request whose budget is spent with REQUEST_TIMEOUT (503) and starts no more SQL', async () => {
    const slow = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '1' } });
    try {
      // the token lookup alone outlasts 1 ms: the first scoped read finds the budget spent
      const res = await slow.gql('{ clients { totalCount } }', undefined, a.ownerToken);
      expect(res.status).toBe(503);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', timeoutMs: 1 });
    } finally {
      await slow.close();
    }
  });

  it('sets statement_timeout on every connection of the pool', async () => {
    const ds = createDataSource({ url: workerDatabaseUrl(), poolSize: 2, statementTimeoutMs: 200 });
    await ds.initialize();
    try {
      const settings = await Promise.all([ds.query('SHOW statement_timeout'), ds.query('SHOW statement_timeout')]);
      expect(settings.map((r) => r[0].statement_timeout)).toEqual(['200ms', '200ms']);
      await expect(ds.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await ds.destroy();
    }
  });

  it('answers a statement cancelled by statement_timeout as REQUEST_TIMEOUT, not an internal error', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: workerDatabaseUrl(), DB_STATEMENT_TIMEOUT_MS: '100', WORKERS: '0' });
    const ds = createDataSource({ url: workerDatabaseUrl(), poolSize: 2, statementTimeoutMs: 100 });
    await ds.initialize();
    const app = await createApp(ds, config);
    // another session holds the clients table: the request's read waits, and is cancelled at 100 ms
    const locker = t.ds.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    await locker.query('LOCK TABLE clients IN ACCESS EXCLUSIVE MODE');
    try {
      const res = await request(app.app)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${a.ownerToken}`)
        .send({ query: '{ clients { totalCount } }' });
      expect(res.status).toBe(503);
      expect(res.body.errors[0].extensions).toEqual({ code: 'REQUEST_TIMEOUT', timeoutMs: 100 });
      expect(res.body.errors[0].message).not.toMatch(/canceling|statement/);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
      await app.stop();
      await ds.destroy();
    }
  });
});

