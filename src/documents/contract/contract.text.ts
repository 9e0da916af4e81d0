/**
 * The contract's text in the document's language, from the model alone (pure): the values of the
 * template's placeholders, the VAT clause, the preamble naming the parties and their signatories,
 * and the payment terms of the schedule.
 */
import { VatRegime, type Locale } from '../../entities/enums';
import { calendarDays, renderContractTemplate, type NumberedTemplate, type Placeholder } from './contract-template';
import { amountInWords } from '../i18n/amount-in-words';
import type { DocumentLocale } from '../i18n/codes';
import { documentLabels, type Labeller } from '../i18n/labels';
import { positionGenitive, shortName, signatoryGenitive } from '../i18n/ru-genitive';
import { formatDate, formatMoney, formatPercent } from '../layout/format';
import type { PartyModel } from '../shared/party.data';
import type { ContractModel, ContractScheduleItemModel } from './contract.model';

/** "Договор № Д-2026-0001 от 15.01.2026": file name, metadata title and running header. */
export function contractDocName(model: Pick<ContractModel, 'number' | 'contractDate'>, locale: Locale): string {
  const l = documentLabels(locale);
  const date = formatDate(model.contractDate, locale, 'short');
  return model.number ? l('contract.docName', { number: model.number, date }) : l('contract.docNameUnnumbered', { date });
}

/** The company identifier a party is known by, with its name: «ИНН 7707083893», «ЕИК 831902088». */
export function taxIdOf(p: PartyModel, l: Labeller): string | null {
  if (p.inn) return `${l('common.inn')} ${p.inn}`;
  if (p.eik) return `${l('common.eik')} ${p.eik}`;
  if (p.vatNumber) return `${l('common.vatNumber')} ${p.vatNumber}`;
  return null;
}

/** How a signatory's name is printed: "Орлова Е. П." for a Russian full name, else as stored. */
export function signatoryName(name: string | null): string | null {
  const trimmed = name?.trim();
  return trimmed ? shortName(trimmed) : null;
}

/**
 * A value as running text needs it: an amount never breaks between its digit groups (the thin
 * space of the table format becomes a no-break space) and a date keeps "2026 г." together.
 */
function unbroken(text: string): string {
  return text.replace(/\u2009/g, '\u00a0').replace(/(\d) (г\.)/g, '$1\u00a0$2');
}

function longDate(iso: string, locale: DocumentLocale): string {
  return unbroken(formatDate(iso, locale, 'long'));
}

/** The long date, or a blank to fill in by hand. */
function longDateOrBlank(iso: string | null, locale: DocumentLocale, l: Labeller): string {
  return iso ? longDate(iso, locale) : l('contract.dateBlank');
}

/** An amount in running text: "146 400,00 руб.", "146,400.00 RUB". */
function moneyInText(amount: string, model: ContractModel, locale: DocumentLocale, l: Labeller): string {
  return `${unbroken(formatMoney(amount, locale))}\u00a0${l(`contract.currency${model.currency}`)}`;
}

/** "в том числе НДС 22% — 18 032,79 ₽", "НДС не облагается в связи с …": the end of the sentence on the price. */
export function vatClause(model: ContractModel, locale: DocumentLocale, l: Labeller): string {
  const { vat } = model;
  // written like the price it continues: "146 400,00 руб.", "146,400.00 RUB"
  const money = (amount: string) => moneyInText(amount, model, locale, l);
  if (vat.rate !== null) {
    const rate = formatPercent(vat.rate, locale);
    return model.priceBasis === 'VAT_INCLUDED'
      ? l('contract.vatIncluded', { rate, vat: money(vat.vat) })
      : l('contract.vatOnTop', { rate, vat: money(vat.vat), gross: money(vat.gross) });
  }
  if (vat.customNote) return vat.customNote;
  if (vat.regime === VatRegime.RU_USN_WITHOUT_VAT) return l('contract.vatExemptUsn');
  if (vat.regime === VatRegime.BG_NOT_REGISTERED) return l('contract.vatExemptNotRegistered');
  return l('contract.vatNone');
}

/** The contract number, or a blank line for a draft. */
export function numberOrBlank(model: ContractModel, l: Labeller): string {
  return model.number ?? l('contract.blank');
}

/** Every placeholder's value; a fact the contract does not have yet is a blank line to fill in by hand. */
export function placeholderValues(model: ContractModel, locale: DocumentLocale, l: Labeller): Record<Placeholder, string> {
  const blank = l('contract.blank');
  const { agency, client } = model;
  return {
    'agency.legalName': agency.name,
    'agency.taxId': taxIdOf(agency, l) ?? blank,
    'agency.address': agency.address ?? blank,
    'agency.signatoryName': signatoryName(agency.signatoryName) ?? blank,
    'agency.signatoryPosition': agency.signatoryPosition?.trim() || blank,
    'client.legalName': client.name,
    'client.taxId': taxIdOf(client, l) ?? blank,
    'client.address': client.address ?? blank,
    'contract.number': numberOrBlank(model, l),
    'contract.date': longDate(model.contractDate, locale),
    'contract.subject': model.subject,
    'contract.amount': unbroken(formatMoney(model.amount, locale)),
    'contract.amountInWords': amountInWords(model.amount, model.currency, locale),
    'contract.currency': l(`contract.currency${model.currency}`),
    'contract.vatClause': vatClause(model, locale, l),
    'contract.startsOn': longDateOrBlank(model.startsOn, locale, l),
    'contract.endsOn': longDateOrBlank(model.endsOn, locale, l),
    'contract.actSignDays': calendarDays(model.actSignDays, locale as Locale).replace(' ', '\u00a0'),
  };
}

/** Marks the end of a value that ends with a full stop, so the sentence's own stop is not doubled. */
const STOP = '\ue000';

/**
 * The template with its placeholders filled, numbered. A value ending with a full stop ("руб.",
 * "2026 г.") at the end of a sentence takes the sentence's stop: "… 22 000,00 руб." not "руб..".
 */
export function contractClauses(model: ContractModel, locale: DocumentLocale, l: Labeller): NumberedTemplate {
  const values = placeholderValues(model, locale, l);
  for (const key of Object.keys(values) as Placeholder[]) if (values[key].endsWith('.')) values[key] += STOP;
  const tidy = (text: string) => text.replace(/\.\ue000\./g, '.').replace(/\ue000/g, '');
  const filled = renderContractTemplate(model.template, values);
  return {
    preamble: filled.preamble.map(tidy),
    sections: filled.sections.map((s) => ({ ...s, heading: tidy(s.heading), clauses: s.clauses.map((c) => ({ ...c, text: tidy(c.text) })) })),
  };
}

/** A Russian sole trader (ИП) has a 12-digit INN; a Bulgarian one (ЕТ) says so in its name. */
function isSoleTrader(p: PartyModel): boolean {
  return (p.inn?.length ?? 0) === 12 || /(^|[\s„"«])ЕТ([\s„"«]|$)/.test(p.name);
}

/**
 * Whether a position heads the company and so represents it by its charter (or by law) rather
 * than by a power of attorney: a general, executive or sole director, a managing partner, a chair
 * (ru, bg, en). A commercial or marketing director signs by a power of attorney.
 */
export function headsTheCompany(position: string): boolean {
  const p = position.trim().toLowerCase();
  return (
    /^(генеральн\S*|исполнительн\S*|изпълнител\S*)\s+директор|^директор$|^управляющ|^президент|^председател|^управител|^(managing|executive|general)\s+director|^director$|^ceo$|^chief executive|^general manager|^president|^chair/.test(p)
  );
}

/** "в лице Генерального директора Ивановой А. И., действующей на основании Устава" and its bg / en forms. */
function representative(p: PartyModel, locale: DocumentLocale, l: Labeller): string {
  const name = p.signatoryName?.trim();
  if (!name) return l('contract.representativeBlank');
  const position = p.signatoryPosition?.trim() || null;
  const basis = l(position && headsTheCompany(position) ? 'contract.basisCharter' : 'contract.basisProxy');
  if (locale === 'ru') {
    const person = signatoryGenitive(name);
    const role = position ? positionGenitive(position) : null;
    if (person && (role || !position)) {
      const who = role ? l('contract.who', { position: role, name: person.genitive }) : person.genitive;
      return l(person.gender === 'female' ? 'contract.representativeFemale' : 'contract.representativeMale', { who, basis });
    }
    // a name or position we cannot decline for certain: an apposition in the nominative
    const who = position ? l('contract.who', { position, name: shortName(name) }) : shortName(name);
    return l('contract.representativeUndeclined', { who, basis });
  }
  const who = position ? l('contract.who', { position, name: shortName(name) }) : shortName(name);
  return l('contract.representativeMale', { who, basis });
}

function partyIntroduction(p: PartyModel, role: string, locale: DocumentLocale, l: Labeller): string {
  const id = taxIdOf(p, l);
  const address = p.address?.trim() || null;
  const details = id && address ? l('contract.details', { id, address }) : id ? l('contract.detailsId', { id }) : address ? l('contract.detailsAddress', { address }) : '';
  const params = { name: p.name, role, details };
  if (isSoleTrader(p)) return l('contract.soleTrader', params);
  return l('contract.party', { ...params, representative: representative(p, locale, l) });
}

/**
 * The standard opening naming both parties and who signs for them, for a template that has no
 * opening of its own.
 */
export function standardPreamble(model: ContractModel, locale: DocumentLocale, l: Labeller): string {
  return l('contract.preamble', {
    supplier: partyIntroduction(model.agency, l('contract.supplier'), locale, l),
    customer: partyIntroduction(model.client, l('contract.customer'), locale, l),
  });
}

/** "при подписании Договора", "до 15 марта 2026 г.", "после подписания Акта …, не позднее …". */
export function paymentTerms(item: ContractScheduleItemModel, locale: DocumentLocale, l: Labeller): string {
  const due = item.dueOn ? formatDate(item.dueOn, locale, 'short') : null;
  if (item.trigger === 'ON_DATE') return due ? l('contract.dueBy', { date: due }) : l('contract.triggerON_DATE');
  const when = l(`contract.trigger${item.trigger}`);
  return due ? `${when}, ${l('contract.dueNoLater', { date: due })}` : when;
}

/** The payment's label, marked as an advance unless it already says so. */
export function paymentLabel(item: ContractScheduleItemModel, l: Labeller): string {
  if (!item.isPrepayment) return item.label;
  const advance = l('contract.advance');
  return /аванс|предоплат|авансов|advance|prepay/i.test(item.label) ? item.label : `${item.label} (${advance})`;
}
