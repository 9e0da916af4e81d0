/**
 * Reads a unit of work has ready at the same time (sibling loaders' batches of one tick) go to
 * PostgreSQL in one message, each with its own tenant settings, and each gets its own answer; a
 * failure in that message is retried read by read, so each gets its own error
 * (src/db/tenant-runner.ts, ListeningClient.armReads).
 */
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/app';
import { LIST_CLIENTS_WITH_CONTACTS } from '../support/documents';
import { createClient, createContact, createUser, registerAgency, type AgencyActors } from '../support/factories';
import { openTenantUnit, tenantSettings } from '../../src/db/tenant-runner';
import { ListeningClient } from '../../src/db/data-source';
import { workerDatabaseUrl } from '../support/databases';

let t: TestApp;
let a: AgencyActors;
let other: AgencyActors;
let messages: string[] = [];
let spy: jest.SpyInstance;

beforeAll(async () => {
  t = await startTestApp({ env: { WORKERS: '0' } });
  a = await registerAgency(t);
  other = await registerAgency(t);
  const manager = await createUser(t, a.ownerToken, 'MANAGER');
  for (let i = 1; i <= 3; i++) {
    const client = await createClient(t, a.ownerToken, { name: `Клиент ${i}`, ownerId: manager.id });
    await createContact(t, a.ownerToken, client.id, { fullName: `Контакт ${i}`, isPrimary: true });
  }
  const foreign = await createClient(t, other.ownerToken, { name: 'Чужой клиент' });
  await createContact(t, other.ownerToken, foreign.id, { fullName: 'Чужой контакт', isPrimary: true });
  // every message the app's connections send (ListeningClient calls pg's query once a message)
  const send = Client.prototype.query;
  spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: any[]) {
    if (typeof args[0] === 'string') messages.push(args[0]);
    return (send as any).apply(this, args);
  });
});

afterAll(async () => {
  spy?.mockRestore();
  await t?.close();
});

beforeEach(() => {
  messages = [];
});

const reads = (m: string) => m.split(/;\s*/).filter((s) => /^SELECT\b/i.test(s) && !/^SELECT set_config/.test(s));

it("sends a list's sibling batches (each client's owner and contacts) in one message, each answer its own", async () => {
  const res = await t.gql(LIST_CLIENTS_WITH_CONTACTS, { first: 10 }, a.ownerToken);
  expect(res.body.errors).toBeUndefined();
  const clients = res.body.data.clients.edges.map((e: any) => e.node);
  expect(clients).toHaveLength(3);
  for (const c of clients) {
    expect(c.owner).not.toBeNull();
    expect(c.contacts.map((x: any) => x.fullName)).toEqual([`Контакт ${c.name.slice(-1)}`]);
  }
  const together = messages.find((m) => /FROM "users"/.test(m) && /FROM "contacts"/.test(m));
  expect(together).toBeDefined();
  // each read in it carries its own tenant settings
  expect(together!.match(/set_config\('app\.agency_id', '([0-9a-f-]+)', true\)/g)).toHaveLength(2);
  expect(reads(together!)).toHaveLength(2);
});

describe('a unit of work', () => {
  const unitOf = (agencyId: string) => openTenantUnit(t.ds, agencyId, { holdReads: true });

  it('answers reads sent together each with its own rows, within its own agency', async () => {
    const unit = unitOf(a.agencyId);
    try {
      const [clients, contacts] = await Promise.all([
        unit.manager.query('SELECT name FROM clients ORDER BY name'),
        unit.manager.query('SELECT "fullName" FROM contacts ORDER BY "fullName"'),
      ]);
      expect(clients.map((r: any) => r.name)).toEqual(['Клиент 1', 'Клиент 2', 'Клиент 3']);
      expect(contacts.map((r: any) => r.fullName)).toEqual(['Контакт 1', 'Контакт 2', 'Контакт 3']);
      expect(messages.filter((m) => /FROM clients/.test(m) && /FROM contacts/.test(m))).toHaveLength(1);
    } finally {
      await unit.end();
    }
  });

  it('gives each read of a failed message its own answer: the good one its rows, the bad one its error', async () => {
    const unit = unitOf(a.agencyId);
    try {
      const [good, bad, after] = await Promise.allSettled([
        unit.manager.query('SELECT count(*)::int AS n FROM clients'),
        unit.manager.query('SELECT 1 / (SELECT count(*) - count(*) FROM clients) AS boom'),
        unit.manager.query('SELECT count(*)::int AS n FROM contacts'),
      ]);
      expect(good).toEqual({ status: 'fulfilled', value: [{ n: 3 }] });
      expect(bad.status).toBe('rejected');
      expect(String((bad as PromiseRejectedResult).reason)).toMatch(/division by zero/);
      expect(after).toEqual({ status: 'fulfilled', value: [{ n: 3 }] });
      // one message for the three, then each alone
      expect(messages.filter((m) => /boom/.test(m)).map((m) => reads(m).length)).toEqual([3, 1]);
      // and the unit goes on
      expect(await unit.manager.query('SELECT count(*)::int AS n FROM clients')).toEqual([{ n: 3 }]);
    } finally {
      await unit.end();
    }
  });

  it('keeps reads, writes and transactions in the order they were asked for', async () => {
    const unit = unitOf(a.agencyId);
    try {
      const before = unit.manager.query(`SELECT name FROM clients WHERE name = 'Клиент 1'`);
      const rename = unit.manager.query(`UPDATE clients SET name = 'Клиент 1 (новое имя)' WHERE name = 'Клиент 1'`);
      const after = unit.manager.query(`SELECT name FROM clients WHERE name LIKE 'Клиент 1%'`);
      expect(await before).toEqual([{ name: 'Клиент 1' }]);
      await rename;
      expect(await after).toEqual([{ name: 'Клиент 1 (новое имя)' }]);
      await unit.manager.query(`UPDATE clients SET name = 'Клиент 1' WHERE name = 'Клиент 1 (новое имя)'`);
    } finally {
      await unit.end();
    }
  });

  it('never shows another agency anything, together or alone', async () => {
    const unit = unitOf(other.agencyId);
    try {
      const [clients, contacts] = await Promise.all([unit.manager.query('SELECT name FROM clients'), unit.manager.query('SELECT "fullName" FROM contacts')]);
      expect(clients).toEqual([{ name: 'Чужой клиент' }]);
      expect(contacts).toEqual([{ fullName: 'Чужой контакт' }]);
    } finally {
      await unit.end();
    }
  });
});

it('sends a read that comes after its companions went out on its own, with its tenant settings', async () => {
  const client = new ListeningClient({ connectionString: workerDatabaseUrl() });
  await client.connect();
  try {
    const text = 'SELECT current_setting($1, true) AS v';
    const first = ['app.agency_id'];
    const late = ['app.agency_id'];
    expect(client.armReads(tenantSettings(a.agencyId), [{ text, values: first }, { text, values: late }])).toBe(true);
    const answer = client.query(text, first);
    await new Promise((r) => setImmediate(r)); // the message has gone out without the late one
    const lateAnswer = client.query(text, late);
    expect((await answer).rows).toEqual([{ v: a.agencyId }]);
    expect((await lateAnswer).rows).toEqual([{ v: a.agencyId }]);
    client.disarmReads();
  } finally {
    await client.end();
  }
});
