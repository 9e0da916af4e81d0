import 'reflect-metadata';
import type { Config } from 'jest';
import { createDataSource } from '../../src/db/data-source';
import { recreateDatabase } from '../../scripts/db-admin';
import { BASE_URL, workerDatabaseName, workerDatabaseUrl } from './databases';

/**
 * One fresh database per jest worker on the real PostgreSQL, with every migration applied.
 * Test files then isolate their data by registering their own agencies.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
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
