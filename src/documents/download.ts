/**
 * GET /documents/<id>.pdf: the stored PDF, for a bearer token or a signed link (`?token=`, see
 * GeneratedDocument.documentUrl). The document is read through the actor's scope, so another
 * agency's document and, for a portal user, another client's read exactly like a missing one
 * (404). The bytes go out as they are stored, with the SHA-256 as the ETag (304 when unchanged).
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { newContext, noUsage, type AppServices, type AuthedContext } from '../context';
import { keyOfEnglish, localeFromAcceptLanguage, t, type Locale } from '../i18n';
import { contentDisposition, etagMatches } from '../services/document.rules';
import { documentBytes, getDocument } from '../services/document.reads';
import { authenticate, authenticateDocumentLink } from '../services/auth.service';
import { getReport, reportPdf } from '../services/report.service';
import { reportFileName } from './report/report.file-name';
import { actorUnit } from '../services/scope';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i;

function refuse(res: Response, status: 401 | 404, locale: Locale, message: string): void {
  res.status(status).set('Cache-Control', 'no-store');
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res.json({ error: status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND', message });
}

/** What a download route serves: the record's metadata (null when the reader may not see it), then its bytes. */
interface Downloadable {
  notFoundKey: 'errors.notFound.GeneratedDocument' | 'errors.notFound.Report';
  find(ctx: AuthedContext, id: string): Promise<{ sha256: string; fileName: string; locale: Locale } | null>;
  bytes(ctx: AuthedContext, id: string): Promise<Buffer | null>;
}

const DOCUMENTS: Downloadable = {
  notFoundKey: 'errors.notFound.GeneratedDocument',
  find: (ctx, id) => getDocument(ctx, id),
  bytes: (ctx, id) => documentBytes(ctx, id),
};

/** A report's PDF: a portal user reads published reports of its own client only (the report's scope). */
const REPORTS: Downloadable = {
  notFoundKey: 'errors.notFound.Report',
  async find(ctx, id) {
    const r = await getReport(ctx, id);
    return r?.pdfSha256 ? { sha256: r.pdfSha256, fileName: reportFileName(r), locale: r.locale } : null;
  },
  bytes: async (ctx, id) => (await reportPdf(ctx, id))?.bytes ?? null,
};

export function documentDownloadRouter(services: AppServices): Router {
  const router = Router();
  router.get('/documents/:file', (req: Request, res: Response) => serve(services, DOCUMENTS, req, res));
  router.get('/reports/:file', (req: Request, res: Response) => serve(services, REPORTS, req, res));
  return router;
}

async function serve(services: AppServices, kind: Downloadable, req: Request, res: Response): Promise<void> {
  {
    const anonymous = localeFromAcceptLanguage(req.headers['accept-language']);
    const m = FILE.exec(String(req.params.file));
    if (!m) return refuse(res, 404, anonymous, t(anonymous, kind.notFoundKey));
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
      usage: noUsage(),
      requestId,
      actor: auth.actor,
      authError: null,
      locale,
      // the link's agency, behind row-level security: each statement its own transaction
      manager: actorUnit(services, auth.actor).manager,
      app: services,
      logger: services.logger.child({ requestId, userId: auth.actor.userId }),
    });
    const doc = await kind.find(ctx, id);
    if (!doc) return refuse(res, 404, locale, t(locale, kind.notFoundKey));
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
    const bytes = await kind.bytes(ctx, id);
    if (!bytes) return refuse(res, 404, locale, t(locale, kind.notFoundKey));
    res.status(200).set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(doc.fileName, doc.locale, req.query.download === '1' || req.query.download === 'true'),
    });
    // the bytea arrives as a Buffer: written to the socket as it is, never re-encoded
    res.end(bytes);
  }
}
