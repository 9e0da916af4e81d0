import request from 'supertest';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { registerAgency, AgencyActors } from '../support/factories';

/**
 * Abuse measured in issue 12, reproduced: each document is refused before it runs, with a stable
 * code and the numbers, and without one SQL statement of its own (an authenticated request still
 * reads its user once, to know who it is).
 */

const logger = new CountingLogger();
let t: TestApp;
let a: AgencyActors;

/** The token lookup every authenticated request makes, before anything else. */
const AUTH_LOOKUP = /app_user_for_token\(/;

beforeAll(async () => {
  t = await startTestApp({ logger });
  a = await registerAgency(t);
});
afterAll(() => t.close());

function aliases(n: number, field: string): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** The request's statements other than the token lookup. */
async function refused(query: string, token: string | null, variables?: Record<string, unknown>) {
  logger.reset();
  const started = Date.now();
  const res = await t.gql(query, variables, token);
  const ms = Date.now() - started;
  const own = logger.statements.filter((s) => !AUTH_LOOKUP.test(s));
  return { res, ms, own, error: res.body.errors?.[0], count: logger.count };
}

describe('limits checked before execution', () => {
  it('refuses 500 aliases of controlPoints(first: 100) without running SQL', async () => {
    const { res, own, error } = await refused(aliases(500, 'controlPoints(first: 100) { totalCount edges { node { kind dueOn client { name } } } }'), a.ownerToken);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(own).toEqual([]);
  });

  it('refuses 10 000 aliases of me and 2 000 of funnel', async () => {
    for (const query of [aliases(10_000, 'me { id }'), aliases(2_000, 'funnel(input: { from: "2026-01-01", to: "2026-12-31" }) { stages { count } }')]) {
      const { res, own, error } = await refused(query, a.ownerToken);
      expect(res.status).toBe(400);
      expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'TOKENS', limit: 5000 });
      expect(own).toEqual([]);
    }
  });

  it('refuses an anonymous ~830 KB document of 29 000 @skip directives fast, with no SQL at all', async () => {
    const query = `{ ${Array.from({ length: 29_000 }, (_, i) => `f${i}: __typename @skip(if: false)`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(800_000);
    const { res, own, count, ms, error } = await refused(query, null);
    expect(res.status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'TOKENS' });
    expect(own).toEqual([]);
    expect(count).toBe(0);
    // parsing stops at the 5 001st token: a small fraction of the 1–1.7 s it cost
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a body over 1 MiB at the HTTP edge', async () => {
    const query = `{ ${'__typename '.repeat(110_000)}}`;
    const res = await request(t.app).post('/graphql').set('content-type', 'application/json').send({ query });
    expect(res.status).toBe(413);
    expect(res.body.errors![0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports each limit with its reason and numbers', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      [aliases(31, 'me { id }'), { reason: 'ALIASES', limit: 30, found: 31 }],
      [`{ me { id ${Array.from({ length: 51 }, () => '@include(if: true)').join(' ')} } }`, { reason: 'DIRECTIVES', limit: 50, found: 51 }],
      [
        '{ clients { edges { node { contacts { client { contacts { client { contacts { client { contacts { client { id } } } } } } } } } } } }',
        { reason: 'DEPTH', limit: 10, found: 11 },
      ],
    ];
    for (const [query, extensions] of cases) {
      const { res, own, error } = await refused(query, a.ownerToken);
      expect(res.status).toBe(400);
      expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', ...extensions });
      expect(own).toEqual([]);
    }
  });

  // 10 levels deep (the most MAX_QUERY_DEPTH allows); every plain list counts as 10 items
  const NESTED = (first: string) =>
    `clients${first} { edges { node { contacts { client { contacts { client { contacts { client { contacts { id } } } } } } } } } }`;

  it('refuses a query whose cost, weighted by first, is over MAX_QUERY_COST, and reports the cost', async () => {
    const { res, own, error } = await refused(`{ ${NESTED('(first: 100)')} }`, a.ownerToken);
    expect(res.status).toBe(400);
    // 1 + 100 × (node 1 + contacts 1 + 10 × (client 1 + contacts 1 + 10 × (… 1 + 10 × 1)))
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'COST', cost: { requested: 222_201, limit: 25_000 } });
    expect(own).toEqual([]);
  });

  it('takes first from variables, and the schema default (20) when it is omitted', async () => {
    const query = `query($n: Int) { ${NESTED('(first: $n)')} }`;
    expect((await refused(query, a.ownerToken, { n: 100 })).error?.extensions?.cost).toEqual({ requested: 222_201, limit: 25_000 });
    const small = await t.gql(query, { n: 10 }, a.ownerToken);
    expect(small.body.errors).toBeUndefined();
    expect((await refused(`{ ${NESTED('')} }`, a.ownerToken)).error?.extensions?.cost).toEqual({ requested: 44_441, limit: 25_000 });
  });

  it('refuses a huge first before validation runs the resolver', async () => {
    const { res, own, error } = await refused('{ controlPoints(first: 1000000) { edges { node { kind } } } }', a.ownerToken);
    expect(res.status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'COST', cost: { requested: 20 * 50 + 1_000_001, limit: 25_000 } });
    expect(own).toEqual([]);
  });

  it('applies the same limits to anonymous requests, which run no SQL at all', async () => {
    const { res, count, error } = await refused(aliases(31, 'me { id }'), null);
    expect(res.status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'ALIASES' });
    expect(count).toBe(0);
  });

  it('lets an ordinary query through and leaves its cost on the request', async () => {
    const res = await t.gql('{ me { id } controlPoints(first: 10) { totalCount edges { node { kind client { name } } } } }', undefined, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.controlPoints.totalCount).toBeGreaterThanOrEqual(0);
  });
});

describe('"Did you mean …" suggestions', () => {
  it('are hidden in production mode', async () => {
    const res = await t.gql('{ clientz { totalCount } }', undefined, a.ownerToken);
    expect(res.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toContain('Cannot query field "clientz"');
    expect(res.body.errors![0].message).not.toMatch(/Did you mean|"clients"/);
  });

  it('are given in development mode', async () => {
    const dev = await startTestApp({ env: { NODE_ENV: 'development' } });
    try {
      const res = await dev.gql('{ clientz { totalCount } }', undefined, a.ownerToken);
      expect(res.body.errors![0].message).toMatch(/Did you mean .*"clients"/);
    } finally {
      await dev.close();
    }
  });
});

describe('controlPoints paged in SQL', () => {
  const PAGE = /* GraphQL */ `
    query($first: Int, $after: String, $filter: ControlPointFilter) {
      controlPoints(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { kind dueOn objectId client { name } } }
      }
    }
  `;

  it('with 1 200 clients (each a contact interval, half a next contact, a third a birthday), first: 10 reads 11 rows per source and counts in SQL', async () => {
    const big = await registerAgency(t);
    // written straight to the tables: 1 200 clients through the API would take minutes
    await t.ds.query(
      `INSERT INTO clients ("agencyId", name, "nextContactOn", "createdAt")
       SELECT $1, 'Клиент ' || lpad(n::text, 4, '0'), CASE WHEN n % 2 = 0 THEN current_date + (n % 90) END, now() - (n % 60) * interval '1 day'
         FROM generate_series(1, 1200) n`,
      [big.agencyId],
    );
    await t.ds.query(
      `INSERT INTO contacts ("agencyId", "clientId", "fullName", birthday)
       SELECT c."agencyId", c.id, 'Контакт ' || c.name, date '1990-01-01' + (row_number() OVER (ORDER BY c.id))::int
         FROM clients c WHERE c."agencyId" = $1 AND right(c.name, 1) IN ('0', '3', '6')`,
      [big.agencyId],
    );
    logger.reset();
    const res = await t.gql(PAGE, { first: 10 }, big.ownerToken);
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.controlPoints;
    expect(page.edges).toHaveLength(10);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(1200 + 600 + 360);
    // every read of the big tables is a page of first + 1 rows, or a COUNT
    const big3 = logger.statements.filter((s) => /FROM "(clients|contacts)" "(c|ct)"/.test(s));
    expect(big3.length).toBeGreaterThanOrEqual(6);
    for (const s of big3) expect(s).toMatch(/LIMIT 11|COUNT\(/);

    // the pages walk the same order as the whole list, with no gap and no repeat
    const whole: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const next: any = (await t.gql(PAGE, { first: 100, after }, big.ownerToken)).body.data.controlPoints;
      whole.push(...next.edges.map((e: any) => `${e.node.dueOn}|${e.node.kind}|${e.node.objectId}`));
      after = next.pageInfo.endCursor;
    }
    expect(whole).toHaveLength(300);
    expect(new Set(whole).size).toBe(300);
    expect([...whole].sort()).toEqual(whole);
    const firstTen = page.edges.map((e: any) => `${e.node.dueOn}|${e.node.kind}|${e.node.objectId}`);
    expect(whole.slice(0, 10)).toEqual(firstTen);
  });
});
