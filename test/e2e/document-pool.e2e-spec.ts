/**
 * The server renders on worker threads running the compiled worker; the tests render from the
 * TypeScript sources in-process. Both must give the same bytes for the same model and date, or a
 * stored document's digest would depend on where it was made. Needs `npm run build` first (CI
 * builds before the tests).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentKind } from '../../src/documents/kinds';
import { createRenderPool, type RenderPool } from '../../src/documents/pool';
import { meetingProtocolModel, type Locale } from '../support/meeting-protocol.fixture';

const WORKER = 'dist/src/documents/worker.js';
const createdAt = new Date('2026-11-22T12:00:00Z');

let threads: RenderPool;
const inProcess = createRenderPool({ threads: 0 });

beforeAll(() => {
  if (!existsSync(resolve(WORKER))) throw new Error(`${WORKER} is missing: run \`npm run build\` before this test`);
  threads = createRenderPool({ threads: 1, workerPath: WORKER });
});
afterAll(() => threads?.close());

it('renders on a worker thread of the compiled code', () => {
  expect(threads.mode).toBe('threads');
  expect(inProcess.mode).toBe('in-process');
});

it.each(['ru', 'bg', 'en'] as Locale[])('gives the same bytes on the worker thread as in-process (%s)', async (locale) => {
  const model = meetingProtocolModel(locale, { items: 40 });
  const [worker, local] = await Promise.all([
    threads.render(DocumentKind.MEETING_PROTOCOL, model, { locale, createdAt }),
    inProcess.render(DocumentKind.MEETING_PROTOCOL, model, { locale, createdAt }),
  ]);
  expect(worker.pageCount).toBe(local.pageCount);
  expect(worker.pageCount).toBeGreaterThan(1);
  expect(Buffer.isBuffer(worker.bytes)).toBe(true);
  expect(Buffer.compare(worker.bytes, local.bytes)).toBe(0);
});

it('queues a burst of documents on one thread instead of refusing them', async () => {
  const model = meetingProtocolModel('ru', { items: 3 });
  const out = await Promise.all(Array.from({ length: 24 }, () => threads.render(DocumentKind.MEETING_PROTOCOL, model, { locale: 'ru', createdAt })));
  expect(out).toHaveLength(24);
  for (const doc of out) expect(Buffer.compare(doc.bytes, out[0].bytes)).toBe(0);
});
