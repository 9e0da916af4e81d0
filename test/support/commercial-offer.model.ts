/**
 * Hand-built commercial-offer models for the renderer tests (no database): an offer per language
 * with its own parties and texts, a three-page offer and a long media plan.
 */
import Decimal from 'decimal.js';
import type { CommercialOfferModel, OfferPlanCategory, OfferPlanLine } from '../../src/documents/commercial-offer/commercial-offer.model';
import type { AgencyPartyModel, PartyModel } from '../../src/documents/shared/party.data';
import { ToolMixBasis } from '../../src/entities/enums';
import { computeToolMixes } from '../../src/services/tool-mix';

type Locale = 'ru' | 'bg' | 'en';

const RU_AGENCY: AgencyPartyModel = {
  name: 'ООО «Ромашка Диджитал»',
  tradingName: 'Ромашка Диджитал',
  country: 'RU',
  inn: '7701234567',
  kpp: '770101001',
  ogrn: '1027700132195',
  eik: null,
  vatNumber: null,
  address: '123456, г. Москва, ул. Тверская, д. 1, офис 15',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810938000000001',
  correspondentAccount: '30101810400000000225',
  iban: null,
  signatoryName: 'Смирнова Анна Сергеевна',
  signatoryPosition: 'Генеральный директор',
  vatPayer: true,
  timeZone: 'Europe/Moscow',
};

const RU_CLIENT: PartyModel = {
  name: 'АО «Северный ветер»',
  country: 'RU',
  inn: '7709876543',
  kpp: '770901001',
  ogrn: null,
  eik: null,
  vatNumber: null,
  address: '190000, г. Санкт-Петербург, Невский пр., д. 10',
  bankName: null,
  bic: null,
  settlementAccount: null,
  correspondentAccount: null,
  iban: null,
  signatoryName: 'Петров Пётр Петрович',
  signatoryPosition: 'Директор по маркетингу',
};

const BG_AGENCY: AgencyPartyModel = {
  ...RU_AGENCY,
  name: 'Лайка Диджитал ЕООД',
  tradingName: 'Лайка Диджитал',
  country: 'BG',
  inn: null,
  kpp: null,
  ogrn: null,
  eik: '131468980',
  vatNumber: 'BG131468980',
  address: 'гр. София 1000, бул. „Витоша“ 15',
  bankName: 'УниКредит Булбанк',
  bic: 'UNCRBGSF',
  settlementAccount: null,
  correspondentAccount: null,
  iban: 'BG80BNBG96611020345678',
  signatoryName: 'Мария Иванова',
  signatoryPosition: 'Управител',
  timeZone: 'Europe/Sofia',
};

const BG_CLIENT: PartyModel = {
  ...RU_CLIENT,
  name: 'Северен вятър АД',
  country: 'BG',
  inn: null,
  kpp: null,
  eik: '200123456',
  vatNumber: 'BG200123456',
  address: 'гр. Пловдив 4000, ул. „Главна“ 3',
  signatoryName: 'Петър Петров',
  signatoryPosition: 'Маркетинг директор',
};

const EN_CLIENT: PartyModel = { ...BG_CLIENT, name: 'North Wind JSC', address: '3 Glavna St, Plovdiv 4000, Bulgaria', signatoryName: 'Peter Petrov', signatoryPosition: 'Marketing Director' };
const EN_AGENCY: AgencyPartyModel = { ...BG_AGENCY, name: 'Layka Digital EOOD', tradingName: 'Layka Digital', address: '15 Vitosha Blvd, Sofia 1000, Bulgaria', signatoryName: 'Maria Ivanova', signatoryPosition: 'Managing Director' };

const TEXTS: Record<Locale, Record<string, string>> = {
  ru: {
    companyPresentation: 'Ромашка Диджитал — агентство performance-маркетинга. Восемь лет ведём контекстную и таргетированную рекламу для розницы и e-commerce.',
    achievements: '- Сертифицированное агентство Яндекс Директ\n- Топ-20 рейтинга Рейтинга Рунета по контекстной рекламе',
    team: 'Над проектом работают аккаунт-менеджер, два специалиста по контекстной рекламе и аналитик. Отчёт — еженедельно.',
    cases: 'Интернет-магазин бытовой техники: стоимость заявки снижена на 38% за три месяца при росте числа заявок в 1,6 раза.',
    marketAnalytics: '',
    placementAudit: 'В текущих кампаниях 27% бюджета уходит на нецелевые запросы; минус-слова не настроены.',
    recommendations: 'Перестроить поисковые кампании по товарным группам, подключить ретаргетинг, протестировать Telegram Ads.',
    mediaPlanNotes: 'Бюджеты указаны на период кампании. KPI — ориентиры, уточняются после двух недель работы.',
    commercialTerms: 'Оплата: 50% предоплата, 50% после подписания акта за первый месяц.',
    guarantees: 'Если стоимость заявки через три месяца превысит согласованный KPI более чем на 15%, следующий месяц ведём без вознаграждения.',
  },
  bg: {
    companyPresentation: 'Лайка Диджитал е агенция за performance маркетинг. Осем години управляваме рекламни кампании за търговци и онлайн магазини.',
    achievements: '- Google Partner\n- Meta Business Partner',
    team: 'По проекта работят акаунт мениджър, двама специалисти по PPC и анализатор. Отчет — всяка седмица.',
    cases: 'Онлайн магазин за техника: цената на запитване е намалена с 38% за три месеца.',
    marketAnalytics: '',
    placementAudit: 'В текущите кампании 27% от бюджета отива за нецелеви търсения.',
    recommendations: 'Преструктуриране на търсещите кампании по продуктови групи, ретаргетинг, тест на TikTok Ads.',
    mediaPlanNotes: 'Бюджетите са за периода на кампанията.',
    commercialTerms: 'Плащане: 50% авансово, 50% след подписване на протокола за първия месец.',
    guarantees: 'Ако цената на запитване надвиши договорения KPI с повече от 15%, следващият месец е без възнаграждение.',
  },
  en: {
    companyPresentation: 'Layka Digital is a performance marketing agency. For eight years we have run search and social advertising for retail and e-commerce.',
    achievements: '- Google Partner\n- Meta Business Partner',
    team: 'An account manager, two PPC specialists and an analyst work on the project. Weekly reports.',
    cases: 'Electronics web shop: cost per lead down 38% in three months.',
    marketAnalytics: '',
    placementAudit: '27% of the current budget goes to irrelevant search terms.',
    recommendations: 'Restructure search campaigns by product group, add retargeting, test TikTok Ads.',
    mediaPlanNotes: 'Budgets are for the whole campaign period.',
    commercialTerms: 'Payment: 50% in advance, 50% after the acceptance protocol for the first month.',
    guarantees: 'If the cost per lead exceeds the agreed KPI by more than 15%, the following month is free of fees.',
  },
};

const LINES: Record<Locale, OfferPlanLine[]> = {
  ru: [
    { channel: 'Яндекс Директ, поиск', description: 'Товарные кампании по 6 категориям', expectedKpi: 'CPL ≤ 1 500 ₽', category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '450000.00', fee: '45000.00', budgetShare: '45.00' },
    { channel: 'Яндекс Директ, РСЯ', description: null, expectedKpi: null, category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '250000.00', fee: '25000.00', budgetShare: '25.00' },
    { channel: 'VK Реклама', description: 'Ретаргетинг на посетителей сайта', expectedKpi: null, category: 'UNCERTAIN', periodStart: '2026-04-15', periodEnd: '2026-06-30', budget: '200000.00', fee: null, budgetShare: '20.00' },
    { channel: 'Telegram Ads', description: null, expectedKpi: 'CTR ≥ 1%', category: 'EXPERIMENTAL', periodStart: '2026-05-01', periodEnd: null, budget: '100000.00', fee: '0.00', budgetShare: '10.00' },
  ],
  bg: [
    { channel: 'Google Ads, търсене', description: 'Кампании по продуктови групи', expectedKpi: 'CPL ≤ 15 €', category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '4500.00', fee: '450.00', budgetShare: '45.00' },
    { channel: 'Meta Ads', description: null, expectedKpi: null, category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '2500.00', fee: '250.00', budgetShare: '25.00' },
    { channel: 'Google Display', description: 'Ретаргетинг', expectedKpi: null, category: 'UNCERTAIN', periodStart: '2026-04-15', periodEnd: '2026-06-30', budget: '2000.00', fee: null, budgetShare: '20.00' },
    { channel: 'TikTok Ads', description: null, expectedKpi: 'CTR ≥ 1%', category: 'EXPERIMENTAL', periodStart: '2026-05-01', periodEnd: null, budget: '1000.00', fee: '0.00', budgetShare: '10.00' },
  ],
  en: [
    { channel: 'Google Ads, search', description: 'Campaigns by product group', expectedKpi: 'CPL ≤ €15', category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '4500.00', fee: '450.00', budgetShare: '45.00' },
    { channel: 'Meta Ads', description: null, expectedKpi: null, category: 'PROVEN', periodStart: '2026-04-01', periodEnd: '2026-06-30', budget: '2500.00', fee: '250.00', budgetShare: '25.00' },
    { channel: 'Google Display', description: 'Retargeting', expectedKpi: null, category: 'UNCERTAIN', periodStart: '2026-04-15', periodEnd: '2026-06-30', budget: '2000.00', fee: null, budgetShare: '20.00' },
    { channel: 'TikTok Ads', description: null, expectedKpi: 'CTR ≥ 1%', category: 'EXPERIMENTAL', periodStart: '2026-05-01', periodEnd: null, budget: '1000.00', fee: '0.00', budgetShare: '10.00' },
  ],
};

/**
 * The offer in one language: RUB with VAT on top at 22% (ru), EUR with VAT included at 20% (bg,
 * en). Media budget 1 000 000 / 10 000, visible fees 70 000 / 700 (the VK / Display fee is internal).
 */
export function offerModel(locale: Locale): CommercialOfferModel {
  const ru = locale === 'ru';
  const texts = TEXTS[locale];
  return {
    number: ru ? 'КП-2026-0001' : 'ТП-2026-0007',
    title: ru ? 'Контекстная реклама для интернет-магазина' : locale === 'bg' ? 'Реклама за онлайн магазин' : 'Advertising for a web shop',
    date: '2026-03-16',
    validUntil: '2026-03-31',
    version: 2,
    currency: ru ? 'RUB' : 'EUR',
    agency: ru ? RU_AGENCY : locale === 'bg' ? BG_AGENCY : EN_AGENCY,
    client: ru ? RU_CLIENT : locale === 'bg' ? BG_CLIENT : EN_CLIENT,
    clientTradingName: ru ? 'Северный ветер' : null,
    blocks: {
      companyPresentation: texts.companyPresentation,
      achievements: texts.achievements,
      team: texts.team,
      cases: texts.cases,
      marketAnalytics: null,
      placementAudit: texts.placementAudit,
      recommendations: texts.recommendations,
      mediaPlanNotes: texts.mediaPlanNotes,
      commercialTerms: texts.commercialTerms,
      guarantees: texts.guarantees,
    },
    plan: ru
      ? {
          lines: LINES.ru,
          categories: [
            { category: 'PROVEN', budget: '700000.00', fee: '70000.00', amount: '770000.00', budgetShare: '70.00' },
            { category: 'UNCERTAIN', budget: '200000.00', fee: '0.00', amount: '200000.00', budgetShare: '20.00' },
            { category: 'EXPERIMENTAL', budget: '100000.00', fee: '0.00', amount: '100000.00', budgetShare: '10.00' },
          ],
          budgetTotal: '1000000.00',
          feeTotal: '70000.00',
          grandTotal: '1070000.00',
        }
      : {
          lines: LINES[locale],
          categories: [
            { category: 'PROVEN', budget: '7000.00', fee: '700.00', amount: '7700.00', budgetShare: '70.00' },
            { category: 'UNCERTAIN', budget: '2000.00', fee: '0.00', amount: '2000.00', budgetShare: '20.00' },
            { category: 'EXPERIMENTAL', budget: '1000.00', fee: '0.00', amount: '1000.00', budgetShare: '10.00' },
          ],
          budgetTotal: '10000.00',
          feeTotal: '700.00',
          grandTotal: '10700.00',
        },
    toolMix: {
      byBudget: { proven: '70.00', uncertain: '20.00', experimental: '10.00' },
      byToolCount: { proven: '50.00', uncertain: '25.00', experimental: '25.00' },
      tools: { proven: 2, uncertain: 1, experimental: 1, total: 4 },
    },
    price: ru
      ? { basis: 'VAT_ON_TOP', regime: 'STANDARD', vatRate: '22.00', grandTotal: '1070000.00', net: '1070000.00', vat: '235400.00', total: '1305400.00' }
      : { basis: 'VAT_INCLUDED', regime: 'STANDARD', vatRate: '20.00', grandTotal: '10700.00', net: '8916.67', vat: '1783.33', total: '10700.00' },
    manager: ru
      ? { fullName: 'Кузнецов Илья Андреевич', email: 'ilya@romashka.digital', phone: '+79161234567' }
      : { fullName: locale === 'bg' ? 'Георги Димитров' : 'Georgi Dimitrov', email: 'georgi@layka.digital', phone: '+359888123456' },
    logo: null,
    stamp: null,
    signature: null,
  };
}

/**
 * The same offer with every block written `paragraphs` times and a plan of `lines` lines (70 % of
 * them proven, 20 % promising, 10 % experiments), its subtotals and totals summed from the lines.
 */
export function longOfferModel(locale: Locale, lines: number, paragraphs = 2): CommercialOfferModel {
  const base = offerModel(locale);
  const blocks = { ...base.blocks };
  for (const key of Object.keys(blocks) as (keyof typeof blocks)[]) {
    const text = TEXTS[locale][key] || TEXTS[locale].recommendations;
    blocks[key] = Array.from({ length: paragraphs }, () => text).join('\n\n');
  }
  const cats = ['PROVEN', 'UNCERTAIN', 'EXPERIMENTAL'] as const;
  const raw = Array.from({ length: lines }, (_, i) => ({
    ...LINES[locale][i % 4],
    channel: `${LINES[locale][i % 4].channel} #${i + 1}`,
    category: cats[i < lines * 0.7 ? 0 : i < lines * 0.9 ? 1 : 2],
  }));
  const budgetTotal = raw.reduce((sum, l) => sum.plus(l.budget), new Decimal(0));
  const share = (v: Decimal.Value) => new Decimal(v).times(100).div(budgetTotal).toDecimalPlaces(2).toFixed(2);
  const plan: OfferPlanLine[] = raw.map((l) => ({ ...l, budgetShare: share(l.budget) }));
  const categories: OfferPlanCategory[] = cats.map((category) => {
    const of = plan.filter((l) => l.category === category);
    const budget = of.reduce((sum, l) => sum.plus(l.budget), new Decimal(0));
    const fee = of.reduce((sum, l) => sum.plus(l.fee ?? 0), new Decimal(0));
    return { category, budget: budget.toFixed(2), fee: fee.toFixed(2), amount: budget.plus(fee).toFixed(2), budgetShare: share(budget) };
  });
  const feeTotal = plan.reduce((sum, l) => sum.plus(l.fee ?? 0), new Decimal(0));
  const grandTotal = budgetTotal.plus(feeTotal).toFixed(2);
  const rate = base.price.vatRate!;
  const vat = new Decimal(grandTotal).times(rate).div(100).toDecimalPlaces(2).toFixed(2);
  const mixes = computeToolMixes(
    plan.map((l) => ({ budget: l.budget, category: l.category as never, channel: l.channel })),
    '5',
    ToolMixBasis.BUDGET_SHARE,
  )!;
  const shares = (m: NonNullable<typeof mixes.byBudget>) => ({ proven: m.proven.share, uncertain: m.uncertain.share, experimental: m.experimental.share });
  const tools = mixes.byToolCount;
  return {
    ...base,
    blocks,
    toolMix: {
      byBudget: shares(mixes.byBudget!),
      byToolCount: shares(tools),
      tools: { proven: tools.proven.tools, uncertain: tools.uncertain.tools, experimental: tools.experimental.tools, total: tools.totalTools },
    },
    plan: { lines: plan, categories, budgetTotal: budgetTotal.toFixed(2), feeTotal: feeTotal.toFixed(2), grandTotal },
    price: { ...base.price, basis: 'VAT_ON_TOP', grandTotal, net: grandTotal, vat, total: new Decimal(grandTotal).plus(vat).toFixed(2) },
  };
}
