/**
 * One entry point from a kind and its view model to PDF bytes. It runs wherever it is called: in
 * a worker thread of the render pool (src/documents/pool.ts) in the server, in-process in tests
 * and in the benchmark. Models are plain data (strings, numbers, Uint8Array images), so they
 * cross the thread boundary by structured clone.
 */
import { renderAct } from './act/act.document';

import { renderCommercialOffer } from './commercial-offer/commercial-offer.document';
import type { RenderedDocument } from './layout/create-document';
import { renderSatisfactionForm } from './satisfaction-form/satisfaction-form.document';
import { renderContract } from './contract/contract.document';

import { renderVatInvoice } from './vat-invoice/vat-invoice.document';
import { renderInvoice } from './invoice/invoice.document';
import { DocumentKind, REPORT_RENDER_KIND, type RenderKind, type RenderOptions } from './kinds';
import { renderReport } from './report/report.document';
import { renderMeetingProtocol } from './meeting-protocol/meeting-protocol.document';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Renderer = (model: any, options: RenderOptions) => Promise<RenderedDocument>;

/** kind → renderer; each `<kind>.document.ts` adds its own line here. */
const RENDERERS: Partial<Record<RenderKind, Renderer>> = {
  [DocumentKind.MEETING_PROTOCOL]: renderMeetingProtocol,
  [DocumentKind.COMMERCIAL_OFFER]: renderCommercialOffer,
  [DocumentKind.SATISFACTION_FORM]: renderSatisfactionForm,
  [DocumentKind.CONTRACT]: renderContract,

  [DocumentKind.ACT]: renderAct,
  [DocumentKind.VAT_INVOICE]: renderVatInvoice,
  [DocumentKind.INVOICE]: renderInvoice,
  [REPORT_RENDER_KIND]: renderReport,
};

export function isRenderable(kind: DocumentKind): boolean {
  return RENDERERS[kind] !== undefined;
}

export async function renderDocument(kind: RenderKind, model: unknown, options: RenderOptions): Promise<RenderedDocument> {
  const renderer = RENDERERS[kind];
  if (!renderer) throw new Error(`No renderer for document kind ${kind}`);
  const out = await renderer(model, { ...options, createdAt: new Date(options.createdAt) });
  return out;
}
