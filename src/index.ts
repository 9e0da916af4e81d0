import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { createApp } from './app';
import { loadConfig, signupWarning } from './config';
import { createDataSource } from './db/data-source';
import { EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded';
import { installQueue } from './jobs/queue';
import { createLogger } from './logger';
import { seedDemoIfEmpty } from './seed/demo';

/** Process entry: config → database (real or embedded) → migrations (as the owner: MIGRATION_DATABASE_URL) → app and job queue (WORKERS) → demo data → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Under load V8 lets the old space grow to several times what is live before it collects it
  // (the nested-list load test: ~55 MB live, ~350 MB resident). A bound on that growth holds the
  // process near 200 MB for ~5 % more CPU, spent on V8's background threads (README, Operations).
  // V8 reads this flag whenever it sets the next collection's limit, so setting it here applies.
  if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const logger = createLogger(config.logLevel);
  const t0 = Date.now();
  const signupRisk = signupWarning(config);
  if (signupRisk) logger.warn(signupRisk);
  if (config.jwtSecretFile) logger.info({ file: config.jwtSecretFile }, 'no JWT_SECRET given: using the secret kept in DATA_DIR');

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase(config.dataDir);
    url = embedded.url;
    logger.info({ port: embedded.port, dataDir: config.dataDir, ms: Date.now() - t0 }, 'embedded PostgreSQL (PGlite) started');
  }

  // PGlite serves one connection; a real server gets a pool
  // PGlite runs a statement to its end on its one thread: a timeout there would only be a setting
  const dataSource = createDataSource({
    url,
    poolSize: embedded ? 1 : config.dbPoolSize,
    statementTimeoutMs: embedded ? 0 : config.dbStatementTimeoutMs,
  });
  await dataSource.initialize();
  if (config.migrationDatabaseUrl) {
    // DATABASE_URL's role is a plain login role (a member of agency_app, no BYPASSRLS, not the
    // owner): what only the owner may do runs first on a connection of its own, closed after
    const owner = createDataSource({ url: config.migrationDatabaseUrl, poolSize: 1, applicationName: 'agency-migrate' });
    await owner.initialize();
    try {
      const applied = await owner.runMigrations({ transaction: 'all' });
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied (as the owner)');
      await installQueue(owner, config);
    } finally {
      await owner.destroy();
    }
  } else {
    // the owner itself (or a login role finding nothing pending: migrations ran before, as the owner)
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  }

  const app = await createApp(dataSource, config, logger);
  const { httpServer, stop } = app;
  if (config.seedDemoOnEmpty) {
    const seeded = await seedDemoIfEmpty(dataSource, app);
    if (seeded) logger.info({ logins: seeded.logins }, 'demo data created (see README for the logins)');
  }

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      port,
      mode: config.nodeEnv,
      startupMs: Date.now() - t0,
      embedded: Boolean(embedded),
      graphiql: config.graphiql,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      hsts: config.hsts,
      metrics: config.metricsToken ? 'loopback or METRICS_TOKEN' : 'loopback only',
    },
    `GraphQL API listening on http://localhost:${port}/graphql`,
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    try {
      await stop(); // drains the HTTP server, stops Apollo, then the job queue (running jobs finish or go back to the queue)
      await dataSource.destroy();
      if (embedded) await embedded.stop();
      logger.info('shutdown complete');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // the logger may not exist yet (bad config): write one JSON line by hand
  process.stderr.write(JSON.stringify({ level: 'fatal', msg: 'startup failed', err: String(err?.stack ?? err) }) + '\n');
  process.exit(1);
});
