/** Contract documents for the tests: a hand-built model per language and long clause templates. */
import { parseContractTemplate, type ParsedTemplate } from '../../src/documents/contract/contract-template';
import type { ContractModel } from '../../src/documents/contract/contract.model';
import { DEFAULT_CONTRACT_TEMPLATES } from '../../src/documents/contract/templates';
import { Locale, VatRegime } from '../../src/entities/enums';

export type Lang = 'ru' | 'bg' | 'en';

export function parsed(text: string): ParsedTemplate {
  const r = parseContractTemplate(text);
  if (!r.ok) throw new Error(`template does not parse: ${JSON.stringify(r.problems)}`);
  return r.template;
}

const CLAUSE: Record<Lang, (s: number, c: number) => string> = {
  ru: (s, c) =>
    `Условие ${s}-${c}: Стороны договорились, что Исполнитель оказывает Услуги по предмету «{{contract.subject}}» добросовестно, с соблюдением требований законодательства и согласованных с Заказчиком сроков; отчёт о ходе работ направляется Заказчику по электронной почте не реже одного раза в месяц, а замечания Заказчика рассматриваются Исполнителем в течение {{contract.actSignDays}}.`,
  bg: (s, c) =>
    `Условие ${s}-${c}: Страните се споразумяха, че ИЗПЪЛНИТЕЛЯТ предоставя Услугите по предмета „{{contract.subject}}“ добросъвестно, при спазване на изискванията на законодателството и на съгласуваните с ВЪЗЛОЖИТЕЛЯ срокове; отчет за хода на работата се изпраща на ВЪЗЛОЖИТЕЛЯ по електронна поща поне веднъж месечно, а забележките се разглеждат в срок до {{contract.actSignDays}}.`,
  en: (s, c) =>
    `Term ${s}-${c}: The Parties agree that the Supplier provides the Services under "{{contract.subject}}" in good faith, in compliance with the law and the deadlines agreed with the Customer; a progress report is sent to the Customer by email at least once a month, and the Customer's remarks are considered within {{contract.actSignDays}}.`,
};

const HEADING: Record<Lang, (s: number) => string> = {
  ru: (s) => `Особые условия, часть ${s}`,
  bg: (s) => `Специални условия, част ${s}`,
  en: (s) => `Special terms, part ${s}`,
};

/** The built-in template of the language followed by `sections` sections of `clauses` long clauses each. */
export function longTemplateText(lang: Lang, sections: number, clauses = 8): string {
  const extra = Array.from({ length: sections }, (_, i) => {
    const s = i + 1;
    const body = Array.from({ length: clauses }, (_, j) => CLAUSE[lang](s, j + 1)).join('\n\n');
    return `## ${HEADING[lang](s)}\n\n${body}`;
  });
  return `${DEFAULT_CONTRACT_TEMPLATES[lang as Locale]}\n\n${extra.join('\n\n')}\n`;
}

const PARTIES = {
  ru: {
    agency: {
      name: 'ООО «Вектор Диджитал»',
      tradingName: 'Вектор',
      country: 'RU',
      inn: '7701234567',
      kpp: '770101001',
      ogrn: '1027700132195',
      eik: null,
      vatNumber: null,
      address: '125009, г. Москва, ул. Тверская, д. 7, офис 12',
      bankName: 'ПАО Сбербанк',
      bic: '044525225',
      settlementAccount: '40702810938000000001',
      correspondentAccount: '30101810400000000225',
      iban: null,
      signatoryName: 'Орлова Екатерина Павловна',
      signatoryPosition: 'Генеральный директор',
      vatPayer: true,
      timeZone: 'Europe/Moscow',
    },
    client: {
      name: 'АО «Ромашка»',
      country: 'RU',
      inn: '7709876543',
      kpp: '770901001',
      ogrn: '1037739123456',
      eik: null,
      vatNumber: null,
      address: '190000, г. Санкт-Петербург, Невский пр., д. 1',
      bankName: null,
      bic: null,
      settlementAccount: null,
      correspondentAccount: null,
      iban: null,
      signatoryName: 'Петров Пётр Петрович',
      signatoryPosition: 'Коммерческий директор',
    },
  },
  bg: {
    agency: {
      name: '„Вектор Диджитал“ ЕООД',
      tradingName: 'Вектор',
      country: 'BG',
      inn: null,
      kpp: null,
      ogrn: null,
      eik: '204567890',
      vatNumber: 'BG204567890',
      address: 'гр. София, бул. „Витоша“ 15',
      bankName: 'УниКредит Булбанк АД',
      bic: 'UNCRBGSF',
      settlementAccount: null,
      correspondentAccount: null,
      iban: 'BG80BNBG96611020345678',
      signatoryName: 'Мария Иванова Петкова',
      signatoryPosition: 'управител',
      vatPayer: true,
      timeZone: 'Europe/Sofia',
    },
    client: {
      name: '„Лайка“ АД',
      country: 'BG',
      inn: null,
      kpp: null,
      ogrn: null,
      eik: '831902088',
      vatNumber: 'BG831902088',
      address: 'гр. Пловдив, ул. „Главна“ 3',
      bankName: null,
      bic: null,
      settlementAccount: null,
      correspondentAccount: null,
      iban: null,
      signatoryName: 'Георги Димитров',
      signatoryPosition: 'изпълнителен директор',
    },
  },
};

/**
 * A signed contract of 146 400,00 with VAT included and a three-payment schedule, between the
 * Russian parties (ru, en) or the Bulgarian ones (bg), with the built-in template of the language.
 */
export function sampleContractModel(lang: Lang, overrides: Partial<ContractModel> = {}): ContractModel {
  const bg = lang === 'bg';
  const { agency, client } = bg ? PARTIES.bg : PARTIES.ru;
  return {
    number: 'Д-2026-0042',
    contractDate: '2026-03-12',
    city: bg ? 'София' : 'Москва',
    subject: bg ? 'Контекстна реклама и SEO за сайта laika.bg' : 'Ведение контекстной рекламы и SEO-продвижение сайта romashka.ru',
    amount: '146400.00',
    currency: bg ? 'EUR' : 'RUB',
    priceBasis: 'VAT_INCLUDED',
    startsOn: '2026-04-01',
    endsOn: '2026-12-31',
    actSignDays: 5,
    vat: bg
      ? { regime: VatRegime.STANDARD, rate: '20.00', customNote: null, net: '122000.00', vat: '24400.00', gross: '146400.00' }
      : { regime: VatRegime.STANDARD, rate: '22.00', customNote: null, net: '120000.00', vat: '26400.00', gross: '146400.00' },
    agency,
    client,
    schedule: [
      { label: bg ? 'Аванс' : 'Предоплата', trigger: 'ON_SIGNING', percent: '30.0000', amount: '43920.00', dueOn: null, isPrepayment: true },
      { label: bg ? 'Второ плащане' : 'Второй платёж', trigger: 'ON_DATE', percent: '33.3333', amount: '48799.95', dueOn: '2026-07-15', isPrepayment: false },
      { label: bg ? 'Окончателно плащане' : 'Окончательный расчёт', trigger: 'AFTER_DELIVERY', percent: '36.6667', amount: '53680.05', dueOn: '2027-01-20', isPrepayment: false },
    ],
    template: parsed(DEFAULT_CONTRACT_TEMPLATES[lang as Locale]),
    logo: null,
    stamp: null,
    signature: null,
    ...overrides,
  };
}
