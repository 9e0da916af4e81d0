import 'reflect-metadata';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { newContext, noUsage, type AuthedContext } from '../src/context';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { Locale, UserRole } from '../src/entities/enums';
import { JobState } from '../src/entities/job.entity';
import { registerJob } from '../src/jobs/registry';
import { createLogger } from '../src/logger';
import { enqueueJob, getJob } from '../src/services/job.service';

registerJob<{ words: string[] }, { count: number }>({
  kind: 'check.count-words',
  retryLimit: 0,
  async run({ payload, progress }) {
    await progress(50, 'counting');
    return { count: payload.words.length };
  },
});

/**
 * The queue on the embedded database (PGlite, ONE connection), in memory: migrations, pg-boss's
 * own schema, a job sent inside a transaction and worked to SUCCEEDED through that single
 * connection, by the same code path as on a server (createApp starts the queue). Run by the smoke
 * test; jest cannot load PGlite (an ES module loaded with a dynamic import).
 */
async function main(): Promise<number> {
  const t0 = Date.now();
  const embedded = await startEmbeddedDatabase(null);
  const ds = createDataSource({ url: embedded.url, poolSize: 1, applicationName: 'queue-check' });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    const config = loadConfig({ ...process.env, DATABASE_URL: '', NODE_ENV: 'test', JWT_SECRET: 'queue-check-secret-queue-check-secret-0123', JOB_POLL_INTERVAL_MS: '500' });
    const app = await createApp(ds, config, createLogger('warn'));
    try {
      const [agency] = await ds.query(`INSERT INTO agencies (name) VALUES ('Queue check') RETURNING id`);
      const [user] = await ds.query(`INSERT INTO users ("agencyId", email, "passwordHash", role) VALUES ($1, 'owner@queue.check', 'x', 'OWNER') RETURNING id`, [agency.id]);
      const actor: AuthedContext['actor'] = { userId: user.id, agencyId: agency.id, role: UserRole.OWNER, clientId: null };
      const ctx = newContext<AuthedContext>({ usage: noUsage(), requestId: 'queue-check', actor, authError: null, locale: Locale.EN, manager: ds.manager, app: app.services, logger: app.services.logger });
      const record = await enqueueJob(ctx, 'check.count-words', { words: ['a', 'b', 'c'] });
      const until = Date.now() + 20_000;
      let job = await getJob(ctx, record.id);
      while (job && job.state !== JobState.SUCCEEDED && job.state !== JobState.FAILED && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        job = await getJob(ctx, record.id);
      }
      if (job?.state !== JobState.SUCCEEDED || (job.result as { count?: number })?.count !== 3 || job.progress !== 100) {
        process.stderr.write(`queue check failed: ${JSON.stringify(job)}\n`);
        return 1;
      }
      process.stdout.write(`queue check ok: a job ran to SUCCEEDED on the embedded database in one connection (${Date.now() - t0} ms)\n`);
      return 0;
    } finally {
      await app.stop();
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`queue check failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
