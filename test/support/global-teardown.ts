import type { Config } from '@jest/types';
import { dropDatabase } from '../../scripts/db-admin';
import { BASE_URL, workerDatabaseName } from './databases';

export default async function globalTeardown(globalConfig: Config.GlobalConfig): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers ?? 1);
  for (let w = 1; w <= workers; w++) await dropDatabase(BASE_URL, workerDatabaseName(w));
}
