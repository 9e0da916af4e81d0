/**
 * Rendering off the GraphQL event loop: a piscina pool of worker threads running worker.ts's
 * compiled twin. A document costs milliseconds of pure CPU; on the event loop that would be added
 * to the latency of every request in flight.
 *
 * Threads: `DOCUMENT_RENDER_THREADS` (read by src/config.ts; default: CPU count − 1, at least 1).
 * 0 renders in-process, which is what a run from TypeScript sources (the test runner) gets
 * automatically: worker threads need the compiled JavaScript. The app makes one pool
 * (createApp) and closes it on shutdown.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { RenderedDocument } from './layout/create-document';
import type { RenderKind, RenderOptions } from './kinds';
import { renderDocument } from './render';
import type { RenderTask, RenderTaskResult } from './worker';

export interface RenderPool {
  render(kind: RenderKind, model: unknown, options: RenderOptions): Promise<RenderedDocument>;
  /** how rendering runs: 'threads' or 'in-process' */
  readonly mode: 'threads' | 'in-process';
  readonly threads: number;
  close(): Promise<void>;
}

/** The compiled worker next to this file, or null when running from TypeScript sources. */
export function compiledWorkerPath(): string | null {
  if (!__filename.endsWith('.js')) return null;
  const path = join(__dirname, 'worker.js');
  return existsSync(path) ? path : null;
}

export function defaultRenderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * `threads`: config.documentRenderThreads (null or omitted: the default above). `workerPath`: the
 * compiled worker, relative to the working directory or absolute; omitted: the one next to this
 * file when it is compiled.
 */
export function createRenderPool(options: { threads?: number | null; workerPath?: string | null } = {}): RenderPool {
  const threads = options.threads ?? defaultRenderThreads();
  const given = options.workerPath === undefined ? compiledWorkerPath() : options.workerPath;
  const workerPath = given ? resolve(given) : null;
  if (workerPath && threads > 0 && !existsSync(workerPath)) throw new Error(`the render worker ${workerPath} does not exist: run \`npm run build\``);
  if (threads === 0 || !workerPath) {
    return {
      mode: 'in-process',
      threads: 0,
      render: (kind, model, opts) => renderDocument(kind, model, opts),
      close: async () => undefined,
    };
  }
  // started at the first document: a process that never renders (an API node under JSON load)
  // keeps no thread, and no copy of the renderer's modules and fonts (~35 MB); once started, one
  // thread stays (minThreads), so only the first document pays the start
  let piscina: Piscina<RenderTask, RenderTaskResult> | null = null;
  const started = () =>
    (piscina ??= new Piscina<RenderTask, RenderTaskResult>({
      filename: workerPath,
      minThreads: 1,
      maxThreads: threads,
      // a burst waits in the queue (piscina's 'auto' is threads², i.e. 1 on a 2-core machine, and
      // would refuse the second concurrent request); bounded so memory cannot grow without limit
      maxQueue: Math.max(256, threads * 64),
      idleTimeout: 60_000,
    }));
  return {
    mode: 'threads',
    threads,
    async render(kind, model, opts) {
      const out = await started().run({ kind, model, options: opts });
      return { bytes: Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength), pageCount: out.pageCount };
    },
    close: async () => {
      await piscina?.destroy();
    },
  };
}
