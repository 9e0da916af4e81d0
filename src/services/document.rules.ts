/**
 * Pure rules of generated documents: what identifies a rendering's content, file names (the
 * document's own and an ASCII one for old clients) and the Content-Disposition of a download.
 */
import { createHash } from 'node:crypto';
import { DocumentKind } from '../documents/kinds';
import type { Locale } from '../entities/enums';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A digest of what a rendering shows: the kind, the language and the view model (images by their
 * own digest). Two builds with the same digest render the same document, whatever the clock says.
 */
export function modelSha256(kind: DocumentKind, locale: Locale, model: unknown): string {
  const json = JSON.stringify({ kind, locale, model }, function (this: Record<string, unknown>, key: string, value: unknown) {
    // the holder's own value: JSON.stringify has already turned a Buffer into { type, data } here
    const raw = this[key];
    return raw instanceof Uint8Array ? { sha256: sha256Hex(raw) } : value;
  });
  return sha256Hex(json);
}

/** The record a kind is made from, as NOT_FOUND names it when it is not the agency's. */
const SOURCE_ENTITY: Partial<Record<DocumentKind, string>> = {
  [DocumentKind.MEETING_PROTOCOL]: 'Meeting',
  [DocumentKind.COMMERCIAL_OFFER]: 'Proposal',
  [DocumentKind.CONTRACT]: 'Contract',
  [DocumentKind.INVOICE]: 'Invoice',
  [DocumentKind.ACT]: 'Act',
};

export function sourceEntity(kind: DocumentKind): string {
  return SOURCE_ENTITY[kind] ?? 'DocumentSource';
}

const MAX_FILE_NAME = 200;

/** The stored file name: the builder's name without characters file systems refuse, with ".pdf". */
export function pdfFileName(name: string): string {
  const clean = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FILE_NAME)
    // "… 20.11.2025 г." must not end in "г..pdf" (Windows drops trailing dots anyway)
    .replace(/[.\s]+$/, '');
  return `${clean || 'document'}.pdf`;
}

// Russian: the common practical romanisation (ё → e, й → y, х → kh, щ → shch, hard and soft signs dropped)
const RU: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
// Bulgarian: the official streamlined system (Transliteration Act 2009: х → h, щ → sht, ъ → a)
const BG: Record<string, string> = { ...RU, х: 'h', щ: 'sht', ъ: 'a', ь: 'y', й: 'y' };

/** Cyrillic in Latin letters by the language's own rules (Russian's for English documents). */
export function transliterate(text: string, locale: Locale): string {
  const table = locale === 'bg' ? BG : RU;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) out += ch;
    else if (ch === lower || latin === '') out += latin;
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** The file name in ASCII for clients that ignore `filename*`: "Протокол встречи от 22.11.2026.pdf" → "Protokol-vstrechi-ot-22.11.2026.pdf". */
export function asciiFileName(fileName: string, locale: Locale): string {
  const base = fileName.replace(/\.pdf$/i, '');
  const ascii = transliterate(base, locale)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${ascii || 'document'}.pdf`;
}

/** RFC 5987 ext-value characters: what encodeURIComponent leaves, minus ' ( ) *. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `inline; filename="Protokol-….pdf"; filename*=UTF-8''%D0%9F…` (RFC 6266): browsers show the
 * name in the document's language, older clients the transliterated one; `attachment` to download.
 */
export function contentDisposition(fileName: string, locale: Locale, download: boolean): string {
  return `${download ? 'attachment' : 'inline'}; filename="${asciiFileName(fileName, locale)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Whether an If-None-Match header names this entity tag (weak comparison, lists and `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Where a document is downloaded with a bearer token (and, with `?token=`, by a signed link). */
export function downloadPath(id: string): string {
  return `/documents/${id}.pdf`;
}
