/**
 * The browser-facing edge: security headers (helmet) and the CORS allow-list (CORS_ORIGINS).
 * The API answers JSON and PDFs, so the default policy allows a page nothing at all; the GraphiQL
 * page (development) sets its own, narrower-than-usual policy (see src/graphiql.ts).
 */
import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from './config';

/** helmet for a JSON API: nothing may run, load or frame; HSTS only where the public address is https. */
export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // a year, this host only: the API does not speak for its parent domain's other hosts
    strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

/** What a front end sends: its JSON, the bearer token, a request id to correlate, Apollo's CSRF header, its language. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'accept-language'];
/** What a front end may read besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'content-disposition', 'etag'];
/** Chrome caps a preflight's cache at 2 h, Firefox at 24 h; 10 min lets a changed list reach browsers soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The CORS allow-list. Bearer tokens, no cookies: credentials stay off, so even a listed origin
 * cannot ride a user's ambient session. A preflight from an origin not on the list is refused
 * (403, no CORS header): the browser blocks the call, and the developer sees why in the network tab.
 * Apollo's CSRF prevention stays on behind this for requests a browser sends without a preflight.
 */
export function corsPolicy(config: AppConfig): RequestHandler {
  const anyOrigin = config.corsOrigins[0] === '*';
  const allowed = new Set(config.corsOrigins);
  const handler = cors({
    origin: anyOrigin ? '*' : (origin, done) => done(null, origin !== undefined && allowed.has(origin.toLowerCase()) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    // the answer differs by Origin, also when it carries no CORS header: caches must keep them apart
    if (!anyOrigin && allowed.size) res.vary('Origin');
    const origin = req.headers.origin;
    if (!origin) return next();
    if (anyOrigin || allowed.has(origin.toLowerCase())) return handler(req, res, next);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.status(403).json({
        errors: [{ message: 'This web address may not call the API from a browser: it is not among the allowed origins', extensions: { code: 'FORBIDDEN' } }],
      });
      return;
    }
    next();
  };
}
