/** The server the tests use, and the database each jest worker owns on it. */
export const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function workerDatabaseName(workerId: string | number = process.env.JEST_WORKER_ID ?? '1'): string {
  return `agency_test_${workerId}`;
}

export function workerDatabaseUrl(workerId?: string | number): string {
  const u = new URL(BASE_URL);
  u.pathname = '/' + workerDatabaseName(workerId);
  return u.toString();
}
