import { randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { AuthedContext } from '../context';
import { Client, PasswordResetToken, User } from '../entities';
import { UserRole } from '../entities/enums';
import { PasswordTokenPurpose } from '../entities/password-reset-token.entity';
import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '../errors';
import { RoleRequiredError } from '../auth/auth-checker';
import { INVITATION_TTL_MS, newOneTimeToken, PASSWORD_RESET_TTL_MS } from '../auth/one-time-token';
import { hashPassword, verifyPassword } from '../auth/password';
import { assertStrongPassword } from '../auth/password-strength';
import type {
  ChangePasswordInput,
  CreateUserInput,
  InviteClientUserInput,
  UpdateMyProfileInput,
  IssuePasswordResetInput,
  UpdateUserInput,
} from '../schema/user/user.inputs';
import type { UsersArgs } from '../schema/user/user.args';
import { issue, normalizeEmail, type AuthPayload } from './auth.service';
import type { ConnectionResult } from '../schema/common/connection';
import { paginate } from './pagination';
import { scoped, withTransaction } from './scope';
import { normalizePhone } from '../schema/validators/phone';
import { getOwnAgency } from './agency.service';
import { msg } from '../i18n';
import { queueInvitationEmail } from '../email/invitation.email';
import { LastOwnerError, OwnAccessChangeError, WrongPasswordError } from '../schema/user/user.results';

/** A one-time token handed out once, with the user it is for. */
export interface OneTimeTicket {
  user: User;
  token: string;
  expiresAt: Date;
}

/** The current user, read through the scope like any other row. */
export async function me(ctx: AuthedContext): Promise<User> {
  const user = await scoped(ctx, User).findById(ctx.actor.userId);
  if (!user) throw new NotFoundError('User');
  return user;
}

/** The agency's users (staff and portal), by email. */
export async function listUsers(ctx: AuthedContext, args: UsersArgs): Promise<ConnectionResult<User>> {
  const qb = scoped(ctx, User).query('u');
  const f = args.filter;
  if (f?.role) qb.andWhere('u.role = :role', { role: f.role });
  if (f?.clientId) qb.andWhere('u."clientId" = :clientId', { clientId: f.clientId });
  if (f?.isActive !== undefined && f?.isActive !== null) qb.andWhere('u."isActive" = :isActive', { isActive: f.isActive });
  return paginate(qb, args, { column: 'u."email"', value: (u) => u.email, direction: 'ASC' });
}

function emailTaken(err: unknown): never {
  if (isUniqueViolation(err, 'users_email_unique')) {
    throw new ConflictError('EMAIL_TAKEN', msg('errors.conflict.EMAIL_TAKEN'), 'input.email');
  }
  throw err;
}

/** Owner adds a manager, another owner, or a portal user bound to one of the agency's clients. */
export async function createUser(ctx: AuthedContext, input: CreateUserInput): Promise<User> {
  const clientId = input.clientId ?? null;
  if (input.role === UserRole.CLIENT && !clientId) {
    throw new BadUserInputError([{ path: 'input.clientId', message: msg('validation.clientIdRequired') }]);
  }
  if (input.role !== UserRole.CLIENT && clientId) {
    throw new BadUserInputError([{ path: 'input.clientId', message: msg('validation.clientIdOnlyForClient') }]);
  }
  const phone = await normalizeUserPhone(ctx, input.phone);
  assertStrongPassword(input.password, 'input.password', [normalizeEmail(input.email), input.fullName], ctx.app.config.passwordMinScore);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    if (clientId) await scoped(tx, Client).getById(clientId, 'input.clientId');
    try {
      return await scoped(tx, User).insert({
        email: normalizeEmail(input.email),
        passwordHash,
        role: input.role,
        clientId,
        fullName: input.fullName?.trim() ?? '',
        locale: input.locale ?? null,
        phone: phone ?? null,
      });
    } catch (err) {
      return emailTaken(err);
    }
  });
}

/**
 * A user's phone in E.164: international, or national in the agency's country. undefined stays
 * undefined (no change), null or blank clears (the same rules as contacts' phones).
 */
async function normalizeUserPhone(ctx: AuthedContext, raw: string | null | undefined, path = 'input.phone'): Promise<string | null | undefined> {
  if (raw === undefined) return undefined;
  return normalizePhone(raw, (await getOwnAgency(ctx)).country, path);
}

/** The logged-in user changes its own name, phone or language (portal users too). */
export async function updateMyProfile(ctx: AuthedContext, input: UpdateMyProfileInput): Promise<User> {
  const patch: Partial<User> = {};
  if (input.fullName !== undefined && input.fullName !== null) patch.fullName = input.fullName.trim();
  const phone = await normalizeUserPhone(ctx, input.phone);
  if (phone !== undefined) patch.phone = phone;
  if (input.locale !== undefined) patch.locale = input.locale;
  return withTransaction(ctx, async (tx) => {
    const users = scoped(tx, User);
    const user = await users.getById(ctx.actor.userId, 'id', { lock: true });
    return Object.keys(patch).length ? users.update(user, patch, { allowPortal: true }) : user;
  });
}

/**
 * A client's account manager as the client may see it (name, email, phone): also for its portal
 * users, who otherwise see no agency staff. null when the client has none or the manager left
 * (deactivated).
 */
export async function accountManagerOf(ctx: AuthedContext, client: { ownerId: string | null }): Promise<User | null> {
  if (!client.ownerId) return null;
  const manager = await ctx.loaders.accountManagerById.load(client.ownerId);
  return manager && manager.isActive && manager.role !== UserRole.CLIENT ? manager : null;
}

/** Retires the user's unused tokens (a newer one replaces them; a used password ends them). */
/** The user's unused one-time tokens stop working (a newer one is being issued, or the password changed). */
export async function retireTokens(tx: AuthedContext, userId: string): Promise<void> {
  // userId was read through the scope by the caller
  await tx.manager.getRepository(PasswordResetToken).update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
}

async function handOutToken(tx: AuthedContext, user: User, purpose: PasswordTokenPurpose, ttlMs: number): Promise<OneTimeTicket> {
  const { token, hash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await retireTokens(tx, user.id);
  await scoped(tx, PasswordResetToken).insert({ userId: user.id, tokenHash: hash, purpose, expiresAt, usedAt: null, issuedById: tx.actor.userId });
  return { user, token, expiresAt };
}

/**
 * A portal user for a client, invited by an owner or by the client's account manager. The user
 * has no usable password until they set one with the invitation token (resetPassword), which
 * is also emailed to them (the outbox, in the same transaction).
 */
export async function inviteClientUser(ctx: AuthedContext, input: InviteClientUserInput): Promise<OneTimeTicket> {
  const phone = await normalizeUserPhone(ctx, input.phone);
  // a password nobody knows: login is refused until the invitation is used
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    if (tx.actor.role !== UserRole.OWNER && client.ownerId !== tx.actor.userId) {
      throw new RoleRequiredError([UserRole.OWNER], msg('errors.forbiddenClientManager'));
    }
    let user: User;
    try {
      user = await scoped(tx, User).insert({
        email: normalizeEmail(input.email),
        passwordHash,
        role: UserRole.CLIENT,
        clientId: client.id,
        fullName: input.fullName?.trim() ?? '',
        locale: input.locale ?? null,
        phone: phone ?? null,
      });
    } catch (err) {
      return emailTaken(err);
    }
    const ticket = await handOutToken(tx, user, PasswordTokenPurpose.INVITATION, INVITATION_TTL_MS);
    const agency = await getOwnAgency(tx);
    await queueInvitationEmail(tx, {
      userId: user.id,
      to: user.email,
      fullName: user.fullName,
      agencyName: agency.name,
      token: ticket.token,
      expiresAt: ticket.expiresAt,
      locale: user.locale ?? agency.locale,
    });
    return ticket;
  });
}

/** Owner: a one-time reset token for a user of the agency (24 h); earlier unused tokens stop working. */
export async function issuePasswordReset(ctx: AuthedContext, input: IssuePasswordResetInput): Promise<OneTimeTicket> {
  return withTransaction(ctx, async (tx) => {
    const user = await scoped(tx, User).getById(input.userId, 'input.userId', { lock: true });
    return handOutToken(tx, user, PasswordTokenPurpose.RESET, PASSWORD_RESET_TTL_MS);
  });
}

/**
 * Locks the agency's owners in id order, so that concurrent changes of owners queue instead of
 * deadlocking, then tells whether an active owner other than `userId` remains.
 */
async function anotherActiveOwner(tx: AuthedContext, userId: string): Promise<boolean> {
  const owners = await scoped(tx, User)
    .query('u')
    .andWhere('u.role = :owner', { owner: UserRole.OWNER })
    .orderBy('u.id', 'ASC')
    .setLock('pessimistic_write')
    .getMany();
  return owners.some((o) => o.id !== userId && o.isActive);
}

/** Owner: name, language and role (between OWNER and MANAGER) of a user of the agency. */
export async function updateUser(ctx: AuthedContext, input: UpdateUserInput): Promise<User | OwnAccessChangeError | LastOwnerError> {
  return withTransaction(ctx, async (tx) => {
    const changesRole = input.role !== undefined && input.role !== null;
    const canRemoveOwner = changesRole ? await anotherActiveOwner(tx, input.id) : true;
    const users = scoped(tx, User);
    const user = await users.getById(input.id, 'input.id', { lock: true });
    const patch: Partial<User> = {};
    if (input.fullName !== undefined && input.fullName !== null) patch.fullName = input.fullName.trim();
    if (input.locale !== undefined) patch.locale = input.locale;
    if (changesRole && input.role !== user.role) {
      if (user.role === UserRole.CLIENT || input.role === UserRole.CLIENT) {
        throw new BadUserInputError([{ path: 'input.role', message: msg('validation.roleStaffOnly') }]);
      }
      if (user.id === tx.actor.userId) return new OwnAccessChangeError();
      if (user.role === UserRole.OWNER && !canRemoveOwner) return new LastOwnerError();
      patch.role = input.role!;
    }
    if (Object.keys(patch).length === 0) return user;
    return users.update(user, patch);
  });
}

/** Owner: the user can no longer log in, and their tokens stop working at once. Idempotent. */
export async function deactivateUser(ctx: AuthedContext, id: string): Promise<User | OwnAccessChangeError | LastOwnerError> {
  return withTransaction(ctx, async (tx) => {
    const canRemoveOwner = await anotherActiveOwner(tx, id);
    const users = scoped(tx, User);
    const user = await users.getById(id, 'id', { lock: true });
    if (user.id === tx.actor.userId) return new OwnAccessChangeError();
    if (!user.isActive) return user;
    if (user.role === UserRole.OWNER && !canRemoveOwner) return new LastOwnerError();
    await retireTokens(tx, user.id);
    // its sessions end now and do not come back with a reactivation
    return users.update(user, { isActive: false, tokenVersion: user.tokenVersion + 1 });
  });
}

/** Owner: the user may log in again (with their old password). Idempotent. */
export async function reactivateUser(ctx: AuthedContext, id: string): Promise<User> {
  return withTransaction(ctx, async (tx) => {
    const users = scoped(tx, User);
    const user = await users.getById(id, 'id', { lock: true });
    if (user.isActive) return user;
    return users.update(user, { isActive: true });
  });
}

/**
 * Any user, their own password; the current one is required. Every earlier session of the account
 * is signed out (tokenVersion); the answer carries a new token for this one.
 */
export async function changePassword(ctx: AuthedContext, input: ChangePasswordInput): Promise<AuthPayload | WrongPasswordError> {
  if (input.oldPassword === input.newPassword) {
    throw new BadUserInputError([{ path: 'input.newPassword', message: msg('validation.newPasswordSame') }]);
  }
  // argon2 takes ~100 ms: verify and hash before the transaction, so no row (and on the embedded
  // database, no connection) is held meanwhile; the write then checks that the hash is unchanged
  const current = await scoped(ctx, User).getById(ctx.actor.userId, 'id');
  assertStrongPassword(input.newPassword, 'input.newPassword', [current.email, current.fullName], ctx.app.config.passwordMinScore);
  if (!(await verifyPassword(current.passwordHash, input.oldPassword))) return new WrongPasswordError();
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await withTransaction(ctx, async (tx) => {
    const users = scoped(tx, User);
    const user = await users.getById(tx.actor.userId, 'id', { lock: true });
    // changed by a concurrent request since it was verified: the old password given is no longer right
    if (user.passwordHash !== current.passwordHash) return new WrongPasswordError();
    await retireTokens(tx, user.id);
    return users.update(user, { passwordHash, tokenVersion: user.tokenVersion + 1 }, { allowPortal: true });
  });
  if (changed instanceof WrongPasswordError) return changed;
  return issue(ctx, changed, await getOwnAgency(ctx));
}
