/**
 * What a client-portal user sees: its own client without the agency's internal fields, offers
 * without internal fees, the agency's payment details and its account manager's contacts. A field
 * the portal may not see answers null with one FORBIDDEN error for that path; the rest of the
 * response is intact. Agency users still see everything.
 */
import { startTestApp, type GqlResponse, type TestApp } from '../support/app';
import { CREATE_USER, UPDATE_CLIENT } from '../support/documents';
import { createClient, createContact, createUser, login, PASSWORD, registerAgency, uniqueEmail, type AgencyActors } from '../support/factories';
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

const UPDATE_REQUISITES = /* GraphQL */ `
  mutation ($input: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $input) { legalName } }
`;

const REQUISITES = {
  legalName: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '773601001',
  address: 'Москва, ул. Льва Толстого, 16',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810938000000001',
  correspondentAccount: '30101810400000000225',
  signatoryName: 'Орлова Е. П.',
};

const AGENCY_FOR_PAYMENT = /* GraphQL */ `
  query {
    agency {
      name toolMixTolerancePp
      requisites {
        legalName inn kpp ogrn eik vatNumber address bankName bic settlementAccount correspondentAccount iban
        signatoryName signatoryPosition vatPayer invoiceNumberPattern actSignDays
      }
    }
  }
`;

const ACCOUNT_MANAGER = /* GraphQL */ `
  query ($id: ID!) { client(id: $id) { id accountManager { fullName email phone } } }
`;

const UPDATE_MY_PROFILE = /* GraphQL */ `
  mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id fullName phone locale } }
`;

const ME_PROFILE = /* GraphQL */ `
  query { me { id fullName phone locale } }
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
  const managerEmail = uniqueEmail('manager');
  const created = await t.gql(
    CREATE_USER,
    { input: { email: managerEmail, password: PASSWORD, role: 'MANAGER', fullName: 'Орлова Елена', phone: '8 (916) 123-45-67' } },
    a.ownerToken,
  );
  expect(created.body.errors).toBeUndefined();
  manager = { id: created.body.data.createUser.id, email: managerEmail, token: await login(t, managerEmail) };
  const req = await t.gql(UPDATE_REQUISITES, { input: REQUISITES }, a.ownerToken);
  expect(req.body.errors).toBeUndefined();
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
  // its creator became its account manager; this client is left without one
  expect((await t.gql(UPDATE_CLIENT, { input: { id: clientA2.id, ownerId: null } }, a.ownerToken)).body.errors).toBeUndefined();
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
    // in the agency's language (ru by default)
    expect(notesError.message).toBe('Client.notes недоступно в клиентском кабинете');
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

  it("refuse the agency's policy view of an offer: tool mix, justification, revisions, brief and deal", async () => {
    const res = await t.gql(
      `query ($id: ID!) { proposal(id: $id) { id status toolMix { withinPolicy } mixJustification revisions { id } briefId dealId } }`,
      { id: proposal.id },
      portalA1.token,
    );
    expect(res.body.data.proposal).toEqual({
      id: proposal.id, status: 'SENT', toolMix: null, mixJustification: null, revisions: null, briefId: null, dealId: null,
    });
    expect(forbiddenPaths(res)).toEqual(['proposal.briefId', 'proposal.dealId', 'proposal.mixJustification', 'proposal.revisions', 'proposal.toolMix']);
    const staff = await t.gql(`query ($id: ID!) { proposal(id: $id) { toolMix { withinPolicy } revisions { id } } }`, { id: proposal.id }, a.ownerToken);
    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data.proposal).toEqual({ toolMix: { withinPolicy: true }, revisions: [] });
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

describe('what the portal needs to pay and to talk to the agency', () => {
  it("shows the agency's name, legal entity, tax ids and bank details, not its numbering or policy settings", async () => {
    const res = await t.gql(AGENCY_FOR_PAYMENT, {}, portalA1.token);
    const agency = res.body.data.agency;
    expect(agency.requisites).toMatchObject({ ...REQUISITES, vatPayer: true, invoiceNumberPattern: null, actSignDays: null });
    expect(agency.name).toEqual(expect.any(String));
    expect(agency.toolMixTolerancePp).toBeNull();
    expect(forbiddenPaths(res)).toEqual(['agency.requisites.actSignDays', 'agency.requisites.invoiceNumberPattern', 'agency.toolMixTolerancePp']);
    expect(res.body.errors).toHaveLength(3);
  });

  it('still shows the agency its numbering and policy settings', async () => {
    const res = await t.gql(AGENCY_FOR_PAYMENT, {}, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.agency.toolMixTolerancePp).toBe('5.00');
    expect(res.body.data.agency.requisites.invoiceNumberPattern).toEqual(expect.any(String));
  });

  it("gives another agency's portal user its own agency only", async () => {
    const res = await t.gql(AGENCY_FOR_PAYMENT, {}, portalB.token);
    expect(res.body.data.agency.requisites).toMatchObject({ legalName: null, inn: null, settlementAccount: null });
    expect(res.body.data.agency.name).not.toBe((await t.gql(AGENCY_FOR_PAYMENT, {}, portalA1.token)).body.data.agency.name);
  });

  it("shows the client its account manager's name, email and phone (stored in E.164)", async () => {
    const res = await t.gql(ACCOUNT_MANAGER, { id: clientA1.id }, portalA1.token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.client.accountManager).toEqual({ fullName: 'Орлова Елена', email: manager.email, phone: '+79161234567' });
    const viaMe = await t.gql(`{ me { client { accountManager { email } } } }`, {}, portalA1.token);
    expect(viaMe.body.data.me.client.accountManager).toEqual({ email: manager.email });
    // the agency sees the same
    expect((await t.gql(ACCOUNT_MANAGER, { id: clientA1.id }, a.ownerToken)).body.data.client.accountManager.phone).toBe('+79161234567');
  });

  it("does not show another client's or another agency's portal user the client, nor its account manager", async () => {
    for (const token of [portalA2.token, portalB.token]) {
      const res = await t.gql(ACCOUNT_MANAGER, { id: clientA1.id }, token);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.client).toBeNull();
    }
    // A2 has no account manager: null, not someone else
    const own = await t.gql(ACCOUNT_MANAGER, { id: clientA2.id }, portalA2.token);
    expect(own.body.data.client).toEqual({ id: clientA2.id, accountManager: null });
  });

  it('shows the portal no other agency users: the staff user type stays out of reach', async () => {
    const res = await t.gql(`{ me { client { owner { id email phone } } } }`, {}, portalA1.token);
    expect(res.body.data.me.client.owner).toBeNull();
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['FORBIDDEN', 'Client.owner']]);
    const users = await t.gql(`{ clients(first: 100) { totalCount edges { node { id accountManager { email } } } } }`, {}, portalA1.token);
    expect(users.body.data.clients.totalCount).toBe(1);
    expect(users.body.data.clients.edges).toEqual([{ node: { id: clientA1.id, accountManager: { email: manager.email } } }]);
  });
});

describe('phones of users', () => {
  it('refuses an invalid phone at createUser (BAD_USER_INPUT input.phone) and creates nobody', async () => {
    const email = uniqueEmail('manager');
    const res = await t.gql(CREATE_USER, { input: { email, password: PASSWORD, role: 'MANAGER', phone: '12345' } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.phone' }] });
    expect(res.body.data?.createUser ?? null).toBeNull();
    const again = await t.gql(CREATE_USER, { input: { email, password: PASSWORD, role: 'MANAGER' } }, a.ownerToken);
    expect(again.body.errors).toBeUndefined();
  });

  it('lets a portal user set its own name and phone, international form kept in E.164', async () => {
    const res = await t.gql(UPDATE_MY_PROFILE, { input: { fullName: 'Петров Пётр', phone: '+359 88 812 3456' } }, portalA1.token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateMyProfile).toMatchObject({ id: portalA1.id, fullName: 'Петров Пётр', phone: '+359888123456' });
    expect((await t.gql(ME_PROFILE, {}, portalA1.token)).body.data.me).toMatchObject({ fullName: 'Петров Пётр', phone: '+359888123456' });
  });

  it('refuses an invalid phone on the profile (BAD_USER_INPUT input.phone) and changes nothing', async () => {
    const before = (await t.gql(ME_PROFILE, {}, manager.token)).body.data.me;
    const res = await t.gql(UPDATE_MY_PROFILE, { input: { fullName: 'Другое имя', phone: '+7 916' } }, manager.token);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.phone' }] });
    expect((await t.gql(ME_PROFILE, {}, manager.token)).body.data.me).toEqual(before);
  });

  it('clears a phone with null and reads a national number in the agency country', async () => {
    const other = await createUser(t, a.ownerToken, 'MANAGER');
    const set = await t.gql(UPDATE_MY_PROFILE, { input: { phone: '8 916 765 43 21' } }, other.token);
    expect(set.body.data.updateMyProfile.phone).toBe('+79167654321');
    const cleared = await t.gql(UPDATE_MY_PROFILE, { input: { phone: null } }, other.token);
    expect(cleared.body.data.updateMyProfile.phone).toBeNull();
  });

  it('needs a login', async () => {
    const res = await t.gql(UPDATE_MY_PROFILE, { input: { fullName: 'x' } }, null);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
