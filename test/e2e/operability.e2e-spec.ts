import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { ME } from '../support/documents';
import { registerAgency } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('GET /health answers JSON while the process is up', async () => {
    const res = await request(t.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('GET /ready checks the database', async () => {
    const res = await request(t.app).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', database: 'up' });
  });

  it('GET /ready is 503 when the database is unreachable, and GraphQL masks the failure', async () => {
    const broken = await startTestApp();
    const a = await registerAgency(broken);
    await broken.ds.destroy();
    const ready = await request(broken.app).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ database: 'down' });
    const res = await broken.gql(ME, {}, a.ownerToken);
    const err = res.body.errors?.[0];
    expect(err?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(err?.message).toBe('Internal server error');
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|SELECT|pool|typeorm|at \//i);
  });
});

describe('HTTP conventions', () => {
  it('echoes a given x-request-id and generates one otherwise', async () => {
    const given = await request(t.app).get('/health').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const generated = await request(t.app).get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses batched requests', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('has CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await request(t.app).get('/graphql').query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF|preflight/i);
  });

  it('rejects queries deeper than the limit', async () => {
    const a = await registerAgency(t);
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `client { contacts { ${selection} } }`;
    const res = await t.gql(`{ clients { edges { node { contacts { ${selection} } } } } }`, {}, a.ownerToken);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'DEPTH', limit: 10 });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(t.app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('does not serve GraphiQL outside development', async () => {
    const res = await request(t.app).get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toMatch(/GraphiQL/);
  });

  it('serves GraphiQL and its assets from the installed packages in development', async () => {
    const dev = await startTestApp({ env: { GRAPHIQL: 'true' } });
    try {
      const page = await request(dev.app).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/GraphiQL/);
      expect(page.text).not.toMatch(/https?:\/\/(?!localhost)/); // no CDN
      for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js']) {
        expect((await request(dev.app).get(`/graphiql/${asset}`)).status).toBe(200);
      }
      // API requests on the same path still reach GraphQL
      const api = await dev.gql('{ __typename }');
      expect(api.body.data).toEqual({ __typename: 'Query' });
    } finally {
      await dev.close();
    }
  });
});
