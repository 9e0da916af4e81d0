import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { seedDemo } from '../src/seed/demo';

/** `npm run seed`: applies migrations and creates the demo agency (DATABASE_URL or the embedded DB). */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir);
  const ds = createDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: 1, applicationName: 'seed' });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    const app = await createApp(ds, config, createLogger('warn'));
    const seeded = await seedDemo(ds, app);
    await app.stop();
    process.stdout.write(seeded ? `demo data created:\n  ${seeded.logins.join('\n  ')}\n` : 'demo data already present\n');
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`seed failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
