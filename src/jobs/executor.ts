import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

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
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
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
