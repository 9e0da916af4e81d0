import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { AuthedContext} from '../context';
import { Client, User } from '../entities';
import { UserRole } from '../entities/enums';
import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '../errors';
import { hashPassword } from '../auth/password';
import type { CreateUserInput, UpdateMyProfileInput } from '../schema/user/user.inputs';
import { normalizeEmail } from './auth.service';
import { scoped, withTransaction } from './scope';

/** The current user, read through the scope like any other row. */
export async function me(ctx: AuthedContext): Promise<User> {
  const user = await scoped(ctx, User).findById(ctx.actor.userId);
  if (!user) throw new NotFoundError('User');
  return user;
}

/** Owner adds a manager, another owner, or a portal user bound to one of the agency's clients. */
export async function createUser(ctx: AuthedContext, input: CreateUserInput): Promise<User> {
  const clientId = input.clientId ?? null;
  if (input.role === UserRole.CLIENT && !clientId) {
    throw new BadUserInputError([{ path: 'input.clientId', message: 'clientId is required for a CLIENT user' }]);
  }
  if (input.role !== UserRole.CLIENT && clientId) {
    throw new BadUserInputError([{ path: 'input.clientId', message: 'clientId is only allowed for a CLIENT user' }]);
  }
  const phone = await normalizeUserPhone(ctx, input.phone);
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
      if (isUniqueViolation(err, 'users_email_unique')) {
        throw new ConflictError('EMAIL_TAKEN', 'A user with this email already exists', 'input.email');
      }
      throw err;
    }
  });
}

/**
 * A user's phone in E.164: international, or national in the agency's country. undefined stays
 * undefined (no change), null or blank clears. Kept minimal on purpose: contacts have their own.
 */
async function normalizeUserPhone(ctx: AuthedContext, raw: string | null | undefined, path = 'input.phone'): Promise<string | null | undefined> {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const agency = await ctx.loaders.agencyById.load(ctx.actor.agencyId);
  const parsed = parsePhoneNumberFromString(raw, (agency?.country ?? 'RU') as CountryCode);
  if (!parsed?.isValid()) {
    throw new BadUserInputError([{ path, message: 'phone must be a valid phone number, e.g. +79161234567' }]);
  }
  return parsed.number;
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
