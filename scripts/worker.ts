import 'reflect-metadata';
import { createServices } from '../src/app';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { createLogger } from '../src/logger';

/**
 * `npm run worker`: a process that only works on jobs (no HTTP), on DATABASE_URL, WORKERS jobs at
 * once. The API applies migrations; start it first. SIGTERM/SIGINT: stop taking jobs, let the
 * running ones finish (SHUTDOWN_TIMEOUT_MS), give the rest back to the queue, exit.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.databaseUrl) throw new Error('npm run worker needs DATABASE_URL: the embedded database serves the API process only (its workers run inside it)');
  if (config.workers < 1) throw new Error('WORKERS must be at least 1 for a worker process');
  const ds = createDataSource({ url: config.databaseUrl, poolSize: Math.min(config.dbPoolSize, config.workers + 2), applicationName: 'agency-worker' });
  await ds.initialize();
  const services = createServices(ds, config, logger);
  await services.queue.start();
  logger.info({ workers: config.workers }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing running jobs');
    const timer = setTimeout(() => {
      logger.error('worker shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    try {
      await services.queue.stop(Math.max(1000, config.shutdownTimeoutMs - 2000));
      await services.renderPool.close();
      await ds.destroy();
      logger.info('worker stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping the worker');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(JSON.stringify({ level: 'fatal', msg: 'worker failed to start', err: String(err?.stack ?? err) }) + '\n');
  process.exit(1);
});
