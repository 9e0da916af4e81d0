/**
 * Credit notes as an API client sees them: an issued invoice reduced by an amount (split over its
 * lines with their VAT) or by whole lines, numbered in their own gapless series, the invoice's
 * amount due, status and the client's balances following; refusals that write nothing (read
 * back); idempotent retries; the client portal and tenancy; and the client who withdraws
 * (refundPayment with creditRemainder): nothing stays outstanding and the deal is lost.
 */
import { startTestApp, TestApp } from '../support/app';
import { signedContract } from '../support/contract.factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { AgencyActors, createClient, createDeal, createUser, registerAgency } from '../support/factories';
import { CANCEL_INVOICE, createInvoice, invoiceLine, issuedInvoice, RECORD_PAYMENT } from '../support/invoice.factories';
import { localDate } from '../../src/services/time';

const INVOICE = /* GraphQL */ `
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id status total prepaymentDeducted creditedAmount amountDue paidAmount balanceDue overdue
      lines { id net vat gross }
      creditNotes { id number total }
    }
  }
`;

const NOTE_FIELDS = /* GraphQL */ `
  fragment NoteFields on CreditNote {
    id clientId invoiceId contractId number currency issueDate reason subtotal vatTotal total
    lines { position invoiceLineId description vatRate net vat gross }
  }
`;

const ISSUE_CREDIT_NOTE = /* GraphQL */ `
  mutation IssueCreditNote($input: IssueCreditNoteInput!) {
    issueCreditNote(input: $input) {
      __typename
      ... on CreditNote { ...NoteFields }
      ... on ErrorResult { code message }
      ... on CreditExceedsBalanceError { creditable attempted }
      ... on InvoiceNotCreditableError { status }
    }
  }
  ${NOTE_FIELDS}
`;

const CREDIT_NOTE = /* GraphQL */ `
  query CreditNote($id: ID!) { creditNote(id: $id) { ...NoteFields } }
  ${NOTE_FIELDS}
`;

const CREDIT_NOTES = /* GraphQL */ `
  query CreditNotes($filter: CreditNoteFilter) { creditNotes(filter: $filter) { totalCount edges { node { id number } } } }
`;

const REFUND = /* GraphQL */ `
  mutation Refund($input: RefundPaymentInput!) {
    refundPayment(input: $input) {
      __typename
      ... on Invoice { id status amountDue creditedAmount paidAmount balanceDue overdue creditNotes { number reason total issueDate } }
      ... on ErrorResult { code }
    }
  }
`;

const BALANCES = /* GraphQL */ `
  query Balances($id: ID!) { client(id: $id) { balances { currency invoiced paid outstanding } } }
`;

const DEAL = /* GraphQL */ `
  query Deal($id: ID!) { deal(id: $id) { stage status lostAtStage lossReason closeNote } }
`;

const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter) { controlPoints(filter: $filter, first: 100) { edges { node { kind objectId } } } }
`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let A1: { id: string };
let A2: { id: string };
let portalA1: string;
let portalA2: string;
let today: string;
const year = () => today.slice(0, 4);

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  A1 = await createClient(t, a.ownerToken);
  A2 = await createClient(t, a.ownerToken);
  portalA1 = (await createUser(t, a.ownerToken, 'CLIENT', A1.id)).token;
  portalA2 = (await createUser(t, a.ownerToken, 'CLIENT', A2.id)).token;
  today = localDate(new Date(), 'Europe/Moscow');
});
afterAll(() => t?.close());

/** An issued RUB invoice of two lines at 22 %: 1000.00 + 500.00 net, 1220.00 + 610.00 gross = 1830.00. */
async function twoLineInvoice(token = a.ownerToken, clientId = A1.id): Promise<any> {
  return issuedInvoice(t, token, clientId, {
    dueDate: '2026-12-31',
    lines: [invoiceLine('Ведение контекстной рекламы', '1000.00'), invoiceLine('Аналитика', '500.00')],
  });
}

async function readInvoice(id: string, token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(INVOICE, { id }, token)).invoice;
}

async function credit(input: Record<string, unknown>, token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(ISSUE_CREDIT_NOTE, { input: { reason: 'Снижение объёма услуг', ...input } }, token)).issueCreditNote;
}

async function creditOk(input: Record<string, unknown>, token = a.ownerToken): Promise<any> {
  const note = await credit(input, token);
  expect(note.__typename).toBe('CreditNote');
  return note;
}

async function countNotes(invoiceId: string): Promise<number> {
  return (await t.ds.query(`SELECT count(*)::int AS n FROM credit_notes WHERE "invoiceId" = $1`, [invoiceId]))[0].n;
}

async function pay(invoiceId: string, amount: string): Promise<any> {
  const res = await t.gql(RECORD_PAYMENT, { input: { invoiceId, amount, paidAt: '2026-10-05' } }, a.ownerToken);
  return expectOk(res).recordPayment;
}

describe('issueCreditNote by an amount', () => {
  it('splits the amount over the lines with their VAT, reduces the amount due, and a credit of the rest closes the invoice as CREDITED', async () => {
    const client = await createClient(t, a.ownerToken);
    const inv = await twoLineInvoice(a.ownerToken, client.id);
    expect(inv).toMatchObject({ total: '1830.00', amountDue: '1830.00', status: 'ISSUED' });

    const first = await creditOk({ invoiceId: inv.id, amount: '915.00' });
    expect(first).toMatchObject({
      invoiceId: inv.id,
      clientId: client.id,
      currency: 'RUB',
      issueDate: today,
      reason: 'Снижение объёма услуг',
      subtotal: '750.00',
      vatTotal: '165.00',
      total: '915.00',
    });
    expect(first.number).toMatch(new RegExp(`^КН-${year()}-\\d{6}$`));
    // in proportion to each line: 2/3 and 1/3 of 915.00, VAT at 22 % inside
    expect(first.lines).toEqual([
      expect.objectContaining({ position: 1, invoiceLineId: inv.lines[0].id, vatRate: '22.00', gross: '610.00', vat: '110.00', net: '500.00' }),
      expect.objectContaining({ position: 2, invoiceLineId: inv.lines[1].id, vatRate: '22.00', gross: '305.00', vat: '55.00', net: '250.00' }),
    ]);
    expect(await readInvoice(inv.id)).toMatchObject({
      status: 'ISSUED',
      creditedAmount: '915.00',
      amountDue: '915.00',
      balanceDue: '915.00',
      creditNotes: [{ id: first.id, number: first.number, total: '915.00' }],
    });
    expect(expectOk(await t.gql(BALANCES, { id: client.id }, a.ownerToken)).client.balances).toEqual([
      { currency: 'RUB', invoiced: '915.00', paid: '0.00', outstanding: '915.00' },
    ]);

    // the rest: an odd amount whose cents must land somewhere; the lines end exactly taken back
    const second = await creditOk({ invoiceId: inv.id, amount: '915.00' });
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    const after = await readInvoice(inv.id);
    expect(after).toMatchObject({ status: 'CREDITED', creditedAmount: '1830.00', amountDue: '0.00', paidAmount: '0.00', balanceDue: '0.00', overdue: false });
    for (const [i, line] of inv.lines.entries()) {
      const parts = [first, second].map((n) => n.lines.find((l: any) => l.invoiceLineId === line.id));
      const sum = (k: string) => parts.reduce((s, p) => s + Math.round(Number(p[k]) * 100), 0);
      expect([sum('net'), sum('vat'), sum('gross')]).toEqual([line.net, line.vat, line.gross].map((v: string) => Math.round(Number(v) * 100)));
      expect(i).toBeLessThan(2);
    }
    // a CREDITED invoice is closed, like a cancelled one: it leaves the balances
    expect(expectOk(await t.gql(BALANCES, { id: client.id }, a.ownerToken)).client.balances).toEqual([]);

    // closed: no payment, no further credit; nothing written
    expect(await pay(inv.id, '1.00')).toMatchObject({ __typename: 'InvoiceNotPayableError', code: 'INVOICE_NOT_PAYABLE' });
    const again = await credit({ invoiceId: inv.id, amount: '1.00' });
    expect(again).toMatchObject({ __typename: 'InvoiceNotCreditableError', code: 'INVOICE_NOT_CREDITABLE', status: 'CREDITED' });
    expect(again.message).toContain('«');
    expect(await readInvoice(inv.id)).toEqual(after);
    expect(await countNotes(inv.id)).toBe(2);
  });

  it('splits cents without losing one: 100.00 over three equal lines', async () => {
    const inv = await issuedInvoice(t, a.ownerToken, A1.id, {
      dueDate: '2026-12-31',
      lines: [invoiceLine('A', '100.00', { vatRate: null }), invoiceLine('B', '100.00', { vatRate: null }), invoiceLine('C', '100.00', { vatRate: null })],
    });
    const note = await creditOk({ invoiceId: inv.id, amount: '100.00' });
    expect(note.lines.map((l: any) => l.gross)).toEqual(['33.34', '33.33', '33.33']);
    expect(note.lines.map((l: any) => l.vat)).toEqual(['0.00', '0.00', '0.00']);
    expect(note).toMatchObject({ total: '100.00', vatTotal: '0.00', subtotal: '100.00' });
  });

  it('takes back at most the unpaid balance: CREDIT_EXCEEDS_BALANCE writes nothing; with part paid, a credit of the rest makes it PAID', async () => {
    const inv = await twoLineInvoice();
    expect(await pay(inv.id, '1000.00')).toMatchObject({ status: 'PARTIALLY_PAID', balanceDue: '830.00' });
    const before = await readInvoice(inv.id);
    const over = await credit({ invoiceId: inv.id, amount: '830.01' });
    expect(over).toEqual({
      __typename: 'CreditExceedsBalanceError',
      code: 'CREDIT_EXCEEDS_BALANCE',
      message: expect.stringContaining('830'),
      creditable: '830.00',
      attempted: '830.01',
    });
    expect(await readInvoice(inv.id)).toEqual(before);
    expect(await countNotes(inv.id)).toBe(0);

    const note = await creditOk({ invoiceId: inv.id, amount: '830.00' });
    expect(note.total).toBe('830.00');
    expect(await readInvoice(inv.id)).toMatchObject({ status: 'PAID', amountDue: '1000.00', paidAmount: '1000.00', balanceDue: '0.00', creditedAmount: '830.00' });
    // a PAID invoice has nothing unpaid to credit: refund first
    expect(await credit({ invoiceId: inv.id, amount: '0.01' })).toMatchObject({ __typename: 'CreditExceedsBalanceError', creditable: '0.00' });
  });
});

describe('issueCreditNote by whole lines', () => {
  it('takes a line back whole with its own VAT; a line already reduced is refused by position', async () => {
    const inv = await twoLineInvoice();
    const note = await creditOk({ invoiceId: inv.id, invoiceLineIds: [inv.lines[1].id] });
    expect(note).toMatchObject({ subtotal: '500.00', vatTotal: '110.00', total: '610.00' });
    expect(note.lines).toEqual([expect.objectContaining({ invoiceLineId: inv.lines[1].id, description: 'Аналитика', net: '500.00', vat: '110.00', gross: '610.00' })]);
    const after = await readInvoice(inv.id);
    expect(after).toMatchObject({ amountDue: '1220.00', creditedAmount: '610.00', status: 'ISSUED' });

    expectBadInput(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, invoiceLineIds: [inv.lines[0].id, inv.lines[1].id], reason: 'x' } }, a.ownerToken), 'input.invoiceLineIds.1');
    const other = await twoLineInvoice();
    expectBadInput(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, invoiceLineIds: [other.lines[0].id], reason: 'x' } }, a.ownerToken), 'input.invoiceLineIds.0');
    expectBadInput(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, invoiceLineIds: [inv.lines[0].id, inv.lines[0].id], reason: 'x' } }, a.ownerToken), 'input.invoiceLineIds.1');
    expect(await readInvoice(inv.id)).toEqual(after);
    expect(await countNotes(inv.id)).toBe(1);
  });
});

describe('refusals write nothing', () => {
  it('names the field at fault; drafts and other tenants are refused', async () => {
    const inv = await twoLineInvoice();
    const before = await readInvoice(inv.id);
    const bad = (input: Record<string, unknown>) => t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, reason: 'Отказ', ...input } }, a.ownerToken);
    expectBadInput(await bad({ amount: '1.00', invoiceLineIds: [inv.lines[0].id] }), 'input.amount');
    expectBadInput(await bad({}), 'input.amount');
    expectBadInput(await bad({ amount: '1.00', reason: '   ' }), 'input.reason');
    expectBadInput(await bad({ amount: '1.00', issueDate: '2099-01-01' }), 'input.issueDate');
    expectBadInput(await bad({ amount: '1.00', issueDate: '2026-09-30' }), 'input.issueDate');
    expectBadInput(await bad({ amount: '0.00' }), 'input.amount');
    expect(await readInvoice(inv.id)).toEqual(before);
    expect(await countNotes(inv.id)).toBe(0);

    const draft = await createInvoice(t, a.ownerToken, A1.id);
    expect(await credit({ invoiceId: draft.id, amount: '1.00' })).toMatchObject({ __typename: 'InvoiceNotCreditableError', status: 'DRAFT' });
    expect(await countNotes(draft.id)).toBe(0);

    // another agency's invoice is a missing one; a portal user may not issue
    expect(expectCode(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, amount: '1.00', reason: 'x' } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.invoiceId');
    expectCode(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, amount: '1.00', reason: 'x' } }, portalA1), 'FORBIDDEN');
    expect(await readInvoice(inv.id)).toEqual(before);
    expect(await countNotes(inv.id)).toBe(0);
  });
});

describe('numbering and idempotency', () => {
  it('numbers each agency gaplessly from 1 in its own series, by the agency pattern', async () => {
    const c = await registerAgency(t);
    const client = await createClient(t, c.ownerToken);
    const inv = await twoLineInvoice(c.ownerToken, client.id);
    // the invoice series is not touched, and a refusal takes no number
    expect((await credit({ invoiceId: inv.id, amount: '9999.00' }, c.ownerToken)).__typename).toBe('CreditExceedsBalanceError');
    expect((await creditOk({ invoiceId: inv.id, amount: '1.00' }, c.ownerToken)).number).toBe(`КН-${year()}-000001`);
    expectOk(await t.gql(`mutation($i: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $i) { creditNoteNumberPattern } }`, { i: { creditNoteNumberPattern: 'CN-{YY}/{N:3}' } }, c.ownerToken));
    expect((await creditOk({ invoiceId: inv.id, amount: '1.00' }, c.ownerToken)).number).toBe(`CN-${year().slice(2)}/002`);
  });

  it('replays the same key and input; another input under the key is a CONFLICT; a refusal is not kept', async () => {
    const inv = await twoLineInvoice();
    const key = `cn-${inv.id}`;
    const first = await creditOk({ invoiceId: inv.id, amount: '100.00', idempotencyKey: key });
    expect(await creditOk({ invoiceId: inv.id, amount: '100.00', idempotencyKey: key })).toEqual(first);
    expect(await countNotes(inv.id)).toBe(1);
    expect(expectCode(await t.gql(ISSUE_CREDIT_NOTE, { input: { invoiceId: inv.id, amount: '200.00', reason: 'Снижение объёма услуг', idempotencyKey: key } }, a.ownerToken), 'CONFLICT').reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await readInvoice(inv.id)).toMatchObject({ creditedAmount: '100.00', amountDue: '1730.00' });

    // refused while paid, then the cause removed: the same key goes through
    const paid = await twoLineInvoice();
    const payment = (await pay(paid.id, '1830.00'));
    expect(payment.status).toBe('PAID');
    const key2 = `cn2-${paid.id}`;
    expect((await credit({ invoiceId: paid.id, amount: '1830.00', idempotencyKey: key2 })).__typename).toBe('CreditExceedsBalanceError');
    const paymentId = (await t.ds.query(`SELECT id FROM payments WHERE "invoiceId" = $1`, [paid.id]))[0].id;
    expect(expectOk(await t.gql(REFUND, { input: { paymentId } }, a.ownerToken)).refundPayment.status).toBe('ISSUED');
    expect((await creditOk({ invoiceId: paid.id, amount: '1830.00', idempotencyKey: key2 })).total).toBe('1830.00');
    expect((await readInvoice(paid.id)).status).toBe('CREDITED');
  });
});

describe('the client portal and tenancy', () => {
  it('portal users read the credit notes of their client only; another agency reads nothing', async () => {
    const inv = await twoLineInvoice(a.ownerToken, A1.id);
    const note = await creditOk({ invoiceId: inv.id, amount: '10.00' });
    const asPortal = expectOk(await t.gql(CREDIT_NOTE, { id: note.id }, portalA1)).creditNote;
    expect(asPortal).toEqual(Object.fromEntries(Object.entries(note).filter(([k]) => k !== '__typename')));
    expect(expectOk(await t.gql(CREDIT_NOTES, { filter: { invoiceId: inv.id } }, portalA1)).creditNotes.totalCount).toBe(1);
    expect((await readInvoice(inv.id, portalA1)).creditNotes).toEqual([{ id: note.id, number: note.number, total: '10.00' }]);

    expect(expectOk(await t.gql(CREDIT_NOTE, { id: note.id }, portalA2)).creditNote).toBeNull();
    expect(expectOk(await t.gql(CREDIT_NOTES, { filter: { invoiceId: inv.id } }, portalA2)).creditNotes.totalCount).toBe(0);
    expect(expectOk(await t.gql(CREDIT_NOTE, { id: note.id }, b.ownerToken)).creditNote).toBeNull();
    expect(expectOk(await t.gql(CREDIT_NOTES, {}, b.ownerToken)).creditNotes.totalCount).toBe(0);
  });
});

describe('an invoice with credit notes', () => {
  it('cannot be cancelled (INVOICE_HAS_CREDIT_NOTES): its credit notes would hang on a cancelled invoice; nothing changes', async () => {
    const inv = await twoLineInvoice();
    await creditOk({ invoiceId: inv.id, amount: '10.00' });
    const before = await readInvoice(inv.id);
    const res = expectOk(await t.gql(CANCEL_INVOICE, { input: { id: inv.id, reason: 'Ошибка в счёте' } }, a.ownerToken)).cancelInvoice;
    expect(res).toMatchObject({ __typename: 'InvoiceHasCreditNotesError', code: 'INVOICE_HAS_CREDIT_NOTES' });
    expect(await readInvoice(inv.id)).toEqual(before);
    expect(await countNotes(inv.id)).toBe(1);
  });
});

describe('the client withdraws (refundPayment with creditRemainder)', () => {
  async function withdrawalSetup() {
    const client = await createClient(t, a.ownerToken);
    const deal = await createDeal(t, a.ownerToken, client.id);
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '122000.00', dealId: deal.id });
    const pre = await issuedInvoice(t, a.ownerToken, client.id, {
      kind: 'PREPAYMENT',
      contractId: contract.id,
      dueDate: '2026-10-10',
      // the contract's prices include VAT (the agency default): 61 000 = 50 000 + 22 %
      lines: [invoiceLine('Предоплата 50% по договору', '61000.00')],
    });
    const paid = await pay(pre.id, '61000.00');
    expect(paid.status).toBe('PAID');
    expect(expectOk(await t.gql(DEAL, { id: deal.id }, a.ownerToken)).deal).toMatchObject({ status: 'OPEN', stage: 'DELIVERY' });
    const paymentId = (await t.ds.query(`SELECT id FROM payments WHERE "invoiceId" = $1`, [pre.id]))[0].id;
    return { client, deal, pre, paymentId };
  }

  it('a plain refund leaves the invoice outstanding and overdue (what creditRemainder is for)', async () => {
    const { client, pre, paymentId } = await withdrawalSetup();
    const refunded = expectOk(await t.gql(REFUND, { input: { paymentId, reason: 'Клиент отказался' } }, a.ownerToken)).refundPayment;
    expect(refunded).toMatchObject({ status: 'ISSUED', balanceDue: '61000.00', overdue: true });
    expect(expectOk(await t.gql(BALANCES, { id: client.id }, a.ownerToken)).client.balances[0].outstanding).toBe('61000.00');
    const points = expectOk(await t.gql(CONTROL_POINTS, { filter: { clientId: client.id } }, a.ownerToken)).controlPoints.edges;
    expect(points.map((e: any) => e.node)).toContainEqual({ kind: 'INVOICE_DUE', objectId: pre.id });
  });

  it('credits the refunded remainder so nothing stays outstanding, and closes the deal LOST with the reason', async () => {
    const { client, deal, pre, paymentId } = await withdrawalSetup();

    // the reason goes on the credit note and the deal: required; nothing is refunded without it
    expectBadInput(await t.gql(REFUND, { input: { paymentId, creditRemainder: true, reason: '  ' } }, a.ownerToken), 'input.reason');
    expect(await readInvoice(pre.id)).toMatchObject({ status: 'PAID', paidAmount: '61000.00' });
    expect(await countNotes(pre.id)).toBe(0);

    const res = expectOk(
      await t.gql(REFUND, { input: { paymentId, creditRemainder: true, lossReason: 'NO_BUDGET', reason: 'Клиент отказался от услуг, предоплата возвращена' } }, a.ownerToken),
    ).refundPayment;
    expect(res).toMatchObject({
      __typename: 'Invoice',
      status: 'CREDITED',
      paidAmount: '0.00',
      creditedAmount: '61000.00',
      amountDue: '0.00',
      balanceDue: '0.00',
      overdue: false,
      creditNotes: [{ reason: 'Клиент отказался от услуг, предоплата возвращена', total: '61000.00', issueDate: today }],
    });
    expect(await readInvoice(pre.id)).toMatchObject({ status: 'CREDITED', amountDue: '0.00', balanceDue: '0.00', overdue: false });
    // a CREDITED invoice is closed, like a cancelled one: it leaves the balances
    expect(expectOk(await t.gql(BALANCES, { id: client.id }, a.ownerToken)).client.balances).toEqual([]);
    const points = expectOk(await t.gql(CONTROL_POINTS, { filter: { clientId: client.id } }, a.ownerToken)).controlPoints.edges;
    expect(points.map((e: any) => e.node.objectId)).not.toContain(pre.id);
    expect(expectOk(await t.gql(DEAL, { id: deal.id }, a.ownerToken)).deal).toEqual({
      stage: 'DELIVERY',
      status: 'LOST',
      lostAtStage: 'DELIVERY',
      lossReason: 'NO_BUDGET',
      closeNote: 'Клиент отказался от услуг, предоплата возвращена',
    });
  });
});

describe('a credited schedule item', () => {
  const SCHEDULE = /* GraphQL */ `
    query Contract($id: ID!) { contract(id: $id) { paymentSchedule { id invoiced paid due } } }
  `;

  it('shows nothing due once its invoice is credited, and raises no SCHEDULE_ITEM_DUE', async () => {
    const client = await createClient(t, a.ownerToken);
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '100000.00' });
    const item = contract.paymentSchedule[0];
    const inv = await issuedInvoice(t, a.ownerToken, client.id, { contractId: contract.id, scheduleItemId: item.id, dueDate: '2026-12-31' });
    const amount = inv.amountDue;
    const points = async () =>
      expectOk(await t.gql(CONTROL_POINTS, { filter: { clientId: client.id } }, a.ownerToken)).controlPoints.edges.filter((e: any) => e.node.kind === 'SCHEDULE_ITEM_DUE' && e.node.objectId === contract.id);
    expect(await points()).toHaveLength(1);
    await creditOk({ invoiceId: inv.id, amount, reason: 'Клиент отказался' });
    const schedule = expectOk(await t.gql(SCHEDULE, { id: contract.id }, a.ownerToken)).contract.paymentSchedule;
    expect(schedule[0]).toEqual({ id: item.id, invoiced: '0.00', paid: '0.00', due: '0.00' });
    expect(await points()).toHaveLength(0);
  });
});
