import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { Client } from '../../src/entities';
import { UserRole } from '../../src/entities/enums';
import { DEMO_LOGINS, seedDemo } from '../../src/seed/demo';
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

const DEMO_CAMPAIGNS = /* GraphQL */ `
  query {
    campaigns(first: 50) {
      edges { node {
        id name status proposalId followUpOfId clientId
        channel { name }
        checklist { item checked }
        kpiTargets { metric }
        pacing { status }
        deviations { id metric severity closedAt }
        optimizations { category triggeredByDeviation deviationIds effective kpiAfter { metric } }
      } }
    }
  }
`;
const DEMO_CONTROL_POINTS = /* GraphQL */ `
  query { controlPoints(first: 100, filter: { kinds: [KPI_DEVIATION_OPEN, BUDGET_OVERSPEND, CAMPAIGN_END_OVERDUE, MEASUREMENTS_STALE, SATISFACTION_FOLLOW_UP] }) { edges { node { kind objectId } } } }
`;
const DEMO_REPORTS = /* GraphQL */ `query ($clientId: ID!) { reports(clientId: $clientId, first: 10) { edges { node { kind status version developmentPlan pdfPageCount } } } }`;
/** The client of the demo's search campaign (the first demo client). */
const romashkaId = (campaigns: any[]): string => campaigns.find((c: any) => c.channel.name === 'Яндекс Директ').clientId;
const DEMO_LOGIN = /* GraphQL */ `mutation ($input: LoginInput!) { login(input: $input) { token } }`;

describe('a single database connection, as on the embedded database', () => {
  it('runs the whole demo pipeline (clients, briefs, meetings, proposals, deals, contracts, invoices, payments, refunds, acts, campaigns with 90 days of figures) on a pool of one, once', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: workerDatabaseUrl() });
    const ds = createDataSource({ url: workerDatabaseUrl(), poolSize: 1, applicationName: 'jest-single' });
    await ds.initialize();
    try {
      const app = await createApp(ds, config);
      const seeded = await seedDemo(ds, app);
      expect(seeded?.logins.length).toBeGreaterThan(0);

      const { token } = (await app.execute<any>(DEMO_LOGIN, { input: { email: DEMO_LOGINS[0].email, password: DEMO_LOGINS[0].password } })).login;
      const campaigns = (await app.execute<any>(DEMO_CAMPAIGNS, {}, token)).campaigns.edges.map((e: any) => e.node);
      const launched = campaigns.filter((c: any) => c.status === 'LAUNCHED');
      expect(launched.length).toBeGreaterThanOrEqual(3);
      expect(new Set(launched.map((c: any) => c.channel.name)).size).toBe(launched.length);
      expect(launched.some((c: any) => c.proposalId)).toBe(true);
      for (const c of launched) {
        expect(c.checklist.every((i: any) => i.checked)).toBe(true);
        expect(c.kpiTargets.length).toBeGreaterThanOrEqual(6);
        expect(c.kpiTargets.length).toBeLessThanOrEqual(8);
      }
      expect(launched.filter((c: any) => c.pacing.status === 'OVERSPENDING')).toHaveLength(1);
      const planned = campaigns.filter((c: any) => c.status === 'PLANNED');
      expect(planned.some((c: any) => c.checklist.some((i: any) => i.checked) && c.checklist.some((i: any) => !i.checked))).toBe(true);
      const followUp = campaigns.find((c: any) => c.followUpOfId);
      expect(campaigns.find((c: any) => c.id === followUp?.followUpOfId)?.status).toBe('COMPLETED');

      const deviations = launched.flatMap((c: any) => c.deviations);
      const open = deviations.filter((d: any) => d.closedAt === null);
      expect(open.some((d: any) => d.severity === 'ACT')).toBe(true);
      expect(open.some((d: any) => d.severity === 'WARN')).toBe(true);
      expect(deviations.some((d: any) => d.closedAt !== null)).toBe(true);

      const log = launched.flatMap((c: any) => c.optimizations);
      expect(log.length).toBeGreaterThanOrEqual(3);
      expect(log.some((o: any) => o.triggeredByDeviation)).toBe(true);
      expect(log.some((o: any) => !o.triggeredByDeviation)).toBe(true);
      expect(log.filter((o: any) => o.triggeredByDeviation).map((o: any) => o.effective).sort()).toEqual([false, true]);

      const points = (await app.execute<any>(DEMO_CONTROL_POINTS, {}, token)).controlPoints.edges.map((e: any) => e.node);
      expect(points.filter((p: any) => p.kind === 'KPI_DEVIATION_OPEN')).toHaveLength(open.length);
      expect(points.filter((p: any) => p.kind === 'BUDGET_OVERSPEND')).toHaveLength(1);
      // answered surveys: three responses, one of them low (a follow-up for the owner)
      expect(points.filter((p: any) => p.kind === 'SATISFACTION_FOLLOW_UP')).toHaveLength(1);
      const metrics = (await app.execute<any>(`query ($i: SatisfactionMetricsInput!) { satisfactionMetrics(input: $i) { responses nps { value } } }`, { i: { from: '2000-01-01', to: '2100-12-31' } }, token)).satisfactionMetrics;
      expect(metrics.responses).toBe(3);
      expect(metrics.nps.value).not.toBeNull();

      // a published report of each kind for the first client, with its development plan and PDF
      const reports = (await app.execute<any>(DEMO_REPORTS, { clientId: romashkaId(campaigns) }, token)).reports.edges.map((e: any) => e.node);
      expect(reports.map((r: any) => r.kind).sort()).toEqual(['BUDGET', 'MARKETING', 'OWNER']);
      for (const r of reports) {
        expect(r).toMatchObject({ status: 'PUBLISHED', version: 1 });
        expect(r.developmentPlan.length).toBeGreaterThan(20);
        expect(r.pdfPageCount).toBeGreaterThanOrEqual(1);
      }

      // a second run finds the demo agency and adds nothing
      expect(await seedDemo(ds, app)).toBeNull();
      expect((await app.execute<any>(DEMO_CAMPAIGNS, {}, token)).campaigns.edges).toHaveLength(campaigns.length);
      await app.stop();
    } finally {
      await ds.destroy();
    }
  }, 60_000);
});
