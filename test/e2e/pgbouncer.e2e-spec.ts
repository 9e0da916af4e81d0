/**
 * The server behind PgBouncer in transaction mode (what a deployment with many API nodes runs):
 * a server connection belongs to a client for one transaction only, so nothing may rely on
 * session state. The core of the e2e flows runs through it, with the job queue (pg-boss on the
 * app's pool) working jobs, and with more concurrent requests than the bouncer has server
 * connections, so consecutive transactions of one pool client really land on different sessions.
 */
import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { workerDatabaseName, workerDatabaseUrl } from '../support/databases';
import { dataOf, expectOk } from '../support/expect';
import { LIST_CLIENTS, ME } from '../support/documents';
import { createClient, createContact, createUser, login, PASSWORD, registerAgency, type AgencyActors } from '../support/factories';
import { paidInvoice } from '../support/invoice.factories';
import { createSentProposal } from '../support/proposal.factories';
import { signedContract } from '../support/contract.factories';
import { eventually } from '../support/jobs';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer';

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateDocumentInput!) {
    generateDocument(input: $input) {
      __typename
      ... on GeneratedDocument { id kind sourceId version number byteSize downloadPath }
      ... on ErrorResult { code message }
    }
  }
`;
const GENERATE_BATCH = /* GraphQL */ `
  mutation GenerateDocuments($input: GenerateDocumentsInput!) { generateDocuments(input: $input) { id kind state } }
`;
const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id state progress result error { code message } } }`;

const APP_NAME = 'pgbouncer-e2e';

let bouncer: PgBouncer;
let t: TestApp;
let a: AgencyActors;

beforeAll(async () => {
  bouncer = await startPgBouncer(workerDatabaseUrl(), { poolSize: 3 });
  // the app's pool (8) is larger than the bouncer's server pool (3): sessions are shared for real
  t = await startTestApp({ databaseUrl: bouncer.url(workerDatabaseUrl()), poolSize: 8, applicationName: APP_NAME, env: { WORKERS: '2' } });
});
afterAll(async () => {
  await t?.close();
  await bouncer?.stop();
});

describe('through PgBouncer in transaction mode', () => {
  it('registers an agency and logs in (the token works on the next request, whatever the session)', async () => {
    a = await registerAgency(t);
    const token = await login(t, a.ownerEmail, PASSWORD);
    const me = expectOk(await t.gql(ME, {}, token)).me;
    expect(me.id).toBe(a.ownerId);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expect(expectOk(await t.gql(ME, {}, manager.token)).me.role).toBe('MANAGER');
  });

  it('runs the commercial flow: client, contact, proposal, contract, invoice, payment', async () => {
    const client = await createClient(t, a.ownerToken);
    await createContact(t, a.ownerToken, client.id);
    const proposal = await createSentProposal(t, a.ownerToken, client.id);
    expect(proposal.status).toBe('SENT');
    const contract = await signedContract(t, a.ownerToken, client.id);
    expect(contract.number).toBeTruthy();
    const invoice = await paidInvoice(t, a.ownerToken, client.id);
    expect(invoice).toMatchObject({ status: 'PAID', balanceDue: '0.00' });
    expect(invoice.number).toBeTruthy();

    // a document rendered and downloaded
    const doc = dataOf<any>(await t.gql(GENERATE, { input: { kind: 'CONTRACT', sourceId: contract.id } }, a.ownerToken), 'generateDocument', 'GeneratedDocument');
    expect(doc.byteSize).toBeGreaterThan(1000);
    const pdf = await request(t.app).get(doc.downloadPath).set('authorization', `Bearer ${a.ownerToken}`).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/pdf/);

    // a queue job: sent through pg-boss on the app's pool, worked by this process, read back
    const job = dataOf<any>(await t.gql(GENERATE_BATCH, { input: { kind: 'INVOICE', sourceIds: [invoice.id] } }, a.ownerToken), 'generateDocuments');
    const done = await eventually(
      async () => expectOk(await t.gql(JOB, { id: job.id }, a.ownerToken)).job,
      (j: any) => j.state === 'SUCCEEDED' || j.state === 'FAILED',
      60_000,
      'the batch job through PgBouncer',
    );
    expect(done.error).toBeNull();
    expect(done.state).toBe('SUCCEEDED');
  });

  it('keeps numbering exact and tenants apart under concurrent writes on shared sessions', async () => {
    const b = await registerAgency(t);
    const [clientA, clientB] = await Promise.all([createClient(t, a.ownerToken), createClient(t, b.ownerToken)]);
    const invoices = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? paidInvoice(t, b.ownerToken, clientB.id) : paidInvoice(t, a.ownerToken, clientA.id))),
    );
    const numbersA = invoices.filter((_, i) => i % 2 === 0).map((x) => x.number);
    const numbersB = invoices.filter((_, i) => i % 2 === 1).map((x) => x.number);
    // every number distinct within its agency (the per-agency counter is taken under a transaction-scoped lock)
    expect(new Set(numbersA).size).toBe(4);
    expect(new Set(numbersB).size).toBe(4);
    const listB = expectOk(await t.gql(LIST_CLIENTS, { first: 50 }, b.ownerToken)).clients;
    expect(listB.edges.map((e: any) => e.node.id)).toEqual([clientB.id]);
  });

  it('keeps answering reads when the bouncer loses its server connections (57P01)', async () => {
    const admin = new Client({ connectionString: workerDatabaseUrl(), application_name: 'pgbouncer-admin' });
    await admin.connect();
    try {
      const reads: Promise<request.Response>[] = [];
      for (let i = 0; i < 40; i++) {
        const req = request(t.app).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${a.ownerToken}`).send({ query: ME });
        reads.push(new Promise((resolve, reject) => req.then(resolve, reject)));
        if (i === 10) {
          // the bouncer's server sessions on this worker's database (their application_name is the app's)
          const { rows } = await admin.query(
            `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> 'pgbouncer-admin') x`,
            [workerDatabaseName()],
          );
          expect(rows[0].n).toBeGreaterThan(0);
        }
      }
      const results = await Promise.all(reads);
      expect(results.filter((r) => r.status !== 200 || r.body.errors).map((r) => [r.status, r.body.errors?.[0]?.extensions?.code])).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('keeps no token users when its listener would be a pooled session (no notice can be heard there): a deactivation is refused at once', async () => {
    // longer than the listener's proof may take: a notice sent from another session never arrives
    await new Promise((r) => setTimeout(r, 4000));
    expect(t.services.tokenUsers.isLive).toBe(false);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expectOk(await t.gql(ME, {}, manager.token));
    expectOk(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { __typename } }', { id: manager.id }, a.ownerToken));
    const refused = await t.gql(ME, {}, manager.token);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 20_000);
});
