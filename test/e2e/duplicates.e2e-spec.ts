/**
 * Double clicks: a second contract from the same accepted proposal, and a second invoice for the
 * same payment-schedule item, are CONFLICT with a stable reason, the field at fault and the id of
 * the record that already exists — sequentially, concurrently, and when the race is only caught
 * by the database's unique index. A terminated contract / a cancelled invoice frees the slot.
 */
import type { QueryRunner } from 'typeorm';
import { GqlResponse, startTestApp, TestApp } from '../support/app';
import { CREATE_CONTRACT, createContract, TERMINATE_CONTRACT, UPDATE_CONTRACT } from '../support/contract.factories';
import { AgencyActors, createClient, createUser, registerAgency } from '../support/factories';
import { ACCEPT_PROPOSAL, createSentProposal } from '../support/proposal.factories';

const CREATE_INVOICE = /* GraphQL */ `
  mutation CreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { id status scheduleItemId total } }
`;

const CANCEL_INVOICE = /* GraphQL */ `
  mutation CancelInvoice($input: CancelInvoiceInput!) {
    cancelInvoice(input: $input) { __typename ... on Invoice { id status } ... on ErrorResult { code } }
  }
`;

let t: TestApp;
let a: AgencyActors;
let manager: { id: string; token: string };
let client: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  client = await createClient(t, a.ownerToken, { country: 'RU' });
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

function ok(res: GqlResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** The one CONFLICT of a refused double click; returns its extensions. */
function conflict(res: GqlResponse): Record<string, any> {
  expect(res.status).toBeLessThan(500);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.data ?? null).toBeNull();
  const ext = res.body.errors![0]!.extensions ?? {};
  expect(ext.code).toBe('CONFLICT');
  return ext;
}

async function acceptedProposal(): Promise<string> {
  const sent = await createSentProposal(t, a.ownerToken, client.id);
  const accepted = ok(await t.gql(ACCEPT_PROPOSAL, { input: { id: sent.id } }, a.ownerToken)).acceptProposal;
  expect(accepted.status).toBe('ACCEPTED');
  return sent.id;
}

async function contractsOf(proposalId: string): Promise<Array<{ id: string; status: string }>> {
  return t.ds.query('SELECT id, status FROM contracts WHERE "proposalId" = $1 ORDER BY "createdAt"', [proposalId]);
}

async function invoicesOf(scheduleItemId: string): Promise<Array<{ id: string; status: string }>> {
  return t.ds.query('SELECT id, status FROM invoices WHERE "scheduleItemId" = $1 ORDER BY "createdAt"', [scheduleItemId]);
}

async function rowCount(table: string): Promise<number> {
  const rows = await t.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE "agencyId" = $1`, [a.agencyId]);
  return rows[0].n;
}

function fromProposal(proposalId: string) {
  return { input: { clientId: client.id, proposalId } };
}

/** A contract with the 50/50 schedule; returns it with its two schedule item ids. */
async function contractWithSchedule(): Promise<{ id: string; items: string[] }> {
  const c = await createContract(t, a.ownerToken, client.id);
  return { id: c.id, items: c.paymentSchedule.map((i: { id: string }) => i.id) };
}

function forItem(contractId: string, scheduleItemId: string, extra: Record<string, unknown> = {}) {
  return { input: { clientId: client.id, contractId, scheduleItemId, currency: 'RUB', dueDate: '2026-12-31', ...extra } };
}

/**
 * Holds a conflicting row in an open transaction of its own, lets `request` pass the service's
 * own check (the row is not committed yet) and block on the unique index, then commits: the
 * request can only learn of the duplicate from the index.
 */
async function raceAgainstUncommitted(insertSql: string, params: unknown[], request: () => Promise<GqlResponse>): Promise<{ res: GqlResponse; rowId: string }> {
  const runner: QueryRunner = t.ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const [row] = await runner.query(insertSql, params);
    const pending = request();
    // wait until the request's INSERT waits on our row (a lock wait in this database)
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [w] = await t.ds.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO%'`,
      );
      if (w.n > 0) break;
      if (Date.now() > deadline) throw new Error('the request never waited on the unique index');
      await new Promise((r) => setTimeout(r, 20));
    }
    await runner.commitTransaction();
    return { res: await pending, rowId: row.id };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

// ---------------------------------------------------------------------------------------------

describe('a second contract from the same accepted proposal', () => {
  it('a sequential double click is CONFLICT PROPOSAL_HAS_CONTRACT naming the existing contract; one contract stays', async () => {
    const proposalId = await acceptedProposal();
    const first = ok(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token)).createContract;
    const items = await rowCount('contract_payment_items');

    const ext = conflict(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token));
    expect(ext).toMatchObject({ reason: 'PROPOSAL_HAS_CONTRACT', field: 'input.proposalId', existingId: first.id });
    expect(await contractsOf(proposalId)).toEqual([{ id: first.id, status: 'DRAFT' }]);
    expect(await rowCount('contract_payment_items')).toBe(items);
  });

  it('two simultaneous requests: exactly one contract, the other request is the same CONFLICT', async () => {
    const proposalId = await acceptedProposal();
    const results = await Promise.all([
      t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token),
      t.gql(CREATE_CONTRACT, fromProposal(proposalId), a.ownerToken),
    ]);
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const id = won[0]!.body.data.createContract.id;
    expect(conflict(lost[0]!)).toMatchObject({ reason: 'PROPOSAL_HAS_CONTRACT', field: 'input.proposalId', existingId: id });
    expect(await contractsOf(proposalId)).toEqual([{ id, status: 'DRAFT' }]);
  });

  it('a race caught only by the unique index is the same CONFLICT with the winner\'s id', async () => {
    const proposalId = await acceptedProposal();
    const { res, rowId } = await raceAgainstUncommitted(
      `INSERT INTO contracts ("agencyId", "clientId", "proposalId", "contractDate", subject, amount, currency, status)
       VALUES ($1, $2, $3, '2026-09-01', 'Гонка', '100.00', 'RUB', 'DRAFT') RETURNING id`,
      [a.agencyId, client.id, proposalId],
      () => t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token),
    );
    expect(conflict(res)).toMatchObject({ reason: 'PROPOSAL_HAS_CONTRACT', field: 'input.proposalId', existingId: rowId });
    expect(await contractsOf(proposalId)).toEqual([{ id: rowId, status: 'DRAFT' }]);
  });

  it('after the first is terminated, a new contract may follow the proposal (and then only one again)', async () => {
    const proposalId = await acceptedProposal();
    const first = ok(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token)).createContract;
    const terminated = ok(await t.gql(TERMINATE_CONTRACT, { input: { id: first.id, reason: 'Ошибка в реквизитах' } }, manager.token));
    expect(terminated.terminateContract.status).toBe('TERMINATED');

    const second = ok(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token)).createContract;
    expect(second.proposalId).toBe(proposalId);
    const ext = conflict(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token));
    expect(ext).toMatchObject({ reason: 'PROPOSAL_HAS_CONTRACT', existingId: second.id });
    expect(await contractsOf(proposalId)).toEqual([
      { id: first.id, status: 'TERMINATED' },
      { id: second.id, status: 'DRAFT' },
    ]);
  });

  it('linking another contract to the proposal by updateContract is the same CONFLICT, and the contract stays unlinked', async () => {
    const proposalId = await acceptedProposal();
    const first = ok(await t.gql(CREATE_CONTRACT, fromProposal(proposalId), manager.token)).createContract;
    const other = await createContract(t, manager.token, client.id);
    const ext = conflict(await t.gql(UPDATE_CONTRACT, { input: { id: other.id, proposalId, subject: 'Другой предмет' } }, manager.token));
    expect(ext).toMatchObject({ reason: 'PROPOSAL_HAS_CONTRACT', field: 'input.proposalId', existingId: first.id });
    const [row] = await t.ds.query('SELECT "proposalId", subject FROM contracts WHERE id = $1', [other.id]);
    expect(row).toEqual({ proposalId: null, subject: other.subject });
    // re-saving the contract that already follows the proposal is no duplicate
    const same = ok(await t.gql(UPDATE_CONTRACT, { input: { id: first.id, proposalId } }, manager.token)).updateContract;
    expect(same).toMatchObject({ __typename: 'Contract', proposalId });
  });
});

describe('a second invoice for the same payment-schedule item', () => {
  it('a sequential double click is CONFLICT SCHEDULE_ITEM_INVOICED naming the existing invoice; one invoice stays', async () => {
    const c = await contractWithSchedule();
    const first = ok(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token)).createInvoice;
    expect(first).toMatchObject({ status: 'DRAFT', scheduleItemId: c.items[0] });
    const lines = await rowCount('invoice_lines');

    const ext = conflict(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token));
    expect(ext).toMatchObject({ reason: 'SCHEDULE_ITEM_INVOICED', field: 'input.scheduleItemId', existingId: first.id });
    expect(await invoicesOf(c.items[0]!)).toEqual([{ id: first.id, status: 'DRAFT' }]);
    expect(await rowCount('invoice_lines')).toBe(lines);
    // the contract's other item is invoiced independently
    const second = ok(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[1]!), manager.token)).createInvoice;
    expect(second.scheduleItemId).toBe(c.items[1]);
  });

  it('two simultaneous requests: exactly one invoice, the other request is the same CONFLICT', async () => {
    const c = await contractWithSchedule();
    const results = await Promise.all([
      t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token),
      t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), a.ownerToken),
    ]);
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const id = won[0]!.body.data.createInvoice.id;
    expect(conflict(lost[0]!)).toMatchObject({ reason: 'SCHEDULE_ITEM_INVOICED', field: 'input.scheduleItemId', existingId: id });
    expect(await invoicesOf(c.items[0]!)).toEqual([{ id, status: 'DRAFT' }]);
  });

  it('a race caught only by the unique index is the same CONFLICT with the winner\'s id', async () => {
    const c = await contractWithSchedule();
    const { res, rowId } = await raceAgainstUncommitted(
      `INSERT INTO invoices ("agencyId", "clientId", "contractId", "scheduleItemId", kind, status, currency, "dueDate")
       VALUES ($1, $2, $3, $4, 'PREPAYMENT', 'DRAFT', 'RUB', '2026-12-31') RETURNING id`,
      [a.agencyId, client.id, c.id, c.items[0]],
      () => t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token),
    );
    expect(conflict(res)).toMatchObject({ reason: 'SCHEDULE_ITEM_INVOICED', field: 'input.scheduleItemId', existingId: rowId });
    expect(await invoicesOf(c.items[0]!)).toEqual([{ id: rowId, status: 'DRAFT' }]);
  });

  it('after the first is cancelled, the item may be invoiced again (a correction), and then only once again', async () => {
    const c = await contractWithSchedule();
    const first = ok(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token)).createInvoice;
    const cancelled = ok(await t.gql(CANCEL_INVOICE, { input: { id: first.id, reason: 'Неверная дата' } }, manager.token)).cancelInvoice;
    expect(cancelled).toMatchObject({ __typename: 'Invoice', status: 'CANCELLED' });

    const again = ok(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!, { replacesInvoiceId: first.id }), manager.token)).createInvoice;
    const ext = conflict(await t.gql(CREATE_INVOICE, forItem(c.id, c.items[0]!), manager.token));
    expect(ext).toMatchObject({ reason: 'SCHEDULE_ITEM_INVOICED', existingId: again.id });
    expect(await invoicesOf(c.items[0]!)).toEqual([
      { id: first.id, status: 'CANCELLED' },
      { id: again.id, status: 'DRAFT' },
    ]);
  });

  it('a retry with the same idempotency key still answers the first invoice, not a CONFLICT', async () => {
    const c = await contractWithSchedule();
    const input = forItem(c.id, c.items[1]!, { idempotencyKey: `dbl-${c.id}` });
    const first = ok(await t.gql(CREATE_INVOICE, input, manager.token)).createInvoice;
    const retry = ok(await t.gql(CREATE_INVOICE, input, manager.token)).createInvoice;
    expect(retry).toEqual(first);
    expect(await invoicesOf(c.items[1]!)).toEqual([{ id: first.id, status: 'DRAFT' }]);
  });
});
