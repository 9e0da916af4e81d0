/**
 * Keeps the scale-out path open (distributing by agency, e.g. Citus) and the second wall whole:
 * read from the catalog of the migrated database, every tenant table carries `agencyId`, leads an
 * index with it, has it in its unique keys, and has row-level security enabled AND forced with a
 * policy on it. A new table that misses one of these fails here; exceptions are listed with why.
 */
import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { WORKERS: '0' } });
});
afterAll(() => t?.close());

/** Tables of the app that are not an agency's: they carry no agencyId, on purpose. */
const NOT_TENANT_TABLES: Record<string, string> = {
  agencies: 'the tenant itself: its id is the agency (RLS on id, checked below)',
  migrations: "TypeORM's bookkeeping of applied migrations; agency_app has no grant on it",
  cost_budgets: 'the query-cost buckets, keyed by agency or by an anonymous client address: shared by every API node, read before the agency unit opens',
  rate_limits: 'login and sign-up counters, keyed by email and client address: no agency is known when they are counted',
  pending_signups: 'sign-ups waiting for their emailed link: the agency does not exist until the link is opened; read only by the sign-up service, before any agency is entered (systemBeforeAgency)',
};

/**
 * Unique keys without agencyId, each unique across the whole database on purpose or keyed by a
 * parent row that belongs to exactly one agency (equivalent to having the agency in front; under a
 * distributed PostgreSQL these would get `agencyId` prepended).
 */
const GLOBAL_UNIQUE_KEYS: Record<string, string> = {
  users_email_unique: 'login by email happens before the agency is known: an email is one account in the whole service',
  password_reset_tokens_hash_unique: 'a one-time token is looked up by its hash alone, before the agency is known',
  survey_invitations_token: 'a survey link is opened by its token alone (anonymous respondent)',
  jobs_boss_job: "pg-boss's job id (a random uuid) links the record to the queue's row",
  contacts_one_primary: 'one primary contact per client: clientId belongs to one agency',
  survey_responses_one_per_user: 'one response per survey and user: both belong to one agency',
  survey_responses_one_per_link: 'one response per invitation: the invitation belongs to one agency',
  survey_answers_question: 'one answer per response and question: the response belongs to one agency',
  reports_schedule_period_unique: 'one report per schedule and period: the schedule belongs to one agency',
};

interface TableRow {
  name: string;
  rls: boolean;
  forced: boolean;
  policies: string[];
  /** the portal policy: restrictive, then its read / write conditions */
  portal: string[];
  hasClient: boolean;
}

async function tables(): Promise<{ tenant: TableRow[]; other: string[] }> {
  const rows: (TableRow & { tenant: boolean })[] = await t.ds.query(`
    SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agencyId' AND NOT a.attisdropped) AS tenant,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'clientId' AND NOT a.attisdropped) AS "hasClient",
           coalesce((SELECT array_agg(pg_get_expr(p.polqual, p.polrelid) || ' / ' || pg_get_expr(p.polwithcheck, p.polrelid)) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant'), '{}') AS policies,
           coalesce((SELECT array_agg(CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END || ' to ' || (SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END, ',') FROM unnest(p.polroles) r) || ': ' || pg_get_expr(p.polqual, p.polrelid) || ' / ' || pg_get_expr(p.polwithcheck, p.polrelid)) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname <> 'tenant'), '{}') AS portal
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`);
  return { tenant: rows.filter((r) => r.tenant), other: rows.filter((r) => !r.tenant).map((r) => r.name) };
}

it('every table of the app is a tenant table but the listed ones', async () => {
  const { tenant, other } = await tables();
  expect(other.sort()).toEqual(Object.keys(NOT_TENANT_TABLES).sort());
  expect(tenant.length).toBeGreaterThan(40);
});

it('every tenant table (and agencies) has row-level security enabled and forced, with a policy on the agency for reads and writes', async () => {
  const { tenant } = await tables();
  const [agencies]: TableRow[] = await t.ds.query(
    `SELECT relrowsecurity AS rls, relforcerowsecurity AS forced, (SELECT array_agg(pg_get_expr(polqual, polrelid) || ' / ' || pg_get_expr(polwithcheck, polrelid)) FROM pg_policy WHERE polrelid = 'agencies'::regclass) AS policies FROM pg_class WHERE oid = 'agencies'::regclass`,
  );
  const expected = (column: string) => {
    const cond = `(${column} = (NULLIF(current_setting('app.agency_id'::text, true), ''::text))::uuid)`;
    return [`${cond} / ${cond}`];
  };
  const wrong = tenant.filter((r) => !r.rls || !r.forced || JSON.stringify(r.policies) !== JSON.stringify(expected('"agencyId"')));
  expect(wrong).toEqual([]);
  expect(agencies).toEqual({ rls: true, forced: true, policies: expected('id') });
});

it("every tenant table with a client (and clients itself) has the restrictive portal policy for agency_portal on the portal user's client, and no other table has one", async () => {
  const { tenant } = await tables();
  const client = `(NULLIF(current_setting('app.client_id'::text, true), ''::text))::uuid`;
  const expected = (own: string) => [`restrictive to agency_portal: ${own} / ${own}`];
  const wrong = tenant.filter((r) => {
    if (r.name === 'clients') return JSON.stringify(r.portal) !== JSON.stringify(expected(`(id = ${client})`));
    if (r.name === 'users') return JSON.stringify(r.portal) !== JSON.stringify(expected(`(("clientId" IS NULL) OR ("clientId" = ${client}))`));
    if (r.hasClient) return JSON.stringify(r.portal) !== JSON.stringify(expected(`("clientId" = ${client})`));
    return r.portal.length > 0;
  });
  expect(wrong.map((r) => ({ name: r.name, portal: r.portal }))).toEqual([]);
  expect(tenant.filter((r) => r.hasClient).length).toBeGreaterThan(30);
});

it('every tenant table has an index led by agencyId', async () => {
  const rows: { name: string }[] = await t.ds.query(`
    SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agencyId' AND NOT a.attisdropped)
       AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                        WHERE i.indrelid = c.oid AND a.attname = 'agencyId')`);
  expect(rows.map((r) => r.name)).toEqual([]);
});

it('every unique key of a tenant table includes agencyId, but the listed ones; primary keys are random uuids', async () => {
  const rows: { table: string; index: string; primary: boolean; columns: string[] }[] = await t.ds.query(`
    SELECT c.relname AS "table", ic.relname AS "index", i.indisprimary AS primary,
           array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k)::text[] AS columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_index i ON i.indrelid = c.oid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND i.indisunique
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agencyId' AND NOT a.attisdropped)
     ORDER BY 1, 2`);
  const without = rows.filter((r) => !r.columns.includes('agencyId'));
  const uniques = without.filter((r) => !r.primary).map((r) => r.index);
  expect(uniques.sort()).toEqual(Object.keys(GLOBAL_UNIQUE_KEYS).sort());
  // a primary key without the agency is a single uuid column drawn at random (gen_random_uuid()):
  // unique across agencies by construction. Under Citus it becomes ("agencyId", id).
  const pks = without.filter((r) => r.primary);
  expect(pks.filter((r) => JSON.stringify(r.columns) !== '["id"]')).toEqual([]);
  const defaults: { table: string }[] = await t.ds.query(
    `SELECT table_name AS "table" FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND table_name = ANY($1) AND (data_type <> 'uuid' OR column_default IS DISTINCT FROM 'gen_random_uuid()')`,
    [pks.map((r) => r.table)],
  );
  expect(defaults).toEqual([]);
});
