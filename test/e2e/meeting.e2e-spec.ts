/**
 * Meetings and their protocols: createMeeting / updateMeeting / markProtocolSent /
 * completeActionItem, the meetings connection, protocolDueOn in the agency time zone, the two
 * control points (protocol not sent, action item due), participants through DataLoaders, tenant
 * isolation and the portal's blindness to meetings. Every refused request reads the state back.
 */
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createContact, createUser, MISSING_ID, registerAgency, updateAgencySettings } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const MEETING_FIELDS = /* GraphQL */ `
  fragment MeetingFields on Meeting {
    id clientId dealId title startsAt endsAt location agenda discussion decisions
    actionItems { index description ownerUserId ownerContactId dueDate done }
    participantUserIds participantContactIds
    participantUsers { id email }
    participantContacts { id fullName }
    nextMeetingAt protocolSentAt protocolSent protocolDueOn protocolOverdue createdById createdAt updatedAt
    client { id }
  }
`;

const CREATE_MEETING = /* GraphQL */ `
  mutation CreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { ...MeetingFields } }
  ${MEETING_FIELDS}
`;

const UPDATE_MEETING = /* GraphQL */ `
  mutation UpdateMeeting($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ...MeetingFields } }
  ${MEETING_FIELDS}
`;

const MARK_PROTOCOL_SENT = /* GraphQL */ `
  mutation MarkProtocolSent($input: MarkProtocolSentInput!) {
    markProtocolSent(input: $input) {
      __typename
      ... on Meeting { id protocolSentAt protocolSent protocolOverdue }
      ... on ErrorResult { code message }
      ... on MeetingNotHeldError { startsAt }
    }
  }
`;

const COMPLETE_ACTION_ITEM = /* GraphQL */ `
  mutation CompleteActionItem($input: CompleteActionItemInput!) {
    completeActionItem(input: $input) { id actionItems { index description done dueDate } }
  }
`;

const GET_MEETING = /* GraphQL */ `
  query GetMeeting($id: ID!) { meeting(id: $id) { ...MeetingFields } }
  ${MEETING_FIELDS}
`;

const LIST_MEETINGS = /* GraphQL */ `
  query ListMeetings($first: Int, $after: String, $filter: MeetingFilter) {
    meetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id title startsAt protocolSentAt } }
    }
  }
`;

const LIST_MEETINGS_WITH_PARTICIPANTS = /* GraphQL */ `
  query ListMeetingsWithParticipants($first: Int, $filter: MeetingFilter) {
    meetings(first: $first, filter: $filter) {
      edges {
        node {
          id protocolDueOn protocolOverdue
          client { id }
          actionItems { index }
          participantUsers { id email }
          participantContacts { id fullName client { id } }
        }
      }
    }
  }
`;

const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter) {
    controlPoints(first: 100, filter: $filter) {
      edges { node { kind dueOn overdue clientId objectType objectId title managerId } }
    }
  }
`;

const logger = new CountingLogger();
let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let portal: { id: string; token: string };
let ownerB: { id: string };
let clientA1: any;
let clientA2: any;
let clientB1: any;
let c1: any;
let c2: any;
let cA2: any;
let cB: any;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startTestApp({ logger });
  a = await registerAgency(t);
  b = await registerAgency(t);
  ownerB = { id: b.ownerId };
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  clientA1 = await createClient(t, a.ownerToken, { ownerId: manager.id });
  clientA2 = await createClient(t, a.ownerToken);
  clientB1 = await createClient(t, b.ownerToken);
  portal = await createUser(t, a.ownerToken, 'CLIENT', clientA1.id);
  c1 = await createContact(t, a.ownerToken, clientA1.id, { fullName: 'Петров Пётр' });
  c2 = await createContact(t, a.ownerToken, clientA1.id, { fullName: 'Сидорова Анна' });
  cA2 = await createContact(t, a.ownerToken, clientA2.id);
  cB = await createContact(t, b.ownerToken, clientB1.id);
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

async function meetingCount(agencyId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM meetings WHERE "agencyId" = $1', [agencyId]);
  return rows[0].n;
}

async function storedMeeting(id: string): Promise<any> {
  const [row] = await t.ds.query('SELECT * FROM meetings WHERE id = $1', [id]);
  return row;
}

async function create(input: Record<string, unknown> = {}, token = a.ownerToken): Promise<any> {
  return expectOk(
    await t.gql(CREATE_MEETING, { input: { clientId: clientA1.id, title: 'Встреча', startsAt: iso(Date.now() - 3 * DAY), ...input } }, token),
  ).createMeeting;
}

async function controlPoints(filter: Record<string, unknown>, token = a.ownerToken): Promise<any[]> {
  return expectOk(await t.gql(CONTROL_POINTS, { filter }, token)).controlPoints.edges.map((e: any) => e.node);
}

// ---------------------------------------------------------------------------------------------

describe('createMeeting', () => {
  it('records the meeting with its protocol and resolves the participants', async () => {
    const startsAt = iso(Date.now() - 2 * DAY);
    const m = expectOk(
      await t.gql(
        CREATE_MEETING,
        {
          input: {
            clientId: clientA1.id,
            title: '  Брифинг  ',
            startsAt,
            endsAt: iso(Date.parse(startsAt) + HOUR),
            location: 'Офис клиента',
            agenda: 'Цели, бюджет',
            decisions: ['Запускаем поиск', '  ', 'Бюджет 300 000 ₽'],
            actionItems: [
              { description: 'Прислать доступы', ownerContactId: c1.id, dueDate: '2026-03-01' },
              { description: 'Подготовить КП', ownerUserId: manager.id },
            ],
            participantUserIds: [manager.id, a.ownerId],
            participantContactIds: [c2.id, c1.id],
            nextMeetingAt: iso(Date.parse(startsAt) + 7 * DAY),
          },
        },
        manager.token,
      ),
    ).createMeeting;
    expect(m.title).toBe('Брифинг');
    expect(m.client.id).toBe(clientA1.id);
    expect(m.createdById).toBe(manager.id);
    expect(m.decisions).toEqual(['Запускаем поиск', 'Бюджет 300 000 ₽']);
    expect(m.actionItems).toEqual([
      { index: 0, description: 'Прислать доступы', ownerUserId: null, ownerContactId: c1.id, dueDate: '2026-03-01', done: false },
      { index: 1, description: 'Подготовить КП', ownerUserId: manager.id, ownerContactId: null, dueDate: null, done: false },
    ]);
    expect(m.participantUsers.map((u: any) => u.id)).toEqual([manager.id, a.ownerId]);
    expect(m.participantContacts.map((c: any) => c.fullName)).toEqual(['Сидорова Анна', 'Петров Пётр']);
    expect(m.protocolSentAt).toBeNull();
    expect(m.protocolSent).toBe(false);
    expect(m.startsAt).toBe(startsAt);
    const read = expectOk(await t.gql(GET_MEETING, { id: m.id }, a.ownerToken)).meeting;
    expect(read).toEqual(m);
  });

  it('defaults the lists to empty', async () => {
    const m = await create({ title: 'Минимум' });
    expect(m).toMatchObject({ decisions: [], actionItems: [], participantUsers: [], participantContacts: [], endsAt: null, location: null });
  });

  describe('refuses bad input with the field at fault, and writes nothing', () => {
    const past = Date.now() - DAY;
    const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
      ['endsAt before startsAt', () => ({ startsAt: iso(past), endsAt: iso(past - 1) }), 'BAD_USER_INPUT', 'input.endsAt'],
      ['nextMeetingAt before startsAt', () => ({ startsAt: iso(past), nextMeetingAt: iso(past - DAY) }), 'BAD_USER_INPUT', 'input.nextMeetingAt'],
      ['an empty title', () => ({ title: '' }), 'BAD_USER_INPUT', 'input.title'],
      ['a blank title', () => ({ title: '   ' }), 'BAD_USER_INPUT', 'input.title'],
      ['an action item without a description', () => ({ actionItems: [{ description: 'ok' }, { description: '' }] }), 'BAD_USER_INPUT', 'input.actionItems.1.description'],
      ['an action item with two owners', () => ({ actionItems: [{ description: 'x', ownerUserId: manager.id, ownerContactId: c1.id }] }), 'BAD_USER_INPUT', 'input.actionItems.0.ownerContactId'],
      ['a malformed participant id', () => ({ participantUserIds: ['nope'] }), 'BAD_USER_INPUT', 'input.participantUserIds'],
      ['a repeated participant', () => ({ participantContactIds: [c1.id, c1.id] }), 'BAD_USER_INPUT', 'input.participantContactIds'],
      ['a portal user as a participant', () => ({ participantUserIds: [manager.id, portal.id] }), 'BAD_USER_INPUT', 'input.participantUserIds.1'],
      ['a contact of another client', () => ({ participantContactIds: [cA2.id] }), 'BAD_USER_INPUT', 'input.participantContactIds.0'],
      ['an action item owned by a contact of another client', () => ({ actionItems: [{ description: 'x', ownerContactId: cA2.id }] }), 'BAD_USER_INPUT', 'input.actionItems.0.ownerContactId'],
      ["another agency's user", () => ({ participantUserIds: [ownerB.id] }), 'NOT_FOUND', 'input.participantUserIds.0'],
      ["another agency's contact", () => ({ participantContactIds: [c1.id, cB.id] }), 'NOT_FOUND', 'input.participantContactIds.1'],
      ['a missing action item owner', () => ({ actionItems: [{ description: 'x', ownerUserId: MISSING_ID }] }), 'NOT_FOUND', 'input.actionItems.0.ownerUserId'],
      ['a missing client', () => ({ clientId: MISSING_ID }), 'NOT_FOUND', 'input.clientId'],
      ["another agency's client", () => ({ clientId: clientB1.id }), 'NOT_FOUND', 'input.clientId'],
      ['a missing deal', () => ({ dealId: MISSING_ID }), 'NOT_FOUND', 'input.dealId'],
    ];
    it.each(cases)('%s', async (_label, extra, code, path) => {
      const before = await meetingCount(a.agencyId);
      const res = await t.gql(CREATE_MEETING, { input: { clientId: clientA1.id, title: 'Встреча', startsAt: iso(past), ...extra() } }, a.ownerToken);
      if (code === 'BAD_USER_INPUT') expectBadInput(res, path);
      else expect(expectCode(res, code).field).toBe(path);
      expect(await meetingCount(a.agencyId)).toBe(before);
    });
  });
});

describe('protocolDueOn and protocolOverdue', () => {
  afterEach(async () => {
    await updateAgencySettings(t, a.ownerToken, { protocolDueDays: 1, timeZone: 'Europe/Moscow' });
  });

  it("is the meeting's local date in the agency time zone plus protocolDueDays", async () => {
    // 22:30 UTC on 10 March is already 11 March in Moscow (UTC+3)
    const m = await create({ startsAt: '2026-03-10T22:30:00.000Z' });
    expect(m.protocolDueOn).toBe('2026-03-12');
    expect(m.protocolOverdue).toBe(true);
    await updateAgencySettings(t, a.ownerToken, { protocolDueDays: 3 });
    expect(expectOk(await t.gql(GET_MEETING, { id: m.id }, a.ownerToken)).meeting.protocolDueOn).toBe('2026-03-14');
    await updateAgencySettings(t, a.ownerToken, { timeZone: 'America/New_York' });
    // and 17:30 on 10 March in New York
    expect(expectOk(await t.gql(GET_MEETING, { id: m.id }, a.ownerToken)).meeting.protocolDueOn).toBe('2026-03-13');
  });

  it('is not overdue before the due day is over, nor once sent', async () => {
    const recent = await create({ startsAt: iso(Date.now() - 60_000) });
    expect(recent.protocolOverdue).toBe(false);
    const future = await create({ startsAt: iso(Date.now() + 3 * DAY) });
    expect(future.protocolOverdue).toBe(false);
    const old = await create({ startsAt: iso(Date.now() - 10 * DAY) });
    expect(old.protocolOverdue).toBe(true);
    const sent = expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: old.id } }, a.ownerToken)).markProtocolSent;
    expect(sent.protocolOverdue).toBe(false);
  });
});

describe('updateMeeting', () => {
  it('changes the given fields, replaces given lists and clears with null', async () => {
    const m = await create({ location: 'Zoom', decisions: ['A'], participantContactIds: [c1.id], actionItems: [{ description: 'x' }] });
    const u = expectOk(
      await t.gql(UPDATE_MEETING, { input: { id: m.id, title: 'Новое', location: null, decisions: ['B', 'C'], participantContactIds: [c2.id], actionItems: null } }, a.ownerToken),
    ).updateMeeting;
    expect(u).toMatchObject({ title: 'Новое', location: null, decisions: ['B', 'C'], actionItems: [], participantContactIds: [c2.id], startsAt: m.startsAt });
    expect(u.participantContacts.map((c: any) => c.id)).toEqual([c2.id]);
  });

  it('keeps the discussion of the protocol as typed (trimmed), and clears it with null', async () => {
    const m = await create({ discussion: '  Обсудили бюджет.\n\nИ сроки.  ' });
    expect(m.discussion).toBe('Обсудили бюджет.\n\nИ сроки.');
    expect((await storedMeeting(m.id)).discussion).toBe('Обсудили бюджет.\n\nИ сроки.');
    const kept = expectOk(await t.gql(UPDATE_MEETING, { input: { id: m.id, title: 'Другая' } }, a.ownerToken)).updateMeeting;
    expect(kept.discussion).toBe('Обсудили бюджет.\n\nИ сроки.');
    const cleared = expectOk(await t.gql(UPDATE_MEETING, { input: { id: m.id, discussion: null } }, a.ownerToken)).updateMeeting;
    expect(cleared.discussion).toBeNull();
    expect((await storedMeeting(m.id)).discussion).toBeNull();
  });

  describe('a refused update changes nothing', () => {
    let m: any;
    beforeAll(async () => {
      m = await create({ title: 'Стабильная', participantContactIds: [c1.id] });
    });
    const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
      ['endsAt before startsAt', () => ({ endsAt: iso(Date.parse(m.startsAt) - 1) }), 'BAD_USER_INPUT', 'input.endsAt'],
      ['clearing the title', () => ({ title: null }), 'BAD_USER_INPUT', 'input.title'],
      ['clearing startsAt', () => ({ startsAt: null }), 'BAD_USER_INPUT', 'input.startsAt'],
      ['a contact of another client', () => ({ title: 'x', participantContactIds: [cA2.id] }), 'BAD_USER_INPUT', 'input.participantContactIds.0'],
      ["another agency's user", () => ({ title: 'x', participantUserIds: [ownerB.id] }), 'NOT_FOUND', 'input.participantUserIds.0'],
    ];
    it.each(cases)('%s', async (_label, extra, code, path) => {
      const before = await storedMeeting(m.id);
      const res = await t.gql(UPDATE_MEETING, { input: { id: m.id, ...extra() } }, a.ownerToken);
      if (code === 'BAD_USER_INPUT') expectBadInput(res, path);
      else expect(expectCode(res, code).field).toBe(path);
      expect(await storedMeeting(m.id)).toEqual(before);
    });

    it('answers NOT_FOUND for a missing meeting', async () => {
      expect(expectCode(await t.gql(UPDATE_MEETING, { input: { id: MISSING_ID, title: 'x' } }, a.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    });
  });

  it('cannot move a meeting whose protocol was sent to after the sending', async () => {
    const m = await create();
    expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, a.ownerToken));
    const before = await storedMeeting(m.id);
    expectBadInput(await t.gql(UPDATE_MEETING, { input: { id: m.id, startsAt: iso(Date.now() + DAY) } }, a.ownerToken), 'input.startsAt');
    expect(await storedMeeting(m.id)).toEqual(before);
  });
});

describe('markProtocolSent', () => {
  it('sets protocolSentAt once; sending again keeps the first date and returns the meeting', async () => {
    const m = await create();
    const sentAt = iso(Date.now() - DAY);
    const first = expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id, sentAt } }, manager.token)).markProtocolSent;
    expect(first).toMatchObject({ __typename: 'Meeting', id: m.id, protocolSentAt: sentAt, protocolSent: true });
    const again = expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, a.ownerToken)).markProtocolSent;
    expect(again).toMatchObject({ __typename: 'Meeting', id: m.id, protocolSentAt: sentAt });
    expect((await storedMeeting(m.id)).protocolSentAt.toISOString()).toBe(sentAt);
  });

  it('defaults sentAt to now', async () => {
    const m = await create();
    const before = Date.now();
    const res = expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, a.ownerToken)).markProtocolSent;
    expect(Date.parse(res.protocolSentAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.protocolSentAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('answers MeetingNotHeldError (MEETING_NOT_HELD) for a meeting in the future and changes nothing', async () => {
    const startsAt = iso(Date.now() + 2 * DAY);
    const m = await create({ startsAt });
    const before = await storedMeeting(m.id);
    const res = expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, a.ownerToken)).markProtocolSent;
    expect(res).toMatchObject({ __typename: 'MeetingNotHeldError', code: 'MEETING_NOT_HELD', startsAt });
    expect(res.message).toMatch(/ещё не началась/);
    expect(await storedMeeting(m.id)).toEqual(before);
  });

  it('refuses a sentAt in the future or before the meeting (BAD_USER_INPUT input.sentAt), nothing changed', async () => {
    const m = await create({ startsAt: iso(Date.now() - DAY) });
    const before = await storedMeeting(m.id);
    expectBadInput(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id, sentAt: iso(Date.now() + HOUR) } }, a.ownerToken), 'input.sentAt');
    expectBadInput(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id, sentAt: iso(Date.now() - 2 * DAY) } }, a.ownerToken), 'input.sentAt');
    expect(await storedMeeting(m.id)).toEqual(before);
  });

  it('answers NOT_FOUND for a missing meeting', async () => {
    expect(expectCode(await t.gql(MARK_PROTOCOL_SENT, { input: { id: MISSING_ID } }, a.ownerToken), 'NOT_FOUND').field).toBe('input.id');
  });
});

describe('completeActionItem', () => {
  it('marks one item done, idempotently; an index out of range is BAD_USER_INPUT', async () => {
    const m = await create({ actionItems: [{ description: 'a' }, { description: 'b', dueDate: '2026-12-01' }] });
    const done = expectOk(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 1 } }, a.ownerToken)).completeActionItem;
    expect(done.actionItems.map((i: any) => i.done)).toEqual([false, true]);
    const again = expectOk(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 1 } }, a.ownerToken)).completeActionItem;
    expect(again.actionItems.map((i: any) => i.done)).toEqual([false, true]);
    const before = await storedMeeting(m.id);
    expectBadInput(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 2 } }, a.ownerToken), 'input.index');
    expectBadInput(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: -1 } }, a.ownerToken), 'input.index');
    expect(await storedMeeting(m.id)).toEqual(before);
  });
});

describe('meetings connection', () => {
  let client: any;
  const ids: string[] = [];
  const base = Date.parse('2026-06-01T09:00:00.000Z');
  beforeAll(async () => {
    client = await createClient(t, a.ownerToken);
    for (let i = 0; i < 5; i++) ids.push((await create({ clientId: client.id, title: `M${i}`, startsAt: iso(base + i * DAY) })).id);
    expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: ids[1] } }, a.ownerToken));
    expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: ids[3] } }, a.ownerToken));
  });

  it('lists the meetings of a client latest first, page by page', async () => {
    const p1 = expectOk(await t.gql(LIST_MEETINGS, { first: 2, filter: { clientId: client.id } }, a.ownerToken)).meetings;
    expect(p1.totalCount).toBe(5);
    expect(p1.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3]]);
    const p2 = expectOk(await t.gql(LIST_MEETINGS, { first: 10, after: p1.pageInfo.endCursor, filter: { clientId: client.id } }, a.ownerToken)).meetings;
    expect(p2.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('filters by protocolSent and by an inclusive time window', async () => {
    const sent = expectOk(await t.gql(LIST_MEETINGS, { filter: { clientId: client.id, protocolSent: true } }, a.ownerToken)).meetings;
    expect(sent.edges.map((e: any) => e.node.id)).toEqual([ids[3], ids[1]]);
    const unsent = expectOk(await t.gql(LIST_MEETINGS, { filter: { clientId: client.id, protocolSent: false } }, a.ownerToken)).meetings;
    expect(unsent.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[2], ids[0]]);
    const window = expectOk(
      await t.gql(LIST_MEETINGS, { filter: { clientId: client.id, from: iso(base + DAY), to: iso(base + 3 * DAY) } }, a.ownerToken),
    ).meetings;
    expect(window.edges.map((e: any) => e.node.id)).toEqual([ids[3], ids[2], ids[1]]);
  });

  it('refuses a window that ends before it starts and a malformed client id', async () => {
    expectBadInput(await t.gql(LIST_MEETINGS, { filter: { from: iso(base), to: iso(base - 1) } }, a.ownerToken), 'filter.to');
    expectBadInput(await t.gql(LIST_MEETINGS, { filter: { clientId: 'x' } }, a.ownerToken), 'filter.clientId');
  });
});

describe('control points', () => {
  let client: any;
  beforeAll(async () => {
    client = await createClient(t, a.ownerToken, { ownerId: manager.id });
  });

  it('MEETING_PROTOCOL_NOT_SENT appears for a held meeting until markProtocolSent, due on protocolDueOn', async () => {
    const held = await create({ clientId: client.id, title: 'Знакомство', startsAt: iso(Date.now() - 5 * DAY) });
    const future = await create({ clientId: client.id, title: 'Будущая', startsAt: iso(Date.now() + 5 * DAY) });
    const filter = { clientId: client.id, kinds: ['MEETING_PROTOCOL_NOT_SENT'] };

    const before = await controlPoints(filter);
    expect(before).toEqual([
      {
        kind: 'MEETING_PROTOCOL_NOT_SENT',
        dueOn: held.protocolDueOn,
        overdue: true,
        clientId: client.id,
        objectType: 'Meeting',
        objectId: held.id,
        title: expect.stringContaining('Знакомство'),
        managerId: manager.id,
      },
    ]);
    expect(before.some((c) => c.objectId === future.id)).toBe(false);
    // the manager filter finds it through the client's owner
    expect((await controlPoints({ ...filter, managerId: manager.id })).map((c) => c.objectId)).toEqual([held.id]);
    expect(await controlPoints({ ...filter, managerId: a.ownerId })).toEqual([]);
    // dueBefore bounds it by the due date
    expect(await controlPoints({ ...filter, dueBefore: '2020-01-01' })).toHaveLength(0);
    expect(await controlPoints({ ...filter, dueBefore: held.protocolDueOn })).toHaveLength(1);

    expectOk(await t.gql(MARK_PROTOCOL_SENT, { input: { id: held.id } }, a.ownerToken));
    expect(await controlPoints(filter)).toEqual([]);
  });

  it('ACTION_ITEM_DUE lists open items with a due date until they are done', async () => {
    const m = await create({
      clientId: client.id,
      title: 'Планёрка',
      actionItems: [
        { description: 'Без срока' },
        { description: 'Доступы', dueDate: '2026-01-15' },
        { description: 'Медиаплан', dueDate: '2026-01-15' },
        { description: 'Готово', dueDate: '2026-01-10', done: true },
      ],
    });
    const filter = { clientId: client.id, kinds: ['ACTION_ITEM_DUE'] };
    const items = await controlPoints(filter);
    expect(items.map((c) => [c.objectType, c.objectId, c.dueOn, c.overdue, c.managerId])).toEqual([
      ['MeetingActionItem', `${m.id}:1`, '2026-01-15', true, manager.id],
      ['MeetingActionItem', `${m.id}:2`, '2026-01-15', true, manager.id],
    ]);
    expect(items[0].title).toContain('Доступы');

    expectOk(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 1 } }, a.ownerToken));
    expect((await controlPoints(filter)).map((c) => c.objectId)).toEqual([`${m.id}:2`]);
  });

  it("never shows another agency's meetings", async () => {
    await create({ clientId: clientB1.id, startsAt: iso(Date.now() - DAY), actionItems: [{ description: 'B', dueDate: '2026-01-01' }] }, b.ownerToken);
    const mine = await controlPoints({ kinds: ['MEETING_PROTOCOL_NOT_SENT', 'ACTION_ITEM_DUE'] });
    expect(mine.every((c) => c.clientId !== clientB1.id)).toBe(true);
    const theirs = await controlPoints({ kinds: ['MEETING_PROTOCOL_NOT_SENT', 'ACTION_ITEM_DUE'] }, b.ownerToken);
    expect(theirs.length).toBe(2);
    expect(theirs.every((c) => c.clientId === clientB1.id)).toBe(true);
  });
});

describe('tenancy and the portal', () => {
  let m: any;
  let mB: any;
  beforeAll(async () => {
    m = await create({ participantContactIds: [c1.id] });
    mB = await create({ clientId: clientB1.id }, b.ownerToken);
  });

  it("does not reveal another agency's meeting: meeting(id) is null and meetings leaves it out", async () => {
    expect(expectOk(await t.gql(GET_MEETING, { id: m.id }, b.ownerToken)).meeting).toBeNull();
    expect(expectOk(await t.gql(GET_MEETING, { id: mB.id }, a.ownerToken)).meeting).toBeNull();
    const listB = expectOk(await t.gql(LIST_MEETINGS, { first: 100 }, b.ownerToken)).meetings;
    expect(listB.edges.every((e: any) => e.node.id !== m.id)).toBe(true);
    expect(listB.totalCount).toBe(await meetingCount(b.agencyId));
    expect(expectOk(await t.gql(LIST_MEETINGS, { filter: { clientId: clientA1.id } }, b.ownerToken)).meetings.totalCount).toBe(0);
  });

  it("refuses to change another agency's meeting (NOT_FOUND) and changes nothing", async () => {
    const before = await storedMeeting(m.id);
    expect(expectCode(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    expect(expectCode(await t.gql(UPDATE_MEETING, { input: { id: m.id, title: 'Взлом' } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    expect(expectCode(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 0 } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.meetingId');
    expect(await storedMeeting(m.id)).toEqual(before);
  });

  it('keeps meetings from the portal user even of its own client: null and empty reads', async () => {
    expect(expectOk(await t.gql(GET_MEETING, { id: m.id }, portal.token)).meeting).toBeNull();
    const list = expectOk(await t.gql(LIST_MEETINGS, { filter: { clientId: clientA1.id } }, portal.token)).meetings;
    expect(list).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('refuses meeting mutations to the portal user (FORBIDDEN) and changes nothing', async () => {
    const before = await storedMeeting(m.id);
    const count = await meetingCount(a.agencyId);
    expectCode(await t.gql(CREATE_MEETING, { input: { clientId: clientA1.id, title: 'x', startsAt: iso(Date.now()) } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(UPDATE_MEETING, { input: { id: m.id, title: 'x' } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(COMPLETE_ACTION_ITEM, { input: { meetingId: m.id, index: 0 } }, portal.token), 'FORBIDDEN');
    expect(await storedMeeting(m.id)).toEqual(before);
    expect(await meetingCount(a.agencyId)).toBe(count);
  });

  it('asks an anonymous caller to log in', async () => {
    expectCode(await t.gql(GET_MEETING, { id: m.id }), 'UNAUTHENTICATED');
    expectCode(await t.gql(MARK_PROTOCOL_SENT, { input: { id: m.id } }), 'UNAUTHENTICATED');
  });
});

describe('DataLoader batching', () => {
  it('lists 20 meetings with participants, client and due dates in a constant number of SQL statements', async () => {
    const agency = await registerAgency(t);
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await createUser(t, agency.ownerToken, 'MANAGER'));
    const client = await createClient(t, agency.ownerToken);
    const contacts = [];
    for (let i = 0; i < 4; i++) contacts.push(await createContact(t, agency.ownerToken, client.id, { fullName: `Контакт ${i}` }));
    for (let i = 1; i <= 20; i++) {
      await create(
        {
          clientId: client.id,
          title: `Встреча ${i}`,
          startsAt: iso(Date.now() - (i + 2) * DAY),
          participantUserIds: [users[i % 3].id, users[(i + 1) % 3].id],
          participantContactIds: [contacts[i % 4].id, contacts[(i + 1) % 4].id],
          actionItems: [{ description: 'x', dueDate: '2026-01-01' }],
        },
        agency.ownerToken,
      );
    }
    const run = async (first: number) => {
      logger.reset();
      const data = expectOk(await t.gql(LIST_MEETINGS_WITH_PARTICIPANTS, { first }, agency.ownerToken));
      return { count: logger.count, nodes: data.meetings.edges.map((e: any) => e.node), statements: [...logger.statements] };
    };
    const twenty = await run(20);
    expect(twenty.nodes).toHaveLength(20);
    for (const n of twenty.nodes) {
      expect(n.participantUsers).toHaveLength(2);
      expect(n.participantContacts).toHaveLength(2);
      expect(n.participantContacts[0].client.id).toBe(client.id);
      expect(n.client.id).toBe(client.id);
      expect(n.protocolDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(n.protocolOverdue).toBe(true);
    }
    const five = await run(5);
    expect(five.nodes).toHaveLength(5);
    expect(twenty.count).toBe(five.count);
    // auth + page + agency + users batch + contacts batch + clients batch(es)
    expect(twenty.count).toBeLessThanOrEqual(7);
    expect(twenty.statements.filter((s) => /FROM "contacts"/.test(s))).toHaveLength(1);
    expect(twenty.statements.filter((s) => /FROM "users"/.test(s)).length).toBeLessThanOrEqual(2);
  });
});
