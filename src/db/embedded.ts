import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (WASM PostgreSQL) persisted under `dataDir` and serves it over the PostgreSQL
 * wire protocol on a free loopback port, so the app reaches it with the same `pg` driver and
 * the same migrations as a real server. PGlite is single-connection: the caller must use a pool
 * of one. `dataDir` null keeps the data in memory (used by migration:check and tests).
 */
export async function startEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  const { PGlite: PGliteCtor } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer: ServerCtor } = await import('@electric-sql/pglite-socket');
  let dir: string | undefined;
  if (dataDir) {
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const db: PGlite = await PGliteCtor.create(dir ? { dataDir: dir } : undefined);
  // port 0: the OS picks a free port, so we never collide with a real server on 5432
  const server: PGLiteSocketServer = new ServerCtor({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  if (!port) {
    await server.stop();
    await db.close();
    throw new Error('embedded database: could not determine the listening port');
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
