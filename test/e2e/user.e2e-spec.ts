import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { CREATE_USER, LOGIN, ME } from '../support/documents';
import { AgencyActors, createClient, createUser, login, MISSING_ID, PASSWORD, registerAgency, uniqueEmail } from '../support/factories';

const USERS = /* GraphQL */ `
  query Users($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id email role isActive clientId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteClientUserInput!) {
    inviteClientUser(input: $input) { token expiresAt user { id email role isActive phone client { id name } } }
  }
`;

const UPDATE_USER = /* GraphQL */ `
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      __typename
      ... on User { id fullName role locale }
      ... on ErrorResult { code message }
    }
  }
`;

const DEACTIVATE = /* GraphQL */ `
  mutation Deactivate($id: ID!) {
    deactivateUser(id: $id) {
      __typename
      ... on User { id isActive }
      ... on ErrorResult { code message }
    }
  }
`;

const REACTIVATE = /* GraphQL */ `
  mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id isActive } }
`;

const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on AuthPayload { token user { id } }
      ... on WrongPasswordError { code message field }
    }
  }
`;

const ISSUE_RESET = /* GraphQL */ `
  mutation IssueReset($input: IssuePasswordResetInput!) {
    issuePasswordReset(input: $input) { token expiresAt user { id email } }
  }
`;

const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on AuthPayload { token user { id email role client { id name } } agency { id name } }
      ... on ErrorResult { code message }
    }
  }
`;

const NEW_PASSWORD = 'a-brand-new-password-42';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function userRow(id: string): Promise<{ role: string; fullName: string; isActive: boolean; passwordHash: string; locale: string | null }> {
  const rows = await t.ds.query('SELECT role, "fullName", "isActive", "passwordHash", locale FROM users WHERE id = $1', [id]);
  return rows[0];
}

async function canLogin(email: string, password: string): Promise<boolean> {
  const res = await t.gql(LOGIN, { input: { email, password } });
  return Boolean(res.body.data?.login?.token);
}

async function countUsers(where: string, params: unknown[]): Promise<number> {
  return (await t.ds.query(`SELECT count(*)::int AS n FROM users WHERE ${where}`, params))[0].n;
}

async function countTokens(userId: string): Promise<number> {
  return (await t.ds.query('SELECT count(*)::int AS n FROM password_reset_tokens WHERE "userId" = $1', [userId]))[0].n;
}

interface Staffed extends AgencyActors {
  manager: { id: string; email: string; token: string };
  client: { id: string; name: string };
  portal: { id: string; email: string; token: string };
}

/** An agency with an owner, a manager who manages one client, and a portal user of that client. */
async function staffedAgency(): Promise<Staffed> {
  const a = await registerAgency(t);
  const manager = await createUser(t, a.ownerToken, 'MANAGER');
  const client = await createClient(t, a.ownerToken, { name: 'Ромашка', ownerId: manager.id });
  const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
  return { ...a, manager, client, portal };
}

describe('FORBIDDEN names the role that is required', () => {
  it('tells a manager that createUser requires OWNER, and creates nothing', async () => {
    const a = await staffedAgency();
    const email = uniqueEmail();
    const res = await t.gql(CREATE_USER, { input: { email, password: PASSWORD, role: 'MANAGER' } }, a.manager.token);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'Нужна роль OWNER', // the agency's language (ru by default)
      extensions: { code: 'FORBIDDEN', requiredRoles: ['OWNER'] },
    });
    expect(await countUsers('email = $1', [email])).toBe(0);
  });

  it('tells a manager that deactivating a user requires OWNER, and changes nothing', async () => {
    const a = await staffedAgency();
    const res = await t.gql(DEACTIVATE, { id: a.portal.id }, a.manager.token);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'Нужна роль OWNER', // the agency's language (ru by default)
      extensions: { code: 'FORBIDDEN', requiredRoles: ['OWNER'] },
    });
    expect((await userRow(a.portal.id)).isActive).toBe(true);
  });

  it('refuses a portal user the users list (FORBIDDEN)', async () => {
    const a = await staffedAgency();
    const res = await t.gql(USERS, {}, a.portal.token);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('users', () => {
  it("lists the agency's users by email, filtered and paged, never another agency's", async () => {
    const a = await staffedAgency();
    const other = await staffedAgency();
    const all = await t.gql(USERS, {}, a.manager.token);
    expect(all.body.errors).toBeUndefined();
    const emails = all.body.data.users.edges.map((e: any) => e.node.email);
    expect(emails).toEqual([a.ownerEmail, a.manager.email, a.portal.email].sort());
    expect(all.body.data.users.totalCount).toBe(3);
    expect(emails).not.toContain(other.ownerEmail);

    const portal = await t.gql(USERS, { filter: { clientId: a.client.id } }, a.ownerToken);
    expect(portal.body.data.users.edges.map((e: any) => e.node.id)).toEqual([a.portal.id]);
    const managers = await t.gql(USERS, { filter: { role: 'MANAGER' } }, a.ownerToken);
    expect(managers.body.data.users.edges.map((e: any) => e.node.id)).toEqual([a.manager.id]);

    const page1 = await t.gql(USERS, { first: 2 }, a.ownerToken);
    expect(page1.body.data.users.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(USERS, { first: 2, after: page1.body.data.users.pageInfo.endCursor }, a.ownerToken);
    expect(page2.body.data.users.edges.map((e: any) => e.node.email)).toEqual([emails[2]]);
    expect(page2.body.data.users.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by active status', async () => {
    const a = await staffedAgency();
    expect((await t.gql(DEACTIVATE, { id: a.manager.id }, a.ownerToken)).body.data.deactivateUser.isActive).toBe(false);
    const inactive = await t.gql(USERS, { filter: { isActive: false } }, a.ownerToken);
    expect(inactive.body.data.users.edges.map((e: any) => e.node.id)).toEqual([a.manager.id]);
    const active = await t.gql(USERS, { filter: { isActive: true } }, a.ownerToken);
    expect(active.body.data.users.totalCount).toBe(2);
  });

  it('rejects a malformed clientId filter with BAD_USER_INPUT', async () => {
    const a = await registerAgency(t);
    const res = await t.gql(USERS, { filter: { clientId: 'nope' } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter.clientId' }] });
  });
});

describe('inviteClientUser', () => {
  it('lets the owner invite a portal user, who sets a password with the token exactly once and is logged in', async () => {
    const a = await staffedAgency();
    const email = uniqueEmail('portal');
    const res = await t.gql(INVITE, { input: { clientId: a.client.id, email, fullName: 'Мария Петрова', phone: '8 916 123-45-67' } }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    const inv = res.body.data.inviteClientUser;
    expect(inv.user).toMatchObject({ email, role: 'CLIENT', isActive: true, phone: '+79161234567', client: { id: a.client.id, name: 'Ромашка' } });
    expect(new Date(inv.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    // no password yet: nothing logs in
    expect(await canLogin(email, PASSWORD)).toBe(false);

    const set = await t.gql(RESET_PASSWORD, { input: { token: inv.token, newPassword: NEW_PASSWORD } });
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.resetPassword).toMatchObject({
      __typename: 'AuthPayload',
      user: { id: inv.user.id, role: 'CLIENT', client: { id: a.client.id, name: 'Ромашка' } },
      agency: { id: a.agencyId },
    });
    expect((await t.gql(ME, {}, set.body.data.resetPassword.token)).body.data.me.id).toBe(inv.user.id);
    expect(await canLogin(email, NEW_PASSWORD)).toBe(true);

    const again = await t.gql(RESET_PASSWORD, { input: { token: inv.token, newPassword: 'yet-another-password-1' } });
    expect(again.body.data.resetPassword).toMatchObject({ __typename: 'PasswordTokenInvalidError', code: 'PASSWORD_TOKEN_INVALID' });
    expect(await canLogin(email, NEW_PASSWORD)).toBe(true);
    expect(await canLogin(email, 'yet-another-password-1')).toBe(false);
  });

  it("lets the client's account manager invite", async () => {
    const a = await staffedAgency();
    const res = await t.gql(INVITE, { input: { clientId: a.client.id, email: uniqueEmail() } }, a.manager.token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.inviteClientUser.user.role).toBe('CLIENT');
  });

  it("refuses a manager who does not manage the client (FORBIDDEN naming OWNER) and creates nothing", async () => {
    const a = await staffedAgency();
    const otherClient = await createClient(t, a.ownerToken);
    const email = uniqueEmail();
    const res = await t.gql(INVITE, { input: { clientId: otherClient.id, email } }, a.manager.token);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['OWNER'] });
    expect(res.body.errors?.[0].message).toBe('Нужна роль OWNER или быть менеджером этого клиента');
    expect(await countUsers('email = $1', [email])).toBe(0);
  });

  it("refuses another agency's client (NOT_FOUND) and a portal user (FORBIDDEN), creating nothing", async () => {
    const a = await staffedAgency();
    const b = await staffedAgency();
    const email = uniqueEmail();
    const cross = await t.gql(INVITE, { input: { clientId: b.client.id, email } }, a.ownerToken);
    expect(cross.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clientId' });
    const portal = await t.gql(INVITE, { input: { clientId: a.client.id, email } }, a.portal.token);
    expect(portal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countUsers('email = $1', [email])).toBe(0);
  });

  it('refuses a taken email (CONFLICT) and a malformed one (BAD_USER_INPUT)', async () => {
    const a = await staffedAgency();
    const taken = await t.gql(INVITE, { input: { clientId: a.client.id, email: a.manager.email.toUpperCase() } }, a.ownerToken);
    expect(taken.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'input.email' });
    const bad = await t.gql(INVITE, { input: { clientId: a.client.id, email: 'not-an-email' } }, a.ownerToken);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.email' }] });
    const badPhone = await t.gql(INVITE, { input: { clientId: a.client.id, email: uniqueEmail(), phone: '12' } }, a.ownerToken);
    expect(badPhone.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.phone' }] });
    expect(await countUsers('"clientId" = $1', [a.client.id])).toBe(1);
  });
});

describe('updateUser', () => {
  it('lets the owner rename a manager, set the language and make them an owner', async () => {
    const a = await staffedAgency();
    const res = await t.gql(UPDATE_USER, { input: { id: a.manager.id, fullName: ' Иван Петров ', locale: 'BG', role: 'OWNER' } }, a.ownerToken);
    expect(res.body.data.updateUser).toMatchObject({ __typename: 'User', fullName: 'Иван Петров', locale: 'BG', role: 'OWNER' });
    expect(await userRow(a.manager.id)).toMatchObject({ fullName: 'Иван Петров', locale: 'bg', role: 'OWNER' });
    // the new role takes effect on the existing token at once
    const asOwner = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: PASSWORD, role: 'MANAGER' } }, a.manager.token);
    expect(asOwner.body.errors).toBeUndefined();
  });

  it('refuses an owner changing their own role (OWN_ACCESS_CHANGE) and changes nothing', async () => {
    const a = await staffedAgency();
    const res = await t.gql(UPDATE_USER, { input: { id: a.ownerId, fullName: 'Новое имя', role: 'MANAGER' } }, a.ownerToken);
    expect(res.body.data.updateUser).toMatchObject({ __typename: 'OwnAccessChangeError', code: 'OWN_ACCESS_CHANGE' });
    expect(await userRow(a.ownerId)).toMatchObject({ role: 'OWNER', fullName: '' });
  });

  it('keeps a portal user a portal user (BAD_USER_INPUT on input.role)', async () => {
    const a = await staffedAgency();
    const res = await t.gql(UPDATE_USER, { input: { id: a.portal.id, role: 'MANAGER' } }, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.role' }] });
    const toPortal = await t.gql(UPDATE_USER, { input: { id: a.manager.id, role: 'CLIENT' } }, a.ownerToken);
    expect(toPortal.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.role' }] });
    expect((await userRow(a.portal.id)).role).toBe('CLIENT');
    expect((await userRow(a.manager.id)).role).toBe('MANAGER');
  });

  it('is for owners: a manager and a portal user get FORBIDDEN; nothing changes', async () => {
    const a = await staffedAgency();
    const byManager = await t.gql(UPDATE_USER, { input: { id: a.manager.id, role: 'OWNER' } }, a.manager.token);
    expect(byManager.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['OWNER'] });
    const byPortal = await t.gql(UPDATE_USER, { input: { id: a.portal.id, fullName: 'Взлом' } }, a.portal.token);
    expect(byPortal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await userRow(a.manager.id)).role).toBe('MANAGER');
    expect((await userRow(a.portal.id)).fullName).toBe('');
  });

  it("answers NOT_FOUND for another agency's user and a missing one; nothing changes", async () => {
    const a = await staffedAgency();
    const b = await staffedAgency();
    const cross = await t.gql(UPDATE_USER, { input: { id: b.manager.id, fullName: 'Чужой', role: 'OWNER' } }, a.ownerToken);
    expect(cross.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(await userRow(b.manager.id)).toMatchObject({ role: 'MANAGER', fullName: '' });
    const missing = await t.gql(UPDATE_USER, { input: { id: MISSING_ID, fullName: 'X' } }, a.ownerToken);
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('deactivateUser and reactivateUser', () => {
  it("stops a deactivated user's token at once and refuses their login; reactivation restores the login, not the old sessions", async () => {
    const a = await staffedAgency();
    expect((await t.gql(ME, {}, a.manager.token)).body.data.me.id).toBe(a.manager.id);
    const res = await t.gql(DEACTIVATE, { id: a.manager.id }, a.ownerToken);
    expect(res.body.data.deactivateUser).toMatchObject({ __typename: 'User', id: a.manager.id, isActive: false });
    expect((await t.gql(ME, {}, a.manager.token)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await t.gql(LOGIN, { input: { email: a.manager.email, password: PASSWORD } });
    expect(refused.body.errors?.[0]).toMatchObject({ message: 'Неверный email или пароль', extensions: { code: 'UNAUTHENTICATED' } });

    const back = await t.gql(REACTIVATE, { id: a.manager.id }, a.ownerToken);
    expect(back.body.data.reactivateUser).toEqual({ id: a.manager.id, isActive: true });
    expect((await t.gql(ME, {}, a.manager.token)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(true);
  });

  it('refuses an owner deactivating themself (OWN_ACCESS_CHANGE); they stay active', async () => {
    const a = await staffedAgency();
    const res = await t.gql(DEACTIVATE, { id: a.ownerId }, a.ownerToken);
    expect(res.body.data.deactivateUser).toMatchObject({ __typename: 'OwnAccessChangeError', code: 'OWN_ACCESS_CHANGE' });
    expect((await userRow(a.ownerId)).isActive).toBe(true);
    expect((await t.gql(ME, {}, a.ownerToken)).body.data.me.id).toBe(a.ownerId);
  });

  it('never leaves the agency without an active owner, even when two owners deactivate each other at once', async () => {
    const a = await registerAgency(t);
    const second = await createUser(t, a.ownerToken, 'OWNER');
    const [one, two] = await Promise.all([
      t.gql(DEACTIVATE, { id: second.id }, a.ownerToken),
      t.gql(DEACTIVATE, { id: a.ownerId }, second.token),
    ]);
    const outcomes = [one, two].map((r) => r.body.data?.deactivateUser?.__typename ?? r.body.errors?.[0].extensions?.code);
    expect(outcomes.filter((o) => o === 'User')).toHaveLength(1);
    // the other one lost: refused as the last owner, or already deactivated when its request arrived
    expect(outcomes.filter((o) => o === 'LastOwnerError' || o === 'UNAUTHENTICATED')).toHaveLength(1);
    expect(await countUsers('"agencyId" = $1 AND role = $2 AND "isActive"', [a.agencyId, 'OWNER'])).toBe(1);
  });

  it("is for owners, within their agency: FORBIDDEN for a manager and a portal user, NOT_FOUND for another agency's owner", async () => {
    const a = await staffedAgency();
    const b = await staffedAgency();
    const byManager = await t.gql(DEACTIVATE, { id: a.portal.id }, a.manager.token);
    expect(byManager.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['OWNER'] });
    const byPortal = await t.gql(DEACTIVATE, { id: a.manager.id }, a.portal.token);
    expect(byPortal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cross = await t.gql(DEACTIVATE, { id: a.manager.id }, b.ownerToken);
    expect(cross.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    for (const id of [a.portal.id, a.manager.id]) expect((await userRow(id)).isActive).toBe(true);

    await t.gql(DEACTIVATE, { id: a.manager.id }, a.ownerToken);
    const crossBack = await t.gql(REACTIVATE, { id: a.manager.id }, b.ownerToken);
    expect(crossBack.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await userRow(a.manager.id)).isActive).toBe(false);
  });
});

describe('changePassword', () => {
  it('changes your own password: the old one stops working, the new one logs in', async () => {
    const a = await staffedAgency();
    const res = await t.gql(CHANGE_PASSWORD, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, a.portal.token);
    expect(res.body.data.changePassword).toMatchObject({ __typename: 'AuthPayload', user: { id: a.portal.id } });
    expect(await canLogin(a.portal.email, PASSWORD)).toBe(false);
    expect(await canLogin(a.portal.email, NEW_PASSWORD)).toBe(true);
  });

  it('signs out every earlier session of the account: old tokens are refused, the one it returns works', async () => {
    const a = await staffedAgency();
    const other = await login(t, a.manager.email, PASSWORD); // the same account on another device
    const res = await t.gql(CHANGE_PASSWORD, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, a.manager.token);
    const fresh = res.body.data.changePassword.token as string;
    for (const old of [a.manager.token, other]) {
      const me = await t.gql(ME, {}, old);
      expect(me.body.errors?.[0]).toMatchObject({ message: 'Токен отозван: войдите снова', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect((await t.gql(ME, {}, fresh)).body.data.me.id).toBe(a.manager.id);
    // other users of the agency keep their sessions
    expect((await t.gql(ME, {}, a.ownerToken)).body.errors).toBeUndefined();
  });

  it('signs out the sessions of a user whose password was reset, and of a deactivated one even after reactivation', async () => {
    const a = await staffedAgency();
    const ticket = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset;
    const reset = await t.gql(RESET_PASSWORD, { input: { token: ticket.token, newPassword: NEW_PASSWORD } });
    expect(reset.body.errors).toBeUndefined();
    expect((await t.gql(ME, {}, a.manager.token)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const portalToken = a.portal.token;
    await t.gql(DEACTIVATE, { id: a.portal.id }, a.ownerToken);
    await t.gql(REACTIVATE, { id: a.portal.id }, a.ownerToken);
    expect((await t.gql(ME, {}, portalToken)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await canLogin(a.portal.email, PASSWORD)).toBe(true);
  });

  it('answers WRONG_PASSWORD for a wrong current password and changes nothing', async () => {
    const a = await staffedAgency();
    const before = (await userRow(a.manager.id)).passwordHash;
    const res = await t.gql(CHANGE_PASSWORD, { input: { oldPassword: 'not-my-password-1', newPassword: NEW_PASSWORD } }, a.manager.token);
    expect(res.body.data.changePassword).toMatchObject({ __typename: 'WrongPasswordError', code: 'WRONG_PASSWORD', field: 'input.oldPassword' });
    expect((await userRow(a.manager.id)).passwordHash).toBe(before);
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(true);
  });

  it.each([
    [{ oldPassword: PASSWORD, newPassword: 'short' }, 'input.newPassword'],
    [{ oldPassword: PASSWORD, newPassword: PASSWORD }, 'input.newPassword'],
    [{ oldPassword: '', newPassword: NEW_PASSWORD }, 'input.oldPassword'],
  ])('rejects %j with BAD_USER_INPUT naming %s and changes nothing', async (input, path) => {
    const a = await registerAgency(t);
    const before = (await userRow(a.ownerId)).passwordHash;
    const res = await t.gql(CHANGE_PASSWORD, { input }, a.ownerToken);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].extensions?.fields.map((f: any) => f.path)).toContain(path);
    expect((await userRow(a.ownerId)).passwordHash).toBe(before);
  });

  it('refuses a common or guessable new password with BAD_USER_INPUT on input.newPassword and changes nothing', async () => {
    const a = await registerAgency(t);
    const before = (await userRow(a.ownerId)).passwordHash;
    for (const [newPassword, text] of [['password1234', 'самых распространённых'], ['abababababab', 'легко подобрать']]) {
      const res = await t.gql(CHANGE_PASSWORD, { input: { oldPassword: PASSWORD, newPassword } }, a.ownerToken);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.newPassword', message: expect.stringContaining(text) }] });
    }
    expect((await userRow(a.ownerId)).passwordHash).toBe(before);
    expect((await t.gql(ME, {}, a.ownerToken)).body.data.me.id).toBe(a.ownerId);
  });

  it('requires a login', async () => {
    const res = await t.gql(CHANGE_PASSWORD, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('issuePasswordReset and resetPassword', () => {
  it('issues a 24-hour token stored only as its SHA-256, usable exactly once', async () => {
    const a = await staffedAgency();
    const res = await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
    const ticket = res.body.data.issuePasswordReset;
    expect(ticket.user).toEqual({ id: a.manager.id, email: a.manager.email });
    const hours = (new Date(ticket.expiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const rows = await t.ds.query('SELECT "tokenHash" FROM password_reset_tokens WHERE "userId" = $1', [a.manager.id]);
    expect(rows).toEqual([{ tokenHash: createHash('sha256').update(ticket.token).digest('hex') }]);

    const used = await t.gql(RESET_PASSWORD, { input: { token: ticket.token, newPassword: NEW_PASSWORD } });
    expect(used.body.data.resetPassword).toMatchObject({ __typename: 'AuthPayload', user: { id: a.manager.id, role: 'MANAGER', client: null } });
    expect(await canLogin(a.manager.email, NEW_PASSWORD)).toBe(true);
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(false);

    const hash = (await userRow(a.manager.id)).passwordHash;
    const again = await t.gql(RESET_PASSWORD, { input: { token: ticket.token, newPassword: 'yet-another-password-1' } });
    expect(again.body.data.resetPassword).toMatchObject({ code: 'PASSWORD_TOKEN_INVALID' });
    expect((await userRow(a.manager.id)).passwordHash).toBe(hash);
  });

  it('refuses a weak new password and leaves the token usable', async () => {
    const a = await staffedAgency();
    const { token } = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset;
    const weak = await t.gql(RESET_PASSWORD, { input: { token, newPassword: 'qwerty123456' } });
    expect(weak.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.newPassword' }] });
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(true);
    expect((await t.gql(RESET_PASSWORD, { input: { token, newPassword: NEW_PASSWORD } })).body.data.resetPassword.__typename).toBe('AuthPayload');
  });

  it('lets one of two concurrent uses of a token win', async () => {
    const a = await staffedAgency();
    const { token } = (await t.gql(ISSUE_RESET, { input: { userId: a.portal.id } }, a.ownerToken)).body.data.issuePasswordReset;
    const results = await Promise.all(
      ['first-new-password-1', 'second-new-password-2'].map((newPassword) => t.gql(RESET_PASSWORD, { input: { token, newPassword } })),
    );
    const kinds = results.map((r) => r.body.data.resetPassword.__typename).sort();
    expect(kinds).toEqual(['AuthPayload', 'PasswordTokenInvalidError']);
    const winner = results.findIndex((r) => r.body.data.resetPassword.__typename === 'AuthPayload');
    expect(await canLogin(a.portal.email, winner === 0 ? 'first-new-password-1' : 'second-new-password-2')).toBe(true);
  });

  it('retires the earlier token when a new one is issued', async () => {
    const a = await staffedAgency();
    const first = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset.token;
    const second = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset.token;
    const old = await t.gql(RESET_PASSWORD, { input: { token: first, newPassword: NEW_PASSWORD } });
    expect(old.body.data.resetPassword.code).toBe('PASSWORD_TOKEN_INVALID');
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(true);
    const fresh = await t.gql(RESET_PASSWORD, { input: { token: second, newPassword: NEW_PASSWORD } });
    expect(fresh.body.data.resetPassword.__typename).toBe('AuthPayload');
  });

  it('refuses an expired token, an unknown one and one of a deactivated user; passwords stay', async () => {
    const a = await staffedAgency();
    const expired = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset.token;
    await t.ds.query(`UPDATE password_reset_tokens SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [a.manager.id]);
    const inactive = (await t.gql(ISSUE_RESET, { input: { userId: a.portal.id } }, a.ownerToken)).body.data.issuePasswordReset.token;
    await t.gql(DEACTIVATE, { id: a.portal.id }, a.ownerToken);
    for (const token of [expired, inactive, 'not-a-token-at-all']) {
      const res = await t.gql(RESET_PASSWORD, { input: { token, newPassword: NEW_PASSWORD } });
      expect(res.body.data.resetPassword).toMatchObject({ __typename: 'PasswordTokenInvalidError', code: 'PASSWORD_TOKEN_INVALID' });
    }
    expect(await canLogin(a.manager.email, PASSWORD)).toBe(true);
    await t.gql(REACTIVATE, { id: a.portal.id }, a.ownerToken);
    expect(await canLogin(a.portal.email, PASSWORD)).toBe(true);
  });

  it("is for owners, within their agency: NOT_FOUND for another agency's user, FORBIDDEN for a manager and a portal user; no token is made", async () => {
    const a = await staffedAgency();
    const b = await staffedAgency();
    const cross = await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, b.ownerToken);
    expect(cross.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.userId' });
    const byManager = await t.gql(ISSUE_RESET, { input: { userId: a.portal.id } }, a.manager.token);
    expect(byManager.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['OWNER'] });
    const byPortal = await t.gql(ISSUE_RESET, { input: { userId: a.portal.id } }, a.portal.token);
    expect(byPortal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countTokens(a.manager.id)).toBe(0);
    expect(await countTokens(a.portal.id)).toBe(0);
  });

  it('rejects a short new password with BAD_USER_INPUT and keeps the token usable', async () => {
    const a = await staffedAgency();
    const { token } = (await t.gql(ISSUE_RESET, { input: { userId: a.manager.id } }, a.ownerToken)).body.data.issuePasswordReset;
    const res = await t.gql(RESET_PASSWORD, { input: { token, newPassword: 'short' } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.newPassword' }] });
    expect((await t.gql(RESET_PASSWORD, { input: { token, newPassword: NEW_PASSWORD } })).body.data.resetPassword.__typename).toBe('AuthPayload');
    expect(await login(t, a.manager.email, NEW_PASSWORD)).toEqual(expect.any(String));
  });
});
