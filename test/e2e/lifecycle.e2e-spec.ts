import { startTestApp, TestApp } from '../support/app';
import { GET_CLIENT, TERMINATE_CLIENT, UPDATE_CLIENT } from '../support/documents';
import { AgencyActors, createClient, createContact, createUser, registerAgency } from '../support/factories';

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
const LOG_INTERACTION = /* GraphQL */ `
  mutation Log($input: LogInteractionInput!) {
    logInteraction(input: $input) { id kind occurredAt summary client { id lastContactAt nextContactOn nextContactGoal } contact { id } user { id } }
  }
`;
const INTERACTIONS = /* GraphQL */ `
  query Interactions($filter: InteractionFilter) {
    interactions(filter: $filter) { totalCount edges { node { id kind summary occurredAt } } }
  }
`;
const SET_NEXT_CONTACT = /* GraphQL */ `
  mutation Next($input: SetNextContactInput!) { setNextContact(input: $input) { id nextContactOn nextContactGoal nextContactProduct } }
`;
const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateAgencySettingsInput!) {
    updateAgencySettings(input: $input) { id timeZone toolMixTolerancePp maxContactIntervalDays protocolDueDays }
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

describe('interactions and the next contact', () => {
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
    expect(res.body.errors).toBeUndefined();
    const logged = res.body.data.logInteraction;
    expect(logged).toMatchObject({ kind: 'CALL', contact: { id: contact.id }, user: { id: manager.id } });
    expect(logged.client).toMatchObject({ lastContactAt: '2026-11-20T10:00:00.000Z', nextContactOn: '2026-12-01', nextContactGoal: 'Согласовать КП' });
    await t.gql(LOG_INTERACTION, { input: { clientId: client.id, kind: 'EMAIL', occurredAt: '2026-11-01T10:00:00.000Z', summary: 'старое письмо' } }, manager.token);
    const list = await t.gql(INTERACTIONS, { filter: { clientId: client.id } }, a.ownerToken);
    expect(list.body.data.interactions.totalCount).toBe(2);
    expect(list.body.data.interactions.edges[0].node.kind).toBe('CALL'); // newest first
    const read = (await t.gql(GET_CLIENT, { id: client.id }, a.ownerToken)).body.data.client;
    expect(read.id).toBe(client.id);
    const last = await t.ds.query(`SELECT "lastContactAt" FROM clients WHERE id = $1`, [client.id]);
    expect(new Date(last[0].lastContactAt).toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it('refuses a contact of another client, a future date, and a goal without a date, writing nothing', async () => {
    const client = await createClient(t, a.ownerToken);
    const otherClient = await createClient(t, a.ownerToken);
    const otherContact = await createContact(t, a.ownerToken, otherClient.id);
    const cases = [
      [{ contactId: otherContact.id }, 'input.contactId'],
      [{ occurredAt: '2099-01-01T00:00:00.000Z' }, 'input.occurredAt'],
      [{ nextContactGoal: 'без даты' }, 'input.nextContactOn'],
      [{ summary: '' }, 'input.summary'],
    ] as const;
    for (const [override, field] of cases) {
      const res = await t.gql(LOG_INTERACTION, { input: { clientId: client.id, kind: 'CALL', summary: 'x', ...override } }, a.ownerToken);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].extensions?.fields.map((f: any) => f.path)).toContain(field);
    }
    const n = await t.ds.query(`SELECT count(*)::int AS n FROM interactions WHERE "clientId" = $1`, [client.id]);
    expect(n[0].n).toBe(0);
  });

  it("does not log against another agency's client", async () => {
    const client = await createClient(t, a.ownerToken);
    const res = await t.gql(LOG_INTERACTION, { input: { clientId: client.id, kind: 'CALL', summary: 'x' } }, b.ownerToken);
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await t.gql(INTERACTIONS, { filter: { clientId: client.id } }, b.ownerToken);
    expect(list.body.data.interactions.totalCount).toBe(0);
  });

  it('sets and clears the development state', async () => {
    const client = await createClient(t, a.ownerToken);
    const set = await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: '2026-12-10', goal: 'Допродажа SEO', product: 'SEO' } }, a.ownerToken);
    expect(set.body.data.setNextContact).toMatchObject({ nextContactOn: '2026-12-10', nextContactGoal: 'Допродажа SEO', nextContactProduct: 'SEO' });
    const cleared = await t.gql(SET_NEXT_CONTACT, { input: { clientId: client.id, on: null } }, a.ownerToken);
    expect(cleared.body.data.setNextContact).toMatchObject({ nextContactOn: null, nextContactGoal: null, nextContactProduct: null });
  });
});

describe('agency settings', () => {
  it('lets the owner change the tolerance and intervals; a manager is refused', async () => {
    const res = await t.gql(SETTINGS, { input: { toolMixTolerancePp: '7.5', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' } }, a.ownerToken);
    expect(res.body.data.updateAgencySettings).toMatchObject({ toolMixTolerancePp: '7.50', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' });
    const refused = await t.gql(SETTINGS, { input: { maxContactIntervalDays: 1 } }, manager.token);
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const bad of [{ toolMixTolerancePp: '51' }, { maxContactIntervalDays: 0 }, { timeZone: 'Nowhere/Land' }]) {
      const r = await t.gql(SETTINGS, { input: bad }, a.ownerToken);
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const after = await t.gql(`{ agency { toolMixTolerancePp maxContactIntervalDays timeZone } }`, {}, a.ownerToken);
    expect(after.body.data.agency).toEqual({ toolMixTolerancePp: '7.50', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' });
    await t.gql(SETTINGS, { input: { timeZone: 'Europe/Moscow', maxContactIntervalDays: 30 } }, a.ownerToken);
  });
});
