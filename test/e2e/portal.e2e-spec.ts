/**
 * What a client-portal user sees: its own client without the agency's internal fields, offers
 * without internal fees, the agency's payment details and its account manager's contacts. A field
 * the portal may not see answers null with one FORBIDDEN error for that path; the rest of the
 * response is intact. Agency users still see everything.
 */
import { startTestApp, type GqlResponse, type TestApp } from '../support/app';
import { createClient, createContact, createUser, registerAgency, type AgencyActors } from '../support/factories';
import { createSentProposal } from '../support/proposal.factories';

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; email: string; token: string };
let clientA1: any;
let clientA2: any;
let portalA1: { id: string; token: string };
let portalA2: { id: string; token: string };
let portalB: { id: string; token: string };
let proposal: any;

const LEAK_FIELDS = ['notes', 'nextContactGoal', 'nextContactProduct', 'advertisingBudget', 'brandStrength', 'relationshipStage'];

const ME_CLIENT_INTERNALS = /* GraphQL */ `
  query {
    me {
      id
      client {
        id name legalName inn
        notes nextContactGoal nextContactProduct advertisingBudget brandStrength relationshipStage
        contacts { fullName email notes }
      }
    }
  }
`;

const CLIENT_INTERNALS = /* GraphQL */ `
  query ($id: ID!) {
    client(id: $id) {
      id name
      notes nextContactGoal nextContactProduct advertisingBudget brandStrength relationshipStage
      contacts { fullName notes }
      stageHistory { toStage }
      owner { email }
    }
  }
`;

const SET_NEXT_CONTACT = /* GraphQL */ `
  mutation ($input: SetNextContactInput!) { setNextContact(input: $input) { id } }
`;

const PROPOSAL_LINES = /* GraphQL */ `
  query ($id: ID!) {
    proposal(id: $id) { id title lines { channel budget agencyFee feeInternal } totals { feeTotal } }
  }
`;

function forbiddenPaths(res: GqlResponse): string[] {
  return (res.body.errors ?? [])
    .filter((e) => e.extensions?.code === 'FORBIDDEN')
    .map((e) => (e.path ?? []).join('.'))
    .sort();
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  clientA1 = await createClient(t, a.ownerToken, {
    legalName: 'ООО «Ромашка»',
    inn: '7707083893',
    ownerId: manager.id,
    notes: 'Платит с задержкой, торговаться по скидке',
    advertisingBudget: '350000.00',
    advertisingBudgetCurrency: 'RUB',
    brandStrength: 'EMERGING',
    relationshipStage: 'EXPLORATION',
  });
  const next = await t.gql(
    SET_NEXT_CONTACT,
    { input: { clientId: clientA1.id, on: '2026-12-20', goal: 'Допродать SEO', product: 'SEO-аудит' } },
    a.ownerToken,
  );
  expect(next.body.errors).toBeUndefined();
  await createContact(t, a.ownerToken, clientA1.id, { email: 'ivanov@romashka.test', notes: 'Любит длинные созвоны' });
  clientA2 = await createClient(t, a.ownerToken);
  const clientB = await createClient(t, b.ownerToken);
  portalA1 = await createUser(t, a.ownerToken, 'CLIENT', clientA1.id);
  portalA2 = await createUser(t, a.ownerToken, 'CLIENT', clientA2.id);
  portalB = await createUser(t, b.ownerToken, 'CLIENT', clientB.id);
  proposal = await createSentProposal(t, a.ownerToken, clientA1.id);
});

afterAll(async () => {
  await t.close();
});

describe("the agency's internal notes about the client", () => {
  it('are null for the portal user, each with one FORBIDDEN error naming the field; the rest of the client is there', async () => {
    const res = await t.gql(ME_CLIENT_INTERNALS, {}, portalA1.token);
    const client = res.body.data?.me?.client;
    expect(client).toMatchObject({ id: clientA1.id, name: clientA1.name, legalName: 'ООО «Ромашка»', inn: '7707083893' });
    for (const f of LEAK_FIELDS) expect(client[f]).toBeNull();
    expect(client.contacts).toEqual([{ fullName: 'Иванов Иван Иванович', email: 'ivanov@romashka.test', notes: null }]);
    expect(forbiddenPaths(res)).toEqual(
      [...LEAK_FIELDS.map((f) => `me.client.${f}`), 'me.client.contacts.0.notes'].sort(),
    );
    const notesError = res.body.errors!.find((e) => e.path?.join('.') === 'me.client.notes')!;
    expect(notesError.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Client.notes' });
    expect(res.body.errors).toHaveLength(LEAK_FIELDS.length + 1);
  });

  it('are still there for agency users', async () => {
    for (const token of [a.ownerToken, manager.token]) {
      const res = await t.gql(CLIENT_INTERNALS, { id: clientA1.id }, token);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.client).toMatchObject({
        notes: 'Платит с задержкой, торговаться по скидке',
        nextContactGoal: 'Допродать SEO',
        nextContactProduct: 'SEO-аудит',
        advertisingBudget: '350000.00',
        brandStrength: 'EMERGING',
        relationshipStage: 'EXPLORATION',
        contacts: [{ fullName: 'Иванов Иван Иванович', notes: 'Любит длинные созвоны' }],
        owner: { email: manager.email },
      });
      expect(res.body.data.client.stageHistory.length).toBeGreaterThan(0);
    }
  });
});

describe('one forbidden field', () => {
  it('does not blank the response: the agency-only list is null with one error, the rest is data', async () => {
    const res = await t.gql(`{ me { id client { id name stageHistory { toStage } timeInStages { stage } } } }`, {}, portalA1.token);
    expect(res.body.data?.me).toEqual({
      id: portalA1.id,
      client: { id: clientA1.id, name: clientA1.name, stageHistory: null, timeInStages: null },
    });
    expect(forbiddenPaths(res)).toEqual(['me.client.stageHistory', 'me.client.timeInStages']);
    expect(res.body.errors).toHaveLength(2);
  });

  it("keeps the agency's staff out of reach: Client.owner is refused, not just empty", async () => {
    const res = await t.gql(CLIENT_INTERNALS, { id: clientA1.id }, portalA1.token);
    expect(res.body.data.client).toMatchObject({ id: clientA1.id, name: clientA1.name, owner: null });
    expect(forbiddenPaths(res)).toContain('client.owner');
  });
});

describe('offers in the portal', () => {
  it('hide the feeInternal flag and the internal fee; the lines and visible fees are there', async () => {
    const res = await t.gql(PROPOSAL_LINES, { id: proposal.id }, portalA1.token);
    const p = res.body.data.proposal;
    expect(p.lines.map((l: any) => [l.channel, l.budget, l.agencyFee, l.feeInternal])).toEqual([
      ['Яндекс Директ, поиск', '700000.00', '70000.00', null],
      ['VK Реклама', '200000.00', null, null],
      ['Telegram Ads', '100000.00', '0.00', null],
    ]);
    expect(p.totals.feeTotal).toBe('70000.00');
    expect(forbiddenPaths(res)).toEqual(['proposal.lines.0.feeInternal', 'proposal.lines.1.feeInternal', 'proposal.lines.2.feeInternal']);
  });

  it('show the agency the flag and the internal fee', async () => {
    const res = await t.gql(PROPOSAL_LINES, { id: proposal.id }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.proposal.lines.map((l: any) => [l.agencyFee, l.feeInternal])).toEqual([
      ['70000.00', false],
      ['20000.00', true],
      ['0.00', false],
    ]);
    expect(res.body.data.proposal.totals.feeTotal).toBe('90000.00');
  });
});
