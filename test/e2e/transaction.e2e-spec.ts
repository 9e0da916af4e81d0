import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { Client } from '../../src/entities';
import { UserRole } from '../../src/entities/enums';
import { seedDemo } from '../../src/seed/demo';
import { deriveContext, scoped, withTransaction } from '../../src/services/scope';
import { startTestApp, type TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { workerDatabaseUrl } from '../support/databases';
import { createClient, registerAgency, type AgencyActors } from '../support/factories';

/**
 * withTransaction hands its callback a derived context and never changes the caller's. The
 * embedded database has ONE connection: a read through the caller's context (or any context on
 * the pool) inside a transaction would wait for that connection forever. These tests pin the
 * contract and prove the whole demo pipeline runs on a single connection.
 */
let t: TestApp;
let a: AgencyActors;
let clientId: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  clientId = (await createClient(t, a.ownerToken)).id;
});
afterAll(() => t?.close());

function ownerContext() {
  return contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });
}

describe('withTransaction', () => {
  it('gives the callback a derived context with the transaction manager and its own loaders, and leaves the caller unchanged', async () => {
    const ctx = ownerContext();
    const { manager, loaders } = ctx;
    await withTransaction(ctx, async (tx) => {
      expect(tx).not.toBe(ctx);
      expect(tx.manager).not.toBe(manager);
      expect(tx.manager.queryRunner?.isTransactionActive).toBe(true);
      expect(tx.loaders).not.toBe(loaders);
      expect(tx.actor).toEqual(ctx.actor);
      expect((await scoped(tx, Client).findById(clientId))?.id).toBe(clientId);
    });
    expect(ctx.manager).toBe(manager);
    expect(ctx.loaders).toBe(loaders);
  });

  it("refuses the caller's context inside the callback instead of taking a second connection", async () => {
    const ctx = ownerContext();
    await expect(withTransaction(ctx, () => scoped(ctx, Client).findById(clientId))).rejects.toThrow(/a transaction is open/);
    // the caller's loaders too (they read through the caller's context)
    await expect(withTransaction(ctx, () => ctx.loaders.clientById.load(clientId))).rejects.toThrow(/a transaction is open/);
  });

  it("refuses the caller's context without following the async flow too (production's cheaper guard)", async () => {
    const base = ownerContext();
    const ctx = deriveContext(base, { app: { ...base.app, config: { ...base.app.config, transactionFlowGuard: false } } });
    await expect(withTransaction(ctx, () => scoped(ctx, Client).findById(clientId))).rejects.toThrow(/a transaction is open/);
    // and the caller is usable again once the transaction is over
    expect((await scoped(ctx, Client).findById(clientId))?.id).toBe(clientId);
  });

  it('refuses a context derived from the caller before the transaction (still on the pool)', async () => {
    const ctx = ownerContext();
    const early = deriveContext(ctx, {});
    await expect(withTransaction(ctx, () => scoped(early, Client).findById(clientId))).rejects.toThrow(/a transaction is open/);
  });

  it('joins an open transaction and rolls back with it', async () => {
    const ctx = ownerContext();
    await expect(
      withTransaction(ctx, async (tx) => {
        await withTransaction(tx, async (inner) => {
          expect(inner).toBe(tx);
          await scoped(inner, Client).update((await scoped(inner, Client).findById(clientId))!, { name: 'Откат' });
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await scoped(ownerContext(), Client).findById(clientId))?.name).not.toBe('Откат');
  });

  it("drops what the caller's loaders cached once the transaction has committed", async () => {
    const ctx = ownerContext();
    const before = await ctx.loaders.clientById.load(clientId);
    await withTransaction(ctx, async (tx) => {
      await scoped(tx, Client).update((await scoped(tx, Client).findById(clientId))!, { name: 'После коммита' });
    });
    expect(before?.name).not.toBe('После коммита');
    expect((await ctx.loaders.clientById.load(clientId))?.name).toBe('После коммита');
  });
});

describe('a single database connection, as on the embedded database', () => {
  it('runs the whole demo pipeline (clients, briefs, meetings, proposals, deals, contracts, invoices, payments, refunds, acts) on a pool of one', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: workerDatabaseUrl() });
    const ds = createDataSource({ url: workerDatabaseUrl(), poolSize: 1, applicationName: 'jest-single' });
    await ds.initialize();
    try {
      const app = await createApp(ds, config);
      const seeded = await seedDemo(ds, app);
      expect(seeded?.logins.length).toBeGreaterThan(0);
      await app.stop();
    } finally {
      await ds.destroy();
    }
  }, 60_000);
});
