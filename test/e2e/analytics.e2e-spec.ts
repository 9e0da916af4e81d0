/**
 * Client analytics on small data sets whose answers are worked out by hand. Clients are created
 * through the API; their money, deals, stage history and dates are then pinned with SQL, so every
 * figure below is exact. The agencies are in Europe/Moscow (UTC+3, no DST).
 */
import { startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createUser, logInteraction, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const LIFECYCLE = /* GraphQL */ `
  query L($input: AnalyticsScopeInput) {
    clientLifecycleStats(input: $input) { managerId activeClients terminatedClients stages { stage clients stays averageDaysInStage } }
  }
`;
const REPEAT = /* GraphQL */ `
  query R($input: AnalyticsScopeInput) { repeatPurchaseShare(input: $input) { managerId clientsWithPurchase repeatClients sharePercent } }
`;
const CHURN = /* GraphQL */ `
  query C($input: ChurnInput!) {
    churn(input: $input) { granularity inactivityDays timeZone periods { from to activeAtStart churned terminated inactive ratePercent } }
  }
`;
const CLV = /* GraphQL */ `
  query V($input: AnalyticsScopeInput) {
    customerLifetimeValue(input: $input) {
      clients {
        clientName
        paid { amount currency } refunded { amount currency } lifetimeValue { amount currency }
        acquisitionCost { amount currency } valueAfterAcquisition { amount currency }
      }
      totals { currency clients lifetimeValue acquisitionCost valueAfterAcquisition averageLifetimeValue }
    }
  }
`;
const PARETO = /* GraphQL */ `
  query P($input: RevenuePeriodInput!) {
    pareto(input: $input) {
      currency thresholdPercent totalRevenue setSize clientsWithRevenue totalClients setShareOfClientsPercent
      clients { clientName revenue sharePercent cumulativeSharePercent }
    }
  }
`;
const ENGAGEMENT = /* GraphQL */ `
  query E($input: AnalyticsPeriodInput!) {
    engagement(input: $input) { months clients { clientName interactions contactsPerMonth totalMinutes servicesUsed } }
  }
`;
const DEPENDENCY = /* GraphQL */ `
  query D($input: DependencyRiskInput!) {
    dependencyRisk(input: $input) {
      currency totalRevenue thresholdPercent topSharePercent atRisk
      largest { clientName revenue sharePercent }
      top { clientName revenue sharePercent cumulativeSharePercent }
    }
  }
`;
const RECORD_COST = /* GraphQL */ `
  mutation A($input: RecordAcquisitionCostInput!) { recordAcquisitionCost(input: $input) { id clientId amount currency spentOn note } }
`;

let t: TestApp;
let a: AgencyActors;
let m1: { id: string; token: string };
const ids: Record<string, string> = {};
const invoiceOf = new Map<string, string>();

async function sql(statement: string, params: unknown[] = []): Promise<any[]> {
  return t.ds.query(statement, params);
}

/** A payment (or refund) of the client in a currency on a day, against an invoice of that client and currency. */
async function money(agencyId: string, clientId: string, currency: string, amount: string, paidAt: string, kind: 'PAYMENT' | 'REFUND' = 'PAYMENT') {
  const key = `${clientId}/${currency}`;
  let invoiceId = invoiceOf.get(key);
  if (!invoiceId) {
    [{ id: invoiceId }] = await sql(
      `INSERT INTO invoices ("agencyId", "clientId", currency, "dueDate", status, "issuedAt") VALUES ($1, $2, $3, '2025-06-30', 'ISSUED', '2025-06-01T09:00:00Z') RETURNING id`,
      [agencyId, clientId, currency],
    );
    invoiceOf.set(key, invoiceId!);
  }
  await sql(`INSERT INTO payments ("agencyId", "invoiceId", "clientId", kind, amount, "paidAt") VALUES ($1, $2, $3, $4, $5, $6)`, [agencyId, invoiceId, clientId, kind, amount, paidAt]);
}

/** Replaces a client's stage history with `entries` and sets its current stage (and termination) to match. */
async function history(clientId: string, entries: Array<{ stage: string; at: string; terminated?: boolean }>) {
  await sql('DELETE FROM client_stage_changes WHERE "clientId" = $1', [clientId]);
  const [{ agencyId }] = await sql('SELECT "agencyId" FROM clients WHERE id = $1', [clientId]);
  for (const e of entries) {
    await sql(`INSERT INTO client_stage_changes ("agencyId", "clientId", "toStage", terminated, "changedAt") VALUES ($1, $2, $3, $4, $5)`, [
      agencyId,
      clientId,
      e.stage,
      e.terminated ?? false,
      e.at,
    ]);
  }
  const last = entries[entries.length - 1]!;
  await sql('UPDATE clients SET "lifecycleStage" = $2, "stageChangedAt" = $3, "terminatedAt" = $4 WHERE id = $1', [clientId, last.stage, last.at, last.terminated ? last.at : null]);
}

async function wonDeals(agencyId: string, clientId: string, statuses: string[]) {
  for (const status of statuses) {
    await sql(
      `INSERT INTO deals ("agencyId", "clientId", title, stage, "stageEnteredAt", status, "openedAt", "closedAt")
       VALUES ($1, $2, 'Сделка', 'CLOSING', '2025-10-05T09:00:00Z', $3, '2025-10-02T09:00:00Z', '2025-10-05T09:00:00Z')`,
      [agencyId, clientId, status],
    );
  }
}

async function campaign(agencyId: string, clientId: string, channel: string, status: string, startDate: string, endDate: string) {
  const [{ id: channelId }] = await sql('SELECT id FROM campaign_channels WHERE "agencyId" = $1 AND name = $2', [agencyId, channel]);
  await sql(
    `INSERT INTO campaigns ("agencyId", "clientId", "channelId", name, budget, currency, "startDate", "endDate", status) VALUES ($1, $2, $3, 'Кампания', '1000.00', 'RUB', $4, $5, $6)`,
    [agencyId, clientId, channelId, startDate, endDate, status],
  );
}

const D = (days: number, hours = 0) => new Date(Date.UTC(2025, 9, 1) + days * 86_400_000 + hours * 3_600_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  m1 = await createUser(t, a.ownerToken, 'MANAGER');
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) {
    ids[name] = (await createClient(t, a.ownerToken, { name, ownerId: name === 'Alpha' ? m1.id : undefined })).id;
  }
  const archived = await createClient(t, a.ownerToken, { name: 'Archived' });
  await sql('UPDATE clients SET "archivedAt" = now(), "lifecycleStage" = \'LOYALTY\' WHERE id = $1', [archived.id]);
  await sql('DELETE FROM client_stage_changes WHERE "clientId" = $1', [archived.id]);

  // stage history from 1 Oct 2025 (D(0)): Alpha 10 days in ATTRACTION, 20 in INTEREST, then PURCHASE (still);
  // Beta 20 days in ATTRACTION, 20 in INTEREST, then terminated; Gamma, Delta, Epsilon 4 days in ATTRACTION, then EVALUATION (still)
  await history(ids.Alpha!, [
    { stage: 'ATTRACTION', at: D(0) },
    { stage: 'INTEREST', at: D(10) },
    { stage: 'PURCHASE', at: D(30) },
  ]);
  await history(ids.Beta!, [
    { stage: 'ATTRACTION', at: D(0) },
    { stage: 'INTEREST', at: D(20) },
    { stage: 'INTEREST', at: D(40), terminated: true },
  ]);
  for (const name of ['Gamma', 'Delta', 'Epsilon']) {
    await history(ids[name]!, [
      { stage: 'ATTRACTION', at: D(0) },
      { stage: 'EVALUATION', at: D(4) },
    ]);
  }

  // deals: Alpha won 2, Beta won 1, Gamma won 1 and lost 1, Delta only an open one
  await wonDeals(a.agencyId, ids.Alpha!, ['WON', 'WON']);
  await wonDeals(a.agencyId, ids.Beta!, ['WON']);
  await wonDeals(a.agencyId, ids.Gamma!, ['WON', 'LOST']);
  await wonDeals(a.agencyId, ids.Delta!, ['OPEN']);

  // money: Q1 2026 in RUB: Alpha 5000 + 1000 − 1000, Beta 3000, Gamma 1500, Delta 500 (and 10000 on 31 Dec 2025, before);
  // Epsilon 100 EUR (never added to roubles)
  await money(a.agencyId, ids.Alpha!, 'RUB', '5000.00', '2026-01-10');
  await money(a.agencyId, ids.Alpha!, 'RUB', '1000.00', '2026-02-10');
  await money(a.agencyId, ids.Alpha!, 'RUB', '1000.00', '2026-03-31', 'REFUND');
  await money(a.agencyId, ids.Beta!, 'RUB', '3000.00', '2026-01-01');
  await money(a.agencyId, ids.Gamma!, 'RUB', '1500.00', '2026-02-15');
  await money(a.agencyId, ids.Delta!, 'RUB', '500.00', '2026-03-01');
  await money(a.agencyId, ids.Delta!, 'RUB', '10000.00', '2025-12-31');
  await money(a.agencyId, ids.Epsilon!, 'EUR', '100.00', '2026-02-01');
  // the archived client's payment counts in revenue, but not among the clients
  await money(a.agencyId, archived.id, 'RUB', '0.01', '2026-04-01');

  // interactions: Alpha three in Q1 (one at 00:00 on 1 Jan Moscow time), one the minute before; Beta one hour
  await logInteraction(t, a.ownerToken, ids.Alpha!, { occurredAt: '2025-12-31T21:00:00Z', durationMinutes: 30 });
  await logInteraction(t, a.ownerToken, ids.Alpha!, { occurredAt: '2026-02-01T10:00:00Z', durationMinutes: 45 });
  await logInteraction(t, a.ownerToken, ids.Alpha!, { occurredAt: '2026-03-31T20:59:00Z' });
  await logInteraction(t, a.ownerToken, ids.Alpha!, { occurredAt: '2025-12-31T20:59:00Z', durationMinutes: 500 });
  await logInteraction(t, a.ownerToken, ids.Beta!, { occurredAt: '2026-03-01T10:00:00Z', durationMinutes: 60 });

  // campaigns of Alpha: SEO running in Q1, Yandex Direct completed mid-January, Google Ads planned, VK cancelled
  expectOk(await t.gql('{ campaignChannels { id } }', {}, a.ownerToken));
  await campaign(a.agencyId, ids.Alpha!, 'SEO', 'LAUNCHED', '2026-01-01', '2026-06-30');
  await campaign(a.agencyId, ids.Alpha!, 'Яндекс Директ', 'COMPLETED', '2025-10-01', '2026-01-15');
  await campaign(a.agencyId, ids.Alpha!, 'Google Ads', 'PLANNED', '2026-01-01', '2026-06-30');
  await campaign(a.agencyId, ids.Alpha!, 'VK Реклама', 'CANCELLED', '2026-01-01', '2026-06-30');
  await campaign(a.agencyId, ids.Beta!, 'SEO', 'LAUNCHED', '2026-04-01', '2026-06-30');
});

afterAll(async () => {
  await t.close();
});

const Q1 = { from: '2026-01-01', to: '2026-03-31' };

describe('clientLifecycleStats', () => {
  it('counts the clients per stage now and averages the stays of each stage from the history', async () => {
    const s = expectOk(await t.gql(LIFECYCLE, {}, a.ownerToken)).clientLifecycleStats;
    expect(s.activeClients).toBe(4);
    expect(s.terminatedClients).toBe(1);
    const by = Object.fromEntries(s.stages.map((x: any) => [x.stage, x]));
    expect(s.stages.map((x: any) => x.stage)).toEqual(['ATTRACTION', 'INTEREST', 'EVALUATION', 'PURCHASE', 'LOYALTY']);
    // ATTRACTION: 10 + 20 + 4 + 4 + 4 days over 5 stays
    expect(by.ATTRACTION).toEqual({ stage: 'ATTRACTION', clients: 0, stays: 5, averageDaysInStage: 8.4 });
    // INTEREST: Alpha 20 days, Beta 20 days until its termination
    expect(by.INTEREST).toEqual({ stage: 'INTEREST', clients: 0, stays: 2, averageDaysInStage: 20 });
    expect(by.EVALUATION.clients).toBe(3);
    expect(by.EVALUATION.stays).toBe(3);
    // still going: from 5 Oct 2025 to now
    const expected = (Date.now() - Date.parse(D(4))) / 86_400_000;
    expect(Math.abs(by.EVALUATION.averageDaysInStage - expected)).toBeLessThan(0.02);
    expect(by.PURCHASE.clients).toBe(1);
    expect(by.LOYALTY).toEqual({ stage: 'LOYALTY', clients: 0, stays: 0, averageDaysInStage: null });
  });

  it("narrows to one account manager's clients", async () => {
    const s = expectOk(await t.gql(LIFECYCLE, { input: { managerId: m1.id } }, m1.token)).clientLifecycleStats;
    expect(s.managerId).toBe(m1.id);
    expect(s.activeClients).toBe(1);
    const by = Object.fromEntries(s.stages.map((x: any) => [x.stage, x]));
    expect(by.ATTRACTION).toEqual({ stage: 'ATTRACTION', clients: 0, stays: 1, averageDaysInStage: 10 });
    expect(by.PURCHASE.clients).toBe(1);
  });
});

describe('repeatPurchaseShare', () => {
  it('is the clients with more than one won deal among those with at least one', async () => {
    expect(expectOk(await t.gql(REPEAT, {}, a.ownerToken)).repeatPurchaseShare).toEqual({ managerId: null, clientsWithPurchase: 3, repeatClients: 1, sharePercent: 33.33 });
    expect(expectOk(await t.gql(REPEAT, { input: { managerId: m1.id } }, a.ownerToken)).repeatPurchaseShare).toEqual({
      managerId: m1.id,
      clientsWithPurchase: 1,
      repeatClients: 1,
      sharePercent: 100,
    });
  });
});

describe('customerLifetimeValue', () => {
  it('is paid minus refunded per currency, minus the acquisition cost in the same currency', async () => {
    const cost = expectOk(await t.gql(RECORD_COST, { input: { clientId: ids.Alpha, amount: '1200.00', currency: 'RUB', spentOn: '2025-09-20', note: ' Контекст на тендер ' } }, a.ownerToken)).recordAcquisitionCost;
    expect(cost).toMatchObject({ clientId: ids.Alpha, amount: '1200.00', currency: 'RUB', spentOn: '2025-09-20', note: 'Контекст на тендер' });
    expectOk(await t.gql(RECORD_COST, { input: { clientId: ids.Beta, amount: '500', currency: 'EUR', spentOn: '2025-09-21' } }, m1.token));

    const v = expectOk(await t.gql(CLV, {}, a.ownerToken)).customerLifetimeValue;
    const rub = (amount: string) => [{ amount, currency: 'RUB' }];
    const eur = (amount: string) => [{ amount, currency: 'EUR' }];
    expect(v.clients.map((c: any) => c.clientName)).toEqual(['Delta', 'Alpha', 'Beta', 'Gamma', 'Archived', 'Epsilon']);
    const by = Object.fromEntries(v.clients.map((c: any) => [c.clientName, c]));
    expect(by.Alpha).toEqual({
      clientName: 'Alpha',
      paid: rub('6000.00'),
      refunded: rub('1000.00'),
      lifetimeValue: rub('5000.00'),
      acquisitionCost: rub('1200.00'),
      valueAfterAcquisition: rub('3800.00'),
    });
    expect(by.Beta.lifetimeValue).toEqual(rub('3000.00'));
    expect(by.Beta.acquisitionCost).toEqual(eur('500.00'));
    expect(by.Beta.valueAfterAcquisition).toEqual([...rub('3000.00'), ...eur('-500.00')]);
    expect(by.Delta.lifetimeValue).toEqual(rub('10500.00'));
    expect(by.Epsilon.lifetimeValue).toEqual(eur('100.00'));
    expect(v.totals).toEqual([
      { currency: 'RUB', clients: 5, lifetimeValue: '20000.01', acquisitionCost: '1200.00', valueAfterAcquisition: '18800.01', averageLifetimeValue: '4000.00' },
      { currency: 'EUR', clients: 2, lifetimeValue: '100.00', acquisitionCost: '500.00', valueAfterAcquisition: '-400.00', averageLifetimeValue: '50.00' },
    ]);
  });

  it('refuses a cost that is not positive and one for a client it cannot see', async () => {
    expectBadInput(await t.gql(RECORD_COST, { input: { clientId: ids.Alpha, amount: '0.00', currency: 'RUB', spentOn: '2025-09-20' } }, a.ownerToken), 'input.amount');
    expectCode(await t.gql(RECORD_COST, { input: { clientId: MISSING_ID, amount: '1.00', currency: 'RUB', spentOn: '2025-09-20' } }, a.ownerToken), 'NOT_FOUND');
  });
});

describe("a month's acquisition cost", () => {
  it('is shared equally in cents among the clients acquired in that month (agency time zone), leftover cents to the earliest', async () => {
    const p = await registerAgency(t, { timeZone: 'Europe/Moscow' });
    const m = await createUser(t, p.ownerToken, 'MANAGER');
    const c: Record<string, string> = {};
    for (const name of ['P1', 'P2', 'P3', 'P4']) c[name] = (await createClient(t, p.ownerToken, { name, ownerId: name === 'P2' ? m.id : undefined })).id;
    // P4 is acquired at 01:00 on 1 February, Moscow time (still January in UTC)
    const created: Record<string, string> = { P1: '2026-01-05T09:00:00Z', P2: '2026-01-10T09:00:00Z', P3: '2026-01-20T09:00:00Z', P4: '2026-01-31T22:00:00Z' };
    for (const [name, at] of Object.entries(created)) await sql('UPDATE clients SET "createdAt" = $2 WHERE id = $1', [c[name], at]);
    const record = async (input: Record<string, unknown>) => expectOk(await t.gql(RECORD_COST, { input }, p.ownerToken)).recordAcquisitionCost;
    expect(await record({ amount: '100.00', currency: 'RUB', spentOn: '2026-01-15', note: 'Реклама агентства, январь' })).toMatchObject({ clientId: null, amount: '100.00' });
    await record({ amount: '50.00', currency: 'EUR', spentOn: '2026-01-31' });
    await record({ amount: '10.00', currency: 'RUB', spentOn: '2026-02-01' });
    await record({ amount: '7.00', currency: 'RUB', spentOn: '2026-03-10' }); // nobody acquired in March
    await record({ clientId: c.P1, amount: '1.00', currency: 'RUB', spentOn: '2026-01-05' });

    const v = expectOk(await t.gql(CLV, {}, p.ownerToken)).customerLifetimeValue;
    const costs = Object.fromEntries(v.clients.map((x: any) => [x.clientName, x.acquisitionCost]));
    expect(costs).toEqual({
      P1: [{ amount: '34.34', currency: 'RUB' }, { amount: '16.67', currency: 'EUR' }],
      P2: [{ amount: '33.33', currency: 'RUB' }, { amount: '16.67', currency: 'EUR' }],
      P3: [{ amount: '33.33', currency: 'RUB' }, { amount: '16.66', currency: 'EUR' }],
      P4: [{ amount: '10.00', currency: 'RUB' }],
    });
    expect(v.clients.find((x: any) => x.clientName === 'P4').valueAfterAcquisition).toEqual([{ amount: '-10.00', currency: 'RUB' }]);
    expect(v.totals).toEqual([
      { currency: 'RUB', clients: 4, lifetimeValue: '0.00', acquisitionCost: '111.00', valueAfterAcquisition: '-111.00', averageLifetimeValue: '0.00' },
      { currency: 'EUR', clients: 3, lifetimeValue: '0.00', acquisitionCost: '50.00', valueAfterAcquisition: '-50.00', averageLifetimeValue: '0.00' },
    ]);
    // a manager's client keeps its share of the whole month
    const mine = expectOk(await t.gql(CLV, { input: { managerId: m.id } }, m.token)).customerLifetimeValue;
    expect(mine.clients.map((x: any) => [x.clientName, x.acquisitionCost])).toEqual([['P2', [{ amount: '33.33', currency: 'RUB' }, { amount: '16.67', currency: 'EUR' }]]]);
    // and none of it reaches another agency
    const others = expectOk(await t.gql(CLV, {}, a.ownerToken)).customerLifetimeValue;
    expect(others.clients.map((x: any) => x.clientName)).not.toContain('P1');
  });
});

describe('pareto', () => {
  it('finds the smallest set of clients bringing 80 % of the revenue, in one currency', async () => {
    const p = expectOk(await t.gql(PARETO, { input: Q1 }, a.ownerToken)).pareto;
    expect(p).toEqual({
      currency: 'RUB',
      thresholdPercent: 80,
      totalRevenue: '10000.00',
      setSize: 2,
      clientsWithRevenue: 4,
      totalClients: 5,
      setShareOfClientsPercent: 40,
      clients: [
        { clientName: 'Alpha', revenue: '5000.00', sharePercent: 50, cumulativeSharePercent: 50 },
        { clientName: 'Beta', revenue: '3000.00', sharePercent: 30, cumulativeSharePercent: 80 },
      ],
    });
  });

  it('takes the currency asked for and refuses a reversed period', async () => {
    const p = expectOk(await t.gql(PARETO, { input: { ...Q1, currency: 'EUR' } }, a.ownerToken)).pareto;
    expect(p).toMatchObject({ currency: 'EUR', totalRevenue: '100.00', setSize: 1, clients: [{ clientName: 'Epsilon', sharePercent: 100 }] });
    expectBadInput(await t.gql(PARETO, { input: { from: '2026-03-31', to: '2026-01-01' } }, a.ownerToken), 'input.to');
  });
});

describe('dependencyRisk', () => {
  it("flags the largest client's share above 25 % and lists the top N", async () => {
    const d = expectOk(await t.gql(DEPENDENCY, { input: { ...Q1, topN: 3 } }, a.ownerToken)).dependencyRisk;
    expect(d).toEqual({
      currency: 'RUB',
      totalRevenue: '10000.00',
      thresholdPercent: 25,
      topSharePercent: 95,
      atRisk: true,
      largest: { clientName: 'Alpha', revenue: '5000.00', sharePercent: 50 },
      top: [
        { clientName: 'Alpha', revenue: '5000.00', sharePercent: 50, cumulativeSharePercent: 50 },
        { clientName: 'Beta', revenue: '3000.00', sharePercent: 30, cumulativeSharePercent: 80 },
        { clientName: 'Gamma', revenue: '1500.00', sharePercent: 15, cumulativeSharePercent: 95 },
      ],
    });
  });

  it('has nothing to flag without revenue', async () => {
    const d = expectOk(await t.gql(DEPENDENCY, { input: { from: '2024-01-01', to: '2024-12-31' } }, a.ownerToken)).dependencyRisk;
    expect(d).toMatchObject({ totalRevenue: '0.00', largest: null, top: [], topSharePercent: null, atRisk: false });
  });
});

describe('engagement', () => {
  it('counts contacts per month, minutes and services over the local days of the period', async () => {
    const e = expectOk(await t.gql(ENGAGEMENT, { input: Q1 }, a.ownerToken)).engagement;
    // 90 days / 30.4375
    expect(e.months).toBe(2.96);
    expect(e.clients).toEqual([
      // 3 contacts × 30.4375 / 90 days; SEO and Yandex Direct overlap Q1 (planned and cancelled ones do not count)
      { clientName: 'Alpha', interactions: 3, contactsPerMonth: 1.01, totalMinutes: 75, servicesUsed: 2 },
      { clientName: 'Beta', interactions: 1, contactsPerMonth: 0.34, totalMinutes: 60, servicesUsed: 0 },
      { clientName: 'Delta', interactions: 0, contactsPerMonth: 0, totalMinutes: 0, servicesUsed: 0 },
      { clientName: 'Epsilon', interactions: 0, contactsPerMonth: 0, totalMinutes: 0, servicesUsed: 0 },
      { clientName: 'Gamma', interactions: 0, contactsPerMonth: 0, totalMinutes: 0, servicesUsed: 0 },
    ]);
  });
});

describe("one account manager's clients", () => {
  it('narrow the money and engagement figures to that manager', async () => {
    const v = expectOk(await t.gql(CLV, { input: { managerId: m1.id } }, m1.token)).customerLifetimeValue;
    expect(v.clients.map((c: any) => c.clientName)).toEqual(['Alpha']);
    const p = expectOk(await t.gql(PARETO, { input: { ...Q1, managerId: m1.id } }, m1.token)).pareto;
    expect(p).toMatchObject({ totalRevenue: '5000.00', setSize: 1, totalClients: 1, setShareOfClientsPercent: 100 });
    const e = expectOk(await t.gql(ENGAGEMENT, { input: { ...Q1, managerId: m1.id } }, m1.token)).engagement;
    expect(e.clients.map((c: any) => c.clientName)).toEqual(['Alpha']);
  });
});

describe('churn', () => {
  let c: AgencyActors;
  beforeAll(async () => {
    c = await registerAgency(t, { timeZone: 'Europe/Moscow' });
    const k: Record<string, string> = {};
    for (const name of ['K1', 'K2', 'K3', 'K4', 'K5', 'K6']) k[name] = (await createClient(t, c.ownerToken, { name })).id;
    // K6: quiet since September, back at 02:00 on 1 February Moscow time: not active at the start of February, active at its end
    await sql(`UPDATE clients SET "createdAt" = '2025-09-01T09:00:00Z' WHERE id = $1`, [k.K6]);
    await logInteraction(t, c.ownerToken, k.K6!, { occurredAt: '2026-01-31T23:00:00Z' });
    await sql(`UPDATE clients SET "createdAt" = '2025-09-01T09:00:00Z' WHERE id = ANY($1)`, [[k.K1, k.K2, k.K3, k.K5]]);
    await sql(`UPDATE clients SET "createdAt" = '2026-01-15T09:00:00Z' WHERE id = $1`, [k.K4]);
    // K1 in touch every month; K2 last seen 20 Nov; K3 seen 1 Dec and 10 Jan, terminated 20 Jan; K4 new in January, quiet; K5 never active
    for (const at of ['2025-12-15', '2026-01-15', '2026-02-15', '2026-03-15']) await logInteraction(t, c.ownerToken, k.K1!, { occurredAt: `${at}T09:00:00Z` });
    await logInteraction(t, c.ownerToken, k.K2!, { occurredAt: '2025-11-20T09:00:00Z' });
    await logInteraction(t, c.ownerToken, k.K3!, { occurredAt: '2025-12-01T09:00:00Z' });
    await logInteraction(t, c.ownerToken, k.K3!, { occurredAt: '2026-01-10T09:00:00Z' });
    await sql(`UPDATE clients SET "terminatedAt" = '2026-01-20T09:00:00Z' WHERE id = $1`, [k.K3]);
  });

  it('is churned / active at the start of each month (terminated or 90 days quiet)', async () => {
    const r = expectOk(await t.gql(CHURN, { input: Q1 }, c.ownerToken)).churn;
    expect(r).toMatchObject({ granularity: 'MONTH', inactivityDays: 90, timeZone: 'Europe/Moscow' });
    expect(r.periods).toEqual([
      { from: '2026-01-01', to: '2026-01-31', activeAtStart: 3, churned: 1, terminated: 1, inactive: 0, ratePercent: 33.33 },
      { from: '2026-02-01', to: '2026-02-28', activeAtStart: 3, churned: 1, terminated: 0, inactive: 1, ratePercent: 33.33 },
      // K6 came back in February: active at the start of March
      { from: '2026-03-01', to: '2026-03-31', activeAtStart: 3, churned: 0, terminated: 0, inactive: 0, ratePercent: 0 },
    ]);
  });

  it('takes quarters, and the first one starts on the day asked for', async () => {
    const r = expectOk(await t.gql(CHURN, { input: { ...Q1, granularity: 'QUARTER' } }, c.ownerToken)).churn;
    expect(r.periods).toEqual([{ from: '2026-01-01', to: '2026-03-31', activeAtStart: 3, churned: 2, terminated: 1, inactive: 1, ratePercent: 66.67 }]);
    const late = expectOk(await t.gql(CHURN, { input: { from: '2026-02-10', to: '2026-03-05' } }, c.ownerToken)).churn;
    expect(late.periods.map((p: any) => [p.from, p.to])).toEqual([
      ['2026-02-10', '2026-02-28'],
      ['2026-03-01', '2026-03-05'],
    ]);
  });

  it('shows another agency none of these clients', async () => {
    const r = expectOk(await t.gql(CHURN, { input: Q1 }, a.ownerToken)).churn;
    expect(r.periods.every((p: any) => p.activeAtStart <= 5)).toBe(true);
    const v = expectOk(await t.gql(CLV, {}, c.ownerToken)).customerLifetimeValue;
    expect(v).toEqual({ clients: [], totals: [] });
    const p = expectOk(await t.gql(PARETO, { input: Q1 }, c.ownerToken)).pareto;
    expect(p).toMatchObject({ totalRevenue: '0.00', clients: [], totalClients: 6 });
    expectCode(await t.gql(RECORD_COST, { input: { clientId: ids.Alpha, amount: '1.00', currency: 'RUB', spentOn: '2025-09-20' } }, c.ownerToken), 'NOT_FOUND');
    const e = expectOk(await t.gql(ENGAGEMENT, { input: Q1 }, c.ownerToken)).engagement;
    expect(e.clients.map((x: any) => x.clientName).sort()).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
  });
});

describe('portal users', () => {
  it('are refused every analytics query and the acquisition cost', async () => {
    const portal = await createUser(t, a.ownerToken, 'CLIENT', ids.Alpha);
    const calls: Array<[string, Record<string, unknown>]> = [
      [LIFECYCLE, {}],
      [REPEAT, {}],
      [CHURN, { input: Q1 }],
      [CLV, {}],
      [PARETO, { input: Q1 }],
      [ENGAGEMENT, { input: Q1 }],
      [DEPENDENCY, { input: Q1 }],
      [RECORD_COST, { input: { clientId: ids.Alpha, amount: '1.00', currency: 'RUB', spentOn: '2025-09-20' } }],
    ];
    for (const [query, variables] of calls) expectCode(await t.gql(query, variables, portal.token), 'FORBIDDEN');
    const [{ n }] = await sql('SELECT COUNT(*)::int AS n FROM acquisition_costs WHERE "clientId" = $1', [ids.Alpha]);
    expect(n).toBe(1);
  });
});
