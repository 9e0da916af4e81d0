import { startTestApp, TestApp } from '../support/app';
import { GET_CLIENT, TERMINATE_CLIENT, UPDATE_CLIENT } from '../support/documents';
import { expectBadInput } from '../support/expect';
import { AgencyActors, createClient, createUser, registerAgency } from '../support/factories';

const CHANGE_STAGE = /* GraphQL */ `
  mutation ChangeStage($input: ChangeClientStageInput!) {
    changeClientStage(input: $input) {
      __typename
      ... on Client { id lifecycleStage stageChangedAt }
      ... on IllegalTransitionError { code message entity from to }
    }
  }
`;
const REACTIVATE = /* GraphQL */ `
  mutation Reactivate($input: ReactivateClientInput!) {
    reactivateClient(input: $input) {
      __typename
      ... on Client { id lifecycleStage terminatedAt }
      ... on ErrorResult { code message }
    }
  }
`;
const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    client(id: $id) {
      id lifecycleStage
      stageHistory { fromStage toStage terminated changedAt actorId note }
      timeInStages { stage seconds stays }
    }
  }
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
afterAll(() => t.close());

describe('client lifecycle', () => {
  it('records the initial stage and every change with time and actor', async () => {
    const client = await createClient(t, manager.token);
    const moved = await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'EVALUATION', note: 'получили бриф' } }, manager.token);
    expect(moved.body.data.changeClientStage).toMatchObject({ __typename: 'Client', lifecycleStage: 'EVALUATION' });
    await t.gql(UPDATE_CLIENT, { input: { id: client.id, lifecycleStage: 'PURCHASE' } }, a.ownerToken);
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(h.stageHistory.map((e: any) => [e.fromStage, e.toStage])).toEqual([
      [null, 'ATTRACTION'],
      ['ATTRACTION', 'EVALUATION'],
      ['EVALUATION', 'PURCHASE'],
    ]);
    expect(h.stageHistory[1]).toMatchObject({ actorId: manager.id, note: 'получили бриф' });
    expect(h.stageHistory[2]).toMatchObject({ actorId: a.ownerId });
    expect(h.timeInStages.map((d: any) => d.stage)).toEqual(['ATTRACTION', 'EVALUATION', 'PURCHASE']);
  });

  it('computes time in each stage from the history', async () => {
    const client = await createClient(t, a.ownerToken);
    await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'INTEREST' } }, a.ownerToken);
    // place the history at known instants
    const rows = await t.ds.query(`SELECT id FROM client_stage_changes WHERE "clientId" = $1 ORDER BY "changedAt"`, [client.id]);
    await t.ds.query(`UPDATE client_stage_changes SET "changedAt" = $2 WHERE id = $1`, [rows[0].id, '2026-01-01T00:00:00Z']);
    await t.ds.query(`UPDATE client_stage_changes SET "changedAt" = $2 WHERE id = $1`, [rows[1].id, '2026-01-03T12:00:00Z']);
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(h.timeInStages[0]).toEqual({ stage: 'ATTRACTION', seconds: 2.5 * 86400, stays: 1 });
    expect(h.timeInStages[1].stage).toBe('INTEREST');
    expect(h.timeInStages[1].seconds).toBeGreaterThan(0);
  });

  it('sums the exact stays of a stage before rounding to whole seconds, as deals do', async () => {
    const client = await createClient(t, a.ownerToken);
    for (const stage of ['INTEREST', 'ATTRACTION', 'EVALUATION']) {
      expect((await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage } }, a.ownerToken)).body.data.changeClientStage.__typename).toBe('Client');
    }
    // historical state: the API stamps changes with the current time; place them at known sub-second instants
    const rows = await t.ds.query(`SELECT id FROM client_stage_changes WHERE "clientId" = $1 ORDER BY "changedAt"`, [client.id]);
    const instants = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.600Z', '2026-01-01T00:00:02.000Z', '2026-01-01T00:00:02.500Z'];
    for (const [i, row] of rows.entries()) await t.ds.query(`UPDATE client_stage_changes SET "changedAt" = $2 WHERE id = $1`, [row.id, instants[i]]);
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    // ATTRACTION: 1.6 s + 0.5 s = 2.1 s → 2 (not 1 + 0); INTEREST: 0.4 s → 0
    expect(h.timeInStages.slice(0, 2)).toEqual([
      { stage: 'ATTRACTION', seconds: 2, stays: 2 },
      { stage: 'INTEREST', seconds: 0, stays: 1 },
    ]);
  });

  it('answers ILLEGAL_TRANSITION for the same stage and writes nothing', async () => {
    const client = await createClient(t, a.ownerToken);
    const res = await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'ATTRACTION' } }, a.ownerToken);
    expect(res.body.data.changeClientStage).toMatchObject({
      __typename: 'IllegalTransitionError',
      code: 'ILLEGAL_TRANSITION',
      entity: 'Client',
      from: 'ATTRACTION',
      to: 'ATTRACTION',
    });
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(h.stageHistory).toHaveLength(1);
  });

  it('stops a terminated client until it is reactivated, keeping the stage it left at', async () => {
    const client = await createClient(t, a.ownerToken, { lifecycleStage: 'PURCHASE' });
    await t.gql(TERMINATE_CLIENT, { input: { id: client.id, reason: 'Ушли к конкуренту' } }, a.ownerToken);
    const refused = await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'LOYALTY' } }, a.ownerToken);
    expect(refused.body.data.changeClientStage).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'TERMINATED', to: 'LOYALTY' });
    const back = await t.gql(REACTIVATE, { input: { id: client.id, stage: 'INTEREST' } }, a.ownerToken);
    expect(back.body.data.reactivateClient).toMatchObject({ __typename: 'Client', lifecycleStage: 'INTEREST', terminatedAt: null });
    const again = await t.gql(REACTIVATE, { input: { id: client.id } }, a.ownerToken);
    expect(again.body.data.reactivateClient).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(h.stageHistory.map((e: any) => [e.toStage, e.terminated])).toEqual([
      ['PURCHASE', false],
      ['PURCHASE', true],
      ['INTEREST', false],
    ]);
  });

  it("hides another agency's client and refuses portal users", async () => {
    const client = await createClient(t, a.ownerToken);
    const other = await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'INTEREST' } }, b.ownerToken);
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clientId' });
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const res = await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'INTEREST' } }, portal.token);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hist = await t.gql(HISTORY, { id: client.id }, portal.token);
    expect(hist.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = (await t.gql(GET_CLIENT, { id: client.id }, a.ownerToken)).body.data.client;
    expect(read.lifecycleStage).toBe('ATTRACTION');
  });

  it('filters clients by relationship stage', async () => {
    const c = await createClient(t, a.ownerToken, { relationshipStage: 'EXPANSION' });
    const res = await t.gql(
      `query($f: ClientFilter) { clients(filter: $f) { edges { node { id relationshipStage } } } }`,
      { f: { relationshipStages: ['EXPANSION'] } },
      a.ownerToken,
    );
    expect(res.body.data.clients.edges.map((e: any) => e.node.id)).toEqual([c.id]);
  });
});

describe('updateClient follows the rules of changeClientStage', () => {
  it("cannot move a terminated client's stage: BAD_USER_INPUT on input.lifecycleStage, nothing changes", async () => {
    const client = await createClient(t, a.ownerToken);
    await t.gql(CHANGE_STAGE, { input: { clientId: client.id, stage: 'EVALUATION' } }, a.ownerToken);
    await t.gql(TERMINATE_CLIENT, { input: { id: client.id, reason: 'Закрыли бизнес' } }, a.ownerToken);
    const before = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;

    const res = await t.gql(UPDATE_CLIENT, { input: { id: client.id, lifecycleStage: 'LOYALTY', industry: 'Ритейл' } }, a.ownerToken);
    expectBadInput(res, 'input.lifecycleStage');
    const after = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(after.lifecycleStage).toBe('EVALUATION');
    expect(after.stageHistory).toEqual(before.stageHistory);
    expect((await t.gql(GET_CLIENT, { id: client.id }, a.ownerToken)).body.data.client.industry).not.toBe('Ритейл');

    // the same stage (a form sending the whole client back) is not a change and is accepted
    const same = await t.gql(UPDATE_CLIENT, { input: { id: client.id, lifecycleStage: 'EVALUATION', industry: 'Ритейл' } }, a.ownerToken);
    expect(same.body.errors).toBeUndefined();
    expect(same.body.data.updateClient).toMatchObject({ lifecycleStage: 'EVALUATION', industry: 'Ритейл' });
  });

  it('records a stage change made through updateClient like changeClientStage does (history, actor, time in stages)', async () => {
    const client = await createClient(t, a.ownerToken);
    await t.gql(UPDATE_CLIENT, { input: { id: client.id, lifecycleStage: 'INTEREST' } }, manager.token);
    const h = (await t.gql(HISTORY, { id: client.id }, a.ownerToken)).body.data.client;
    expect(h.stageHistory.map((e: any) => [e.fromStage, e.toStage, e.actorId, e.terminated])).toEqual([
      [null, 'ATTRACTION', a.ownerId, false],
      ['ATTRACTION', 'INTEREST', manager.id, false],
    ]);
  });
});
