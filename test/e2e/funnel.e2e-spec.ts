/**
 * The sales funnel on a small deterministic data set. Deals are built through the API, then
 * their stage changes and timestamps are pinned with SQL to fixed instants, so every number below
 * is exact and written out by hand.
 *
 * The agency is in Europe/Moscow (UTC+3, no DST): February 2026 runs from
 * 2026-01-31T21:00:00Z (inclusive) to 2026-02-28T21:00:00Z (exclusive).
 */
import { startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createUser, registerAgency } from '../support/factories';
import { expectOk } from '../support/expect';

const FUNNEL = /* GraphQL */ `
  query Funnel($input: FunnelInput!) {
    funnel(input: $input) {
      from to timeZone periodStart periodEnd managerId
      stages { stage entered passed lost conversionToNext averageSecondsInStage lossesByReason { reason count } }
      totals { dealsOpened won lost winRate }
    }
  }
`;

const CREATE_DEAL = /* GraphQL */ `
  mutation CreateDeal($input: CreateDealInput!) { createDeal(input: $input) { id stage } }
`;
const MOVE_DEAL = /* GraphQL */ `
  mutation MoveDeal($input: MoveDealInput!) { moveDeal(input: $input) { __typename ... on Deal { stage } } }
`;
const CLOSE_DEAL = /* GraphQL */ `
  mutation CloseDeal($input: CloseDealInput!) { closeDeal(input: $input) { __typename ... on Deal { stage status } } }
`;

type Step = { stage: string; at: string } | { outcome: 'WON' | 'LOST'; reason?: string; at: string };

let t: TestApp;
let a: AgencyActors;
let m1: { id: string; token: string };
let m2: { id: string; token: string };
let clientId: string;

/**
 * Builds a deal through the API along `steps`, then pins every stage change, openedAt,
 * stageEnteredAt and closedAt to the steps' instants.
 */
async function buildDeal(managerId: string, steps: Step[]): Promise<string> {
  const [first, ...rest] = steps as [{ stage: string; at: string }, ...Step[]];
  const deal = expectOk(await t.gql(CREATE_DEAL, { input: { clientId, title: 'Сделка', managerId, stage: first.stage } }, a.ownerToken)).createDeal;
  const changeTimes = [first.at];
  let stage = first.stage;
  let closedAt: string | null = null;
  for (const step of rest) {
    if ('stage' in step) {
      const moved = expectOk(await t.gql(MOVE_DEAL, { input: { id: deal.id, stage: step.stage } }, a.ownerToken)).moveDeal;
      expect(moved).toEqual({ __typename: 'Deal', stage: step.stage });
      stage = step.stage;
      changeTimes.push(step.at);
    } else {
      const closed = expectOk(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: step.outcome, reason: step.reason } }, a.ownerToken)).closeDeal;
      expect(closed.__typename).toBe('Deal');
      // winning from DELIVERY enters CLOSING in the same instant
      if (step.outcome === 'WON' && stage !== 'CLOSING') changeTimes.push(step.at);
      closedAt = step.at;
    }
  }
  const changes: Array<{ id: string }> = await t.ds.query(
    'SELECT id FROM deal_stage_changes WHERE "dealId" = $1 ORDER BY "changedAt", "createdAt", id',
    [deal.id],
  );
  expect(changes).toHaveLength(changeTimes.length);
  for (const [i, c] of changes.entries()) {
    await t.ds.query('UPDATE deal_stage_changes SET "changedAt" = $2 WHERE id = $1', [c.id, changeTimes[i]]);
  }
  await t.ds.query('UPDATE deals SET "openedAt" = $2, "stageEnteredAt" = $3, "closedAt" = $4 WHERE id = $1', [
    deal.id,
    first.at,
    changeTimes[changeTimes.length - 1],
    closedAt,
  ]);
  return deal.id;
}

async function funnel(input: Record<string, unknown>, token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(FUNNEL, { input }, token)).funnel;
}

/** Compact rows: [stage, entered, passed, lost, conversionToNext, averageSecondsInStage]. */
function rows(f: any): Array<[string, number, number, number, number | null, number | null]> {
  return f.stages.map((s: any) => [s.stage, s.entered, s.passed, s.lost, s.conversionToNext, s.averageSecondsInStage]);
}

function losses(f: any): Record<string, Array<{ reason: string; count: number }>> {
  return Object.fromEntries(f.stages.filter((s: any) => s.lossesByReason.length).map((s: any) => [s.stage, s.lossesByReason]));
}

const DAY = 86400;

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  m1 = await createUser(t, a.ownerToken, 'MANAGER');
  m2 = await createUser(t, a.ownerToken, 'MANAGER');
  clientId = (await createClient(t, a.ownerToken)).id;

  // D1 (m1): the straight path, won from DELIVERY on 10 Feb (CLOSING entered and won in one instant)
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-02-02T07:00:00Z' },
    { stage: 'PROPOSAL', at: '2026-02-03T07:00:00Z' },
    { stage: 'CONTRACT', at: '2026-02-05T07:00:00Z' },
    { stage: 'PAYMENT', at: '2026-02-06T07:00:00Z' },
    { stage: 'DELIVERY', at: '2026-02-08T07:00:00Z' },
    { outcome: 'WON', at: '2026-02-10T07:00:00Z' },
  ]);
  // D2 (m1): no proposal needed, lost at CONTRACT for PRICE after 3 days
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-02-03T07:00:00Z' },
    { stage: 'CONTRACT', at: '2026-02-04T07:00:00Z' },
    { outcome: 'LOST', reason: 'PRICE', at: '2026-02-07T07:00:00Z' },
  ]);
  // D3 (m2): opened 1 Feb 00:30 Moscow time (still 31 Jan in UTC), lost at PRESENTATION 6 h later
  await buildDeal(m2.id, [
    { stage: 'PRESENTATION', at: '2026-01-31T21:30:00Z' },
    { outcome: 'LOST', reason: 'NO_NEED', at: '2026-02-01T03:30:00Z' },
  ]);
  // D4 (m2): opened 31 Jan 23:30 Moscow (outside); PROPOSAL on 1 Feb 23:30 Moscow, refused: back to PRESENTATION, still open
  await buildDeal(m2.id, [
    { stage: 'PRESENTATION', at: '2026-01-31T20:30:00Z' },
    { stage: 'PROPOSAL', at: '2026-02-01T20:30:00Z' },
    { stage: 'PRESENTATION', at: '2026-02-02T20:30:00Z' },
  ]);
  // D5 (m1): PROPOSAL on 21 Feb, lost on 2 March (outside the period) after 9 days
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-02-20T07:00:00Z' },
    { stage: 'PROPOSAL', at: '2026-02-21T07:00:00Z' },
    { outcome: 'LOST', reason: 'COMPETITOR', at: '2026-03-02T07:00:00Z' },
  ]);
  // D6 (m2): opened on the very last second of February, Moscow time; open
  await buildDeal(m2.id, [{ stage: 'PRESENTATION', at: '2026-02-28T20:59:59Z' }]);
  // D7 (m1): opened at 00:00 on 1 March, Moscow time (outside); open
  await buildDeal(m1.id, [{ stage: 'PRESENTATION', at: '2026-02-28T21:00:00Z' }]);
  // D8 (m1): entered everything in January, lost at PROPOSAL on 12 Feb for PRICE
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-01-10T07:00:00Z' },
    { stage: 'PROPOSAL', at: '2026-01-15T07:00:00Z' },
    { outcome: 'LOST', reason: 'PRICE', at: '2026-02-12T07:00:00Z' },
  ]);
  // D9 (m1): post-payment — DELIVERY before PAYMENT, then CLOSING, won from CLOSING on 16 Feb
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-02-10T07:00:00Z' },
    { stage: 'CONTRACT', at: '2026-02-11T07:00:00Z' },
    { stage: 'DELIVERY', at: '2026-02-12T07:00:00Z' },
    { stage: 'PAYMENT', at: '2026-02-14T07:00:00Z' },
    { stage: 'CLOSING', at: '2026-02-15T07:00:00Z' },
    { outcome: 'WON', at: '2026-02-16T07:00:00Z' },
  ]);
  // D10 (m2): lost at PRESENTATION for PRICE after 1 day
  await buildDeal(m2.id, [
    { stage: 'PRESENTATION', at: '2026-02-05T07:00:00Z' },
    { outcome: 'LOST', reason: 'PRICE', at: '2026-02-06T07:00:00Z' },
  ]);
  // D11 (m1): lost at PRESENTATION, NO_NEED, after 12 h
  await buildDeal(m1.id, [
    { stage: 'PRESENTATION', at: '2026-02-06T07:00:00Z' },
    { outcome: 'LOST', reason: 'NO_NEED', at: '2026-02-06T19:00:00Z' },
  ]);
});
afterAll(() => t?.close());

describe('funnel', () => {
  it('counts February exactly, with the period in the agency time zone', async () => {
    const f = await funnel({ from: '2026-02-01', to: '2026-02-28' });
    expect(f).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      timeZone: 'Europe/Moscow',
      periodStart: '2026-01-31T21:00:00.000Z',
      periodEnd: '2026-02-28T21:00:00.000Z',
      managerId: null,
    });
    // PRESENTATION entered: D1 D2 D3 D4(re-entry) D5 D6 D9 D10 D11 = 9; passed: D1 D2 D5 D9 = 4.
    //   stays ended: D1 1d, D2 1d, D3 6h, D5 1d, D9 1d, D10 1d, D11 12h = 496800 s / 7.
    // PROPOSAL entered: D1 D4 D5; passed: D1 (D4 went back, D5 lost); stays 2d + 1d + 9d (D5 ended by its loss in March).
    // CONTRACT entered: D1 D2 D9; passed: D1 D9; stays 1d + 3d (D2 ended by its loss) + 1d.
    // PAYMENT: D1 D9, both later reached DELIVERY/CLOSING; stays 2d + 1d.
    // DELIVERY: D1 D9; stays 2d + 2d.  CLOSING: D1 D9, both WON; D1's CLOSING lasted 0 s (won from DELIVERY), D9's 1d.
    expect(rows(f)).toEqual([
      ['PRESENTATION', 9, 4, 3, 44.44, 70971.43],
      ['PROPOSAL', 3, 1, 1, 33.33, (12 * DAY) / 3],
      ['CONTRACT', 3, 2, 1, 66.67, (5 * DAY) / 3],
      ['PAYMENT', 2, 2, 0, 100, (3 * DAY) / 2],
      ['DELIVERY', 2, 2, 0, 100, 2 * DAY],
      ['CLOSING', 2, 2, 0, 100, DAY],
    ]);
    // lost is counted on the same cohort as entered: of the deals that entered the stage in February,
    // those lost at it (whenever): D3 (NO_NEED), D10 (PRICE), D11 (NO_NEED) at PRESENTATION; D5
    // (COMPETITOR, lost in March) at PROPOSAL; D2 (PRICE) at CONTRACT. D8 entered PROPOSAL in January.
    expect(losses(f)).toEqual({
      PRESENTATION: [
        { reason: 'NO_NEED', count: 2 },
        { reason: 'PRICE', count: 1 },
      ],
      PROPOSAL: [{ reason: 'COMPETITOR', count: 1 }],
      CONTRACT: [{ reason: 'PRICE', count: 1 }],
    });
    // opened: D1 D2 D3 D5 D6 D9 D10 D11 (D4 and D8 in January, D7 in March); of them won D1 D9, lost D2 D3 D5 D10 D11.
    expect(f.totals).toEqual({ dealsOpened: 8, won: 2, lost: 5, winRate: 28.57 });
  });

  it('splits the funnel by manager', async () => {
    const f1 = await funnel({ from: '2026-02-01', to: '2026-02-28', managerId: m1.id });
    expect(f1.managerId).toBe(m1.id);
    // m1: D1 D2 D5 D7 D8 D9 D11
    expect(rows(f1)).toEqual([
      ['PRESENTATION', 5, 4, 1, 80, (4 * DAY + DAY / 2) / 5],
      ['PROPOSAL', 2, 1, 1, 50, (2 * DAY + 9 * DAY) / 2],
      ['CONTRACT', 3, 2, 1, 66.67, (5 * DAY) / 3],
      ['PAYMENT', 2, 2, 0, 100, (3 * DAY) / 2],
      ['DELIVERY', 2, 2, 0, 100, 2 * DAY],
      ['CLOSING', 2, 2, 0, 100, DAY],
    ]);
    expect(losses(f1)).toEqual({
      PRESENTATION: [{ reason: 'NO_NEED', count: 1 }],
      PROPOSAL: [{ reason: 'COMPETITOR', count: 1 }],
      CONTRACT: [{ reason: 'PRICE', count: 1 }],
    });
    expect(f1.totals).toEqual({ dealsOpened: 5, won: 2, lost: 3, winRate: 40 });

    // m2: D3 D4 D6 D10
    const f2 = await funnel({ from: '2026-02-01', to: '2026-02-28', managerId: m2.id });
    expect(rows(f2)).toEqual([
      ['PRESENTATION', 4, 0, 2, 0, (DAY / 4 + DAY) / 2],
      ['PROPOSAL', 1, 0, 0, 0, DAY],
      ['CONTRACT', 0, 0, 0, null, null],
      ['PAYMENT', 0, 0, 0, null, null],
      ['DELIVERY', 0, 0, 0, null, null],
      ['CLOSING', 0, 0, 0, null, null],
    ]);
    // a tie is listed in the order of the RejectionReason enum
    expect(losses(f2)).toEqual({
      PRESENTATION: [
        { reason: 'PRICE', count: 1 },
        { reason: 'NO_NEED', count: 1 },
      ],
    });
    expect(f2.totals).toEqual({ dealsOpened: 3, won: 0, lost: 2, winRate: 0 });
  });

  it('takes one local day from its local midnight to the next', async () => {
    // 1 Feb, Moscow: D3 entered (00:30) and was lost (06:30); D4 entered PROPOSAL at 23:30 (its stay ended on 2 Feb)
    const f = await funnel({ from: '2026-02-01', to: '2026-02-01' });
    expect(f.periodStart).toBe('2026-01-31T21:00:00.000Z');
    expect(f.periodEnd).toBe('2026-02-01T21:00:00.000Z');
    expect(rows(f)).toEqual([
      ['PRESENTATION', 1, 0, 1, 0, DAY / 4],
      ['PROPOSAL', 1, 0, 0, 0, DAY],
      ['CONTRACT', 0, 0, 0, null, null],
      ['PAYMENT', 0, 0, 0, null, null],
      ['DELIVERY', 0, 0, 0, null, null],
      ['CLOSING', 0, 0, 0, null, null],
    ]);
    expect(f.totals).toEqual({ dealsOpened: 1, won: 0, lost: 1, winRate: 0 });

    // 28 Feb, Moscow: only D6 (23:59:59); D7 opened at 00:00 on 1 March
    const last = await funnel({ from: '2026-02-28', to: '2026-02-28' });
    expect(last.stages[0]).toMatchObject({ stage: 'PRESENTATION', entered: 1, passed: 0, averageSecondsInStage: null });
    expect(last.totals).toEqual({ dealsOpened: 1, won: 0, lost: 0, winRate: null });
  });

  it('counts entered and lost on one cohort: a loss belongs to the period the deal entered the stage', async () => {
    // January: D4 and D8 entered PRESENTATION, D8 entered PROPOSAL (15 Jan) and was lost there in February
    const jan = await funnel({ from: '2026-01-01', to: '2026-01-31' });
    expect(rows(jan).slice(0, 2)).toEqual([
      ['PRESENTATION', 2, 2, 0, 100, 3 * DAY],
      ['PROPOSAL', 1, 0, 1, 0, 28 * DAY],
    ]);
    expect(losses(jan)).toEqual({ PROPOSAL: [{ reason: 'PRICE', count: 1 }] });
    expect(jan.totals).toEqual({ dealsOpened: 2, won: 0, lost: 1, winRate: 0 });
    // whatever the period, no stage loses more deals than entered it, and the totals add up
    for (const period of [jan, await funnel({ from: '2026-02-01', to: '2026-02-28' }), await funnel({ from: '2026-02-01', to: '2026-02-10' })]) {
      for (const s of period.stages) expect(s.lost + s.passed).toBeLessThanOrEqual(s.entered);
      expect(period.totals.won + period.totals.lost).toBeLessThanOrEqual(period.totals.dealsOpened);
    }
  });

  it('is empty for a period without deals and for another agency', async () => {
    const empty = await funnel({ from: '2025-06-01', to: '2025-06-30' });
    expect(empty.stages.every((s: any) => s.entered === 0 && s.lost === 0 && s.conversionToNext === null)).toBe(true);
    expect(empty.totals).toEqual({ dealsOpened: 0, won: 0, lost: 0, winRate: null });

    const b = await registerAgency(t, { timeZone: 'Europe/Moscow' });
    const other = expectOk(await t.gql(FUNNEL, { input: { from: '2026-02-01', to: '2026-02-28' } }, b.ownerToken)).funnel;
    expect(other.stages.every((s: any) => s.entered === 0 && s.passed === 0 && s.lost === 0 && s.lossesByReason.length === 0)).toBe(true);
    expect(other.totals).toEqual({ dealsOpened: 0, won: 0, lost: 0, winRate: null });
  });

  it('refuses a reversed or malformed period with BAD_USER_INPUT', async () => {
    const reversed = await t.gql(FUNNEL, { input: { from: '2026-02-28', to: '2026-02-01' } }, a.ownerToken);
    expect(reversed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(reversed.body.errors?.[0].extensions?.fields).toEqual([{ path: 'input.to', message: expect.any(String) }]);
    const malformed = await t.gql(FUNNEL, { input: { from: '2026-13-01', to: '2026-02-01' } }, a.ownerToken);
    expect(malformed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badManager = await t.gql(FUNNEL, { input: { from: '2026-02-01', to: '2026-02-01', managerId: 'x' } }, a.ownerToken);
    expect(badManager.body.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'input.managerId' })]);
  });

  it('is for agency staff only: a manager may read it, a portal user gets FORBIDDEN', async () => {
    const f = expectOk(await t.gql(FUNNEL, { input: { from: '2026-02-01', to: '2026-02-28' } }, m2.token)).funnel;
    expect(f.totals.dealsOpened).toBe(8);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', clientId);
    const res = await t.gql(FUNNEL, { input: { from: '2026-02-01', to: '2026-02-28' } }, portal.token);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
  });
});
