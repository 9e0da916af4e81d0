import 'reflect-metadata';
import { loadDatabaseConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const config = loadDatabaseConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir);
  const ds = createDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: 1, applicationName: 'migrate' });
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'all' });
    process.stdout.write(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'no pending migrations\n');
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`migrate failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
