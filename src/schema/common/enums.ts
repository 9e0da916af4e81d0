import { registerEnumType } from 'type-graphql';
import { CurrencyCode, Locale, PriceBasis, RejectionReason, ToolMixBasis } from '../../entities/enums';

/* Enums several aggregates share. An aggregate's own enums are registered next to it, in src/schema/<stem>/<stem>.enums.ts. */

registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of documents and messages.',
  valuesConfig: {
    RU: { description: 'Russian (the default language of documents).' },
    BG: { description: 'Bulgarian.' },
    EN: { description: 'English.' },
  },
});
registerEnumType(CurrencyCode, {
  name: 'CurrencyCode',
  description: 'ISO 4217 currency code.',
  valuesConfig: {
    RUB: { description: 'Russian rouble.' },
    EUR: { description: 'Euro (also the currency of Bulgaria since 2026-01-01).' },
    BGN: { description: 'Bulgarian lev: for supplies and issues before 2026-01-01 only.' },
    USD: { description: 'US dollar.' },
  },
});

registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: 'Why a proposal was rejected or a deal lost.',
  valuesConfig: {
    PRICE: { description: 'Too expensive for the client.' },
    TIMING: { description: 'Not now: the timing does not suit the client.' },
    COMPETITOR: { description: 'The client chose another agency or contractor.' },
    SCOPE: { description: 'The proposed work does not match what the client wants.' },
    NO_BUDGET: { description: 'The client has no budget for it.' },
    NO_RESPONSE: { description: 'The client stopped answering.' },
    NO_NEED: { description: 'The client does not need the service (any more).' },
    DISSATISFIED: { description: 'The client is unhappy with the agency (results, deadlines, service).' },
    OTHER: { description: 'Another reason, explained in the note.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: A to Z, oldest first, smallest first.' },
    DESC: { description: 'Descending: Z to A, newest first, largest first.' },
  },
});

registerEnumType(ToolMixBasis, {
  name: 'ToolMixBasis',
  description: 'What the 70/20/10 shares are of: the agency chooses which one gates sending a proposal.',
  valuesConfig: {
    BUDGET_SHARE: { description: 'Shares of the media budget (the default); a plan without media budget (fees only: SEO, SMM, web work) is measured by tool count.' },
    TOOL_COUNT: { description: 'Shares of the number of tools proposed (distinct channels per category), whatever their budgets.' },
  },
});

registerEnumType(PriceBasis, {
  name: 'PriceBasis',
  description:
    'Whether the prices of an offer, a contract and its documents include VAT or add it on top. Irrelevant for an agency that is not a VAT payer (its documents are without VAT).',
  valuesConfig: {
    VAT_INCLUDED: {
      description: 'Prices include VAT («в т.ч. НДС», «с включен ДДС»): the price is what the client pays; the VAT part is extracted, vat = round(price × rate / (100 + rate), 2).',
    },
    VAT_ON_TOP: { description: 'Prices are net («без НДС», «без ДДС»): VAT at the rate of the date is added, vat = round(price × rate / 100, 2).' },
  },
});
