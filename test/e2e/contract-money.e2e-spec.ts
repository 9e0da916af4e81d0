/**
 * The price basis of contracts and proposals (VAT included «в т.ч. НДС», or on top) and what
 * follows from it: schedule items invoiced so that the invoices of a schedule add up to the
 * contract to the kopeck, the contract cap on issuing (CONTRACT_TOTAL_EXCEEDED), acts of a
 * contract across the 2026 rate change, and a contract from an accepted proposal carrying exactly
 * what the client saw (internal fees never billed). Refusals are followed by reading the state back.
 */
import { startTestApp, TestApp } from '../support/app';
import { ACCEPT_PROPOSAL, createSentProposal, GET_PORTAL_PROPOSAL } from '../support/proposal.factories';
import { dataOf, expectBadInput, expectOk } from '../support/expect';
import { AgencyActors, createClient, createUser, registerAgency, updateAgencySettings } from '../support/factories';
import { CREATE_INVOICE, GET_INVOICE, invoiceLine, issuedInvoice } from '../support/invoice.factories';

let t: TestApp;
let a: AgencyActors;

const CONTRACT = /* GraphQL */ `
  fragment BasisContract on Contract {
    id amount currency priceBasis proposalId
    paymentSchedule { id position percent amount invoiced due }
  }
`;
const CREATE_CONTRACT = /* GraphQL */ `
  mutation($input: CreateContractInput!) { createContract(input: $input) { ...BasisContract } } ${CONTRACT}
`;
const UPDATE_CONTRACT = /* GraphQL */ `
  mutation($input: UpdateContractInput!) { updateContract(input: $input) { __typename ... on Contract { ...BasisContract } ... on ErrorResult { code } } } ${CONTRACT}
`;
const READ_CONTRACT = /* GraphQL */ `query($id: ID!) { contract(id: $id) { ...BasisContract } } ${CONTRACT}`;
const ISSUE = /* GraphQL */ `
  mutation($input: IssueInvoiceInput!) {
    issueInvoice(input: $input) {
      __typename
      ... on Invoice { id status priceBasis subtotal vatTotal total amountDue number }
      ... on ErrorResult { code message }
      ... on ContractTotalExceededError { contractTotal alreadyBilled attempted }
    }
  }
`;
const ACT = /* GraphQL */ `
  mutation($input: CreateActInput!) {
    createAct(input: $input) { id subtotal vatTotal total vatDifference lines { vatRate invoicedVatRate net vat gross } }
  }
`;
const PRICE_BASIS_SETTING = /* GraphQL */ `query { agency { id priceBasis } }`;

function schedule(...percents: string[]) {
  return percents.map((percent, i) => ({ label: `Платёж ${i + 1}`, trigger: 'ON_DATE', percent, dueOn: '2026-12-01' }));
}

async function contract(clientId: string, input: Record<string, unknown>): Promise<any> {
  return expectOk(await t.gql(CREATE_CONTRACT, { input: { clientId, subject: 'Ведение рекламных кампаний', currency: 'RUB', ...input } }, a.ownerToken)).createContract;
}

async function itemInvoice(clientId: string, contractId: string, scheduleItemId: string, issueDate = '2026-03-01'): Promise<any> {
  const draft = expectOk(await t.gql(CREATE_INVOICE, { input: { clientId, contractId, scheduleItemId, currency: 'RUB', dueDate: '2026-12-31' } }, a.ownerToken)).createInvoice;
  return expectOk(await t.gql(ISSUE, { input: { id: draft.id, issueDate } }, a.ownerToken)).issueInvoice;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
});
afterAll(() => t.close());

describe('the price basis of a contract', () => {
  it('a schedule item of a VAT-inclusive contract is invoiced at the item amount, VAT extracted (122 000: the 50 % item is 61 000, not 74 420)', async () => {
    const client = await createClient(t, a.ownerToken);
    const c = await contract(client.id, { amount: '122000.00', paymentSchedule: schedule('50', '50') });
    expect(c.priceBasis).toBe('VAT_INCLUDED');
    const first = await itemInvoice(client.id, c.id, c.paymentSchedule[0].id);
    // vat = round(61 000 × 22 / 122, 2) = 11 000.00; net = 61 000 − 11 000
    expect(first).toMatchObject({ __typename: 'Invoice', priceBasis: 'VAT_INCLUDED', subtotal: '50000.00', vatTotal: '11000.00', total: '61000.00', amountDue: '61000.00' });
    const second = await itemInvoice(client.id, c.id, c.paymentSchedule[1].id);
    expect(second).toMatchObject({ total: '61000.00' });
    const read = expectOk(await t.gql(READ_CONTRACT, { id: c.id }, a.ownerToken)).contract;
    expect(read.paymentSchedule.map((i: any) => i.due)).toEqual(['61000.00', '61000.00']);
  });

  it('the invoices of a schedule sum to the contract total to the kopeck, whatever the basis (the last item takes the remainder)', async () => {
    const client = await createClient(t, a.ownerToken);
    const included = await contract(client.id, { amount: '100000.01', paymentSchedule: schedule('33.3333', '33.3333', '33.3334') });
    const totals = [];
    for (const item of included.paymentSchedule) totals.push((await itemInvoice(client.id, included.id, item.id)).total);
    // 33.3333 % of 100 000.01 = 33 333.2999… → 33 333.30; the last item takes the remainder
    expect(totals).toEqual(['33333.30', '33333.30', '33333.41']);
    expect(totals.reduce((s, v) => s + Math.round(Number(v) * 100), 0)).toBe(10000001);

    const onTop = await contract(client.id, { amount: '100000.01', priceBasis: 'VAT_ON_TOP', paymentSchedule: schedule('33.3333', '33.3333', '33.3334') });
    expect(onTop.priceBasis).toBe('VAT_ON_TOP');
    const nets = [];
    for (const item of onTop.paymentSchedule) {
      const inv = await itemInvoice(client.id, onTop.id, item.id);
      expect(inv).toMatchObject({ priceBasis: 'VAT_ON_TOP' });
      nets.push(inv.subtotal);
    }
    // on top: the net of each invoice is the item amount, and the nets sum to the contract amount
    expect(nets).toEqual(['33333.30', '33333.30', '33333.41']);
  });

  it('the live invoices of a contract never bill more than its total: CONTRACT_TOTAL_EXCEEDED, the draft stays as it was', async () => {
    const client = await createClient(t, a.ownerToken);
    const c = await contract(client.id, { amount: '100000.00' });
    const first = await issuedInvoice(t, a.ownerToken, client.id, { contractId: c.id, lines: [invoiceLine('Работы, март', '60000.00')] }, '2026-03-01');
    // VAT included: round(60 000 × 22 / 122, 2) = 10 819.67
    expect(first).toMatchObject({ total: '60000.00', vatTotal: '10819.67' });
    const draft = expectOk(
      await t.gql(CREATE_INVOICE, { input: { clientId: client.id, contractId: c.id, currency: 'RUB', dueDate: '2026-12-31', lines: [invoiceLine('Работы, апрель', '40000.01')] } }, a.ownerToken),
    ).createInvoice;
    const before = expectOk(await t.gql(GET_INVOICE, { id: draft.id }, a.ownerToken)).invoice;
    const refused = expectOk(await t.gql(ISSUE, { input: { id: draft.id, issueDate: '2026-04-01' } }, a.ownerToken)).issueInvoice;
    expect(refused).toMatchObject({
      __typename: 'ContractTotalExceededError',
      code: 'CONTRACT_TOTAL_EXCEEDED',
      contractTotal: '100000.00',
      alreadyBilled: '60000.00',
      attempted: '40000.01',
    });
    expect(expectOk(await t.gql(GET_INVOICE, { id: draft.id }, a.ownerToken)).invoice).toEqual(before);

    // exactly the rest is fine
    const rest = expectOk(
      await t.gql(CREATE_INVOICE, { input: { clientId: client.id, contractId: c.id, currency: 'RUB', dueDate: '2026-12-31', lines: [invoiceLine('Работы, апрель', '40000.00')] } }, a.ownerToken),
    ).createInvoice;
    expect(expectOk(await t.gql(ISSUE, { input: { id: rest.id, issueDate: '2026-04-01' } }, a.ownerToken)).issueInvoice).toMatchObject({ __typename: 'Invoice', total: '40000.00' });
  });

  it('the agency default decides the basis of a new contract; the basis can be changed on a draft', async () => {
    expect(expectOk(await t.gql(PRICE_BASIS_SETTING, {}, a.ownerToken)).agency.priceBasis).toBe('VAT_INCLUDED');
    const other = await registerAgency(t);
    await updateAgencySettings(t, other.ownerToken, { priceBasis: 'VAT_ON_TOP' });
    const client = await createClient(t, other.ownerToken);
    const res = await t.gql(CREATE_CONTRACT, { input: { clientId: client.id, subject: 'SEO', amount: '1000.00', currency: 'RUB' } }, other.ownerToken);
    const c = expectOk(res).createContract;
    expect(c.priceBasis).toBe('VAT_ON_TOP');
    const changed = expectOk(await t.gql(UPDATE_CONTRACT, { input: { id: c.id, priceBasis: 'VAT_INCLUDED' } }, other.ownerToken)).updateContract;
    expect(changed).toMatchObject({ __typename: 'Contract', priceBasis: 'VAT_INCLUDED' });
  });
});

describe('acts of a contract follow its basis across the rate change', () => {
  it('a VAT-inclusive December-2025 invoice closed by an act dated 2026: the total stays, the VAT part is recomputed, no difference', async () => {
    const client = await createClient(t, a.ownerToken);
    const c = await contract(client.id, { amount: '120000.00' });
    const inv = await issuedInvoice(
      t,
      a.ownerToken,
      client.id,
      { contractId: c.id, supplyDate: '2025-12-20', dueDate: '2026-01-31', lines: [invoiceLine('Ведение рекламы, декабрь', '120000.00')] },
      '2025-12-20',
    );
    expect(inv).toMatchObject({ subtotal: '100000.00', vatTotal: '20000.00', total: '120000.00' });
    const act = dataOf(
      await t.gql(ACT, { input: { contractId: c.id, periodStart: '2025-12-01', periodEnd: '2025-12-31', actDate: '2026-01-12' } }, a.ownerToken),
      'createAct',
    );
    // vat = round(120 000 × 22 / 122, 2) = 21 639.34
    expect(act).toMatchObject({ subtotal: '98360.66', vatTotal: '21639.34', total: '120000.00', vatDifference: '0.00' });
    expect(act.lines).toEqual([expect.objectContaining({ vatRate: '22.00', invoicedVatRate: '20.00', gross: '120000.00' })]);
  });

  it('with VAT on top the net stays and the difference is due', async () => {
    const client = await createClient(t, a.ownerToken);
    const c = await contract(client.id, { amount: '100000.00', priceBasis: 'VAT_ON_TOP' });
    await issuedInvoice(
      t,
      a.ownerToken,
      client.id,
      { contractId: c.id, supplyDate: '2025-12-20', dueDate: '2026-01-31', lines: [invoiceLine('Ведение рекламы, декабрь', '100000.00')] },
      '2025-12-20',
    );
    const act = dataOf(
      await t.gql(ACT, { input: { contractId: c.id, periodStart: '2025-12-01', periodEnd: '2025-12-31', actDate: '2026-01-12' } }, a.ownerToken),
      'createAct',
    );
    expect(act).toMatchObject({ subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00', vatDifference: '2000.00' });
  });
});

describe('what the client saw is what is billed', () => {
  it('a contract from an accepted proposal carries the total the portal showed, never the internal fees', async () => {
    const client = await createClient(t, a.ownerToken);
    const portal = (await createUser(t, a.ownerToken, 'CLIENT', client.id)).token;
    const sent = await createSentProposal(t, a.ownerToken, client.id, {
      priceBasis: 'VAT_ON_TOP',
      lines: [
        { channel: 'Яндекс Директ', budget: '70000.00', agencyFee: '10000.00', category: 'PROVEN' },
        { channel: 'VK Реклама', budget: '20000.00', agencyFee: '5000.00', feeInternal: true, category: 'UNCERTAIN' },
        { channel: 'Telegram Ads', budget: '10000.00', agencyFee: '5000.00', feeInternal: true, category: 'EXPERIMENTAL' },
      ],
    });
    const seen = dataOf(await t.gql(GET_PORTAL_PROPOSAL, { id: sent.id }, portal), 'proposal');
    expect(seen.totals.grandTotal).toBe('110000.00');
    expectOk(await t.gql(ACCEPT_PROPOSAL, { input: { id: sent.id } }, a.ownerToken));

    // a basis other than the proposal's is refused: the client accepted these prices as they were
    const before = Number((await t.ds.query(`SELECT count(*)::int AS n FROM contracts WHERE "clientId" = $1`, [client.id]))[0].n);
    expectBadInput(await t.gql(CREATE_CONTRACT, { input: { clientId: client.id, proposalId: sent.id, priceBasis: 'VAT_INCLUDED' } }, a.ownerToken), 'input.priceBasis');
    expect(Number((await t.ds.query(`SELECT count(*)::int AS n FROM contracts WHERE "clientId" = $1`, [client.id]))[0].n)).toBe(before);

    const c = expectOk(await t.gql(CREATE_CONTRACT, { input: { clientId: client.id, proposalId: sent.id } }, a.ownerToken)).createContract;
    expect(c).toMatchObject({ amount: '110000.00', priceBasis: 'VAT_ON_TOP', proposalId: sent.id });
  });
});
