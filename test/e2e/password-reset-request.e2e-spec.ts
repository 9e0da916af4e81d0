/**
 * "Forgot password?" (requestPasswordReset): anyone may ask; the answer is the same whether the
 * email has an account or not; the account's user gets a one-time link (60 minutes) that
 * resetPassword takes, which signs out every earlier session. Limited per address and per email.
 * Mail goes through a real SMTP server started here.
 */
import { startTestApp, TestApp } from '../support/app';
import { ME } from '../support/documents';
import { dataOf, expectCode } from '../support/expect';
import { createUser, login, PASSWORD, registerAgency, uniqueEmail, type AgencyActors } from '../support/factories';
import { eventually } from '../support/jobs';
import { startSmtp, type Received } from '../support/smtp';

const REQUEST = /* GraphQL */ `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }`;
const RESET = /* GraphQL */ `mutation ($input: ResetPasswordInput!) {
  resetPassword(input: $input) { __typename ... on AuthPayload { token user { id email } } ... on ErrorResult { code } }
}`;
const NEW_PASSWORD = 'a-quite-new-password-77';

const MAIL = { PUBLIC_URL: 'https://crm.example.test/', MAIL_FROM: 'CRM <crm@example.test>' };
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let a: AgencyActors;

beforeAll(async () => {
  smtp = await startSmtp();
  // every request here comes from one address: its own limit is tried apart (below)
  t = await startTestApp({ env: { ...MAIL, SMTP_URL: smtp.url, PASSWORD_RESET_PER_HOUR_PER_ADDRESS: '1000' } });
  a = await registerAgency(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const mailsTo = (email: string): Received[] => smtp.received.filter((m) => m.rcpt.includes(email));

async function mailTo(email: string, nth = 1): Promise<Received> {
  return (await eventually(async () => mailsTo(email)[nth - 1], Boolean, 15_000, `email ${nth} to ${email}`))!;
}

function linkToken(mail: Received): string {
  const m = /https:\/\/crm\.example\.test\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!m) throw new Error(`no reset link in: ${mail.text}`);
  return decodeURIComponent(m[1]);
}

/** Waits until every reset job sent for `email` has finished (the decision is the job's). */
async function jobsDone(email: string, count: number): Promise<void> {
  await eventually(
    async () => (await t.ds.query(`SELECT state FROM pgboss.job WHERE name = 'password-reset.email' AND data->>'email' = $1`, [email])) as { state: string }[],
    (rows) => rows.length === count && rows.every((r) => r.state === 'completed'),
    15_000,
    `the reset jobs of ${email}`,
  );
}

/** A manager of agency A with their own session, in the given language. */
async function manager(locale: 'RU' | 'BG' | 'EN' = 'RU'): Promise<{ id: string; email: string; token: string }> {
  const user = await createUser(t, a.ownerToken, 'MANAGER');
  dataOf(await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { __typename } }`, { i: { id: user.id, locale } }, a.ownerToken), 'updateUser');
  return user;
}

describe('requestPasswordReset', () => {
  it('answers an account, an unknown email and a deactivated user alike, and emails only the account', async () => {
    const active = await manager();
    const gone = await manager();
    dataOf(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { __typename } }`, { id: gone.id }, a.ownerToken), 'deactivateUser');
    const unknown = uniqueEmail('nobody');
    const answers = await Promise.all([active.email, unknown, gone.email].map((email) => t.gql(REQUEST, { input: { email } })));
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { requestPasswordReset: { accepted: true } } });
    }
    await Promise.all([active.email, unknown, gone.email].map((email) => jobsDone(email, 1)));
    expect(mailsTo(active.email)).toHaveLength(1);
    expect(mailsTo(unknown)).toHaveLength(0);
    expect(mailsTo(gone.email)).toHaveLength(0);
  });

  it('emails a link in the user\'s language that sets a new password once, logs in, and signs out the earlier sessions', async () => {
    const user = await manager('BG');
    dataOf(await t.gql(REQUEST, { input: { email: user.email.toUpperCase() } }), 'requestPasswordReset');
    const mail = await mailTo(user.email);
    expect(mail.subject).toBe('Смяна на паролата');
    expect(mail.text).toContain('60 минути');
    const token = linkToken(mail);

    const done = dataOf<any>(await t.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }), 'resetPassword');
    expect(done).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id, email: user.email } });
    expect(dataOf<any>(await t.gql(ME, {}, done.token), 'me').id).toBe(user.id);
    // the session from before the reset is over, the old password too
    expectCode(await t.gql(ME, {}, user.token), 'UNAUTHENTICATED');
    await expect(login(t, user.email, PASSWORD)).rejects.toThrow();
    await login(t, user.email, NEW_PASSWORD);
    // the link worked once
    expect(dataOf<any>(await t.gql(RESET, { input: { token, newPassword: 'yet-another-password-91' } }), 'resetPassword')).toEqual({ __typename: 'PasswordTokenInvalidError', code: 'PASSWORD_TOKEN_INVALID' });
  });

  it('keeps only the last link working, and refuses one past its 60 minutes', async () => {
    const user = await manager();
    dataOf(await t.gql(REQUEST, { input: { email: user.email } }), 'requestPasswordReset');
    const first = linkToken(await mailTo(user.email, 1));
    dataOf(await t.gql(REQUEST, { input: { email: user.email } }), 'requestPasswordReset');
    const second = linkToken(await mailTo(user.email, 2));
    expect(dataOf<any>(await t.gql(RESET, { input: { token: first, newPassword: NEW_PASSWORD } }), 'resetPassword').code).toBe('PASSWORD_TOKEN_INVALID');

    const [row] = await t.ds.query(`SELECT "expiresAt" - "createdAt" AS ttl FROM password_reset_tokens WHERE "userId" = $1 AND "usedAt" IS NULL`, [user.id]);
    expect(row.ttl).toMatchObject({ hours: 1 });
    await t.ds.query(`UPDATE password_reset_tokens SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1 AND "usedAt" IS NULL`, [user.id]);
    expect(dataOf<any>(await t.gql(RESET, { input: { token: second, newPassword: NEW_PASSWORD } }), 'resetPassword').code).toBe('PASSWORD_TOKEN_INVALID');
    // nothing changed: the password is the old one
    await login(t, user.email, PASSWORD);
  });

  it('refuses a fourth request for one email within the hour (429, with when to retry), for an account and an unknown email alike', async () => {
    const user = await manager();
    const unknown = uniqueEmail('nobody');
    const refusals = [];
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < 3; i++) dataOf(await t.gql(REQUEST, { input: { email } }), 'requestPasswordReset');
      const res = await t.gql(REQUEST, { input: { email } });
      expect(res.status).toBe(429);
      expect(expectCode(res, 'RATE_LIMITED').retryAfterSeconds).toBeGreaterThan(0);
      refusals.push(res.body.errors![0].extensions!.code);
    }
    expect(refusals).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    await jobsDone(user.email, 3);
    expect(mailsTo(user.email)).toHaveLength(3);
  });

  it('refuses an address past its requests of the hour, whatever the emails', async () => {
    const strict = await startTestApp({ env: { ...MAIL, SMTP_URL: smtp.url, PASSWORD_RESET_PER_HOUR_PER_ADDRESS: '2', WORKERS: '0' } });
    try {
      // the count of this address so far (the other tests') is the suite's, not this limit's
      await strict.ds.query(`DELETE FROM rate_limits WHERE key LIKE 'reset-address:%'`);
      for (let i = 0; i < 2; i++) dataOf(await strict.gql(REQUEST, { input: { email: uniqueEmail('many') } }), 'requestPasswordReset');
      const res = await strict.gql(REQUEST, { input: { email: uniqueEmail('many') } });
      expect(res.status).toBe(429);
      expectCode(res, 'RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('checks the email first: BAD_USER_INPUT on input.email, nothing sent', async () => {
    const res = await t.gql(REQUEST, { input: { email: 'not-an-email' } });
    expectCode(res, 'BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fields[0].path).toBe('input.email');
  });

  it('is refused on a server that sends no email (FORBIDDEN PASSWORD_RESET_UNAVAILABLE): the link could never arrive', async () => {
    const plain = await startTestApp({ env: { WORKERS: '0' } });
    try {
      const res = await plain.gql(REQUEST, { input: { email: uniqueEmail() } });
      expectCode(res, 'FORBIDDEN');
      expect(res.body.errors![0].extensions!.reason).toBe('PASSWORD_RESET_UNAVAILABLE');
    } finally {
      await plain.close();
    }
  });
});
