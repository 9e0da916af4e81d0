/**
 * Invoices as an API client sees them: drafts with VAT by the supply date and the one rounding
 * rule, gapless numbering at issue, payments and refunds with their error results, idempotent
 * retries, prepayments deducted by the FINAL invoice, the client portal, tenancy, control points
 * and list filters. Every refused mutation is followed by reading the invoice back (API and
 * database) to prove that nothing changed.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../src/services/time';
import { GqlResponse, startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

// ---------------------------------------------------------------------------------------------
// documents

const INVOICE_FIELDS = /* GraphQL */ `
  fragment InvoiceFields on Invoice {
    id clientId contractId kind number status currency issueDate supplyDate dueDate
    subtotal vatTotal total prepaymentDeducted amountDue paidAmount balanceDue overdue
    notes issuedAt cancelledAt cancelReason replacesInvoiceId
    lines { id position description quantity unit unitPrice vatRate vatRateAuto net vat gross }
    payments { id invoiceId kind amount paidAt method reference refundOfId note }
  }
`;

const CREATE_INVOICE = /* GraphQL */ `
  mutation CreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { ...InvoiceFields } }
  ${INVOICE_FIELDS}
`;

const ISSUE_INVOICE = /* GraphQL */ `
  mutation IssueInvoice($input: IssueInvoiceInput!) {
    issueInvoice(input: $input) {
      __typename
      ... on Invoice { ...InvoiceFields }
      ... on ErrorResult { code message }
      ... on IllegalTransitionError { entity from to }
    }
  }
  ${INVOICE_FIELDS}
`;

const CANCEL_INVOICE = /* GraphQL */ `
  mutation CancelInvoice($input: CancelInvoiceInput!) {
    cancelInvoice(input: $input) {
      __typename
      ... on Invoice { ...InvoiceFields }
      ... on ErrorResult { code message }
      ... on IllegalTransitionError { entity from to }
      ... on InvoiceHasPaymentsError { paidAmount }
    }
  }
  ${INVOICE_FIELDS}
`;

const RECORD_PAYMENT = /* GraphQL */ `
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      __typename
      ... on Invoice { ...InvoiceFields }
      ... on ErrorResult { code message }
      ... on InvoiceOverpaymentError { balanceDue attempted }
      ... on InvoiceNotPayableError { status }
      ... on InvoiceAlreadyPaidError { paidAmount }
    }
  }
  ${INVOICE_FIELDS}
`;

const REFUND_PAYMENT = /* GraphQL */ `
  mutation RefundPayment($input: RefundPaymentInput!) {
    refundPayment(input: $input) {
      __typename
      ... on Invoice { ...InvoiceFields }
      ... on ErrorResult { code message }
      ... on RefundExceedsPaymentError { refundable }
      ... on InvoiceNotPayableError { status }
    }
  }
  ${INVOICE_FIELDS}
`;

const GET_INVOICE = /* GraphQL */ `
  query GetInvoice($id: ID!) { invoice(id: $id) { ...InvoiceFields } }
  ${INVOICE_FIELDS}
`;

const LIST_INVOICES = /* GraphQL */ `
  query ListInvoices($filter: InvoiceFilter, $first: Int) {
    invoices(filter: $filter, first: $first) {
      totalCount
      edges { node { id number status clientId kind overdue dueDate balanceDue } }
    }
  }
`;

const CLIENT_BALANCES = /* GraphQL */ `
  query ClientBalances($id: ID!) { client(id: $id) { id balances { currency invoiced paid outstanding } } }
`;

const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter, $first: Int) {
    controlPoints(filter: $filter, first: $first) {
      totalCount
      edges { node { kind dueOn overdue clientId objectType objectId title } }
    }
  }
`;

const UPDATE_REQUISITES = /* GraphQL */ `
  mutation UpdateRequisites($input: UpdateAgencyRequisitesInput!) {
    updateAgencyRequisites(input: $input) { vatPayer invoiceNumberPattern }
  }
`;

const CREATE_CONTRACT = /* GraphQL */ `
  mutation CreateContract($input: CreateContractInput!) { createContract(input: $input) { __typename ... on Contract { id } } }
`;

const MUTATION_NAMES = /* GraphQL */ `
  query MutationNames { __schema { mutationType { fields { name } } } }
`;

// ---------------------------------------------------------------------------------------------
// setup

let t: TestApp;
/** Agency A (RU, VAT payer by default): owner, manager, clients A1, A2 and their portal users. */
let a: AgencyActors;
let manager: { id: string; token: string };
let A1: { id: string; name: string };
let A2: { id: string; name: string };
let portalA1: string;
let portalA2: string;
/** Agency B: another tenant with its own client. */
let b: AgencyActors;
let B1: { id: string; name: string };
let mutationNames: Set<string>;
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  A1 = await createClient(t, a.ownerToken, { ownerId: manager.id });
  A2 = await createClient(t, a.ownerToken);
  portalA1 = (await createUser(t, a.ownerToken, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, a.ownerToken, 'CLIENT', A2.id)).token;
  b = await registerAgency(t);
  B1 = await createClient(t, b.ownerToken);
  const names = await t.gql(MUTATION_NAMES, {}, a.ownerToken);
  mutationNames = new Set(names.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name));
  today = localDate(new Date(), 'Europe/Moscow');
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

/** A union result that is an Invoice, without its __typename, to compare with a read. */
function invoiceOf(result: any): any {
  expect(result).toBeTruthy();
  const { __typename, ...rest } = result;
  expect(__typename).toBe('Invoice');
  return rest;
}

const LINE = { description: 'Ведение контекстной рекламы', quantity: '1', unitPrice: '1000.00' };

function invoiceInput(clientId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { clientId, currency: 'RUB', dueDate: '2026-12-31', lines: [LINE], ...overrides };
}

async function createInvoice(token: string, clientId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  return expectOk(await t.gql(CREATE_INVOICE, { input: invoiceInput(clientId, overrides) }, token)).createInvoice;
}

async function issue(token: string, id: string, issueDate = '2026-03-01'): Promise<any> {
  return invoiceOf(expectOk(await t.gql(ISSUE_INVOICE, { input: { id, issueDate } }, token)).issueInvoice);
}

/** A draft created and issued on 2026-03-01 (22% VAT on the default line: total 1220.00). */
async function issuedInvoice(token: string, clientId: string, overrides: Record<string, unknown> = {}, issueDate = '2026-03-01') {
  const draft = await createInvoice(token, clientId, overrides);
  return issue(token, draft.id, issueDate);
}

async function pay(token: string, invoiceId: string, amount: string, extra: Record<string, unknown> = {}): Promise<GqlResponse> {
  return t.gql(RECORD_PAYMENT, { input: { invoiceId, amount, paidAt: '2026-03-05', ...extra } }, token);
}

async function payOk(token: string, invoiceId: string, amount: string, extra: Record<string, unknown> = {}): Promise<any> {
  return invoiceOf(expectOk(await pay(token, invoiceId, amount, extra)).recordPayment);
}

async function read(id: string, token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(GET_INVOICE, { id }, token)).invoice;
}

/** The stored rows of an invoice: what a refused mutation must leave exactly as it was. */
async function stored(id: string) {
  const [invoice] = await t.ds.query(`SELECT * FROM invoices WHERE id = $1`, [id]);
  const lines = await t.ds.query(`SELECT * FROM invoice_lines WHERE "invoiceId" = $1 ORDER BY position`, [id]);
  const payments = await t.ds.query(`SELECT * FROM payments WHERE "invoiceId" = $1 ORDER BY "createdAt", id`, [id]);
  return { invoice, lines, payments };
}

async function snapshot(id: string, token = a.ownerToken) {
  return { api: await read(id, token), db: await stored(id) };
}

/** Reads back through the API and the database, and compares with what was there before. */
async function expectUnchanged(id: string, before: Awaited<ReturnType<typeof snapshot>>, token = a.ownerToken): Promise<void> {
  expect(await read(id, token)).toEqual(before.api);
  expect(await stored(id)).toEqual(before.db);
}

async function countInvoices(clientId: string): Promise<number> {
  return (await t.ds.query(`SELECT count(*)::int AS n FROM invoices WHERE "clientId" = $1`, [clientId]))[0].n;
}

async function countPayments(invoiceId: string): Promise<number> {
  return (await t.ds.query(`SELECT count(*)::int AS n FROM payments WHERE "invoiceId" = $1`, [invoiceId]))[0].n;
}

async function listInvoices(token: string, filter: Record<string, unknown>, first = 100): Promise<any> {
  return expectOk(await t.gql(LIST_INVOICES, { filter, first }, token)).invoices;
}

/**
 * A contract of the client: through createContract when the schema has it (it is being built
 * alongside), else a row written directly.
 */
async function createContract(actors: AgencyActors, clientId: string, amount: string, currency = 'RUB'): Promise<string> {
  const res = await t.gql(CREATE_CONTRACT, { input: { clientId, subject: 'Ведение рекламных кампаний', amount, currency } }, actors.ownerToken);
  return expectOk(res).createContract.id;
}

// ---------------------------------------------------------------------------------------------

describe('createInvoice', () => {
  it('creates a DRAFT with per-line VAT by the supply date, exact rounding and totals as sums of lines', async () => {
    const input = invoiceInput(A1.id, {
      supplyDate: '2026-02-15',
      dueDate: '2026-03-15',
      notes: '  Оплата в течение 10 дней  ',
      lines: [
        { description: 'Ведение контекстной рекламы', quantity: '33.335', unitPrice: '3.00' },
        { description: 'Аренда рекламного кабинета', quantity: '2', unitPrice: '1500.50', vatRate: null },
        { description: 'Консультации', quantity: '1.5', unit: 'ч.', unitPrice: '999.99', vatRate: '10' },
      ],
    });
    const inv = expectOk(await t.gql(CREATE_INVOICE, { input }, manager.token)).createInvoice;
    expect(inv).toMatchObject({
      clientId: A1.id,
      contractId: null,
      kind: 'STANDARD',
      number: null,
      status: 'DRAFT',
      currency: 'RUB',
      issueDate: null,
      issuedAt: null,
      supplyDate: '2026-02-15',
      dueDate: '2026-03-15',
      notes: 'Оплата в течение 10 дней',
      subtotal: '4601.00',
      vatTotal: '172.00',
      total: '4773.00',
      prepaymentDeducted: '0.00',
      amountDue: '4773.00',
      paidAmount: '0.00',
      balanceDue: '4773.00',
      overdue: false,
      payments: [],
    });
    expect(inv.lines.map((l: any) => [l.position, l.quantity, l.unit, l.unitPrice, l.vatRate, l.vatRateAuto, l.net, l.vat, l.gross])).toEqual([
      // 33.335 × 3.00 = 100.005 → 100.01 (half up); 22% of 100.01 = 22.0022 → 22.00
      [1, '33.335', 'усл.', '3.00', '22.00', true, '100.01', '22.00', '122.01'],
      // explicit null: without VAT
      [2, '2.000', 'усл.', '1500.50', null, false, '3001.00', '0.00', '3001.00'],
      // 1.5 × 999.99 = 1499.985 → 1499.99; 10% = 149.999 → 150.00
      [3, '1.500', 'ч.', '999.99', '10.00', false, '1499.99', '150.00', '1649.99'],
    ]);
    expect(await read(inv.id)).toEqual(inv);
    const [row] = await t.ds.query(`SELECT status, number, subtotal, "vatTotal", total, "amountDue" FROM invoices WHERE id = $1`, [inv.id]);
    expect(row).toEqual({ status: 'DRAFT', number: null, subtotal: '4601.00', vatTotal: '172.00', total: '4773.00', amountDue: '4773.00' });
  });

  it('rounds the example 33.335 × 3 at 22% to net 100.01, VAT 22.00, gross 122.01', async () => {
    const inv = await createInvoice(a.ownerToken, A1.id, {
      supplyDate: '2026-02-01',
      lines: [{ description: 'Услуга', quantity: '33.335', unitPrice: '3' }],
    });
    expect(inv.lines[0]).toMatchObject({ vatRate: '22.00', net: '100.01', vat: '22.00', gross: '122.01' });
    expect(inv).toMatchObject({ subtotal: '100.01', vatTotal: '22.00', total: '122.01', amountDue: '122.01' });
  });

  it('takes the standard rate in force on the supply date: 20% in 2025, 22% from 2026-01-01', async () => {
    const in2025 = await createInvoice(a.ownerToken, A1.id, { supplyDate: '2025-12-31', dueDate: '2026-01-31' });
    expect(in2025.lines[0]).toMatchObject({ vatRate: '20.00', vatRateAuto: true, net: '1000.00', vat: '200.00', gross: '1200.00' });
    expect(in2025).toMatchObject({ vatTotal: '200.00', total: '1200.00' });
    const in2026 = await createInvoice(a.ownerToken, A1.id, { supplyDate: '2026-01-01', dueDate: '2026-01-31' });
    expect(in2026.lines[0]).toMatchObject({ vatRate: '22.00', vatRateAuto: true, vat: '220.00', gross: '1220.00' });
    expect(in2026).toMatchObject({ vatTotal: '220.00', total: '1220.00' });
  });
});

describe('createInvoice refusals', () => {
  it('refuses malformed lines, amounts, rates and dates with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await countInvoices(A2.id);
    const base = invoiceInput(A2.id);
    const send = (input: Record<string, unknown>) => t.gql(CREATE_INVOICE, { input }, a.ownerToken);
    expectBadInput(await send({ ...base, lines: [] }), 'input.lines');
    expectBadInput(await send({ ...base, lines: undefined }), 'input.lines');
    expectBadInput(await send({ ...base, lines: [{ ...LINE, quantity: '0' }] }), 'input.lines.0.quantity');
    expectBadInput(await send({ ...base, lines: [{ ...LINE, quantity: '1.0001' }] }), 'input.lines.0.quantity');
    expectBadInput(await send({ ...base, lines: [{ ...LINE, unitPrice: '-1' }] }), 'input.lines.0.unitPrice');
    expectBadInput(await send({ ...base, lines: [LINE, { ...LINE, unitPrice: '1.005' }] }), 'input.lines.1.unitPrice');
    expectBadInput(await send({ ...base, lines: [{ ...LINE, vatRate: '101' }] }), 'input.lines.0.vatRate');
    expectBadInput(await send({ ...base, lines: [{ ...LINE, description: '' }] }), 'input.lines.0.description');
    expectBadInput(await send({ ...base, clientId: 'nope' }), 'input.clientId');
    expectBadInput(await send({ ...base, supplyDate: '2026-05-01', dueDate: '2026-04-30' }), 'input.dueDate');
    expectBadInput(await send({ ...base, kind: 'PREPAYMENT' }), 'input.contractId');
    expect(await countInvoices(A2.id)).toBe(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM invoice_lines WHERE "clientId" = $1`, [A2.id]))[0].n).toBe(0);
  });

  it('refuses a malformed dueDate with BAD_USER_INPUT and writes nothing', async () => {
    const before = await countInvoices(A2.id);
    for (const dueDate of ['2026-02-30', '31.12.2026', 'soon']) {
      const res = await t.gql(CREATE_INVOICE, { input: invoiceInput(A2.id, { dueDate }) }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(res.body.errors![0].message).toContain('dueDate');
    }
    expect(await countInvoices(A2.id)).toBe(before);
  });

  it('names input.dueDate in extensions.fields for a malformed dueDate', async () => {
    const res = await t.gql(CREATE_INVOICE, { input: invoiceInput(A2.id, { dueDate: '2026-02-30' }) }, a.ownerToken);
    expectBadInput(res, 'input.dueDate');
  });

  it('refuses a blank line description instead of storing an empty one', async () => {
    const before = await countInvoices(A2.id);
    expectBadInput(
      await t.gql(CREATE_INVOICE, { input: invoiceInput(A2.id, { lines: [{ ...LINE, description: '   ' }] }) }, a.ownerToken),
      'input.lines.0.description',
    );
    expect(await countInvoices(A2.id)).toBe(before);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM invoice_lines WHERE description = '' AND "clientId" = $1`, [A2.id]))[0].n).toBe(0);
  });

  it('refuses amounts whose line total does not fit with BAD_USER_INPUT (not an internal error), writing nothing', async () => {
    const before = await countInvoices(A2.id);
    const res = await t.gql(
      CREATE_INVOICE,
      { input: invoiceInput(A2.id, { lines: [{ ...LINE, quantity: '999999999999', unitPrice: '9999999999999999.99' }] }) },
      a.ownerToken,
    );
    expectCode(res, 'BAD_USER_INPUT');
    expect(await countInvoices(A2.id)).toBe(before);
  });

  it('refuses a VAT rate from an agency that is not a VAT payer, and accepts "without VAT"', async () => {
    const np = await registerAgency(t);
    const client = await createClient(t, np.ownerToken);
    const req = expectOk(await t.gql(UPDATE_REQUISITES, { input: { vatPayer: false } }, np.ownerToken)).updateAgencyRequisites;
    expect(req.vatPayer).toBe(false);
    const ext = expectBadInput(
      await t.gql(CREATE_INVOICE, { input: invoiceInput(client.id, { lines: [{ ...LINE, vatRate: '20' }] }) }, np.ownerToken),
      'input.lines.0.vatRate',
    );
    expect(ext.fields.map((f: any) => f.path)).toEqual(['input.lines.0.vatRate']);
    expect(await countInvoices(client.id)).toBe(0);
    // omitted rate: the dated table gives "without VAT" for a non-payer
    const inv = await createInvoice(np.ownerToken, client.id, { supplyDate: '2026-02-01', lines: [LINE, { ...LINE, vatRate: null }] });
    expect(inv.lines.map((l: any) => [l.vatRate, l.vat])).toEqual([
      [null, '0.00'],
      [null, '0.00'],
    ]);
    expect(inv).toMatchObject({ vatTotal: '0.00', total: '2000.00' });
    expect(await countInvoices(client.id)).toBe(1);
  });

  it('refuses BGN for a Bulgarian agency from 2026-01-01 (input.currency) and accepts EUR at 20%', async () => {
    const bg = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    const client = await createClient(t, bg.ownerToken);
    expectBadInput(
      await t.gql(CREATE_INVOICE, { input: invoiceInput(client.id, { currency: 'BGN', supplyDate: '2026-02-01', dueDate: '2026-03-01' }) }, bg.ownerToken),
      'input.currency',
    );
    expect(await countInvoices(client.id)).toBe(0);
    const inv = await createInvoice(bg.ownerToken, client.id, { currency: 'EUR', supplyDate: '2026-02-01', dueDate: '2026-03-01' });
    expect(inv.currency).toBe('EUR');
    expect(inv.lines[0]).toMatchObject({ vatRate: '20.00', vat: '200.00' });
    expect(await countInvoices(client.id)).toBe(1);
  });

  it('answers NOT_FOUND (input.clientId) for an unknown client or a client of another agency, and writes nothing', async () => {
    const ext = expectCode(await t.gql(CREATE_INVOICE, { input: invoiceInput(MISSING_ID) }, a.ownerToken), 'NOT_FOUND');
    expect(ext.field).toBe('input.clientId');
    const beforeB = await countInvoices(B1.id);
    const cross = expectCode(await t.gql(CREATE_INVOICE, { input: invoiceInput(B1.id) }, a.ownerToken), 'NOT_FOUND');
    expect(cross.field).toBe('input.clientId');
    expect(await countInvoices(B1.id)).toBe(beforeB);
    expect(await countInvoices(MISSING_ID)).toBe(0);
  });
});

describe('issueInvoice', () => {
  it('numbers only issued invoices, gaplessly, from "{YYYY}-{N:6}" with the issue year', async () => {
    const ag = await registerAgency(t);
    const client = await createClient(t, ag.ownerToken);
    const d1 = await createInvoice(ag.ownerToken, client.id);
    const d2 = await createInvoice(ag.ownerToken, client.id);
    const d3 = await createInvoice(ag.ownerToken, client.id);
    const i2 = await issue(ag.ownerToken, d2.id, '2026-03-01');
    expect(i2).toMatchObject({ id: d2.id, number: '2026-000001', status: 'ISSUED', issueDate: '2026-03-01' });
    expect(i2.issuedAt).toBeTruthy();
    expect((await read(d1.id, ag.ownerToken)).number).toBeNull();
    expect((await read(d3.id, ag.ownerToken)).number).toBeNull();
    expect((await issue(ag.ownerToken, d1.id, '2026-03-02')).number).toBe('2026-000002');
    expect((await issue(ag.ownerToken, d3.id, '2026-03-02')).number).toBe('2026-000003');
    // another year restarts the sequence
    const old = await createInvoice(ag.ownerToken, client.id, { dueDate: '2026-01-31' });
    expect((await issue(ag.ownerToken, old.id, '2025-12-30')).number).toBe('2025-000001');
    // numbers belong to each agency: agency A's counter is untouched by this one
    const rows = await t.ds.query(`SELECT number FROM invoices WHERE "agencyId" = $1 AND number IS NOT NULL ORDER BY number`, [ag.agencyId]);
    expect(rows.map((r: any) => r.number)).toEqual(['2025-000001', '2026-000001', '2026-000002', '2026-000003']);
  });

  it('answers ILLEGAL_TRANSITION when issued twice and keeps the number', async () => {
    const ag = await registerAgency(t);
    const client = await createClient(t, ag.ownerToken);
    const inv = await issuedInvoice(ag.ownerToken, client.id);
    expect(inv.number).toBe('2026-000001');
    const before = await snapshot(inv.id, ag.ownerToken);
    const res = expectOk(await t.gql(ISSUE_INVOICE, { input: { id: inv.id, issueDate: '2026-03-05' } }, ag.ownerToken)).issueInvoice;
    expect(res).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Invoice', from: 'ISSUED', to: 'ISSUED' });
    await expectUnchanged(inv.id, before, ag.ownerToken);
    // no number was consumed by the refusal
    expect((await issuedInvoice(ag.ownerToken, client.id)).number).toBe('2026-000002');
  });

  it('refuses an issue date after the due date (input.issueDate) without consuming a number', async () => {
    const ag = await registerAgency(t);
    const client = await createClient(t, ag.ownerToken);
    const draft = await createInvoice(ag.ownerToken, client.id, { dueDate: '2026-02-28' });
    const before = await snapshot(draft.id, ag.ownerToken);
    expectBadInput(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2026-03-01' } }, ag.ownerToken), 'input.issueDate');
    expectBadInput(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2026-13-01' } }, ag.ownerToken));
    await expectUnchanged(draft.id, before, ag.ownerToken);
    // due date equal to the issue date is fine, and it gets the first number
    expect(await issue(ag.ownerToken, draft.id, '2026-02-28')).toMatchObject({ number: '2026-000001', status: 'ISSUED' });
  });

  it('refuses to issue a BGN invoice of a Bulgarian agency dated from 2026-01-01, even for a 2025 supply', async () => {
    const bg = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    const client = await createClient(t, bg.ownerToken);
    const late = await createInvoice(bg.ownerToken, client.id, { currency: 'BGN', supplyDate: '2025-12-20', dueDate: '2026-01-31' });
    expect(late.lines[0]).toMatchObject({ vatRate: '20.00', vat: '200.00' });
    const before = await snapshot(late.id, bg.ownerToken);
    expectBadInput(await t.gql(ISSUE_INVOICE, { input: { id: late.id, issueDate: '2026-01-05' } }, bg.ownerToken), 'input.issueDate');
    await expectUnchanged(late.id, before, bg.ownerToken);
    // issued while BGN was still the currency: fine
    const inTime = await createInvoice(bg.ownerToken, client.id, { currency: 'BGN', supplyDate: '2025-12-20', dueDate: '2026-01-31' });
    expect(await issue(bg.ownerToken, inTime.id, '2025-12-29')).toMatchObject({ status: 'ISSUED', currency: 'BGN', issueDate: '2025-12-29' });
  });

  it('uses a pattern without a year, "{N:10}", continuously across years', async () => {
    const ag = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    const client = await createClient(t, ag.ownerToken);
    const req = expectOk(await t.gql(UPDATE_REQUISITES, { input: { invoiceNumberPattern: '{N:10}' } }, ag.ownerToken)).updateAgencyRequisites;
    expect(req.invoiceNumberPattern).toBe('{N:10}');
    const first = await issuedInvoice(ag.ownerToken, client.id, { currency: 'EUR', dueDate: '2026-12-31' }, '2026-03-01');
    expect(first.number).toBe('0000000001');
    const nextYear = await issuedInvoice(ag.ownerToken, client.id, { currency: 'EUR', dueDate: '2027-02-28' }, '2027-01-15');
    expect(nextYear.number).toBe('0000000002');
  });

  it('re-reads an automatic VAT rate at issue: issued 2025-12-31 → 20%, 2026-01-01 → 22%', async () => {
    const ag = await registerAgency(t);
    const client = await createClient(t, ag.ownerToken);
    const d2025 = await createInvoice(ag.ownerToken, client.id, { dueDate: '2026-01-31', supplyDate: undefined });
    const d2026 = await createInvoice(ag.ownerToken, client.id, { dueDate: '2026-01-31', supplyDate: undefined });
    // the draft previews today's rate
    expect(d2025.lines[0]).toMatchObject({ vatRateAuto: true, vatRate: '22.00' });
    const i2025 = await issue(ag.ownerToken, d2025.id, '2025-12-31');
    expect(i2025.lines[0]).toMatchObject({ vatRate: '20.00', vatRateAuto: true, net: '1000.00', vat: '200.00', gross: '1200.00' });
    expect(i2025).toMatchObject({ supplyDate: null, issueDate: '2025-12-31', subtotal: '1000.00', vatTotal: '200.00', total: '1200.00', amountDue: '1200.00', balanceDue: '1200.00', number: '2025-000001' });
    const i2026 = await issue(ag.ownerToken, d2026.id, '2026-01-01');
    expect(i2026.lines[0]).toMatchObject({ vatRate: '22.00', vat: '220.00', gross: '1220.00' });
    expect(i2026).toMatchObject({ vatTotal: '220.00', total: '1220.00', amountDue: '1220.00', number: '2026-000001' });
    expect(await read(i2025.id, ag.ownerToken)).toEqual(i2025);
    expect(await read(i2026.id, ag.ownerToken)).toEqual(i2026);
  });

  it('keeps an explicit rate and the supply-date rate at issue', async () => {
    const draft = await createInvoice(a.ownerToken, A1.id, {
      supplyDate: '2025-12-20',
      dueDate: '2026-03-31',
      lines: [LINE, { ...LINE, vatRate: '5' }, { ...LINE, vatRate: null }],
    });
    const inv = await issue(a.ownerToken, draft.id, '2026-03-01');
    expect(inv.lines.map((l: any) => [l.vatRate, l.vat])).toEqual([
      ['20.00', '200.00'],
      ['5.00', '50.00'],
      [null, '0.00'],
    ]);
    expect(inv).toMatchObject({ subtotal: '3000.00', vatTotal: '250.00', total: '3250.00' });
  });

  it('refuses to issue an invoice totalling zero (EMPTY_INVOICE) and leaves the draft unchanged', async () => {
    const ag = await registerAgency(t);
    const client = await createClient(t, ag.ownerToken);
    const draft = await createInvoice(ag.ownerToken, client.id, { dueDate: '2026-12-31', lines: [{ ...LINE, unitPrice: '0' }] });
    const before = await snapshot(draft.id, ag.ownerToken);
    const res = expectOk(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2025-12-31' } }, ag.ownerToken)).issueInvoice;
    expect(res).toMatchObject({ __typename: 'EmptyInvoiceError', code: 'EMPTY_INVOICE' });
    await expectUnchanged(draft.id, before, ag.ownerToken);
  });

  it('has no way to change an issued invoice: corrections are a cancellation plus a replacing invoice', async () => {
    expect([...mutationNames].filter((n) => /^(update|edit|change)Invoice/i.test(n))).toEqual([]);
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    // a replacement must refer to a cancelled invoice
    expectBadInput(await t.gql(CREATE_INVOICE, { input: invoiceInput(A1.id, { replacesInvoiceId: inv.id }) }, a.ownerToken), 'input.replacesInvoiceId');
    const cancelled = invoiceOf(expectOk(await t.gql(CANCEL_INVOICE, { input: { id: inv.id, reason: '  Ошибка в сумме  ' } }, a.ownerToken)).cancelInvoice);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Ошибка в сумме', number: inv.number, total: inv.total });
    expect(cancelled.cancelledAt).toBeTruthy();
    const before = await snapshot(inv.id);
    // a cancelled invoice stays cancelled
    expect(expectOk(await t.gql(ISSUE_INVOICE, { input: { id: inv.id, issueDate: '2026-03-02' } }, a.ownerToken)).issueInvoice).toMatchObject({
      __typename: 'IllegalTransitionError',
      code: 'ILLEGAL_TRANSITION',
      from: 'CANCELLED',
      to: 'ISSUED',
    });
    expect(expectOk(await t.gql(CANCEL_INVOICE, { input: { id: inv.id, reason: 'ещё раз' } }, a.ownerToken)).cancelInvoice).toMatchObject({
      __typename: 'IllegalTransitionError',
      from: 'CANCELLED',
      to: 'CANCELLED',
    });
    await expectUnchanged(inv.id, before);
    const replacement = await createInvoice(a.ownerToken, A1.id, { replacesInvoiceId: inv.id, lines: [{ ...LINE, unitPrice: '900.00' }] });
    expect(replacement).toMatchObject({ status: 'DRAFT', replacesInvoiceId: inv.id, number: null });
    const issued = await issue(a.ownerToken, replacement.id);
    expect(issued).toMatchObject({ replacesInvoiceId: inv.id, total: '1098.00', status: 'ISSUED' });
    expect(issued.number).not.toBe(inv.number);
  });

  it('cancels a draft without giving it a number', async () => {
    const draft = await createInvoice(a.ownerToken, A1.id);
    const res = invoiceOf(expectOk(await t.gql(CANCEL_INVOICE, { input: { id: draft.id, reason: 'не нужен' } }, a.ownerToken)).cancelInvoice);
    expect(res).toMatchObject({ status: 'CANCELLED', number: null });
    expect(await read(draft.id)).toEqual(res);
  });
});

describe('recordPayment', () => {
  it('moves ISSUED → PARTIALLY_PAID → PAID with exact amounts', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    expect(inv).toMatchObject({ total: '1220.00', amountDue: '1220.00', balanceDue: '1220.00', paidAmount: '0.00' });
    const partial = await payOk(manager.token, inv.id, '500.55', { reference: '  п/п 17  ', method: 'CARD' });
    expect(partial).toMatchObject({ status: 'PARTIALLY_PAID', paidAmount: '500.55', balanceDue: '719.45', amountDue: '1220.00' });
    expect(partial.payments).toEqual([
      expect.objectContaining({ invoiceId: inv.id, kind: 'PAYMENT', amount: '500.55', paidAt: '2026-03-05', method: 'CARD', reference: 'п/п 17', refundOfId: null }),
    ]);
    expect(await read(inv.id)).toEqual(partial);
    const paid = await payOk(manager.token, inv.id, '719.45', { paidAt: '2026-03-10' });
    expect(paid).toMatchObject({ status: 'PAID', paidAmount: '1220.00', balanceDue: '0.00' });
    expect(paid.payments.map((p: any) => [p.amount, p.paidAt, p.method])).toEqual([
      ['500.55', '2026-03-05', 'CARD'],
      ['719.45', '2026-03-10', 'BANK_TRANSFER'],
    ]);
    expect(await read(inv.id)).toEqual(paid);
    // a PAID invoice takes no more money: its own code, not "not payable"
    const before = await snapshot(inv.id);
    expect(expectOk(await pay(a.ownerToken, inv.id, '0.01')).recordPayment).toEqual({
      __typename: 'InvoiceAlreadyPaidError',
      code: 'INVOICE_ALREADY_PAID',
      message: expect.any(String),
      paidAmount: '1220.00',
    });
    await expectUnchanged(inv.id, before);
  });

  it('refuses an overpayment with InvoiceOverpaymentError and records nothing', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    await payOk(a.ownerToken, inv.id, '1000.00');
    const before = await snapshot(inv.id);
    const res = expectOk(await pay(a.ownerToken, inv.id, '220.01')).recordPayment;
    expect(res).toEqual({
      __typename: 'InvoiceOverpaymentError',
      code: 'INVOICE_OVERPAYMENT',
      message: expect.any(String),
      balanceDue: '220.00',
      attempted: '220.01',
    });
    await expectUnchanged(inv.id, before);
    // the amount offered is echoed with its currency's minor units, as every amount
    expect(expectOk(await pay(a.ownerToken, inv.id, '300')).recordPayment).toMatchObject({ code: 'INVOICE_OVERPAYMENT', attempted: '300.00' });
    await expectUnchanged(inv.id, before);
    const back = await read(inv.id);
    expect(back).toMatchObject({ status: 'PARTIALLY_PAID', paidAmount: '1000.00', balanceDue: '220.00' });
    expect(back.payments).toHaveLength(1);
    expect(await countPayments(inv.id)).toBe(1);
  });

  it('refuses payments on a DRAFT or CANCELLED invoice with INVOICE_NOT_PAYABLE', async () => {
    const draft = await createInvoice(a.ownerToken, A1.id);
    const beforeDraft = await snapshot(draft.id);
    expect(expectOk(await pay(a.ownerToken, draft.id, '100.00')).recordPayment).toMatchObject({
      __typename: 'InvoiceNotPayableError',
      code: 'INVOICE_NOT_PAYABLE',
      status: 'DRAFT',
    });
    await expectUnchanged(draft.id, beforeDraft);

    const inv = await issuedInvoice(a.ownerToken, A1.id);
    await t.gql(CANCEL_INVOICE, { input: { id: inv.id, reason: 'отмена' } }, a.ownerToken);
    const beforeCancelled = await snapshot(inv.id);
    expect(beforeCancelled.api.status).toBe('CANCELLED');
    expect(expectOk(await pay(a.ownerToken, inv.id, '100.00')).recordPayment).toMatchObject({
      __typename: 'InvoiceNotPayableError',
      code: 'INVOICE_NOT_PAYABLE',
      status: 'CANCELLED',
    });
    await expectUnchanged(inv.id, beforeCancelled);
  });

  it('refuses a zero, negative or over-precise amount, a future date and an unknown invoice', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const before = await snapshot(inv.id);
    expectBadInput(await pay(a.ownerToken, inv.id, '0'), 'input.amount');
    expectBadInput(await pay(a.ownerToken, inv.id, '0.00'), 'input.amount');
    expectBadInput(await pay(a.ownerToken, inv.id, '-5'), 'input.amount');
    expectBadInput(await pay(a.ownerToken, inv.id, '10.001'), 'input.amount');
    expectBadInput(await pay(a.ownerToken, inv.id, '100.00', { paidAt: '2099-01-01' }), 'input.paidAt');
    expectBadInput(await pay(a.ownerToken, inv.id, '100.00', { invoiceId: 'nope' }), 'input.invoiceId');
    expect(expectCode(await pay(a.ownerToken, MISSING_ID, '100.00'), 'NOT_FOUND').field).toBe('input.invoiceId');
    await expectUnchanged(inv.id, before);
  });
});

describe('idempotency', () => {
  it('does not keep a refusal under the key: the retry answers the same error result, and goes through once its cause is removed', async () => {
    const draft = await createInvoice(a.ownerToken, A1.id);
    const key = 'pay-' + randomUUID();
    for (let i = 0; i < 2; i++) {
      const refused = expectOk(await pay(a.ownerToken, draft.id, '300.00', { idempotencyKey: key })).recordPayment;
      expect(refused).toMatchObject({ __typename: 'InvoiceNotPayableError', code: 'INVOICE_NOT_PAYABLE', status: 'DRAFT' });
    }
    expect(await countPayments(draft.id)).toBe(0);
    await issue(a.ownerToken, draft.id);
    const paid = await payOk(a.ownerToken, draft.id, '300.00', { idempotencyKey: key });
    expect(paid).toMatchObject({ status: 'PARTIALLY_PAID', paidAmount: '300.00' });
    // and from now on the success is what the key replays
    expect(await payOk(a.ownerToken, draft.id, '300.00', { idempotencyKey: key })).toEqual(paid);
    expect(await countPayments(draft.id)).toBe(1);
  });

  it('keeps no INVOICE_ALREADY_PAID under the key: after a refund reopens the invoice, the same key pays', async () => {
    const paid = await payOk(a.ownerToken, (await issuedInvoice(a.ownerToken, A1.id)).id, '1220.00');
    const key = 'pay-' + randomUUID();
    for (let i = 0; i < 2; i++) {
      const refused = expectOk(await pay(a.ownerToken, paid.id, '220.00', { idempotencyKey: key })).recordPayment;
      expect(refused).toMatchObject({ __typename: 'InvoiceAlreadyPaidError', code: 'INVOICE_ALREADY_PAID', paidAmount: '1220.00' });
    }
    expect(await countPayments(paid.id)).toBe(1);
    expect((await read(paid.id)).status).toBe('PAID');
    expectOk(await t.gql(REFUND_PAYMENT, { input: { paymentId: paid.payments[0].id, amount: '220.00', reason: 'возврат части' } }, a.ownerToken));
    const again = await payOk(a.ownerToken, paid.id, '220.00', { idempotencyKey: key });
    expect(again).toMatchObject({ status: 'PAID', paidAmount: '1220.00', balanceDue: '0.00' });
  });

  it('answers a retried overpayment with the same error result, never an internal error', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const key = 'pay-' + randomUUID();
    for (let i = 0; i < 2; i++) {
      const refused = expectOk(await pay(a.ownerToken, inv.id, '5000.00', { idempotencyKey: key })).recordPayment;
      expect(refused).toMatchObject({ __typename: 'InvoiceOverpaymentError', code: 'INVOICE_OVERPAYMENT', balanceDue: '1220.00', attempted: '5000.00' });
    }
    expect(await countPayments(inv.id)).toBe(0);
  });

  it('records a retried payment once and replays the same state', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const key = 'pay-' + randomUUID();
    const first = await payOk(a.ownerToken, inv.id, '300.00', { idempotencyKey: key });
    const second = await payOk(a.ownerToken, inv.id, '300.00', { idempotencyKey: key });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'PARTIALLY_PAID', paidAmount: '300.00', balanceDue: '920.00' });
    expect(first.payments).toHaveLength(1);
    expect(await countPayments(inv.id)).toBe(1);
    expect(await read(inv.id)).toEqual(first);
  });

  it('answers CONFLICT IDEMPOTENCY_KEY_REUSED for the same key with another amount, writing nothing', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const key = 'pay-' + randomUUID();
    await payOk(a.ownerToken, inv.id, '300.00', { idempotencyKey: key });
    const before = await snapshot(inv.id);
    const res = await pay(a.ownerToken, inv.id, '301.00', { idempotencyKey: key });
    const ext = expectCode(res, 'CONFLICT');
    expect(res.body.errors![0].extensions!.code).toBe('CONFLICT');
    expect(ext.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(res.body.data).toBeNull();
    await expectUnchanged(inv.id, before);
    expect(await countPayments(inv.id)).toBe(1);
  });

  it('creates one invoice for a retried createInvoice and refuses the key with another input', async () => {
    const client = await createClient(t, a.ownerToken);
    const key = 'create-' + randomUUID();
    const input = invoiceInput(client.id, { idempotencyKey: key, lines: [{ ...LINE, quantity: '2' }] });
    const first = expectOk(await t.gql(CREATE_INVOICE, { input }, a.ownerToken)).createInvoice;
    const second = expectOk(await t.gql(CREATE_INVOICE, { input }, a.ownerToken)).createInvoice;
    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(await countInvoices(client.id)).toBe(1);
    const before = await snapshot(first.id);
    const res = await t.gql(CREATE_INVOICE, { input: { ...input, lines: [{ ...LINE, quantity: '3' }] } }, a.ownerToken);
    expect(expectCode(res, 'CONFLICT').reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countInvoices(client.id)).toBe(1);
    await expectUnchanged(first.id, before);
  });

  it('keys are per agency: another agency may use the same key', async () => {
    const key = 'shared-' + randomUUID();
    const mine = expectOk(await t.gql(CREATE_INVOICE, { input: invoiceInput(A2.id, { idempotencyKey: key }) }, a.ownerToken)).createInvoice;
    const theirs = expectOk(await t.gql(CREATE_INVOICE, { input: invoiceInput(B1.id, { idempotencyKey: key }) }, b.ownerToken)).createInvoice;
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.clientId).toBe(B1.id);
  });
});

describe('payment schedule: items billed once, FINAL deducts only what it bills twice', () => {
  const SCHEDULE_CONTRACT = /* GraphQL */ `
    mutation CreateScheduled($input: CreateContractInput!) {
      createContract(input: $input) { __typename ... on Contract { id paymentSchedule { id percent amount } } }
    }
  `;
  const SCHEDULE = /* GraphQL */ `
    query Schedule($id: ID!) {
      contract(id: $id) { id amount paymentSchedule { id position percent amount dueOn invoiced paid due } }
    }
  `;
  let np: AgencyActors;
  let client: { id: string; name: string };

  beforeAll(async () => {
    // not a VAT payer: the numbers are the contract's own (488 000 = 2 × 244 000)
    np = await registerAgency(t);
    expectOk(await t.gql(UPDATE_REQUISITES, { input: { vatPayer: false } }, np.ownerToken));
    client = await createClient(t, np.ownerToken);
  });

  async function halfAndHalf(amount = '488000.00'): Promise<{ contractId: string; items: { id: string }[] }> {
    const res = await t.gql(
      SCHEDULE_CONTRACT,
      {
        input: {
          clientId: client.id,
          subject: 'Ведение рекламных кампаний',
          amount,
          currency: 'RUB',
          paymentSchedule: [
            { label: 'Предоплата 50%', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true },
            { label: 'Окончательный расчёт 50%', trigger: 'ON_DATE', percent: '50', dueOn: '2026-06-30' },
          ],
        },
      },
      np.ownerToken,
    );
    const c = expectOk(res).createContract;
    return { contractId: c.id, items: c.paymentSchedule };
  }

  async function itemInvoice(contractId: string, scheduleItemId: string, kind?: string) {
    const draft = expectOk(
      await t.gql(CREATE_INVOICE, { input: { clientId: client.id, contractId, scheduleItemId, currency: 'RUB', dueDate: '2026-12-31', ...(kind ? { kind } : {}) } }, np.ownerToken),
    ).createInvoice;
    return draft;
  }

  it('a FINAL invoice for the second half bills the second half; the balance shows it outstanding', async () => {
    const { contractId, items } = await halfAndHalf();
    const pre = invoiceOf(expectOk(await t.gql(ISSUE_INVOICE, { input: { id: (await itemInvoice(contractId, items[0].id)).id, issueDate: '2026-03-01' } }, np.ownerToken)).issueInvoice);
    expect(pre).toMatchObject({ kind: 'PREPAYMENT', total: '244000.00', amountDue: '244000.00' });
    await payOk(np.ownerToken, pre.id, '244000.00');

    const finDraft = await itemInvoice(contractId, items[1].id, 'FINAL');
    const fin = invoiceOf(expectOk(await t.gql(ISSUE_INVOICE, { input: { id: finDraft.id, issueDate: '2026-03-10' } }, np.ownerToken)).issueInvoice);
    expect(fin).toMatchObject({
      kind: 'FINAL',
      status: 'ISSUED',
      total: '244000.00',
      prepaymentDeducted: '0.00',
      amountDue: '244000.00',
      paidAmount: '0.00',
      balanceDue: '244000.00',
    });
    const balances = expectOk(await t.gql(CLIENT_BALANCES, { id: client.id }, np.ownerToken)).client.balances;
    expect(balances).toEqual([expect.objectContaining({ currency: 'RUB', outstanding: '244000.00' })]);

    // each item shows what was invoiced, paid and is still due
    const schedule = expectOk(await t.gql(SCHEDULE, { id: contractId }, np.ownerToken)).contract.paymentSchedule;
    expect(schedule).toEqual([
      expect.objectContaining({ position: 1, percent: '50.00', amount: '244000.00', invoiced: '244000.00', paid: '244000.00', due: '0.00' }),
      expect.objectContaining({ position: 2, percent: '50.00', amount: '244000.00', invoiced: '244000.00', paid: '0.00', due: '244000.00' }),
    ]);

    // the same item cannot be invoiced again while its invoice lives
    const again = await t.gql(CREATE_INVOICE, { input: { clientId: client.id, contractId, scheduleItemId: items[1].id, currency: 'RUB', dueDate: '2026-12-31', kind: 'FINAL' } }, np.ownerToken);
    expectCode(again, 'CONFLICT');
    // and the invoice, with nothing paid on it, can be cancelled
    const cancelled = expectOk(await t.gql(CANCEL_INVOICE, { input: { id: fin.id, reason: 'ошибка' } }, np.ownerToken)).cancelInvoice;
    expect(cancelled).toMatchObject({ __typename: 'Invoice', status: 'CANCELLED' });
  });

  it('a FINAL invoice that would bill nothing is refused with NOTHING_TO_BILL and stays a draft', async () => {
    const { contractId } = await halfAndHalf('100000.00');
    const pre = await issuedInvoice(np.ownerToken, client.id, {
      kind: 'PREPAYMENT',
      contractId,
      lines: [{ description: 'Аванс 100%', unitPrice: '100000.00', vatRate: null }],
    });
    await payOk(np.ownerToken, pre.id, '100000.00');
    const draft = await createInvoice(np.ownerToken, client.id, {
      kind: 'FINAL',
      contractId,
      lines: [{ description: 'Ведение рекламных кампаний', unitPrice: '100000.00', vatRate: null }],
    });
    const before = await snapshot(draft.id, np.ownerToken);
    const res = expectOk(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2026-03-10' } }, np.ownerToken)).issueInvoice;
    expect(res).toEqual({ __typename: 'NothingToBillError', code: 'NOTHING_TO_BILL', message: expect.any(String) });
    await expectUnchanged(draft.id, before, np.ownerToken);
    expect((await read(draft.id, np.ownerToken)).status).toBe('DRAFT');
  });
});

describe('prepayment, final invoice and refunds', () => {
  it('deducts the paid PREPAYMENT from the FINAL invoice; the client ends with nothing outstanding', async () => {
    const client = await createClient(t, a.ownerToken);
    const contractId = await createContract(a, client.id, '122000.00');
    // PREPAYMENT and FINAL belong to a contract
    expectBadInput(
      await t.gql(CREATE_INVOICE, { input: invoiceInput(client.id, { kind: 'FINAL' }) }, a.ownerToken),
      'input.contractId',
    );
    const pre = await issuedInvoice(a.ownerToken, client.id, {
      kind: 'PREPAYMENT',
      contractId,
      // the contract's prices include VAT (the agency default): the line price is what the client pays
      lines: [{ description: 'Предоплата 50% по договору', unitPrice: '61000.00' }],
    });
    expect(pre).toMatchObject({ kind: 'PREPAYMENT', contractId, subtotal: '50000.00', vatTotal: '11000.00', total: '61000.00', amountDue: '61000.00', prepaymentDeducted: '0.00' });
    expect(await payOk(a.ownerToken, pre.id, '61000.00')).toMatchObject({ status: 'PAID', paidAmount: '61000.00', balanceDue: '0.00' });

    const finalDraft = await createInvoice(a.ownerToken, client.id, {
      kind: 'FINAL',
      contractId,
      lines: [{ description: 'Ведение рекламных кампаний, 100%', unitPrice: '122000.00' }],
    });
    expect(finalDraft).toMatchObject({ kind: 'FINAL', total: '122000.00', prepaymentDeducted: '0.00', amountDue: '122000.00' });
    const fin = await issue(a.ownerToken, finalDraft.id, '2026-03-10');
    expect(fin).toMatchObject({
      status: 'ISSUED',
      total: '122000.00',
      prepaymentDeducted: '61000.00',
      amountDue: '61000.00',
      paidAmount: '0.00',
      balanceDue: '61000.00',
    });
    // paying more than what is due after the deduction is refused
    expect(expectOk(await pay(a.ownerToken, fin.id, '61000.01')).recordPayment).toMatchObject({
      __typename: 'InvoiceOverpaymentError',
      balanceDue: '61000.00',
    });
    expect(await payOk(a.ownerToken, fin.id, '61000.00', { paidAt: '2026-03-20' })).toMatchObject({ status: 'PAID', balanceDue: '0.00' });

    const balances = expectOk(await t.gql(CLIENT_BALANCES, { id: client.id }, a.ownerToken)).client.balances;
    expect(balances).toEqual([{ currency: 'RUB', invoiced: '122000.00', paid: '122000.00', outstanding: '0.00' }]);
    const listed = await listInvoices(a.ownerToken, { contractId });
    expect(listed.edges.map((e: any) => e.node.kind).sort()).toEqual(['FINAL', 'PREPAYMENT']);
  });

  it('refunds a prepayment when the client withdraws: the invoice reopens; over-refunds are refused', async () => {
    const client = await createClient(t, a.ownerToken);
    const contractId = await createContract(a, client.id, '100000.00');
    const pre = await issuedInvoice(a.ownerToken, client.id, {
      kind: 'PREPAYMENT',
      contractId,
      lines: [{ description: 'Предоплата 50%', unitPrice: '50000.00', vatRate: null }],
    });
    const paid = await payOk(a.ownerToken, pre.id, '50000.00');
    expect(paid.status).toBe('PAID');
    const paymentId = paid.payments[0].id;

    // more than was paid
    const before = await snapshot(pre.id);
    const over = expectOk(await t.gql(REFUND_PAYMENT, { input: { paymentId, amount: '50000.01', reason: 'отказ' } }, a.ownerToken)).refundPayment;
    expect(over).toEqual({ __typename: 'RefundExceedsPaymentError', code: 'REFUND_EXCEEDS_PAYMENT', message: expect.any(String), refundable: '50000.00' });
    await expectUnchanged(pre.id, before);

    // money on it: cannot be cancelled
    const refused = expectOk(await t.gql(CANCEL_INVOICE, { input: { id: pre.id, reason: 'клиент отказался' } }, a.ownerToken)).cancelInvoice;
    expect(refused).toMatchObject({ __typename: 'InvoiceHasPaymentsError', code: 'INVOICE_HAS_PAYMENTS', paidAmount: '50000.00' });
    await expectUnchanged(pre.id, before);

    // the whole payment back (amount omitted)
    const refunded = invoiceOf(expectOk(await t.gql(REFUND_PAYMENT, { input: { paymentId, reason: '  клиент отказался  ' } }, a.ownerToken)).refundPayment);
    expect(refunded).toMatchObject({ status: 'ISSUED', paidAmount: '0.00', balanceDue: '50000.00', amountDue: '50000.00' });
    expect(refunded.payments).toHaveLength(2);
    expect(refunded.payments[1]).toMatchObject({ kind: 'REFUND', amount: '50000.00', refundOfId: paymentId, note: 'клиент отказался', paidAt: today });
    expect(await read(pre.id)).toEqual(refunded);

    // nothing is left to refund
    const afterRefund = await snapshot(pre.id);
    expect(expectOk(await t.gql(REFUND_PAYMENT, { input: { paymentId, amount: '1.00' } }, a.ownerToken)).refundPayment).toMatchObject({
      __typename: 'RefundExceedsPaymentError',
      refundable: '0.00',
    });
    await expectUnchanged(pre.id, afterRefund);

    // a refund is not refundable itself
    expectBadInput(await t.gql(REFUND_PAYMENT, { input: { paymentId: refunded.payments[1].id } }, a.ownerToken), 'input.paymentId');
    await expectUnchanged(pre.id, afterRefund);

    // now it can be cancelled
    const cancelled = invoiceOf(expectOk(await t.gql(CANCEL_INVOICE, { input: { id: pre.id, reason: 'клиент отказался' } }, a.ownerToken)).cancelInvoice);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', paidAmount: '0.00' });
    const balances = expectOk(await t.gql(CLIENT_BALANCES, { id: client.id }, a.ownerToken)).client.balances;
    expect(balances).toEqual([]);
  });

  it('never deducts the same prepayment twice across FINAL invoices of one contract', async () => {
    const client = await createClient(t, a.ownerToken);
    const contractId = await createContract(a, client.id, '100000.00');
    const pre = await issuedInvoice(a.ownerToken, client.id, {
      kind: 'PREPAYMENT',
      contractId,
      lines: [{ description: 'Предоплата 50%', unitPrice: '50000.00', vatRate: null }],
    });
    await payOk(a.ownerToken, pre.id, '50000.00');
    const first = await issuedInvoice(a.ownerToken, client.id, {
      kind: 'FINAL',
      contractId,
      lines: [{ description: 'Этап 1', unitPrice: '60000.00', vatRate: null }],
    });
    expect(first).toMatchObject({ prepaymentDeducted: '50000.00', amountDue: '10000.00', status: 'ISSUED' });
    const secondDraft = await createInvoice(a.ownerToken, client.id, {
      kind: 'FINAL',
      contractId,
      lines: [{ description: 'Этап 2', unitPrice: '40000.00', vatRate: null }],
    });
    // either refused or issued without deducting again; never a second deduction of the same money
    await t.gql(ISSUE_INVOICE, { input: { id: secondDraft.id, issueDate: '2026-03-01' } }, a.ownerToken);
    const [{ deducted }] = await t.ds.query(
      `SELECT COALESCE(SUM("prepaymentDeducted"), 0)::numeric(18,2)::text AS deducted FROM invoices
       WHERE "contractId" = $1 AND kind = 'FINAL' AND status <> 'DRAFT' AND status <> 'CANCELLED'`,
      [contractId],
    );
    expect(deducted).toBe('50000.00');
  });

  it('a partial refund of a PAID invoice makes it PARTIALLY_PAID', async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const paid = await payOk(a.ownerToken, inv.id, '1220.00');
    expect(paid.status).toBe('PAID');
    const res = invoiceOf(
      expectOk(await t.gql(REFUND_PAYMENT, { input: { paymentId: paid.payments[0].id, amount: '220.50', paidAt: '2026-03-06' } }, a.ownerToken))
        .refundPayment,
    );
    expect(res).toMatchObject({ status: 'PARTIALLY_PAID', paidAmount: '999.50', balanceDue: '220.50' });
    expect(await read(inv.id)).toEqual(res);
    // refunded money can be paid again
    expect(await payOk(a.ownerToken, inv.id, '220.50', { paidAt: '2026-03-07' })).toMatchObject({ status: 'PAID', balanceDue: '0.00' });
    expect(await countPayments(inv.id)).toBe(3);
  });
});

describe('client portal', () => {
  it("shows the client's issued invoices, never drafts, and nothing of another client", async () => {
    const issued = await issuedInvoice(a.ownerToken, A1.id);
    const draft = await createInvoice(a.ownerToken, A1.id);
    const seen = await read(issued.id, portalA1);
    expect(seen).toMatchObject({ id: issued.id, number: issued.number, status: 'ISSUED', total: issued.total });
    expect(seen.lines).toHaveLength(1);
    expect(await read(draft.id, portalA1)).toBeNull();
    const list = await listInvoices(portalA1, {});
    const ids = list.edges.map((e: any) => e.node.id);
    expect(ids).toContain(issued.id);
    expect(ids).not.toContain(draft.id);
    expect(list.edges.every((e: any) => e.node.clientId === A1.id && e.node.status !== 'DRAFT')).toBe(true);
    expect(await read(issued.id, portalA2)).toBeNull();
    expect((await listInvoices(portalA2, {})).edges.map((e: any) => e.node.id)).not.toContain(issued.id);
  });

  it('refuses every money operation with FORBIDDEN and changes nothing', async () => {
    const issued = await issuedInvoice(a.ownerToken, A1.id);
    const draft = await createInvoice(a.ownerToken, A1.id);
    const before = await countInvoices(A1.id);
    const snapIssued = await snapshot(issued.id);
    const snapDraft = await snapshot(draft.id);
    expectCode(await t.gql(CREATE_INVOICE, { input: invoiceInput(A1.id) }, portalA1), 'FORBIDDEN');
    expectCode(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2026-03-01' } }, portalA1), 'FORBIDDEN');
    expectCode(await pay(portalA1, issued.id, '100.00'), 'FORBIDDEN');
    expectCode(await t.gql(CANCEL_INVOICE, { input: { id: issued.id, reason: 'x' } }, portalA1), 'FORBIDDEN');
    expect(await countInvoices(A1.id)).toBe(before);
    await expectUnchanged(issued.id, snapIssued);
    await expectUnchanged(draft.id, snapDraft);
  });
});

describe('tenancy', () => {
  it("another agency sees nothing of the invoice and cannot touch it", async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const draft = await createInvoice(a.ownerToken, A1.id);
    const snapIssued = await snapshot(inv.id);
    const snapDraft = await snapshot(draft.id);
    expect(await read(inv.id, b.ownerToken)).toBeNull();
    expect(await read(draft.id, b.ownerToken)).toBeNull();
    const theirs = await listInvoices(b.ownerToken, {});
    expect(theirs.edges.map((e: any) => e.node.id)).not.toContain(inv.id);
    expect((await listInvoices(b.ownerToken, { clientId: A1.id })).totalCount).toBe(0);
    expect(expectCode(await t.gql(ISSUE_INVOICE, { input: { id: draft.id, issueDate: '2026-03-01' } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    expect(expectCode(await pay(b.ownerToken, inv.id, '100.00'), 'NOT_FOUND').field).toBe('input.invoiceId');
    expect(expectCode(await t.gql(CANCEL_INVOICE, { input: { id: inv.id, reason: 'x' } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    await expectUnchanged(inv.id, snapIssued);
    await expectUnchanged(draft.id, snapDraft);
  });

  it("another agency cannot refund this agency's payment", async () => {
    const inv = await issuedInvoice(a.ownerToken, A1.id);
    const paid = await payOk(a.ownerToken, inv.id, '100.00');
    const before = await snapshot(inv.id);
    expect(expectCode(await t.gql(REFUND_PAYMENT, { input: { paymentId: paid.payments[0].id } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.paymentId');
    await expectUnchanged(inv.id, before);
  });
});

describe('control points and filters', () => {
  it('lists an issued unpaid invoice as INVOICE_DUE on its due date, overdue when past, gone once PAID', async () => {
    const client = await createClient(t, a.ownerToken);
    const draft = await createInvoice(a.ownerToken, client.id, { dueDate: '2026-01-20' });
    const none = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['INVOICE_DUE'], clientId: client.id }, first: 100 }, a.ownerToken));
    expect(none.controlPoints.totalCount).toBe(0);
    const inv = await issue(a.ownerToken, draft.id, '2026-01-10');
    expect(inv.overdue).toBe(true);
    const due = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['INVOICE_DUE'], clientId: client.id }, first: 100 }, a.ownerToken));
    expect(due.controlPoints.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ kind: 'INVOICE_DUE', dueOn: '2026-01-20', overdue: true, clientId: client.id, objectType: 'Invoice', objectId: inv.id }),
    ]);
    // still due while partially paid
    await payOk(a.ownerToken, inv.id, '200.00', { paidAt: '2026-01-15' });
    const partly = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['INVOICE_DUE'], clientId: client.id }, first: 100 }, a.ownerToken));
    expect(partly.controlPoints.totalCount).toBe(1);
    await payOk(a.ownerToken, inv.id, '1020.00', { paidAt: '2026-01-25' });
    const gone = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['INVOICE_DUE'], clientId: client.id }, first: 100 }, a.ownerToken));
    expect(gone.controlPoints.totalCount).toBe(0);
    expect((await read(inv.id)).overdue).toBe(false);
  });

  it('an invoice not yet due is a control point that is not overdue', async () => {
    const client = await createClient(t, a.ownerToken);
    const inv = await issuedInvoice(a.ownerToken, client.id, { dueDate: '2099-12-31' });
    const due = expectOk(await t.gql(CONTROL_POINTS, { filter: { kinds: ['INVOICE_DUE'], clientId: client.id }, first: 100 }, a.ownerToken));
    expect(due.controlPoints.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ dueOn: '2099-12-31', overdue: false, objectId: inv.id }),
    ]);
    expect(inv.overdue).toBe(false);
  });

  it('filters invoices by overdue and by status', async () => {
    const client = await createClient(t, a.ownerToken);
    const overdue = await issuedInvoice(a.ownerToken, client.id, { dueDate: '2026-01-20' }, '2026-01-10');
    const overduePartly = await issuedInvoice(a.ownerToken, client.id, { dueDate: '2026-01-20' }, '2026-01-10');
    await payOk(a.ownerToken, overduePartly.id, '100.00', { paidAt: '2026-01-12' });
    const paidLate = await issuedInvoice(a.ownerToken, client.id, { dueDate: '2026-01-20' }, '2026-01-10');
    await payOk(a.ownerToken, paidLate.id, '1220.00', { paidAt: '2026-01-25' });
    const notYetDue = await issuedInvoice(a.ownerToken, client.id, { dueDate: '2099-12-31' });
    const draftPastDue = await createInvoice(a.ownerToken, client.id, { dueDate: '2026-01-20' });

    const ids = (conn: any) => conn.edges.map((e: any) => e.node.id).sort();
    expect(ids(await listInvoices(a.ownerToken, { clientId: client.id, overdue: true }))).toEqual([overdue.id, overduePartly.id].sort());
    expect(ids(await listInvoices(a.ownerToken, { clientId: client.id, overdue: false }))).toEqual([paidLate.id, notYetDue.id, draftPastDue.id].sort());
    const paid = await listInvoices(a.ownerToken, { clientId: client.id, statuses: ['PAID'] });
    expect(ids(paid)).toEqual([paidLate.id]);
    expect(paid.totalCount).toBe(1);
    expect(ids(await listInvoices(a.ownerToken, { clientId: client.id, statuses: ['ISSUED', 'PARTIALLY_PAID'] }))).toEqual(
      [overdue.id, overduePartly.id, notYetDue.id].sort(),
    );
    expect(ids(await listInvoices(a.ownerToken, { clientId: client.id, statuses: ['DRAFT'] }))).toEqual([draftPastDue.id]);
    const all = await listInvoices(a.ownerToken, { clientId: client.id });
    expect(all.totalCount).toBe(5);
    expect(all.edges.find((e: any) => e.node.id === overdue.id).node).toMatchObject({ overdue: true, balanceDue: '1220.00' });
  });
});
