import 'reflect-metadata';
import type http from 'node:http';
import request from 'supertest';
import type { Express } from 'express';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { AppServices } from '../../src/context';
import { createDataSource } from '../../src/db/data-source';
import { workerDatabaseUrl } from './databases';

export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface TestApp {
  app: Express;
  /** the app's own http.Server (its timeouts); supertest listens on a server of its own */
  httpServer: http.Server;
  ds: DataSource;
  /** the app's process-wide services (its job queue among them) */
  services: AppServices;
  /** POST /graphql as a client would, with an optional bearer token */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** Counts the SQL statements TypeORM sends, to prove batching. */
export class CountingLogger implements TypeOrmLogger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string) {
    this.count++;
    this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  reset() {
    this.count = 0;
    this.statements = [];
  }
}

/** The real app on this worker's real PostgreSQL database. */
export async function startTestApp(
  opts: {
    logger?: TypeOrmLogger;
    env?: Record<string, string>;
    poolSize?: number;
    /** another way to this worker's database (a TCP proxy, PgBouncer); default: straight to it */
    databaseUrl?: string;
    /** the connections' application_name (to find the app's backends in pg_stat_activity) */
    applicationName?: string;
  } = {},
): Promise<TestApp> {
  // an app that counts statements works no jobs: a scheduled sweep would count as the request's
  const quiet = opts.logger ? { WORKERS: '0' } : {};
  const url = opts.databaseUrl ?? workerDatabaseUrl();
  const config = loadConfig({ ...process.env, DATABASE_URL: url, ...quiet, ...opts.env });
  const ds = createDataSource({ url, poolSize: opts.poolSize ?? 5, logger: opts.logger, applicationName: opts.applicationName ?? 'jest' });
  await ds.initialize();
  const { app, httpServer, stop, services } = await createApp(ds, config);
  return {
    app,
    httpServer,
    ds,
    services,
    async gql(query, variables, token) {
      const req = request(app).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body };
    },
    async close() {
      await stop();
      await ds.destroy();
    },
  };
}
