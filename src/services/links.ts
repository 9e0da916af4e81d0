import type { EntityTarget } from 'typeorm';
import type { AuthedContext } from '../context';
import { User } from '../entities';
import { UserRole } from '../entities/enums';
import { BadUserInputError } from '../errors';
import { msg, type MessageKey } from '../i18n';
import { scoped, type TenantRow } from './scope';

/**
 * A record an input links to (the deal of a contract, the brief of a proposal…): NOT_FOUND at
 * `path` when it is not visible, BAD_USER_INPUT at `path` with `message` when it belongs to
 * another client than the one the document is for.
 */
export async function linkedOfClient<T extends TenantRow & { clientId: string }>(
  tx: AuthedContext,
  entity: EntityTarget<T> & Function,
  id: string,
  clientId: string,
  path: string,
  message: MessageKey,
): Promise<T> {
  const row = await scoped(tx, entity).getById(id, path);
  if (row.clientId !== clientId) throw new BadUserInputError([{ path, message: msg(message) }]);
  return row;
}

/** A user an input names as responsible (manager, owner): NOT_FOUND when not visible, BAD_USER_INPUT for a portal user. */
export async function agencyUser(tx: AuthedContext, userId: string, path: string): Promise<User> {
  const user = await scoped(tx, User).getById(userId, path);
  if (user.role === UserRole.CLIENT) {
    throw new BadUserInputError([{ path, message: msg('validation.agencyUserRequired', { field: path.slice(path.lastIndexOf('.') + 1) }) }]);
  }
  return user;
}
