import { AgencyRequisites, requisiteDefaultsFor } from '../entities/requisites.entity';
import { isUUID } from 'class-validator';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { IsNull } from 'typeorm';
import type { Actor, AppServices, AuthedContext, RequestContext } from '../context';
import { Agency, PasswordResetToken, User } from '../entities';
import { CurrencyCode, Locale, UserRole } from '../entities/enums';
import { AppError, BadUserInputError, ConflictError, UnauthenticatedError, isUniqueViolation } from '../errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { hashOneTimeToken } from '../auth/one-time-token';
import { assertStrongPassword } from '../auth/password-strength';
import type { ConfirmSignUpInput, LoginInput, RegisterAgencyInput, RequestPasswordResetInput } from '../schema/auth/auth.inputs';
import { requestPasswordResetEmail } from './password-reset.service';
import { SignUpTokenExpiredError, SignUpTokenInvalidError } from '../schema/auth/auth.results';
import { ErrorResult } from '../schema/common/error-result';
import type { PendingAgency } from '../entities/pending-signup.entity';
import { requestSignUp, takePendingSignUp } from './signup.service';
import type { ResetPasswordInput } from '../schema/user/user.inputs';
import { ACTOR_CONTEXT, CarriesActorContext } from '../auth/actor-context';
import { randomUUID } from 'node:crypto';
import { actorUnit, agencyUnit, beforeAgency, deriveContext, enterAgency, withTransaction } from './scope';
import { passwordTicket, userForLogin, userForToken } from './before-agency';
import { DEFAULT_TIME_ZONE } from '../entities/agency.entity';
import { PasswordTokenInvalidError } from '../schema/user/user.results';
import { msg } from '../i18n';

/** Resolved as the user it was issued to (the request that asked for it stays anonymous). */
export interface AuthPayload extends CarriesActorContext {
  token: string;
  expiresAt: Date;
  user: User;
  agency: Agency;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new context value for the user who has just authenticated: same request, own loaders. */
function contextForUser(ctx: RequestContext, user: User, agency: Agency): AuthedContext {
  const actor: Actor = { userId: user.id, agencyId: user.agencyId, role: user.role, clientId: user.clientId };
  return deriveContext(ctx, {
    actor,
    authError: null,
    // the payload is read after the commit, in the user's agency (each statement its own transaction)
    manager: actorUnit(ctx.app, actor).manager,
    // the payload speaks the user's language (else the agency's), not the anonymous request's
    locale: user.locale ?? agency.locale,
    logger: ctx.logger.child({ userId: actor.userId, agencyId: actor.agencyId }),
  }) as AuthedContext;
}

/** A token for the user, and the payload resolved in that user's own context. */
export async function issue(ctx: RequestContext, user: User, agency: Agency): Promise<AuthPayload> {
  const { token, expiresAt } = await ctx.app.tokens.issue({ sub: user.id, agencyId: user.agencyId, ver: user.tokenVersion });
  const own = contextForUser(ctx, user, agency);
  own.loaders.agencyById.prime(agency.id, agency);
  return { token, expiresAt, user, agency, [ACTOR_CONTEXT]: own };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** One of the configured codes; compared in constant time (digests of equal length). */
function isInviteCode(given: string | undefined, codes: string[]): boolean {
  if (!given) return false;
  const d = digest(given.trim());
  return codes.reduce((found, code) => timingSafeEqual(d, digest(code)) || found, false);
}

/**
 * Whether this sign-up may go on (SIGNUP): closed, by invitation, or open; counted per client
 * address first, so that guessing invitation codes is limited like signing up.
 */
async function admitSignup(ctx: RequestContext, input: RegisterAgencyInput): Promise<void> {
  const { signup, signupInviteCodes } = ctx.app.config;
  if (signup === 'off') throw new AppError('FORBIDDEN', msg('errors.signup.off'), { reason: 'SIGNUP_CLOSED' });
  await ctx.app.authLimits.beginSignup(addressOf(ctx));
  if (signup === 'invite' && !isInviteCode(input.inviteCode, signupInviteCodes)) {
    throw new BadUserInputError([{ path: 'input.inviteCode', message: msg('errors.signup.inviteRequired') }]);
  }
}

/** What registerAgency answers: the owner logged in, or (SIGNUP_CONFIRMATION=email) only "check your email". */
export type RegisterAgencyPayload =
  | (AuthPayload & { confirmationSent: false })
  | { confirmationSent: true; token: null; expiresAt: null; user: null; agency: null };

/** The same answer for every email: nothing in it (or in its timing) tells whether the email has an account. */
const CONFIRMATION_SENT: RegisterAgencyPayload = Object.freeze({ confirmationSent: true, token: null, expiresAt: null, user: null, agency: null });

/**
 * Registers an agency and its owner. SIGNUP_CONFIRMATION=none: at once, in one transaction, and logs
 * the owner in (a taken email is CONFLICT EMAIL_TAKEN). SIGNUP_CONFIRMATION=email: the input is
 * judged as always (sign-up mode, rate limit, password), the password hashed, and the sign-up
 * stored for its emailed link (signup.service): the same work and answer whatever the email.
 */
export async function registerAgency(ctx: RequestContext, input: RegisterAgencyInput): Promise<RegisterAgencyPayload> {
  await admitSignup(ctx, input);
  const email = normalizeEmail(input.email);
  assertStrongPassword(input.password, 'input.password', [email, input.fullName, input.agencyName], ctx.app.config.passwordMinScore);
  const passwordHash = await hashPassword(input.password);
  if (ctx.app.config.signupConfirmation === 'email') {
    // the emails' language: the one asked for, else the request's (Accept-Language)
    await requestSignUp(ctx, { agency: pendingAgencyOf(input), email, passwordHash, locale: input.locale ?? ctx.locale, from: addressOf(ctx) });
    return CONFIRMATION_SENT;
  }
  const { user, agency } = await withTransaction(await beforeAgency(ctx), (tx) =>
    createAgencyWithOwner(tx, { ...pendingAgencyOf(input), email, passwordHash }, 'input.email'),
  );
  // after the commit: the payload's relations are read on the pool, as the new owner
  return { ...(await issue(ctx, user, agency)), confirmationSent: false };
}

function pendingAgencyOf(input: RegisterAgencyInput): PendingAgency {
  return {
    agencyName: input.agencyName.trim(),
    fullName: input.fullName?.trim() || null,
    timeZone: input.timeZone ?? null,
    locale: input.locale ?? null,
    defaultCurrency: input.defaultCurrency ?? null,
    country: input.country ?? null,
  };
}

/**
 * Creates the agency and its owner in the caller's transaction, begun before any agency
 * (beforeAgency): the new agency's id is drawn first, so that the transaction enters it before its
 * first row. A taken email is CONFLICT EMAIL_TAKEN on `field`.
 */
async function createAgencyWithOwner(
  tx: RequestContext,
  spec: PendingAgency & { email: string; passwordHash: string },
  field: string,
): Promise<{ user: User; agency: Agency }> {
  const id = randomUUID();
  await enterAgency(tx, id);
  const agency = await tx.manager.getRepository(Agency).save(
    tx.manager.getRepository(Agency).create({
      id,
      name: spec.agencyName,
      timeZone: spec.timeZone ?? DEFAULT_TIME_ZONE,
      locale: spec.locale ?? Locale.RU,
      defaultCurrency: spec.defaultCurrency ?? CurrencyCode.RUB,
      country: spec.country ?? 'RU',
    }),
  );
  const countryDefaults = requisiteDefaultsFor(agency.country);
  if (Object.keys(countryDefaults).length) {
    await tx.manager.getRepository(AgencyRequisites).insert({ agencyId: agency.id, ...countryDefaults });
  }
  let user: User;
  try {
    user = await tx.manager.getRepository(User).save(
      tx.manager.getRepository(User).create({
        agencyId: agency.id,
        email: spec.email,
        passwordHash: spec.passwordHash,
        fullName: spec.fullName ?? '',
        role: UserRole.OWNER,
        clientId: null,
        lastLoginAt: new Date(),
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique')) {
      throw new ConflictError('EMAIL_TAKEN', 'A user with this email already exists', field);
    }
    throw err;
  }
  return { user, agency };
}

/**
 * Finishes a sign-up with the token of its emailed link: creates the agency and owner as asked at
 * registerAgency (one transaction, which also consumes the link) and logs the owner in. Each link
 * works once; an expired one is refused, and none works once SIGNUP=off. The email taken meanwhile is CONFLICT EMAIL_TAKEN (the
 * caller holds the inbox: nothing is revealed) and the link stays unused.
 */
export async function confirmSignUp(ctx: RequestContext, input: ConfirmSignUpInput): Promise<AuthPayload | SignUpTokenInvalidError | SignUpTokenExpiredError> {
  // a server whose sign-up was closed since (SIGNUP=off) no longer creates agencies from earlier links
  if (ctx.app.config.signup === 'off') throw new AppError('FORBIDDEN', msg('errors.signup.off'), { reason: 'SIGNUP_CLOSED' });
  const done = await withTransaction(await beforeAgency(ctx), async (tx) => {
    // consumed before the transaction enters the new agency (the table is not an agency's)
    const pending = await takePendingSignUp(tx, input);
    if (pending instanceof ErrorResult) return pending;
    return createAgencyWithOwner(tx, { ...pending.agency, email: pending.email, passwordHash: pending.passwordHash }, 'input.token');
  });
  if (done instanceof ErrorResult) return done;
  return issue(ctx, done.user, done.agency);
}

/** The address limits are counted against: in-process callers (seeding, scripts) share one. */
function addressOf(ctx: RequestContext): string {
  return ctx.clientAddress || 'local';
}

/**
 * Forgot password: counts the request (per address, per email), then sends the job that emails a
 * reset link if the email has an active user (password-reset.service). Same answer, same work,
 * for every email. Refused where this server sends no email: the link could never arrive.
 */
export async function requestPasswordReset(ctx: RequestContext, input: RequestPasswordResetInput): Promise<{ accepted: true }> {
  if (!ctx.app.config.smtpUrl) throw new AppError('FORBIDDEN', msg('errors.passwordReset.unavailable'), { reason: 'PASSWORD_RESET_UNAVAILABLE' });
  const email = normalizeEmail(input.email);
  await ctx.app.authLimits.beginPasswordReset(email, addressOf(ctx));
  await requestPasswordResetEmail(ctx, email);
  return { accepted: true };
}

/**
 * Same answer and about the same time whether the email is unknown or the password wrong. Too many
 * failures (per account and address, per account, per address) are refused with
 * TOO_MANY_ATTEMPTS before any password is verified: a flood costs a counter, not argon2.
 */
export async function login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
  const email = normalizeEmail(input.email);
  const attempt = await ctx.app.authLimits.beginLogin(email, addressOf(ctx));
  const anonymous = await beforeAgency(ctx);
  const found = await userForLogin(anonymous.manager, email);
  const ok = found ? await verifyPassword(found.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!found || !ok || !found.isActive) {
    ctx.logger.info({ event: 'login_failed' }, 'login failed');
    throw new UnauthenticatedError('Invalid email or password');
  }
  await ctx.app.authLimits.loginSucceeded(attempt);
  const own = agencyUnit(ctx.app, found.agencyId).manager;
  const agency = await own.getRepository(Agency).findOneByOrFail({ id: found.agencyId });
  // the whole user (for the payload) comes back from the agency's own write of the login time
  const users = own.getRepository(User);
  const written = await users.createQueryBuilder().update().set({ lastLoginAt: new Date() }).where('id = :id', { id: found.id }).returning('*').updateEntity(false).execute();
  const user = users.create(written.raw[0] as User);
  return issue(anonymous, user, agency);
}


/**
 * Sets a password with a one-time token (invitation or reset) and logs the user in. The token is
 * consumed exactly once: its row is locked, so a second, concurrent use finds it used.
 */
export async function resetPassword(ctx: RequestContext, input: ResetPasswordInput): Promise<AuthPayload | PasswordTokenInvalidError> {
  const tokenHash = hashOneTimeToken(input.token);
  // judged against who the token is for (read without a lock: the transaction below decides)
  const anonymous = await beforeAgency(ctx);
  const holder = await passwordTicket(anonymous.manager, tokenHash);
  assertStrongPassword(input.newPassword, 'input.newPassword', [holder?.email ?? undefined, holder?.fullName ?? undefined], ctx.app.config.passwordMinScore);
  const passwordHash = await hashPassword(input.newPassword);
  const done = await withTransaction(anonymous, async (tx) => {
    // anonymous: the token is the credential, looked up like an email at login (and locked)
    const row = await passwordTicket(tx.manager, tokenHash, { lock: true });
    const now = new Date();
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
    await enterAgency(tx, row.agencyId);
    const tokens = tx.manager.getRepository(PasswordResetToken);
    const users = tx.manager.getRepository(User);
    const user = await users.findOne({ where: { id: row.userId }, lock: { mode: 'pessimistic_write' } });
    if (!user || !user.isActive || user.agencyId !== row.agencyId) return null;
    // a reset signs out every earlier session (someone else may hold one)
    await users.update({ id: user.id }, { passwordHash, lastLoginAt: now, tokenVersion: user.tokenVersion + 1 });
    await tokens.update({ userId: user.id, usedAt: IsNull() }, { usedAt: now });
    const agency = await tx.manager.getRepository(Agency).findOneByOrFail({ id: user.agencyId });
    Object.assign(user, { passwordHash, lastLoginAt: now, tokenVersion: user.tokenVersion + 1 });
    return { user, agency };
  });
  if (!done) {
    return new PasswordTokenInvalidError();
  }
  return issue(ctx, done.user, done.agency);
}

type Authenticated = { actor: Actor | null; authError: string | null; locale?: Locale };

/**
 * Turns the bearer token into an actor. The user row is re-read so that a deactivated user or a
 * changed role takes effect at once, not when the token expires.
 */
export async function authenticate(app: AppServices, req: Request): Promise<Authenticated> {
  const header = req.headers.authorization;
  if (!header) return { actor: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { actor: null, authError: 'Authorization header must be "Bearer <token>"' };
  const verified = await app.tokens.verify(match[1]);
  if (!verified.ok) return { actor: null, authError: verified.reason };
  return currentActor(app, verified.claims.sub, verified.claims.ver ?? 0, verified.claims.agencyId);
}

/**
 * The actor of a signed document link (`?token=`), which opens `documentId` only: the link's user
 * is re-read like a bearer token's, so a deactivated user's or an old password's links stop working.
 */
export async function authenticateDocumentLink(app: AppServices, token: string, documentId: string): Promise<Authenticated> {
  const verified = await app.tokens.verifyDocumentLink(token);
  if (!verified.ok) return { actor: null, authError: verified.reason };
  if (verified.claims.documentId !== documentId) return { actor: null, authError: 'Invalid token' };
  return currentActor(app, verified.claims.sub, verified.claims.ver);
}

/** The user a token names, as an actor, if still active, of the same agency and token version. */
async function currentActor(app: AppServices, userId: string, ver: number, agencyId?: string): Promise<Authenticated> {
  // every request passes here: kept by the node while it hears of changes (token-users.ts), else one
  // call of a narrow function (an indexed lookup), no query builder
  const user = isUUID(userId) ? await app.tokenUsers.get(userId, () => userForToken(app.dataSource.manager, userId)) : null;
  if (!user || !user.isActive || (agencyId !== undefined && user.agencyId !== agencyId)) {
    return { actor: null, authError: 'Invalid token' };
  }
  // the password changed, was reset, or the user was deactivated since this token was issued
  if (user.tokenVersion !== ver) return { actor: null, authError: 'Token revoked: sign in again' };
  return { actor: { userId: user.id, agencyId: user.agencyId, role: user.role, clientId: user.clientId }, authError: null, locale: user.locale };
}
