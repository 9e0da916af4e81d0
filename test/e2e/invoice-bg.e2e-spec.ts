import { startTestApp, TestApp } from '../support/app';
import { badInputPaths } from '../support/expect';
import { createClient, registerAgency } from '../support/factories';

const CREATE = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`;
const ISSUE = `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { number total vatTotal totalBgnEquivalent } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('Bulgarian invoices around the euro changeover', () => {
  it('numbers with a continuous 10-digit pattern, charges 20% VAT and shows the BGN equivalent during dual display', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    // a Bulgarian agency starts with the continuous 10-digit series the law asks for
    const req = await t.gql(`mutation { updateAgencyRequisites(input: { eik: "205123457" }) { invoiceNumberPattern } }`, {}, a.ownerToken);
    expect(req.body.data.updateAgencyRequisites.invoiceNumberPattern).toBe('{N:10}');
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    const issueOn = async (issueDate: string) => {
      const draft = await t.gql(CREATE, { i: { clientId: client.id, currency: 'EUR', dueDate: '2026-12-31', lines: [{ description: 'SMM', unitPrice: '1000.00' }] } }, a.ownerToken);
      return (await t.gql(ISSUE, { i: { id: draft.body.data.createInvoice.id, issueDate } }, a.ownerToken)).body.data.issueInvoice;
    };
    // 1200 × 1.95583 = 2346.996 → 2347.00
    const march = await issueOn('2026-03-01');
    expect(march).toMatchObject({ number: '0000000001', total: '1200.00', vatTotal: '200.00', totalBgnEquivalent: '2347.00' });
    const october = await issueOn('2026-10-01');
    expect(october).toMatchObject({ number: '0000000002', totalBgnEquivalent: null });
  });

  it('numbers credit notes in the same continuous series as the invoices', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    const issueOn = async (issueDate: string) => {
      const draft = await t.gql(CREATE, { i: { clientId: client.id, currency: 'EUR', dueDate: '2026-12-31', lines: [{ description: 'SMM', unitPrice: '1000.00' }] } }, a.ownerToken);
      return (await t.gql(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { id number } } }`, { i: { id: draft.body.data.createInvoice.id, issueDate } }, a.ownerToken)).body.data.issueInvoice;
    };
    const first = await issueOn('2026-10-01');
    const credit = await t.gql(
      `mutation($i: IssueCreditNoteInput!) { issueCreditNote(input: $i) { __typename ... on CreditNote { number } } }`,
      { i: { invoiceId: first.id, amount: '120.00', reason: 'Намален обем' } },
      a.ownerToken,
    );
    expect(credit.body.data.issueCreditNote).toEqual({ __typename: 'CreditNote', number: '0000000002' });
    expect((await issueOn('2026-10-02')).number).toBe('0000000003');
  });

  it('refuses BGN for a Bulgarian agency from 2026-01-01', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    const res = await t.gql(CREATE, { i: { clientId: client.id, currency: 'BGN', supplyDate: '2026-01-15', dueDate: '2026-02-15', lines: [{ description: 'SMM', unitPrice: '100.00' }] } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.currency' })] });
  });
});

describe('legacy BGN contracts', () => {
  const CONTRACT = `mutation($i: CreateContractInput!) { createContract(input: $i) { id currency contractDate amount paymentSchedule { id amount } } }`;
  const UPDATE_CONTRACT = `mutation($i: UpdateContractInput!) { updateContract(input: $i) { __typename ... on Contract { id currency contractDate } } }`;
  const READ_CONTRACT = `query($id: ID!) { contract(id: $id) { currency contractDate } }`;
  const CREATE_FULL = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id currency subtotal vatTotal total lines { unitPrice net vat } } }`;
  const ISSUE_FULL = `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { currency total amountDue totalBgnEquivalent } } }`;

  async function bgAgency() {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    return { a, client };
  }

  it('invoices a BGN contract signed in 2025 in EUR from 2026, converted at 1.95583 and rounded half up to the cent', async () => {
    const { a, client } = await bgAgency();
    // 10 000.01 лв. in two halves: 5 000.01 and 5 000.00
    const c = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '10000.01', currency: 'BGN', priceBasis: 'VAT_ON_TOP', contractDate: '2025-11-20', paymentSchedule: [{ label: 'Аванс', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true }, { label: 'Остатък', trigger: 'AFTER_DELIVERY', percent: '50' }] } }, a.ownerToken)).body.data.createContract;
    expect(c.paymentSchedule.map((i: any) => i.amount)).toEqual(['5000.01', '5000.00']);
    const res = await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, scheduleItemId: c.paymentSchedule[0].id, currency: 'EUR', supplyDate: '2026-02-02', dueDate: '2026-02-28' } }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    // 5000.01 / 1.95583 = 2556.4645… → 2556.46 net; 20 % VAT 511.29; total 3067.75
    expect(res.body.data.createInvoice).toMatchObject({ currency: 'EUR', subtotal: '2556.46', vatTotal: '511.29', total: '3067.75' });
    const issued = (await t.gql(ISSUE_FULL, { i: { id: res.body.data.createInvoice.id, issueDate: '2026-02-02' } }, a.ownerToken)).body.data.issueInvoice;
    // the BGN equivalent while dual display lasts: 3067.75 × 1.95583 = 5999.9975 → 6000.00
    expect(issued).toMatchObject({ __typename: 'Invoice', currency: 'EUR', total: '3067.75', amountDue: '3067.75', totalBgnEquivalent: '6000.00' });
  });

  it('deducts a 2025 BGN prepayment from a 2026 EUR FINAL invoice at the fixed rate', async () => {
    const { a, client } = await bgAgency();
    const c = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '10000.00', currency: 'BGN', priceBasis: 'VAT_ON_TOP', contractDate: '2025-11-20', paymentSchedule: [{ label: 'Аванс', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true }, { label: 'Остатък', trigger: 'AFTER_DELIVERY', percent: '50' }] } }, a.ownerToken)).body.data.createContract;
    const pre = (await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, scheduleItemId: c.paymentSchedule[0].id, currency: 'BGN', supplyDate: '2025-11-25', dueDate: '2025-12-10' } }, a.ownerToken)).body.data.createInvoice;
    expect(pre).toMatchObject({ currency: 'BGN', total: '6000.00' });
    await t.gql(ISSUE_FULL, { i: { id: pre.id, issueDate: '2025-11-25' } }, a.ownerToken);
    const paid = await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }`, { i: { invoiceId: pre.id, amount: '6000.00', paidAt: '2025-11-30' } }, a.ownerToken);
    expect(paid.body.data.recordPayment.__typename).toBe('Invoice');
    // the whole work in EUR: 10 000 лв. = 5112.92 € net, 6135.50 € with 20 % VAT; the 6 000 лв. received count 3067.75 €
    const fin = (await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, kind: 'FINAL', currency: 'EUR', supplyDate: '2026-02-10', dueDate: '2026-02-28', lines: [{ description: 'SEO', unitPrice: '5112.92' }] } }, a.ownerToken)).body.data.createInvoice;
    const issued = (await t.gql(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { currency total prepaymentDeducted amountDue } } }`, { i: { id: fin.id, issueDate: '2026-02-10' } }, a.ownerToken)).body.data.issueInvoice;
    expect(issued).toEqual({ __typename: 'Invoice', currency: 'EUR', total: '6135.50', prepaymentDeducted: '3067.75', amountDue: '3067.75' });
  });

  it('rounds the conversion half up at the cent: 1.00 лв. is 0.51 €', async () => {
    const { a, client } = await bgAgency();
    const c = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SMM', amount: '1.00', currency: 'BGN', priceBasis: 'VAT_ON_TOP', contractDate: '2025-06-01', paymentSchedule: [{ label: 'Всичко', trigger: 'ON_SIGNING', percent: '100' }] } }, a.ownerToken)).body.data.createContract;
    const res = await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, scheduleItemId: c.paymentSchedule[0].id, currency: 'EUR', supplyDate: '2026-01-05', dueDate: '2026-01-31' } }, a.ownerToken);
    // 1 / 1.95583 = 0.51129… → 0.51
    expect(res.body.data?.createInvoice?.lines?.[0]).toMatchObject({ unitPrice: '0.51', net: '0.51' });
  });

  it('still refuses EUR for a BGN contract before the changeover, and BGN after it', async () => {
    const { a, client } = await bgAgency();
    const c = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '1000.00', currency: 'BGN', priceBasis: 'VAT_ON_TOP', contractDate: '2025-11-20', paymentSchedule: [{ label: 'Всичко', trigger: 'ON_SIGNING', percent: '100' }] } }, a.ownerToken)).body.data.createContract;
    const early = await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, currency: 'EUR', supplyDate: '2025-12-15', dueDate: '2025-12-31', lines: [{ description: 'SEO', unitPrice: '100.00' }] } }, a.ownerToken);
    expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.currency' })] });
    const late = await t.gql(CREATE_FULL, { i: { clientId: client.id, contractId: c.id, currency: 'BGN', supplyDate: '2026-01-15', dueDate: '2026-01-31', lines: [{ description: 'SEO', unitPrice: '100.00' }] } }, a.ownerToken);
    expect(late.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.currency' })] });
    const invoices = await t.gql(`{ invoices(first: 10) { totalCount } }`, {}, a.ownerToken);
    expect(invoices.body.data.invoices.totalCount).toBe(0);
  });

  it('refuses a new BGN contract dated 2026 or later (input.currency and input.contractDate), writing nothing', async () => {
    const { a, client } = await bgAgency();
    const res = await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '1000.00', currency: 'BGN', contractDate: '2026-01-01' } }, a.ownerToken);
    expect(badInputPaths(res).sort()).toEqual(['input.contractDate', 'input.currency']);
    const list = await t.gql(`{ contracts(first: 10) { totalCount } }`, {}, a.ownerToken);
    expect(list.body.data.contracts.totalCount).toBe(0);
  });

  it('refuses moving a BGN draft contract into 2026 or a 2026 draft into BGN, leaving it as it was', async () => {
    const { a, client } = await bgAgency();
    const legacy = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '1000.00', currency: 'BGN', priceBasis: 'VAT_ON_TOP', contractDate: '2025-12-01' } }, a.ownerToken)).body.data.createContract;
    const moved = await t.gql(UPDATE_CONTRACT, { i: { id: legacy.id, contractDate: '2026-01-10' } }, a.ownerToken);
    expect(moved.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.contractDate' })] });
    expect((await t.gql(READ_CONTRACT, { id: legacy.id }, a.ownerToken)).body.data.contract).toEqual({ currency: 'BGN', contractDate: '2025-12-01' });

    const fresh = (await t.gql(CONTRACT, { i: { clientId: client.id, subject: 'SEO', amount: '1000.00', currency: 'EUR', contractDate: '2026-02-01' } }, a.ownerToken)).body.data.createContract;
    const toBgn = await t.gql(UPDATE_CONTRACT, { i: { id: fresh.id, currency: 'BGN' } }, a.ownerToken);
    expect(toBgn.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.currency' })] });
    expect((await t.gql(READ_CONTRACT, { id: fresh.id }, a.ownerToken)).body.data.contract).toEqual({ currency: 'EUR', contractDate: '2026-02-01' });
  });
});
