import 'reflect-metadata';
import { Client, types } from 'pg';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../../migrations';
import { noteConnectionError } from './availability';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates at local midnight shifts
// them by the server's offset. numeric already arrives as a string (exact money).
types.setTypeParser(types.builtins.DATE, (v: string) => v);

/**
 * The pool's clients, each listening for its own 'error' from birth. pg-pool listens while a
 * client is idle and TypeORM once it holds it, but a fresh connection is handed over inside the
 * driver's read loop: when the server ends the session right after accepting it (a restart,
 * pg_terminate_backend), the FATAL message in the same packet is emitted before TypeORM listens,
 * and an 'error' nobody listens to ends the process. The client is unusable afterwards either way
 * (its next query fails as a lost connection, and the pool drops it on release). It also notes
 * the failure, so that what TypeORM reports in its place is known for an outage (availability.ts).
 */
class ListeningClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', () => noteConnectionError());
  }
}

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: TypeOrmLogger;
  applicationName?: string;
  /**
   * PostgreSQL statement_timeout of every connection of the pool, sent by pg in the startup
   * message (no SET, so nothing leaks through a transaction-mode pooler); 0 or absent: none
   */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: s.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not in PGlite
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: s.logger ? ['query', 'error', 'warn'] : ['error'],
    logger: s.logger,
    extra: {
      max: s.poolSize ?? 10,
      application_name: s.applicationName ?? 'agency-api',
      connectionTimeoutMillis: 10_000,
      Client: ListeningClient,
      ...(s.statementTimeoutMs ? { statement_timeout: s.statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
