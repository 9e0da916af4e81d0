import 'reflect-metadata';
import { loadDatabaseConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { installQueue } from '../src/jobs/queue';

/**
 * `npm run migrate`: applies pending migrations to MIGRATION_DATABASE_URL, else DATABASE_URL (or
 * the embedded database), and installs the job queue's schema and queues: everything only the
 * owner may do, so that the API and the workers can then connect as a plain login role.
 */
async function main(): Promise<void> {
  const config = loadDatabaseConfig();
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  const embedded = url ? null : await startEmbeddedDatabase(config.dataDir);
  const ds = createDataSource({ url: url ?? embedded!.url, poolSize: 1, applicationName: 'migrate' });
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'all' });
    process.stdout.write(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'no pending migrations\n');
    await installQueue(ds, config);
    process.stdout.write('job queue installed\n');
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`migrate failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
