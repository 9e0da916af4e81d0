/**
 * The second wall: PostgreSQL's row-level security enforces the tenant even for a statement that
 * forgets the tenant condition. The app's tenant statements run through an agency's unit of work
 * (agencyUnit in the scope module, what every logged-in request, job and sweep uses): as the role
 * agency_app (no superuser, no BYPASSRLS) with `app.agency_id` set for the transaction only.
 * The tests connect as `postgres` (a superuser, which bypasses RLS): the wall must hold anyway.
 */
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, ListeningClient } from '../../src/db/data-source';
import { tenantBegin } from '../../src/db/tenant-runner';
import { actorUnit, agencyUnit } from '../../src/services/scope';
import { UserRole } from '../../src/entities/enums';
import { startTestApp, TestApp } from '../support/app';
import { workerDatabaseUrl } from '../support/databases';
import { GET_CLIENT } from '../support/documents';
import { createClient, createContact, createUser, MISSING_ID, registerAgency, type AgencyActors } from '../support/factories';

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let a1: { id: string };
let a2: { id: string };
let b1: { id: string };

beforeAll(async () => {
  t = await startTestApp({ env: { WORKERS: '0' } });
  a = await registerAgency(t);
  b = await registerAgency(t);
  a1 = await createClient(t, a.ownerToken);
  a2 = await createClient(t, a.ownerToken);
  b1 = await createClient(t, b.ownerToken);
});
afterAll(() => t?.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
/** The superuser's view (bypasses RLS): what is really stored. */
const stored = async (id: string) => (await t.ds.query('SELECT id, name, "agencyId" FROM clients WHERE id = $1', [id]))[0];

describe('a statement without the tenant condition', () => {
  it("returns only the unit's agency rows: SELECT * FROM clients", async () => {
    const rows: { id: string; agencyId: string }[] = await agencyUnit(t.services, a.agencyId).manager.query('SELECT * FROM clients');
    expect(ids(rows)).toEqual(ids([a1, a2]));
    expect(new Set(rows.map((r) => r.agencyId))).toEqual(new Set([a.agencyId]));
    // the superuser, by contrast, sees every agency's: the rows are there
    const all: { id: string }[] = await t.ds.query('SELECT id FROM clients WHERE id = ANY($1)', [[a1.id, b1.id]]);
    expect(all).toHaveLength(2);
  });

  it("does not reveal another agency's row asked for by its id, nor the other agency itself", async () => {
    const unit = agencyUnit(t.services, a.agencyId);
    expect(await unit.manager.query('SELECT id FROM clients WHERE id = $1', [b1.id])).toEqual([]);
    expect(ids(await unit.manager.query('SELECT id FROM agencies'))).toEqual([a.agencyId]);
    expect(ids(await unit.manager.query('SELECT id FROM users'))).toEqual([a.ownerId]);
  });

  it('works the same inside a write transaction of the unit', async () => {
    const unit = agencyUnit(t.services, b.agencyId);
    const rows = await unit.manager.transaction((m) => m.query('SELECT id FROM clients'));
    expect(ids(rows)).toEqual([b1.id]);
  });
});

describe('without the agency setting', () => {
  it('fails closed: no rows and no error, as agency_app with no app.agency_id or an empty one', async () => {
    const qr = t.ds.createQueryRunner();
    try {
      await qr.query(`BEGIN; SELECT set_config('role', 'agency_app', true)`);
      expect(await qr.query('SELECT * FROM clients')).toEqual([]);
      expect(await qr.query('SELECT * FROM agencies')).toEqual([]);
      await qr.query(`SELECT set_config('app.agency_id', '', true)`);
      expect(await qr.query('SELECT * FROM users')).toEqual([]);
      await qr.query('ROLLBACK');
      // an agency that does not exist sees nothing either
      await qr.query(tenantBegin(MISSING_ID));
      expect(await qr.query('SELECT * FROM clients')).toEqual([]);
      await qr.query('ROLLBACK');
    } finally {
      await qr.release();
    }
  });

  it('refuses a write with no agency set', async () => {
    const qr = t.ds.createQueryRunner();
    try {
      await qr.query(`BEGIN; SELECT set_config('role', 'agency_app', true)`);
      await expect(qr.query(`INSERT INTO clients ("agencyId", name) VALUES ($1, 'no agency set')`, [a.agencyId])).rejects.toMatchObject({ code: '42501' });
      await qr.query('ROLLBACK');
    } finally {
      await qr.release();
    }
  });
});

describe('writes for another agency (WITH CHECK)', () => {
  it("refuses an INSERT stamped with another agency's id", async () => {
    const unit = agencyUnit(t.services, a.agencyId);
    await expect(unit.manager.query(`INSERT INTO clients ("agencyId", name) VALUES ($1, 'planted')`, [b.agencyId])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('row-level security'),
    });
    expect(await t.ds.query(`SELECT id FROM clients WHERE name = 'planted'`)).toEqual([]);
  });

  it("refuses moving its own row to another agency, and cannot touch another agency's row", async () => {
    const unit = agencyUnit(t.services, a.agencyId);
    await expect(unit.manager.query(`UPDATE clients SET "agencyId" = $1 WHERE id = $2`, [b.agencyId, a2.id])).rejects.toMatchObject({ code: '42501' });
    expect((await stored(a2.id)).agencyId).toBe(a.agencyId);
    const before = await stored(b1.id);
    await unit.manager.query(`UPDATE clients SET name = 'hijacked' WHERE id = $1`, [b1.id]);
    await unit.manager.query(`DELETE FROM clients WHERE id = $1`, [b1.id]);
    expect(await stored(b1.id)).toEqual(before);
  });
});

describe("a portal user's unit (the portal policy: only the user's client)", () => {
  const portalOf = async (clientId: string) => {
    const user = await createUser(t, a.ownerToken, 'CLIENT', clientId);
    return { userId: user.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId };
  };

  it("returns only its client's rows to a statement without the client condition, on clients and on tables with a client", async () => {
    await createContact(t, a.ownerToken, a1.id, { fullName: 'Контакт А1' });
    await createContact(t, a.ownerToken, a2.id, { fullName: 'Контакт А2' });
    const unit = actorUnit(t.services, await portalOf(a1.id));
    expect(ids(await unit.manager.query('SELECT id FROM clients'))).toEqual([a1.id]);
    const contacts: { clientId: string }[] = await unit.manager.query('SELECT "clientId" FROM contacts');
    expect(contacts.length).toBeGreaterThan(0);
    expect(new Set(contacts.map((c) => c.clientId))).toEqual(new Set([a1.id]));
    expect(await unit.manager.query('SELECT id FROM clients WHERE id = $1', [a2.id])).toEqual([]);
    // the agency's staff (no client set) still see every client of the agency
    expect(ids(await agencyUnit(t.services, a.agencyId).manager.query('SELECT id FROM clients'))).toEqual(ids([a1, a2]));
  });

  it('runs as agency_portal, fails closed without the client setting, and leaves the staff role outside the policy', async () => {
    const unit = actorUnit(t.services, await portalOf(a1.id));
    const [who] = await unit.manager.query(`SELECT current_user AS role, current_setting('app.client_id', true) AS client`);
    expect(who).toEqual({ role: 'agency_portal', client: a1.id });
    const admin = await t.ds.createQueryRunner();
    try {
      await admin.startTransaction();
      await admin.query(`SELECT set_config('role', 'agency_portal', true), set_config('app.agency_id', $1, true)`, [a.agencyId]);
      expect(await admin.query('SELECT id FROM clients')).toEqual([]);
      expect(await admin.query('SELECT id FROM contacts')).toEqual([]);
      await admin.rollbackTransaction();
    } finally {
      await admin.release();
    }
    const [staff] = await agencyUnit(t.services, a.agencyId).manager.query(`SELECT current_user AS role`);
    expect(staff.role).toBe('agency_app');
  });

  it("shows the agency's staff users (the account manager) but not another client's portal users", async () => {
    const other = await createUser(t, a.ownerToken, 'CLIENT', a2.id);
    const unit = actorUnit(t.services, await portalOf(a1.id));
    const visible: { id: string; clientId: string | null }[] = await unit.manager.query('SELECT id, "clientId" FROM users');
    expect(visible.some((u) => u.clientId === null)).toBe(true);
    expect(visible.map((u) => u.id)).not.toContain(other.id);
    expect(visible.every((u) => u.clientId === null || u.clientId === a1.id)).toBe(true);
  });

  it("cannot change or create another client's rows, inside a write transaction too", async () => {
    const unit = actorUnit(t.services, await portalOf(a1.id));
    const before = await stored(a2.id);
    await unit.manager.query(`UPDATE clients SET name = 'hijacked' WHERE id = $1`, [a2.id]);
    expect(await stored(a2.id)).toEqual(before);
    await expect(
      unit.manager.query(`INSERT INTO contacts ("agencyId", "clientId", "fullName") VALUES ($1, $2, 'planted')`, [a.agencyId, a2.id]),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
    await unit.manager.transaction(async (m) => {
      await m.query(`UPDATE contacts SET "fullName" = 'hijacked' WHERE "clientId" = $1`, [a2.id]);
      expect(await m.query('SELECT id FROM clients WHERE id = $1', [a2.id])).toEqual([]);
    });
    expect(await t.ds.query(`SELECT id FROM contacts WHERE "fullName" IN ('planted', 'hijacked')`)).toEqual([]);
  });
});

describe("the app's connection", () => {
  it('runs tenant statements as a role that is neither superuser nor exempt from RLS, with the agency set', async () => {
    const [who] = await agencyUnit(t.services, a.agencyId).manager.query(
      `SELECT current_user AS role, r.rolsuper AS super, r.rolbypassrls AS bypass, current_setting('app.agency_id') AS agency
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(who).toEqual({ role: 'agency_app', super: false, bypass: false, agency: a.agencyId });
  });

  it('leaves nothing on the connection after the transaction (safe behind PgBouncer in transaction mode)', async () => {
    // a pool of one: the unit and the plain query after it run on the same connection
    const ds: DataSource = createDataSource({ url: workerDatabaseUrl(), poolSize: 1, applicationName: 'jest-rls' });
    await ds.initialize();
    try {
      const services = { ...t.services, dataSource: ds };
      const [pid] = await agencyUnit(services, a.agencyId).manager.query('SELECT pg_backend_pid() AS pid');
      const [after] = await ds.query(`SELECT pg_backend_pid() AS pid, current_user AS role, coalesce(current_setting('app.agency_id', true), '') AS agency`);
      expect(after).toEqual({ pid: pid.pid, role: 'postgres', agency: '' });
    } finally {
      await ds.destroy();
    }
  });

  it('sends a statement outside a write transaction with its settings as one message (no BEGIN, no COMMIT), and leaves nothing behind', async () => {
    const ds: DataSource = createDataSource({ url: workerDatabaseUrl(), poolSize: 1, applicationName: 'jest-rls-one-message' });
    await ds.initialize();
    const sent = jest.spyOn(ListeningClient.prototype, 'query');
    try {
      const services = { ...t.services, dataSource: ds };
      const unit = agencyUnit(services, a.agencyId, { holdReads: true });
      sent.mockClear();
      const [first] = await unit.manager.query(`SELECT current_user AS role, current_setting('app.agency_id') AS agency, pg_backend_pid() AS pid, $1::text AS echo`, ["it's"]);
      expect(first).toMatchObject({ role: 'agency_app', agency: a.agencyId, echo: "it's" });
      expect(ids(await unit.manager.query('SELECT id FROM clients WHERE id = ANY($1::uuid[])', [[a1.id, b1.id]]))).toEqual([a1.id]);
      expect(sent).toHaveBeenCalledTimes(2);
      await unit.end();
      const [after] = await ds.query(`SELECT pg_backend_pid() AS pid, current_user AS role, coalesce(current_setting('app.agency_id', true), '') AS agency`);
      expect(after).toEqual({ pid: first.pid, role: 'postgres', agency: '' });
    } finally {
      sent.mockRestore();
      await ds.destroy();
    }
  });

  it('runs a statement whose value has no text form (binary) in a transaction of its own, behind the same wall', async () => {
    const unit = agencyUnit(t.services, a.agencyId, { holdReads: true });
    try {
      const [row] = await unit.manager.query(`SELECT length($1::bytea) AS n, current_user AS role, current_setting('app.agency_id') AS agency`, [Buffer.from([0, 1, 2])]);
      expect(row).toEqual({ n: 3, role: 'agency_app', agency: a.agencyId });
      expect(ids(await unit.manager.query('SELECT id FROM clients'))).toEqual(ids([a1, a2]));
    } finally {
      await unit.end();
    }
  });

  it('a failed statement does not poison the later reads of a request-held unit', async () => {
    const unit = agencyUnit(t.services, a.agencyId, { holdReads: true });
    try {
      await expect(unit.manager.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
      expect(ids(await unit.manager.query('SELECT id FROM clients'))).toEqual(ids([a1, a2]));
    } finally {
      await unit.end();
    }
  });

  it('commits a write made outside a write transaction at once: visible to others, kept after a later failure', async () => {
    const unit = agencyUnit(t.services, a.agencyId, { holdReads: true });
    try {
      await unit.manager.query(`UPDATE clients SET notes = 'written alone' WHERE id = $1`, [a2.id]);
      // another connection sees it while the request still holds its own
      expect((await t.ds.query('SELECT notes FROM clients WHERE id = $1', [a2.id]))[0].notes).toBe('written alone');
      await expect(unit.manager.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
    } finally {
      await unit.end();
    }
    expect((await t.ds.query('SELECT notes FROM clients WHERE id = $1', [a2.id]))[0].notes).toBe('written alone');
  });

  it('gives every connection back to the pool once responses are sent, failed ones included', async () => {
    const pool = (t.ds.driver as unknown as { master: Pool }).master;
    await Promise.all([
      t.gql(GET_CLIENT, { id: a1.id }, a.ownerToken),
      t.gql(GET_CLIENT, { id: b1.id }, a.ownerToken),
      t.gql(GET_CLIENT, { id: 'not-a-uuid' }, a.ownerToken),
      t.gql('{ nope }', {}, a.ownerToken),
      t.gql(GET_CLIENT, { id: a1.id }, b.ownerToken),
    ]);
    const res = await t.gql(GET_CLIENT, { id: a1.id }, a.ownerToken);
    expect(res.body.data?.client?.id).toBe(a1.id);
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect(pool.waitingCount).toBe(0);
  });
});

describe('work before the agency is known, by a caller already logged in elsewhere', () => {
  it("logs in as another agency's user and registers a new agency while sending a token of agency A", async () => {
    const { LOGIN, REGISTER_AGENCY } = await import('../support/documents');
    const { PASSWORD, uniqueEmail } = await import('../support/factories');
    const login = await t.gql(LOGIN, { input: { email: b.ownerEmail, password: PASSWORD } }, a.ownerToken);
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.login.agency.id).toBe(b.agencyId);
    const reg = await t.gql(REGISTER_AGENCY, { input: { agencyName: 'Третье агентство', email: uniqueEmail('owner'), password: PASSWORD } }, a.ownerToken);
    expect(reg.body.errors).toBeUndefined();
    const agencyId = reg.body.data.registerAgency.agency.id;
    expect(agencyId).not.toBe(a.agencyId);
    // its rows were written behind the wall, stamped with the new agency
    expect(await t.ds.query('SELECT count(*)::int AS n FROM users WHERE "agencyId" = $1', [agencyId])).toEqual([{ n: 1 }]);
  });
});
