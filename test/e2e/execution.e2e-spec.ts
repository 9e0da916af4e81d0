/**
 * Compiled execution (src/execution.ts): an operation run by graphql-jit answers exactly what
 * graphql-js answers (data, errors with their codes and paths, unions, fragments, directives,
 * variables, scalars), and an operation is compiled only once it has run GRAPHQL_JIT_AFTER times.
 * The rest of the suite runs compiled from the first run (test/support/env.ts); here the same
 * documents run on an app that never compiles and on one that always does, on the same data.
 */
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { createClient, createContact, registerAgency, AgencyActors } from '../support/factories';
import { CANCEL_INVOICE, CREATE_INVOICE, ISSUE_INVOICE, invoiceLine } from '../support/invoice.factories';
import { dataOf } from '../support/expect';

let interpreted: TestApp;
let compiled: TestApp;
let a: AgencyActors;
let issuedId: string;

beforeAll(async () => {
  interpreted = await startTestApp({ env: { GRAPHQL_JIT_AFTER: '0' } });
  compiled = await startTestApp({ env: { GRAPHQL_JIT_AFTER: '1' } });
  a = await registerAgency(interpreted);
  for (const name of ['Альфа', 'Бета']) {
    const client = await createClient(interpreted, a.ownerToken, { name });
    await createContact(interpreted, a.ownerToken, client.id, { fullName: `Контакт ${name}`, email: `${name === 'Альфа' ? 'alpha' : 'beta'}@example.com` });
    const input = { clientId: client.id, currency: 'RUB', dueDate: '2026-12-31', lines: [invoiceLine('Ведение кампании', '1000.00'), invoiceLine('Отчёт', '250.50', { quantity: '3' })] };
    const id = dataOf(await interpreted.gql(CREATE_INVOICE, { input }, a.ownerToken), 'createInvoice').id;
    if (name === 'Альфа') {
      dataOf(await interpreted.gql(ISSUE_INVOICE, { input: { id, issueDate: '2026-10-01' } }, a.ownerToken), 'issueInvoice');
      issuedId = id;
    }
  }
});
afterAll(async () => {
  await interpreted?.close();
  await compiled?.close();
});

/** Runs the document on both apps (twice on the compiled one: its first run and a cached one) and expects one answer. */
async function same(query: string, variables: Record<string, unknown> = {}, token: string | null = a.ownerToken): Promise<request.Response> {
  const send = (t: TestApp) => request(t.app).post('/graphql').set('content-type', 'application/json').set('authorization', token ? `Bearer ${token}` : '').send({ query, variables });
  const reference = await send(interpreted);
  for (let run = 0; run < 2; run++) {
    const res = await send(compiled);
    expect({ status: res.status, body: res.body }).toEqual({ status: reference.status, body: reference.body });
  }
  return reference;
}

describe('compiled execution answers as graphql-js does', () => {
  it('a nested list with fragments, aliases, variables and @include/@skip', async () => {
    const query = /* GraphQL */ `
      query List($first: Int!, $withLines: Boolean!, $noContacts: Boolean!) {
        invoices(first: $first) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { ...Head client { id name contacts @skip(if: $noContacts) { fullName email } } lines @include(if: $withLines) { description quantity net vat gross } } }
        }
        again: invoices(first: 1) { edges { node { id } } }
      }
      fragment Head on Invoice { id number status total currency dueDate issueDate createdAt }`;
    const res = await same(query, { first: 10, withLines: true, noContacts: false });
    expect(res.body.data.invoices.totalCount).toBe(2);
    expect(res.body.data.invoices.edges[0].node.lines).toHaveLength(2);
    await same(query, { first: 1, withLines: false, noContacts: true });
  });

  it('a result union: the success type and an error result, with __typename and interface fragments', async () => {
    const ok = await same(`query($id: ID!) { invoice(id: $id) { __typename id status } }`, { id: issuedId });
    expect(ok.body.data.invoice.status).toBe('ISSUED');
    // issuing an issued invoice again: an error result in data, the same from both
    const res = await same(ISSUE_INVOICE, { input: { id: issuedId, issueDate: '2026-10-02' } });
    expect(res.body.data.issueInvoice.__typename).not.toBe('Invoice');
    expect(res.body.data.issueInvoice.code).toMatch(/^[A-Z_]+$/);
  });

  it('errors: not found, bad and out-of-range variables, unauthenticated, with codes, paths and locations', async () => {
    const missing = await same(`query($id: ID!) { invoice(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.body.data.invoice).toBeNull();
    const malformed = await same(`query($id: ID!) { ok: me { id } invoice(id: $id) { id } }`, { id: 'not-an-id' });
    expect(malformed.body.data).toEqual({ ok: { id: expect.any(String) }, invoice: null });
    const badVariable = await same(`query($first: Int!) { invoices(first: $first) { totalCount } }`, { first: 'ten' });
    expect(badVariable.status).toBe(400);
    const outOfRange = await same(`query($first: Int!) { invoices(first: $first) { totalCount } }`, { first: -5 });
    expect(outOfRange.body.errors[0]).toMatchObject({ path: ['invoices'], locations: [{ line: 1, column: 23 }], extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] } });
    expect(badVariable.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
    const anonymous = await same(`{ invoices(first: 1) { totalCount } }`, {}, null);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a mutation that writes: the same answer shape, and the write done once per run', async () => {
    const cancel = (t: TestApp, id: string) => t.gql(CANCEL_INVOICE, { input: { id, reason: 'ошибка' } }, a.ownerToken);
    const draft = async (t: TestApp) => {
      const client = await createClient(t, a.ownerToken);
      return dataOf(await t.gql(CREATE_INVOICE, { input: { clientId: client.id, currency: 'EUR', dueDate: '2026-12-31', lines: [invoiceLine('Баннер', '99.99')] } }, a.ownerToken), 'createInvoice');
    };
    const [x, y] = [await draft(interpreted), await draft(compiled)];
    const strip = (inv: any) => ({ ...inv, id: undefined, clientId: undefined, cancelledAt: inv.cancelledAt ? "set" : null, lines: inv.lines.map((l: any) => ({ ...l, id: undefined })) });
    expect(strip(y)).toEqual(strip(x));
    const [cx, cy] = [await cancel(interpreted, x.id), await cancel(compiled, y.id)];
    expect(cy.body.data.cancelInvoice.status).toBe('CANCELLED');
    expect(strip(cy.body.data.cancelInvoice)).toEqual(strip(cx.body.data.cancelInvoice));
  });
});

describe('when an operation is compiled', () => {
  it('after GRAPHQL_JIT_AFTER runs of the same document, and counted on /metrics', async () => {
    const t = await startTestApp({ env: { GRAPHQL_JIT_AFTER: '3' } });
    try {
      const query = `{ me { id } }`;
      const counts = async () => {
        const text = (await request(t.app).get('/metrics')).text;
        const value = (mode: string) => Number(new RegExp(`graphql_executions_total\\{mode="${mode}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
        return { interpreted: value('interpreted'), compiled: value('compiled') };
      };
      const before = await counts();
      for (let i = 0; i < 5; i++) expect((await t.gql(query, {}, a.ownerToken)).body.data.me.id).toBeTruthy();
      const after = await counts();
      // runs 1 and 2 interpreted, the third compiles it, then the compiled function is reused
      expect({ interpreted: after.interpreted - before.interpreted, compiled: after.compiled - before.compiled }).toEqual({ interpreted: 2, compiled: 3 });
      // another document (even one differing only in spacing) starts its own count
      await t.gql(`{ me {  id } }`, {}, a.ownerToken);
      expect((await counts()).interpreted - after.interpreted).toBe(1);
    } finally {
      await t.close();
    }
  });
});
