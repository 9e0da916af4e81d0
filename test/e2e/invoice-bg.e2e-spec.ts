import { startTestApp, TestApp } from '../support/app';
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
    await t.gql(`mutation { updateAgencyRequisites(input: { invoiceNumberPattern: "{N:10}", eik: "205123457" }) { invoiceNumberPattern } }`, {}, a.ownerToken);
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

  it('refuses BGN for a Bulgarian agency from 2026-01-01', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    const res = await t.gql(CREATE, { i: { clientId: client.id, currency: 'BGN', supplyDate: '2026-01-15', dueDate: '2026-02-15', lines: [{ description: 'SMM', unitPrice: '100.00' }] } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.currency' })] });
  });
});
