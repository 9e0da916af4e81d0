/**
 * Contracts as an API client sees them: the flow DRAFT → ON_APPROVAL → (returned → DRAFT →
 * resubmitted) → SIGNED with client-side approvers, gapless numbering, the payment schedule, the
 * error results, the client portal, tenancy and the approval control point. Every refused
 * mutation is followed by reading the contract back to prove that nothing changed.
 */
import { localDate, addDays } from '../../src/services/time';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import {
  ACCOUNTANT,
  APPROVE_CONTRACT,
  COMPLETE_CONTRACT,
  CREATE_CONTRACT,
  createContract,
  createSubmittedContract,
  decide,
  DIRECTOR,
  GET_CONTRACT,
  halfAndHalf,
  LIST_CONTRACTS,
  LIST_CONTRACTS_DEEP,
  readContract,
  signedContract,
  SIGN_CONTRACT,
  submitContract,
  SUBMIT_CONTRACT,
  TERMINATE_CONTRACT,
  UPDATE_CONTRACT,
} from '../support/contract.factories';
import { createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { invoiceLine, paidInvoice } from '../support/invoice.factories';
import { ACCEPT_PROPOSAL, CONTROL_POINTS, createProposal, createSentProposal } from '../support/proposal.factories';
import { badInputPaths, expectCode } from '../support/expect';

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

const TZ = 'Europe/Moscow';

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

/** Everything a refused mutation must leave as it was. */
function snapshot(c: any) {
  const { updatedAt: _u, __typename: _t, ...rest } = c;
  return rest;
}

async function rowCounts(clientId: string) {
  const [row] = await t.ds.query(
    `SELECT (SELECT count(*) FROM contracts WHERE "clientId" = $1)::int AS contracts,
            (SELECT count(*) FROM contract_payment_items WHERE "clientId" = $1)::int AS items,
            (SELECT count(*) FROM contract_approvals WHERE "clientId" = $1)::int AS approvals`,
    [clientId],
  );
  return row as { contracts: number; items: number; approvals: number };
}

async function counterOf(agencyToken: string): Promise<number | null> {
  const me = await t.gql(`query { me { agency { id } } }`, {}, agencyToken);
  const rows = await t.ds.query(`SELECT "lastNumber" FROM document_counters WHERE "agencyId" = $1 AND kind = 'CONTRACT'`, [
    me.body.data.me.agency.id,
  ]);
  return rows.length ? Number(rows[0].lastNumber) : null;
}

// ---------------------------------------------------------------------------------------------

describe('the approval flow', () => {
  it('goes DRAFT → ON_APPROVAL → returned to DRAFT (correction dated) → resubmitted (new round, same number) → approved → SIGNED', async () => {
    const draft = await createContract(t, managerA.token, A1.id, { contractDate: '2026-02-10', startsOn: '2026-03-01', endsOn: '2026-12-31' });
    expect(draft).toMatchObject({
      status: 'DRAFT',
      number: null,
      amount: '100000.01',
      currency: 'RUB',
      contractDate: '2026-02-10',
      approvalRound: 0,
      approvals: [],
      pendingApprovers: [],
      corrections: [],
      client: { id: A1.id },
    });
    expect(draft.paymentSchedule.map((i: any) => [i.position, i.trigger, i.percent, i.amount, i.isPrepayment])).toEqual([
      [1, 'ON_SIGNING', '50.00', '50000.01', true],
      [2, 'AFTER_DELIVERY', '50.00', '50000.00', false],
    ]);

    // first submission: numbered, round 1 with the director and the accountant, in that order
    const submitted = await submitContract(t, managerA.token, draft.id, [DIRECTOR, ACCOUNTANT]);
    expect(submitted.status).toBe('ON_APPROVAL');
    expect(submitted.number).toMatch(/^Д-2026-\d{4}$/);
    expect(submitted.submittedAt).not.toBeNull();
    expect(submitted.approvalRound).toBe(1);
    expect(submitted.approvals.map((a: any) => [a.round, a.current, a.name, a.position, a.decision])).toEqual([
      [1, true, DIRECTOR.name, DIRECTOR.position, 'PENDING'],
      [1, true, ACCOUNTANT.name, ACCOUNTANT.position, 'PENDING'],
    ]);
    expect(submitted.pendingApprovers.map((a: any) => a.name)).toEqual([DIRECTOR.name, ACCOUNTANT.name]);
    const number = submitted.number;
    const [director1, accountant1] = submitted.approvals;

    // the accountant returns it, through the client portal
    const returned = await decide(t, portalA1, draft.id, accountant1.id, 'RETURNED', 'Исправьте реквизиты и срок оплаты');
    expect(returned.status).toBe('DRAFT');
    expect(returned.number).toBe(number);
    expect(returned.corrections).toHaveLength(1);
    expect(returned.corrections[0].note).toContain('Исправьте реквизиты и срок оплаты');
    expect(returned.corrections[0].note).toContain(ACCOUNTANT.name);
    expect(Date.parse(returned.corrections[0].correctedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(returned.approvals[1]).toMatchObject({ decision: 'RETURNED', comment: 'Исправьте реквизиты и срок оплаты' });
    expect(returned.approvals[1].decidedAt).not.toBeNull();
    expect(returned.pendingApprovers).toEqual([]);
    // a returned contract is a draft again: invisible to the portal
    expect(await readContract(t, portalA1, draft.id)).toBeNull();

    // corrected: a new amount re-splits the same shares
    const corrected = await t.gql(UPDATE_CONTRACT, { input: { id: draft.id, amount: '120000.00' } }, managerA.token);
    expect(corrected.body.data.updateContract).toMatchObject({ __typename: 'Contract', amount: '120000.00' });
    expect(corrected.body.data.updateContract.paymentSchedule.map((i: any) => i.amount)).toEqual(['60000.00', '60000.00']);

    // resubmitted: round 2, the number is kept, round 1 stays as history
    const resubmitted = await submitContract(t, managerA.token, draft.id, [DIRECTOR, ACCOUNTANT]);
    expect(resubmitted).toMatchObject({ status: 'ON_APPROVAL', number, approvalRound: 2 });
    expect(resubmitted.approvals.map((a: any) => [a.round, a.current, a.decision])).toEqual([
      [1, false, 'PENDING'],
      [1, false, 'RETURNED'],
      [2, true, 'PENDING'],
      [2, true, 'PENDING'],
    ]);
    const [, , director2, accountant2] = resubmitted.approvals;

    // the round-1 approvals are closed
    const stale = await t.gql(APPROVE_CONTRACT, { input: { id: draft.id, approvalId: director1.id, decision: 'APPROVED' } }, managerA.token);
    expect(stale.body.data.approveContract).toMatchObject({
      __typename: 'ContractApprovalAlreadyDecidedError',
      code: 'APPROVAL_ALREADY_DECIDED',
      approvalId: director1.id,
      round: 1,
      currentRound: 2,
      decision: 'PENDING',
    });

    // the director approves (staff on his behalf), the accountant through the portal
    const half = await decide(t, managerA.token, draft.id, director2.id, 'APPROVED', 'Согласовано');
    expect(half.pendingApprovers.map((a: any) => a.name)).toEqual([ACCOUNTANT.name]);
    const approved = await decide(t, portalA1, draft.id, accountant2.id, 'APPROVED');
    expect(approved.status).toBe('ON_APPROVAL');
    expect(approved.pendingApprovers).toEqual([]);

    // deciding twice is refused and changes nothing
    const twice = await t.gql(APPROVE_CONTRACT, { input: { id: draft.id, approvalId: accountant2.id, decision: 'RETURNED', comment: 'Передумали' } }, portalA1);
    expect(twice.body.data.approveContract).toMatchObject({ code: 'APPROVAL_ALREADY_DECIDED', decision: 'APPROVED', round: 2, currentRound: 2 });
    expect(snapshot(await readContract(t, ownerA, draft.id))).toEqual(snapshot(approved));

    const signed = await t.gql(SIGN_CONTRACT, { input: { id: draft.id, signedByClient: DIRECTOR.name } }, managerA.token);
    expect(signed.body.data.signContract).toMatchObject({
      __typename: 'Contract',
      status: 'SIGNED',
      number,
      signedOn: localDate(new Date(), TZ),
      signedByClient: DIRECTOR.name,
    });
    const done = await t.gql(COMPLETE_CONTRACT, { input: { id: draft.id } }, managerA.token);
    expect(done.body.data.completeContract).toMatchObject({ status: 'COMPLETED' });
    expect(done.body.data.completeContract.closedAt).not.toBeNull();
  });

  it('signs a DRAFT directly (no approvals needed), numbering it then', async () => {
    const draft = await createContract(t, ownerA, A1.id, { contractDate: '2026-06-01' });
    const res = await t.gql(SIGN_CONTRACT, { input: { id: draft.id, signedOn: '2026-06-02' } }, ownerA);
    expect(res.body.data.signContract).toMatchObject({ __typename: 'Contract', status: 'SIGNED', signedOn: '2026-06-02', approvals: [] });
    expect(res.body.data.signContract.number).toMatch(/^Д-2026-\d{4}$/);
  });

  it('refuses to sign while approvals are pending, naming the approvers, and changes nothing', async () => {
    const c = await createSubmittedContract(t, managerA.token, A1.id);
    await decide(t, managerA.token, c.id, c.approvals[0].id, 'APPROVED');
    const before = await readContract(t, ownerA, c.id);
    const counter = await counterOf(ownerA);

    const res = await t.gql(SIGN_CONTRACT, { input: { id: c.id } }, managerA.token);
    const err = res.body.data.signContract;
    expect(err).toMatchObject({ __typename: 'ContractApprovalsPendingError', code: 'APPROVALS_PENDING', round: 1 });
    expect(err.pendingApprovers).toEqual([{ id: c.approvals[1].id, name: ACCOUNTANT.name, position: ACCOUNTANT.position, decision: 'PENDING' }]);
    expect(err.message).toContain(ACCOUNTANT.name);

    const after = await readContract(t, ownerA, c.id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'ON_APPROVAL', signedOn: null });
    expect(await counterOf(ownerA)).toBe(counter);
  });

  it('answers ILLEGAL_TRANSITION with from/to for changes the map does not allow, writing nothing', async () => {
    const draft = await createContract(t, managerA.token, A1.id);
    const complete = await t.gql(COMPLETE_CONTRACT, { input: { id: draft.id } }, managerA.token);
    expect(complete.body.data.completeContract).toEqual(
      expect.objectContaining({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Contract', from: 'DRAFT', to: 'COMPLETED' }),
    );
    expect(snapshot(await readContract(t, ownerA, draft.id))).toEqual(snapshot(draft));

    const submitted = await submitContract(t, managerA.token, draft.id);
    const again = await t.gql(SUBMIT_CONTRACT, { input: { id: draft.id, approvers: [DIRECTOR] } }, managerA.token);
    expect(again.body.data.submitContractForApproval).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'ON_APPROVAL', to: 'ON_APPROVAL' });
    const edit = await t.gql(UPDATE_CONTRACT, { input: { id: draft.id, subject: 'Другое' } }, managerA.token);
    expect(edit.body.data.updateContract).toMatchObject({ __typename: 'ContractNotEditableError', code: 'NOT_EDITABLE', status: 'ON_APPROVAL' });
    expect(snapshot(await readContract(t, ownerA, draft.id))).toEqual(snapshot(submitted));

    const ended = await t.gql(TERMINATE_CONTRACT, { input: { id: draft.id, reason: 'Клиент отказался' } }, managerA.token);
    expect(ended.body.data.terminateContract).toMatchObject({ status: 'TERMINATED', terminationReason: 'Клиент отказался' });
    // the open round is over with the contract
    expect(ended.body.data.terminateContract.pendingApprovers).toEqual([]);
    const late = await t.gql(APPROVE_CONTRACT, { input: { id: draft.id, approvalId: submitted.approvals[0].id, decision: 'APPROVED' } }, portalA1);
    expect(late.body.data.approveContract).toMatchObject({ code: 'APPROVAL_ALREADY_DECIDED', contractStatus: 'TERMINATED' });
    const sign = await t.gql(SIGN_CONTRACT, { input: { id: draft.id } }, managerA.token);
    expect(sign.body.data.signContract).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'TERMINATED', to: 'SIGNED' });
    const terminated = await readContract(t, ownerA, draft.id);
    expect(terminated).toMatchObject({ status: 'TERMINATED', signedOn: null });
    expect(terminated.approvals.map((a: any) => a.decision)).toEqual(['PENDING', 'PENDING']);
  });
});

describe('numbering', () => {
  it('numbers from the agency pattern at the first submission only: drafts consume no number, the year restarts it', async () => {
    const n = await registerAgency(t);
    const client = await createClient(t, n.ownerToken);
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createContract(t, n.ownerToken, client.id, { contractDate: '2026-04-15' }));
    expect(drafts.map((d) => d.number)).toEqual([null, null, null]);

    const first = await submitContract(t, n.ownerToken, drafts[1].id, [DIRECTOR]);
    expect(first.number).toBe('Д-2026-0001');
    const second = await t.gql(SIGN_CONTRACT, { input: { id: drafts[2].id } }, n.ownerToken);
    expect(second.body.data.signContract.number).toBe('Д-2026-0002');
    expect((await readContract(t, n.ownerToken, drafts[0].id)).number).toBeNull();

    // returned and resubmitted: keeps 0001, takes no new number
    await decide(t, n.ownerToken, first.id, first.approvals[0].id, 'RETURNED', 'Поправить предмет договора');
    const again = await submitContract(t, n.ownerToken, first.id, [DIRECTOR]);
    expect(again.number).toBe('Д-2026-0001');

    const nextYear = await createContract(t, n.ownerToken, client.id, { contractDate: '2027-01-10' });
    expect((await submitContract(t, n.ownerToken, nextYear.id, [DIRECTOR])).number).toBe('Д-2027-0001');
    expect((await submitContract(t, n.ownerToken, drafts[0].id, [DIRECTOR])).number).toBe('Д-2026-0003');
  });

  it('numbers concurrent submissions gaplessly, and a contract submitted twice at once gets one round', async () => {
    const n = await registerAgency(t);
    const client = await createClient(t, n.ownerToken);
    const drafts = [];
    for (let i = 0; i < 5; i++) drafts.push(await createContract(t, n.ownerToken, client.id, { contractDate: '2026-07-01' }));
    const results = await Promise.all(drafts.map((d) => submitContract(t, n.ownerToken, d.id, [DIRECTOR])));
    expect(results.map((r) => r.number).sort()).toEqual(['Д-2026-0001', 'Д-2026-0002', 'Д-2026-0003', 'Д-2026-0004', 'Д-2026-0005']);

    const one = await createContract(t, n.ownerToken, client.id, { contractDate: '2026-07-01' });
    const both = await Promise.all(
      [DIRECTOR, ACCOUNTANT].map((a) => t.gql(SUBMIT_CONTRACT, { input: { id: one.id, approvers: [a] } }, n.ownerToken)),
    );
    const typenames = both.map((r) => r.body.data.submitContractForApproval.__typename).sort();
    expect(typenames).toEqual(['Contract', 'IllegalTransitionError']);
    const back = await readContract(t, n.ownerToken, one.id);
    expect(back).toMatchObject({ status: 'ON_APPROVAL', number: 'Д-2026-0006', approvalRound: 1 });
    expect(back.approvals).toHaveLength(1);
  });

  it('takes the year of the number from contractDate, and keeps a numbered contract in that year', async () => {
    const n = await registerAgency(t);
    const client = await createClient(t, n.ownerToken);
    const today = localDate(new Date(), TZ);
    const c = await createContract(t, n.ownerToken, client.id);
    expect(c.contractDate).toBe(today);
    const submitted = await submitContract(t, n.ownerToken, c.id, [DIRECTOR]);
    expect(submitted.number).toBe(`Д-${today.slice(0, 4)}-0001`);
    await decide(t, n.ownerToken, c.id, submitted.approvals[0].id, 'RETURNED', 'Другая дата');
    const otherYear = `${Number(today.slice(0, 4)) + 1}-01-15`;
    const moved = await t.gql(UPDATE_CONTRACT, { input: { id: c.id, contractDate: otherYear } }, n.ownerToken);
    expect(badInputPaths(moved)).toEqual(['input.contractDate']);
    expect((await readContract(t, n.ownerToken, c.id)).contractDate).toBe(today);
  });
});

describe('input', () => {
  it('refuses a negative amount, percents summing to 90 and an ON_DATE item without a date, naming the fields; nothing is written', async () => {
    const client = await createClient(t, ownerA);
    const base = { clientId: client.id, subject: 'Договор', amount: '1000.00', currency: 'RUB' };

    const negative = await t.gql(CREATE_CONTRACT, { input: { ...base, amount: '-1' } }, ownerA);
    expect(badInputPaths(negative)).toEqual(['input.amount']);

    const zero = await t.gql(CREATE_CONTRACT, { input: { ...base, amount: '0' } }, ownerA);
    expect(badInputPaths(zero)).toEqual(['input.amount']);

    const ninety = await t.gql(
      CREATE_CONTRACT,
      {
        input: {
          ...base,
          paymentSchedule: [
            { label: 'Предоплата', trigger: 'ON_SIGNING', percent: '50' },
            { label: 'Постоплата', trigger: 'AFTER_DELIVERY', percent: '40' },
          ],
        },
      },
      ownerA,
    );
    expect(badInputPaths(ninety)).toEqual(['input.paymentSchedule']);
    expect(expectCode(ninety, 'BAD_USER_INPUT').fields[0].message).toContain('100');

    const noDate = await t.gql(
      CREATE_CONTRACT,
      { input: { ...base, paymentSchedule: [{ label: 'К дате', trigger: 'ON_DATE', percent: '100' }] } },
      ownerA,
    );
    expect(badInputPaths(noDate)).toEqual(['input.paymentSchedule.0.dueOn']);

    const badPercent = await t.gql(
      CREATE_CONTRACT,
      { input: { ...base, paymentSchedule: [{ label: 'Всё', trigger: 'ON_SIGNING', percent: '100.00001' }] } },
      ownerA,
    );
    expect(badInputPaths(badPercent)).toEqual(['input.paymentSchedule.0.percent']);

    const period = await t.gql(CREATE_CONTRACT, { input: { ...base, startsOn: '2026-05-01', endsOn: '2026-04-30' } }, ownerA);
    expect(badInputPaths(period)).toEqual(['input.endsOn']);

    const missing = await t.gql(CREATE_CONTRACT, { input: { clientId: client.id } }, ownerA);
    expect(badInputPaths(missing)).toEqual(['input.subject', 'input.amount', 'input.currency']);

    const unknownClient = await t.gql(CREATE_CONTRACT, { input: { ...base, clientId: MISSING_ID } }, ownerA);
    expect(expectCode(unknownClient, 'NOT_FOUND')).toMatchObject({ field: 'input.clientId' });

    expect(await rowCounts(client.id)).toEqual({ contracts: 0, items: 0, approvals: 0 });
  });

  it('stores an ON_DATE schedule with its dates and milestones, and replaces the schedule on update', async () => {
    const c = await createContract(t, ownerA, A1.id, {
      amount: '90000',
      paymentSchedule: [
        { label: 'Этап 1', trigger: 'MILESTONE', percent: '33.3333' },
        { label: 'Этап 2', trigger: 'MILESTONE', percent: '33.3333' },
        { label: 'Окончательный расчёт', trigger: 'ON_DATE', percent: '33.3334', dueOn: '2026-09-30' },
      ],
    });
    expect(c.amount).toBe('90000.00');
    expect(c.paymentSchedule.map((i: any) => [i.amount, i.dueOn])).toEqual([
      ['29999.97', null],
      ['29999.97', null],
      ['30000.06', '2026-09-30'],
    ]);
    // percents print with two decimals, more only when the share was given with more
    expect(c.paymentSchedule.map((i: any) => i.percent)).toEqual(['33.3333', '33.3333', '33.3334']);
    const res = await t.gql(UPDATE_CONTRACT, { input: { id: c.id, paymentSchedule: [{ label: 'Предоплата 100%', trigger: 'ON_SIGNING', percent: '100', isPrepayment: true }] } }, ownerA);
    expect(res.body.data.updateContract.paymentSchedule).toEqual([
      expect.objectContaining({ position: 1, percent: '100.00', amount: '90000.00', isPrepayment: true }),
    ]);
    const bad = await t.gql(UPDATE_CONTRACT, { input: { id: c.id, amount: '1.00', paymentSchedule: halfAndHalf().slice(0, 1) } }, ownerA);
    expect(badInputPaths(bad)).toEqual(['input.paymentSchedule']);
    const back = await readContract(t, ownerA, c.id);
    expect(back.amount).toBe('90000.00');
    expect(back.paymentSchedule).toHaveLength(1);
  });

  it('requires at least one approver and a comment to return', async () => {
    const c = await createContract(t, ownerA, A1.id);
    const none = await t.gql(SUBMIT_CONTRACT, { input: { id: c.id, approvers: [] } }, ownerA);
    expect(badInputPaths(none)).toEqual(['input.approvers']);
    expect(await readContract(t, ownerA, c.id)).toMatchObject({ status: 'DRAFT', number: null, approvals: [] });

    const submitted = await submitContract(t, ownerA, c.id, [DIRECTOR]);
    const noComment = await t.gql(APPROVE_CONTRACT, { input: { id: c.id, approvalId: submitted.approvals[0].id, decision: 'RETURNED', comment: '  ' } }, ownerA);
    expect(badInputPaths(noComment)).toEqual(['input.comment']);
    const wrongApproval = await t.gql(APPROVE_CONTRACT, { input: { id: c.id, approvalId: MISSING_ID, decision: 'APPROVED' } }, ownerA);
    expect(expectCode(wrongApproval, 'NOT_FOUND')).toMatchObject({ field: 'input.approvalId' });
    expect(snapshot(await readContract(t, ownerA, c.id))).toEqual(snapshot(submitted));
  });

  it('refuses a deal of another client', async () => {
    const deal = await t.gql(
      `mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`,
      { input: { clientId: A2.id, title: 'Сделка A2' } },
      ownerA,
    );
    const res = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, subject: 'x', amount: '1.00', currency: 'RUB', dealId: deal.body.data.createDeal.id } }, ownerA);
    expect(badInputPaths(res)).toEqual(['input.dealId']);
  });
});

describe('from a proposal', () => {
  it('takes subject, amount (the grand total the client saw) and currency from an ACCEPTED proposal', async () => {
    const sent = await createSentProposal(t, ownerA, A1.id, { title: 'КП: контекст на 2026', currency: 'EUR' });
    const accepted = await t.gql(ACCEPT_PROPOSAL, { input: { id: sent.id } }, ownerA);
    expect(accepted.body.data.acceptProposal.status).toBe('ACCEPTED');
    const res = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, proposalId: sent.id } }, ownerA);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createContract).toMatchObject({
      proposalId: sent.id,
      subject: 'КП: контекст на 2026',
      currency: 'EUR',
    });
    // media budgets 1 000 000 + the fees the client saw 70 000; the internal fees (20 000) are never billed
    expect(accepted.body.data.acceptProposal.totals.grandTotal).toBe('1090000.00');
    expect(res.body.data.createContract.amount).toBe('1070000.00');
    // given values win over the proposal's (one live contract per proposal: the first is terminated)
    const ended = await t.gql(TERMINATE_CONTRACT, { input: { id: res.body.data.createContract.id, reason: 'Переоформление' } }, ownerA);
    expect(ended.body.data.terminateContract.status).toBe('TERMINATED');
    const own = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, proposalId: sent.id, amount: '5000.00', subject: 'Свой предмет' } }, ownerA);
    expect(own.body.data.createContract).toMatchObject({ amount: '5000.00', subject: 'Свой предмет', currency: 'EUR' });
  });

  it('refuses a proposal that is not ACCEPTED, or of another client, on input.proposalId', async () => {
    const draft = await createProposal(t, ownerA, A1.id);
    const sent = await createSentProposal(t, ownerA, A1.id);
    const before = await rowCounts(A1.id);
    for (const id of [draft.id, sent.id]) {
      const res = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, proposalId: id } }, ownerA);
      expect(badInputPaths(res)).toEqual(['input.proposalId']);
    }
    const other = await t.gql(CREATE_CONTRACT, { input: { clientId: A2.id, proposalId: sent.id, subject: 'x', amount: '1.00', currency: 'RUB' } }, ownerA);
    expect(badInputPaths(other)).toEqual(['input.proposalId']);
    expect(await rowCounts(A1.id)).toEqual(before);
  });
});

describe('client portal', () => {
  it('hides drafts, shows a submitted contract, lets the client approve but not sign or create', async () => {
    const c = await createContract(t, managerA.token, A1.id);
    expect(await readContract(t, portalA1, c.id)).toBeNull();
    const listed = await t.gql(LIST_CONTRACTS, { filter: { clientId: A1.id } }, portalA1);
    expect(listed.body.data.contracts.edges.map((e: any) => e.node.id)).not.toContain(c.id);

    const submitted = await submitContract(t, managerA.token, c.id, [DIRECTOR]);
    const seen = await readContract(t, portalA1, c.id);
    expect(seen).toMatchObject({ id: c.id, status: 'ON_APPROVAL', number: submitted.number });
    expect(seen.paymentSchedule).toHaveLength(2);
    expect((await t.gql(LIST_CONTRACTS, {}, portalA1)).body.data.contracts.edges.map((e: any) => e.node.id)).toContain(c.id);

    const sign = await t.gql(SIGN_CONTRACT, { input: { id: c.id } }, portalA1);
    expectCode(sign, 'FORBIDDEN');
    const create = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, subject: 'x', amount: '1.00', currency: 'RUB' } }, portalA1);
    expectCode(create, 'FORBIDDEN');
    for (const [doc, input] of [
      [SUBMIT_CONTRACT, { id: c.id, approvers: [DIRECTOR] }],
      [UPDATE_CONTRACT, { id: c.id, subject: 'x' }],
      [TERMINATE_CONTRACT, { id: c.id, reason: 'x' }],
      [COMPLETE_CONTRACT, { id: c.id }],
    ] as const) {
      expectCode(await t.gql(doc, { input }, portalA1), 'FORBIDDEN');
    }

    const approved = await decide(t, portalA1, c.id, submitted.approvals[0].id, 'APPROVED', 'ОК');
    expect(approved.approvals[0]).toMatchObject({ decision: 'APPROVED', comment: 'ОК' });
    expect(approved.pendingApprovers).toEqual([]);
    expect(await readContract(t, ownerA, c.id)).toMatchObject({ status: 'ON_APPROVAL' });
  });

  it("does not show another client's contract to a portal user, nor let it decide", async () => {
    const c = await createSubmittedContract(t, managerA.token, A1.id);
    expect(await readContract(t, portalA2, c.id)).toBeNull();
    const listed = await t.gql(LIST_CONTRACTS, {}, portalA2);
    expect(listed.body.data.contracts.edges.map((e: any) => e.node.id)).not.toContain(c.id);
    const res = await t.gql(APPROVE_CONTRACT, { input: { id: c.id, approvalId: c.approvals[0].id, decision: 'APPROVED' } }, portalA2);
    expect(expectCode(res, 'NOT_FOUND')).toMatchObject({ field: 'input.id' });
    expect(snapshot(await readContract(t, ownerA, c.id))).toEqual(snapshot(c));
  });
});

describe('tenancy', () => {
  it("does not reveal or change another agency's contract", async () => {
    const draft = await createContract(t, managerA.token, A1.id);
    const submitted = await createSubmittedContract(t, managerA.token, A1.id);

    for (const id of [draft.id, submitted.id]) {
      expect(await readContract(t, ownerB, id)).toBeNull();
    }
    const list = await t.gql(LIST_CONTRACTS, { first: 100 }, ownerB);
    expect(list.body.data.contracts.totalCount).toBe(0);
    const byClient = await t.gql(LIST_CONTRACTS, { filter: { clientId: A1.id } }, ownerB);
    expect(byClient.body.data.contracts).toMatchObject({ totalCount: 0, edges: [] });

    const submit = await t.gql(SUBMIT_CONTRACT, { input: { id: draft.id, approvers: [DIRECTOR] } }, ownerB);
    expect(expectCode(submit, 'NOT_FOUND')).toMatchObject({ field: 'input.id' });
    const sign = await t.gql(SIGN_CONTRACT, { input: { id: draft.id } }, ownerB);
    expect(expectCode(sign, 'NOT_FOUND')).toMatchObject({ field: 'input.id' });
    const approve = await t.gql(APPROVE_CONTRACT, { input: { id: submitted.id, approvalId: submitted.approvals[0].id, decision: 'APPROVED' } }, ownerB);
    expectCode(approve, 'NOT_FOUND');
    const update = await t.gql(UPDATE_CONTRACT, { input: { id: draft.id, subject: 'Чужой' } }, ownerB);
    expectCode(update, 'NOT_FOUND');
    const create = await t.gql(CREATE_CONTRACT, { input: { clientId: A1.id, subject: 'x', amount: '1.00', currency: 'RUB' } }, ownerB);
    expect(expectCode(create, 'NOT_FOUND')).toMatchObject({ field: 'input.clientId' });

    expect(snapshot(await readContract(t, ownerA, draft.id))).toEqual(snapshot(draft));
    expect(snapshot(await readContract(t, ownerA, submitted.id))).toEqual(snapshot(submitted));
    expect(await rowCounts(B1.id)).toEqual({ contracts: 0, items: 0, approvals: 0 });
  });

  it('answers null / NOT_FOUND for malformed and missing ids', async () => {
    expect(await readContract(t, ownerA, 'not-a-uuid')).toBeNull();
    expect(await readContract(t, ownerA, MISSING_ID)).toBeNull();
    const sign = await t.gql(SIGN_CONTRACT, { input: { id: MISSING_ID } }, ownerA);
    expect(expectCode(sign, 'NOT_FOUND')).toMatchObject({ field: 'input.id' });
    const anon = await t.gql(GET_CONTRACT, { id: MISSING_ID }, null);
    expectCode(anon, 'UNAUTHENTICATED');
  });
});

describe('lists', () => {
  it('filters by client, status and deal and pages newest first', async () => {
    const client = await createClient(t, ownerA);
    const deal = (await t.gql(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { clientId: client.id, title: 'Сделка' } }, ownerA))
      .body.data.createDeal;
    const c1 = await createContract(t, ownerA, client.id, { dealId: deal.id });
    const c2 = await createSubmittedContract(t, ownerA, client.id);
    const c3 = await createContract(t, ownerA, client.id);

    const all = await t.gql(LIST_CONTRACTS, { filter: { clientId: client.id }, first: 2 }, ownerA);
    expect(all.body.data.contracts.totalCount).toBe(3);
    expect(all.body.data.contracts.edges.map((e: any) => e.node.id)).toEqual([c3.id, c2.id]);
    const next = await t.gql(LIST_CONTRACTS, { filter: { clientId: client.id }, first: 2, after: all.body.data.contracts.pageInfo.endCursor }, ownerA);
    expect(next.body.data.contracts.edges.map((e: any) => e.node.id)).toEqual([c1.id]);

    const onApproval = await t.gql(LIST_CONTRACTS, { filter: { clientId: client.id, statuses: ['ON_APPROVAL'] } }, ownerA);
    expect(onApproval.body.data.contracts.edges.map((e: any) => e.node.id)).toEqual([c2.id]);
    const byDeal = await t.gql(LIST_CONTRACTS, { filter: { dealId: deal.id } }, ownerA);
    expect(byDeal.body.data.contracts.edges.map((e: any) => [e.node.id, e.node.dealId])).toEqual([[c1.id, deal.id]]);
  });

  it('loads schedules, approvals and clients of a page in a constant number of statements', async () => {
    const client = await createClient(t, ownerA);
    const run = async () => {
      logger.reset();
      const res = await t.gql(LIST_CONTRACTS_DEEP, { first: 50, filter: { clientId: client.id } }, ownerA);
      expect(res.body.errors).toBeUndefined();
      return { count: logger.count, size: res.body.data.contracts.edges.length };
    };
    await createSubmittedContract(t, ownerA, client.id);
    await createContract(t, ownerA, client.id);
    const small = await run();
    for (let i = 0; i < 4; i++) await createSubmittedContract(t, ownerA, client.id);
    const large = await run();
    expect([small.size, large.size]).toEqual([2, 6]);
    expect(large.count).toBe(small.count);
  });
});

describe('payment-schedule control point', () => {
  const ITEM_DUE = { kinds: ['SCHEDULE_ITEM_DUE'] };

  it('raises each dated item of a signed contract on its date, in the agency calendar, until the item is paid', async () => {
    const client = await createClient(t, ownerA, { ownerId: managerA.id });
    const today = localDate(new Date(), TZ);
    const later = addDays(today, 30);
    const schedule = [
      { label: 'Предоплата 50%', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true },
      { label: 'Окончательный расчёт 50%', trigger: 'ON_DATE', percent: '50', dueOn: later },
    ];
    // a draft raises nothing
    await createContract(t, ownerA, client.id, { amount: '200000.00', paymentSchedule: schedule });
    const none = await t.gql(CONTROL_POINTS, { filter: { ...ITEM_DUE, clientId: client.id } }, ownerA);
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data.controlPoints.edges).toEqual([]);

    const c = await signedContract(t, ownerA, client.id, { amount: '200000.00', paymentSchedule: schedule });
    const read = async () => {
      const res = await t.gql(CONTROL_POINTS, { filter: { ...ITEM_DUE, clientId: client.id } }, managerA.token);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.controlPoints.edges.map((e: any) => e.node).sort((x: any, y: any) => x.dueOn.localeCompare(y.dueOn));
    };
    const items = await read();
    expect(items).toEqual([
      expect.objectContaining({ kind: 'SCHEDULE_ITEM_DUE', dueOn: c.signedOn, overdue: false, clientId: client.id, objectType: 'Contract', objectId: c.id, managerId: managerA.id }),
      expect.objectContaining({ kind: 'SCHEDULE_ITEM_DUE', dueOn: later, overdue: false, objectId: c.id }),
    ]);
    expect(items[0].title).toContain('Предоплата 50%');
    expect(items[0].title).toContain(c.number);

    // the prepayment item paid: only the second item is left
    await paidInvoice(t, ownerA, client.id, { contractId: c.id, scheduleItemId: c.paymentSchedule[0].id, lines: [invoiceLine('Предоплата 50%', '100000.00', { vatRate: null })] });
    expect((await read()).map((i: any) => i.dueOn)).toEqual([later]);
    // dueBefore filters by the item date
    const soon = await t.gql(CONTROL_POINTS, { filter: { ...ITEM_DUE, clientId: client.id, dueBefore: addDays(today, 1) } }, ownerA);
    expect(soon.body.data.controlPoints.edges).toEqual([]);
  });
});

describe('control point', () => {
  const WAITING = { kinds: ['CONTRACT_APPROVAL_WAITING'] };

  it('lists a contract waiting for approvals, overdue after approvalWaitDays, until the round is approved', async () => {
    const client = await createClient(t, ownerA, { ownerId: managerA.id });
    const c = await createSubmittedContract(t, managerA.token, client.id);
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    // historical state: as if submitted ten days ago (the API stamps the current time)
    await t.ds.query(`UPDATE contracts SET "submittedAt" = $2 WHERE id = $1`, [c.id, tenDaysAgo.toISOString()]);

    const res = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, clientId: client.id } }, managerA.token);
    expect(res.body.errors).toBeUndefined();
    const items = res.body.data.controlPoints.edges.map((e: any) => e.node);
    expect(items).toEqual([
      {
        kind: 'CONTRACT_APPROVAL_WAITING',
        dueOn: addDays(localDate(tenDaysAgo, TZ), 3),
        overdue: true,
        clientId: client.id,
        objectType: 'Contract',
        objectId: c.id,
        title: expect.stringContaining(c.number),
        managerId: managerA.id,
      },
    ]);
    expect(items[0].title).toContain(DIRECTOR.name);
    expect(items[0].title).toContain(ACCOUNTANT.name);

    // the manager's own list, and not another manager's
    const mine = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, managerId: managerA.id } }, ownerA);
    expect(mine.body.data.controlPoints.edges.map((e: any) => e.node.objectId)).toContain(c.id);
    const notMine = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, managerId: MISSING_ID } }, ownerA);
    expect(notMine.body.data.controlPoints.edges.map((e: any) => e.node.objectId)).not.toContain(c.id);

    // one approved: still waiting, for the accountant only
    await decide(t, managerA.token, c.id, c.approvals[0].id, 'APPROVED');
    const half = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, clientId: client.id } }, managerA.token);
    const title = half.body.data.controlPoints.edges[0].node.title;
    expect(title).toContain(ACCOUNTANT.name);
    expect(title).not.toContain(DIRECTOR.name);

    await decide(t, managerA.token, c.id, c.approvals[1].id, 'APPROVED');
    const none = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, clientId: client.id } }, managerA.token);
    expect(none.body.data.controlPoints.totalCount).toBe(0);
  });

  it('is not overdue on the day of submission, and is not shown to another agency', async () => {
    const client = await createClient(t, ownerA);
    const c = await createSubmittedContract(t, ownerA, client.id, {}, [DIRECTOR]);
    const res = await t.gql(CONTROL_POINTS, { filter: { ...WAITING, clientId: client.id } }, ownerA);
    expect(res.body.data.controlPoints.edges.map((e: any) => [e.node.objectId, e.node.overdue, e.node.dueOn])).toEqual([
      [c.id, false, addDays(localDate(new Date(), TZ), 3)],
    ]);
    const other = await t.gql(CONTROL_POINTS, { filter: WAITING }, ownerB);
    expect(other.body.data.controlPoints.totalCount).toBe(0);
  });
});
