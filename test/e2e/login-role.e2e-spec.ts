/**
 * The API connecting as a plain login role, as a deployment should run it: LOGIN, NOSUPERUSER,
 * NOBYPASSRLS, not the owner, a member of agency_app and nothing else (`GRANT agency_app TO api`
 * is all an operator does; migrations and the job queue's schema are the owner's). The work before
 * the agency is known reads across agencies only through the narrow SECURITY DEFINER functions
 * (migrations/1796700001000-BeforeAgencyLookups.ts); anything else the role reads outside an
 * agency's unit finds no tenant row (fails closed). The core flows run here through that role.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadDatabaseConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import PgBoss from 'pg-boss';
import { poolExecutor } from '../../src/jobs/executor';
import { installQueue, QUEUE_SCHEMA } from '../../src/jobs/queue';
import { sweepOverdueInvoices } from '../../src/events/invoice-overdue.job';
import { closeEndedPeriodsEverywhere } from '../../src/jobs/kpi-deviations.job';
import { pruneJobRecords, reconcileInterruptedJobs } from '../../src/services/job.service';
import { pruneOutbox } from '../../src/services/outbound-email.service';
import { startTestApp, TestApp } from '../support/app';
import { workerDatabaseUrl } from '../support/databases';
import { GET_PORTAL_CLIENT, LIST_CLIENTS, ME } from '../support/documents';
import { dataOf, expectOk } from '../support/expect';
import { createClient, createContact, createUser, login, PASSWORD, registerAgency, uniqueEmail, type AgencyActors } from '../support/factories';
import { createInvoice, GET_INVOICE, invoiceLine, issuedInvoice } from '../support/invoice.factories';
import { eventually } from '../support/jobs';
import { startNodeProcess } from '../support/node-process';

jest.setTimeout(120_000);

/** Roles are cluster-wide: one of this jest process's own, dropped in afterAll. */
const ROLE = `agency_api_test_${process.pid}_${process.env.JEST_WORKER_ID ?? '1'}`;

function urlAs(role: string): string {
  const u = new URL(workerDatabaseUrl());
  u.username = role;
  u.password = '';
  return u.toString();
}

const GENERATE_BATCH = /* GraphQL */ `
  mutation GenerateDocuments($input: GenerateDocumentsInput!) { generateDocuments(input: $input) { id kind state } }
`;
const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id state progress result error { code message } } }`;
const ISSUE_RESET = /* GraphQL */ `
  mutation IssueReset($input: IssuePasswordResetInput!) { issuePasswordReset(input: $input) { token user { id } } }
`;
const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { __typename ... on AuthPayload { token user { id } } ... on ErrorResult { code } }
  }
`;
const SEND_SURVEY = /* GraphQL */ `
  mutation ($input: SendSatisfactionSurveyInput!) { sendSatisfactionSurvey(input: $input) { __typename ... on Survey { id } ... on ErrorResult { code } } }
`;
const OUTBOX = /* GraphQL */ `query { outbox(first: 100) { edges { node { to text relatedType } } } }`;
const BY_TOKEN = /* GraphQL */ `
  query ($token: String!) { surveyByToken(token: $token) { __typename ... on PublicSurvey { clientName } ... on ErrorResult { code } } }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerSurveyInput!) { answerSurvey(input: $input) { __typename ... on SurveyAnswerReceipt { answers } ... on ErrorResult { code } } }
`;
const KEYS = ['csiManager', 'csiResult', 'csiAccounting', 'csiDocuments', 'csiTelephony', 'ces', 'nps', 'cliRecommend', 'cliBuyAgain', 'cliOtherServices'];

/** The superuser (what is really stored; creates and drops the role). */
let admin: Client;
let t: TestApp;
let a: AgencyActors;
let clientId: string;

beforeAll(async () => {
  admin = new Client({ connectionString: workerDatabaseUrl(), application_name: 'login-role-admin' });
  await admin.connect();
  // what an operator does: a login role, a member of agency_app and agency_portal, nothing else
  await admin.query(`CREATE ROLE ${ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
  await admin.query(`GRANT agency_app, agency_portal TO ${ROLE}`);
  // what the owner does before (npm run migrate): migrations (done by the global setup) and the queue
  const owner = createDataSource({ url: workerDatabaseUrl(), poolSize: 1, applicationName: 'login-role-owner' });
  await owner.initialize();
  try {
    expect(await owner.runMigrations({ transaction: 'all' })).toEqual([]);
    await installQueue(owner, loadDatabaseConfig());
  } finally {
    await owner.destroy();
  }
  t = await startTestApp({ databaseUrl: urlAs(ROLE), applicationName: 'login-role', env: { WORKERS: '2' } });
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (admin) {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [ROLE]);
    await admin.query(`DROP OWNED BY ${ROLE}`);
    await admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await admin.end();
  }
});

describe('the connecting role', () => {
  it('is the plain login role: no superuser, no BYPASSRLS, not the owner of any table', async () => {
    const [me] = await t.ds.query(`SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`);
    expect(me).toEqual({ name: ROLE, super: false, bypass: false });
    const owned = await admin.query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [ROLE]);
    expect(owned.rows[0].n).toBe(0);
  });
});

describe('through the login role', () => {
  it('registers an agency, logs in and reads me', async () => {
    a = await registerAgency(t);
    const token = await login(t, a.ownerEmail, PASSWORD);
    expect(expectOk(await t.gql(ME, {}, token)).me).toMatchObject({ id: a.ownerId, role: 'OWNER' });
    // a wrong password is refused as before (the lookup found the user, the check failed)
    const wrong = await t.gql(/* GraphQL */ `mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: a.ownerEmail, password: 'not-the-password-1' } });
    expect(wrong.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('creates a client and a contact, lists clients, creates and reads an invoice', async () => {
    const client = await createClient(t, a.ownerToken);
    clientId = client.id;
    await createContact(t, a.ownerToken, client.id, { email: uniqueEmail('contact') });
    const list = expectOk(await t.gql(LIST_CLIENTS, { first: 50 }, a.ownerToken)).clients;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([client.id]);
    const invoice = await createInvoice(t, a.ownerToken, client.id, { lines: [invoiceLine('Strategy session', '1000.00')] });
    const read = expectOk(await t.gql(GET_INVOICE, { id: invoice.id }, a.ownerToken)).invoice;
    expect(read).toMatchObject({ id: invoice.id, status: 'DRAFT' });
  });

  it("lets a portal user log in and read its client", async () => {
    const portal = await createUser(t, a.ownerToken, 'CLIENT', clientId);
    const client = expectOk(await t.gql(GET_PORTAL_CLIENT, { id: clientId }, portal.token)).client;
    expect(client.id).toBe(clientId);
  });

  it('sets a password with a one-time token (resetPassword)', async () => {
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const ticket = dataOf<any>(await t.gql(ISSUE_RESET, { input: { userId: manager.id } }, a.ownerToken), 'issuePasswordReset');
    const used = dataOf<any>(await t.gql(RESET_PASSWORD, { input: { token: ticket.token, newPassword: 'a-brand-new-password-42' } }), 'resetPassword');
    expect(used).toMatchObject({ __typename: 'AuthPayload', user: { id: manager.id } });
    const again = dataOf<any>(await t.gql(RESET_PASSWORD, { input: { token: ticket.token, newPassword: 'yet-another-password-1' } }), 'resetPassword');
    expect(again.code).toBe('PASSWORD_TOKEN_INVALID');
  });

  it("opens and answers a survey's one-time link without a login", async () => {
    const sent = dataOf<any>(await t.gql(SEND_SURVEY, { input: { clientId } }, a.ownerToken), 'sendSatisfactionSurvey');
    expect(sent.__typename).toBe('Survey');
    const mail = (expectOk(await t.gql(OUTBOX, {}, a.ownerToken)).outbox.edges as any[]).find((e) => e.node.relatedType === 'SurveyInvitation');
    const token = /\/survey\?token=([A-Za-z0-9_-]+)/.exec(mail.node.text)![1];
    expect(dataOf<any>(await t.gql(BY_TOKEN, { token }), 'surveyByToken').__typename).toBe('PublicSurvey');
    const answers = KEYS.map((k) => ({ question: k, score: k.startsWith('cli') ? 6 : 10, comment: null }));
    expect(dataOf<any>(await t.gql(ANSWER, { input: { token, answers } }), 'answerSurvey')).toEqual({ __typename: 'SurveyAnswerReceipt', answers: 10 });
  });

  it('runs a queue job (a batch of documents) worked by this process through pg-boss', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, clientId, { lines: [invoiceLine('Media plan', '500.00')] });
    const job = dataOf<any>(await t.gql(GENERATE_BATCH, { input: { kind: 'INVOICE', sourceIds: [invoice.id] } }, a.ownerToken), 'generateDocuments');
    const done = await eventually(
      async () => expectOk(await t.gql(JOB, { id: job.id }, a.ownerToken)).job,
      (j: any) => j.state === 'SUCCEEDED' || j.state === 'FAILED',
      60_000,
      'the batch job as the login role',
    );
    expect(done.error).toBeNull();
    expect(done.state).toBe('SUCCEEDED');
    // the nightly pruning reaches every agency's records through its function: an old record goes
    await admin.query(`UPDATE jobs SET "finishedAt" = now() - interval '40 days' WHERE id = $1`, [job.id]);
    expect((await pruneJobRecords(t.services)).deleted).toBeGreaterThanOrEqual(1);
    expect((await admin.query('SELECT 1 FROM jobs WHERE id = $1', [job.id])).rows).toEqual([]);
  });

  it("runs pg-boss's maintenance (expire, archive, drop) as the login role", async () => {
    // what a process with WORKERS > 0 does every few minutes, made to happen now
    const boss = new PgBoss({ db: poolExecutor(t.ds), schema: QUEUE_SCHEMA, migrate: false, supervise: false, schedule: false });
    await boss.start();
    try {
      await expect(boss.maintain()).resolves.toEqual({ ms: expect.any(Number) });
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
  });

  it('runs the scheduled sweeps over every agency', async () => {
    // the agency is found (with its owner) through the narrow functions, then worked in its own unit
    expect((await sweepOverdueInvoices(t.services)).agencies).toBeGreaterThanOrEqual(1);
    const periods = await closeEndedPeriodsEverywhere(t.services);
    expect(periods.agencies).toBeGreaterThanOrEqual(1);
    await expect(reconcileInterruptedJobs(t.services)).resolves.toEqual(expect.objectContaining({ requeued: expect.any(Number) }));
    await expect(pruneOutbox(t.services)).resolves.toEqual({ deleted: expect.any(Number) });
  });
});

describe('outside an agency unit, the login role', () => {
  let direct: Client;
  beforeAll(async () => {
    direct = new Client({ connectionString: urlAs(ROLE), application_name: 'login-role-direct' });
    await direct.connect();
  });
  afterAll(() => direct?.end());

  it('fails closed: a plain SELECT of a tenant table returns no row (the rows are there)', async () => {
    expect((await direct.query('SELECT * FROM users')).rows).toEqual([]);
    expect((await direct.query('SELECT * FROM agencies')).rows).toEqual([]);
    expect((await direct.query('SELECT * FROM clients')).rows).toEqual([]);
    expect((await admin.query('SELECT count(*)::int AS n FROM users WHERE "agencyId" = $1', [a.agencyId])).rows[0].n).toBeGreaterThan(0);
  });

  it('writes nothing into an agency without entering it', async () => {
    const refused = direct.query(`INSERT INTO clients ("agencyId", name) VALUES ($1, 'Sneaky')`, [a.agencyId]);
    await expect(refused).rejects.toThrow(/row-level security/);
  });

  it('reads across agencies only what the functions return', async () => {
    const { rows } = await direct.query('SELECT * FROM app_user_for_login($1)', [a.ownerEmail]);
    expect(rows).toEqual([{ id: a.ownerId, agencyId: a.agencyId, passwordHash: expect.any(String), isActive: true }]);
    const hash = createHash('sha256').update(randomUUID()).digest('hex');
    expect((await direct.query('SELECT * FROM app_password_token($1, false)', [hash])).rows).toEqual([]);
  });

  it('cannot run the DDL of a migration', async () => {
    await expect(direct.query('CREATE TABLE login_role_probe (id int)')).rejects.toThrow(/permission denied/);
    await expect(direct.query('ALTER TABLE users NO FORCE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
  });
});

describe('the functions before the agency', () => {
  it('are each SECURITY DEFINER with a fixed search_path, executable by agency_app and not by PUBLIC', async () => {
    const { rows } = await admin.query(
      `SELECT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config,
              has_function_privilege('agency_app', p.oid, 'EXECUTE') AS app,
              EXISTS (SELECT 1 FROM aclexplode(p.proacl) x WHERE x.grantee = 0 AND x.privilege_type = 'EXECUTE') AS public
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'app\\_%'
        ORDER BY p.proname`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'app_agencies',
      'app_agency_owners',
      'app_interrupted_jobs',
      'app_password_token',
      'app_prune_job_records',
      'app_prune_outbox',
      'app_survey_invitation',
      'app_user_for_login',
      'app_user_for_token',
    ]);
    for (const r of rows) expect({ name: r.name, definer: r.definer, config: r.config, app: r.app, public: r.public }).toEqual({ name: r.name, definer: true, config: ['search_path=pg_catalog, public'], app: true, public: false });
  });
});

describe('an API node started as the login role', () => {
  it('migrates and installs the queue as the owner (MIGRATION_DATABASE_URL), then serves as the login role', async () => {
    const node = await startNodeProcess({ DATABASE_URL: urlAs(ROLE), MIGRATION_DATABASE_URL: workerDatabaseUrl(), WORKERS: '1' });
    try {
      const token = await login(node as unknown as TestApp, a.ownerEmail, PASSWORD);
      expect(expectOk(await node.gql(ME, {}, token)).me.id).toBe(a.ownerId);
    } finally {
      await node.stop();
    }
  }, 300_000);

  it('starts without MIGRATION_DATABASE_URL when nothing is pending (migrations ran first, as the owner)', async () => {
    const node = await startNodeProcess({ DATABASE_URL: urlAs(ROLE), WORKERS: '0' });
    try {
      const list = expectOk(await node.gql(LIST_CLIENTS, { first: 50 }, a.ownerToken)).clients;
      expect(list.edges.map((e: any) => e.node.id)).toEqual([clientId]);
    } finally {
      await node.stop();
    }
  }, 300_000);
});
