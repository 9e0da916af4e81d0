/**
 * Tenant isolation matrix: every actor × every target for the client and contact operations.
 *
 * Actors: owner / manager of agency A, a portal user (CLIENT) bound to client A1, the owner of
 * agency B, and an anonymous caller. Targets: A1 and A2 (agency A), B1 (agency B, same name as
 * A1), a missing but well-formed id and a malformed id.
 *
 * Another agency's record must be indistinguishable from a missing one, and every refused write
 * must leave the database exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import {
  ARCHIVE_CLIENT,
  CREATE_CONTACT,
  GET_CLIENT,
  GET_PORTAL_CLIENT,
  LIST_CLIENTS,
  LIST_CLIENTS_WITH_CONTACTS,
  LIST_PORTAL_CLIENTS,
  LIST_PORTAL_CLIENTS_WITH_CONTACTS,
  ME,
  UPDATE_CLIENT,
} from '../support/documents';
import { createClient, createContact, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectCode, expectOk } from '../support/expect';

const MALFORMED_ID = 'not-a-uuid';

/** Reads the contacts of one client through the Client.contacts field. */
const CLIENT_CONTACTS = /* GraphQL */ `
  query ClientContacts($id: ID!) {
    client(id: $id) { id name contacts { id clientId fullName client { id } } }
  }
`;

type ActorKey = 'ownerA' | 'managerA' | 'portalA1' | 'ownerB' | 'anonymous';
type TargetKey = 'A1' | 'A2' | 'B1' | 'missing' | 'malformed';
type ClientKey = 'A1' | 'A2' | 'B1';

const ACTOR_LABEL: Record<ActorKey, string> = {
  ownerA: 'owner of A',
  managerA: 'manager of A',
  portalA1: 'portal user of A1',
  ownerB: 'owner of B',
  anonymous: 'anonymous',
};

const TARGET_LABEL: Record<TargetKey, string> = {
  A1: 'A1',
  A2: 'A2',
  B1: 'B1',
  missing: 'missing id',
  malformed: 'malformed id',
};

let t: TestApp;
const tokens: Record<ActorKey, string | null> = {
  ownerA: null,
  managerA: null,
  portalA1: null,
  ownerB: null,
  anonymous: null,
};
const clients: Record<ClientKey, { id: string; name: string }> = {} as any;
let agencyA: string;
let agencyB: string;
let ownerBId: string;
let archivedB: { id: string; name: string };

function idOf(target: TargetKey): string {
  if (target === 'missing') return MISSING_ID;
  if (target === 'malformed') return MALFORMED_ID;
  return clients[target].id;
}

function tokenOf(actor: ActorKey): string | null {
  return tokens[actor];
}

/** Who may legitimately read a real client back. */
function legitimateOwnerOf(client: ClientKey): string {
  return (client === 'B1' ? tokens.ownerB : tokens.ownerA)!;
}

function isClientKey(target: TargetKey): target is ClientKey {
  return target === 'A1' || target === 'A2' || target === 'B1';
}

function agencyOf(client: ClientKey): string {
  return client === 'B1' ? agencyB : agencyA;
}

/** Every client row of both agencies, as stored. */
async function clientRows(): Promise<Array<Record<string, unknown>>> {
  return t.ds.query(
    `SELECT id, "agencyId", name, notes, "updatedAt", "archivedAt", "ownerId", "lifecycleStage"
       FROM clients WHERE "agencyId" IN ($1, $2) ORDER BY id`,
    [agencyA, agencyB],
  );
}

/** Every contact row of both agencies, as stored. */
async function contactRows(): Promise<Array<Record<string, unknown>>> {
  return t.ds.query(
    `SELECT id, "agencyId", "clientId", "fullName", "updatedAt" FROM contacts WHERE "agencyId" IN ($1, $2) ORDER BY id`,
    [agencyA, agencyB],
  );
}

async function contactCount(clientId: string): Promise<number> {
  const rows = await t.ds.query(`SELECT count(*)::int AS n FROM contacts WHERE "clientId" = $1`, [clientId]);
  return rows[0].n;
}

async function dbClient(id: string): Promise<{ name: string; notes: string | null; updatedAt: Date; archivedAt: Date | null; agencyId: string }> {
  const rows = await t.ds.query(`SELECT name, notes, "updatedAt", "archivedAt", "agencyId" FROM clients WHERE id = $1`, [id]);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Reads a client through the API as its legitimate owner. */
async function apiClient(client: ClientKey): Promise<any> {
  const res = await t.gql(GET_CLIENT, { id: clients[client].id }, legitimateOwnerOf(client));
  expectOk(res);
  expect(res.body.data.client).not.toBeNull();
  return res.body.data.client;
}

/** Snapshot of what a refused write must not have changed. */
async function snapshot(target: TargetKey) {
  return {
    rows: await clientRows(),
    contacts: await contactRows(),
    api: isClientKey(target) ? await apiClient(target) : null,
    contactsOfTarget: target === 'malformed' ? null : await contactCount(idOf(target)),
  };
}

async function expectUnchanged(target: TargetKey, before: Awaited<ReturnType<typeof snapshot>>): Promise<void> {
  const after = await snapshot(target);
  expect(after.rows).toEqual(before.rows);
  expect(after.contacts).toEqual(before.contacts);
  expect(after.contactsOfTarget).toBe(before.contactsOfTarget);
  if (isClientKey(target)) {
    expect(after.api.name).toBe(before.api.name);
    expect(after.api.updatedAt).toBe(before.api.updatedAt);
    expect(after.api.archivedAt).toBe(before.api.archivedAt);
    expect(after.api.notes).toBe(before.api.notes);
  }
  if (target === 'missing') {
    expect((await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE id = $1', [MISSING_ID]))[0].n).toBe(0);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const tag = randomUUID().slice(0, 8);

  const a = await registerAgency(t);
  const b = await registerAgency(t);
  agencyA = a.agencyId;
  agencyB = b.agencyId;
  ownerBId = b.ownerId;
  tokens.ownerA = a.ownerToken;
  tokens.ownerB = b.ownerToken;

  const a1 = await createClient(t, a.ownerToken, { name: `Ромашка ${tag}` });
  const a2 = await createClient(t, a.ownerToken, { name: `Лютик ${tag}` });
  // same name as A1, on purpose: a search for it must never cross the agency boundary
  const b1 = await createClient(t, b.ownerToken, { name: `Ромашка ${tag}`, ownerId: b.ownerId });
  clients.A1 = { id: a1.id, name: a1.name };
  clients.A2 = { id: a2.id, name: a2.name };
  clients.B1 = { id: b1.id, name: b1.name };

  // an archived client of B with A1's name too, for the status filters
  const bx = await createClient(t, b.ownerToken, { name: `Ромашка ${tag}` });
  const archived = await t.gql(ARCHIVE_CLIENT, { id: bx.id }, b.ownerToken);
  expectOk(archived);
  archivedB = { id: bx.id, name: bx.name };

  const manager = await createUser(t, a.ownerToken, 'MANAGER');
  tokens.managerA = manager.token;
  const portal = await createUser(t, a.ownerToken, 'CLIENT', a1.id);
  tokens.portalA1 = portal.token;

  await createContact(t, a.ownerToken, a1.id, { fullName: 'Контакт А1', isPrimary: true });
  await createContact(t, a.ownerToken, a2.id, { fullName: 'Контакт А2' });
  await createContact(t, b.ownerToken, b1.id, { fullName: 'Контакт Б1' });
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// client(id)
// ---------------------------------------------------------------------------------------------

type ReadOutcome = ClientKey | 'null' | 'UNAUTHENTICATED';
const TARGETS: TargetKey[] = ['A1', 'A2', 'B1', 'missing', 'malformed'];

const CLIENT_READ: Record<ActorKey, Record<TargetKey, ReadOutcome>> = {
  ownerA: { A1: 'A1', A2: 'A2', B1: 'null', missing: 'null', malformed: 'null' },
  managerA: { A1: 'A1', A2: 'A2', B1: 'null', missing: 'null', malformed: 'null' },
  portalA1: { A1: 'A1', A2: 'null', B1: 'null', missing: 'null', malformed: 'null' },
  ownerB: { A1: 'null', A2: 'null', B1: 'B1', missing: 'null', malformed: 'null' },
  anonymous: {
    A1: 'UNAUTHENTICATED',
    A2: 'UNAUTHENTICATED',
    B1: 'UNAUTHENTICATED',
    missing: 'UNAUTHENTICATED',
    malformed: 'UNAUTHENTICATED',
  },
};

function rowsOf<O>(matrix: Record<ActorKey, Record<TargetKey, O>>, describeOutcome: (o: O) => string) {
  return (Object.keys(matrix) as ActorKey[]).flatMap((actor) =>
    TARGETS.map((target) => ({
      actor,
      target,
      outcome: matrix[actor][target],
      actorLabel: ACTOR_LABEL[actor],
      targetLabel: TARGET_LABEL[target],
      expected: describeOutcome(matrix[actor][target]),
    })),
  );
}

describe('client(id)', () => {
  it.each(rowsOf(CLIENT_READ, (o) => (o === 'null' ? 'null' : o === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : `sees ${o}`)))(
    'client($targetLabel) as $actorLabel → $expected',
    async ({ actor, target, outcome }) => {
      const res = await t.gql(actor === 'portalA1' ? GET_PORTAL_CLIENT : GET_CLIENT, { id: idOf(target) }, tokenOf(actor));
      if (outcome === 'UNAUTHENTICATED') {
        expectCode(res, 'UNAUTHENTICATED');
        expect(res.body.data?.client ?? null).toBeNull();
        return;
      }
      expectOk(res);
      if (outcome === 'null') {
        expect(res.body.data.client).toBeNull();
      } else {
        expect(res.body.data.client).toMatchObject({ id: clients[outcome].id, name: clients[outcome].name });
      }
    },
  );

  it("gives another agency's client exactly the same answer as a missing id", async () => {
    const foreign = await t.gql(GET_CLIENT, { id: clients.B1.id }, tokens.ownerA);
    const missing = await t.gql(GET_CLIENT, { id: MISSING_ID }, tokens.ownerA);
    expect(foreign.status).toBe(missing.status);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body).toEqual({ data: { client: null } });
  });

  it("does not reveal another agency's archived client either", async () => {
    const res = await t.gql(GET_CLIENT, { id: archivedB.id }, tokens.ownerA);
    expect(res.body).toEqual({ data: { client: null } });
  });
});

// ---------------------------------------------------------------------------------------------
// clients (list)
// ---------------------------------------------------------------------------------------------

describe('clients', () => {
  const LIST: Array<{ actor: ActorKey; actorLabel: string; expected: ClientKey[] | 'UNAUTHENTICATED'; expectedLabel: string }> = [
    { actor: 'ownerA', expected: ['A1', 'A2'] },
    { actor: 'managerA', expected: ['A1', 'A2'] },
    { actor: 'portalA1', expected: ['A1'] },
    { actor: 'ownerB', expected: ['B1'] },
    { actor: 'anonymous', expected: 'UNAUTHENTICATED' },
  ].map((r) => ({
    ...(r as { actor: ActorKey; expected: ClientKey[] | 'UNAUTHENTICATED' }),
    actorLabel: ACTOR_LABEL[r.actor as ActorKey],
    expectedLabel: r.expected === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : `exactly [${(r.expected as string[]).join(', ')}]`,
  }));

  it.each(LIST)('clients as $actorLabel → $expectedLabel', async ({ actor, expected }) => {
    const res = await t.gql(actor === 'portalA1' ? LIST_PORTAL_CLIENTS : LIST_CLIENTS, { first: 100 }, tokenOf(actor));
    if (expected === 'UNAUTHENTICATED') {
      expectCode(res, 'UNAUTHENTICATED');
      expect(res.body.data ?? null).toBeNull();
      return;
    }
    expectOk(res);
    const ids = res.body.data.clients.edges.map((e: any) => e.node.id).sort();
    expect(ids).toEqual(expected.map((k) => clients[k].id).sort());
    expect(res.body.data.clients.totalCount).toBe(expected.length);
    expect(res.body.data.clients.pageInfo.hasNextPage).toBe(false);
  });

  const SEARCH: Array<{ actor: ActorKey; actorLabel: string; search: ClientKey; expected: ClientKey[] }> = (
    [
      { actor: 'ownerA', search: 'A1', expected: ['A1'] },
      { actor: 'managerA', search: 'A1', expected: ['A1'] },
      { actor: 'portalA1', search: 'A1', expected: ['A1'] },
      { actor: 'ownerB', search: 'A1', expected: ['B1'] },
      { actor: 'portalA1', search: 'A2', expected: [] },
      { actor: 'ownerB', search: 'A2', expected: [] },
    ] as Array<{ actor: ActorKey; search: ClientKey; expected: ClientKey[] }>
  ).map((r) => ({ ...r, actorLabel: ACTOR_LABEL[r.actor] }));

  it.each(SEARCH)(
    'clients(search: name of $search) as $actorLabel → exactly $expected',
    async ({ actor, search, expected }) => {
      const res = await t.gql(actor === 'portalA1' ? LIST_PORTAL_CLIENTS : LIST_CLIENTS, { first: 100, filter: { search: clients[search].name } }, tokenOf(actor));
      expectOk(res);
      const ids = res.body.data.clients.edges.map((e: any) => e.node.id).sort();
      expect(ids).toEqual(expected.map((k) => clients[k].id).sort());
      expect(res.body.data.clients.totalCount).toBe(expected.length);
    },
  );

  it.each([
    { status: 'ALL', expectedA: ['A1', 'A2'] },
    { status: 'ARCHIVED', expectedA: [] },
  ])(
    "clients(status: $status) as owner of A never includes B's archived client with the same name",
    async ({ status, expectedA }) => {
      for (const filter of [{ status }, { status, search: clients.A1.name }]) {
        const res = await t.gql(LIST_CLIENTS, { first: 100, filter }, tokens.ownerA);
        expectOk(res);
        const ids: string[] = res.body.data.clients.edges.map((e: any) => e.node.id);
        expect(ids).not.toContain(archivedB.id);
        expect(ids).not.toContain(clients.B1.id);
        const expectedIds = (expectedA as ClientKey[]).map((k) => clients[k].id);
        const wanted = filter.search ? expectedIds.filter((id) => id === clients.A1.id) : expectedIds;
        expect([...ids].sort()).toEqual([...wanted].sort());
        expect(res.body.data.clients.totalCount).toBe(wanted.length);
      }
    },
  );

  it('clients(status: ALL) as owner of B sees its own archived client, still nothing of A', async () => {
    const res = await t.gql(LIST_CLIENTS, { first: 100, filter: { status: 'ALL' } }, tokens.ownerB);
    expectOk(res);
    const ids = res.body.data.clients.edges.map((e: any) => e.node.id).sort();
    expect(ids).toEqual([clients.B1.id, archivedB.id].sort());
    expect(res.body.data.clients.totalCount).toBe(2);
  });

  it("clients(ownerId: B's owner) as owner of A → empty", async () => {
    const res = await t.gql(LIST_CLIENTS, { first: 100, filter: { ownerId: ownerBId } }, tokens.ownerA);
    expectOk(res);
    expect(res.body.data.clients.edges).toEqual([]);
    expect(res.body.data.clients.totalCount).toBe(0);
  });

  it('paging as owner of A walks A1 and A2 only, even with a cursor taken from B', async () => {
    const page1 = await t.gql(LIST_CLIENTS, { first: 1 }, tokens.ownerA);
    expectOk(page1);
    expect(page1.body.data.clients.totalCount).toBe(2);
    expect(page1.body.data.clients.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(LIST_CLIENTS, { first: 1, after: page1.body.data.clients.pageInfo.endCursor }, tokens.ownerA);
    expectOk(page2);
    expect(page2.body.data.clients.pageInfo.hasNextPage).toBe(false);
    const seen = [...page1.body.data.clients.edges, ...page2.body.data.clients.edges].map((e: any) => e.node.id).sort();
    expect(seen).toEqual([clients.A1.id, clients.A2.id].sort());

    // a cursor from B's list only positions within A's list, it never brings B's rows
    const fromB = await t.gql(LIST_CLIENTS, { first: 1 }, tokens.ownerB);
    const cursorOfB = fromB.body.data.clients.pageInfo.endCursor;
    const res = await t.gql(LIST_CLIENTS, { first: 100, after: cursorOfB }, tokens.ownerA);
    expectOk(res);
    for (const e of res.body.data.clients.edges) expect([clients.A1.id, clients.A2.id]).toContain(e.node.id);
    expect(res.body.data.clients.totalCount).toBe(2);
  });

  it('clients with contacts: each actor sees only the contacts of the clients it may see', async () => {
    const contactsOf = async (client: ClientKey) =>
      (await t.ds.query(`SELECT id FROM contacts WHERE "clientId" = $1 AND "archivedAt" IS NULL`, [clients[client].id]))
        .map((r: any) => r.id)
        .sort();
    const cases: Array<[ActorKey, ClientKey[]]> = [
      ['ownerA', ['A1', 'A2']],
      ['managerA', ['A1', 'A2']],
      ['portalA1', ['A1']],
      ['ownerB', ['B1']],
    ];
    for (const [actor, visible] of cases) {
      const res = await t.gql(actor === 'portalA1' ? LIST_PORTAL_CLIENTS_WITH_CONTACTS : LIST_CLIENTS_WITH_CONTACTS, { first: 100 }, tokenOf(actor));
      expectOk(res);
      const nodes = res.body.data.clients.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.id).sort()).toEqual(visible.map((k) => clients[k].id).sort());
      for (const key of visible) {
        const node = nodes.find((n: any) => n.id === clients[key].id);
        expect(node.contacts.map((c: any) => c.id).sort()).toEqual(await contactsOf(key));
        for (const c of node.contacts) expect(c.client).toMatchObject({ id: clients[key].id });
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// portal user: its own client, its contacts, me
// ---------------------------------------------------------------------------------------------

describe('portal user of A1', () => {
  it('reads the contacts of its own client through client(id: A1) { contacts }', async () => {
    const res = await t.gql(CLIENT_CONTACTS, { id: clients.A1.id }, tokens.portalA1);
    expectOk(res);
    const expected = (
      await t.ds.query(`SELECT id FROM contacts WHERE "clientId" = $1 AND "archivedAt" IS NULL`, [clients.A1.id])
    ).map((r: any) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const contacts = res.body.data.client.contacts;
    expect(contacts.map((c: any) => c.id).sort()).toEqual([...expected].sort());
    for (const c of contacts) {
      expect(c.clientId).toBe(clients.A1.id);
      expect(c.client).toEqual({ id: clients.A1.id });
    }
    expect(contacts.map((c: any) => c.fullName)).toContain('Контакт А1');
  });

  it.each([
    { target: 'A2' as TargetKey, label: 'A2' },
    { target: 'B1' as TargetKey, label: 'B1' },
  ])('cannot reach the contacts of $label through client(id) (→ null)', async ({ target }) => {
    const res = await t.gql(CLIENT_CONTACTS, { id: idOf(target) }, tokens.portalA1);
    expect(res.body).toEqual({ data: { client: null } });
  });

  it('me { client { id } } returns A1', async () => {
    const res = await t.gql(ME, {}, tokens.portalA1);
    expectOk(res);
    expect(res.body.data.me).toMatchObject({ role: 'CLIENT', clientId: clients.A1.id, client: { id: clients.A1.id } });
    expect(res.body.data.me.agency.id).toBe(agencyA);
  });

  it("owner of B cannot reach A1's contacts through client(id) (→ null)", async () => {
    const res = await t.gql(CLIENT_CONTACTS, { id: clients.A1.id }, tokens.ownerB);
    expect(res.body).toEqual({ data: { client: null } });
  });
});

// ---------------------------------------------------------------------------------------------
// updateClient
// ---------------------------------------------------------------------------------------------

type WriteOutcome = 'ok' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const ALL = (o: WriteOutcome): Record<TargetKey, WriteOutcome> => ({ A1: o, A2: o, B1: o, missing: o, malformed: o });

const WRITE_MATRIX: Record<ActorKey, Record<TargetKey, WriteOutcome>> = {
  ownerA: { A1: 'ok', A2: 'ok', B1: 'NOT_FOUND', missing: 'NOT_FOUND', malformed: 'BAD_USER_INPUT' },
  managerA: { A1: 'ok', A2: 'ok', B1: 'NOT_FOUND', missing: 'NOT_FOUND', malformed: 'BAD_USER_INPUT' },
  portalA1: ALL('FORBIDDEN'),
  ownerB: { A1: 'NOT_FOUND', A2: 'NOT_FOUND', B1: 'ok', missing: 'NOT_FOUND', malformed: 'BAD_USER_INPUT' },
  anonymous: ALL('UNAUTHENTICATED'),
};

const describeWrite = (o: WriteOutcome) => (o === 'ok' ? 'succeeds' : o);

describe('updateClient', () => {
  it.each(rowsOf(WRITE_MATRIX, describeWrite))(
    'updateClient($targetLabel) as $actorLabel → $expected',
    async ({ actor, target, outcome }) => {
      if (outcome === 'ok') {
        const key = target as ClientKey;
        const before = await dbClient(clients[key].id);
        const notes = `updated by ${ACTOR_LABEL[actor]} ${randomUUID().slice(0, 8)}`;
        const res = await t.gql(UPDATE_CLIENT, { input: { id: clients[key].id, notes } }, tokenOf(actor));
        expectOk(res);
        expect(res.body.data.updateClient).toMatchObject({ id: clients[key].id, name: clients[key].name, notes });
        const after = await dbClient(clients[key].id);
        expect(after.notes).toBe(notes);
        expect(after.name).toBe(before.name);
        expect(after.agencyId).toBe(agencyOf(key));
        expect(new Date(after.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(before.updatedAt).getTime());
        expect((await apiClient(key)).notes).toBe(notes);
        return;
      }

      const before = await snapshot(target);
      const res = await t.gql(
        UPDATE_CLIENT,
        { input: { id: idOf(target), name: `Взломано ${randomUUID().slice(0, 8)}`, notes: 'pwned' } },
        tokenOf(actor),
      );
      const ext = expectCode(res, outcome);
      expect(res.body.data ?? null).toBeNull();
      if (outcome === 'NOT_FOUND') expect(ext).toMatchObject({ field: 'input.id' });
      if (outcome === 'BAD_USER_INPUT') expect(ext.fields.map((f: any) => f.path)).toContain('input.id');
      await expectUnchanged(target, before);
    },
  );

  it("answers another agency's client exactly like a missing one", async () => {
    const foreign = await t.gql(UPDATE_CLIENT, { input: { id: clients.A1.id, name: 'x' } }, tokens.ownerB);
    const missing = await t.gql(UPDATE_CLIENT, { input: { id: MISSING_ID, name: 'x' } }, tokens.ownerB);
    expect(foreign.body).toEqual(missing.body);
  });
});

// ---------------------------------------------------------------------------------------------
// createContact
// ---------------------------------------------------------------------------------------------

describe('createContact', () => {
  it.each(rowsOf(WRITE_MATRIX, describeWrite))(
    'createContact($targetLabel) as $actorLabel → $expected',
    async ({ actor, target, outcome }) => {
      const fullName = `Петров Пётр ${randomUUID().slice(0, 8)}`;
      if (outcome === 'ok') {
        const key = target as ClientKey;
        const countBefore = await contactCount(clients[key].id);
        const res = await t.gql(CREATE_CONTACT, { input: { clientId: clients[key].id, fullName } }, tokenOf(actor));
        expectOk(res);
        expect(res.body.data.createContact).toMatchObject({ clientId: clients[key].id, fullName });
        expect(await contactCount(clients[key].id)).toBe(countBefore + 1);
        const rows = await t.ds.query(`SELECT "agencyId", "clientId" FROM contacts WHERE id = $1`, [res.body.data.createContact.id]);
        expect(rows).toEqual([{ agencyId: agencyOf(key), clientId: clients[key].id }]);
        return;
      }

      const before = await snapshot(target);
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: idOf(target), fullName } }, tokenOf(actor));
      const ext = expectCode(res, outcome);
      expect(res.body.data ?? null).toBeNull();
      if (outcome === 'NOT_FOUND') expect(ext).toMatchObject({ field: 'input.clientId' });
      if (outcome === 'BAD_USER_INPUT') expect(ext.fields.map((f: any) => f.path)).toContain('input.clientId');
      await expectUnchanged(target, before);
      if (target !== 'malformed') expect(await contactCount(idOf(target))).toBe(before.contactsOfTarget);
      const named = await t.ds.query(`SELECT count(*)::int AS n FROM contacts WHERE "fullName" = $1`, [fullName]);
      expect(named[0].n).toBe(0);
    },
  );

  it("answers another agency's client exactly like a missing one", async () => {
    const foreign = await t.gql(CREATE_CONTACT, { input: { clientId: clients.B1.id, fullName: 'X' } }, tokens.ownerA);
    const missing = await t.gql(CREATE_CONTACT, { input: { clientId: MISSING_ID, fullName: 'X' } }, tokens.ownerA);
    expect(foreign.body).toEqual(missing.body);
  });
});

// ---------------------------------------------------------------------------------------------
// archiveClient
// ---------------------------------------------------------------------------------------------

describe('archiveClient', () => {
  const ARCHIVE: Array<{ actor: ActorKey; target: TargetKey; outcome: WriteOutcome; actorLabel: string; targetLabel: string }> = (
    [
      { actor: 'ownerB', target: 'A1', outcome: 'NOT_FOUND' },
      { actor: 'ownerB', target: 'A2', outcome: 'NOT_FOUND' },
      { actor: 'ownerA', target: 'B1', outcome: 'NOT_FOUND' },
      { actor: 'managerA', target: 'B1', outcome: 'NOT_FOUND' },
      { actor: 'ownerA', target: 'missing', outcome: 'NOT_FOUND' },
      { actor: 'portalA1', target: 'A1', outcome: 'FORBIDDEN' },
      { actor: 'portalA1', target: 'A2', outcome: 'FORBIDDEN' },
      { actor: 'anonymous', target: 'A1', outcome: 'UNAUTHENTICATED' },
    ] as Array<{ actor: ActorKey; target: TargetKey; outcome: WriteOutcome }>
  ).map((r) => ({ ...r, actorLabel: ACTOR_LABEL[r.actor], targetLabel: TARGET_LABEL[r.target] }));

  it.each(ARCHIVE)('archiveClient($targetLabel) as $actorLabel → $outcome, nothing archived', async ({ actor, target, outcome }) => {
    const before = await snapshot(target);
    const res = await t.gql(ARCHIVE_CLIENT, { id: idOf(target) }, tokenOf(actor));
    const ext = expectCode(res, outcome);
    expect(res.body.data ?? null).toBeNull();
    if (outcome === 'NOT_FOUND') expect(ext).toMatchObject({ field: 'id' });
    await expectUnchanged(target, before);
    if (isClientKey(target)) {
      expect((await dbClient(clients[target].id)).archivedAt).toBeNull();
      expect((await apiClient(target)).archivedAt).toBeNull();
    }
  });

  it('A1 is still listed for owner of A after all refused archive attempts', async () => {
    const res = await t.gql(LIST_CLIENTS, { first: 100 }, tokens.ownerA);
    expectOk(res);
    expect(res.body.data.clients.edges.map((e: any) => e.node.id)).toContain(clients.A1.id);
    expect(res.body.data.clients.totalCount).toBe(2);
  });
});
