import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson } from '../../src/events/http';

/** The POST itself against a real local server: answers, timeouts, and the production address guard. */
let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000).unref();
    if (req.url === '/fail') return void res.writeHead(503).end('busy');
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe('postJson', () => {
  it('reports the status, the time taken, and the start of a refusal', async () => {
    expect(await postJson(`http://127.0.0.1:${port}/ok`, '{}', {}, { timeoutMs: 1000, publicOnly: false })).toMatchObject({ status: 200, error: null });
    const failed = await postJson(`http://127.0.0.1:${port}/fail`, '{}', {}, { timeoutMs: 1000, publicOnly: false });
    expect(failed).toMatchObject({ status: 503, error: 'HTTP 503: busy' });
    expect(failed.ms).toBeGreaterThanOrEqual(0);
  });

  it('gives up after the timeout with no status', async () => {
    const out = await postJson(`http://127.0.0.1:${port}/slow`, '{}', {}, { timeoutMs: 200, publicOnly: false });
    expect(out.status).toBeNull();
    expect(out.error).toContain('200 ms');
    expect(out.ms).toBeLessThan(1500);
  });

  it('in production refuses a private address, literal or looked up, without connecting', async () => {
    const before = hits;
    const literal = await postJson(`http://127.0.0.1:${port}/ok`, '{}', {}, { timeoutMs: 1000, publicOnly: true });
    expect(literal).toMatchObject({ status: null });
    expect(literal.error).toContain('may not reach');
    const named = await postJson(`http://localhost:${port}/ok`, '{}', {}, { timeoutMs: 1000, publicOnly: true });
    expect(named).toMatchObject({ status: null });
    expect(named.error).toContain('may not reach');
    expect(hits).toBe(before);
  });
});
