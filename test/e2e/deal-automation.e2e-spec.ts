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
