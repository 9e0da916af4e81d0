/**
 * Every agency-wide list reads its page through an index in the list's own order: the plan of
 * the page statement, first page and after a cursor, has no Sort (sorting is forbidden to the
 * planner here, so a missing index shows up as one) and walks the list's `<table>_newest` index.
 * Without it, PostgreSQL read every row the agency has of the kind for each page. One client's
 * page (a portal user's, or a filter) walks the client index, in the same order.
 */
import type { Logger as TypeOrmLogger } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { LIST_ORDER_INDEXES } from '../../migrations/1797100000100-ListOrderIndexes';
import { CLIENT_LIST_ORDER_INDEXES } from '../../migrations/1797100000200-ClientListOrderIndexes';
import { startTestApp, TestApp } from '../support/app';
import { expectOk } from '../support/expect';
import { AgencyActors, registerAgency } from '../support/factories';

/** Keeps each statement with its values, to EXPLAIN it as it ran. */
class StatementLog implements TypeOrmLogger {
  statements: [string, unknown[]][] = [];
  logQuery(query: string, parameters?: unknown[]) {
    this.statements.push([query, parameters ?? []]);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** The GraphQL list reading each table. */
const LIST_OF: Record<string, string> = {
  invoices: 'invoices',
  contracts: 'contracts',
  acts: 'acts',
  credit_notes: 'creditNotes',
  proposals: 'proposals',
  briefs: 'briefs',
  campaigns: 'campaigns',
  deals: 'deals',
  meetings: 'meetings',
  interactions: 'interactions',
  surveys: 'surveys',
};

/** The filter input type of each list. */
const FILTER_OF: Record<string, string> = {
  invoices: 'InvoiceFilter',
  contracts: 'ContractFilter',
  acts: 'ActFilter',
  credit_notes: 'CreditNoteFilter',
  proposals: 'ProposalFilter',
  briefs: 'BriefFilter',
  campaigns: 'CampaignFilter',
  deals: 'DealFilter',
  meetings: 'MeetingFilter',
  interactions: 'InteractionFilter',
  surveys: 'SurveyFilter',
};

const log = new StatementLog();
let t: TestApp;
let a: AgencyActors;

beforeAll(async () => {
  t = await startTestApp({ logger: log });
  a = await registerAgency(t);
});
afterAll(() => t?.close());

/**
 * The plan of the page statement a list's request sent (5 rows and one more), with sorting and
 * sequential scans forbidden to the planner: a missing index in the page's order shows as a Sort.
 */
async function pagePlan(table: string, after: string | null, clientId: string | null, without?: string): Promise<string> {
  log.statements = [];
  const field = LIST_OF[table];
  const res = await t.gql(
    `query($after: String, $filter: ${FILTER_OF[table]}) { ${field}(first: 5, after: $after, filter: $filter) { edges { node { id } } } }`,
    { after, filter: clientId ? { clientId } : null },
    a.ownerToken,
  );
  expectOk(res);
  const page = log.statements.find(([sql]) => sql.includes(`FROM "${table}"`) && /ORDER BY/.test(sql) && /LIMIT 6\b/.test(sql));
  expect(page).toBeDefined();
  // in a transaction rolled back: `without` names an index dropped for the plan only
  const qr = t.ds.createQueryRunner();
  await qr.startTransaction();
  try {
    await qr.query('SET LOCAL enable_sort = off');
    await qr.query('SET LOCAL enable_seqscan = off');
    if (without) await qr.query(`DROP INDEX "public"."${without}"`);
    const rows: { 'QUERY PLAN': string }[] = await qr.query(`EXPLAIN ${page![0]}`, page![1]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

it('lists every table of the migrations', () => {
  expect(LIST_ORDER_INDEXES.map(([, table]) => table).sort()).toEqual(Object.keys(LIST_OF).sort());
  expect(CLIENT_LIST_ORDER_INDEXES.map(([, table]) => table).sort()).toEqual(Object.keys(LIST_OF).sort());
});

/** The index each list reads one client's page through (a portal user's lists are always one client's). */
const CLIENT_INDEX: Record<string, string> = Object.fromEntries(CLIENT_LIST_ORDER_INDEXES.map(([index, table]) => [table, index]));

describe.each(LIST_ORDER_INDEXES)('%s', (index, table) => {
  const cursor = Buffer.from(JSON.stringify(['2026-06-01T10:00:00.000Z', randomUUID()]), 'utf8').toString('base64url');

  it.each([
    ['the first page', null],
    ['a page after a cursor', cursor],
  ])('%s is read through the index, without sorting', async (_, after) => {
    const text = await pagePlan(table, after, null);
    expect(text).not.toMatch(/\bSort\b/);
    expect(text).toContain(index);
  });

  // walking the agency's newest rows backwards and filtering one client's out of them is quick for
  // a client with recent rows and a read of the whole table for one whose rows are all old: one
  // client's page must be a range of an index in (agency, client, sort column, id) order. Which of
  // the two the planner picks on this test's few rows is a tie, so the agency-wide index is taken
  // away for the plan: what is left must read the client's page in order, without sorting
  it.each([
    ['one client\'s first page', null],
    ['one client\'s page after a cursor', cursor],
  ])('%s is read through the client index in the list order, without sorting', async (_, after) => {
    const text = await pagePlan(table, after, randomUUID(), index);
    expect(text).not.toMatch(/\bSort\b/);
    expect(text).toContain(CLIENT_INDEX[table]);
  });
});
