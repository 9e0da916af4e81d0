/**
 * Proposals (commercial offers) as an API client sees them: the media plan and its 70/20/10 tool
 * mix, the status flow with its error results, expiry in the agency time zone, revisions, the
 * client portal, tenancy, batching of the media plan and the control points. Every refused
 * mutation is followed by reading the proposal back to prove that nothing changed.
 */
import { ProposalStatus } from '../../src/entities/enums';
import { effectiveProposalStatus, effectiveStatusParams, effectiveStatusSql } from '../../src/services/proposal.rules';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { createClient, createDeal, createUser, MISSING_ID, registerAgency, updateAgencySettings } from '../support/factories';
import {
  ACCEPT_PROPOSAL,
  CONTROL_POINTS,
  CREATE_PROPOSAL,
  createProposal,
  createSentProposal,
  dateFromToday,
  GET_PORTAL_PROPOSAL,
  GET_PROPOSAL,
  LIST_PROPOSALS,
  LIST_PROPOSALS_WITH_LINES,
  mediaPlan,
  PORTAL_ACCEPT_PROPOSAL,
  PORTAL_REJECT_PROPOSAL,
  REJECT_PROPOSAL,
  REVISE_PROPOSAL,
  SEND_PROPOSAL,
  UPDATE_PROPOSAL,
} from '../support/proposal.factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const logger = new CountingLogger();
let t: TestApp;

/** Agency A: owner, manager (owner of A1 and A2), portal users of A1 and A2. Agency B: owner, B1. */
let ownerA: string;
let managerA: { id: string; token: string };
let portalA1: string;
let portalA2: string;
let ownerB: string;
let A1: { id: string; name: string };
let A2: { id: string; name: string };
let B1: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp({ logger });
  const a = await registerAgency(t);
  ownerA = a.ownerToken;
  managerA = await createUser(t, ownerA, 'MANAGER');
  A1 = await createClient(t, ownerA, { ownerId: managerA.id });
  A2 = await createClient(t, ownerA, { ownerId: managerA.id });
  portalA1 = (await createUser(t, ownerA, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, ownerA, 'CLIENT', A2.id)).token;
  const b = await registerAgency(t);
  ownerB = b.ownerToken;
  B1 = await createClient(t, ownerB);
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

/** A mutation's Proposal result without its __typename, to compare with a read. */
function plain(result: any): any {
  const { __typename, ...rest } = result;
  expect(__typename).toBe('Proposal');
  return rest;
}

async function read(id: string, token = ownerA): Promise<any> {
  // the portal selects only what it may see (the rest answers FORBIDDEN: test/e2e/portal.e2e-spec.ts)
  const portal = token === portalA1 || token === portalA2;
  return expectOk(await t.gql(portal ? GET_PORTAL_PROPOSAL : GET_PROPOSAL, { id }, token)).proposal;
}

/** The stored rows of a proposal: what a refused mutation must leave exactly as it was. */
async function stored(id: string) {
  const [proposal] = await t.ds.query(`SELECT * FROM proposals WHERE id = $1`, [id]);
  const lines = await t.ds.query(`SELECT * FROM proposal_lines WHERE "proposalId" = $1 ORDER BY position`, [id]);
  const revisions = await t.ds.query(`SELECT * FROM proposal_revisions WHERE "proposalId" = $1 ORDER BY revision`, [id]);
  return { proposal, lines, revisions };
}

/** Reads back through the API and the database, and compares with what was there before. */
async function expectUnchanged(id: string, before: { api: any; db: Awaited<ReturnType<typeof stored>> }): Promise<void> {
  expect(await read(id)).toEqual(before.api);
  expect(await stored(id)).toEqual(before.db);
}

async function snapshot(id: string) {
  return { api: await read(id), db: await stored(id) };
}

/** Moves a proposal's validity into the past, as if time had passed since it was sent. */
async function ageValidity(id: string, validUntil = dateFromToday(-2)): Promise<void> {
  await t.ds.query(`UPDATE proposals SET "validUntil" = $2 WHERE id = $1`, [id, validUntil]);
}

// ---------------------------------------------------------------------------------------------

describe('createProposal', () => {
  it('creates a DRAFT with its media plan, tool mix, totals and blocks', async () => {
    const validUntil = dateFromToday(30);
    const res = await t.gql(
      CREATE_PROPOSAL,
      {
        input: {
          clientId: A1.id,
          currency: 'RUB',
          validUntil,
          title: '  КП: контекстная реклама  ',
          blocks: { companyPresentation: 'Мы — агентство полного цикла', guarantees: 'Возврат при невыполнении KPI' },
          lines: mediaPlan('700000.50', '200000', '99999.50'),
        },
      },
      managerA.token,
    );
    const p = expectOk(res).createProposal;
    expect(p).toMatchObject({
      clientId: A1.id,
      title: 'КП: контекстная реклама',
      currency: 'RUB',
      validUntil,
      status: 'DRAFT',
      revision: 1,
      sentAt: null,
      decidedAt: null,
      mixJustification: null,
      client: { id: A1.id, name: A1.name },
      revisions: [],
    });
    expect(p.blocks).toEqual({
      companyPresentation: 'Мы — агентство полного цикла',
      achievements: null,
      team: null,
      cases: null,
      marketAnalytics: null,
      placementAudit: null,
      recommendations: null,
      mediaPlanNotes: null,
      commercialTerms: null,
      guarantees: 'Возврат при невыполнении KPI',
    });
    expect(p.lines.map((l: any) => [l.position, l.channel, l.budget, l.agencyFee, l.feeInternal, l.category])).toEqual([
      [1, 'Яндекс Директ, поиск', '700000.50', '70000.00', false, 'PROVEN'],
      [2, 'VK Реклама', '200000.00', '20000.00', true, 'UNCERTAIN'],
      [3, 'Telegram Ads', '99999.50', '0.00', false, 'EXPERIMENTAL'],
    ]);
    expect(p.lines[2]).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    expect(p.lines[0].expectedKpi).toBe('CPL ≤ 1 500 ₽');
    expect(p.toolMix).toEqual({
      proven: '70.00',
      uncertain: '20.00',
      experimental: '10.00',
      provenDeviation: '0.00',
      uncertainDeviation: '0.00',
      experimentalDeviation: '0.00',
      tolerance: '5.00',
      withinPolicy: true,
      totalBudget: '1000000.00',
      provenBudget: '700000.50',
      uncertainBudget: '200000.00',
      experimentalBudget: '99999.50',
    });
    expect(p.totals).toEqual({ budgetTotal: '1000000.00', feeTotal: '90000.00', grandTotal: '1090000.00' });
  });

  it('shows shares as percentages rounded to two decimals', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: mediaPlan('1', '1', '1') });
    expect(p.toolMix).toMatchObject({ proven: '33.33', uncertain: '33.33', experimental: '33.33', provenDeviation: '-36.67', withinPolicy: false });
  });

  it('defaults the title and allows an empty media plan (no mix)', async () => {
    const p = await createProposal(t, ownerA, A1.id, { title: undefined, lines: undefined });
    expect(p.title).toBe('Коммерческое предложение');
    expect(p.lines).toEqual([]);
    expect(p.toolMix).toBeNull();
    expect(p.totals).toEqual({ budgetTotal: '0.00', feeTotal: '0.00', grandTotal: '0.00' });
  });

  it('refuses bad amounts, periods and categories with BAD_USER_INPUT and creates nothing', async () => {
    const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM proposals WHERE "clientId" = $1`, [A2.id]))[0].n;
    const before = await count();
    const base = { clientId: A2.id, currency: 'RUB', validUntil: dateFromToday(10) };
    const line = { channel: 'Поиск', budget: '100', category: 'PROVEN' };
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, budget: '-1' }] } }, ownerA), 'input.lines.0.budget');
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, budget: '1.005' }] } }, ownerA), 'input.lines.0.budget');
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [line, { ...line, agencyFee: '-5' }] } }, ownerA), 'input.lines.1.agencyFee');
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, budget: 100 }] } }, ownerA));
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, channel: '   ' }] } }, ownerA), 'input.lines.0.channel');
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, category: 'MAYBE' }] } }, ownerA));
    expectBadInput(
      await t.gql(CREATE_PROPOSAL, { input: { ...base, lines: [{ ...line, periodStart: '2026-05-02', periodEnd: '2026-05-01' }] } }, ownerA),
      'input.lines.0.periodEnd',
    );
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, validUntil: '2026-02-30' } }, ownerA));
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, title: '' } }, ownerA), 'input.title');
    expectBadInput(await t.gql(CREATE_PROPOSAL, { input: { ...base, clientId: 'nope' } }, ownerA), 'input.clientId');
    expect(await count()).toBe(before);
  });

  it('answers NOT_FOUND for a client of another agency, and creates nothing', async () => {
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM proposals WHERE "clientId" = $1`, [B1.id]))[0].n;
    const ext = expectCode(
      await t.gql(CREATE_PROPOSAL, { input: { clientId: B1.id, currency: 'RUB', validUntil: dateFromToday(5), lines: mediaPlan() } }, ownerA),
      'NOT_FOUND',
    );
    expect(ext.field).toBe('input.clientId');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM proposals WHERE "clientId" = $1`, [B1.id]))[0].n).toBe(before);
  });
});

describe('updateProposal', () => {
  it('changes a draft: lines replace the whole media plan, blocks merge', async () => {
    const p = await createProposal(t, ownerA, A1.id, { blocks: { team: 'Команда', cases: 'Кейсы' } });
    const res = await t.gql(
      UPDATE_PROPOSAL,
      {
        input: {
          id: p.id,
          title: 'Новое КП',
          validUntil: dateFromToday(45),
          currency: 'EUR',
          blocks: { team: 'Новая команда', cases: null },
          lines: [
            { channel: 'SEO', budget: '7500', category: 'PROVEN' },
            { channel: 'Контекст', budget: '2500', category: 'UNCERTAIN', agencyFee: '250' },
          ],
        },
      },
      managerA.token,
    );
    const u = expectOk(res).updateProposal;
    expect(u.__typename).toBe('Proposal');
    expect(u).toMatchObject({ title: 'Новое КП', validUntil: dateFromToday(45), currency: 'EUR', status: 'DRAFT', revision: 1 });
    expect(u.blocks).toMatchObject({ team: 'Новая команда', cases: null });
    expect(u.lines.map((l: any) => [l.position, l.channel, l.budget])).toEqual([
      [1, 'SEO', '7500.00'],
      [2, 'Контекст', '2500.00'],
    ]);
    expect(u.toolMix).toMatchObject({ proven: '75.00', uncertain: '25.00', experimental: '0.00', withinPolicy: false });
    expect(u.totals).toEqual({ budgetTotal: '10000.00', feeTotal: '250.00', grandTotal: '10250.00' });
    expect(await read(p.id)).toEqual(plain(u));
    expect((await stored(p.id)).lines).toHaveLength(2);
  });

  it('keeps the media plan when lines are omitted', async () => {
    const p = await createProposal(t, ownerA, A1.id);
    const u = expectOk(await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, title: 'Только заголовок' } }, ownerA)).updateProposal;
    expect(u.title).toBe('Только заголовок');
    expect(u.lines).toEqual(p.lines);
  });

  it('moves a draft to another client, media plan included (the portal of the new client sees its lines)', async () => {
    const p = await createProposal(t, ownerA, A1.id);
    const u = expectOk(await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, clientId: A2.id } }, ownerA)).updateProposal;
    expect(u).toMatchObject({ clientId: A2.id, client: { id: A2.id } });
    const lineClients = await t.ds.query(`SELECT DISTINCT "clientId" FROM proposal_lines WHERE "proposalId" = $1`, [p.id]);
    expect(lineClients).toEqual([{ clientId: A2.id }]);
    expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA));
    expect((await read(p.id, portalA2)).lines).toHaveLength(3);
    expect(await read(p.id, portalA1)).toBeNull();
    expectCode(await t.gql(UPDATE_PROPOSAL, { input: { id: (await createProposal(t, ownerA, A1.id)).id, clientId: B1.id } }, ownerA), 'NOT_FOUND');
  });

  it('answers NOT_EDITABLE for a sent proposal and changes nothing', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    const res = await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, title: 'Поздно', lines: [] } }, ownerA);
    expect(expectOk(res).updateProposal).toMatchObject({ __typename: 'ProposalNotEditableError', code: 'NOT_EDITABLE', status: 'SENT' });
    await expectUnchanged(p.id, before);
  });

  it('refuses to clear a required field', async () => {
    const p = await createProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    expectBadInput(await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, validUntil: null } }, ownerA), 'input.validUntil');
    await expectUnchanged(p.id, before);
  });

  it('answers NOT_FOUND for a missing id', async () => {
    const ext = expectCode(await t.gql(UPDATE_PROPOSAL, { input: { id: MISSING_ID, title: 'x' } }, ownerA), 'NOT_FOUND');
    expect(ext.field).toBe('input.id');
  });
});

describe('sendProposal', () => {
  it('sends a draft whose mix is within policy', async () => {
    const p = await createProposal(t, managerA.token, A1.id, { lines: mediaPlan('75', '15', '10') });
    const started = Date.now();
    const s = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, managerA.token)).sendProposal;
    expect(s).toMatchObject({ __typename: 'Proposal', status: 'SENT', mixJustification: null });
    expect(Date.parse(s.sentAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(await read(p.id)).toEqual(plain(s));
  });

  it('answers EMPTY_MEDIA_PLAN for a proposal without lines and changes nothing', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: [] });
    const before = await snapshot(p.id);
    const r = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id, justification: 'всё равно' } }, ownerA)).sendProposal;
    expect(r).toMatchObject({ __typename: 'EmptyMediaPlanError', code: 'EMPTY_MEDIA_PLAN' });
    expect(r.message).toEqual(expect.any(String));
    await expectUnchanged(p.id, before);
    expect(before.api.status).toBe('DRAFT');
  });

  it('answers EMPTY_MEDIA_PLAN when no line carries money (every budget and fee zero)', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: mediaPlan('0', '0', '0').map((l) => ({ ...l, agencyFee: '0' })) });
    const r = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(r.code).toBe('EMPTY_MEDIA_PLAN');
    expect((await read(p.id)).status).toBe('DRAFT');
  });

  it('answers TOOL_MIX_OUT_OF_POLICY with the shares, deviations and tolerance, and changes nothing', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: mediaPlan('75.01', '14.99', '10') });
    const before = await snapshot(p.id);
    for (const justification of [undefined, null, '', '   ']) {
      const r = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id, justification } }, ownerA)).sendProposal;
      expect(r).toMatchObject({
        __typename: 'ToolMixOutOfPolicyError',
        code: 'TOOL_MIX_OUT_OF_POLICY',
        proven: '75.01',
        uncertain: '14.99',
        experimental: '10.00',
        provenDeviation: '5.01',
        uncertainDeviation: '-5.01',
        experimentalDeviation: '0.00',
        tolerance: '5.00',
        toolMix: { withinPolicy: false },
      });
      await expectUnchanged(p.id, before);
    }
    expect(before.api).toMatchObject({ status: 'DRAFT', sentAt: null, mixJustification: null });
  });

  it('sends an out-of-policy mix with a justification and keeps it', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: [{ channel: 'Поиск', budget: '100000', category: 'PROVEN' }] });
    const s = expectOk(
      await t.gql(SEND_PROPOSAL, { input: { id: p.id, justification: '  Клиент хочет только проверенные каналы  ' } }, ownerA),
    ).sendProposal;
    expect(s).toMatchObject({ __typename: 'Proposal', status: 'SENT', mixJustification: 'Клиент хочет только проверенные каналы' });
    expect(s.toolMix).toMatchObject({ proven: '100.00', withinPolicy: false });
    expect((await read(p.id)).mixJustification).toBe('Клиент хочет только проверенные каналы');
  });

  it("uses the agency's own tolerance", async () => {
    const agency = await registerAgency(t);
    await updateAgencySettings(t, agency.ownerToken, { toolMixTolerancePp: '10' });
    const client = await createClient(t, agency.ownerToken);
    const p = await createProposal(t, agency.ownerToken, client.id, { lines: mediaPlan('80', '10', '10') });
    expect(p.toolMix).toMatchObject({ tolerance: '10.00', withinPolicy: true });
    const s = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, agency.ownerToken)).sendProposal;
    expect(s.status).toBe('SENT');
  });

  const FEE_ONLY = [
    { channel: 'SEO-продвижение', budget: '0', agencyFee: '120000.00', category: 'PROVEN' },
    { channel: 'SMM', budget: '0', agencyFee: '80000.00', category: 'UNCERTAIN' },
    { channel: 'Доработка сайта', budget: '0', agencyFee: '50000.00', category: 'EXPERIMENTAL' },
  ];
  const MIX_VIEWS = /* GraphQL */ `
    query($id: ID!) { proposal(id: $id) { status toolMix {
      basis proven withinPolicy totalTools provenTools uncertainTools experimentalTools totalBudget
      byBudget { basis proven uncertain experimental withinPolicy }
      byToolCount { basis proven uncertain experimental provenDeviation withinPolicy }
    } } }
  `;

  it('sends a fee-only proposal (SEO, SMM, web work without media budget): its mix is measured by tool count', async () => {
    const p = await createProposal(t, ownerA, A1.id, { lines: FEE_ONLY });
    const mix = expectOk(await t.gql(MIX_VIEWS, { id: p.id }, ownerA)).proposal.toolMix;
    expect(mix).toMatchObject({ basis: 'TOOL_COUNT', proven: '33.33', withinPolicy: false, totalTools: 3, totalBudget: '0.00', byBudget: null });
    expect(mix.byToolCount).toEqual({ basis: 'TOOL_COUNT', proven: '33.33', uncertain: '33.33', experimental: '33.33', provenDeviation: '-36.67', withinPolicy: false });

    const before = await snapshot(p.id);
    const refused = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(refused).toMatchObject({ __typename: 'ToolMixOutOfPolicyError', code: 'TOOL_MIX_OUT_OF_POLICY', proven: '33.33' });
    await expectUnchanged(p.id, before);
    const sent = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id, justification: 'Только услуги, без медиабюджета' } }, ownerA)).sendProposal;
    expect(sent).toMatchObject({ __typename: 'Proposal', status: 'SENT' });
    expect(sent.totals).toEqual({ budgetTotal: '0.00', feeTotal: '250000.00', grandTotal: '250000.00' });
  });

  it('sends a fee-only proposal of 7 proven, 2 uncertain and 1 experimental tools without a justification', async () => {
    const tool = (channel: string, category: string) => ({ channel, budget: '0', agencyFee: '10000', category });
    const lines = [
      ...['SEO', 'SMM ВКонтакте', 'SMM Telegram', 'Контент', 'Сайт', 'Аналитика', 'Email'].map((c) => tool(c, 'PROVEN')),
      tool('Подкасты', 'UNCERTAIN'), tool('Инфлюенсеры', 'UNCERTAIN'), tool('AR-маски', 'EXPERIMENTAL'),
    ];
    const p = await createProposal(t, ownerA, A1.id, { lines });
    const s = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(s).toMatchObject({ __typename: 'Proposal', status: 'SENT', mixJustification: null });
  });

  it('shows both views, and gates by tool count when the agency chooses it (default: budget share)', async () => {
    const agency = await registerAgency(t);
    const client = await createClient(t, agency.ownerToken);
    const SETTINGS = `mutation($i: UpdateAgencySettingsInput!) { updateAgencySettings(input: $i) { toolMixBasis } }`;
    const AGENCY = `query { agency { toolMixBasis } }`;
    expect(expectOk(await t.gql(AGENCY, {}, agency.ownerToken)).agency.toolMixBasis).toBe('BUDGET_SHARE');

    // 70/20/10 by budget, but one tool in each category (33/33/33 by count)
    const p = await createProposal(t, agency.ownerToken, client.id, { lines: mediaPlan() });
    const byBudget = expectOk(await t.gql(MIX_VIEWS, { id: p.id }, agency.ownerToken)).proposal.toolMix;
    expect(byBudget).toMatchObject({ basis: 'BUDGET_SHARE', proven: '70.00', withinPolicy: true, provenTools: 1, uncertainTools: 1, experimentalTools: 1 });
    expect(byBudget.byBudget).toMatchObject({ basis: 'BUDGET_SHARE', withinPolicy: true });
    expect(byBudget.byToolCount).toMatchObject({ basis: 'TOOL_COUNT', proven: '33.33', withinPolicy: false });

    expect(expectOk(await t.gql(SETTINGS, { i: { toolMixBasis: 'TOOL_COUNT' } }, agency.ownerToken)).updateAgencySettings.toolMixBasis).toBe('TOOL_COUNT');
    expect(expectOk(await t.gql(AGENCY, {}, agency.ownerToken)).agency.toolMixBasis).toBe('TOOL_COUNT');
    const byCount = expectOk(await t.gql(MIX_VIEWS, { id: p.id }, agency.ownerToken)).proposal.toolMix;
    expect(byCount).toMatchObject({ basis: 'TOOL_COUNT', proven: '33.33', withinPolicy: false });
    const refused = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, agency.ownerToken)).sendProposal;
    expect(refused).toMatchObject({ code: 'TOOL_MIX_OUT_OF_POLICY', proven: '33.33', toolMix: { withinPolicy: false } });
    expect(expectOk(await t.gql(MIX_VIEWS, { id: p.id }, agency.ownerToken)).proposal.status).toBe('DRAFT');

    // a manager may not change the setting
    const manager = await createUser(t, agency.ownerToken, 'MANAGER');
    expectCode(await t.gql(SETTINGS, { i: { toolMixBasis: 'BUDGET_SHARE' } }, manager.token), 'FORBIDDEN');
    expect(expectOk(await t.gql(AGENCY, {}, agency.ownerToken)).agency.toolMixBasis).toBe('TOOL_COUNT');
  });

  it('answers VALIDITY_PASSED when the validity date is over, and changes nothing', async () => {
    const validUntil = dateFromToday(-2);
    const p = await createProposal(t, ownerA, A1.id, { validUntil });
    const before = await snapshot(p.id);
    const r = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(r).toMatchObject({ __typename: 'ProposalValidityPassedError', code: 'VALIDITY_PASSED', validUntil });
    await expectUnchanged(p.id, before);
  });

  it('answers ILLEGAL_TRANSITION from SENT to SENT and changes nothing', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    const r = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(r).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Proposal', from: 'SENT', to: 'SENT' });
    await expectUnchanged(p.id, before);
  });
});

describe('acceptProposal / rejectProposal', () => {
  it('accepts a sent proposal', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const a = expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: p.id } }, managerA.token)).acceptProposal;
    expect(a).toMatchObject({ __typename: 'Proposal', status: 'ACCEPTED' });
    expect(a.decidedAt).not.toBeNull();
    expect(await read(p.id)).toEqual(plain(a));
  });

  it('answers ILLEGAL_TRANSITION from DRAFT to ACCEPTED and changes nothing', async () => {
    const p = await createProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    const r = expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: p.id } }, ownerA)).acceptProposal;
    expect(r).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', from: 'DRAFT', to: 'ACCEPTED' });
    await expectUnchanged(p.id, before);
  });

  it('an accepted proposal is final: no reject, no revise, no second accept', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: p.id } }, ownerA));
    const before = await snapshot(p.id);
    const rej = expectOk(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE', note: 'Дорого' } }, ownerA)).rejectProposal;
    expect(rej).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'ACCEPTED', to: 'REJECTED' });
    const rev = expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'ещё раз' } }, ownerA)).reviseProposal;
    expect(rev).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'ACCEPTED', to: 'DRAFT' });
    const acc = expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: p.id } }, ownerA)).acceptProposal;
    expect(acc).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'ACCEPTED', to: 'ACCEPTED' });
    await expectUnchanged(p.id, before);
  });

  it('two concurrent decisions: the row lock lets exactly one through', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const [acc, rej] = await Promise.all([
      t.gql(PORTAL_ACCEPT_PROPOSAL, { input: { id: p.id } }, portalA1),
      t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE', note: 'Дорого' } }, ownerA),
    ]);
    const results = [expectOk(acc).acceptProposal, expectOk(rej).rejectProposal];
    expect(results.map((r) => r.__typename).sort()).toEqual(['IllegalTransitionError', 'Proposal']);
    const winner = results.find((r) => r.__typename === 'Proposal');
    expect((await read(p.id)).status).toBe(winner.status);
  });

  it('rejects a sent proposal with a reason and a note', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const r = expectOk(
      await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'COMPETITOR', note: ' Выбрали другое агентство ' } }, ownerA),
    ).rejectProposal;
    expect(r).toMatchObject({ __typename: 'Proposal', status: 'REJECTED', rejectionReason: 'COMPETITOR', rejectionNote: 'Выбрали другое агентство' });
    expect(await read(p.id)).toEqual(plain(r));
  });

  it('refuses a rejection without a reason or with a blank note (BAD_USER_INPUT) and changes nothing', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, note: 'Дорого' } }, ownerA));
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: null, note: 'Дорого' } }, ownerA));
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'SOMETHING', note: 'Дорого' } }, ownerA));
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE' } }, ownerA));
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE', note: '' } }, ownerA), 'input.note');
    expectBadInput(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE', note: '   ' } }, ownerA), 'input.note');
    await expectUnchanged(p.id, before);
    expect(before.api.status).toBe('SENT');
  });
});

describe('expiry (end of the validity day in the agency time zone)', () => {
  it('reads a sent proposal past its validity as EXPIRED, refuses accepting it, and lets it be revised', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    await ageValidity(p.id);
    expect((await read(p.id)).status).toBe('EXPIRED');

    const before = await snapshot(p.id);
    const acc = expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: p.id } }, ownerA)).acceptProposal;
    expect(acc).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Proposal', from: 'EXPIRED', to: 'ACCEPTED' });
    const rej = expectOk(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'TIMING', note: 'Поздно' } }, ownerA)).rejectProposal;
    expect(rej).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'EXPIRED', to: 'REJECTED' });
    const accPortal = expectOk(await t.gql(PORTAL_ACCEPT_PROPOSAL, { input: { id: p.id } }, portalA1)).acceptProposal;
    expect(accPortal).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'EXPIRED', to: 'ACCEPTED' });
    await expectUnchanged(p.id, before);

    const rev = expectOk(
      await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Продлеваем срок', correctionDueOn: dateFromToday(3) } }, ownerA),
    ).reviseProposal;
    expect(rev).toMatchObject({ __typename: 'Proposal', status: 'DRAFT', revision: 2, correctionDueOn: dateFromToday(3) });
    expect(rev.revisions).toEqual([expect.objectContaining({ revision: 1, status: 'EXPIRED', reason: 'Продлеваем срок' })]);

    const upd = expectOk(await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, validUntil: dateFromToday(20) } }, ownerA)).updateProposal;
    expect(upd.status).toBe('DRAFT');
    const sent = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(sent).toMatchObject({ status: 'SENT', revision: 2, correctionDueOn: null });
  });

  it('is still SENT on its last day', async () => {
    // today in Moscow is never over before the day ends; tomorrow is certainly not over
    const p = await createSentProposal(t, ownerA, A1.id, { validUntil: dateFromToday(1) });
    expect((await read(p.id)).status).toBe('SENT');
  });

  it('the SQL rule of the list filter agrees with the service at the end of the day (Europe/Moscow, Asia/Kamchatka, America/New_York)', async () => {
    const cases: Array<[string, string, string]> = [
      ['Europe/Moscow', '2026-03-10', '2026-03-10T20:59:59.999Z'],
      ['Europe/Moscow', '2026-03-10', '2026-03-10T21:00:00.000Z'],
      ['Asia/Kamchatka', '2026-03-10', '2026-03-10T11:59:59.999Z'],
      ['Asia/Kamchatka', '2026-03-10', '2026-03-10T12:00:00.000Z'],
      ['America/New_York', '2026-03-08', '2026-03-09T03:59:59.999Z'],
      ['America/New_York', '2026-03-08', '2026-03-09T04:00:00.000Z'],
    ];
    for (const [zone, validUntil, at] of cases) {
      const row = await t.ds
        .createQueryBuilder()
        .select(effectiveStatusSql('p'), 'status')
        .from(`(SELECT 'SENT'::proposal_status AS "status", '${validUntil}'::date AS "validUntil")`, 'p')
        .setParameters(effectiveStatusParams(zone, new Date(at)))
        .getRawOne();
      expect([zone, at, row.status]).toEqual([zone, at, effectiveProposalStatus({ status: ProposalStatus.SENT, validUntil }, zone, new Date(at))]);
    }
  });

  it('filters by the effective status', async () => {
    const client = await createClient(t, ownerA);
    const sent = await createSentProposal(t, ownerA, client.id);
    const expired = await createSentProposal(t, ownerA, client.id);
    await ageValidity(expired.id);
    const draft = await createProposal(t, ownerA, client.id);
    const ids = async (statuses: string[]) =>
      expectOk(await t.gql(LIST_PROPOSALS, { filter: { clientId: client.id, statuses } }, ownerA)).proposals.edges.map((e: any) => e.node.id);
    expect(await ids(['EXPIRED'])).toEqual([expired.id]);
    expect(await ids(['SENT'])).toEqual([sent.id]);
    expect(await ids(['DRAFT'])).toEqual([draft.id]);
    expect(new Set(await ids(['SENT', 'EXPIRED']))).toEqual(new Set([sent.id, expired.id]));
    const res = expectOk(await t.gql(LIST_PROPOSALS, { filter: { clientId: client.id, statuses: ['EXPIRED'] } }, ownerA));
    expect(res.proposals.totalCount).toBe(1);
    expect(res.proposals.edges[0].node.status).toBe('EXPIRED');
  });
});

describe('reviseProposal and the revision history', () => {
  it('keeps each previous revision with its date, reason and media plan', async () => {
    const p = await createSentProposal(t, ownerA, A1.id, { title: 'Версия 1' });
    expectOk(await t.gql(REJECT_PROPOSAL, { input: { id: p.id, reason: 'PRICE', note: 'Дорого' } }, ownerA));
    const started = Date.now();
    const r1 = expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Снизить бюджет', correctionDueOn: dateFromToday(2) } }, ownerA))
      .reviseProposal;
    expect(r1).toMatchObject({
      __typename: 'Proposal',
      status: 'DRAFT',
      revision: 2,
      sentAt: null,
      decidedAt: null,
      rejectionReason: null,
      rejectionNote: null,
      correctionDueOn: dateFromToday(2),
    });
    expect(r1.revisions).toHaveLength(1);
    expect(r1.revisions[0]).toMatchObject({ revision: 1, status: 'REJECTED', reason: 'Снизить бюджет', title: 'Версия 1', validUntil: p.validUntil });
    expect(Date.parse(r1.revisions[0].correctedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(r1.revisions[0].lines.map((l: any) => l.budget)).toEqual(['700000.00', '200000.00', '100000.00']);

    expectOk(
      await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, title: 'Версия 2', lines: mediaPlan('350000', '100000', '50000') } }, ownerA),
    );
    const s2 = expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA)).sendProposal;
    expect(s2).toMatchObject({ status: 'SENT', revision: 2, correctionDueOn: null });
    const r2 = expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Добавить SEO' } }, ownerA)).reviseProposal;
    expect(r2).toMatchObject({ status: 'DRAFT', revision: 3, correctionDueOn: null });
    expect(r2.revisions.map((r: any) => [r.revision, r.status, r.title, r.reason])).toEqual([
      [1, 'REJECTED', 'Версия 1', 'Снизить бюджет'],
      [2, 'SENT', 'Версия 2', 'Добавить SEO'],
    ]);
    expect(r2.revisions[1].lines.map((l: any) => l.budget)).toEqual(['350000.00', '100000.00', '50000.00']);
    // the media plan of the current revision is untouched by revising
    expect(r2.lines.map((l: any) => l.budget)).toEqual(['350000.00', '100000.00', '50000.00']);
    const db = await stored(p.id);
    expect(db.revisions.map((r: any) => r.revision)).toEqual([1, 2]);
    expect(db.revisions[0].snapshot.lines).toHaveLength(3);
  });

  it('answers ILLEGAL_TRANSITION from DRAFT to DRAFT and changes nothing', async () => {
    const p = await createProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    const r = expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'x' } }, ownerA)).reviseProposal;
    expect(r).toMatchObject({ __typename: 'IllegalTransitionError', from: 'DRAFT', to: 'DRAFT' });
    await expectUnchanged(p.id, before);
  });

  it('requires a reason', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const before = await snapshot(p.id);
    expectBadInput(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: '  ' } }, ownerA), 'input.reason');
    await expectUnchanged(p.id, before);
  });
});

describe('the client portal', () => {
  let draft: any;
  let sent: any;

  beforeAll(async () => {
    draft = await createProposal(t, ownerA, A1.id);
    sent = await createSentProposal(t, ownerA, A1.id, { lines: mediaPlan('900000', '50000', '50000') }, 'Проверенные каналы важнее');
  });

  it('never shows drafts', async () => {
    expect(await read(draft.id, portalA1)).toBeNull();
    const ids = expectOk(await t.gql(LIST_PROPOSALS, { first: 100 }, portalA1)).proposals.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).toContain(sent.id);
    const drafts = expectOk(await t.gql(LIST_PROPOSALS, { filter: { statuses: ['DRAFT'] } }, portalA1)).proposals;
    expect(drafts.edges).toEqual([]);
    expect(drafts.totalCount).toBe(0);
  });

  it('shows a sent proposal without the justification and internal fees', async () => {
    const p = await read(sent.id, portalA1);
    // mixJustification, revisions and feeInternal are refused to the portal (test/e2e/portal.e2e-spec.ts)
    expect(p).toMatchObject({ id: sent.id, status: 'SENT' });
    expect(p.lines.map((l: any) => l.agencyFee)).toEqual(['70000.00', null, '0.00']);
    // the internal fee (20 000) is not counted in what the portal sees
    expect(p.totals).toEqual({ budgetTotal: '1000000.00', feeTotal: '70000.00', grandTotal: '1070000.00' });
    // the agency sees both
    const staff = await read(sent.id);
    expect(staff.mixJustification).toBe('Проверенные каналы важнее');
    expect(staff.lines[1].agencyFee).toBe('20000.00');
    expect(staff.totals.feeTotal).toBe('90000.00');
  });

  it("hides the proposals from another client's portal user", async () => {
    expect(await read(sent.id, portalA2)).toBeNull();
    const ids = expectOk(await t.gql(LIST_PROPOSALS, { first: 100 }, portalA2)).proposals.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(sent.id);
    const before = await snapshot(sent.id);
    expectCode(await t.gql(ACCEPT_PROPOSAL, { input: { id: sent.id } }, portalA2), 'NOT_FOUND');
    expectCode(await t.gql(REJECT_PROPOSAL, { input: { id: sent.id, reason: 'PRICE', note: 'x' } }, portalA2), 'NOT_FOUND');
    await expectUnchanged(sent.id, before);
  });

  it('refuses every agency operation with FORBIDDEN and changes nothing', async () => {
    const before = await snapshot(sent.id);
    const draftBefore = await snapshot(draft.id);
    const count = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM proposals WHERE "clientId" = $1`, [A1.id]))[0].n;
    const n = await count();
    expectCode(
      await t.gql(CREATE_PROPOSAL, { input: { clientId: A1.id, currency: 'RUB', validUntil: dateFromToday(5), lines: mediaPlan() } }, portalA1),
      'FORBIDDEN',
    );
    expectCode(await t.gql(UPDATE_PROPOSAL, { input: { id: draft.id, title: 'x' } }, portalA1), 'FORBIDDEN');
    expectCode(await t.gql(SEND_PROPOSAL, { input: { id: draft.id } }, portalA1), 'FORBIDDEN');
    expectCode(await t.gql(REVISE_PROPOSAL, { input: { id: sent.id, reason: 'x' } }, portalA1), 'FORBIDDEN');
    expect(await count()).toBe(n);
    await expectUnchanged(sent.id, before);
    await expectUnchanged(draft.id, draftBefore);
  });

  it('cannot accept a draft: it does not exist for the portal', async () => {
    const before = await snapshot(draft.id);
    expectCode(await t.gql(ACCEPT_PROPOSAL, { input: { id: draft.id } }, portalA1), 'NOT_FOUND');
    await expectUnchanged(draft.id, before);
  });

  it('accepts its own sent proposal', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const a = expectOk(await t.gql(PORTAL_ACCEPT_PROPOSAL, { input: { id: p.id } }, portalA1)).acceptProposal;
    expect(a).toMatchObject({ __typename: 'Proposal', status: 'ACCEPTED' });
    expect((await read(p.id)).status).toBe('ACCEPTED');
  });

  it('rejects its own sent proposal', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    const r = expectOk(await t.gql(PORTAL_REJECT_PROPOSAL, { input: { id: p.id, reason: 'NO_BUDGET', note: 'Бюджет урезали' } }, portalA1))
      .rejectProposal;
    expect(r).toMatchObject({ __typename: 'Proposal', status: 'REJECTED', rejectionReason: 'NO_BUDGET' });
  });

  it('no longer sees a proposal sent back to DRAFT by a revision', async () => {
    const p = await createSentProposal(t, ownerA, A1.id);
    expect(await read(p.id, portalA1)).not.toBeNull();
    expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Правки' } }, ownerA));
    expect(await read(p.id, portalA1)).toBeNull();
  });
});

describe('tenancy: another agency', () => {
  let sentA: any;
  let draftA: any;

  beforeAll(async () => {
    sentA = await createSentProposal(t, ownerA, A1.id);
    draftA = await createProposal(t, ownerA, A1.id);
  });

  it('cannot read a proposal by id or in a list', async () => {
    expect(await read(sentA.id, ownerB)).toBeNull();
    expect(await read(draftA.id, ownerB)).toBeNull();
    expect(await read(MISSING_ID, ownerB)).toBeNull();
    expect(await read('not-a-uuid', ownerB)).toBeNull();
    const list = expectOk(await t.gql(LIST_PROPOSALS, { first: 100 }, ownerB)).proposals;
    const ids = list.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(sentA.id);
    expect(ids).not.toContain(draftA.id);
    const filtered = expectOk(await t.gql(LIST_PROPOSALS, { filter: { clientId: A1.id } }, ownerB)).proposals;
    expect(filtered.edges).toEqual([]);
    expect(filtered.totalCount).toBe(0);
  });

  it('gets NOT_FOUND from every mutation, and nothing changes', async () => {
    const sentBefore = await snapshot(sentA.id);
    const draftBefore = await snapshot(draftA.id);
    for (const [doc, input] of [
      [SEND_PROPOSAL, { id: draftA.id }],
      [ACCEPT_PROPOSAL, { id: sentA.id }],
      [REJECT_PROPOSAL, { id: sentA.id, reason: 'PRICE', note: 'x' }],
      [REVISE_PROPOSAL, { id: sentA.id, reason: 'x' }],
      [UPDATE_PROPOSAL, { id: draftA.id, title: 'x' }],
    ] as const) {
      const ext = expectCode(await t.gql(doc, { input }, ownerB), 'NOT_FOUND');
      expect(ext.field).toBe('input.id');
    }
    await expectUnchanged(sentA.id, sentBefore);
    await expectUnchanged(draftA.id, draftBefore);
  });

  it('the other agency sees its own proposals only', async () => {
    const pB = await createSentProposal(t, ownerB, B1.id);
    expect((await read(pB.id, ownerB)).id).toBe(pB.id);
    expect(await read(pB.id, ownerA)).toBeNull();
    expectCode(await t.gql(ACCEPT_PROPOSAL, { input: { id: pB.id } }, ownerA), 'NOT_FOUND');
    expectCode(await t.gql(ACCEPT_PROPOSAL, { input: { id: pB.id } }, portalA1), 'NOT_FOUND');
    expect((await read(pB.id, ownerB)).status).toBe('SENT');
  });

  it('anonymous callers are UNAUTHENTICATED', async () => {
    expectCode(await t.gql(GET_PROPOSAL, { id: sentA.id }, null), 'UNAUTHENTICATED');
    expectCode(await t.gql(ACCEPT_PROPOSAL, { input: { id: sentA.id } }, null), 'UNAUTHENTICATED');
  });
});

describe('proposals list', () => {
  let agency: Awaited<ReturnType<typeof registerAgency>>;
  let c1: any;
  let c2: any;
  const made: any[] = [];

  beforeAll(async () => {
    agency = await registerAgency(t);
    c1 = await createClient(t, agency.ownerToken);
    c2 = await createClient(t, agency.ownerToken);
    for (const [client, days] of [
      [c1, 10],
      [c1, 3],
      [c2, 7],
      [c1, 20],
      [c2, 1],
    ] as const) {
      made.push(await createProposal(t, agency.ownerToken, client.id, { validUntil: dateFromToday(days) }));
    }
  });

  const list = async (vars: Record<string, unknown>) => expectOk(await t.gql(LIST_PROPOSALS, vars, agency.ownerToken)).proposals;

  it('is newest first by default, with keyset pages', async () => {
    const p1 = await list({ first: 2 });
    expect(p1.totalCount).toBe(5);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = await list({ first: 2, after: p1.pageInfo.endCursor });
    const p3 = await list({ first: 2, after: p2.pageInfo.endCursor });
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const ids = [...p1.edges, ...p2.edges, ...p3.edges].map((e: any) => e.node.id);
    expect(ids).toEqual([...made].reverse().map((p) => p.id));
  });

  it('sorts by validity date and pages through it', async () => {
    const first = await list({ first: 3, orderBy: { field: 'VALID_UNTIL' } });
    const rest = await list({ first: 3, after: first.pageInfo.endCursor, orderBy: { field: 'VALID_UNTIL' } });
    const dates = [...first.edges, ...rest.edges].map((e: any) => e.node.validUntil);
    expect(dates).toEqual([1, 3, 7, 10, 20].map(dateFromToday));
    const desc = await list({ orderBy: { field: 'VALID_UNTIL', direction: 'DESC' } });
    expect(desc.edges.map((e: any) => e.node.validUntil)).toEqual([20, 10, 7, 3, 1].map(dateFromToday));
  });

  it('refuses a cursor of another sort order', async () => {
    const byCreated = await list({ first: 1 });
    expectBadInput(
      await t.gql(LIST_PROPOSALS, { first: 1, after: byCreated.pageInfo.endCursor, orderBy: { field: 'VALID_UNTIL' } }, agency.ownerToken),
      'after',
    );
    expectBadInput(await t.gql(LIST_PROPOSALS, { first: 1, after: 'garbage' }, agency.ownerToken), 'after');
    expectBadInput(await t.gql(LIST_PROPOSALS, { first: 0 }, agency.ownerToken));
  });

  it('filters by client and by validity date', async () => {
    const ofC2 = await list({ filter: { clientId: c2.id } });
    expect(ofC2.edges.map((e: any) => e.node.clientId)).toEqual([c2.id, c2.id]);
    const soon = await list({ filter: { validBefore: dateFromToday(7) }, orderBy: { field: 'VALID_UNTIL' } });
    expect(soon.edges.map((e: any) => e.node.validUntil)).toEqual([1, 3, 7].map(dateFromToday));
    expect(soon.totalCount).toBe(3);
  });

  it('filters by deal', async () => {
    const deal = await createDeal(t, agency.ownerToken, c1.id);
    const p = await createProposal(t, agency.ownerToken, c1.id, { dealId: deal.id });
    expect(p.dealId).toBe(deal.id);
    const res = await list({ filter: { dealId: deal.id } });
    expect(res.edges.map((e: any) => e.node.id)).toEqual([p.id]);
    // null clears the link
    const cleared = expectOk(await t.gql(UPDATE_PROPOSAL, { input: { id: p.id, dealId: null } }, agency.ownerToken)).updateProposal;
    expect(cleared.dealId).toBeNull();
    expect((await list({ filter: { dealId: deal.id } })).edges).toEqual([]);
    // a deal of another client cannot be linked
    expectBadInput(
      await t.gql(CREATE_PROPOSAL, { input: { clientId: c2.id, currency: 'RUB', validUntil: dateFromToday(5), dealId: deal.id } }, agency.ownerToken),
      'input.dealId',
    );
  });
});

describe('DataLoader batching of the media plan', () => {
  it('lists 20 proposals with lines, mix, totals, revisions and client in a constant number of SQL statements', async () => {
    const agency = await registerAgency(t);
    const clients = [await createClient(t, agency.ownerToken), await createClient(t, agency.ownerToken)];
    for (let i = 0; i < 20; i++) await createProposal(t, agency.ownerToken, clients[i % 2].id);

    const run = async (first: number) => {
      logger.reset();
      const res = await t.gql(LIST_PROPOSALS_WITH_LINES, { first }, agency.ownerToken);
      const nodes = expectOk(res).proposals.edges.map((e: any) => e.node);
      return { nodes, count: logger.count, statements: [...logger.statements] };
    };
    const twenty = await run(20);
    expect(twenty.nodes).toHaveLength(20);
    for (const n of twenty.nodes) {
      expect(n.lines).toHaveLength(3);
      expect(n.toolMix.withinPolicy).toBe(true);
      expect(n.totals.budgetTotal).toBe('1000000.00');
      expect(n.client).not.toBeNull();
    }
    const five = await run(5);
    expect(five.nodes).toHaveLength(5);
    expect(twenty.count).toBe(five.count);
    // auth + page + lines + agency + clients + revisions
    expect(twenty.count).toBeLessThanOrEqual(7);
    expect(twenty.statements.filter((s) => /FROM "proposal_lines"/.test(s))).toHaveLength(1);
  });
});

describe('control points', () => {
  it('lists a sent proposal under PROPOSAL_VALIDITY_ENDING with dueOn = validUntil and the client owner as manager', async () => {
    const client = await createClient(t, ownerA, { ownerId: managerA.id });
    const validUntil = dateFromToday(12);
    const p = await createSentProposal(t, ownerA, client.id, { validUntil });
    const draft = await createProposal(t, ownerA, client.id);
    const res = expectOk(
      await t.gql(CONTROL_POINTS, { filter: { kinds: ['PROPOSAL_VALIDITY_ENDING'], clientId: client.id } }, ownerA),
    ).controlPoints;
    const items = res.edges.map((e: any) => e.node);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'PROPOSAL_VALIDITY_ENDING',
        dueOn: validUntil,
        overdue: false,
        clientId: client.id,
        objectType: 'Proposal',
        objectId: p.id,
        managerId: managerA.id,
      }),
    ]);
    expect(items.map((i: any) => i.objectId)).not.toContain(draft.id);
    const mine = expectOk(
      await t.gql(CONTROL_POINTS, { filter: { kinds: ['PROPOSAL_VALIDITY_ENDING'], managerId: managerA.id } }, managerA.token),
    ).controlPoints.edges.map((e: any) => e.node.objectId);
    expect(mine).toContain(p.id);
  });

  it('keeps an expired, unresolved proposal as overdue, and drops it once accepted', async () => {
    const client = await createClient(t, ownerA);
    const p = await createSentProposal(t, ownerA, client.id);
    await ageValidity(p.id);
    const items = async () =>
      expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['PROPOSAL_VALIDITY_ENDING'], clientId: client.id } }, ownerA)).controlPoints.edges.map(
        (e: any) => e.node,
      );
    expect(await items()).toEqual([expect.objectContaining({ objectId: p.id, dueOn: dateFromToday(-2), overdue: true })]);
    expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Продлить' } }, ownerA));
    expect(await items()).toEqual([]);
  });

  it('lists the planned correction of a revised proposal under PROPOSAL_CORRECTION', async () => {
    const client = await createClient(t, ownerA, { ownerId: managerA.id });
    const p = await createSentProposal(t, ownerA, client.id);
    const due = dateFromToday(4);
    expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: p.id, reason: 'Правки клиента', correctionDueOn: due } }, ownerA));
    const items = async () =>
      expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['PROPOSAL_CORRECTION'], clientId: client.id } }, ownerA)).controlPoints.edges.map(
        (e: any) => e.node,
      );
    expect(await items()).toEqual([
      expect.objectContaining({ kind: 'PROPOSAL_CORRECTION', dueOn: due, objectId: p.id, managerId: managerA.id, overdue: false }),
    ]);
    // sending the corrected offer delivers the correction
    expectOk(await t.gql(SEND_PROPOSAL, { input: { id: p.id } }, ownerA));
    expect(await items()).toEqual([]);
  });

  it('shows nothing of another agency', async () => {
    const pB = await createSentProposal(t, ownerB, B1.id);
    const ids = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['PROPOSAL_VALIDITY_ENDING'] }, first: 100 }, ownerA)).controlPoints.edges.map(
      (e: any) => e.node.objectId,
    );
    expect(ids).not.toContain(pB.id);
  });
});

describe('numbers on offers', () => {
  const NUMBER_OF = `query($id: ID!) { proposal(id: $id) { number status } }`;
  const SEND = `mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename ... on Proposal { number status } } }`;
  const REVISE = `mutation($i: ReviseProposalInput!) { reviseProposal(input: $i) { __typename ... on Proposal { number status } } }`;
  const year = new Date().getUTCFullYear();

  it('numbers an offer when it is first sent, in its own gapless series per agency and year; a refused send takes no number; a resend keeps it', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const portal = (await createUser(t, a.ownerToken, 'CLIENT', client.id)).token;
    const first = await createProposal(t, a.ownerToken, client.id);
    expect(expectOk(await t.gql(NUMBER_OF, { id: first.id }, a.ownerToken)).proposal).toEqual({ number: null, status: 'DRAFT' });

    // out of the 70/20/10 policy without a justification: refused, no number taken
    const strayed = await createProposal(t, a.ownerToken, client.id, { lines: mediaPlan('100000', '800000', '100000') });
    const refused = expectOk(await t.gql(SEND, { i: { id: strayed.id } }, a.ownerToken)).sendProposal;
    expect(refused.__typename).toBe('ToolMixOutOfPolicyError');
    expect(expectOk(await t.gql(NUMBER_OF, { id: strayed.id }, a.ownerToken)).proposal).toEqual({ number: null, status: 'DRAFT' });

    const sent = expectOk(await t.gql(SEND, { i: { id: first.id } }, a.ownerToken)).sendProposal;
    expect(sent).toEqual({ __typename: 'Proposal', number: `КП-${year}-0001`, status: 'SENT' });
    const second = expectOk(await t.gql(SEND, { i: { id: strayed.id, justification: 'Клиент просит тест новых каналов' } }, a.ownerToken)).sendProposal;
    expect(second.number).toBe(`КП-${year}-0002`);

    // a corrected offer is sent again under the same number
    expect(expectOk(await t.gql(REVISE, { i: { id: first.id, reason: 'Уточнить бюджет' } }, a.ownerToken)).reviseProposal).toEqual({ __typename: 'Proposal', number: `КП-${year}-0001`, status: 'DRAFT' });
    expect(expectOk(await t.gql(SEND, { i: { id: first.id } }, a.ownerToken)).sendProposal.number).toBe(`КП-${year}-0001`);

    // the client sees the number in the portal
    expect(expectOk(await t.gql(NUMBER_OF, { id: first.id }, portal)).proposal).toEqual({ number: `КП-${year}-0001`, status: 'SENT' });

    // another agency has its own series; invoices and contracts do not share it
    const b = await registerAgency(t);
    const bClient = await createClient(t, b.ownerToken);
    const bSent = await createSentProposal(t, b.ownerToken, bClient.id);
    expect(expectOk(await t.gql(NUMBER_OF, { id: bSent.id }, b.ownerToken)).proposal.number).toBe(`КП-${year}-0001`);
  });

  it('follows the agency pattern (updateAgencyRequisites proposalNumberPattern)', async () => {
    const a = await registerAgency(t);
    const res = await t.gql(`mutation { updateAgencyRequisites(input: { proposalNumberPattern: "ПРЕДЛ-{YY}/{N:3}" }) { proposalNumberPattern } }`, {}, a.ownerToken);
    expect(expectOk(res).updateAgencyRequisites.proposalNumberPattern).toBe('ПРЕДЛ-{YY}/{N:3}');
    const client = await createClient(t, a.ownerToken);
    const sent = await createSentProposal(t, a.ownerToken, client.id);
    expect(expectOk(await t.gql(NUMBER_OF, { id: sent.id }, a.ownerToken)).proposal.number).toBe(`ПРЕДЛ-${String(year % 100).padStart(2, '0')}/001`);
    const bad = await t.gql(`mutation { updateAgencyRequisites(input: { proposalNumberPattern: "КП-{YYYY}" }) { proposalNumberPattern } }`, {}, a.ownerToken);
    expectBadInput(bad, 'input.proposalNumberPattern');
  });
});
