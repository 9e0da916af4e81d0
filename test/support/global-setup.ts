import 'reflect-metadata';
import { Client } from 'pg';
import type { Config } from '@jest/types';
import { createDataSource } from '../../src/db/data-source';
import { recreateDatabase } from '../../scripts/db-admin';
import { BASE_URL, RUN_ENV, workerDatabaseName, workerDatabaseUrl } from './databases';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Drops databases left behind by runs that died before their teardown. */
async function dropStale(): Promise<void> {
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'agency\\_test\\_%'`);
    for (const { datname } of rows) {
      const pid = Number(/^agency_test_(\d+)_/.exec(datname)?.[1]);
      if (!pid || !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * One fresh database per jest worker on the real PostgreSQL, with every migration applied.
 * Test files then isolate their data by registering their own agencies.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  process.env[RUN_ENV] = String(process.pid);
  await dropStale();
  const workers = Math.max(1, globalConfig.maxWorkers ?? 1);
  for (let w = 1; w <= workers; w++) {
    await recreateDatabase(BASE_URL, workerDatabaseName(w));
    const ds = createDataSource({ url: workerDatabaseUrl(w), poolSize: 1, applicationName: 'test-setup' });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'all' });
    } finally {
      await ds.destroy();
    }
  }
}
