import type { AuthedContext } from '../context';
import { Client, User } from '../entities';
import { UserRole } from '../entities/enums';
import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '../errors';
import { hashPassword } from '../auth/password';
import type { CreateUserInput } from '../schema/user/user.inputs';
import { normalizeEmail } from './auth.service';
import { scoped, withTransaction } from './scope';
import { msg } from '../i18n';

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
    throw new BadUserInputError([{ path: 'input.clientId', message: msg('validation.clientIdRequired') }]);
  }
  if (input.role !== UserRole.CLIENT && clientId) {
    throw new BadUserInputError([{ path: 'input.clientId', message: msg('validation.clientIdOnlyForClient') }]);
  }
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
      });
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_unique')) {
        throw new ConflictError('EMAIL_TAKEN', msg('errors.conflict.EMAIL_TAKEN'), 'input.email');
      }
      throw err;
    }
  });
}
