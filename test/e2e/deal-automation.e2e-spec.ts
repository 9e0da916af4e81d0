import { localDate } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { createClient, createUser, registerAgency } from '../support/factories';

const DEAL = `query($id: ID!) { deal(id: $id) { stage status history { from to note } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('deals move with the pipeline and the money', () => {
  it('a sent proposal moves its deal to PROPOSAL, an accepted one (even by the client in the portal) to CONTRACT, a signed contract to PAYMENT, the first payment to DELIVERY, a signed act to CLOSING', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const deal = (await t.gql(`mutation($i: CreateDealInput!) { createDeal(input: $i) { id stage } }`, { i: { clientId: client.id, title: 'Контекст' } }, a.ownerToken)).body.data.createDeal;
    expect(deal.stage).toBe('PRESENTATION');
    const stage = async () => (await t.gql(DEAL, { id: deal.id }, a.ownerToken)).body.data.deal;

    const proposal = (await t.gql(`mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`, {
      i: { clientId: client.id, dealId: deal.id, currency: 'RUB', validUntil: '2099-12-31', lines: [
        { channel: 'Поиск', budget: '70000.00', category: 'PROVEN' }, { channel: 'РСЯ', budget: '20000.00', category: 'UNCERTAIN' }, { channel: 'Тест', budget: '10000.00', category: 'EXPERIMENTAL' },
      ] },
    }, a.ownerToken)).body.data.createProposal;
    await t.gql(`mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename } }`, { i: { id: proposal.id } }, a.ownerToken);
    expect((await stage()).stage).toBe('PROPOSAL');
    const accepted = await t.gql(`mutation($i: AcceptProposalInput!) { acceptProposal(input: $i) { __typename } }`, { i: { id: proposal.id } }, portal.token);
    expect(accepted.body.data.acceptProposal.__typename).toBe('Proposal');
    expect((await stage()).stage).toBe('CONTRACT');

    const contract = (await t.gql(`mutation($i: CreateContractInput!) { createContract(input: $i) { id amount } }`, { i: { clientId: client.id, proposalId: proposal.id } }, a.ownerToken)).body.data.createContract;
    await t.gql(`mutation($i: SignContractInput!) { signContract(input: $i) { __typename } }`, { i: { id: contract.id } }, a.ownerToken);
    expect((await stage()).stage).toBe('PAYMENT');

    const invoice = (await t.gql(`mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`, {
      i: { clientId: client.id, contractId: contract.id, currency: 'RUB', dueDate: '2099-12-31', lines: [{ description: 'Работы', unitPrice: contract.amount }] },
    }, a.ownerToken)).body.data.createInvoice;
    await t.gql(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename } }`, { i: { id: invoice.id } }, a.ownerToken);
    const today = new Date().toISOString().slice(0, 10);
    await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }`, { i: { invoiceId: invoice.id, amount: '1000.00', paidAt: '2026-01-15' < today ? '2026-01-15' : today } }, a.ownerToken);
    expect((await stage()).stage).toBe('DELIVERY');

    const act = (await t.gql(`mutation($i: CreateActInput!) { createAct(input: $i) { id } }`, {
      i: { clientId: client.id, contractId: contract.id, currency: 'RUB', periodStart: '2026-01-01', periodEnd: '2026-01-31', lines: [{ description: 'Работы за январь', unitPrice: '1000.00' }] },
    }, a.ownerToken)).body.data.createAct;
    await t.gql(`mutation($i: IssueActInput!) { issueAct(input: $i) { __typename } }`, { i: { id: act.id, actDate: '2026-02-01' } }, a.ownerToken);
    const signed = await t.gql(`mutation($i: SignActInput!) { signAct(input: $i) { __typename } }`, { i: { id: act.id } }, portal.token);
    expect(signed.body.data.signAct.__typename).toBe('Act');
    const final = await stage();
    expect(final.stage).toBe('CLOSING');
    expect(final.history.map((h: any) => h.to)).toEqual(['PRESENTATION', 'PROPOSAL', 'CONTRACT', 'PAYMENT', 'DELIVERY', 'CLOSING']);
  });
});

describe('a rejected proposal reaches the deal and the funnel', () => {
  const CREATE_DEAL = `mutation($i: CreateDealInput!) { createDeal(input: $i) { id stage } }`;
  const CREATE_PROPOSAL = `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`;
  const SEND = `mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename } }`;
  const REJECT = `mutation($i: RejectProposalInput!) { rejectProposal(input: $i) { __typename ... on Proposal { status rejectionReason } ... on ErrorResult { code } } }`;
  const LOST_DEAL = `query($id: ID!) { deal(id: $id) { stage status lostAtStage lossReason closeNote history { from to } } }`;
  const FUNNEL = `query($i: FunnelInput!) { funnel(input: $i) { stages { stage entered lost lossesByReason { reason count } } totals { lost } } }`;
  const LINES = [
    { channel: 'Поиск', budget: '70000.00', category: 'PROVEN' },
    { channel: 'РСЯ', budget: '20000.00', category: 'UNCERTAIN' },
    { channel: 'Тест', budget: '10000.00', category: 'EXPERIMENTAL' },
  ];

  async function sentProposalWithDeal(token: string, clientId: string, dealStage?: string) {
    const deal = (await t.gql(CREATE_DEAL, { i: { clientId, title: 'Контекст', stage: dealStage } }, token)).body.data.createDeal;
    const proposal = (await t.gql(CREATE_PROPOSAL, { i: { clientId, dealId: deal.id, currency: 'RUB', validUntil: '2099-12-31', lines: LINES } }, token)).body.data.createProposal;
    expect((await t.gql(SEND, { i: { id: proposal.id } }, token)).body.data.sendProposal.__typename).toBe('Proposal');
    return { deal, proposal };
  }

  it('rejecting a proposal (by the client in the portal) closes its deal as LOST at PROPOSAL with the reason and the note', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const { deal, proposal } = await sentProposalWithDeal(a.ownerToken, client.id);
    const rej = (await t.gql(REJECT, { i: { id: proposal.id, reason: 'PRICE', note: 'Дорого' } }, portal.token)).body.data.rejectProposal;
    expect(rej).toEqual({ __typename: 'Proposal', status: 'REJECTED', rejectionReason: 'PRICE' });
    const back = (await t.gql(LOST_DEAL, { id: deal.id }, a.ownerToken)).body.data.deal;
    expect(back).toMatchObject({ stage: 'PROPOSAL', status: 'LOST', lostAtStage: 'PROPOSAL', lossReason: 'PRICE', closeNote: 'Дорого' });
    expect(back.history.map((h: any) => h.to)).toEqual(['PRESENTATION', 'PROPOSAL']);

    // the funnel's days are the agency's own (late in the UTC evening Moscow is already tomorrow)
    const { timeZone } = (await t.gql('{ agency { timeZone } }', {}, a.ownerToken)).body.data.agency;
    const today = localDate(new Date(), timeZone);
    const f = (await t.gql(FUNNEL, { i: { from: today, to: today } }, a.ownerToken)).body.data.funnel;
    const proposalRow = f.stages.find((s: any) => s.stage === 'PROPOSAL');
    expect(proposalRow).toEqual({ stage: 'PROPOSAL', entered: 1, lost: 1, lossesByReason: [{ reason: 'PRICE', count: 1 }] });
    expect(f.totals.lost).toBe(1);
  });

  it('a deal still at PRESENTATION walks to PROPOSAL before it is lost; a refused rejection leaves the deal open', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const { deal, proposal } = await sentProposalWithDeal(a.ownerToken, client.id);
    // the manager took the deal back to the presentation while the offer was out
    await t.gql(`mutation($i: MoveDealInput!) { moveDeal(input: $i) { __typename } }`, { i: { id: deal.id, stage: 'PRESENTATION' } }, a.ownerToken);
    await t.gql(REJECT, { i: { id: proposal.id, reason: 'COMPETITOR', note: 'Выбрали другое агентство' } }, a.ownerToken);
    const back = (await t.gql(LOST_DEAL, { id: deal.id }, a.ownerToken)).body.data.deal;
    expect(back).toMatchObject({ status: 'LOST', lostAtStage: 'PROPOSAL', lossReason: 'COMPETITOR' });
    expect(back.history.map((h: any) => h.to)).toEqual(['PRESENTATION', 'PROPOSAL', 'PRESENTATION', 'PROPOSAL']);

    // a second rejection is ILLEGAL_TRANSITION and changes nothing
    const again = (await t.gql(REJECT, { i: { id: proposal.id, reason: 'PRICE', note: 'x' } }, a.ownerToken)).body.data.rejectProposal;
    expect(again).toEqual({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION' });
    expect((await t.gql(LOST_DEAL, { id: deal.id }, a.ownerToken)).body.data.deal).toMatchObject({ lossReason: 'COMPETITOR' });

    const other = await sentProposalWithDeal(a.ownerToken, client.id);
    const blank = await t.gql(REJECT, { i: { id: other.proposal.id, reason: 'PRICE', note: '   ' } }, a.ownerToken);
    expect(blank.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(LOST_DEAL, { id: other.deal.id }, a.ownerToken)).body.data.deal).toMatchObject({ stage: 'PROPOSAL', status: 'OPEN' });
  });

  it('a deal the manager already moved past the proposal is left as it is', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const { deal, proposal } = await sentProposalWithDeal(a.ownerToken, client.id);
    await t.gql(`mutation($i: MoveDealInput!) { moveDeal(input: $i) { __typename } }`, { i: { id: deal.id, stage: 'CONTRACT' } }, a.ownerToken);
    await t.gql(REJECT, { i: { id: proposal.id, reason: 'PRICE', note: 'Старая версия' } }, a.ownerToken);
    expect((await t.gql(LOST_DEAL, { id: deal.id }, a.ownerToken)).body.data.deal).toMatchObject({ stage: 'CONTRACT', status: 'OPEN', lossReason: null });
  });
});
