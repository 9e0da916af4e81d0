/**
 * The users bearer tokens name, kept by each API node between requests (src/auth/token-users.ts):
 * a request of a known token reads no user, and a change that retires a token (deactivation,
 * password change, made through this node, another node or plain SQL) is honoured at once on this
 * node and as soon as the database's notice arrives on another; without the notices (the listening
 * connection gone), nothing is kept and every request reads its user.
 */
import { Client } from 'pg';
import { CountingLogger, startTestApp, type TestApp } from '../support/app';
import { workerDatabaseUrl } from '../support/databases';
import { PASSWORD, createUser, registerAgency, type AgencyActors } from '../support/factories';
import { expectCode, expectOk } from '../support/expect';

const ME = 'query { me { id } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { __typename } }';
const CHANGE_PASSWORD = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }';
const USER_READS = /app_user_for_token/;

const logger = new CountingLogger();
let a: TestApp;
let b: TestApp;
let owner: AgencyActors;

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 5000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

const userReads = () => logger.statements.filter((s) => USER_READS.test(s)).length;

beforeAll(async () => {
  // node A counts its statements; node B is another API process on the same database
  a = await startTestApp({ logger });
  b = await startTestApp();
  owner = await registerAgency(a);
  await until('both nodes hear the database', () => a.services.tokenUsers.isLive && b.services.tokenUsers.isLive);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
});

it('reads the user of a known token once, not on every request', async () => {
  expectOk(await a.gql(ME, {}, owner.ownerToken));
  logger.reset();
  for (let i = 0; i < 3; i++) expectOk(await a.gql(ME, {}, owner.ownerToken));
  expect(userReads()).toBe(0);
});

it('refuses a deactivated user’s token at once on the node that deactivated it, before any notice arrives', async () => {
  const manager = await createUser(a, owner.ownerToken, 'MANAGER');
  expectOk(await a.gql(ME, {}, manager.token));
  // the listening connection reads nothing for now: this node must not depend on its own notice
  const stream = (a.services.tokenUsers as unknown as { client: { connection: { stream: NodeJS.ReadableStream } } }).client.connection.stream;
  stream.pause();
  try {
    expectOk(await a.gql(DEACTIVATE, { id: manager.id }, owner.ownerToken));
    expectCode(await a.gql(ME, {}, manager.token), 'UNAUTHENTICATED');
  } finally {
    stream.resume();
  }
});

it('refuses it on another node as soon as the notice arrives', async () => {
  const manager = await createUser(a, owner.ownerToken, 'MANAGER');
  expectOk(await b.gql(ME, {}, manager.token)); // B keeps the user
  expectOk(await b.gql(ME, {}, manager.token));
  expectOk(await a.gql(DEACTIVATE, { id: manager.id }, owner.ownerToken));
  const ms = await until('node B refuses the token', async () => (await b.gql(ME, {}, manager.token)).body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 2000);
  expect(ms).toBeLessThan(2000);
});

it('signs out the old sessions of a changed password on every node', async () => {
  const manager = await createUser(a, owner.ownerToken, 'MANAGER');
  expectOk(await b.gql(ME, {}, manager.token));
  expectOk(await a.gql(CHANGE_PASSWORD, { i: { oldPassword: PASSWORD, newPassword: 'another-long-passphrase-42' } }, manager.token));
  expectCode(await a.gql(ME, {}, manager.token), 'UNAUTHENTICATED');
  await until('node B refuses the old token', async () => (await b.gql(ME, {}, manager.token)).body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 2000);
});

it('hears a change made outside the API (plain SQL from another session)', async () => {
  const manager = await createUser(a, owner.ownerToken, 'MANAGER');
  expectOk(await a.gql(ME, {}, manager.token));
  expectOk(await b.gql(ME, {}, manager.token));
  const sql = new Client({ connectionString: workerDatabaseUrl() });
  await sql.connect();
  try {
    await sql.query('UPDATE users SET "tokenVersion" = "tokenVersion" + 1 WHERE id = $1', [manager.id]);
  } finally {
    await sql.end();
  }
  for (const node of [a, b]) {
    await until('the node refuses the token', async () => (await node.gql(ME, {}, manager.token)).body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 2000);
  }
});

it('keeps nothing while it cannot hear: a change made then is honoured by the next request', async () => {
  const manager = await createUser(a, owner.ownerToken, 'MANAGER');
  expectOk(await a.gql(ME, {}, manager.token));
  const sql = new Client({ connectionString: workerDatabaseUrl() });
  await sql.connect();
  try {
    // the listening sessions of this database end (a restart, a network cut): no notice can arrive
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'agency-api-listener' AND datname = current_database()`);
    await until('node A notices', () => !a.services.tokenUsers.isLive);
    logger.reset();
    expectOk(await a.gql(ME, {}, manager.token));
    expect(userReads()).toBe(1);
    await sql.query('UPDATE users SET "isActive" = false WHERE id = $1', [manager.id]);
    expectCode(await a.gql(ME, {}, manager.token), 'UNAUTHENTICATED');
  } finally {
    await sql.end();
  }
  // and it listens again by itself
  await until('node A hears again', () => a.services.tokenUsers.isLive, 10_000);
  expectOk(await a.gql(ME, {}, owner.ownerToken));
  logger.reset();
  expectOk(await a.gql(ME, {}, owner.ownerToken));
  expect(userReads()).toBe(0);
});

it('keeps nothing with TOKEN_USER_CACHE_TTL_MS=0', async () => {
  const counting = new CountingLogger();
  const off = await startTestApp({ logger: counting, env: { TOKEN_USER_CACHE_TTL_MS: '0' } });
  try {
    expectOk(await off.gql(ME, {}, owner.ownerToken));
    counting.reset();
    expectOk(await off.gql(ME, {}, owner.ownerToken));
    expect(counting.statements.filter((s) => USER_READS.test(s))).toHaveLength(1);
    expect(off.services.tokenUsers.isLive).toBe(false);
  } finally {
    await off.close();
  }
});
