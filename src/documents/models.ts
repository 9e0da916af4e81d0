/**
 * From a kind and a source record to what the renderer needs: each `<kind>.data.ts` exports a
 * builder registered here. The builder reads through the services (so tenancy and portal scope
 * apply), returns null when the source does not exist for this agency, and says who the document
 * is addressed to (the portal sees documents of its own client only) and whether it is a legal
 * record that must keep its first rendering.
 */
import type { AuthedContext } from '../context';
import type { Locale } from '../entities/enums';
import { buildActModel } from './act/act.data';
import { buildContractModel } from './contract/contract.data';
import { DocumentKind } from './kinds';
import { buildMeetingProtocol } from './meeting-protocol/meeting-protocol.data';
import { buildVatInvoiceModel } from './vat-invoice/vat-invoice.data';
import { buildInvoiceModel } from './invoice/invoice.data';

import { buildCommercialOffer } from './commercial-offer/commercial-offer.data';
import { buildSatisfactionForm } from './satisfaction-form/satisfaction-form.data';

export interface BuiltModel<M = unknown> {
  /** the plain view model handed to the renderer (strings, numbers, Uint8Array images) */
  model: M;
  /** the client the document is addressed to */
  clientId: string;
  /** the document's own number when it has one (invoice №, act №, contract №, offer №) */
  number: string | null;
  /** a human file name without extension, in the document's language: "Счёт № 12 от 22.11.2026" */
  fileName: string;
  /**
   * an issued invoice, act or VAT invoice is a legal record: its first rendering is kept and
   * served again; regenerating makes a new version only when asked to
   */
  immutable: boolean;
  /**
   * what identifies an immutable document's legal content: its number and the instant it was
   * issued (and a cancellation). The same revision is served as first rendered, whatever else
   * changed (a payment recorded); a new one (an act revised and issued again) is a new version.
   */
  revision?: string;
  /** false for a print of a draft: the agency's working copy, which the client's portal never shows */
  forClient?: boolean;
}

/**
 * The source exists but this document cannot be made from it (a VAT invoice for an agency that
 * is not a VAT payer, an act not yet issued …). `reason` is a stable code such as
 * NOT_A_VAT_PAYER; the API turns it into the DOCUMENT_NOT_AVAILABLE error result.
 */
export class DocumentUnavailable {
  constructor(readonly reason: string) {}
}

export type ModelBuilder<M = unknown> = (ctx: AuthedContext, sourceId: string, locale: Locale) => Promise<BuiltModel<M> | DocumentUnavailable | null>;

/** kind → builder; each `<kind>.data.ts` adds its own line here. */
export const MODEL_BUILDERS: Partial<Record<DocumentKind, ModelBuilder>> = {
  // called through arrows: a builder's module imports DocumentUnavailable from this one
  [DocumentKind.ACT]: (ctx, id, locale) => buildActModel(ctx, id, locale),
  [DocumentKind.VAT_INVOICE]: (ctx, id, locale) => buildVatInvoiceModel(ctx, id, locale),
  [DocumentKind.CONTRACT]: (ctx, id, locale) => buildContractModel(ctx, id, locale),
  [DocumentKind.INVOICE]: (ctx, id, locale) => buildInvoiceModel(ctx, id, locale),

  [DocumentKind.COMMERCIAL_OFFER]: (ctx, id, locale) => buildCommercialOffer(ctx, id, locale),
  [DocumentKind.SATISFACTION_FORM]: (ctx, id, locale) => buildSatisfactionForm(ctx, id, locale),
  [DocumentKind.MEETING_PROTOCOL]: (ctx, id, locale) => buildMeetingProtocol(ctx, id, locale),
};
