/**
 * Every agency-wide list reads its page through an index in the list's own order: the plan of
 * the page statement, first page and after a cursor, has no Sort (sorting is forbidden to the
 * planner here, so a missing index shows up as one) and walks the list's `<table>_newest` index.
 * Without it, PostgreSQL read every row the agency has of the kind for each page.
 */
import type { Logger as TypeOrmLogger } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { LIST_ORDER_INDEXES } from '../../migrations/1797100000100-ListOrderIndexes';
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

const log = new StatementLog();
let t: TestApp;
let a: AgencyActors;

beforeAll(async () => {
  t = await startTestApp({ logger: log });
  a = await registerAgency(t);
});
afterAll(() => t?.close());

async function plan(sql: string, parameters: unknown[]): Promise<string> {
  return t.ds.transaction(async (m) => {
    await m.query('SET LOCAL enable_sort = off');
    await m.query('SET LOCAL enable_seqscan = off');
    const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, parameters);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

it('lists every table of the migration', () => {
  expect(LIST_ORDER_INDEXES.map(([, table]) => table).sort()).toEqual(Object.keys(LIST_OF).sort());
});

describe.each(LIST_ORDER_INDEXES)('%s', (index, table) => {
  const cursor = Buffer.from(JSON.stringify(['2026-06-01T10:00:00.000Z', randomUUID()]), 'utf8').toString('base64url');

  it.each([
    ['the first page', null],
    ['a page after a cursor', cursor],
  ])('%s is read through the index, without sorting', async (_, after) => {
    log.statements = [];
    const field = LIST_OF[table];
    const res = await t.gql(`query($after: String) { ${field}(first: 5, after: $after) { edges { node { id } } } }`, { after }, a.ownerToken);
    expectOk(res);
    const page = log.statements.find(([sql]) => sql.includes(`FROM "${table}"`) && /ORDER BY/.test(sql) && /LIMIT 6\b/.test(sql));
    expect(page).toBeDefined();
    const text = await plan(...page!);
    expect(text).not.toMatch(/\bSort\b/);
    expect(text).toContain(index);
  });
});
