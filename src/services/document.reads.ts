import { isUUID } from 'class-validator';
import type { AuthedContext } from '../context';
import type { DocumentKind } from '../documents/kinds';
import { GeneratedDocument } from '../entities';
import type { Locale } from '../entities/enums';
import type { DocumentsArgs } from '../schema/document/document.args';
import { latestFirst, matching, paginate } from './pagination';
import { scoped } from './scope';

/** Generated documents as read: metadata only (the bytes are read alone, by documentBytes). */

/** null when missing, another agency's, or (for a portal user) not of its client. */
export function getDocument(ctx: AuthedContext, id: string): Promise<GeneratedDocument | null> {
  return scoped(ctx, GeneratedDocument).findById(id);
}

/** Documents visible to the actor, newest first. */
export function listDocuments(ctx: AuthedContext, args: DocumentsArgs) {
  const f = args.filter;
  const qb = matching(scoped(ctx, GeneratedDocument).query('d'), 'd', { kind: f?.kind, sourceId: f?.sourceId, clientId: f?.clientId });
  return paginate(qb, args, latestFirst('d', 'createdAt'));
}

/** The latest version of a document (kind, source, language), metadata only. */
export function latestVersion(ctx: AuthedContext, key: { kind: DocumentKind; sourceId: string; locale: Locale }): Promise<GeneratedDocument | null> {
  return scoped(ctx, GeneratedDocument)
    .query('d')
    .andWhere('d.kind = :kind AND d."sourceId" = :sourceId AND d.locale = :locale', key)
    .orderBy('d.version', 'DESC')
    .limit(1)
    .getOne();
}

/** The PDF bytes of a document the actor may see, and nothing else of the row; null otherwise. */
export async function documentBytes(ctx: AuthedContext, id: string): Promise<Buffer | null> {
  if (!isUUID(id)) return null;
  const row = await scoped(ctx, GeneratedDocument).query('d').select('d.id').addSelect('d.bytes').andWhere('d.id = :id', { id }).getOne();
  return row?.bytes ?? null;
}
