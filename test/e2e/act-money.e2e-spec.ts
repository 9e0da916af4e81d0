/**
 * The money of acts: the VAT rate change between the invoices an act closes and the act itself
 * (RU 20 % → 22 % on 2026-01-01), and acts made from a contract for a period, never from
 * prepayments.
 */
import { startTestApp, TestApp } from '../support/app';
import { signedContract } from '../support/contract.factories';
import { expectBadInput, expectOk } from '../support/expect';
import { AgencyActors, createClient, registerAgency } from '../support/factories';
import { cancelledInvoice, invoiceLine, issuedInvoice, paidInvoice } from '../support/invoice.factories';

let t: TestApp;
let a: AgencyActors;

const MONEY_FIELDS = /* GraphQL */ `
  fragment ActMoney on Act {
    id clientId contractId invoiceIds number status actDate periodStart periodEnd currency
    subtotal vatTotal total vatDifference issuedAt updatedAt
    lines { position description quantity unitPrice vatRate vatRateAuto invoicedVatRate net vat gross }
  }
`;
const CREATE = /* GraphQL */ `mutation($input: CreateActInput!) { createAct(input: $input) { ...ActMoney } } ${MONEY_FIELDS}`;
const UPDATE = /* GraphQL */ `mutation($input: UpdateActInput!) { updateAct(input: $input) { __typename ... on Act { ...ActMoney } ... on ErrorResult { code } } } ${MONEY_FIELDS}`;
const ISSUE = /* GraphQL */ `mutation($input: IssueActInput!) { issueAct(input: $input) { __typename ... on Act { ...ActMoney } ... on ErrorResult { code } } } ${MONEY_FIELDS}`;
const READ = /* GraphQL */ `query($id: ID!) { act(id: $id) { ...ActMoney } } ${MONEY_FIELDS}`;
const TRANSITION = (name: string, inputType: string) =>
  /* GraphQL */ `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Act { status vatDifference } ... on ErrorResult { code } } }`;
const SIGN = TRANSITION('signAct', 'SignActInput');
const DISPUTE = TRANSITION('disputeAct', 'DisputeActInput');
const REVISE = TRANSITION('reviseAct', 'ReviseActInput');
const BALANCES = /* GraphQL */ `query($id: ID!) { client(id: $id) { balances { currency invoiced paid actDifferences outstanding } } }`;

async function balancesOf(clientId: string, token = a.ownerToken): Promise<any[]> {
  return expectOk(await t.gql(BALANCES, { id: clientId }, token)).client.balances;
}

async function readAct(id: string): Promise<any> {
  const res = await t.gql(READ, { id }, a.ownerToken);
  return res.body.data.act;
}

async function actCount(): Promise<number> {
  // read-only count of the agency's acts, to prove a refusal wrote nothing
  return (await t.ds.query(`SELECT count(*)::int AS n FROM acts WHERE "agencyId" = $1`, [a.agencyId]))[0].n;
}

function without<T extends Record<string, unknown>>(v: T, ...keys: string[]): Partial<T> {
  const copy: Record<string, unknown> = { ...v };
  for (const k of keys) delete copy[k];
  return copy as Partial<T>;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
});
afterAll(() => t.close());

describe('the VAT rate change on acts (RU 20 % in 2025, 22 % from 2026)', () => {
  it('never re-prices an act at issue: an act dated in 2026 for a December-2025 invoice shows the VAT difference on the draft, and the issued act agrees', async () => {
    const client = await createClient(t, a.ownerToken);
    const invoice = await issuedInvoice(t, a.ownerToken, client.id, { lines: [invoiceLine('Ведение рекламы, декабрь', '100000.00')] }, '2025-12-15');
    expect(invoice).toMatchObject({ subtotal: '100000.00', vatTotal: '20000.00', total: '120000.00' });

    const created = await t.gql(
      CREATE,
      { input: { clientId: client.id, currency: 'RUB', periodStart: '2025-12-01', periodEnd: '2025-12-31', invoiceIds: [invoice.id] } },
      a.ownerToken,
    );
    const draft = created.body.data.createAct;
    expect(draft).toMatchObject({ status: 'DRAFT', subtotal: '100000.00', vatTotal: '20000.00', total: '120000.00', vatDifference: '0.00' });
    expect(draft.lines).toEqual([expect.objectContaining({ vatRate: '20.00', invoicedVatRate: '20.00', net: '100000.00', vat: '20000.00' })]);

    // issuing it on 2026-01-12 would change its amounts: refused, the draft stays as it was
    const refused = await t.gql(ISSUE, { input: { id: draft.id, actDate: '2026-01-12' } }, a.ownerToken);
    expectBadInput(refused, 'input.actDate');
    expect(await readAct(draft.id)).toEqual(draft);

    // the act date is chosen on the draft: the new rate and the difference are shown before issuing
    const moved = (await t.gql(UPDATE, { input: { id: draft.id, actDate: '2026-01-12' } }, a.ownerToken)).body.data.updateAct;
    expect(moved).toMatchObject({
      __typename: 'Act', status: 'DRAFT', actDate: '2026-01-12',
      subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00', vatDifference: '2000.00',
    });
    expect(moved.lines).toEqual([
      expect.objectContaining({ vatRate: '22.00', vatRateAuto: true, invoicedVatRate: '20.00', net: '100000.00', vat: '22000.00', gross: '122000.00' }),
    ]);

    const issued = (await t.gql(ISSUE, { input: { id: draft.id } }, a.ownerToken)).body.data.issueAct;
    expect(issued).toMatchObject({ __typename: 'Act', status: 'ISSUED', actDate: '2026-01-12' });
    expect(without(issued, '__typename', 'status', 'number', 'issuedAt', 'updatedAt')).toEqual(
      without(moved, '__typename', 'status', 'number', 'issuedAt', 'updatedAt'),
    );
    expect(await readAct(draft.id)).toEqual(without(issued, '__typename'));
  });

  it('issues a December act dated in December at the December rate, with no difference', async () => {
    const client = await createClient(t, a.ownerToken);
    const act = (await t.gql(
      CREATE,
      { input: { clientId: client.id, currency: 'RUB', periodStart: '2025-12-01', periodEnd: '2025-12-31', lines: [{ description: 'Работы', unitPrice: '1000.00' }] } },
      a.ownerToken,
    )).body.data.createAct;
    expect(act).toMatchObject({ actDate: null, vatTotal: '200.00', total: '1200.00', vatDifference: '0.00' });
    const issued = (await t.gql(ISSUE, { input: { id: act.id, actDate: '2025-12-31' } }, a.ownerToken)).body.data.issueAct;
    expect(issued).toMatchObject({ status: 'ISSUED', actDate: '2025-12-31', vatTotal: '200.00', total: '1200.00', vatDifference: '0.00' });
  });

  it('refuses an act date before the period on the draft, and writes nothing', async () => {
    const client = await createClient(t, a.ownerToken);
    const before = await actCount();
    const res = await t.gql(
      CREATE,
      { input: { clientId: client.id, currency: 'RUB', periodStart: '2025-12-01', periodEnd: '2025-12-31', actDate: '2025-11-30', lines: [{ description: 'Работы', unitPrice: '1.00' }] } },
      a.ownerToken,
    );
    expectBadInput(res, 'input.actDate');
    expect(await actCount()).toBe(before);
  });
});

describe('the VAT difference of an act in the client balance', () => {
  it('a paid December-2025 invoice closed by an act dated 2026-01-12 (VAT on top): the client owes the 2 000.00 difference while the act is issued or signed', async () => {
    const client = await createClient(t, a.ownerToken);
    const contractId = (await signedContract(t, a.ownerToken, client.id, { amount: '100000.00', priceBasis: 'VAT_ON_TOP' })).id;
    const invoice = await paidInvoice(t, a.ownerToken, client.id, { contractId, lines: [invoiceLine('Ведение рекламы, декабрь', '100000.00')] }, '2025-12-15');
    expect(invoice).toMatchObject({ total: '120000.00', paidAmount: '120000.00', status: 'PAID' });
    const settled = { currency: 'RUB', invoiced: '120000.00', paid: '120000.00', actDifferences: '0.00', outstanding: '0.00' };
    const owing = { ...settled, actDifferences: '2000.00', outstanding: '2000.00' };
    expect(await balancesOf(client.id)).toEqual([settled]);

    // a draft is not a document the client owes by
    const draft = (await t.gql(
      CREATE,
      { input: { contractId, periodStart: '2025-12-01', periodEnd: '2025-12-31', actDate: '2026-01-12', invoiceIds: [invoice.id] } },
      a.ownerToken,
    )).body.data.createAct;
    expect(draft).toMatchObject({ status: 'DRAFT', total: '122000.00', vatDifference: '2000.00' });
    expect(await balancesOf(client.id)).toEqual([settled]);

    // issued: the difference is due, though every invoice is paid
    expect((await t.gql(ISSUE, { input: { id: draft.id } }, a.ownerToken)).body.data.issueAct).toMatchObject({ status: 'ISSUED', vatDifference: '2000.00' });
    expect(await balancesOf(client.id)).toEqual([owing]);

    // the client's objection takes it out until the act is issued again
    expect(expectOk(await t.gql(DISPUTE, { input: { id: draft.id, reason: 'Не согласны с НДС' } }, a.ownerToken)).disputeAct.status).toBe('DISPUTED');
    expect(await balancesOf(client.id)).toEqual([settled]);
    expect(expectOk(await t.gql(REVISE, { input: { id: draft.id } }, a.ownerToken)).reviseAct.status).toBe('DRAFT');
    expect(await balancesOf(client.id)).toEqual([settled]);
    expect(expectOk(await t.gql(ISSUE, { input: { id: draft.id } }, a.ownerToken)).issueAct.status).toBe('ISSUED');
    expect(expectOk(await t.gql(SIGN, { input: { id: draft.id, signedOn: '2026-01-15', signedBy: 'Иванов И. И.' } }, a.ownerToken)).signAct.status).toBe('SIGNED');
    expect(await balancesOf(client.id)).toEqual([owing]);
  });

  it('VAT included: the act keeps the total, nothing more is owed', async () => {
    const client = await createClient(t, a.ownerToken);
    const contractId = (await signedContract(t, a.ownerToken, client.id, { amount: '120000.00', priceBasis: 'VAT_INCLUDED' })).id;
    const invoice = await paidInvoice(t, a.ownerToken, client.id, { contractId, lines: [invoiceLine('Ведение рекламы, декабрь', '120000.00')] }, '2025-12-15');
    expect(invoice).toMatchObject({ total: '120000.00', vatTotal: '20000.00', status: 'PAID' });
    const act = (await t.gql(
      CREATE,
      { input: { contractId, periodStart: '2025-12-01', periodEnd: '2025-12-31', actDate: '2026-01-12', invoiceIds: [invoice.id] } },
      a.ownerToken,
    )).body.data.createAct;
    expect(expectOk(await t.gql(ISSUE, { input: { id: act.id } }, a.ownerToken)).issueAct).toMatchObject({ status: 'ISSUED', total: '120000.00', vatDifference: '0.00' });
    expect(await balancesOf(client.id)).toEqual([{ currency: 'RUB', invoiced: '120000.00', paid: '120000.00', actDifferences: '0.00', outstanding: '0.00' }]);
  });
});

describe('acts list work done, never a prepayment', () => {
  it('refuses a PREPAYMENT invoice as the source of an act (BAD_USER_INPUT on the field); nothing is created', async () => {
    const client = await createClient(t, a.ownerToken);
    // net prices, VAT on top; a FINAL invoice for the whole contract with its unpaid advance still live stays within the total
    const contractId = (await signedContract(t, a.ownerToken, client.id, { amount: '300000.00', priceBasis: 'VAT_ON_TOP' })).id;
    const pre = await issuedInvoice(t, a.ownerToken, client.id, {
      kind: 'PREPAYMENT', contractId, lines: [invoiceLine('Предоплата 50% по договору', '50000.00')],
    });
    const fin = await issuedInvoice(t, a.ownerToken, client.id, {
      kind: 'FINAL', contractId, lines: [invoiceLine('Ведение рекламных кампаний', '100000.00')],
    });
    const before = await actCount();
    const base = { clientId: client.id, currency: 'RUB', periodStart: '2026-09-01', periodEnd: '2026-09-30' };
    expectBadInput(await t.gql(CREATE, { input: { ...base, invoiceIds: [pre.id] } }, a.ownerToken), 'input.invoiceIds.0');
    expectBadInput(await t.gql(CREATE, { input: { ...base, invoiceIds: [fin.id, pre.id] } }, a.ownerToken), 'input.invoiceIds.1');
    expect(await actCount()).toBe(before);
  });

  it('builds an act from a contract and a period: the STANDARD and FINAL invoices of the period, without prepayments', async () => {
    const client = await createClient(t, a.ownerToken);
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '300000.00', priceBasis: 'VAT_ON_TOP' });
    const other = await signedContract(t, a.ownerToken, client.id, { amount: '1000.00' });
    const inContract = { contractId: contract.id };
    // in the period: a prepayment (not work), a standard invoice, a final invoice; a cancelled one
    await issuedInvoice(t, a.ownerToken, client.id, { ...inContract, kind: 'PREPAYMENT', lines: [invoiceLine('Предоплата', '50000.00')] }, '2026-09-02');
    const sept = await issuedInvoice(t, a.ownerToken, client.id, { ...inContract, lines: [invoiceLine('Ведение Яндекс Директ, сентябрь', '40000.00')] }, '2026-09-30');
    const fin = await issuedInvoice(t, a.ownerToken, client.id, { ...inContract, kind: 'FINAL', lines: [invoiceLine('SEO, сентябрь', '60000.00')] }, '2026-09-15');
    await cancelledInvoice(t, a.ownerToken, client.id, { ...inContract, lines: [invoiceLine('Ошибочный счёт', '7.00')] }, '2026-09-10');
    // outside it: another month, another contract
    await issuedInvoice(t, a.ownerToken, client.id, { ...inContract, lines: [invoiceLine('Ведение, август', '30000.00')] }, '2026-08-31');
    await issuedInvoice(t, a.ownerToken, client.id, { contractId: other.id, lines: [invoiceLine('Другой договор', '1000.00')] }, '2026-09-20');

    const res = await t.gql(CREATE, { input: { contractId: contract.id, periodStart: '2026-09-01', periodEnd: '2026-09-30' } }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    const act = res.body.data.createAct;
    expect(act).toMatchObject({ status: 'DRAFT', clientId: client.id, contractId: contract.id, currency: 'RUB', subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00' });
    // invoices in the order of their dates
    expect(act.invoiceIds).toEqual([fin.id, sept.id]);
    expect(act.lines.map((l: any) => [l.position, l.description, l.net, l.vatRate])).toEqual([
      [1, 'SEO, сентябрь', '60000.00', '22.00'],
      [2, 'Ведение Яндекс Директ, сентябрь', '40000.00', '22.00'],
    ]);
    expect(await readAct(act.id)).toEqual(act);

    // the invoices of the period are closed: a second act from the contract has nothing to list
    const before = await actCount();
    expectBadInput(
      await t.gql(CREATE, { input: { contractId: contract.id, periodStart: '2026-09-01', periodEnd: '2026-09-30' } }, a.ownerToken),
      'input.contractId',
    );
    // nor has a period without invoices
    expectBadInput(
      await t.gql(CREATE, { input: { contractId: contract.id, periodStart: '2026-07-01', periodEnd: '2026-07-31' } }, a.ownerToken),
      'input.contractId',
    );
    expect(await actCount()).toBe(before);
  });

  it('needs a client (or a contract) and a currency (or a contract); nothing is created', async () => {
    const client = await createClient(t, a.ownerToken);
    const before = await actCount();
    const lines = [{ description: 'Работы', unitPrice: '1.00' }];
    expectBadInput(await t.gql(CREATE, { input: { currency: 'RUB', periodStart: '2026-09-01', periodEnd: '2026-09-30', lines } }, a.ownerToken), 'input.clientId');
    expectBadInput(await t.gql(CREATE, { input: { clientId: client.id, periodStart: '2026-09-01', periodEnd: '2026-09-30', lines } }, a.ownerToken), 'input.currency');
    expect(await actCount()).toBe(before);
  });
});
