/**
 * One sample model per document kind and locale, from the renderer tests' own fixtures: what
 * `npm run documents:samples` prints and what the documents benchmark renders. The sizes are
 * those the benchmark measures: a 1-page invoice, a 3-page offer, a 10-page contract.
 */
import { DocumentKind } from '../../src/documents/kinds';
import { bgAct, ruAct } from '../documents/act.fixture';
import { bgEur, ruLong, ruVatIncluded, ruVatOnTop } from '../documents/invoice.fixtures';
import { vatInvoice } from '../documents/vat-invoice.fixture';
import { longOfferModel, offerModel } from './commercial-offer.model';
import { longTemplateText, parsed, sampleContractModel } from './contract-document';
import { meetingProtocolModel } from './meeting-protocol.fixture';
import { formModel } from './satisfaction-form.model';

export type SampleLocale = 'ru' | 'bg' | 'en';
export type SampleSize = 'short' | 'long';

type SampleBuilder = (locale: SampleLocale, size: SampleSize) => unknown;

export const SAMPLES: Partial<Record<DocumentKind, SampleBuilder>> = {
  [DocumentKind.COMMERCIAL_OFFER]: (locale, size) => (size === 'long' ? longOfferModel(locale, 12, 2) : offerModel(locale)),
  [DocumentKind.CONTRACT]: (locale, size) =>
    size === 'long' ? sampleContractModel(locale, { template: parsed(longTemplateText(locale, 8)) }) : sampleContractModel(locale),
  [DocumentKind.ACT]: (locale) => (locale === 'bg' ? bgAct() : ruAct()),
  [DocumentKind.VAT_INVOICE]: () => vatInvoice(),
  [DocumentKind.SATISFACTION_FORM]: (locale) => formModel(locale),
  [DocumentKind.MEETING_PROTOCOL]: (locale, size) => meetingProtocolModel(locale, { items: size === 'long' ? 90 : 3 }),

  [DocumentKind.INVOICE]: (locale, size) => (size === 'long' ? ruLong(60) : locale === 'bg' ? bgEur() : locale === 'en' ? ruVatOnTop() : ruVatIncluded()),
};

/** The fixed creation date of every sample (the same bytes on every run). */
export const SAMPLE_CREATED_AT = new Date('2026-11-22T09:00:00Z');
