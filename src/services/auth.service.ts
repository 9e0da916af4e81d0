import { isUUID } from 'class-validator';
import type { Request } from 'express';
import type { Actor, AppServices, RequestContext } from '../context';
import { Agency, User } from '../entities';
import { CurrencyCode, Locale, UserRole } from '../entities/enums';
import { ConflictError, UnauthenticatedError, isUniqueViolation } from '../errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import type { LoginInput, RegisterAgencyInput } from '../schema/auth/auth.types';
import { withTransaction } from './scope';

export interface AuthPayload {
  token: string;
  expiresAt: Date;
  user: User;
  agency: Agency;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function issue(app: AppServices, user: User, agency: Agency): Promise<AuthPayload> {
  const { token, expiresAt } = await app.tokens.issue({ sub: user.id, agencyId: user.agencyId });
  return { token, expiresAt, user, agency };
}

/** Creates an agency and its owner in one transaction and logs the owner in. */
export async function registerAgency(ctx: RequestContext, input: RegisterAgencyInput): Promise<AuthPayload> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const agency = await tx.manager.getRepository(Agency).save(
      tx.manager.getRepository(Agency).create({
        name: input.agencyName.trim(),
        timeZone: input.timeZone ?? 'Europe/Moscow',
        locale: input.locale ?? Locale.RU,
        defaultCurrency: input.defaultCurrency ?? CurrencyCode.RUB,
        country: input.country ?? 'RU',
      }),
    );
    let user: User;
    try {
      user = await tx.manager.getRepository(User).save(
        tx.manager.getRepository(User).create({
          agencyId: agency.id,
          email,
          passwordHash,
          fullName: input.fullName?.trim() ?? '',
          role: UserRole.OWNER,
          clientId: null,
          lastLoginAt: new Date(),
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_unique')) {
        throw new ConflictError('EMAIL_TAKEN', 'A user with this email already exists', 'input.email');
      }
      throw err;
    }
    return issue(tx.app, user, agency);
  });
}

/** Same answer and about the same time whether the email is unknown or the password wrong. */
export async function login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
  const email = normalizeEmail(input.email);
  const user = await ctx.manager.getRepository(User).findOneBy({ email });
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!user || !ok || !user.isActive) throw new UnauthenticatedError('Invalid email or password');
  const agency = await ctx.manager.getRepository(Agency).findOneByOrFail({ id: user.agencyId });
  user.lastLoginAt = new Date();
  await ctx.manager.getRepository(User).update({ id: user.id }, { lastLoginAt: user.lastLoginAt });
  return issue(ctx.app, user, agency);
}

/**
 * Turns the bearer token into an actor. The user row is re-read so that a deactivated user or a
 * changed role takes effect at once, not when the token expires.
 */
export async function authenticate(
  app: AppServices,
  req: Request,
): Promise<{ actor: Actor | null; authError: string | null; locale?: Locale }> {
  const header = req.headers.authorization;
  if (!header) return { actor: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { actor: null, authError: 'Authorization header must be "Bearer <token>"' };
  const verified = await app.tokens.verify(match[1]);
  if (!verified.ok) return { actor: null, authError: verified.reason };
  // every request passes here: one plain indexed lookup, no query builder
  const rows: (Pick<User, 'id' | 'agencyId' | 'role' | 'clientId' | 'isActive'> & { locale: Locale })[] = isUUID(verified.claims.sub)
    ? await app.dataSource.query(
        // the user's preferred language, else the agency's
        'SELECT u.id, u."agencyId", u.role, u."clientId", u."isActive", COALESCE(u.locale, a.locale) AS locale FROM users u JOIN agencies a ON a.id = u."agencyId" WHERE u.id = $1',
        [verified.claims.sub],
      )
    : [];
  const user = rows[0];
  if (!user || !user.isActive || user.agencyId !== verified.claims.agencyId) {
    return { actor: null, authError: 'Invalid token' };
  }
  return { actor: { userId: user.id, agencyId: user.agencyId, role: user.role, clientId: user.clientId }, authError: null, locale: user.locale };
}
