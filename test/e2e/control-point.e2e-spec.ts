import { localDate, addDays } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { TERMINATE_CLIENT } from '../support/documents';
import { AgencyActors, createClient, createContact, createUser, logInteraction, registerAgency } from '../support/factories';

const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter, $first: Int, $after: String) {
    controlPoints(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { kind dueOn overdue clientId objectType objectId title managerId client { id name } } }
    }
  }
`;
const SET_NEXT_CONTACT = /* GraphQL */ `
  mutation Next($input: SetNextContactInput!) { setNextContact(input: $input) { id } }
`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
const today = localDate(new Date(), 'Europe/Moscow');

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  b = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  manager = await createUser(t, a.ownerToken, 'MANAGER');
});
afterAll(() => t.close());

async function points(token: string, filter: Record<string, unknown>, first = 100) {
  const res = await t.gql(CONTROL_POINTS, { filter, first }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.controlPoints;
}

describe('controlPoints', () => {
  it('lists the next contact, overdue once its day has passed in the agency time zone', async () => {
    const client = await createClient(t, a.ownerToken, { ownerId: manager.id });
    await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: addDays(today, -1), goal: 'Позвонить' } }, a.ownerToken);
    const overdue = await points(a.ownerToken, { kinds: ['NEXT_CONTACT'], clientId: client.id });
    expect(overdue.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ kind: 'NEXT_CONTACT', dueOn: addDays(today, -1), overdue: true, objectType: 'Client', objectId: client.id, managerId: manager.id, title: 'Позвонить', client: { id: client.id, name: client.name } }),
    ]);
    await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: today } }, a.ownerToken);
    const due = await points(a.ownerToken, { kinds: ['NEXT_CONTACT'], clientId: client.id });
    expect(due.edges[0].node).toMatchObject({ dueOn: today, overdue: false });
  });

  it('flags a client not contacted within the agency interval', async () => {
    const client = await createClient(t, a.ownerToken);
    const fresh = await points(a.ownerToken, { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id });
    expect(fresh.edges[0].node).toMatchObject({ dueOn: addDays(today, 30), overdue: false });
    await logInteraction(t, a.ownerToken, client.id, { occurredAt: new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString() });
    const stale = await points(a.ownerToken, { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id, overdue: true });
    expect(stale.totalCount).toBe(1);
    expect(stale.edges[0].node.overdue).toBe(true);
  });

  it("lists contacts' birthdays on their next occurrence", async () => {
    const client = await createClient(t, a.ownerToken);
    const birthday = '1990-' + today.slice(5);
    const contact = await createContact(t, a.ownerToken, client.id, { fullName: 'Смирнова Анна', birthday: birthday === '1990-02-29' ? '1992-02-29' : birthday });
    const list = await points(a.ownerToken, { kinds: ['CONTACT_BIRTHDAY'], clientId: client.id, dueBefore: addDays(today, 7) });
    expect(list.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ kind: 'CONTACT_BIRTHDAY', dueOn: today, overdue: false, objectType: 'Contact', objectId: contact.id, title: `День рождения: Смирнова Анна («${client.name}»)` }),
    ]);
  });

  it('filters by dueBefore, manager and kind, and pages in due-date order', async () => {
    const c1 = await createClient(t, a.ownerToken, { ownerId: manager.id });
    const c2 = await createClient(t, a.ownerToken);
    await t.gql(SET_NEXT_CONTACT, { input: { clientId: c1.id, on: addDays(today, 3) } }, a.ownerToken);
    await t.gql(SET_NEXT_CONTACT, { input: { clientId: c2.id, on: addDays(today, 10) } }, a.ownerToken);
    const soon = await points(a.ownerToken, { kinds: ['NEXT_CONTACT'], dueBefore: addDays(today, 5) });
    expect(soon.edges.map((e: any) => e.node.objectId)).toContain(c1.id);
    expect(soon.edges.map((e: any) => e.node.objectId)).not.toContain(c2.id);
    const mine = await points(a.ownerToken, { managerId: manager.id });
    expect(mine.edges.every((e: any) => e.node.managerId === manager.id)).toBe(true);
    const all = await points(a.ownerToken, {});
    const dates = all.edges.map((e: any) => e.node.dueOn);
    expect([...dates].sort()).toEqual(dates);
    // pagination walks the same list
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(CONTROL_POINTS, { filter: {}, first: 2, after }, a.ownerToken)).body.data.controlPoints;
      seen.push(...page.edges.map((e: any) => `${e.node.kind}:${e.node.objectId}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: any) => `${e.node.kind}:${e.node.objectId}`));
  });

  it("never shows another agency's control points, and is for agency staff only", async () => {
    const client = await createClient(t, a.ownerToken);
    await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: today } }, a.ownerToken);
    const other = await points(b.ownerToken, {});
    expect(other.edges.some((e: any) => e.node.clientId === client.id)).toBe(false);
    const forB = await points(b.ownerToken, { clientId: client.id });
    expect(forB.totalCount).toBe(0);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const res = await t.gql(CONTROL_POINTS, {}, portal.token);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await t.gql(CONTROL_POINTS, {});
    expect(anon.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a bad cursor and a bad date with BAD_USER_INPUT', async () => {
    const bad = await t.gql(CONTROL_POINTS, { after: 'nope' }, a.ownerToken);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const date = await t.gql(CONTROL_POINTS, { filter: { dueBefore: '2026-13-45' } }, a.ownerToken);
    expect(date.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('contacts, meetings and terminated clients', () => {
  const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
  const NEXT_STATE = `query($id: ID!) { client(id: $id) { lastContactAt nextContactOn nextContactGoal } }`;
  const DAY_MS = 24 * 3600 * 1000;

  it('a held meeting counts as a contact for CONTACT_INTERVAL_EXCEEDED, also one that was scheduled ahead and has since taken place', async () => {
    const client = await createClient(t, a.ownerToken);
    await logInteraction(t, a.ownerToken, client.id, { occurredAt: new Date(Date.now() - 40 * DAY_MS).toISOString() });
    expect((await points(a.ownerToken, { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id, overdue: true })).totalCount).toBe(1);

    const scheduled = (await t.gql(CREATE_MEETING, { i: { clientId: client.id, title: 'Встреча по итогам', startsAt: new Date(Date.now() + 3600_000).toISOString() } }, a.ownerToken)).body.data.createMeeting;
    // a meeting ahead is not a contact yet
    expect((await points(a.ownerToken, { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id, overdue: true })).totalCount).toBe(1);
    // time passes: the API cannot move the clock, so the meeting's start is put two days back
    const heldAt = new Date(Date.now() - 2 * DAY_MS);
    await t.ds.query('UPDATE meetings SET "startsAt" = $2 WHERE id = $1', [scheduled.id, heldAt]);
    const after = await points(a.ownerToken, { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id });
    expect(after.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ dueOn: addDays(localDate(heldAt, 'Europe/Moscow'), 30), overdue: false }),
    ]);

    // a meeting recorded after it was held moves the client's last contact at once
    const other = await createClient(t, a.ownerToken);
    const held = new Date(Date.now() - 5 * DAY_MS).toISOString();
    await t.gql(CREATE_MEETING, { i: { clientId: other.id, title: 'Встреча', startsAt: held } }, a.ownerToken);
    expect((await t.gql(NEXT_STATE, { id: other.id }, a.ownerToken)).body.data.client.lastContactAt).toBe(held);
  });

  it('stops birthday and protocol control points for a terminated client', async () => {
    const client = await createClient(t, a.ownerToken);
    await createContact(t, a.ownerToken, client.id, { fullName: 'Петрова Ольга', birthday: '1985-' + (today.slice(5) === '02-29' ? '02-28' : today.slice(5)) });
    await t.gql(CREATE_MEETING, { i: { clientId: client.id, title: 'Встреча', startsAt: new Date(Date.now() - 3600_000).toISOString() } }, a.ownerToken);
    const kinds = ['CONTACT_BIRTHDAY', 'MEETING_PROTOCOL_NOT_SENT'];
    const before = await points(a.ownerToken, { kinds, clientId: client.id });
    expect(before.edges.map((e: any) => e.node.kind).sort()).toEqual(kinds);

    await t.gql(TERMINATE_CLIENT, { input: { id: client.id, reason: 'Ушли к конкурентам' } }, a.ownerToken);
    expect((await points(a.ownerToken, { kinds, clientId: client.id })).totalCount).toBe(0);
    expect((await points(a.ownerToken, { kinds: ['NEXT_CONTACT', 'CONTACT_INTERVAL_EXCEEDED', ...kinds], clientId: client.id })).totalCount).toBe(0);
  });
});
