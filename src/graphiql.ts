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
  router.get('/graphiql/boot.js', (_req, res) => {
    res.type('js').set('Cache-Control', 'no-cache').send(BOOT);
  });
  router.get('/graphiql/:file', (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1h' });
  });
  router.get('/graphql', (req, res, next) => {
    if (!req.accepts('html') || req.accepts(['json', 'html']) === 'json') return next();
    res.type('html').set('Content-Security-Policy', GRAPHIQL_CSP).send(PAGE);
  });
  return router;
}

/**
 * The page's own policy: scripts only from this server (the boot script is a file, not inline, so
 * no 'unsafe-inline' for scripts and no eval), GraphiQL's CSS inlines its fonts and icons as
 * data: URLs, and its editor sets inline styles. Calls go to this server's /graphql only.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const BOOT = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
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
`;

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
  <script src="/graphiql/boot.js"></script>
</body>
</html>`;
