import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The `pg` Pool under the TypeORM DataSource (`ending` once it is being closed). */
const appPool = (dataSource: DataSource) => (dataSource.driver as unknown as { master: Pool & { ending?: boolean } }).master;

/** What pg-boss calls for every statement it sends (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * pg-boss on the app's own pool: the `pg` Pool under the TypeORM DataSource, so the queue opens no
 * connection of its own. The embedded database (PGlite) serves one connection, and the app's pool
 * is then of size 1: a second pool would wait for ever. Statements go to `pg` directly (pg-boss
 * needs its native result shape, and the queue's polling stays out of TypeORM's query log).
 */
export function poolExecutor(dataSource: DataSource): SqlExecutor {
  const pool = appPool(dataSource);
  return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
}

/**
 * pg-boss's own statements (fetch, complete, fail, maintenance) on the app's pool, with one
 * difference: once the pool has been closed they are dropped, not failed. A job that outlived the
 * shutdown's wait ends later, and pg-boss then records its outcome without awaiting it, so a
 * failing statement would be an unhandled rejection that can bring the process down. Nothing is
 * lost by dropping it: stopping had already failed that job back to the queue, and its record is
 * set straight at the next start (reconcileInterruptedJobs).
 */
export function queueExecutor(dataSource: DataSource, onDropped: (text: string) => void): SqlExecutor {
  const pool = appPool(dataSource);
  return {
    executeSql: async (text, values) => {
      if (pool.ending) {
        onDropped(text);
        // no result at all: pg-boss reads it as "no job affected" (an empty row list it would index)
        return undefined as unknown as { rows: any[] };
      }
      return pool.query(text, values as unknown[]);
    },
  };
}

/**
 * The caller's transaction, for a job sent together with the rows that asked for it: the job
 * exists if and only if the transaction commits (and on PGlite no second connection is needed).
 * Outside a transaction, the pool.
 */
export function managerExecutor(manager: EntityManager): SqlExecutor {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    // the pg client the transaction runs on (TypeORM's PostgresQueryRunner keeps it here)
    const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
    if (!client) throw new Error('the transaction has no database connection to send the job through');
    return { executeSql: (text, values) => client.query(text, values as unknown[]) };
  }
  return poolExecutor(manager.connection);
}
