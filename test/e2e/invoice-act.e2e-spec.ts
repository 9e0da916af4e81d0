import { startTestApp, TestApp } from '../support/app';
import { createClient, registerAgency } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CANCEL = `mutation($i: CancelInvoiceInput!) { cancelInvoice(input: $i) { __typename ... on Invoice { status } ... on ErrorResult { code message } ... on InvoiceInActError { actNumber } } }`;

describe('an invoice closed by an act', () => {
  it('cannot be cancelled while an issued act closes it, and nothing changes', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const invoiceId = async () => {
      const id = (await t.gql(`mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`, {
        i: { clientId: client.id, currency: 'RUB', dueDate: '2099-12-31', lines: [{ description: 'Работы', unitPrice: '1000.00' }] },
      }, a.ownerToken)).body.data.createInvoice.id;
      await t.gql(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename } }`, { i: { id, issueDate: '2026-03-01' } }, a.ownerToken);
      return id;
    };
    const closed = await invoiceId();
    const act = (await t.gql(`mutation($i: CreateActInput!) { createAct(input: $i) { id } }`, {
      i: { clientId: client.id, currency: 'RUB', periodStart: '2026-02-01', periodEnd: '2026-02-28', invoiceIds: [closed] },
    }, a.ownerToken)).body.data.createAct.id;

    // a draft act does not hold the invoice
    const other = await invoiceId();
    await t.gql(`mutation($i: CreateActInput!) { createAct(input: $i) { id } }`, {
      i: { clientId: client.id, currency: 'RUB', periodStart: '2026-02-01', periodEnd: '2026-02-28', invoiceIds: [other] },
    }, a.ownerToken);
    expect((await t.gql(CANCEL, { i: { id: other, reason: 'ошибка' } }, a.ownerToken)).body.data.cancelInvoice).toMatchObject({ status: 'CANCELLED' });

    const issued = await t.gql(`mutation($i: IssueActInput!) { issueAct(input: $i) { ... on Act { number } } }`, { i: { id: act, actDate: '2026-03-01' } }, a.ownerToken);
    const res = await t.gql(CANCEL, { i: { id: closed, reason: 'ошибка' } }, a.ownerToken);
    expect(res.body.data.cancelInvoice).toMatchObject({ __typename: 'InvoiceInActError', code: 'INVOICE_IN_ACT', actNumber: issued.body.data.issueAct.number });
    const back = await t.gql(`query($id: ID!) { invoice(id: $id) { status cancelledAt } }`, { id: closed }, a.ownerToken);
    expect(back.body.data.invoice).toEqual({ status: 'ISSUED', cancelledAt: null });
  });
});
