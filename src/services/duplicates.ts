import type { AuthedContext } from '../context';
import { ConflictError, type Text } from '../errors';

/**
 * CONFLICT for a record that may exist only once (a double click): the stable reason, the input
 * field at fault and, in `existingId`, the record that is already there, so a client can open it.
 */
export class DuplicateError extends ConflictError {
  constructor(reason: string, message: Text, field: string, existingId: string | null) {
    super(reason, message, field);
    if (existingId) Object.assign(this.extensions, { existingId });
  }
}

/**
 * The id of the record a concurrent request created first, read once the losing transaction is
 * over (its unique violation aborted it). Inside a caller's own transaction, which is aborted
 * too, nothing can be read: null.
 */
export async function winnerOfRace(ctx: AuthedContext, find: () => Promise<string | null>): Promise<string | null> {
  if (ctx.manager.queryRunner?.isTransactionActive) return null;
  return find();
}
