/**
 * Batch documents end to end: generateDocuments validates its input, returns a QUEUED job at
 * once, and the job makes each document through the same path as generateDocument, reporting
 * progress; missing, foreign or unavailable records are failed items of a SUCCEEDED job; a retried
 * run and a second batch reuse what was stored; portal users and other agencies see nothing.
 */
import { GENERATE_DOCUMENTS_JOB, runDocumentBatch } from '../../src/services/document.service';
import { DocumentKind } from '../../src/documents/kinds';
import { Locale } from '../../src/entities/enums';
import { startTestApp, type TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, MISSING_ID, registerAgency, updateAgencyRequisites, type AgencyActors } from '../support/factories';
import { createInvoice, issuedInvoice } from '../support/invoice.factories';
import { actorContext, eventually } from '../support/jobs';

const GENERATE_BATCH = /* GraphQL */ `
  mutation GenerateDocuments($input: GenerateDocumentsInput!) {
    generateDocuments(input: $input) { id kind state progress result }
  }
`;
const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id kind state progress progressMessage result error { code message } attempts } }`;
const GET_DOCUMENT = /* GraphQL */ `query ($id: ID!) { document(id: $id) { id kind sourceId version locale number immutable } }`;
const CREATE_MEETING = /* GraphQL */ `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let portal: { id: string; token: string };
let client: any;

const batch = (input: Record<string, unknown>, token = a.ownerToken) => t.gql(GENERATE_BATCH, { input: { kind: 'INVOICE', ...input } }, token);

async function finished(jobId: string, token = a.ownerToken): Promise<any> {
  return eventually(
    async () => expectOk(await t.gql(JOB, { id: jobId }, token)).job,
    (j) => j.state === 'SUCCEEDED' || j.state === 'FAILED',
    60_000,
    'the batch job',
  );
}

/** Runs a batch through the API and waits for its job to end. */
async function runBatch(input: Record<string, unknown>, token = a.ownerToken): Promise<any> {
  const job = dataOf(await batch(input, token), 'generateDocuments');
  return finished(job.id, token);
}

const storedCount = async (sourceIds: string[]) =>
  (await t.ds.query('SELECT count(*)::int AS n FROM documents WHERE "sourceId" = ANY($1::uuid[])', [sourceIds]))[0].n as number;
const jobCount = async (agencyId: string) => (await t.ds.query('SELECT count(*)::int AS n FROM jobs WHERE "agencyId" = $1', [agencyId]))[0].n as number;

async function threeInvoices(): Promise<any[]> {
  return [await issuedInvoice(t, a.ownerToken, client.id), await issuedInvoice(t, a.ownerToken, client.id), await issuedInvoice(t, a.ownerToken, client.id)];
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, { legalName: 'ООО «Ромашка Диджитал»', inn: '7707083893', address: 'г. Москва, ул. Тверская, д. 1' });
  client = await createClient(t, a.ownerToken, { name: 'Вектор', legalName: 'АО «Вектор»' });
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
});
afterAll(() => t?.close());

describe('a batch of invoices', () => {
  it('is one QUEUED job at once; it ends SUCCEEDED with each invoice generated and an unknown id as a NOT_FOUND item', async () => {
    const invoices = await threeInvoices();
    const ids = [invoices[0].id, MISSING_ID, invoices[1].id, invoices[2].id];
    const jobsBefore = await jobCount(a.agencyId);
    const job = dataOf(await batch({ sourceIds: ids }), 'generateDocuments');
    expect(job).toMatchObject({ kind: GENERATE_DOCUMENTS_JOB, result: null });
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(job.state);
    expect(await jobCount(a.agencyId)).toBe(jobsBefore + 1);

    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', progress: 100, attempts: 1, error: null });
    expect(done.progressMessage).toMatch(/4\D+4/);
    expect(done.result.generated.map((g: any) => g.sourceId)).toEqual(invoices.map((i) => i.id));
    expect(done.result.failed).toEqual([{ sourceId: MISSING_ID, code: 'NOT_FOUND', message: expect.any(String) }]);

    for (const [i, g] of done.result.generated.entries()) {
      const doc = expectOk(await t.gql(GET_DOCUMENT, { id: g.documentId }, a.ownerToken)).document;
      expect(doc).toMatchObject({ kind: 'INVOICE', sourceId: invoices[i].id, number: invoices[i].number, version: 1, immutable: true });
    }
    expect(await storedCount(ids)).toBe(3);
  });

  it('is also for account managers, in the language asked for', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    const done = await runBatch({ sourceIds: [invoice.id], locale: 'EN' }, manager.token);
    expect(done.state).toBe('SUCCEEDED');
    const doc = expectOk(await t.gql(GET_DOCUMENT, { id: done.result.generated[0].documentId }, manager.token)).document;
    expect(doc).toMatchObject({ sourceId: invoice.id, locale: 'EN' });
  });

  it('reports its progress after each document, in percent and "N of M"', async () => {
    const invoices = await threeInvoices();
    const seen: [number, string][] = [];
    const ctx = actorContext(t, { agencyId: a.agencyId, userId: a.ownerId });
    const result = await runDocumentBatch(ctx, { kind: DocumentKind.INVOICE, sourceIds: [...invoices.map((i) => i.id), MISSING_ID], locale: Locale.RU }, async (p, m) => {
      seen.push([p, m]);
    });
    expect(seen).toEqual([
      [25, 'Documents: 1 of 4'],
      [50, 'Documents: 2 of 4'],
      [75, 'Documents: 3 of 4'],
      [100, 'Documents: 4 of 4'],
    ]);
    expect(result.generated).toHaveLength(3);
  });

  it('makes the same documents as generateDocument: an unavailable record is a DOCUMENT_NOT_AVAILABLE item with its reason', async () => {
    const create = async (startsAt: string) =>
      expectOk(await t.gql(CREATE_MEETING, { input: { clientId: client.id, title: 'Встреча', startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() } }, a.ownerToken))
        .createMeeting.id;
    const held = await create('2025-11-20T11:00:00.000Z');
    const future = await create(new Date(Date.now() + 30 * 86_400_000).toISOString());
    const done = await runBatch({ kind: 'MEETING_PROTOCOL', sourceIds: [held, future] });
    expect(done.state).toBe('SUCCEEDED');
    expect(done.result.generated).toEqual([{ sourceId: held, documentId: expect.any(String) }]);
    expect(done.result.failed).toEqual([{ sourceId: future, code: 'DOCUMENT_NOT_AVAILABLE', reason: 'MEETING_NOT_HELD', message: expect.any(String) }]);
    expect(await storedCount([future])).toBe(0);
  });
});

describe('running again', () => {
  it('a second batch of the same issued invoices reuses their documents instead of storing new ones', async () => {
    const invoices = await threeInvoices();
    const ids = invoices.map((i) => i.id);
    const first = await runBatch({ sourceIds: ids });
    const second = await runBatch({ sourceIds: ids });
    expect(second.result).toEqual(first.result);
    expect(await storedCount(ids)).toBe(3);
  });

  it('a run that breaks off is retried by the queue, which stores no second copy of what the broken run made', async () => {
    const invoices = await threeInvoices();
    const draft = await createInvoice(t, a.ownerToken, client.id);
    const ids = [...invoices.map((i) => i.id), draft.id];
    const pool = t.services.renderPool;
    const render = pool.render;
    let calls = 0;
    // the third rendering fails once, as a crashed renderer would: the first run stops after two documents
    pool.render = (...args: Parameters<typeof render>) => (++calls === 3 ? Promise.reject(new Error('renderer crashed')) : render.apply(pool, args));
    try {
      const done = await runBatch({ sourceIds: ids });
      expect(done).toMatchObject({ state: 'SUCCEEDED', attempts: 2, progress: 100 });
      expect(done.result.generated.map((g: any) => g.sourceId)).toEqual(ids);
      expect(done.result.failed).toEqual([]);
    } finally {
      pool.render = render;
    }
    // 2 renderings of the first run, then only the 2 documents it did not store
    expect(calls).toBe(5);
    expect(await storedCount(ids)).toBe(4);
  });
});

describe('validation', () => {
  it.each([
    ['an empty list', []],
    ['a repeated id', [MISSING_ID, MISSING_ID]],
    ['the same id in other letter case', ['0000000a-0000-4000-8000-000000000000', '0000000A-0000-4000-8000-000000000000']],
    ['more than 500 ids', Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)],
    ['an id that is not one', ['not-an-id']],
  ])('refuses %s with BAD_USER_INPUT on input.sourceIds and queues nothing', async (_what, sourceIds) => {
    const before = await jobCount(a.agencyId);
    expect(badInputPaths(await batch({ sourceIds }))).toEqual(['input.sourceIds']);
    expect(await jobCount(a.agencyId)).toBe(before);
  });

  it('takes exactly 500 ids', async () => {
    const sourceIds = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const done = await runBatch({ sourceIds });
    expect(done).toMatchObject({ state: 'SUCCEEDED', progress: 100 });
    expect(done.result.generated).toEqual([]);
    expect(done.result.failed).toHaveLength(500);
  });
});

describe('access', () => {
  it('refuses portal users', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    expectCode(await batch({ sourceIds: [invoice.id] }, portal.token), 'FORBIDDEN');
    expect(await storedCount([invoice.id])).toBe(0);
  });

  it("fails another agency's invoices as NOT_FOUND items and renders nothing of theirs", async () => {
    await updateAgencyRequisites(t, b.ownerToken, { legalName: 'ООО «Чужое»', inn: '7704123450', address: 'г. Москва, ул. Арбат, д. 10' });
    const theirClient = await createClient(t, b.ownerToken);
    const theirs = await issuedInvoice(t, b.ownerToken, theirClient.id);
    const ours = await issuedInvoice(t, a.ownerToken, client.id);
    const done = await runBatch({ sourceIds: [theirs.id, ours.id] });
    expect(done.state).toBe('SUCCEEDED');
    expect(done.result.generated.map((g: any) => g.sourceId)).toEqual([ours.id]);
    expect(done.result.failed).toEqual([{ sourceId: theirs.id, code: 'NOT_FOUND', message: expect.any(String) }]);
    expect(await storedCount([theirs.id])).toBe(0);
  });

  it("reads another agency's batch job as null", async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    const job = dataOf(await batch({ sourceIds: [invoice.id] }), 'generateDocuments');
    expect(expectOk(await t.gql(JOB, { id: job.id }, b.ownerToken)).job).toBeNull();
    await finished(job.id);
    expect(expectOk(await t.gql(JOB, { id: job.id }, b.ownerToken)).job).toBeNull();
  });
});
