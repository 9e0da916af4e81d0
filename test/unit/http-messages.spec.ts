import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressShapedMessages } from '../../src/http-messages';

describe('expressShapedMessages', () => {
  it("makes requests and responses with the app's prototypes from the start; Express works on them as on Node's own", async () => {
    const app = express();
    const server = http.createServer({ ...expressShapedMessages(app) }, app);
    const born: boolean[] = [];
    // before Express takes them (its setPrototypeOf then has nothing to change)
    server.prependListener('request', (req, res) => born.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response));
    app.use(express.json());
    app.post('/echo', (req, res) => {
      res.locals.seen = true;
      res.status(201).set('x-kind', String(req instanceof IncomingMessage && res instanceof ServerResponse)).json({ body: req.body, header: req.get('x-test'), path: req.path, locals: res.locals.seen });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      for (let i = 0; i < 2; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/echo?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test': 'yes' }, body: JSON.stringify({ i }) });
        expect(r.status).toBe(201);
        expect(r.headers.get('x-kind')).toBe('true');
        expect(await r.json()).toEqual({ body: { i }, header: 'yes', path: '/echo', locals: true });
      }
      expect(born).toEqual([true, true, true, true]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
