import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import { UserRole } from '../entities/enums';
import { AppError, Text, UnauthenticatedError } from '../errors';
import { msg } from '../i18n';

/** Agency staff: everything that is not the client portal. */
export const STAFF = [UserRole.OWNER, UserRole.MANAGER];

/** FORBIDDEN naming the role(s) that may do it, in the message and in `extensions.requiredRoles`. */
export class RoleRequiredError extends AppError {
  constructor(roles: readonly UserRole[], message: Text = msg('errors.forbiddenRoles', { roles: roles.join(' | ') })) {
    super('FORBIDDEN', message, { requiredRoles: [...roles] });
  }
}

/**
 * `@Authorized()` = any logged-in user; `@Authorized(roles)` = one of those roles. Throws rather
 * than returning false so that the client gets UNAUTHENTICATED vs FORBIDDEN precisely.
 */
export const authChecker: AuthChecker<RequestContext, UserRole> = ({ context }, roles) => {
  if (!context.actor) throw new UnauthenticatedError(context.authError ?? undefined);
  if (roles.length > 0 && !roles.includes(context.actor.role)) throw new RoleRequiredError(roles);
  return true;
};
