import { createHash } from 'node:crypto';
import type { AuthedContext } from '../context';
import { IdempotencyKey } from '../entities';
import { ConflictError, isUniqueViolation } from '../errors';
import { agencyKeyed } from './scope';
import { msg } from '../i18n';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => v !== undefined && k !== 'idempotencyKey')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation + '\n' + JSON.stringify(canonical(input))).digest('hex');
}

/**
 * Runs a money mutation at most once per idempotency key (per agency). Must be called inside the
 * mutation's transaction: the key row is inserted first, so a concurrent call with the same key
 * waits on it and then sees the stored result. Same key + same input → the first success again,
 * nothing written; same key + different input → CONFLICT IDEMPOTENCY_KEY_REUSED.
 *
 * `run` performs the mutation and returns ids to remember, or `remember: null` for an error result:
 * a refusal is not stored under the key, so a retry once its cause is removed goes through.
 * `replay` turns remembered ids back into the result.
 */
export async function idempotent<R>(
  tx: AuthedContext,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: () => Promise<{ result: R; remember: Record<string, unknown> | null }>,
  replay: (remembered: Record<string, unknown>) => Promise<R>,
): Promise<R> {
  if (!key) return (await run()).result;
  const hash = requestHash(operation, input);
  const keys = agencyKeyed(tx, IdempotencyKey);
  // ON CONFLICT waits for a concurrent holder of the key to finish, then yields to it
  const inserted = await keys.insertIfAbsent({ key, operation, requestHash: hash, result: {} }).catch((err: unknown) => {
    if (isUniqueViolation(err)) return false;
    throw err;
  });
  if (!inserted) {
    const existing = (await keys.findOne({ key }, { lock: true }))!;
    if (existing.operation !== operation || existing.requestHash !== hash) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        msg('errors.conflict.IDEMPOTENCY_KEY_REUSED'),
        'input.idempotencyKey',
      );
    }
    // a refusal stored by an earlier version (`error`) is not a result to replay: run again
    if (!('error' in existing.result)) return replay(existing.result);
  }
  const { result, remember } = await run();
  if (remember) await keys.update({ key }, { result: remember });
  else await keys.delete({ key });
  return result;
}
