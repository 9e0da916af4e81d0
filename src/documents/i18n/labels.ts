/**
 * Document labels go through the same i18n layer as the API's messages: one i18next instance,
 * a `documents` namespace. Every kind registers its labels here, so a document asks
 * `l('invoice.title')` in its locale and a missing translation is caught by a test, not printed.
 */
import { i18n, type Locale } from '../../i18n';
import { meetingProtocolLabels } from '../meeting-protocol/meeting-protocol.labels';
import { commercialOfferLabels } from '../commercial-offer/commercial-offer.labels';
import { satisfactionFormLabels } from '../satisfaction-form/satisfaction-form.labels';
import { contractLabels } from '../contract/contract.labels';

import { actLabels } from '../act/act.labels';
import { vatInvoiceLabels } from '../vat-invoice/vat-invoice.labels';
import { invoiceLabels } from '../invoice/invoice.labels';
import { commonLabels } from './common.labels';
import { reportLabels } from '../report/report.labels';

type Bundle = Record<'ru' | 'bg' | 'en', Record<string, unknown>>;

/** Every kind's labels, keyed by the prefix its keys are read under. */
export const LABEL_BUNDLES: Record<string, Bundle> = {
  common: commonLabels,
  meetingProtocol: meetingProtocolLabels,
  commercialOffer: commercialOfferLabels,
  satisfactionForm: satisfactionFormLabels,
  contract: contractLabels,

  act: actLabels,
  vatInvoice: vatInvoiceLabels,
  invoice: invoiceLabels,
  report: reportLabels,
};

let registered = false;

function register(): void {
  if (registered) return;
  const instance = i18n();
  for (const [prefix, bundle] of Object.entries(LABEL_BUNDLES)) {
    for (const lng of ['ru', 'bg', 'en'] as const) instance.addResourceBundle(lng, 'documents', { [prefix]: bundle[lng] }, true, true);
  }
  registered = true;
}

/** Reads a document label: `l('common.page', { page: 1, pages: 3 })`. */
export type Labeller = (key: string, params?: Record<string, unknown>) => string;

const labellers = new Map<Locale, Labeller>();

/** One labeller per locale for the process: every render asks for one. */
export function documentLabels(locale: Locale): Labeller {
  let labeller = labellers.get(locale);
  if (!labeller) {
    register();
    const t = i18n().getFixedT(locale, 'documents');
    labeller = (key, params) => t(key, params) as string;
    labellers.set(locale, labeller);
  }
  return labeller;
}
