/** The server the tests use, and the database each jest worker owns on it. */
export const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Set by the global setup of a run and inherited by its workers, so that two jest runs on one
 * machine never drop each other's databases.
 */
export const RUN_ENV = 'AGENCY_TEST_RUN_ID';

export function workerDatabaseName(workerId: string | number = process.env.JEST_WORKER_ID ?? '1'): string {
  const run = process.env[RUN_ENV];
  if (!run) throw new Error(`${RUN_ENV} is not set: run the tests through jest (its global setup sets it)`);
  return `agency_test_${run}_${workerId}`;
}

export function workerDatabaseUrl(workerId?: string | number): string {
  const u = new URL(BASE_URL);
  u.pathname = '/' + workerDatabaseName(workerId);
  return u.toString();
}
