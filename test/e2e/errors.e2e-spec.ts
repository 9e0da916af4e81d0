import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { ME } from '../support/documents';
import { AgencyActors, MISSING_ID, registerAgency } from '../support/factories';

/**
 * The error shapes a front-end meets first: one BAD_USER_INPUT shape whatever way the input
 * travelled (inline literal, `$input`, `$i`, a variable inside a literal), real document errors
 * kept apart, and JSON (never an HTML page or a stack trace) at the HTTP edge.
 */

let t: TestApp;
let a: AgencyActors;
beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
});
afterAll(() => t.close());

type Res = Awaited<ReturnType<TestApp['gql']>>;

/** The one BAD_USER_INPUT shape: exactly these field paths, a message on each. */
function expectFields(res: Res, paths: string[]): void {
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  const err = res.body.errors![0];
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.extensions?.fields).toEqual(paths.map((path) => ({ path, message: expect.any(String) })));
  for (const f of err.extensions!.fields) expect(f.message).not.toBe('');
}

function expectDocumentError(res: Res): void {
  expect(res.status).toBe(400);
  expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.body.errors?.[0].extensions?.fields).toBeUndefined();
}

async function clientsNamed(name: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE "agencyId" = $1 AND name = $2', [a.agencyId, name]);
  return rows[0].n;
}

const PAYMENT = { invoiceId: MISSING_ID, amount: '100.00', paidAt: '2026-03-02' };
const RECORD_PAYMENT_AS_INPUT = 'mutation Pay($input: RecordPaymentInput!) { recordPayment(input: $input) { __typename } }';
const RECORD_PAYMENT_AS_I = 'mutation Pay($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }';
const inlinePayment = (fields: string) => `mutation { recordPayment(input: { ${fields} }) { __typename } }`;
const CREATE_CLIENT_AS_C = 'mutation New($c: CreateClientInput!) { createClient(input: $c) { id } }';

describe('BAD_USER_INPUT names the argument path, however the input travelled', () => {
  it('a JSON number for a Decimal: input.amount inline, through $input and through $i', async () => {
    const inline = await t.gql(inlinePayment(`invoiceId: "${MISSING_ID}", amount: 12, paidAt: "2026-03-02"`), {}, a.ownerToken);
    const asInput = await t.gql(RECORD_PAYMENT_AS_INPUT, { input: { ...PAYMENT, amount: 12 } }, a.ownerToken);
    const asI = await t.gql(RECORD_PAYMENT_AS_I, { i: { ...PAYMENT, amount: 12 } }, a.ownerToken);
    for (const res of [inline, asInput, asI]) expectFields(res, ['input.amount']);
    // the message names the field, not the variable
    expect(asI.body.errors![0].message).toMatch(/^input\.amount: /);
    expect(asI.body.errors![0].extensions!.fields[0].message).not.toMatch(/\$i|"i\./);
  });

  it('a missing required field inside the variable is named (input.amount), as inline', async () => {
    const { amount: _amount, ...noAmount } = PAYMENT;
    expectFields(await t.gql(RECORD_PAYMENT_AS_I, { i: noAmount }, a.ownerToken), ['input.amount']);
    expectFields(await t.gql(RECORD_PAYMENT_AS_INPUT, { input: noAmount }, a.ownerToken), ['input.amount']);
    expectFields(await t.gql(inlinePayment(`invoiceId: "${MISSING_ID}", paidAt: "2026-03-02"`), {}, a.ownerToken), ['input.amount']);
  });

  it('a variable used inside an inline object names the field it feeds', async () => {
    const res = await t.gql(
      `mutation Pay($a: Decimal!) { recordPayment(input: { invoiceId: "${MISSING_ID}", amount: $a, paidAt: "2026-03-02" }) { __typename } }`,
      { a: 12 },
      a.ownerToken,
    );
    expectFields(res, ['input.amount']);
  });

  it('a field unknown to the input type is named too', async () => {
    expectFields(await t.gql(RECORD_PAYMENT_AS_I, { i: { ...PAYMENT, amout: '1.00' } }, a.ownerToken), ['input.amout']);
    expectFields(await t.gql(inlinePayment(`invoiceId: "${MISSING_ID}", amount: "1.00", paidAt: "2026-03-02", amout: "1.00"`), {}, a.ownerToken), [
      'input.amout',
    ]);
  });

  it('list items are numbered as the validation rules number them (input.lines.0.unitPrice)', async () => {
    const CREATE_INVOICE = 'mutation Inv($x: CreateInvoiceInput!) { createInvoice(input: $x) { __typename } }';
    const base = { clientId: MISSING_ID, currency: 'RUB', dueDate: '2026-03-20' };
    const viaVariable = await t.gql(CREATE_INVOICE, { x: { ...base, lines: [{ description: 'Ведение', unitPrice: 1000 }] } }, a.ownerToken);
    expectFields(viaVariable, ['input.lines.0.unitPrice']);
    const inline = await t.gql(
      `mutation { createInvoice(input: { clientId: "${MISSING_ID}", currency: RUB, dueDate: "2026-03-20", lines: [{ description: "Ведение", unitPrice: "1.00" }, { description: "Ещё", unitPrice: 1000 }] }) { __typename } }`,
      {},
      a.ownerToken,
    );
    expectFields(inline, ['input.lines.1.unitPrice']);
  });

  it('a wrong inline scalar on a list argument (first: "x") is BAD_USER_INPUT on first, as through a variable', async () => {
    expectFields(await t.gql('{ clients(first: "x") { totalCount } }', {}, a.ownerToken), ['first']);
    expectFields(await t.gql('query Page($n: Int) { clients(first: $n) { totalCount } }', { n: 'x' }, a.ownerToken), ['first']);
  });

  it('a malformed Decimal string inline is BAD_USER_INPUT on the field, and nothing is created', async () => {
    const name = `Запятая ${Date.now()}`;
    const res = await t.gql(`mutation { createClient(input: { name: "${name}", advertisingBudget: "12,5", advertisingBudgetCurrency: RUB }) { id } }`, {}, a.ownerToken);
    expectFields(res, ['input.advertisingBudget']);
    expect(await clientsNamed(name)).toBe(0);
  });

  it('an unknown enum value, inline or through a variable, is BAD_USER_INPUT on the field', async () => {
    const name = `Енум ${Date.now()}`;
    expectFields(await t.gql(CREATE_CLIENT_AS_C, { c: { name, lifecycleStage: 'DORMANT' } }, a.ownerToken), ['input.lifecycleStage']);
    expectFields(await t.gql(`mutation { createClient(input: { name: "${name}", lifecycleStage: DORMANT }) { id } }`, {}, a.ownerToken), [
      'input.lifecycleStage',
    ]);
    expectFields(await t.gql(RECORD_PAYMENT_AS_I, { i: { ...PAYMENT, method: 'CHEQUE' } }, a.ownerToken), ['input.method']);
    expect(await clientsNamed(name)).toBe(0);
  });

  it('a null or missing required variable names the argument it feeds', async () => {
    expectFields(await t.gql(RECORD_PAYMENT_AS_I, { i: null }, a.ownerToken), ['input']);
    expectFields(await t.gql(RECORD_PAYMENT_AS_I, {}, a.ownerToken), ['input']);
  });

  it('class-validator rules keep the same shape through a variable named otherwise', async () => {
    const res = await t.gql(CREATE_CLIENT_AS_C, { c: { name: '' } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.name' })] });
  });
});

describe('document errors stay GRAPHQL_VALIDATION_FAILED', () => {
  it('unknown fields, unknown arguments, a variable declared with the wrong type, an unknown type', async () => {
    expectDocumentError(await t.gql('{ clients { edges { node { nope } } } }', {}, a.ownerToken));
    expectDocumentError(await t.gql('{ clients(nope: 1) { totalCount } }', {}, a.ownerToken));
    expectDocumentError(await t.gql('query Q($n: String) { clients(first: $n) { totalCount } }', { n: 'x' }, a.ownerToken));
    expectDocumentError(await t.gql('query Q($n: Nope) { clients(first: $n) { totalCount } }', {}, a.ownerToken));
  });

  it('a bad default value of a variable is the document at fault', async () => {
    expectDocumentError(await t.gql('query Q($n: Int = "x") { clients(first: $n) { totalCount } }', {}, a.ownerToken));
  });

  it('the depth limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `client { contacts { ${selection} } }`;
    const res = await t.gql(`{ clients { edges { node { contacts { ${selection} } } } } }`, {}, a.ownerToken);
    // a limit of the document, checked with the others before it runs (README "Limits")
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', reason: 'DEPTH', limit: 10, found: 16 });
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED', async () => {
    const res = await t.gql('{ clients {', {}, a.ownerToken);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('the HTTP edge answers JSON', () => {
  const leaks = /<html|<pre|stack|node_modules|\/work\/|\bat \w+ \(|\.js:\d+/i;

  it('an oversized body is 413 PAYLOAD_TOO_LARGE, as a GraphQL error in JSON', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'я'.repeat(600_000) } });
    const res = await request(t.app).post('/graphql').set('content-type', 'application/json').send(body);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      errors: [{ message: expect.stringMatching(/too large/i), extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 1024 * 1024 } }],
    });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.text).not.toMatch(leaks);
  });

  it('malformed JSON is 400 BAD_REQUEST, as a GraphQL error in JSON', async () => {
    const res = await request(t.app).post('/graphql').set('content-type', 'application/json').send('{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(/JSON/), extensions: { code: 'BAD_REQUEST' } }] });
    expect(res.text).not.toMatch(leaks);
  });

  it('an unsupported body encoding is 415 UNSUPPORTED_MEDIA_TYPE in JSON', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json; charset=koi8-r')
      .send('{"query": "{ __typename }"}');
    expect(res.status).toBe(415);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.text).not.toMatch(leaks);
  });
});

describe('production mode: no stack trace, no file path', () => {
  const leaks = /stacktrace|node_modules|\/work\/|\.ts:\d+|\.js:\d+|SELECT|typeorm/i;

  async function withApp(env: Record<string, string>, fn: (app: TestApp, token: string) => Promise<void>): Promise<void> {
    // production refuses the suite's immediate sign-up: the agency is registered through `t`
    const app = await startTestApp({ env: { SIGNUP: 'off', ...env } });
    try {
      await fn(app, (await registerAgency(t)).ownerToken);
    } finally {
      await app.close();
    }
  }

  async function everyKindOfError(app: TestApp, token: string): Promise<string[]> {
    const bodies: string[] = [];
    bodies.push(JSON.stringify((await app.gql(RECORD_PAYMENT_AS_I, { i: { ...PAYMENT, amount: 12 } }, token)).body));
    bodies.push(JSON.stringify((await app.gql(inlinePayment(`invoiceId: "${MISSING_ID}", amount: 12, paidAt: "2026-03-02"`), {}, token)).body));
    bodies.push(JSON.stringify((await app.gql('{ clients { nope } }', {}, token)).body));
    bodies.push(JSON.stringify((await app.gql(RECORD_PAYMENT_AS_INPUT, { input: PAYMENT }, token)).body)); // NOT_FOUND
    bodies.push(JSON.stringify((await app.gql(ME, {}, 'not-a-token')).body));
    bodies.push((await request(app.app).post('/graphql').set('content-type', 'application/json').send('{"query"')).text);
    await app.ds.destroy(); // the database goes away: an internal error
    bodies.push(JSON.stringify((await app.gql(ME, {}, token)).body));
    await app.ds.initialize();
    return bodies;
  }

  it('NODE_ENV=production answers every kind of error without internals', async () => {
    await withApp({ NODE_ENV: 'production' }, async (app, token) => {
      const bodies = await everyKindOfError(app, token);
      for (const body of bodies) expect(body).not.toMatch(leaks);
      expect(bodies[bodies.length - 1]).toMatch(/"code":"INTERNAL_SERVER_ERROR"/);
      expect(bodies[bodies.length - 1]).toMatch(/"message":"Internal server error"/);
    });
  });

  it('NODE_ENV=development is the only mode that shows the internal message and stack', async () => {
    await withApp({ NODE_ENV: 'development' }, async (app, token) => {
      const bodies = await everyKindOfError(app, token);
      expect(bodies[bodies.length - 1]).toMatch(/stacktrace/);
    });
  });

  it('introspection follows the mode: off in production, on in development', async () => {
    const query = '{ __schema { queryType { name } } }';
    await withApp({ NODE_ENV: 'production' }, async (app) => {
      const res = await app.gql(query);
      expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors?.[0].message).toMatch(/introspection is off in production mode.*INTROSPECTION=true/i);
    });
    await withApp({ NODE_ENV: 'development' }, async (app) => {
      expect((await app.gql(query)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });
});
