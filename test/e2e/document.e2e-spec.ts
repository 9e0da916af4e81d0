/**
 * Generated documents end to end, with the meeting protocol as the kind (and the contract once,
 * through the same path): generateDocument stores a version with its bytes; document / documents
 * read the metadata (never the bytes); GET /documents/<id>.pdf serves the PDF to a bearer token or
 * a signed link, with its ETag and file name; another agency's or another client's document is
 * missing; versions are gapless.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { TokenService } from '../../src/auth/token';
import { loadConfig } from '../../src/config';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { signedContract } from '../support/contract.factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import {
  AgencyActors,
  createClient,
  createContact,
  createUser,
  MISSING_ID,
  registerAgency,
  updateAgencyRequisites,
} from '../support/factories';
import { CANCEL_INVOICE, createInvoice, ISSUE_DATE, issueInvoice, issuedInvoice, RECORD_PAYMENT } from '../support/invoice.factories';
import { pdfText, squash } from '../support/pdf';

const DOCUMENT_FIELDS = /* GraphQL */ `
  fragment DocumentFields on GeneratedDocument {
    id kind sourceId clientId version locale number fileName byteSize pageCount sha256 immutable createdAt
    downloadPath documentUrl
  }
`;

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateDocumentInput!) {
    generateDocument(input: $input) {
      __typename
      ... on GeneratedDocument { ...DocumentFields createdBy { id } }
      ... on ErrorResult { code message }
      ... on DocumentNotAvailableError { reason }
    }
  }
  ${DOCUMENT_FIELDS}
`;

const GET_DOCUMENT = /* GraphQL */ `
  query GetDocument($id: ID!) { document(id: $id) { ...DocumentFields } }
  ${DOCUMENT_FIELDS}
`;

const GET_DOCUMENT_CREATED_BY = /* GraphQL */ `
  query GetDocumentCreatedBy($id: ID!) { document(id: $id) { id createdBy { id } } }
`;

const LIST_DOCUMENTS = /* GraphQL */ `
  query ListDocuments($filter: DocumentFilter, $first: Int, $after: String) {
    documents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id version locale kind sourceId clientId } }
    }
  }
`;

const CREATE_MEETING = /* GraphQL */ `
  mutation CreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { id discussion } }
`;

const UPDATE_MEETING = /* GraphQL */ `
  mutation UpdateMeeting($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id discussion decisions } }
`;

const DAY = 24 * 3_600_000;
const logger = new CountingLogger();
let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let portal: { id: string; token: string };
let otherPortal: { id: string; token: string };
let client: any;
let otherClient: any;
let meetingId: string;
let doc: any;

function generate(input: Record<string, unknown>, token = a.ownerToken) {
  return t.gql(GENERATE, { input: { kind: 'MEETING_PROTOCOL', ...input } }, token);
}

function generated(res: Awaited<ReturnType<typeof generate>>): any {
  const out = expectOk(res).generateDocument;
  expect(out.__typename).toBe('GeneratedDocument');
  return out;
}

/** GET as a browser would, the body kept as bytes whatever the content type. */
function download(path: string, token?: string | null, headers: Record<string, string> = {}) {
  const req = request(t.app).get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (token) req.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storedCount = async (sourceId: string) =>
  (await t.ds.query('SELECT count(*)::int AS n FROM documents WHERE "sourceId" = $1', [sourceId]))[0].n as number;

async function createMeeting(input: Record<string, unknown>, token = a.ownerToken): Promise<string> {
  return expectOk(await t.gql(CREATE_MEETING, { input: { clientId: client.id, title: 'Встреча', ...input } }, token)).createMeeting.id;
}

beforeAll(async () => {
  t = await startTestApp({ logger });
  a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  b = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, { legalName: 'ООО «Ромашка Диджитал»', inn: '7707083893', address: 'г. Москва, ул. Тверская, д. 1' });
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  client = await createClient(t, a.ownerToken, { name: 'Вектор', legalName: 'АО «Вектор»' });
  otherClient = await createClient(t, a.ownerToken);
  portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
  otherPortal = await createUser(t, a.ownerToken, 'CLIENT', otherClient.id);
  const contact = await createContact(t, a.ownerToken, client.id, { fullName: 'Петров Пётр Петрович', position: 'Директор по маркетингу', isPrimary: true });
  meetingId = await createMeeting({
    title: 'Согласование медиаплана',
    // 14:00 in Moscow
    startsAt: '2025-11-20T11:00:00.000Z',
    endsAt: '2025-11-20T12:30:00.000Z',
    location: 'Переговорная 4',
    agenda: 'Медиаплан на I квартал',
    discussion: 'Заказчик попросил усилить присутствие в Telegram.',
    decisions: ['Утвердить медиаплан', 'Запуск 15 января'],
    actionItems: [{ description: 'Подготовить креативы', ownerContactId: contact.id, dueDate: '2025-12-01' }],
    participantUserIds: [manager.id],
    participantContactIds: [contact.id],
  });
  doc = generated(await generate({ sourceId: meetingId }));
});
afterAll(() => t?.close());

describe('generateDocument', () => {
  it('stores the protocol as version 1 in the agency\'s language, with its size, pages and digest', async () => {
    expect(doc).toMatchObject({
      kind: 'MEETING_PROTOCOL',
      sourceId: meetingId,
      clientId: client.id,
      version: 1,
      locale: 'RU',
      number: null,
      fileName: 'Протокол встречи от 20.11.2025.pdf',
      immutable: false,
      createdBy: { id: a.ownerId },
      downloadPath: `/documents/${doc.id}.pdf`,
    });
    expect(doc.pageCount).toBeGreaterThanOrEqual(1);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.documentUrl).toMatch(new RegExp(`^/documents/${doc.id}\\.pdf\\?token=[\\w.-]+$`));
    const [row] = await t.ds.query('SELECT "byteSize", octet_length(bytes) AS length, encode(sha256(bytes), \'hex\') AS digest FROM documents WHERE id = $1', [doc.id]);
    expect(row).toEqual({ byteSize: doc.byteSize, length: doc.byteSize, digest: doc.sha256 });
  });

  it('returns the latest version unchanged while nothing in the meeting changed, and a new one when something did or when asked', async () => {
    const again = generated(await generate({ sourceId: meetingId }, manager.token));
    expect(again).toMatchObject({ id: doc.id, version: 1, sha256: doc.sha256 });

    expectOk(await t.gql(UPDATE_MEETING, { input: { id: meetingId, decisions: ['Утвердить медиаплан', 'Запуск 20 января'] } }, a.ownerToken));
    const v2 = generated(await generate({ sourceId: meetingId }, manager.token));
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(doc.id);
    expect(v2.sha256).not.toBe(doc.sha256);

    const v3 = generated(await generate({ sourceId: meetingId, newVersion: true }));
    expect(v3.version).toBe(3);
    expect(generated(await generate({ sourceId: meetingId })).id).toBe(v3.id);

    // each language has its own versions
    const en = generated(await generate({ sourceId: meetingId, locale: 'EN' }));
    expect(en).toMatchObject({ version: 1, locale: 'EN', fileName: 'Meeting minutes 20 Nov 2025.pdf' });
    const text = squash(pdfText((await download(en.downloadPath, a.ownerToken)).body));
    expect(text).toContain('MEETING MINUTES');
    expect(text).toContain('Time 14:00–15:30 (UTC+3)');

    const list = expectOk(await t.gql(LIST_DOCUMENTS, { filter: { sourceId: meetingId, kind: 'MEETING_PROTOCOL' } }, a.ownerToken)).documents;
    expect(list.totalCount).toBe(4);
    expect(list.edges.map((e: any) => `${e.node.locale}${e.node.version}`)).toEqual(['EN1', 'RU3', 'RU2', 'RU1']);
  });

  it('numbers versions without gaps when many are asked for at once', async () => {
    const id = await createMeeting({ title: 'Параллельно', startsAt: new Date(Date.now() - DAY).toISOString() });
    const results = await Promise.all(Array.from({ length: 6 }, () => generate({ sourceId: id, newVersion: true })));
    const versions = results.map((r) => generated(r).version).sort((x, y) => x - y);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    // and two first requests for an unchanged source store one version
    const other = await createMeeting({ title: 'Дважды', startsAt: new Date(Date.now() - DAY).toISOString() });
    const [x, y] = await Promise.all([generate({ sourceId: other }), generate({ sourceId: other })]);
    expect(generated(x).id).toBe(generated(y).id);
    expect(await storedCount(other)).toBe(1);
  });

  it('refuses the protocol of a meeting that has not started, storing nothing', async () => {
    const id = await createMeeting({ title: 'Будущая', startsAt: new Date(Date.now() + 2 * DAY).toISOString() });
    const out = expectOk(await generate({ sourceId: id })).generateDocument;
    expect(out).toMatchObject({ __typename: 'DocumentNotAvailableError', code: 'DOCUMENT_NOT_AVAILABLE', reason: 'MEETING_NOT_HELD' });
    expect(out.message).toBe('Встреча ещё не началась: протокол формируется после её проведения');
    expect(await storedCount(id)).toBe(0);
  });

  it('is NOT_FOUND for another agency\'s or a missing meeting, BAD_USER_INPUT for a malformed id, FORBIDDEN for a portal user', async () => {
    expect(expectCode(await generate({ sourceId: meetingId }, b.ownerToken), 'NOT_FOUND')).toMatchObject({ field: 'input.sourceId', entity: 'Meeting' });
    expect(expectCode(await generate({ sourceId: MISSING_ID }), 'NOT_FOUND')).toMatchObject({ field: 'input.sourceId' });
    expectBadInput(await generate({ sourceId: 'nope' }), 'input.sourceId');
    expectCode(await generate({ sourceId: meetingId }, portal.token), 'FORBIDDEN');
    expect(expectOk(await t.gql(LIST_DOCUMENTS, {}, b.ownerToken)).documents.totalCount).toBe(0);
  });
});

describe('another kind through the same path', () => {
  it('generates the contract of a signed contract, numbered, and serves it to the client\'s portal user', async () => {
    const contract = await signedContract(t, a.ownerToken, client.id);
    const out = generated(await generate({ kind: 'CONTRACT', sourceId: contract.id }));
    expect(out).toMatchObject({ kind: 'CONTRACT', sourceId: contract.id, clientId: client.id, version: 1, number: contract.number, immutable: false });
    expect(out.fileName).toMatch(/\.pdf$/);
    const res = await download(out.downloadPath, portal.token);
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(out.sha256);
    expect(squash(pdfText(res.body))).toContain(contract.number);
    expect(expectCode(await generate({ kind: 'CONTRACT', sourceId: meetingId }), 'NOT_FOUND')).toMatchObject({ field: 'input.sourceId', entity: 'Contract' });
  });
});

describe('GET /documents/<id>.pdf', () => {
  it('serves the PDF to the agency\'s bearer token with its length, ETag and the file name in Russian', async () => {
    const res = await download(doc.downloadPath, manager.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(Number(res.headers['content-length'])).toBe(doc.byteSize);
    expect(res.headers.etag).toBe(`"${doc.sha256}"`);
    expect(res.headers['cache-control']).toMatch(/^private, max-age=0/);
    const disposition = res.headers['content-disposition'];
    expect(disposition).toBe(
      `inline; filename="Protokol-vstrechi-ot-20.11.2025.pdf"; filename*=UTF-8''${encodeURIComponent('Протокол встречи от 20.11.2025.pdf')}`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(doc.fileName);
    const body: Buffer = res.body;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBe(doc.byteSize);
    expect(sha256(body)).toBe(doc.sha256);
    const text = squash(pdfText(body));
    for (const s of ['ПРОТОКОЛ ВСТРЕЧИ', '«Согласование медиаплана»', 'Дата 20 ноября 2025 г.', 'Время 14:00–15:30 (UTC+3)', 'ООО «Ромашка Диджитал», ИНН 7707083893', 'АО «Вектор»', 'Петров Пётр Петрович — Директор по маркетингу', '1. Утвердить медиаплан', 'Подготовить креативы Петров Пётр Петрович 01.12.2025']) {
      expect(text).toContain(s);
    }
  });

  it('answers 304 to a matching If-None-Match and offers the file as an attachment with ?download=1', async () => {
    const cached = await download(doc.downloadPath, a.ownerToken, { 'If-None-Match': `W/"x", "${doc.sha256}"` });
    expect(cached.status).toBe(304);
    expect(cached.headers.etag).toBe(`"${doc.sha256}"`);
    expect(cached.body.length ?? 0).toBe(0);
    const stale = await download(doc.downloadPath, a.ownerToken, { 'If-None-Match': '"0000"' });
    expect(stale.status).toBe(200);
    const attachment = await download(`${doc.downloadPath}?download=1`, a.ownerToken);
    expect(attachment.headers['content-disposition']).toMatch(/^attachment; filename="Protokol-vstrechi-ot-20\.11\.2025\.pdf"; filename\*=UTF-8''/);
  });

  it('opens with the signed link without a bearer token, and not with an expired, tampered or misdirected one', async () => {
    const ok = await download(doc.documentUrl);
    expect(ok.status).toBe(200);
    expect(sha256(ok.body)).toBe(doc.sha256);

    const token = new URL(doc.documentUrl, 'http://x').searchParams.get('token')!;
    const flipped = token.slice(0, -2) + (token.slice(-2, -1) === 'A' ? 'B' : 'A') + token.slice(-1);
    const tampered = await download(`${doc.downloadPath}?token=${flipped}`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.toString()).toContain('UNAUTHENTICATED');

    const tokens = new TokenService(loadConfig(process.env).jwtSecret, 3600);
    const past = await tokens.issueDocumentLink({ sub: a.ownerId, documentId: doc.id, ver: 0 }, 300, new Date(Date.now() - 3_600_000));
    const expired = await download(`${doc.downloadPath}?token=${past.token}`);
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body.toString())).toEqual({ error: 'UNAUTHENTICATED', message: 'Срок действия токена истёк' });

    // a link opens its own document only; a bearer token is no link
    const fresh = await tokens.issueDocumentLink({ sub: a.ownerId, documentId: doc.id, ver: 0 }, 300);
    const v2 = expectOk(await t.gql(LIST_DOCUMENTS, { filter: { sourceId: meetingId }, first: 5 }, a.ownerToken)).documents.edges.find((e: any) => e.node.id !== doc.id).node;
    expect((await download(`/documents/${v2.id}.pdf?token=${fresh.token}`)).status).toBe(401);
    expect((await download(`${doc.downloadPath}?token=${a.ownerToken}`)).status).toBe(401);
    expect((await download(`${doc.downloadPath}?token=${fresh.token}`)).status).toBe(200);
    expect((await download(doc.downloadPath)).status).toBe(401);
  });

  it('is 404 for another agency, exactly like a missing document', async () => {
    const foreign = await download(doc.downloadPath, b.ownerToken);
    const missing = await download(`/documents/${MISSING_ID}.pdf`, b.ownerToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.toString()).toBe(missing.body.toString());
    expect((await download(`/documents/not-an-id.pdf`, a.ownerToken)).status).toBe(404);
    expect(expectOk(await t.gql(GET_DOCUMENT, { id: doc.id }, b.ownerToken)).document).toBeNull();
  });
});

describe('the client portal', () => {
  it('reads and downloads the documents of its own client, without who made them', async () => {
    const seen = expectOk(await t.gql(GET_DOCUMENT, { id: doc.id }, portal.token)).document;
    expect(seen).toMatchObject({ id: doc.id, sha256: doc.sha256, fileName: doc.fileName });
    const list = expectOk(await t.gql(LIST_DOCUMENTS, { filter: { clientId: client.id } }, portal.token)).documents;
    expect(list.edges.map((e: any) => e.node.id)).toContain(doc.id);
    const refused = await t.gql(GET_DOCUMENT_CREATED_BY, { id: doc.id }, portal.token);
    expect(refused.body.data.document).toEqual({ id: doc.id, createdBy: null });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'GeneratedDocument.createdBy' });

    expect((await download(doc.downloadPath, portal.token)).status).toBe(200);
    const link = await download(seen.documentUrl);
    expect(link.status).toBe(200);
    expect(sha256(link.body)).toBe(doc.sha256);
  });

  it('never sees the print of a draft: the agency\'s working copy stays the agency\'s', async () => {
    const draft = await createInvoice(t, a.ownerToken, client.id);
    const working = generated(await t.gql(GENERATE, { input: { kind: 'INVOICE', sourceId: draft.id } }, a.ownerToken));
    expect(expectOk(await t.gql(GET_DOCUMENT, { id: working.id }, portal.token)).document).toBeNull();
    const listed = expectOk(await t.gql(LIST_DOCUMENTS, { filter: { sourceId: draft.id } }, portal.token)).documents;
    expect(listed.totalCount).toBe(0);
    expect((await download(working.downloadPath, portal.token)).status).toBe(404);
    // once issued, the client reads the issued invoice's print (and still not the draft's)
    await issueInvoice(t, a.ownerToken, draft.id);
    const issued = generated(await t.gql(GENERATE, { input: { kind: 'INVOICE', sourceId: draft.id } }, a.ownerToken));
    const seen = expectOk(await t.gql(LIST_DOCUMENTS, { filter: { sourceId: draft.id } }, portal.token)).documents;
    expect(seen.edges.map((e: any) => e.node.id)).toEqual([issued.id]);
    expect((await download(issued.downloadPath, portal.token)).status).toBe(200);
  });

  it('sees nothing of another client\'s documents in the same agency', async () => {
    expect(expectOk(await t.gql(GET_DOCUMENT, { id: doc.id }, otherPortal.token)).document).toBeNull();
    expect(expectOk(await t.gql(LIST_DOCUMENTS, {}, otherPortal.token)).documents.totalCount).toBe(0);
    expect((await download(doc.downloadPath, otherPortal.token)).status).toBe(404);
    // a link signed for another user opens nothing for this one
    const own = expectOk(await t.gql(GET_DOCUMENT, { id: doc.id }, portal.token)).document.documentUrl;
    expect((await download(own, otherPortal.token)).status).toBe(404);
  });
});

describe('storage', () => {
  it('lists and reads documents without ever selecting their bytes', async () => {
    logger.reset();
    expectOk(await t.gql(LIST_DOCUMENTS, { first: 50 }, a.ownerToken));
    expectOk(await t.gql(GET_DOCUMENT, { id: doc.id }, a.ownerToken));
    const touching = logger.statements.filter((s) => /from "documents"/i.test(s));
    expect(touching.length).toBeGreaterThanOrEqual(2);
    for (const s of touching) expect(s).not.toMatch(/"bytes"/);
  });
});

describe('legal records keep their first rendering', () => {
  const invoiceDoc = async (invoiceId: string, extra: Record<string, unknown> = {}) =>
    generated(await t.gql(GENERATE, { input: { kind: 'INVOICE', sourceId: invoiceId, locale: 'RU', ...extra } }, a.ownerToken));

  it('serves an issued invoice as first made after a payment; a new version only when asked', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    const first = await invoiceDoc(invoice.id);
    expect(first).toMatchObject({ kind: 'INVOICE', version: 1, immutable: true, number: invoice.number });
    expectOk(await t.gql(RECORD_PAYMENT, { input: { invoiceId: invoice.id, amount: '100.00', paidAt: ISSUE_DATE } }, a.ownerToken));
    const again = await invoiceDoc(invoice.id);
    expect(again).toMatchObject({ id: first.id, version: 1, sha256: first.sha256 });
    const asked = await invoiceDoc(invoice.id, { newVersion: true });
    expect(asked).toMatchObject({ version: 2, immutable: true });
    expect(asked.id).not.toBe(first.id);
    expect(await storedCount(invoice.id)).toBe(2);
  });

  it('prints a draft invoice afresh as it changes, then keeps the issued one', async () => {
    const draft = await createInvoice(t, a.ownerToken, client.id);
    const d1 = await invoiceDoc(draft.id);
    expect(d1).toMatchObject({ version: 1, immutable: false, number: null });
    expect(squash(pdfText((await download(d1.downloadPath, a.ownerToken)).body))).toContain('ПРОЕКТ');
    const issued = await issueInvoice(t, a.ownerToken, draft.id);
    const i1 = await invoiceDoc(draft.id);
    expect(i1).toMatchObject({ version: 2, immutable: true, number: issued.number });
    expect(await invoiceDoc(draft.id)).toMatchObject({ id: i1.id, version: 2 });
  });

  it('marks a cancelled invoice in a new version', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    const first = await invoiceDoc(invoice.id);
    expectOk(await t.gql(CANCEL_INVOICE, { input: { id: invoice.id, reason: 'Ошибка в реквизитах' } }, a.ownerToken));
    const cancelled = await invoiceDoc(invoice.id);
    expect(cancelled).toMatchObject({ version: first.version + 1, immutable: true });
    expect(squash(pdfText((await download(cancelled.downloadPath, a.ownerToken)).body))).toContain('АННУЛИРОВАН');
  });
});
