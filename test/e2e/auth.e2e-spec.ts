import { randomInt } from 'node:crypto';
import request from 'supertest';
import { SignJWT } from 'jose';
import { startTestApp, TestApp } from '../support/app';
import { CREATE_USER, LOGIN, ME, REGISTER_AGENCY } from '../support/documents';
import { createClient, createUser, login, PASSWORD, registerAgency, uniqueEmail } from '../support/factories';

/** Everything the payload offers, relations included. */
const LOGIN_FULL = /* GraphQL */ `
  mutation LoginFull($input: LoginInput!) {
    login(input: $input) {
      token
      user { id email role client { id name } agency { id name requisites { legalName } } }
      agency { id name requisites { legalName } }
    }
  }
`;

const REGISTER_FULL = /* GraphQL */ `
  mutation RegisterFull($input: RegisterAgencyInput!) {
    registerAgency(input: $input) {
      token
      user { id email role client { id name } agency { id name requisites { legalName } } }
      agency { id name requisites { legalName vatPayer } }
    }
  }
`;

const SET_REQUISITES = /* GraphQL */ `
  mutation SetRequisites($input: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $input) { legalName } }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('registerAgency and login', () => {
  it('registers an agency with its owner and returns a working token', async () => {
    const email = uniqueEmail('Owner').toUpperCase();
    const res = await t.gql(REGISTER_AGENCY, {
      input: { agencyName: 'Агентство «Тест»', email, password: PASSWORD, timeZone: 'Europe/Sofia', locale: 'BG' },
    });
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.registerAgency;
    expect(p.user).toMatchObject({ email: email.toLowerCase(), role: 'OWNER' });
    expect(p.agency).toMatchObject({ name: 'Агентство «Тест»', timeZone: 'Europe/Sofia' });
    expect(new Date(p.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await t.gql(ME, {}, p.token);
    expect(me.body.data.me).toMatchObject({ id: p.user.id, role: 'OWNER', agency: { id: p.agency.id }, client: null });
  });

  it('accepts the fragment form `... on AuthPayload` as well', async () => {
    const a = await registerAgency(t);
    const res = await t.gql(
      `mutation { login(input: { email: "${a.ownerEmail}", password: "${PASSWORD}" }) { ... on AuthPayload { token user { id email role } agency { id name } } } }`,
    );
    expect(res.body.data.login.user.id).toBe(a.ownerId);
  });

  it('refuses a second registration with the same email (any case) and writes nothing', async () => {
    const a = await registerAgency(t);
    const before = await t.ds.query('SELECT count(*)::int AS n FROM agencies');
    const res = await t.gql(REGISTER_AGENCY, {
      input: { agencyName: 'Дубликат', email: a.ownerEmail.toUpperCase(), password: PASSWORD },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'input.email' });
    const after = await t.ds.query('SELECT count(*)::int AS n FROM agencies');
    expect(after[0].n).toBe(before[0].n);
  });

  it.each([
    [{ agencyName: '' }, 'input.agencyName'],
    [{ agencyName: 'x'.repeat(201) }, 'input.agencyName'],
    [{ email: 'not-an-email' }, 'input.email'],
    [{ password: 'short' }, 'input.password'],
    [{ timeZone: 'Mars/Olympus' }, 'input.timeZone'],
    [{ country: 'XX' }, 'input.country'],
  ])('rejects bad input %j with BAD_USER_INPUT naming %s', async (override, field) => {
    const email = uniqueEmail();
    const res = await t.gql(REGISTER_AGENCY, { input: { agencyName: 'Агентство', email, password: PASSWORD, ...override } });
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].extensions?.fields.map((f: any) => f.path)).toContain(field);
    const users = await t.ds.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(users[0].n).toBe(0);
  });

  it('rejects an unknown enum value as BAD_USER_INPUT', async () => {
    const res = await t.gql(REGISTER_AGENCY, { input: { agencyName: 'A', email: uniqueEmail(), password: PASSWORD, locale: 'fr' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const a = await registerAgency(t);
    const wrong = await t.gql(LOGIN, { input: { email: a.ownerEmail, password: 'wrong-password-123' } });
    const unknown = await t.gql(LOGIN, { input: { email: uniqueEmail(), password: PASSWORD } });
    for (const res of [wrong, unknown]) {
      expect(res.body.errors?.[0]).toMatchObject({ message: 'Неверный email или пароль', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('logs in case-insensitively by email', async () => {
    const a = await registerAgency(t);
    expect(await login(t, a.ownerEmail.toUpperCase())).toEqual(expect.any(String));
  });
});

describe('password rules beyond length', () => {
  it.each([
    ['password1234', 'RU', 'это один из самых распространённых паролей'],
    ['qwerty123456', 'EN', 'this password is one of the most common ones'],
    ['aaaaaaaaaaaa', 'BG', 'тази парола се отгатва твърде лесно'],
  ])('refuses %s at registration with BAD_USER_INPUT on input.password, in the reader\'s language (%s), and writes nothing', async (password, lang, text) => {
    const email = uniqueEmail();
    const res = await request(t.app)
      .post('/graphql')
      .set('accept-language', lang.toLowerCase())
      .send({ query: REGISTER_AGENCY, variables: { input: { agencyName: 'Агентство', email, password } } });
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.password', message: expect.stringContaining(text) }] });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]))[0].n).toBe(0);
  });

  it('refuses a password built from the email or the agency name', async () => {
    const email = `zhuravlev-${Date.now()}@example.test`;
    const byEmail = await t.gql(REGISTER_AGENCY, { input: { agencyName: 'Агентство', email, password: 'zhuravlev-2026' } });
    expect(byEmail.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.password', message: expect.stringContaining('email') }] });
    const byAgency = await t.gql(REGISTER_AGENCY, { input: { agencyName: 'Ромашка Медиа', email: uniqueEmail(), password: 'Ромашка2026!' } });
    expect(byAgency.body.errors?.[0].extensions?.fields).toEqual([{ path: 'input.password', message: expect.stringContaining('названия агентства') }]);
  });

  it('refuses a weak initial password for a new user (createUser)', async () => {
    const a = await registerAgency(t);
    const email = uniqueEmail();
    const res = await t.gql(CREATE_USER, { input: { email, password: 'password1234', role: 'MANAGER' } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.password' }] });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]))[0].n).toBe(0);
  });
});

describe('the login payload resolves what it offers', () => {
  it("resolves the owner's agency with its requisites", async () => {
    const a = await registerAgency(t);
    const set = await t.gql(SET_REQUISITES, { input: { legalName: 'ООО «Тест Медиа»' } }, a.ownerToken);
    expect(set.body.errors).toBeUndefined();
    const res = await t.gql(LOGIN_FULL, { input: { email: a.ownerEmail, password: PASSWORD } });
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.login;
    expect(p.token).toEqual(expect.any(String));
    expect(p.user).toMatchObject({ id: a.ownerId, role: 'OWNER', client: null, agency: { id: a.agencyId, requisites: { legalName: 'ООО «Тест Медиа»' } } });
    expect(p.agency).toMatchObject({ id: a.agencyId, requisites: { legalName: 'ООО «Тест Медиа»' } });
  });

  it("resolves a portal user's own client", async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken, { name: 'Ромашка' });
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const res = await t.gql(
      `mutation($input: LoginInput!) { login(input: $input) { token user { id role client { id name } agency { name } } agency { id name } } }`,
      { input: { email: portal.email, password: PASSWORD } },
    );
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.login;
    expect(p.token).toEqual(expect.any(String));
    expect(p.user).toMatchObject({ id: portal.id, role: 'CLIENT', client: { id: client.id, name: 'Ромашка' } });
    expect(p.agency).toMatchObject({ id: a.agencyId });
  });

  it('applies what the logged-in user may see inside the payload: a portal user gets payment details, not numbering patterns', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    await t.gql(SET_REQUISITES, { input: { legalName: 'ООО «Тест Медиа»' } }, a.ownerToken);
    const res = await t.gql(
      `mutation($input: LoginInput!) { login(input: $input) { token agency { requisites { legalName invoiceNumberPattern } } } }`,
      { input: { email: portal.email, password: PASSWORD } },
    );
    expect(res.body.data.login.token).toEqual(expect.any(String));
    expect(res.body.data.login.agency.requisites).toEqual({ legalName: 'ООО «Тест Медиа»', invoiceNumberPattern: null });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]).toMatchObject({
      path: ['login', 'agency', 'requisites', 'invoiceNumberPattern'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('resolves the relations of a freshly registered agency', async () => {
    const email = uniqueEmail('owner');
    const res = await t.gql(REGISTER_FULL, { input: { agencyName: 'Агентство «Полный»', email, password: PASSWORD } });
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.registerAgency;
    expect(p.user).toMatchObject({ email, role: 'OWNER', client: null, agency: { name: 'Агентство «Полный»', requisites: { legalName: null } } });
    expect(p.agency).toMatchObject({ name: 'Агентство «Полный»', requisites: { legalName: null, vatPayer: expect.any(Boolean) } });
    expect((await t.gql(ME, {}, p.token)).body.data.me.id).toBe(p.user.id);
  });

  it('resolves the whole registerAgency { user { agency { … } } } payload as the new owner sees it through me', async () => {
    const AGENCY = `id name country createdAt defaultCurrency locale timeZone maxContactIntervalDays priceBasis protocolDueDays toolMixBasis toolMixTolerancePp
      requisites { legalName address invoiceNumberPattern contractNumberPattern actNumberPattern creditNoteNumberPattern proposalNumberPattern actSignDays approvalWaitDays vatPayer vatRegimes { __typename } }`;
    const USER = `id email fullName role isActive locale phone clientId client { id } createdAt agency { ${AGENCY} }`;
    const res = await t.gql(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { token user { ${USER} } agency { ${AGENCY} } } }`, {
      input: { agencyName: 'Агентство «Целиком»', email: uniqueEmail('whole'), password: PASSWORD, fullName: 'Иван Петров', country: 'BG', locale: 'BG' },
    });
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.registerAgency;
    // owner-only settings are there (a portal user would get null): resolved as the new owner
    expect(p.user.agency).toMatchObject({ name: 'Агентство «Целиком»', country: 'BG', maxContactIntervalDays: 30, protocolDueDays: 1 });
    expect(p.user.agency.requisites.invoiceNumberPattern).toEqual(expect.any(String));
    const me = await t.gql(`query { me { ${USER} } }`, {}, p.token);
    expect(me.body.errors).toBeUndefined();
    expect(p.user).toEqual(me.body.data.me);
    expect(p.agency).toEqual(me.body.data.me.agency);
  });

  it('does not make the anonymous request itself authenticated', async () => {
    const a = await registerAgency(t);
    // a second root field of the same anonymous request is still anonymous
    const both = await t.gql(
      `mutation($input: LoginInput!) { login(input: $input) { token } createUser(input: { email: "x-${Date.now()}@example.test", password: "${PASSWORD}", role: MANAGER }) { id } }`,
      { input: { email: a.ownerEmail, password: PASSWORD } },
    );
    expect(both.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM users WHERE "agencyId" = $1', [a.agencyId]))[0].n).toBe(1);
  });
});

describe('bearer tokens', () => {
  it('requires a token for me', async () => {
    const res = await t.gql(ME);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token with UNAUTHENTICATED and says why', async () => {
    const a = await registerAgency(t);
    const key = new TextEncoder().encode(process.env.JWT_SECRET!);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ agencyId: a.agencyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(a.ownerId)
      .setIssuer('agency-api')
      .setAudience('agency-api')
      .setIssuedAt(past - 60)
      .setExpirationTime(past)
      .sign(key);
    const res = await t.gql(ME, {}, expired);
    expect(res.body.errors?.[0]).toMatchObject({ message: 'Срок действия токена истёк', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token without an expiry (exp), even when correctly signed', async () => {
    const a = await registerAgency(t);
    const key = new TextEncoder().encode(process.env.JWT_SECRET!);
    const forever = await new SignJWT({ agencyId: a.agencyId, ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(a.ownerId)
      .setIssuer('agency-api')
      .setAudience('agency-api')
      .setIssuedAt()
      .sign(key);
    const res = await t.gql(ME, {}, forever);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]).toMatchObject({ message: 'Недействительный токен', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token signed with another secret, and a malformed header', async () => {
    const a = await registerAgency(t);
    const forged = await new SignJWT({ agencyId: a.agencyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(a.ownerId)
      .setIssuer('agency-api')
      .setAudience('agency-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    expect((await t.gql(ME, {}, forged)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const res = await t.gql(ME, {}, 'garbage');
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops accepting the token of a deactivated user at once', async () => {
    const a = await registerAgency(t);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const off = await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { __typename } }`, { id: manager.id }, a.ownerToken);
    expect(off.body.data.deactivateUser.__typename).toBe('User');
    const res = await t.gql(ME, {}, manager.token);
    expect(res.body.errors?.[0]).toMatchObject({ message: 'Недействительный токен', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('createUser', () => {
  it('lets the owner add a manager and a portal user bound to a client', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const manager = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: PASSWORD, role: 'MANAGER' } }, a.ownerToken);
    expect(manager.body.data.createUser).toMatchObject({ role: 'MANAGER', clientId: null });
    const portal = await t.gql(
      CREATE_USER,
      { input: { email: uniqueEmail(), password: PASSWORD, role: 'CLIENT', clientId: client.id } },
      a.ownerToken,
    );
    expect(portal.body.data.createUser).toMatchObject({ role: 'CLIENT', clientId: client.id });
  });

  it('refuses a CLIENT user without clientId and a MANAGER with one', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const noClient = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: PASSWORD, role: 'CLIENT' } }, a.ownerToken);
    expect(noClient.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.clientId' }] });
    const withClient = await t.gql(
      CREATE_USER,
      { input: { email: uniqueEmail(), password: PASSWORD, role: 'MANAGER', clientId: client.id } },
      a.ownerToken,
    );
    expect(withClient.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses to bind a portal user to another agency's client (NOT_FOUND) and writes nothing", async () => {
    const a = await registerAgency(t);
    const b = await registerAgency(t);
    const clientOfB = await createClient(t, b.ownerToken);
    const email = uniqueEmail();
    const res = await t.gql(CREATE_USER, { input: { email, password: PASSWORD, role: 'CLIENT', clientId: clientOfB.id } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clientId' });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]))[0].n).toBe(0);
  });

  it('is for owners only: a manager gets FORBIDDEN', async () => {
    const a = await registerAgency(t);
    const managerRes = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: PASSWORD, role: 'MANAGER' } }, a.ownerToken);
    const managerToken = await login(t, managerRes.body.data.createUser.email);
    const res = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: PASSWORD, role: 'OWNER' } }, managerToken);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

/** A client address of its own for each test (the app trusts X-Forwarded-For from loopback). */
function address(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** POST /graphql from the given client address, as a reverse proxy on this host would forward it. */
async function loginFrom(app: TestApp, from: string, email: string, password: string) {
  const res = await request(app.app)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('x-forwarded-for', from)
    .send({ query: LOGIN, variables: { input: { email, password } } });
  return { status: res.status, retryAfter: res.headers['retry-after'] as string | undefined, body: res.body as any };
}

const codeOf = (r: { body: any }) => (r.body.data?.login?.token ? 'OK' : r.body.errors?.[0]?.extensions?.code);

/** each login verifies an argon2 hash (64 MiB): on a loaded 2-core machine one takes seconds */
const ARGON2_BOUND = 120_000;

describe('login attempts are limited per account and per client address', () => {
  it('evaluates only the first few of 200 wrong passwords for one account from one address, refuses the rest and then the right password', async () => {
    const a = await registerAgency(t);
    const from = address();
    const codes: string[] = [];
    const started = Date.now();
    // 10 waves of 20 at once: the count is taken before a password is checked, so a wave cannot slip through together
    for (let wave = 0; wave < 10; wave++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => loginFrom(t, from, a.ownerEmail, 'wrong-password-' + wave)));
      codes.push(...answers.map(codeOf));
    }
    const elapsedMs = Date.now() - started;
    const evaluated = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length + evaluated).toBe(200);
    // 5 free attempts, then one per doubling delay: argon2 ran a handful of times, not 200
    expect(evaluated).toBeGreaterThanOrEqual(5);
    expect(evaluated).toBeLessThanOrEqual(8);
    // without the limits, 200 argon2 verifications took 251 s on the loaded bench machine
    expect(elapsedMs).toBeLessThan(60_000);

    const right = await loginFrom(t, from, a.ownerEmail, PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(right.body.errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: Number(right.retryAfter) } });
    expect(right.body.errors[0].message).toMatch(/Слишком много попыток/);
    expect(right.body.errors[0].extensions.http).toBeUndefined();
    // the owner was not logged in by the refused attempt
    expect((await t.ds.query('SELECT "lastLoginAt" FROM users WHERE id = $1', [a.ownerId]))[0].lastLoginAt).not.toBeNull();
  }, ARGON2_BOUND);

  it('lets the account owner in from another address, and another account from another address, while one address is blocked', async () => {
    const victim = await registerAgency(t);
    const other = await registerAgency(t);
    const attacker = address();
    for (let i = 0; i < 30; i++) await loginFrom(t, attacker, victim.ownerEmail, 'guess-' + i);
    expect(codeOf(await loginFrom(t, attacker, victim.ownerEmail, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await loginFrom(t, address(), other.ownerEmail, PASSWORD))).toBe('OK');
    expect(codeOf(await loginFrom(t, address(), victim.ownerEmail, PASSWORD))).toBe('OK');
  }, ARGON2_BOUND);

  it('resets the count on a success', async () => {
    const a = await registerAgency(t);
    const from = address();
    const codes: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) codes.push(codeOf(await loginFrom(t, from, a.ownerEmail, 'typo-' + i)));
      codes.push(codeOf(await loginFrom(t, from, a.ownerEmail, PASSWORD)));
    }
    expect(codes).toEqual(Array.from({ length: 2 }, () => ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'OK']).flat());
  }, ARGON2_BOUND);

  it('blocks one account guessed at from many addresses, for the right password too', async () => {
    const strict = await startTestApp({ env: { LOGIN_FREE_ATTEMPTS_PER_EMAIL: '6' } });
    try {
      const a = await registerAgency(strict);
      const codes: string[] = [];
      // two guesses from each of 6 addresses: no address reaches its own limit (5), the account does (6)
      for (let i = 0; i < 6; i++) {
        const from = address();
        for (const guess of ['spray-a-', 'spray-b-']) codes.push(codeOf(await loginFrom(strict, from, a.ownerEmail, guess + i)));
      }
      // time-based: on a slow machine a window may pass between two attempts, so not exactly 6
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThan(12);
      expect(codes.slice(-3)).toContain('TOO_MANY_ATTEMPTS');
      expect(codeOf(await loginFrom(strict, address(), a.ownerEmail, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await strict.close();
    }
  }, ARGON2_BOUND);

  it('limits the failures of one address over all accounts, and counts unknown emails like known ones', async () => {
    const strict = await startTestApp({ env: { LOGIN_FAILURES_PER_HOUR_PER_ADDRESS: '10' } });
    try {
      const a = await registerAgency(strict);
      const from = address();
      const codes: string[] = [];
      for (let i = 0; i < 12; i++) codes.push(codeOf(await loginFrom(strict, from, uniqueEmail('spray'), 'spray-password-1')));
      expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      expect(codes.slice(10)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
      expect(codeOf(await loginFrom(strict, from, a.ownerEmail, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
      expect(codeOf(await loginFrom(strict, address(), a.ownerEmail, PASSWORD))).toBe('OK');
    } finally {
      await strict.close();
    }
  }, ARGON2_BOUND);

  it('works on a pool of one connection (the embedded database): the limiter never waits for a connection it holds', async () => {
    const single = await startTestApp({ poolSize: 1 });
    try {
      const a = await registerAgency(single);
      const from = address();
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => loginFrom(single, from, a.ownerEmail, 'wrong-' + i)));
      expect(answers.map(codeOf).filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(4);
      expect(codeOf(await loginFrom(single, address(), a.ownerEmail, PASSWORD))).toBe('OK');
    } finally {
      await single.close();
    }
  }, ARGON2_BOUND);
});

/** registerAgency from the given client address. */
async function registerFrom(app: TestApp, from: string, input: Record<string, unknown>) {
  const res = await request(app.app)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('x-forwarded-for', from)
    .send({ query: REGISTER_AGENCY, variables: { input: { agencyName: 'Агентство', email: uniqueEmail(), password: PASSWORD, ...input } } });
  return { status: res.status, retryAfter: res.headers['retry-after'] as string | undefined, body: res.body as any };
}

describe('sign-up (SIGNUP)', () => {
  it('is refused with FORBIDDEN when SIGNUP=off, and nothing is written', async () => {
    const off = await startTestApp({ env: { SIGNUP: 'off' } });
    try {
      const email = uniqueEmail();
      const res = await registerFrom(off, address(), { email });
      expect(res.body.data).toBeNull();
      expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'SIGNUP_CLOSED' } });
      expect(res.body.errors[0].message).toMatch(/Регистрация новых агентств на этом сервере закрыта/);
      expect((await off.ds.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]))[0].n).toBe(0);
    } finally {
      await off.close();
    }
  });

  it('needs one of SIGNUP_INVITE_CODES when SIGNUP=invite, and limits registrations per address', async () => {
    const code = 'partners-2026-spring-XYZ';
    const invite = await startTestApp({ env: { SIGNUP: 'invite', SIGNUP_INVITE_CODES: `other-code-0123456789,${code}`, SIGNUP_PER_HOUR_PER_ADDRESS: '3' } });
    try {
      const from = address();
      const missing = await registerFrom(invite, from, {});
      expect(missing.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.inviteCode' }] });
      const wrong = await registerFrom(invite, from, { inviteCode: code.slice(0, -1) + 'Q' });
      expect(wrong.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.inviteCode' }] });
      const email = uniqueEmail();
      const ok = await registerFrom(invite, from, { inviteCode: code, email });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.registerAgency.user.email).toBe(email);
      // the fourth registration from the address within the hour (wrong codes count: they are guesses)
      const limited = await registerFrom(invite, from, { inviteCode: code });
      expect(limited.status).toBe(429);
      expect(limited.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.retryAfter) } });
      expect(Number(limited.retryAfter)).toBeGreaterThan(3000);
      expect((await registerFrom(invite, address(), { inviteCode: code })).body.errors).toBeUndefined();
    } finally {
      await invite.close();
    }
  });
});
