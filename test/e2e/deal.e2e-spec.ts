/**
 * Deals as an API client sees them: createDeal / moveDeal / closeDeal through the transition map,
 * the history and time in stages, the deals connection, deviations and their control points, and
 * what the database holds after every refused request. Another agency and portal users see nothing.
 */
import type { AuthedContext } from '../../src/context';
import { DealStage, UserRole } from '../../src/entities/enums';
import { contextFor } from '../support/context';
import { advanceDealIfAllowed } from '../../src/services/deal.service';
import { withTransaction } from '../../src/services/scope';
import { CountingLogger, GqlResponse, startTestApp, TestApp } from '../support/app';
import { UPDATE_CLIENT } from '../support/documents';
import { AgencyActors, createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const DEAL_FIELDS = /* GraphQL */ `
  fragment DealFields on Deal {
    id clientId title product amount currency managerId stage status stageEnteredAt openedAt closedAt
    lostAtStage lossReason closeNote createdAt updatedAt
    client { id name }
    manager { id email }
    history { id from to changedAt note actor { id email } }
    timeInStages { stage seconds }
  }
`;

const DEVIATION_FIELDS = /* GraphQL */ `
  fragment DeviationFields on DealDeviation {
    id dealId clientId kind dueOn resolvedAt note amount causes createdAt
    approvers { name position decision comment decidedAt }
  }
`;

const ILLEGAL = /* GraphQL */ `
  fragment Illegal on IllegalTransitionError { code message entity from to }
`;

const CREATE_DEAL = /* GraphQL */ `
  mutation CreateDeal($input: CreateDealInput!) { createDeal(input: $input) { ...DealFields } }
  ${DEAL_FIELDS}
`;

const MOVE_DEAL = /* GraphQL */ `
  mutation MoveDeal($input: MoveDealInput!) {
    moveDeal(input: $input) { __typename ...DealFields ...Illegal }
  }
  ${DEAL_FIELDS}
  ${ILLEGAL}
`;

const CLOSE_DEAL = /* GraphQL */ `
  mutation CloseDeal($input: CloseDealInput!) {
    closeDeal(input: $input) { __typename ...DealFields ...Illegal }
  }
  ${DEAL_FIELDS}
  ${ILLEGAL}
`;

const GET_DEAL = /* GraphQL */ `
  query GetDeal($id: ID!) { deal(id: $id) { ...DealFields deviations { ...DeviationFields } } }
  ${DEAL_FIELDS}
  ${DEVIATION_FIELDS}
`;

const LIST_DEALS = /* GraphQL */ `
  query ListDeals($first: Int, $after: String, $filter: DealFilter) {
    deals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id title stage status managerId clientId } }
    }
  }
`;

const RECORD_DEVIATION = /* GraphQL */ `
  mutation RecordDealDeviation($input: RecordDealDeviationInput!) { recordDealDeviation(input: $input) { ...DeviationFields } }
  ${DEVIATION_FIELDS}
`;

const RESOLVE_DEVIATION = /* GraphQL */ `
  mutation ResolveDealDeviation($input: ResolveDealDeviationInput!) { resolveDealDeviation(input: $input) { ...DeviationFields } }
  ${DEVIATION_FIELDS}
`;

const DECIDE_APPROVAL = /* GraphQL */ `
  mutation DecideDealApproval($input: DecideDealApprovalInput!) {
    decideDealApproval(input: $input) { __typename ...DeviationFields ...Illegal }
  }
  ${DEVIATION_FIELDS}
  ${ILLEGAL}
`;

const GET_DEVIATION = /* GraphQL */ `
  query GetDealDeviation($id: ID!) { dealDeviation(id: $id) { ...DeviationFields } }
  ${DEVIATION_FIELDS}
`;

const CONTROL_POINTS = /* GraphQL */ `
  query DealControlPoints($filter: ControlPointFilter, $first: Int) {
    controlPoints(filter: $filter, first: $first) {
      totalCount
      edges { node { kind dueOn overdue clientId objectType objectId title managerId } }
    }
  }
`;

const FUNNEL = /* GraphQL */ `
  query Funnel($input: FunnelInput!) { funnel(input: $input) { from to stages { stage entered } } }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

async function createDeal(token: string, input: Record<string, unknown>): Promise<any> {
  return expectOk(await t.gql(CREATE_DEAL, { input: { title: 'Контекстная реклама', ...input } }, token)).createDeal;
}

async function move(token: string, id: string, stage: string, note?: string): Promise<any> {
  return expectOk(await t.gql(MOVE_DEAL, { input: { id, stage, note } }, token)).moveDeal;
}

async function close(token: string, id: string, outcome: 'WON' | 'LOST', reason?: string, note?: string): Promise<any> {
  return expectOk(await t.gql(CLOSE_DEAL, { input: { id, outcome, reason, note } }, token)).closeDeal;
}

async function readDeal(token: string, id: string): Promise<any> {
  const deal = expectOk(await t.gql(GET_DEAL, { id }, token)).deal;
  expect(deal).not.toBeNull();
  return deal;
}

/** What the database holds for a deal: the state a refused request must not change. */
async function dbState(id: string): Promise<any> {
  const [deal] = await t.ds.query(
    `SELECT stage, status, "closedAt", "lostAtStage", "lossReason", "closeNote", "updatedAt",
            (SELECT count(*)::int FROM deal_stage_changes WHERE "dealId" = d.id) AS changes,
            (SELECT count(*)::int FROM deal_deviations WHERE "dealId" = d.id) AS deviations
       FROM deals d WHERE id = $1`,
    [id],
  );
  return deal;
}

async function dealCount(agencyId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM deals WHERE "agencyId" = $1', [agencyId]);
  return rows[0].n;
}

async function controlPoints(token: string, filter: Record<string, unknown>): Promise<any[]> {
  const data = expectOk(await t.gql(CONTROL_POINTS, { filter, first: 100 }, token));
  return data.controlPoints.edges.map((e: any) => e.node);
}

// ---------------------------------------------------------------------------------------------

describe('createDeal', () => {
  let a: AgencyActors;
  let manager: { id: string; email: string; token: string };
  let client: any;
  beforeAll(async () => {
    a = await registerAgency(t);
    manager = await createUser(t, a.ownerToken, 'MANAGER');
    client = await createClient(t, a.ownerToken, { ownerId: manager.id });
  });

  it('opens a deal at PRESENTATION with an exact amount, the client owner as manager and the creation in the history', async () => {
    const before = Date.now();
    const deal = await createDeal(a.ownerToken, {
      clientId: client.id,
      title: '  Контекстная реклама, 3 месяца  ',
      product: 'Яндекс Директ',
      amount: '350000.50',
      currency: 'RUB',
    });
    expect(deal).toMatchObject({
      clientId: client.id,
      title: 'Контекстная реклама, 3 месяца',
      product: 'Яндекс Директ',
      amount: '350000.50',
      currency: 'RUB',
      managerId: manager.id,
      manager: { id: manager.id, email: manager.email },
      client: { id: client.id, name: client.name },
      stage: 'PRESENTATION',
      status: 'OPEN',
      closedAt: null,
      lostAtStage: null,
      lossReason: null,
      closeNote: null,
    });
    expect(deal.stageEnteredAt).toBe(deal.openedAt);
    expect(Date.parse(deal.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(deal.history).toEqual([
      { id: expect.any(String), from: null, to: 'PRESENTATION', changedAt: deal.openedAt, note: null, actor: { id: a.ownerId, email: a.ownerEmail } },
    ]);
    expect(deal.timeInStages).toEqual([{ stage: 'PRESENTATION', seconds: expect.any(Number) }]);

    const rows = await t.ds.query('SELECT amount::text AS amount, "agencyId" FROM deals WHERE id = $1', [deal.id]);
    expect(rows[0]).toEqual({ amount: '350000.50', agencyId: a.agencyId });
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.amount).toBe('350000.50');
    expect(back.history).toHaveLength(1);
  });

  it("takes the agency's default currency for an amount without one, an explicit manager and an explicit first stage", async () => {
    const other = await createUser(t, a.ownerToken, 'MANAGER');
    const deal = await createDeal(manager.token, { clientId: client.id, amount: '1000', managerId: other.id, stage: 'CONTRACT' });
    expect(deal).toMatchObject({ currency: 'RUB', managerId: other.id, stage: 'CONTRACT', status: 'OPEN' });
    expect(deal.amount).toBe('1000.00');
    expect(deal.history).toEqual([expect.objectContaining({ from: null, to: 'CONTRACT', actor: { id: manager.id, email: manager.email } })]);
  });

  it('leaves the manager empty when neither given nor owned by anyone', async () => {
    // a new client gets its creator as owner: clear it to have an unowned one
    const unowned = await createClient(t, a.ownerToken);
    const cleared = await t.gql(UPDATE_CLIENT, { input: { id: unowned.id, ownerId: null } }, a.ownerToken);
    expect(cleared.body.data.updateClient.owner).toBeNull();
    const deal = await createDeal(a.ownerToken, { clientId: unowned.id });
    expect(deal).toMatchObject({ managerId: null, manager: null, amount: null, currency: null });
  });

  it.each([
    [{ title: '   ' }, 'input.title'],
    [{ title: 'x'.repeat(201) }, 'input.title'],
    [{ amount: '-1' }, 'input.amount'],
    [{ amount: '10.555' }, 'input.amount'],
    [{ amount: '12345678901234567' }, 'input.amount'],
    [{ stage: 'NEGOTIATION' }, undefined],
    [{ clientId: 'not-a-uuid' }, 'input.clientId'],
  ])('refuses %j with BAD_USER_INPUT and creates nothing', async (patch, path) => {
    const before = await dealCount(a.agencyId);
    const res = await t.gql(CREATE_DEAL, { input: { title: 'Deal', clientId: client.id, ...patch } }, a.ownerToken);
    if (path) expectBadInput(res, path);
    else expectCode(res, 'BAD_USER_INPUT');
    expect(await dealCount(a.agencyId)).toBe(before);
  });

  it('refuses a portal user as manager (BAD_USER_INPUT) and an unknown manager or client (NOT_FOUND), creating nothing', async () => {
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const before = await dealCount(a.agencyId);
    expectBadInput(await t.gql(CREATE_DEAL, { input: { title: 'D', clientId: client.id, managerId: portal.id } }, a.ownerToken), 'input.managerId');
    const ext = expectCode(await t.gql(CREATE_DEAL, { input: { title: 'D', clientId: client.id, managerId: MISSING_ID } }, a.ownerToken), 'NOT_FOUND');
    expect(ext.field).toBe('input.managerId');
    const ext2 = expectCode(await t.gql(CREATE_DEAL, { input: { title: 'D', clientId: MISSING_ID } }, a.ownerToken), 'NOT_FOUND');
    expect(ext2.field).toBe('input.clientId');
    expect(await dealCount(a.agencyId)).toBe(before);
  });
});

describe('moveDeal and closeDeal', () => {
  let a: AgencyActors;
  let manager: { id: string; email: string; token: string };
  let client: any;
  beforeAll(async () => {
    a = await registerAgency(t, { locale: 'EN' }); // this block asserts English messages
    manager = await createUser(t, a.ownerToken, 'MANAGER');
    client = await createClient(t, a.ownerToken, { ownerId: manager.id });
  });

  it('skips the proposal, delivers before the post-payment and is won from CLOSING, with every change in the history', async () => {
    const deal = await createDeal(manager.token, { clientId: client.id });
    const steps: Array<[string, string | undefined]> = [
      ['CONTRACT', 'Без КП: клиент знает наши цены'],
      ['DELIVERY', 'Работаем по постоплате'],
      ['PAYMENT', undefined],
      ['CLOSING', undefined],
    ];
    let last: any = deal;
    for (const [stage, note] of steps) {
      const moved = await move(manager.token, deal.id, stage, note);
      expect(moved).toMatchObject({ __typename: 'Deal', id: deal.id, stage, status: 'OPEN' });
      expect(Date.parse(moved.stageEnteredAt)).toBeGreaterThanOrEqual(Date.parse(last.stageEnteredAt));
      last = moved;
    }
    const won = await close(manager.token, deal.id, 'WON', undefined, 'Акт подписан');
    expect(won).toMatchObject({ __typename: 'Deal', stage: 'CLOSING', status: 'WON', closeNote: 'Акт подписан', lostAtStage: null, lossReason: null });
    expect(won.closedAt).not.toBeNull();

    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.history.map((h: any) => [h.from, h.to, h.note])).toEqual([
      [null, 'PRESENTATION', null],
      ['PRESENTATION', 'CONTRACT', 'Без КП: клиент знает наши цены'],
      ['CONTRACT', 'DELIVERY', 'Работаем по постоплате'],
      ['DELIVERY', 'PAYMENT', null],
      ['PAYMENT', 'CLOSING', null],
    ]);
    expect(back.history.slice(1).every((h: any) => h.actor?.id === manager.id)).toBe(true);
    expect(back.timeInStages.map((s: any) => s.stage)).toEqual(['PRESENTATION', 'CONTRACT', 'PAYMENT', 'DELIVERY', 'CLOSING']);
  });

  it('goes back one step for rework: refused presentation, proposal to refine, contract correction', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    for (const stage of ['PROPOSAL', 'PRESENTATION', 'PROPOSAL', 'CONTRACT', 'PROPOSAL', 'CONTRACT', 'PAYMENT', 'CONTRACT']) {
      expect(await move(a.ownerToken, deal.id, stage)).toMatchObject({ __typename: 'Deal', stage });
    }
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.history).toHaveLength(9);
    expect(back.timeInStages.map((s: any) => s.stage)).toEqual(['PRESENTATION', 'PROPOSAL', 'CONTRACT', 'PAYMENT']);
  });

  it('shows each mutation of one request its own fresh history', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    const doc = /* GraphQL */ `
      mutation Two($id: ID!) {
        first: moveDeal(input: { id: $id, stage: PROPOSAL }) { ... on Deal { history { to } } }
        second: moveDeal(input: { id: $id, stage: CONTRACT }) { ... on Deal { history { to } } }
      }
    `;
    const data = expectOk(await t.gql(doc, { id: deal.id }, a.ownerToken));
    expect(data.first.history.map((h: any) => h.to)).toEqual(['PRESENTATION', 'PROPOSAL']);
    expect(data.second.history.map((h: any) => h.to)).toEqual(['PRESENTATION', 'PROPOSAL', 'CONTRACT']);
  });

  it('computes timeInStages from the recorded instants (a closed deal stops its clock)', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    await move(a.ownerToken, deal.id, 'PROPOSAL');
    await close(a.ownerToken, deal.id, 'LOST', 'PRICE');
    const changes = await t.ds.query('SELECT id, "toStage" FROM deal_stage_changes WHERE "dealId" = $1 ORDER BY "changedAt"', [deal.id]);
    // historical state: the API stamps changes with the current time; place them at known past instants
    await t.ds.query('UPDATE deal_stage_changes SET "changedAt" = $2 WHERE id = $1', [changes[0].id, '2026-01-10T09:00:00Z']);
    await t.ds.query('UPDATE deal_stage_changes SET "changedAt" = $2 WHERE id = $1', [changes[1].id, '2026-01-11T10:00:00Z']);
    await t.ds.query('UPDATE deals SET "closedAt" = $2 WHERE id = $1', [deal.id, '2026-01-13T10:00:30Z']);
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.timeInStages).toEqual([
      { stage: 'PRESENTATION', seconds: 90000 },
      { stage: 'PROPOSAL', seconds: 172830 },
    ]);
  });

  it.each([
    [[], 'DELIVERY'],
    [[], 'PAYMENT'],
    [[], 'CLOSING'],
    [['PROPOSAL', 'CONTRACT'], 'PRESENTATION'],
    [['CONTRACT', 'DELIVERY'], 'CONTRACT'],
    [['CONTRACT', 'DELIVERY', 'CLOSING'], 'DELIVERY'],
    [['PROPOSAL'], 'PROPOSAL'],
  ])('after %j refuses a move to %s with IllegalTransitionError and changes nothing', async (path, to) => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    for (const stage of path) await move(a.ownerToken, deal.id, stage);
    const from = path.length ? path[path.length - 1] : 'PRESENTATION';
    const before = await dbState(deal.id);

    const res = await move(a.ownerToken, deal.id, to, 'попытка');
    expect(res).toEqual({
      __typename: 'IllegalTransitionError',
      code: 'ILLEGAL_TRANSITION',
      message: `Deal cannot go from "${from.toLowerCase()}" to "${to.toLowerCase()}"`,
      entity: 'Deal',
      from,
      to,
    });

    expect(await dbState(deal.id)).toEqual(before);
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back).toMatchObject({ stage: from, status: 'OPEN' });
    expect(back.history).toHaveLength(path.length + 1);
  });

  it('wins from DELIVERY by entering CLOSING in the same step', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    for (const stage of ['CONTRACT', 'PAYMENT', 'DELIVERY']) await move(a.ownerToken, deal.id, stage);
    const won = await close(a.ownerToken, deal.id, 'WON');
    expect(won).toMatchObject({ __typename: 'Deal', stage: 'CLOSING', status: 'WON' });
    expect(won.stageEnteredAt).toBe(won.closedAt);
    expect(won.history[won.history.length - 1]).toMatchObject({ from: 'DELIVERY', to: 'CLOSING', changedAt: won.closedAt });
    expect(won.history).toHaveLength(5);
  });

  it.each(['PRESENTATION', 'PROPOSAL', 'CONTRACT', 'PAYMENT'])('refuses WON from %s and changes nothing', async (stage) => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id, stage });
    const before = await dbState(deal.id);
    const res = await close(a.ownerToken, deal.id, 'WON');
    expect(res).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Deal', from: stage, to: 'WON' });
    expect(await dbState(deal.id)).toEqual(before);
    expect(await readDeal(a.ownerToken, deal.id)).toMatchObject({ stage, status: 'OPEN', closedAt: null });
  });

  it('loses a deal at its current stage with the reason and keeps the stage', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    await move(a.ownerToken, deal.id, 'PROPOSAL');
    const lost = await close(a.ownerToken, deal.id, 'LOST', 'COMPETITOR', 'Ушли к конкурентам');
    expect(lost).toMatchObject({
      __typename: 'Deal',
      stage: 'PROPOSAL',
      status: 'LOST',
      lostAtStage: 'PROPOSAL',
      lossReason: 'COMPETITOR',
      closeNote: 'Ушли к конкурентам',
    });
    expect(lost.closedAt).not.toBeNull();
    expect(lost.history).toHaveLength(2);
  });

  it('requires a reason to lose a deal and refuses one to win it (BAD_USER_INPUT, nothing changed)', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id, stage: 'DELIVERY' });
    const before = await dbState(deal.id);
    expectBadInput(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'LOST' } }, a.ownerToken), 'input.reason');
    expectBadInput(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'WON', reason: 'PRICE' } }, a.ownerToken), 'input.reason');
    expectCode(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'LOST', reason: 'EXPENSIVE' } }, a.ownerToken), 'BAD_USER_INPUT');
    expect(await dbState(deal.id)).toEqual(before);
    expect(await readDeal(a.ownerToken, deal.id)).toMatchObject({ status: 'OPEN', stage: 'DELIVERY' });
  });

  it('refuses to close or move a closed deal again, naming the outcome as the current state', async () => {
    const lostDeal = await createDeal(a.ownerToken, { clientId: client.id });
    await close(a.ownerToken, lostDeal.id, 'LOST', 'NO_BUDGET');
    const wonDeal = await createDeal(a.ownerToken, { clientId: client.id, stage: 'CLOSING' });
    await close(a.ownerToken, wonDeal.id, 'WON');
    const lostBefore = await dbState(lostDeal.id);
    const wonBefore = await dbState(wonDeal.id);

    expect(await close(a.ownerToken, lostDeal.id, 'LOST', 'PRICE')).toMatchObject({ __typename: 'IllegalTransitionError', from: 'LOST', to: 'LOST' });
    expect(await close(a.ownerToken, lostDeal.id, 'WON')).toMatchObject({ __typename: 'IllegalTransitionError', from: 'LOST', to: 'WON' });
    expect(await move(a.ownerToken, lostDeal.id, 'PROPOSAL')).toMatchObject({ __typename: 'IllegalTransitionError', from: 'LOST', to: 'PROPOSAL' });
    expect(await close(a.ownerToken, wonDeal.id, 'LOST', 'PRICE')).toMatchObject({ __typename: 'IllegalTransitionError', from: 'WON', to: 'LOST' });
    expect(await close(a.ownerToken, wonDeal.id, 'WON')).toMatchObject({ __typename: 'IllegalTransitionError', from: 'WON', to: 'WON' });

    expect(await dbState(lostDeal.id)).toEqual(lostBefore);
    expect(await dbState(wonDeal.id)).toEqual(wonBefore);
    expect(await readDeal(a.ownerToken, lostDeal.id)).toMatchObject({ status: 'LOST', lossReason: 'NO_BUDGET', lostAtStage: 'PRESENTATION' });
  });

  it('serialises concurrent closings of one deal: exactly one wins, the other gets IllegalTransitionError', async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id, stage: 'DELIVERY' });
    const [r1, r2] = await Promise.all([
      t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'WON' } }, a.ownerToken),
      t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'LOST', reason: 'TIMING' } }, a.ownerToken),
    ]);
    const results = [expectOk(r1).closeDeal, expectOk(r2).closeDeal];
    expect(results.map((r) => r.__typename).sort()).toEqual(['Deal', 'IllegalTransitionError']);
    const winner = results.find((r) => r.__typename === 'Deal');
    const state = await dbState(deal.id);
    expect(state.status).toBe(winner.status);
    expect(state.changes).toBe(winner.status === 'WON' ? 2 : 1);
  });

  it('answers NOT_FOUND for a missing deal', async () => {
    const ext = expectCode(await t.gql(MOVE_DEAL, { input: { id: MISSING_ID, stage: 'PROPOSAL' } }, a.ownerToken), 'NOT_FOUND');
    expect(ext.field).toBe('input.id');
    expectCode(await t.gql(CLOSE_DEAL, { input: { id: MISSING_ID, outcome: 'LOST', reason: 'PRICE' } }, a.ownerToken), 'NOT_FOUND');
    expect(expectOk(await t.gql(GET_DEAL, { id: MISSING_ID }, a.ownerToken)).deal).toBeNull();
    expect(expectOk(await t.gql(GET_DEAL, { id: 'nonsense' }, a.ownerToken)).deal).toBeNull();
  });
});

describe('advanceDealIfAllowed (money events moving the deal)', () => {
  let a: AgencyActors;
  let client: any;
  let ctx: AuthedContext;
  beforeAll(async () => {
    a = await registerAgency(t);
    client = await createClient(t, a.ownerToken);
    ctx = contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });
  });

  it("moves the deal in the caller's transaction only where the map allows, and rolls back with it", async () => {
    const deal = await createDeal(a.ownerToken, { clientId: client.id, stage: 'CONTRACT' });
    expect(await withTransaction(ctx, (tx) => advanceDealIfAllowed(tx as AuthedContext, deal.id, DealStage.PAYMENT, 'Договор подписан'))).toBe(true);
    expect(await advanceDealIfAllowed(ctx, deal.id, DealStage.PRESENTATION, 'not allowed')).toBe(false);
    expect(await advanceDealIfAllowed(ctx, null, DealStage.DELIVERY, 'no deal')).toBe(false);
    expect(await advanceDealIfAllowed(ctx, MISSING_ID, DealStage.DELIVERY, 'missing')).toBe(false);
    await expect(
      withTransaction(ctx, async (tx) => {
        await advanceDealIfAllowed(tx as AuthedContext, deal.id, DealStage.DELIVERY, 'rolled back');
        throw new Error('the money event failed');
      }),
    ).rejects.toThrow('the money event failed');
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.stage).toBe('PAYMENT');
    expect(back.history.map((h: any) => [h.from, h.to, h.note])).toEqual([
      [null, 'CONTRACT', null],
      ['CONTRACT', 'PAYMENT', 'Договор подписан'],
    ]);
  });
});

describe('deals connection', () => {
  let a: AgencyActors;
  let m1: { id: string; token: string };
  let m2: { id: string; token: string };
  let c1: any;
  let c2: any;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    a = await registerAgency(t);
    m1 = await createUser(t, a.ownerToken, 'MANAGER');
    m2 = await createUser(t, a.ownerToken, 'MANAGER');
    c1 = await createClient(t, a.ownerToken, { ownerId: m1.id });
    c2 = await createClient(t, a.ownerToken, { ownerId: m2.id });
    ids.open1 = (await createDeal(a.ownerToken, { clientId: c1.id, title: 'open1' })).id;
    ids.open2 = (await createDeal(a.ownerToken, { clientId: c1.id, title: 'open2', stage: 'CONTRACT' })).id;
    ids.won = (await createDeal(a.ownerToken, { clientId: c2.id, title: 'won', stage: 'DELIVERY' })).id;
    await close(a.ownerToken, ids.won, 'WON');
    ids.lost = (await createDeal(a.ownerToken, { clientId: c2.id, title: 'lost', stage: 'PROPOSAL' })).id;
    await close(a.ownerToken, ids.lost, 'LOST', 'SCOPE');
    ids.m2onc1 = (await createDeal(a.ownerToken, { clientId: c1.id, title: 'm2onc1', managerId: m2.id })).id;
  });

  async function titles(filter: Record<string, unknown>): Promise<string[]> {
    const data = expectOk(await t.gql(LIST_DEALS, { filter, first: 100 }, a.ownerToken));
    expect(data.deals.totalCount).toBe(data.deals.edges.length);
    return data.deals.edges.map((e: any) => e.node.title).sort();
  }

  it('lists newest opened first, filtered by client, manager, statuses and stages', async () => {
    const all = expectOk(await t.gql(LIST_DEALS, { first: 100 }, a.ownerToken)).deals;
    expect(all.edges.map((e: any) => e.node.title)).toEqual(['m2onc1', 'lost', 'won', 'open2', 'open1']);
    expect(await titles({ clientId: c1.id })).toEqual(['m2onc1', 'open1', 'open2']);
    expect(await titles({ managerId: m2.id })).toEqual(['lost', 'm2onc1', 'won']);
    expect(await titles({ statuses: ['WON', 'LOST'] })).toEqual(['lost', 'won']);
    expect(await titles({ stages: ['CONTRACT', 'CLOSING'] })).toEqual(['open2', 'won']);
    expect(await titles({ clientId: c1.id, managerId: m1.id, statuses: ['OPEN'], stages: ['PRESENTATION'] })).toEqual(['open1']);
  });

  it('pages with first/after without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResponse = await t.gql(LIST_DEALS, { first: 2, after }, a.ownerToken);
      const page: any = expectOk(res).deals;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expectBadInput(await t.gql(LIST_DEALS, { first: 101 }, a.ownerToken), 'first');
    expectBadInput(await t.gql(LIST_DEALS, { after: 'garbage' }, a.ownerToken), 'after');
  });

  it('resolves nested history, actors, managers, clients and deviations in a constant number of SQL statements', async () => {
    const logger = new CountingLogger();
    const counted = await startTestApp({ logger });
    try {
      const query = /* GraphQL */ `
        query Nested($first: Int) {
          deals(first: $first) {
            edges { node { id client { id } manager { id } history { to actor { id } } timeInStages { stage } deviations { id } } }
          }
        }
      `;
      logger.reset();
      expectOk(await counted.gql(query, { first: 2 }, a.ownerToken));
      const few = logger.count;
      logger.reset();
      expectOk(await counted.gql(query, { first: 5 }, a.ownerToken));
      expect(logger.count).toBe(few);
    } finally {
      await counted.close();
    }
  });
});

describe('deviations and their control points', () => {
  let a: AgencyActors;
  let manager: { id: string; email: string; token: string };
  let client: any;
  let deal: any;
  beforeAll(async () => {
    a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
    manager = await createUser(t, a.ownerToken, 'MANAGER');
    client = await createClient(t, a.ownerToken, { ownerId: manager.id });
    // no manager on the deal: the client's owner is responsible
    deal = await createDeal(a.ownerToken, { clientId: client.id, amount: '100000.00', currency: 'RUB' });
    // built directly on purpose: the API always gives a deal a manager, but stored deals may have none
    await t.ds.query('UPDATE deals SET "managerId" = NULL WHERE id = $1', [deal.id]);
  });

  it('records a refused presentation with its retry date as a PRESENTATION_RETRY control point until resolved', async () => {
    const dv = expectOk(
      await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'PRESENTATION_REFUSED', dueOn: '2031-04-15', note: 'Перезвонить после отпуска' } }, manager.token),
    ).recordDealDeviation;
    expect(dv).toMatchObject({
      dealId: deal.id,
      clientId: client.id,
      kind: 'PRESENTATION_REFUSED',
      dueOn: '2031-04-15',
      resolvedAt: null,
      note: 'Перезвонить после отпуска',
      approvers: [],
      causes: [],
      amount: null,
    });

    const points = await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'] });
    expect(points).toEqual([
      {
        kind: 'PRESENTATION_RETRY',
        dueOn: '2031-04-15',
        overdue: false,
        clientId: client.id,
        objectType: 'DealDeviation',
        objectId: dv.id,
        title: expect.stringContaining(deal.title),
        managerId: manager.id,
      },
    ]);
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'], managerId: manager.id })).toHaveLength(1);
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'], clientId: client.id, dueBefore: '2031-04-15' })).toHaveLength(1);
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'], dueBefore: '2031-04-14' })).toHaveLength(0);
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'], managerId: a.ownerId })).toHaveLength(0);
    expect(await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] })).toHaveLength(0);
    expect(expectOk(await t.gql(GET_DEVIATION, { id: dv.id }, a.ownerToken)).dealDeviation).toMatchObject({ id: dv.id, dealId: deal.id });

    const resolved = expectOk(await t.gql(RESOLVE_DEVIATION, { input: { id: dv.id } }, a.ownerToken)).resolveDealDeviation;
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'] })).toHaveLength(0);
    // resolving twice keeps the first time
    const again = expectOk(await t.gql(RESOLVE_DEVIATION, { input: { id: dv.id } }, a.ownerToken)).resolveDealDeviation;
    expect(again.resolvedAt).toBe(resolved.resolvedAt);
  });

  it('shows a proposal correction date as DEAL_DEVIATION_DUE, overdue once its day has passed', async () => {
    const dv = expectOk(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'PROPOSAL_TO_REFINE', dueOn: '2020-01-10' } }, a.ownerToken))
      .recordDealDeviation;
    const points = await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] });
    expect(points).toEqual([expect.objectContaining({ kind: 'DEAL_DEVIATION_DUE', dueOn: '2020-01-10', overdue: true, objectId: dv.id, managerId: manager.id })]);
    expect(await controlPoints(a.ownerToken, { kinds: ['PRESENTATION_RETRY'] })).toHaveLength(0);
    expectOk(await t.gql(RESOLVE_DEVIATION, { input: { id: dv.id } }, a.ownerToken));
    expect(await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] })).toHaveLength(0);
  });

  it.each([
    [{ kind: 'PRESENTATION_REFUSED' }, ['input.dueOn']],
    [{ kind: 'PROPOSAL_TO_REFINE', note: 'без даты' }, ['input.dueOn']],
    [{ kind: 'APPROVAL_REQUIRED' }, ['input.approvers']],
    [{ kind: 'APPROVAL_REQUIRED', approvers: [] }, ['input.approvers']],
    [{ kind: 'APPROVAL_REQUIRED', approvers: [{ name: '' }] }, ['input.approvers.0.name']],
    [{ kind: 'PARTIAL_PAYMENT' }, ['input.amount']],
    [{ kind: 'PARTIAL_PAYMENT', amount: '0' }, ['input.amount']],
    [{ kind: 'PARTIAL_PAYMENT', amount: '100000.01' }, ['input.amount']],
    [{ kind: 'REFUND' }, ['input.amount']],
    [{ kind: 'CLIENT_DISSATISFIED' }, ['input.causes']],
    [{ kind: 'CLIENT_DISSATISFIED', causes: ['  '] }, ['input.causes.0']],
    [{ kind: 'PARTIAL_PAYMENT', amount: '500', approvers: [{ name: 'Иванов' }], causes: ['x'] }, ['input.approvers', 'input.causes']],
    [{ kind: 'PRESENTATION_REFUSED', dueOn: '2031-02-30' }, []],
  ])('refuses %j with BAD_USER_INPUT at %j and records nothing', async (patch, paths) => {
    const before = await dbState(deal.id);
    const res = await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, ...patch } }, a.ownerToken);
    expectBadInput(res, ...paths);
    expect(await dbState(deal.id)).toEqual(before);
  });

  it('records a partial payment, a refund and the analysed causes of dissatisfaction on the deal', async () => {
    const pay = expectOk(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'PARTIAL_PAYMENT', amount: '50000.00', note: '50% предоплата' } }, a.ownerToken))
      .recordDealDeviation;
    expect(pay.amount).toBe('50000.00');
    const dissatisfied = expectOk(
      await t.gql(
        RECORD_DEVIATION,
        { input: { dealId: deal.id, kind: 'CLIENT_DISSATISFIED', causes: [' Долгие согласования ', 'Мало лидов'] } },
        a.ownerToken,
      ),
    ).recordDealDeviation;
    expect(dissatisfied.causes).toEqual(['Долгие согласования', 'Мало лидов']);
    const back = await readDeal(a.ownerToken, deal.id);
    expect(back.deviations.map((d: any) => d.kind)).toEqual(
      expect.arrayContaining(['PRESENTATION_REFUSED', 'PROPOSAL_TO_REFINE', 'PARTIAL_PAYMENT', 'CLIENT_DISSATISFIED']),
    );
    // undated deviations are no control points
    expect((await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] })).map((p) => p.objectId)).not.toContain(pay.id);
  });

  it('collects the decisions of several client-side approvers and resolves the deviation when all have approved', async () => {
    const dv = expectOk(
      await t.gql(
        RECORD_DEVIATION,
        {
          input: {
            dealId: deal.id,
            kind: 'APPROVAL_REQUIRED',
            dueOn: '2031-05-01',
            approvers: [
              { name: 'Петров П. П.', position: 'Генеральный директор' },
              { name: 'Сидорова А. А.', position: 'Главный бухгалтер' },
            ],
          },
        },
        a.ownerToken,
      ),
    ).recordDealDeviation;
    expect(dv.approvers).toEqual([
      { name: 'Петров П. П.', position: 'Генеральный директор', decision: null, comment: null, decidedAt: null },
      { name: 'Сидорова А. А.', position: 'Главный бухгалтер', decision: null, comment: null, decidedAt: null },
    ]);
    const decide = async (approverIndex: number, decision: string, comment?: string) =>
      expectOk(await t.gql(DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex, decision, comment } }, a.ownerToken)).decideDealApproval;

    const returned = await decide(1, 'RETURNED', 'Поправить реквизиты');
    expect(returned).toMatchObject({ __typename: 'DealDeviation', resolvedAt: null });
    expect(returned.approvers[1]).toMatchObject({ decision: 'RETURNED', comment: 'Поправить реквизиты' });
    expect(new Date(returned.approvers[1].decidedAt).toISOString()).toBe(returned.approvers[1].decidedAt);
    expect(await decide(0, 'APPROVED')).toMatchObject({ resolvedAt: null });
    expect((await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] })).map((p) => p.objectId)).toContain(dv.id);

    const done = await decide(1, 'APPROVED');
    expect(done.approvers.map((x: any) => x.decision)).toEqual(['APPROVED', 'APPROVED']);
    expect(done.resolvedAt).not.toBeNull();
    expect((await controlPoints(a.ownerToken, { kinds: ['DEAL_DEVIATION_DUE'] })).map((p) => p.objectId)).not.toContain(dv.id);

    const illegal = await decide(0, 'RETURNED');
    expect(illegal).toMatchObject({ __typename: 'IllegalTransitionError', entity: 'DealApproval', from: 'RESOLVED', to: 'RETURNED' });
    expectBadInput(await t.gql(DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex: 2, decision: 'APPROVED' } }, a.ownerToken), 'input.approverIndex');
    expectBadInput(await t.gql(DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex: -1, decision: 'APPROVED' } }, a.ownerToken), 'input.approverIndex');
  });

  it('keeps an approval final while other approvers are pending', async () => {
    const dv = expectOk(
      await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'PREPARATION_APPROVAL', approvers: [{ name: 'А' }, { name: 'Б' }] } }, a.ownerToken),
    ).recordDealDeviation;
    const ok = expectOk(await t.gql(DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex: 0, decision: 'APPROVED' } }, a.ownerToken));
    expect(ok.decideDealApproval.__typename).toBe('DealDeviation');
    const before = await t.ds.query('SELECT approvers, "updatedAt" FROM deal_deviations WHERE id = $1', [dv.id]);
    const res = expectOk(await t.gql(DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex: 0, decision: 'RETURNED' } }, a.ownerToken));
    expect(res.decideDealApproval).toMatchObject({ __typename: 'IllegalTransitionError', from: 'APPROVED', to: 'RETURNED' });
    expect(await t.ds.query('SELECT approvers, "updatedAt" FROM deal_deviations WHERE id = $1', [dv.id])).toEqual(before);

    const plain = expectOk(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'REFUND', amount: '100' } }, a.ownerToken)).recordDealDeviation;
    expectBadInput(await t.gql(DECIDE_APPROVAL, { input: { deviationId: plain.id, approverIndex: 0, decision: 'APPROVED' } }, a.ownerToken), 'input.deviationId');
  });
});

describe('another agency', () => {
  let a: AgencyActors;
  let b: AgencyActors;
  let bManager: { id: string; token: string };
  let deal: any;
  let deviation: any;
  beforeAll(async () => {
    a = await registerAgency(t);
    b = await registerAgency(t);
    bManager = await createUser(t, b.ownerToken, 'MANAGER');
    const client = await createClient(t, a.ownerToken);
    deal = await createDeal(a.ownerToken, { clientId: client.id, stage: 'DELIVERY', amount: '10' });
    deviation = expectOk(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'PRESENTATION_REFUSED', dueOn: '2031-01-01' } }, a.ownerToken))
      .recordDealDeviation;
  });

  it.each(['owner', 'manager'])("cannot read, list, move, close or touch the deviations of a deal (as the other agency's %s)", async (who) => {
    const token = who === 'owner' ? b.ownerToken : bManager.token;
    const before = await dbState(deal.id);

    expect(expectOk(await t.gql(GET_DEAL, { id: deal.id }, token)).deal).toBeNull();
    const list = expectOk(await t.gql(LIST_DEALS, { first: 100 }, token)).deals;
    expect(list.edges).toEqual([]);
    expect(list.totalCount).toBe(0);
    expect(expectOk(await t.gql(LIST_DEALS, { filter: { clientId: deal.clientId } }, token)).deals.totalCount).toBe(0);

    expect(expectCode(await t.gql(MOVE_DEAL, { input: { id: deal.id, stage: 'CLOSING' } }, token), 'NOT_FOUND').field).toBe('input.id');
    expectCode(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'WON' } }, token), 'NOT_FOUND');
    expectCode(await t.gql(CLOSE_DEAL, { input: { id: deal.id, outcome: 'LOST', reason: 'PRICE' } }, token), 'NOT_FOUND');
    expectCode(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'REFUND', amount: '1' } }, token), 'NOT_FOUND');
    expectCode(await t.gql(RESOLVE_DEVIATION, { input: { id: deviation.id } }, token), 'NOT_FOUND');
    expectCode(await t.gql(DECIDE_APPROVAL, { input: { deviationId: deviation.id, approverIndex: 0, decision: 'APPROVED' } }, token), 'NOT_FOUND');
    expect(expectOk(await t.gql(GET_DEVIATION, { id: deviation.id }, token)).dealDeviation).toBeNull();
    expect(await controlPoints(token, { kinds: ['PRESENTATION_RETRY', 'DEAL_DEVIATION_DUE'] })).toEqual([]);
    // a deal for another agency's client cannot be opened either
    expectCode(await t.gql(CREATE_DEAL, { input: { title: 'x', clientId: deal.clientId } }, token), 'NOT_FOUND');

    expect(await dbState(deal.id)).toEqual(before);
    const [dv] = await t.ds.query('SELECT "resolvedAt" FROM deal_deviations WHERE id = $1', [deviation.id]);
    expect(dv.resolvedAt).toBeNull();
    expect(await readDeal(a.ownerToken, deal.id)).toMatchObject({ stage: 'DELIVERY', status: 'OPEN' });
    expect(await dealCount(b.agencyId)).toBe(0);
  });
});

describe('portal users', () => {
  it('get FORBIDDEN on every deal and funnel operation, and anonymous callers UNAUTHENTICATED', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const deal = await createDeal(a.ownerToken, { clientId: client.id });
    const dv = expectOk(await t.gql(RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'APPROVAL_REQUIRED', approvers: [{ name: 'X' }] } }, a.ownerToken))
      .recordDealDeviation;
    const before = await dbState(deal.id);
    const calls: Array<[string, Record<string, unknown>]> = [
      [GET_DEAL, { id: deal.id }],
      [LIST_DEALS, {}],
      [GET_DEVIATION, { id: dv.id }],
      [FUNNEL, { input: { from: '2026-01-01', to: '2026-01-31' } }],
      [CREATE_DEAL, { input: { title: 'x', clientId: client.id } }],
      [MOVE_DEAL, { input: { id: deal.id, stage: 'PROPOSAL' } }],
      [CLOSE_DEAL, { input: { id: deal.id, outcome: 'LOST', reason: 'PRICE' } }],
      [RECORD_DEVIATION, { input: { dealId: deal.id, kind: 'REFUND', amount: '1' } }],
      [RESOLVE_DEVIATION, { input: { id: dv.id } }],
      [DECIDE_APPROVAL, { input: { deviationId: dv.id, approverIndex: 0, decision: 'APPROVED' } }],
    ];
    for (const [doc, vars] of calls) {
      expectCode(await t.gql(doc, vars, portal.token), 'FORBIDDEN');
      expectCode(await t.gql(doc, vars), 'UNAUTHENTICATED');
    }
    expect(await dbState(deal.id)).toEqual(before);
    expect(await dealCount(a.agencyId)).toBe(1);
  });
});
