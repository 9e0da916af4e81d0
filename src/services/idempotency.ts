import { createHash } from 'node:crypto';
import type { AuthedContext } from '../context';
import { IdempotencyKey } from '../entities';
import { ConflictError, isUniqueViolation } from '../errors';

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
  const repo = tx.manager.getRepository(IdempotencyKey);
  const agencyId = tx.actor.agencyId;
  // ON CONFLICT waits for a concurrent holder of the key to finish, then yields to it
  const inserted = await tx.manager
    .query(
      `INSERT INTO idempotency_keys ("agencyId", key, operation, "requestHash", result) VALUES ($1, $2, $3, $4, '{}'::jsonb)
       ON CONFLICT ("agencyId", key) DO NOTHING RETURNING key`,
      [agencyId, key, operation, hash],
    )
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) return [];
      throw err;
    });
  if (inserted.length === 0) {
    const existing = await repo.findOneByOrFail({ agencyId, key });
    if (existing.operation !== operation || existing.requestHash !== hash) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used with a different request',
        'input.idempotencyKey',
      );
    }
    return replay(existing.result);
  }
  const { result, remember } = await run();
  await tx.manager.query(`UPDATE idempotency_keys SET result = $3 WHERE "agencyId" = $1 AND key = $2`, [agencyId, key, JSON.stringify(remember)]);
  return result;
}
