import net from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { ME } from '../support/documents';
import { registerAgency } from '../support/factories';

/**
 * What a browser, a proxy and an attacker meet before GraphQL runs: security headers, the CORS
 * allow-list, JSON errors (never an HTML page or a stack) in every mode, and the server's timeouts.
 */

const ALLOWED = 'https://app.agency.test';
const OTHER = 'https://evil.test';

/** a stack frame, a file path, an HTML page: what must never reach a client */
const LEAKS = /<html|<pre|<!doctype|stacktrace|node_modules|\/work\/|\bat \w+ \(|\.[jt]s:\d+/i;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` } });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('every answer carries the headers a security review expects of a JSON API', async () => {
    const answers = [await request(t.app).get('/health'), await request(t.app).post('/graphql').send({ query: '{ __typename }' }), await request(t.app).get('/nope')];
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('no HSTS over plain http (PUBLIC_URL http://), HSTS when the public address is https', async () => {
    expect((await request(t.app).get('/health')).headers['strict-transport-security']).toBeUndefined();
    const https = await startTestApp({ env: { PUBLIC_URL: 'https://api.agency.test' } });
    try {
      expect((await request(https.app).get('/health')).headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await https.close();
    }
  });

  it('the GraphiQL page gets a policy that lets its own scripts, styles and data: fonts load, and nothing from elsewhere', async () => {
    const dev = await startTestApp({ env: { GRAPHIQL: 'true' } });
    try {
      const page = await request(dev.app).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline script, no eval
      expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
      expect(csp).toMatch(/font-src 'self' data:/);
      expect(csp).toMatch(/img-src 'self' data:/);
      expect(csp).toMatch(/connect-src 'self'/);
      // every script the page loads is a file of ours under the policy's 'self'
      expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
      const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThanOrEqual(4);
      for (const src of scripts) {
        expect(src).toMatch(/^\/graphiql\//);
        const asset = await request(dev.app).get(src);
        expect(asset.status).toBe(200);
        expect(asset.headers['content-type']).toMatch(/javascript/);
      }
      const boot = await request(dev.app).get('/graphiql/boot.js');
      expect(boot.text).toMatch(/GraphiQL\.createFetcher/);
    } finally {
      await dev.close();
    }
  });
});

describe('CORS allow-list (CORS_ORIGINS)', () => {
  function preflight(origin: string, path = '/graphql') {
    return request(t.app)
      .options(path)
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,authorization,x-request-id');
  }

  it('a browser preflight from an allowed origin gets 204 with the methods, headers and max-age', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'accept-language']));
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(res.headers.vary)).toMatch(/origin/i);
    // a second listed origin, after the comma and the space
    expect((await preflight('http://localhost:5173')).headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('the allowed origin reads the answer and the request id of the actual request', async () => {
    const res = await request(t.app).post('/graphql').set('origin', ALLOWED).send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(res.headers['access-control-expose-headers']).toLowerCase()).toMatch(/x-request-id/);
  });

  it('another origin gets no CORS header at all, neither on the preflight nor on the request', async () => {
    const pre = await preflight(OTHER);
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-headers']).toBeUndefined();
    expect(pre.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
    const res = await request(t.app).post('/graphql').set('origin', OTHER).send({ query: '{ __typename }' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // a prefix or suffix of an allowed origin is another origin
    expect((await preflight(`${ALLOWED}.evil.test`)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with no CORS_ORIGINS, no origin is allowed; the document download routes follow the same list', async () => {
    const closed = await startTestApp();
    try {
      const pre = await request(closed.app).options('/graphql').set('origin', ALLOWED).set('access-control-request-method', 'POST');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }
    const doc = await preflight(ALLOWED, '/documents/00000000-0000-4000-8000-000000000000.pdf');
    expect(doc.status).toBe(204);
    expect(doc.headers['access-control-allow-origin']).toBe(ALLOWED);
  });

  it('CSRF prevention stays on: a simple cross-origin GET without a preflight header is refused', async () => {
    const res = await request(t.app).get('/graphql').set('origin', ALLOWED).query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF|preflight/i);
    const ok = await request(t.app).get('/graphql').set('apollo-require-preflight', 'true').query({ query: '{ __typename }' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('JSON errors at the HTTP edge, in every mode', () => {
  for (const mode of ['production', 'development', 'test'] as const) {
    describe(`NODE_ENV=${mode}`, () => {
      let app: TestApp;
      let token: string;
      beforeAll(async () => {
        // production refuses the suite's immediate sign-up: the agency is registered through `t`
        app = await startTestApp({ env: { NODE_ENV: mode, SIGNUP: 'off' } });
        token = (await registerAgency(t)).ownerToken;
      });
      afterAll(() => app.close());

      function expectJsonError(res: request.Response, status: number, code: string): void {
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: expect.objectContaining({ code }) }]);
        expect(res.text).not.toMatch(LEAKS);
      }

      it('bad JSON is 400 BAD_REQUEST', async () => {
        const res = await request(app.app).post('/graphql').set('content-type', 'application/json').send('{"query": "{ me { id } }",');
        expectJsonError(res, 400, 'BAD_REQUEST');
      });

      it('an oversized body is 413 PAYLOAD_TOO_LARGE', async () => {
        const res = await request(app.app).post('/graphql').set('content-type', 'application/json').send(`{"query":"${'x'.repeat(1_100_000)}"}`);
        expectJsonError(res, 413, 'PAYLOAD_TOO_LARGE');
      });

      it('a wrong content type is a JSON 400', async () => {
        const res = await request(app.app).post('/graphql').set('content-type', 'text/plain').send('{ __typename }');
        expectJsonError(res, 400, 'BAD_REQUEST');
        const form = await request(app.app).post('/graphql').type('form').send({ query: '{ __typename }' });
        expectJsonError(form, 400, 'BAD_REQUEST');
      });

      it('a JSON body that is not a GraphQL request is a JSON 400', async () => {
        expectJsonError(await request(app.app).post('/graphql').send({ nope: 1 }), 400, 'BAD_REQUEST');
        expectJsonError(await request(app.app).post('/graphql').set('content-type', 'application/json').send('"just a string"'), 400, 'BAD_REQUEST');
      });

      it('GET /graphql with a query string works with the preflight header; a mutation over GET is refused in JSON', async () => {
        const ok = await request(app.app).get('/graphql').set('apollo-require-preflight', '1').set('authorization', `Bearer ${token}`).query({ query: ME });
        expect(ok.status).toBe(200);
        expect(ok.body.data.me.email).toBeTruthy();
        const mutation = await request(app.app)
          .get('/graphql')
          .set('apollo-require-preflight', '1')
          .query({ query: 'mutation { login(input: { email: "a@b.test", password: "x" }) { token } }' });
        expect(mutation.status).toBe(405);
        expect(mutation.headers['content-type']).toMatch(/^application\/json/);
        expect(mutation.text).not.toMatch(LEAKS);
      });

      it('an unknown route, an unknown method and a malformed path are JSON', async () => {
        const missing = await request(app.app).get('/nope');
        expect(missing.status).toBe(404);
        expect(missing.headers['content-type']).toMatch(/^application\/json/);
        expect(missing.body).toMatchObject({ error: 'NOT_FOUND' });
        const method = await request(app.app).delete('/graphql');
        expect(method.headers['content-type']).toMatch(/^application\/json/);
        expect(method.text).not.toMatch(LEAKS);
        const malformed = await request(app.app).get('/documents/%E0%A4%A.pdf');
        expect(malformed.status).toBeGreaterThanOrEqual(400);
        expect(malformed.status).toBeLessThan(500);
        expect(malformed.headers['content-type']).toMatch(/^application\/json/);
        expect(malformed.text).not.toMatch(LEAKS);
      });

      it('a document download without a token or with a broken one is JSON', async () => {
        const res = await request(app.app).get('/documents/00000000-0000-4000-8000-000000000000.pdf').set('authorization', 'Bearer nope');
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.text).not.toMatch(LEAKS);
      });
    });
  }
});

describe('server timeouts', () => {
  /** the app's own http.Server listening on an ephemeral port, as src/index.ts does */
  async function listening(env: Record<string, string>): Promise<{ app: TestApp; port: number }> {
    const app = await startTestApp({ env });
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    return { app, port: (app.httpServer.address() as AddressInfo).port };
  }

  it('the configured timeouts are set on the http.Server', async () => {
    const { app } = await listening({ HTTP_REQUEST_TIMEOUT_MS: '20000', HTTP_HEADERS_TIMEOUT_MS: '7000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '61000' });
    try {
      expect(app.httpServer.requestTimeout).toBe(20000);
      expect(app.httpServer.headersTimeout).toBe(7000);
      expect(app.httpServer.keepAliveTimeout).toBe(61000);
    } finally {
      await app.close();
    }
  });

  it('a slow-loris client trickling its headers is cut off after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { app, port } = await listening({ HTTP_HEADERS_TIMEOUT_MS: '600', HTTP_REQUEST_TIMEOUT_MS: '5000' });
    try {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const started = Date.now();
      let received = '';
      socket.on('data', (d) => (received += d.toString()));
      socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
      // one header byte every 100 ms: the request never completes its headers
      const drip = setInterval(() => socket.writable && socket.write('X'), 100);
      await new Promise((resolve) => socket.once('close', resolve));
      clearInterval(drip);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(500);
      expect(elapsed).toBeLessThan(3000);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await app.close();
    }
  });

  it('a client that sends its headers but trickles the body is cut off after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const { app, port } = await listening({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    try {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const started = Date.now();
      let received = '';
      socket.on('data', (d) => (received += d.toString()));
      socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"');
      const drip = setInterval(() => socket.writable && socket.write('x'), 100);
      await new Promise((resolve) => socket.once('close', resolve));
      clearInterval(drip);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(4000);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await app.close();
    }
  });

  it('a body announced larger than the limit is refused with a JSON 413 before it is read', async () => {
    const { app, port } = await listening({});
    try {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let received = '';
      socket.on('data', (d) => (received += d.toString()));
      socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{"query":"`);
      const started = Date.now();
      while (!received.includes('}]}') && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 20));
      socket.destroy();
      expect(received).toMatch(/^HTTP\/1\.1 413/);
      expect(received).toMatch(/content-type: application\/json/i);
      expect(received).toMatch(/"code":"PAYLOAD_TOO_LARGE"/);
    } finally {
      await app.close();
    }
  });

  it('refuses a headers timeout longer than the request timeout at start', async () => {
    await expect(startTestApp({ env: { HTTP_HEADERS_TIMEOUT_MS: '9000', HTTP_REQUEST_TIMEOUT_MS: '5000' } })).rejects.toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});
