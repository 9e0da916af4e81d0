/**
 * GET /documents/<id>.pdf: the stored PDF, for a bearer token or a signed link (`?token=`, see
 * GeneratedDocument.documentUrl). The document is read through the actor's scope, so another
 * agency's document and, for a portal user, another client's read exactly like a missing one
 * (404). The bytes go out as they are stored, with the SHA-256 as the ETag (304 when unchanged).
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { newContext, type AppServices, type AuthedContext } from '../context';
import { keyOfEnglish, localeFromAcceptLanguage, t, type Locale } from '../i18n';
import { contentDisposition, etagMatches } from '../services/document.rules';
import { documentBytes, getDocument } from '../services/document.reads';
import { authenticate, authenticateDocumentLink } from '../services/auth.service';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i;

function refuse(res: Response, status: 401 | 404, locale: Locale, message: string): void {
  res.status(status).set('Cache-Control', 'no-store');
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res.json({ error: status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND', message });
}

export function documentDownloadRouter(services: AppServices): Router {
  const router = Router();
  router.get('/documents/:file', async (req: Request, res: Response) => {
    const anonymous = localeFromAcceptLanguage(req.headers['accept-language']);
    const m = FILE.exec(String(req.params.file));
    if (!m) return refuse(res, 404, anonymous, t(anonymous, 'errors.notFound.GeneratedDocument'));
    const id = m[1].toLowerCase();
    const link = typeof req.query.token === 'string' ? req.query.token : null;
    // a bearer token wins over a link: it is what the caller sent on purpose
    const auth = req.headers.authorization
      ? await authenticate(services, req)
      : link
        ? await authenticateDocumentLink(services, link, id)
        : { actor: null, authError: null };
    if (!auth.actor) {
      const key = (auth.authError && keyOfEnglish(auth.authError)) || 'errors.unauthenticated.required';
      return refuse(res, 401, anonymous, t(anonymous, key as never));
    }
    const locale = auth.locale ?? anonymous;
    const requestId = String((req as Request & { id?: unknown }).id ?? randomUUID());
    const ctx = newContext<AuthedContext>({
      requestId,
      actor: auth.actor,
      authError: null,
      locale,
      manager: services.dataSource.manager,
      app: services,
      logger: services.logger.child({ requestId, userId: auth.actor.userId }),
    });
    const doc = await getDocument(ctx, id);
    if (!doc) return refuse(res, 404, locale, t(locale, 'errors.notFound.GeneratedDocument'));
    const etag = `"${doc.sha256}"`;
    res.set({
      ETag: etag,
      // the same URL serves the same bytes; caches outside the browser keep nothing
      'Cache-Control': 'private, max-age=0, must-revalidate',
      'X-Content-Type-Options': 'nosniff',
    });
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const bytes = await documentBytes(ctx, id);
    if (!bytes) return refuse(res, 404, locale, t(locale, 'errors.notFound.GeneratedDocument'));
    res.status(200).set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(doc.fileName, doc.locale, req.query.download === '1' || req.query.download === 'true'),
    });
    // the bytea arrives as a Buffer: written to the socket as it is, never re-encoded
    res.end(bytes);
  });
  return router;
}
