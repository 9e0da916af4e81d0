import { Router } from 'express';
import { dirname, join } from 'node:path';

/**
 * GraphiQL served from the installed packages (no CDN), for development only. React 18 and
 * GraphiQL 3 still ship UMD builds, which is why those versions are pinned.
 */
export function graphiqlRouter(): Router {
  const router = Router();
  const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const assets: Record<string, string> = {
    'react.js': join(pkgDir('react'), 'umd/react.production.min.js'),
    'react-dom.js': join(pkgDir('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': join(pkgDir('graphiql'), 'graphiql.min.js'),
    'graphiql.css': join(pkgDir('graphiql'), 'graphiql.min.css'),
  };
  router.get('/graphiql/:file', (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1h' });
  });
  router.get('/graphql', (req, res, next) => {
    if (!req.accepts('html') || req.accepts(['json', 'html']) === 'json') return next();
    res.type('html').send(PAGE);
  });
  return router;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Agency API · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const defaultQuery = [
      '# Log in (demo: owner@demo.agency / demo-owner-2026), then put',
      '# {"Authorization": "Bearer <token>"} into the Headers tab below.',
      'mutation Login {',
      '  login(input: { email: "owner@demo.agency", password: "demo-owner-2026" }) {',
      '    token',
      '    user { email role }',
      '  }',
      '}',
      '',
      'query Clients {',
      '  clients(first: 10) { totalCount edges { node { name lifecycleStage contacts { fullName position } } } }',
      '}',
      '',
    ].join('\\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;
