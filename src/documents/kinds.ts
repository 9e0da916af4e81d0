/**
 * The documents the platform produces. Each kind has a view-model builder (`<kind>.data.ts`,
 * reads through the services) and a renderer (`<kind>.document.ts`, pure: model in, bytes out).
 */
export enum DocumentKind {
  MEETING_PROTOCOL = 'MEETING_PROTOCOL',
  COMMERCIAL_OFFER = 'COMMERCIAL_OFFER',
  CONTRACT = 'CONTRACT',
  INVOICE = 'INVOICE',
  ACT = 'ACT',
  VAT_INVOICE = 'VAT_INVOICE',
  SATISFACTION_FORM = 'SATISFACTION_FORM',
}

/**
 * The kinds a client-portal user may read (of its own client): every document the agency makes
 * for a client; an internal kind would be left out here.
 */
export const PORTAL_DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);

/** Reports are rendered by the same engine and pool, but kept with their own records (not in `documents`). */
export const REPORT_RENDER_KIND = 'REPORT' as const;

/** Everything the render pool draws: the stored document kinds and reports. */
export type RenderKind = DocumentKind | typeof REPORT_RENDER_KIND;

export interface RenderOptions {
  locale: 'ru' | 'bg' | 'en';
  /** the creation date printed in the file's metadata (fixed in tests for identical bytes) */
  createdAt: Date;
}
