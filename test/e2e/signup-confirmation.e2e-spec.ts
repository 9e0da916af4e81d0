/**
 * Sign-up by confirmation email (SIGNUP_CONFIRMATION=email): registerAgency answers the same,
 * whether the email is new or already has an account, so it cannot be used to find out which
 * emails have accounts. The new email gets a one-time link; confirmSignUp creates the agency and
 * its owner and logs them in. The taken email's owner is told someone tried. Mail goes through a
 * real SMTP server started here.
 */
import { startTestApp, TestApp } from '../support/app';
import { REGISTER_AGENCY, ME } from '../support/documents';
import { dataOf, expectCode } from '../support/expect';
import { PASSWORD, login, registerAgency, uniqueEmail } from '../support/factories';
import { eventually } from '../support/jobs';
import { startSmtp, type Received } from '../support/smtp';
import { pruneExpiredSignUps } from '../../src/services/signup.service';

const REGISTER = /* GraphQL */ `mutation ($input: RegisterAgencyInput!) { registerAgency(input: $input) { confirmationSent token expiresAt user { id email } agency { id name } } }`;
const CONFIRM = /* GraphQL */ `mutation ($input: ConfirmSignUpInput!) {
  confirmSignUp(input: $input) {
    __typename
    ... on AuthPayload { token expiresAt user { id email role fullName } agency { id name timeZone locale defaultCurrency country } }
    ... on ErrorResult { code message }
  }
}`;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
/** SIGNUP_CONFIRMATION=email, sending through `smtp` */
let t: TestApp;
/** the suite's default: SIGNUP_CONFIRMATION=none (registers at once) */
let plain: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ env: { SIGNUP_CONFIRMATION: 'email', SMTP_URL: smtp.url, PUBLIC_URL: 'https://crm.example.test/', MAIL_FROM: 'CRM <crm@example.test>' } });
  plain = await startTestApp({ env: { WORKERS: '0' } });
});
afterAll(async () => {
  await t?.close();
  await plain?.close();
  await smtp?.close();
});

function input(email: string, extra: Record<string, unknown> = {}) {
  return { agencyName: 'Агентство ' + email.slice(0, 12), email, password: PASSWORD, ...extra };
}

async function mailTo(email: string, what = `the email to ${email}`): Promise<Received> {
  return (await eventually(async () => smtp.received.find((m) => m.rcpt.includes(email)), Boolean, 15_000, what))!;
}

function linkToken(mail: Received): string {
  const m = /https:\/\/crm\.example\.test\/confirm-signup\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!m) throw new Error(`no confirmation link in: ${mail.text}`);
  return decodeURIComponent(m[1]);
}

async function count(app: TestApp, sql: string, params: unknown[]): Promise<number> {
  return (await app.ds.query(sql, params))[0].n;
}

describe('SIGNUP_CONFIRMATION=email', () => {
  it('answers a new and a taken email alike: same status, same body', async () => {
    const taken = (await registerAgency(plain)).ownerEmail;
    const fresh = uniqueEmail('fresh');
    // what a client written for the immediate sign-up sends
    const a = await t.gql(REGISTER_AGENCY, { input: input(fresh) });
    const b = await t.gql(REGISTER_AGENCY, { input: input(taken) });
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect(a.body).toEqual({ data: { registerAgency: { token: null, expiresAt: null, user: null, agency: null } } });
    // and the field that says so
    const c = await t.gql(REGISTER, { input: input(uniqueEmail('fresh')) });
    const d = await t.gql(REGISTER, { input: input(taken.toUpperCase()) });
    expect(d).toEqual(c);
    expect(c.body.data.registerAgency).toEqual({ confirmationSent: true, token: null, expiresAt: null, user: null, agency: null });
  });

  it('still checks the input first: a weak password is BAD_USER_INPUT for any email', async () => {
    const res = await t.gql(REGISTER, { input: { ...input(uniqueEmail()), password: 'password123' } });
    expectCode(res, 'BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fields[0].path).toBe('input.password');
  });

  it('sends the new email a link (in the language asked for); confirmSignUp creates the agency and owner and logs in', async () => {
    const email = uniqueEmail('new');
    const given = input(email, { fullName: 'Jane Doe', locale: 'EN', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', country: 'BG' });
    dataOf<any>(await t.gql(REGISTER, { input: given }), 'registerAgency');
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);
    const mail = await mailTo(email);
    expect(mail.subject).toBe(`Confirm the registration of ${given.agencyName}`);
    expect(mail.text).toContain('Jane Doe');
    const token = linkToken(mail);
    const done = dataOf<any>(await t.gql(CONFIRM, { input: { token } }), 'confirmSignUp', 'AuthPayload');
    expect(done.user).toMatchObject({ email, role: 'OWNER', fullName: 'Jane Doe' });
    expect(done.agency).toMatchObject({ name: given.agencyName, timeZone: 'Europe/Sofia', locale: 'EN', defaultCurrency: 'EUR', country: 'BG' });
    const me = dataOf<any>(await t.gql(ME, {}, done.token), 'me');
    expect(me).toMatchObject({ id: done.user.id, email, role: 'OWNER', agency: { id: done.agency.id } });
    // the password chosen at sign-up is the account's
    expect(await login(t, email)).toEqual(expect.any(String));
    expect(await count(t, 'SELECT count(*)::int AS n FROM pending_signups WHERE email = $1', [email])).toBe(0);
  });

  it('writes the link in Bulgarian and Russian too', async () => {
    const bg = uniqueEmail('bg');
    const ru = uniqueEmail('ru');
    await t.gql(REGISTER, { input: input(bg, { locale: 'BG' }) });
    await t.gql(REGISTER, { input: input(ru) });
    expect((await mailTo(bg)).subject).toMatch(/^Потвърдете регистрацията на /);
    expect((await mailTo(ru)).subject).toMatch(/^Подтвердите регистрацию агентства /);
  });

  it('takes a link once: the second use is SIGNUP_TOKEN_INVALID, and so is an unknown token', async () => {
    const email = uniqueEmail('once');
    await t.gql(REGISTER, { input: input(email, { locale: 'EN' }) });
    const token = linkToken(await mailTo(email));
    dataOf<any>(await t.gql(CONFIRM, { input: { token } }), 'confirmSignUp', 'AuthPayload');
    const again = dataOf<any>(await t.gql(CONFIRM, { input: { token } }), 'confirmSignUp', 'SignUpTokenInvalidError');
    expect(again).toMatchObject({ code: 'SIGNUP_TOKEN_INVALID' });
    const unknown = dataOf<any>(await t.gql(CONFIRM, { input: { token: 'x'.repeat(43) } }), 'confirmSignUp', 'SignUpTokenInvalidError');
    expect(unknown.code).toBe('SIGNUP_TOKEN_INVALID');
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);
  });

  it('refuses an expired link with SIGNUP_TOKEN_EXPIRED and creates nothing', async () => {
    const email = uniqueEmail('late');
    await t.gql(REGISTER, { input: input(email, { locale: 'EN' }) });
    const token = linkToken(await mailTo(email));
    await t.ds.query(`UPDATE pending_signups SET "expiresAt" = now() - interval '1 second' WHERE email = $1`, [email]);
    const res = dataOf<any>(await t.gql(CONFIRM, { input: { token } }), 'confirmSignUp', 'SignUpTokenExpiredError');
    expect(res.code).toBe('SIGNUP_TOKEN_EXPIRED');
    // an anonymous request without Accept-Language reads Russian
    expect(res.message).toBe('Срок действия ссылки для подтверждения истёк: зарегистрируйтесь заново, чтобы получить новую');
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);
  });

  it('tells the owner of a taken email that someone tried, and creates no second account or agency', async () => {
    const owner = await registerAgency(plain);
    const agencyName = 'Чужое агентство ' + owner.ownerEmail.slice(6, 14);
    await t.gql(REGISTER, { input: { ...input(owner.ownerEmail), agencyName } });
    const mail = await mailTo(owner.ownerEmail);
    // the account's language (the agency's: ru)
    expect(mail.subject).toBe('Попытка регистрации с вашим адресом');
    expect(mail.text).toContain('https://crm.example.test/');
    expect(mail.text).not.toMatch(/confirm-signup|token=/);
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [owner.ownerEmail])).toBe(1);
    expect(await count(t, 'SELECT count(*)::int AS n FROM agencies WHERE name = $1', [agencyName])).toBe(0);
    expect(await count(t, 'SELECT count(*)::int AS n FROM pending_signups WHERE email = $1', [owner.ownerEmail])).toBe(0);
  });

  it('creates nothing from a link once sign-up is closed (SIGNUP=off): FORBIDDEN SIGNUP_CLOSED, the link still waits', async () => {
    const email = uniqueEmail('closed');
    await t.gql(REGISTER, { input: input(email, { locale: 'EN' }) });
    const token = linkToken(await mailTo(email));
    const closed = await startTestApp({ env: { SIGNUP: 'off', WORKERS: '0' } });
    try {
      expect(expectCode(await closed.gql(CONFIRM, { input: { token } }), 'FORBIDDEN')).toMatchObject({ reason: 'SIGNUP_CLOSED' });
    } finally {
      await closed.close();
    }
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);
    dataOf<any>(await t.gql(CONFIRM, { input: { token } }), 'confirmSignUp', 'AuthPayload');
  });

  it('answers CONFLICT EMAIL_TAKEN at confirmation when the email got an account meanwhile', async () => {
    const email = uniqueEmail('race');
    await t.gql(REGISTER, { input: input(email, { locale: 'EN' }) });
    const token = linkToken(await mailTo(email));
    await registerAgency(plain, { email });
    const res = await t.gql(CONFIRM, { input: { token } });
    expect(expectCode(res, 'CONFLICT')).toMatchObject({ reason: 'EMAIL_TAKEN' });
    expect(await count(t, 'SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);
  });

  it('prunes expired pending sign-ups, hourly, and keeps the others', async () => {
    const late = uniqueEmail('prune');
    const waiting = uniqueEmail('wait');
    await t.gql(REGISTER, { input: input(late, { locale: 'EN' }) });
    await t.gql(REGISTER, { input: input(waiting, { locale: 'EN' }) });
    await mailTo(late);
    await mailTo(waiting);
    await t.ds.query(`UPDATE pending_signups SET "expiresAt" = now() - interval '1 second' WHERE email = $1`, [late]);
    expect((await pruneExpiredSignUps(t.services)).deleted).toBeGreaterThanOrEqual(1);
    expect(await count(t, 'SELECT count(*)::int AS n FROM pending_signups WHERE email = $1', [late])).toBe(0);
    expect(await count(t, 'SELECT count(*)::int AS n FROM pending_signups WHERE email = $1', [waiting])).toBe(1);
    expect(await t.services.queue.schedules()).toContainEqual({ name: 'signups.prune', cron: '40 * * * *' });
  });
});

describe('SIGNUP_CONFIRMATION=none (development, tests, the embedded database)', () => {
  it('registers at once and logs in; a taken email is CONFLICT EMAIL_TAKEN', async () => {
    const email = uniqueEmail('now');
    const res = dataOf<any>(await plain.gql(REGISTER, { input: input(email) }), 'registerAgency');
    expect(res).toMatchObject({ confirmationSent: false, token: expect.any(String), user: { email } });
    const taken = await plain.gql(REGISTER, { input: input(email) });
    expect(expectCode(taken, 'CONFLICT')).toMatchObject({ reason: 'EMAIL_TAKEN' });
    const confirm = await plain.gql(CONFIRM, { input: { token: 'x'.repeat(43) } });
    expect(dataOf<any>(confirm, 'confirmSignUp', 'SignUpTokenInvalidError').code).toBe('SIGNUP_TOKEN_INVALID');
  });
});
