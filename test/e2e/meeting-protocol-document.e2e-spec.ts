/**
 * The meeting protocol's builder against the real database: a meeting recorded through the API,
 * then the view model as the renderer gets it — times in the agency's time zone, participants
 * with their positions, owners of action items by name, the signers — and null for another
 * agency's meeting.
 */
import { MODEL_BUILDERS, DocumentUnavailable } from '../../src/documents/models';
import { DocumentKind } from '../../src/documents/kinds';
import { buildMeetingProtocol } from '../../src/documents/meeting-protocol/meeting-protocol.data';
import { Locale, UserRole } from '../../src/entities/enums';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { expectOk } from '../support/expect';
import { AgencyActors, createClient, createContact, createUser, registerAgency, updateAgencyRequisites } from '../support/factories';
import { pngjsImage } from '../support/images';

const CREATE_MEETING = /* GraphQL */ `
  mutation CreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }
`;

const UPLOAD = /* GraphQL */ `
  mutation Upload($input: UploadAgencyImageInput!) { uploadAgencyImage(input: $input) { __typename } }
`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let client: any;
let director: any;
let analyst: any;

const owner = () => contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });

async function meeting(input: Record<string, unknown>): Promise<string> {
  return expectOk(await t.gql(CREATE_MEETING, { input: { clientId: client.id, title: 'Встреча', ...input } }, a.ownerToken)).createMeeting.id;
}

beforeAll(async () => {
  t = await startTestApp();
  // UTC+5 all year: the local date and time differ from UTC's
  a = await registerAgency(t, { timeZone: 'Asia/Yekaterinburg', fullName: 'Иванова Мария Сергеевна' });
  b = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, {
    legalName: 'ООО «Ромашка Диджитал»',
    inn: '7707083893',
    signatoryName: 'Иванова Мария Сергеевна',
    signatoryPosition: 'Генеральный директор',
  });
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  client = await createClient(t, a.ownerToken, { name: 'Вектор', legalName: 'АО «Вектор»' });
  director = await createContact(t, a.ownerToken, client.id, { fullName: 'Петров Пётр Петрович', position: 'Директор по маркетингу', isPrimary: true });
  analyst = await createContact(t, a.ownerToken, client.id, { fullName: 'Кузнецова Анна', position: 'Аналитик' });
});
afterAll(() => t?.close());

it('is the registered builder of MEETING_PROTOCOL', async () => {
  const id = await meeting({ title: 'Через реестр', startsAt: '2025-11-05T06:00:00.000Z' });
  const built = await MODEL_BUILDERS[DocumentKind.MEETING_PROTOCOL]!(owner(), id, Locale.RU);
  expect(built).toMatchObject({ clientId: client.id, model: { title: 'Через реестр' } });
});

it('builds the protocol with local dates and times, positions, owners by name and the signers', async () => {
  const id = await meeting({
    title: 'Согласование медиаплана',
    // 22:30 on 20 November in Yekaterinburg, ending past midnight
    startsAt: '2025-11-20T17:30:00.000Z',
    endsAt: '2025-11-20T19:15:00.000Z',
    location: 'Zoom',
    agenda: 'Медиаплан',
    discussion: 'Обсудили бюджет.',
    decisions: ['Утвердить медиаплан', 'Запуск 15 января'],
    actionItems: [
      { description: 'Подготовить креативы', ownerUserId: manager.id, dueDate: '2025-12-01' },
      { description: 'Передать доступы', ownerContactId: analyst.id, done: true },
      { description: 'Без ответственного' },
    ],
    participantUserIds: [a.ownerId, manager.id],
    participantContactIds: [analyst.id, director.id],
    nextMeetingAt: '2025-11-27T04:00:00.000Z',
  });
  const built = await buildMeetingProtocol(owner(), id, Locale.RU);
  if (!built || built instanceof DocumentUnavailable) throw new Error('expected a model');
  expect(built).toMatchObject({ clientId: client.id, number: null, fileName: 'Протокол встречи от 20.11.2025', immutable: false });
  const m = built.model;
  expect(m).toMatchObject({
    title: 'Согласование медиаплана',
    starts: { date: '2025-11-20', time: '22:30' },
    ends: { date: '2025-11-21', time: '00:15' },
    utcOffset: 'UTC+5',
    location: 'Zoom',
    agenda: 'Медиаплан',
    discussion: 'Обсудили бюджет.',
    decisions: ['Утвердить медиаплан', 'Запуск 15 января'],
    nextMeeting: { date: '2025-11-27', time: '09:00' },
    logo: null,
    stamp: null,
    signature: null,
  });
  expect(m.agency).toMatchObject({ name: 'ООО «Ромашка Диджитал»', inn: '7707083893', timeZone: 'Asia/Yekaterinburg' });
  expect(m.client).toMatchObject({ name: 'АО «Вектор»', signatoryName: 'Петров Пётр Петрович' });
  // the owner is the agency's signatory, so known by that position; the manager by role
  expect(m.agencyParticipants).toEqual([
    { name: 'Иванова Мария Сергеевна', position: 'Генеральный директор', staffRole: 'OWNER' },
    { name: expect.any(String), position: null, staffRole: 'MANAGER' },
  ]);
  expect(m.clientParticipants).toEqual([
    { name: 'Кузнецова Анна', position: 'Аналитик', staffRole: null },
    { name: 'Петров Пётр Петрович', position: 'Директор по маркетингу', staffRole: null },
  ]);
  expect(m.actionItems).toEqual([
    { description: 'Подготовить креативы', owner: m.agencyParticipants[1].name, dueDate: '2025-12-01', done: false },
    { description: 'Передать доступы', owner: 'Кузнецова Анна', dueDate: null, done: true },
    { description: 'Без ответственного', owner: null, dueDate: null, done: false },
  ]);
  expect(m.agencySigner).toEqual(m.agencyParticipants[0]);
  expect(m.clientSigner).toEqual(m.clientParticipants[0]);

  const bg = await buildMeetingProtocol(owner(), id, Locale.BG);
  expect(bg && !(bg instanceof DocumentUnavailable) && bg.fileName).toBe('Протокол от среща на 20.11.2025');
});

it('signs with the parties\' signatories when nobody of a side is recorded as present', async () => {
  const id = await meeting({ startsAt: '2025-11-10T06:00:00.000Z' });
  const built = await buildMeetingProtocol(owner(), id, Locale.EN);
  if (!built || built instanceof DocumentUnavailable) throw new Error('expected a model');
  expect(built.fileName).toBe('Meeting minutes 10 Nov 2025');
  expect(built.model).toMatchObject({
    starts: { date: '2025-11-10', time: '11:00' },
    ends: null,
    agencyParticipants: [],
    clientParticipants: [],
    agencySigner: { name: 'Иванова Мария Сергеевна', position: 'Генеральный директор' },
    clientSigner: { name: 'Петров Пётр Петрович', position: 'Директор по маркетингу' },
    actionItems: [],
    nextMeeting: null,
  });
});

it('carries the agency\'s logo, and its stamp and signature only when its signatory signs', async () => {
  const files = { LOGO: pngjsImage(120, 40), STAMP: pngjsImage(64, 64), SIGNATURE: pngjsImage(90, 30) };
  for (const [kind, png] of Object.entries(files)) {
    expect(expectOk(await t.gql(UPLOAD, { input: { kind, contentBase64: png.toString('base64') } }, a.ownerToken)).uploadAgencyImage.__typename).toBe('AgencyImage');
  }
  const same = (bytes: Uint8Array | null, png: Buffer) => bytes !== null && Buffer.compare(Buffer.from(bytes), png) === 0;
  // the owner is the signatory and signs first
  const bySignatory = await buildMeetingProtocol(owner(), await meeting({ startsAt: '2025-11-12T06:00:00.000Z', participantUserIds: [a.ownerId] }), Locale.RU);
  if (!bySignatory || bySignatory instanceof DocumentUnavailable) throw new Error('expected a model');
  expect(same(bySignatory.model.logo, files.LOGO)).toBe(true);
  expect(same(bySignatory.model.stamp, files.STAMP)).toBe(true);
  expect(same(bySignatory.model.signature, files.SIGNATURE)).toBe(true);
  // the manager signs: the director's signature and stamp are not theirs to use
  const byManager = await buildMeetingProtocol(owner(), await meeting({ startsAt: '2025-11-12T06:00:00.000Z', participantUserIds: [manager.id, a.ownerId] }), Locale.RU);
  if (!byManager || byManager instanceof DocumentUnavailable) throw new Error('expected a model');
  expect(same(byManager.model.logo, files.LOGO)).toBe(true);
  expect(byManager.model).toMatchObject({ stamp: null, signature: null });
});

it('is not available before the meeting starts, and null for another agency or a missing meeting', async () => {
  const future = await meeting({ startsAt: new Date(Date.now() + 86_400_000).toISOString() });
  const early = await buildMeetingProtocol(owner(), future, Locale.RU);
  expect(early).toBeInstanceOf(DocumentUnavailable);
  expect((early as DocumentUnavailable).reason).toBe('MEETING_NOT_HELD');
  const held = await buildMeetingProtocol(owner(), future, Locale.RU, new Date(Date.now() + 2 * 86_400_000));
  expect(held).not.toBeInstanceOf(DocumentUnavailable);

  const other = contextFor(t.ds, { userId: b.ownerId, agencyId: b.agencyId, role: UserRole.OWNER, clientId: null });
  expect(await buildMeetingProtocol(other, future, Locale.RU)).toBeNull();
  expect(await buildMeetingProtocol(owner(), '00000000-0000-4000-8000-000000000000', Locale.RU)).toBeNull();
});
