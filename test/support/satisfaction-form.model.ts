/** Hand-built satisfaction-form models for the renderer tests (no database). */
import type { SatisfactionFormModel } from '../../src/documents/satisfaction-form/satisfaction-form.model';
import { offerModel } from './commercial-offer.model';

type Locale = 'ru' | 'bg' | 'en';

const CLIENTS: Record<Locale, [string, string]> = {
  ru: ['Северный ветер', 'АО «Северный ветер»'],
  bg: ['Северен вятър', 'Северен вятър АД'],
  en: ['North Wind', 'North Wind JSC'],
};

/** The form for the client of the offer fixtures, printed on 22 November 2026 by its agency. */
export function formModel(locale: Locale): SatisfactionFormModel {
  const offer = offerModel(locale);
  return {
    clientName: CLIENTS[locale][0],
    clientLegalName: CLIENTS[locale][1],
    agency: offer.agency,
    managerName: offer.manager!.fullName,
    date: '2026-11-22',
    logo: null,
  };
}
