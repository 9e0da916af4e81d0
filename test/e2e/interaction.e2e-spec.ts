/**
 * Interactions and the next contact: logInteraction (keeps Client.lastContactAt, plans the next
 * contact), the interactions connection, setNextContact; validation with field paths, another
 * agency's clients and the portal's exclusion. Every refused request reads the state back.
 */
import { startTestApp, TestApp } from '../support/app';
import { GET_CLIENT } from '../support/documents';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { AgencyActors, createClient, createContact, createUser, MISSING_ID, registerAgency } from '../support/factories';

const LOG_INTERACTION = /* GraphQL */ `
  mutation Log($input: LogInteractionInput!) {
    logInteraction(input: $input) { id kind occurredAt summary client { id lastContactAt nextContactOn nextContactGoal } contact { id } user { id } }
  }
`;
const INTERACTIONS = /* GraphQL */ `
  query Interactions($filter: InteractionFilter, $first: Int, $after: String) {
    interactions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind summary occurredAt clientId contactId userId durationMinutes } }
    }
  }
`;
const SET_NEXT_CONTACT = /* GraphQL */ `
  mutation Next($input: SetNextContactInput!) { setNextContact(input: $input) { id nextContactOn nextContactGoal nextContactProduct } }
`;
const CONTACT_STATE = /* GraphQL */ `
  query ContactState($id: ID!) { client(id: $id) { id lastContactAt nextContactOn nextContactGoal nextContactProduct } }
`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
});
afterAll(() => t?.close());

/** What the agency sees of a client's contact state and its interactions. */
async function contactState(clientId: string, token = a.ownerToken): Promise<{ client: any; interactions: any }> {
  const client = expectOk(await t.gql(CONTACT_STATE, { id: clientId }, token)).client;
  const interactions = expectOk(await t.gql(INTERACTIONS, { filter: { clientId } }, token)).interactions;
  return { client, interactions };
}

function log(clientId: string, input: Record<string, unknown>, token = a.ownerToken) {
  return t.gql(LOG_INTERACTION, { input: { clientId, kind: 'CALL', summary: 'Созвон', ...input } }, token);
}

describe('logInteraction', () => {
  it('logs a touch, moves lastContactAt forward only, and plans the next contact', async () => {
    const client = await createClient(t, a.ownerToken);
    const contact = await createContact(t, a.ownerToken, client.id);
    const res = await t.gql(
      LOG_INTERACTION,
      {
        input: {
          clientId: client.id,
          contactId: contact.id,
          kind: 'CALL',
          occurredAt: '2026-11-20T10:00:00.000Z',
          summary: 'Обсудили медиаплан',
          nextContactOn: '2026-12-01',
          nextContactGoal: 'Согласовать КП',
        },
      },
      manager.token,
    );
    const logged = expectOk(res).logInteraction;
    expect(logged).toMatchObject({ kind: 'CALL', contact: { id: contact.id }, user: { id: manager.id } });
    expect(logged.client).toMatchObject({ lastContactAt: '2026-11-20T10:00:00.000Z', nextContactOn: '2026-12-01', nextContactGoal: 'Согласовать КП' });
    await t.gql(LOG_INTERACTION, { input: { clientId: client.id, kind: 'EMAIL', occurredAt: '2026-11-01T10:00:00.000Z', summary: 'старое письмо' } }, manager.token);
    const list = await t.gql(INTERACTIONS, { filter: { clientId: client.id } }, a.ownerToken);
    expect(list.body.data.interactions.totalCount).toBe(2);
    expect(list.body.data.interactions.edges[0].node.kind).toBe('CALL'); // newest first
    const read = (await t.gql(GET_CLIENT, { id: client.id }, a.ownerToken)).body.data.client;
    expect(read.id).toBe(client.id);
    // the older e-mail did not move the last contact back
    expect((await contactState(client.id)).client.lastContactAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('defaults occurredAt to now and trims the summary', async () => {
    const client = await createClient(t, a.ownerToken);
    const before = Date.now();
    const logged = expectOk(await log(client.id, { kind: 'MESSAGE', summary: '  Написали в Telegram  ', durationMinutes: 5 })).logInteraction;
    expect(logged.summary).toBe('Написали в Telegram');
    expect(new Date(logged.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const state = await contactState(client.id);
    expect(state.client.lastContactAt).toBe(logged.occurredAt);
    expect(state.interactions.edges[0].node).toMatchObject({ id: logged.id, durationMinutes: 5, userId: a.ownerId, contactId: null });
  });

  it('refuses a contact of another client, a future date, a goal without a date and bad values, writing nothing', async () => {
    const client = await createClient(t, a.ownerToken);
    const otherClient = await createClient(t, a.ownerToken);
    const otherContact = await createContact(t, a.ownerToken, otherClient.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ contactId: otherContact.id }, 'input.contactId'],
      [{ occurredAt: '2099-01-01T00:00:00.000Z' }, 'input.occurredAt'],
      [{ nextContactGoal: 'без даты' }, 'input.nextContactOn'],
      [{ nextContactProduct: 'SEO' }, 'input.nextContactOn'],
      [{ summary: '' }, 'input.summary'],
      [{ durationMinutes: -1 }, 'input.durationMinutes'],
      [{ durationMinutes: 1441 }, 'input.durationMinutes'],
      [{ nextContactOn: '2026-02-30' }, 'input.nextContactOn'],
      [{ contactId: 'not-an-id' }, 'input.contactId'],
    ];
    for (const [override, path] of cases) expectBadInput(await log(client.id, override), path);
    expectCode(await log(client.id, { kind: 'FAX' }), 'BAD_USER_INPUT');
    const state = await contactState(client.id);
    expect(state.interactions.totalCount).toBe(0);
    expect(state.client).toMatchObject({ lastContactAt: null, nextContactOn: null, nextContactGoal: null });
  });

  it('answers NOT_FOUND for a missing client or contact', async () => {
    const client = await createClient(t, a.ownerToken);
    expect(expectCode(await log(MISSING_ID, {}), 'NOT_FOUND').field).toBe('input.clientId');
    expect(expectCode(await log(client.id, { contactId: MISSING_ID }), 'NOT_FOUND').field).toBe('input.contactId');
    expect((await contactState(client.id)).interactions.totalCount).toBe(0);
  });

  it("does not log against another agency's client or with its contact", async () => {
    const client = await createClient(t, a.ownerToken);
    const contact = await createContact(t, a.ownerToken, client.id);
    expect(expectCode(await log(client.id, {}, b.ownerToken), 'NOT_FOUND').field).toBe('input.clientId');
    const own = await createClient(t, b.ownerToken);
    expect(expectCode(await log(own.id, { contactId: contact.id }, b.ownerToken), 'NOT_FOUND').field).toBe('input.contactId');
    // B sees none of A's interactions, even filtering by A's client
    const list = expectOk(await t.gql(INTERACTIONS, { filter: { clientId: client.id } }, b.ownerToken)).interactions;
    expect(list.totalCount).toBe(0);
    // nothing was written on either side
    const state = await contactState(client.id);
    expect(state.interactions.totalCount).toBe(0);
    expect(state.client.lastContactAt).toBeNull();
    expect((await contactState(own.id, b.ownerToken)).interactions.totalCount).toBe(0);
  });

  it('is for agency staff: a portal user is FORBIDDEN to log or list, an anonymous caller is UNAUTHENTICATED', async () => {
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    expectCode(await log(client.id, {}, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(INTERACTIONS, { filter: { clientId: client.id } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(LOG_INTERACTION, { input: { clientId: client.id, kind: 'CALL', summary: 'x' } }), 'UNAUTHENTICATED');
    const state = await contactState(client.id);
    expect(state.interactions.totalCount).toBe(0);
    expect(state.client.lastContactAt).toBeNull();
  });
});

describe('interactions', () => {
  it('filters by client, contact, user and kinds, newest first, and pages', async () => {
    const client = await createClient(t, a.ownerToken);
    const contact = await createContact(t, a.ownerToken, client.id);
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    const call = expectOk(await log(client.id, { kind: 'CALL', contactId: contact.id, occurredAt: at(1) }, manager.token)).logInteraction;
    const mail = expectOk(await log(client.id, { kind: 'EMAIL', occurredAt: at(2) })).logInteraction;
    const visit = expectOk(await log(client.id, { kind: 'VISIT', occurredAt: at(3) }, manager.token)).logInteraction;
    const ids = async (filter: Record<string, unknown>) =>
      expectOk(await t.gql(INTERACTIONS, { filter: { clientId: client.id, ...filter } }, a.ownerToken)).interactions.edges.map((e: any) => e.node.id);
    expect(await ids({})).toEqual([visit.id, mail.id, call.id]);
    expect(await ids({ contactId: contact.id })).toEqual([call.id]);
    expect(await ids({ userId: manager.id })).toEqual([visit.id, call.id]);
    expect(await ids({ kinds: ['EMAIL', 'VISIT'] })).toEqual([visit.id, mail.id]);

    const first = expectOk(await t.gql(INTERACTIONS, { filter: { clientId: client.id }, first: 2 }, a.ownerToken)).interactions;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = expectOk(await t.gql(INTERACTIONS, { filter: { clientId: client.id }, first: 2, after: first.pageInfo.endCursor }, a.ownerToken)).interactions;
    expect([...first.edges, ...rest.edges].map((e: any) => e.node.id)).toEqual([visit.id, mail.id, call.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a bad filter or page with field paths', async () => {
    expectBadInput(await t.gql(INTERACTIONS, { filter: { clientId: 'x' } }, a.ownerToken), 'filter.clientId');
    expectBadInput(await t.gql(INTERACTIONS, { first: 101 }, a.ownerToken), 'first');
    expectBadInput(await t.gql(INTERACTIONS, { after: 'garbage' }, a.ownerToken), 'after');
  });
});

describe('setNextContact', () => {
  it('sets and clears the development state', async () => {
    const client = await createClient(t, a.ownerToken);
    const set = await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2026-12-10', goal: 'Допродажа SEO', product: 'SEO' } }, a.ownerToken);
    expect(set.body.data.setNextContact).toMatchObject({ nextContactOn: '2026-12-10', nextContactGoal: 'Допродажа SEO', nextContactProduct: 'SEO' });
    const cleared = await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: null } }, a.ownerToken);
    expect(cleared.body.data.setNextContact).toMatchObject({ nextContactOn: null, nextContactGoal: null, nextContactProduct: null });
  });

  it('refuses a goal without a date and a bad date, keeping the plan', async () => {
    const client = await createClient(t, a.ownerToken);
    expectOk(await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2026-12-10', goal: 'Допродажа SEO' } }, manager.token));
    expectBadInput(await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, goal: 'Позвонить' } }, manager.token), 'input.on');
    expectBadInput(await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2026-13-01' } }, manager.token));
    expect((await contactState(client.id)).client).toMatchObject({ nextContactOn: '2026-12-10', nextContactGoal: 'Допродажа SEO' });
  });

  it("cannot plan another agency's client; a portal user is FORBIDDEN; the plan stays", async () => {
    const client = await createClient(t, a.ownerToken);
    expectOk(await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2026-12-10', goal: 'Допродажа SEO' } }, a.ownerToken));
    const foreign = await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2027-01-01' } }, b.ownerToken);
    expect(expectCode(foreign, 'NOT_FOUND').field).toBe('input.clientId');
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    expectCode(await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: null } }, portal.token), 'FORBIDDEN');
    expect((await contactState(client.id)).client).toMatchObject({ nextContactOn: '2026-12-10', nextContactGoal: 'Допродажа SEO' });
  });
});

describe('a contact fulfils the planned next contact', () => {
  const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
  const MARK_SENT = `mutation($i: MarkProtocolSentInput!) { markProtocolSent(input: $i) { __typename } }`;
  const NEXT_POINTS = `query($f: ControlPointFilter) { controlPoints(filter: $f) { totalCount } }`;
  const plan = (clientId: string, on = '2099-01-15') => t.gql(SET_NEXT_CONTACT, { input: { clientId, on, goal: 'Обсудить бюджет', product: 'SEO' } }, a.ownerToken);
  const nextPoints = async (clientId: string) => expectOk(await t.gql(NEXT_POINTS, { f: { clientId, kinds: ['NEXT_CONTACT'] } }, a.ownerToken)).controlPoints.totalCount;

  it('logging an interaction clears the pending next contact and its control point', async () => {
    const client = await createClient(t, a.ownerToken);
    await log(client.id, { occurredAt: new Date(Date.now() - 3 * 86400_000).toISOString() });
    await plan(client.id);
    expect(await nextPoints(client.id)).toBe(1);

    expectOk(await log(client.id, { kind: 'MEETING', summary: 'Обсудили бюджет' }));
    const state = await contactState(client.id);
    expect(state.client).toMatchObject({ nextContactOn: null, nextContactGoal: null, nextContactProduct: null });
    expect(await nextPoints(client.id)).toBe(0);
  });

  it('an interaction older than the last contact leaves the plan; one that plans anew replaces it', async () => {
    const client = await createClient(t, a.ownerToken);
    await log(client.id, {});
    await plan(client.id);
    await log(client.id, { kind: 'EMAIL', occurredAt: new Date(Date.now() - 10 * 86400_000).toISOString(), summary: 'старое письмо' });
    expect((await contactState(client.id)).client).toMatchObject({ nextContactOn: '2099-01-15', nextContactGoal: 'Обсудить бюджет' });

    await log(client.id, { nextContactOn: '2099-02-01', nextContactGoal: 'Подписать договор' });
    expect((await contactState(client.id)).client).toMatchObject({ nextContactOn: '2099-02-01', nextContactGoal: 'Подписать договор', nextContactProduct: null });
  });

  it('a held meeting fulfils it (recorded afterwards, or by sending its protocol); a meeting ahead does not', async () => {
    const client = await createClient(t, a.ownerToken);
    await log(client.id, { occurredAt: new Date(Date.now() - 5 * 86400_000).toISOString() });
    await plan(client.id);
    const ahead = expectOk(await t.gql(CREATE_MEETING, { i: { clientId: client.id, title: 'Встреча', startsAt: new Date(Date.now() + 86400_000).toISOString() } }, a.ownerToken)).createMeeting;
    expect((await contactState(client.id)).client.nextContactOn).toBe('2099-01-15');
    // not held yet: MEETING_NOT_HELD, the plan stays
    expect(expectOk(await t.gql(MARK_SENT, { i: { id: ahead.id } }, a.ownerToken)).markProtocolSent.__typename).toBe('MeetingNotHeldError');
    expect((await contactState(client.id)).client.nextContactOn).toBe('2099-01-15');

    const heldAt = new Date(Date.now() - 3600_000).toISOString();
    expectOk(await t.gql(CREATE_MEETING, { i: { clientId: client.id, title: 'Встреча', startsAt: heldAt } }, a.ownerToken));
    expect((await contactState(client.id)).client).toMatchObject({ lastContactAt: heldAt, nextContactOn: null });

    // a scheduled meeting that has taken place: sending its protocol records the contact
    const other = await createClient(t, a.ownerToken);
    await plan(other.id);
    const m = expectOk(await t.gql(CREATE_MEETING, { i: { clientId: other.id, title: 'Встреча', startsAt: new Date(Date.now() + 86400_000).toISOString() } }, a.ownerToken)).createMeeting;
    // the meeting has since taken place (the API cannot move the clock)
    const startedAt = new Date(Date.now() - 7200_000);
    await t.ds.query('UPDATE meetings SET "startsAt" = $2 WHERE id = $1', [m.id, startedAt]);
    expect(expectOk(await t.gql(MARK_SENT, { i: { id: m.id } }, a.ownerToken)).markProtocolSent.__typename).toBe('Meeting');
    expect((await contactState(other.id)).client).toMatchObject({ lastContactAt: startedAt.toISOString(), nextContactOn: null });
  });
});
