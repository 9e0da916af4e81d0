import type { AuthedContext } from '../context';
import type { DocumentKind } from '../documents/kinds';
import { MODEL_BUILDERS, DocumentUnavailable } from '../documents/models';
import { isRenderable } from '../documents/render';
import { GeneratedDocument } from '../entities';
import type { Locale } from '../entities/enums';
import type { Job } from '../entities/job.entity';
import { NotFoundError } from '../errors';
import { msg, render } from '../i18n';
import { renderErrorResult } from '../i18n/error-results';
import type { GenerateDocumentInput, GenerateDocumentsInput } from '../schema/document/document.inputs';
import { DocumentNotAvailableError } from '../schema/document/document.results';
import { getOwnAgency } from './agency.service';
import { downloadPath, modelSha256, pdfFileName, sha256Hex, sourceEntity } from './document.rules';
import { latestVersion } from './document.reads';
import { enqueueJob, jobErrorOf } from './job.service';
import { agencyLock, detachedContext, scoped, withTransaction } from './scope';

/**
 * Generates a document from its source and stores it as the next version, or returns the latest
 * version unchanged: for an immutable one while its revision is the same (an issued invoice is
 * served as first made, even after payments; an act revised and issued again is a new version),
 * and for any other when nothing it shows has changed (same view model), so a second click
 * stores nothing. `newVersion: true` always renders and stores a new version.
 *
 * The model is built and rendered (on the render pool) before the transaction; the insert then
 * takes the agency's lock on (kind, source, language), so versions are gapless under concurrency
 * and two first requests for an immutable document store one version.
 */
export async function generateDocument(
  ctx: AuthedContext,
  input: GenerateDocumentInput,
  now: Date = new Date(),
): Promise<GeneratedDocument | DocumentNotAvailableError> {
  const { kind, sourceId } = input;
  const builder = MODEL_BUILDERS[kind];
  if (!builder || !isRenderable(kind)) return new DocumentNotAvailableError('NOT_SUPPORTED');
  const locale = input.locale ?? (await getOwnAgency(ctx)).locale;
  const built = await builder(ctx, sourceId, locale);
  if (built === null) throw new NotFoundError(sourceEntity(kind), 'input.sourceId');
  if (built instanceof DocumentUnavailable) return new DocumentNotAvailableError(built.reason);

  const key = { kind, sourceId, locale };
  // an immutable document is identified by its revision (a payment does not make a new one, a
  // re-issue does); any other by everything it shows
  const modelSha = built.immutable ? modelSha256(kind, locale, { revision: built.revision ?? built.number }) : modelSha256(kind, locale, built.model);
  const reusable = (doc: GeneratedDocument | null): boolean => !input.newVersion && doc !== null && doc.modelSha256 === modelSha;
  const latest = await latestVersion(ctx, key);
  if (latest && reusable(latest)) return latest;

  const rendered = await ctx.app.renderPool.render(kind, built.model, { locale, createdAt: now });
  const bytes = Buffer.from(rendered.bytes);
  return withTransaction(ctx, async (tx) => {
    await agencyLock(tx, 'document-version', kind, sourceId, locale);
    // what a concurrent request stored meanwhile counts like what was there before
    const current = await latestVersion(tx, key);
    if (current && reusable(current)) return current;
    return scoped(tx, GeneratedDocument).insert({
      clientId: built.clientId,
      kind,
      sourceId,
      version: (current?.version ?? 0) + 1,
      locale,
      number: built.number,
      fileName: pdfFileName(built.fileName),
      bytes,
      byteSize: bytes.length,
      pageCount: rendered.pageCount,
      sha256: sha256Hex(bytes),
      modelSha256: modelSha,
      immutable: built.immutable,
      forClient: built.forClient ?? true,
      createdAt: now,
      createdById: tx.actor.userId,
    });
  });
}

/**
 * A link that opens the PDF without a bearer token, for `documentUrl`: signed for the caller (and
 * their current token version), valid `DOCUMENT_LINK_TTL_SECONDS` (5 minutes by default).
 */
export async function signedDocumentUrl(ctx: AuthedContext, doc: GeneratedDocument): Promise<string> {
  const user = await ctx.loaders.userById.load(ctx.actor.userId);
  if (!user) throw new NotFoundError('User');
  const { token } = await ctx.app.tokens.issueDocumentLink(
    { sub: user.id, documentId: doc.id, ver: user.tokenVersion },
    ctx.app.config.documentLinkTtlSeconds,
  );
  return `${downloadPath(doc.id)}?token=${encodeURIComponent(token)}`;
}

/** The queue's kind of a batch of documents (src/jobs/document-batch.job.ts). */
export const GENERATE_DOCUMENTS_JOB = 'documents.generate-batch';

/** What a `documents.generate-batch` job is asked to make: the language is fixed when it is asked for, so a retry makes the same documents. */
export interface GenerateDocumentsPayload {
  kind: DocumentKind;
  sourceIds: string[];
  locale: Locale;
}

/** What a batch job ends with: each source either generated (or its unchanged latest version reused) or failed. */
export interface DocumentBatchResult {
  generated: { sourceId: string; documentId: string }[];
  failed: { sourceId: string; code: string; message: string; reason?: string }[];
}

/** Enqueues the generation of one kind of document from many records; progress and the documents' ids are read through job(id). */
export async function generateDocuments(ctx: AuthedContext, input: GenerateDocumentsInput): Promise<Job> {
  const locale = input.locale ?? (await getOwnAgency(ctx)).locale;
  return enqueueJob<GenerateDocumentsPayload>(ctx, GENERATE_DOCUMENTS_JOB, { kind: input.kind, sourceIds: input.sourceIds, locale });
}

/**
 * The body of the batch job: each document in turn through generateDocument, so rules, numbering,
 * immutability and reuse are those of a single one. A record that is missing (or another
 * agency's) or cannot give this document is a failed item; anything else is thrown and fails the
 * run, which the queue retries: a retry finds what the failed run stored and reuses it (the
 * latest version of the same revision or model), so it stores no second copy. Hence no
 * `newVersion` in a batch: it would defeat exactly that.
 */
export async function runDocumentBatch(
  ctx: AuthedContext,
  p: GenerateDocumentsPayload,
  progress: (percent: number, message: string) => Promise<void> = async () => undefined,
): Promise<DocumentBatchResult> {
  const result: DocumentBatchResult = { generated: [], failed: [] };
  const total = p.sourceIds.length;
  for (const [i, sourceId] of p.sourceIds.entries()) {
    // loaders of its own per document: a long batch neither grows one cache nor reads a stale one
    const itemCtx = detachedContext(ctx, GENERATE_DOCUMENTS_JOB);
    try {
      const out = await generateDocument(itemCtx, { kind: p.kind, sourceId, locale: p.locale });
      if (out instanceof DocumentNotAvailableError) {
        const message = renderErrorResult(ctx.locale, 'DocumentNotAvailableError', { ...out });
        result.failed.push({ sourceId, code: out.code, message, reason: out.reason });
      } else {
        result.generated.push({ sourceId, documentId: out.id });
      }
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      result.failed.push({ sourceId, ...jobErrorOf(ctx, err) });
    }
    const done = i + 1;
    await progress(Math.floor((100 * done) / total), render(ctx.locale, msg('jobs.documentsProgress', { done, total })));
  }
  return result;
}
