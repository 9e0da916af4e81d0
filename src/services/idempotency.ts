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
 * waits on it and then sees the stored result. Same key + same input → the first result again,
 * nothing written; same key + different input → CONFLICT IDEMPOTENCY_KEY_REUSED.
 *
 * `run` performs the mutation and returns ids to remember; `replay` turns them back into the result.
 */
export async function idempotent<R>(
  tx: AuthedContext,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: () => Promise<{ result: R; remember: Record<string, unknown> }>,
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
    const existing = (await keys.findOne({ key }))!;
    if (existing.operation !== operation || existing.requestHash !== hash) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        msg('errors.conflict.IDEMPOTENCY_KEY_REUSED'),
        'input.idempotencyKey',
      );
    }
    return replay(existing.result);
  }
  const { result, remember } = await run();
  await keys.update({ key }, { result: remember });
  return result;
}
