import 'reflect-metadata';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { dropDatabase, recreateDatabase, withDatabase } from './db-admin';

/**
 * Exits non-zero when the entities and the migrations disagree. On a scratch database it applies
 * every migration, reverts them all (so every `down` is exercised), applies them again, and then
 * asks TypeORM's schema builder for the SQL it would still need: anything at all is drift.
 */
async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL;
  const scratch = `migcheck_${process.pid}`;
  let url: string;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (serverUrl) {
    await recreateDatabase(serverUrl, scratch);
    url = withDatabase(serverUrl, scratch);
  } else {
    const embedded = await startEmbeddedDatabase(null);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'migration-check' });
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'all' });
    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'all' });
    await ds.runMigrations({ transaction: 'all' });
    const pending = await ds.driver.createSchemaBuilder().log();
    if (pending.upQueries.length > 0) {
      process.stderr.write('Entities and migrations disagree. Missing SQL:\n');
      for (const q of pending.upQueries) process.stderr.write(`  ${q.query};\n`);
      process.stderr.write('Generate a migration: npm run migration:generate -- migrations/<Name>\n');
      return 1;
    }
    process.stdout.write(`migration:check ok (${applied.length} migrations applied, reverted and re-applied; no drift)\n`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (serverUrl) await dropDatabase(serverUrl, scratch);
    if (stopEmbedded) await stopEmbedded();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`migration:check failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
