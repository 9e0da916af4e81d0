/**
 * The commercial offer rendered from hand-built models (no database) in ru, bg and en, read back
 * the way a client's software would: structure (qpdf), fonts (pdffonts) and text (pdftotext).
 */
import { renderCommercialOffer } from '../../src/documents/commercial-offer/commercial-offer.document';
import type { CommercialOfferModel } from '../../src/documents/commercial-offer/commercial-offer.model';
import { isRenderable } from '../../src/documents/render';
import { DocumentKind } from '../../src/documents/kinds';
import { longOfferModel, offerModel } from '../support/commercial-offer.model';
import { pdfFonts, pdfPageCount, pdfPages, qpdfCheck, squash } from '../support/pdf';

type Locale = 'ru' | 'bg' | 'en';
const CREATED = new Date('2026-03-16T09:30:00Z');

const render = (model: CommercialOfferModel, locale: Locale, createdAt = CREATED) => renderCommercialOffer(model, { locale, createdAt });
const textOf = (bytes: Buffer) => squash(pdfPages(bytes).join(' '));

/** What each language's offer must show, in reading order where order matters. */
const EXPECTED: Record<Locale, { head: string[]; headings: string[]; skipped: string; plan: string[]; mix: string[]; price: string[]; words: string; basis: string; manager: string[]; page: string }> = {
  ru: {
    head: [
      'Коммерческое предложение № КП-2026-0001',
      'Контекстная реклама для интернет-магазина',
      'Для АО «Северный ветер» (Северный ветер)',
      'Вниманию Петров Пётр Петрович, Директор по маркетингу',
      'От ООО «Ромашка Диджитал»',
      'Дата 16 марта 2026 г.',
      'Версия 2',
      'Предложение действительно до 31 марта 2026 г.',
    ],
    headings: ['1. О компании', '2. Достижения, сертификаты, рейтинги', '3. Команда и порядок работы', '4. Кейсы', '5. Аудит текущих размещений', '6. Рекомендации', '7. Медиаплан', '8. Коммерческие условия', '9. Гарантии'],
    skipped: 'Анализ бизнеса и рынка',
    plan: [
      'Яндекс Директ, поиск Проверенные 01.04.2026 –',
      '450 000,00 45% 45 000,00',
      'Итого: Проверенные 700 000,00 70% 70 000,00',
      'VK Реклама Перспективные 15.04.2026 –',
      '200 000,00 20% —',
      'Итого: Перспективные 200 000,00 20% 0,00',
      'Итого: Эксперименты 100 000,00 10% 0,00',
      'Итого по медиаплану 1 000 000,00 100% 70 000,00',
    ],
    mix: ['Проверенные 70% 70% 2 50%', 'Перспективные 20% 20% 1 25%', 'Эксперименты 10% 10% 1 25%', 'Всего 100% 100% 4 100%'],
    price: ['Медийный бюджет 1 000 000,00 ₽', 'Вознаграждение агентства 70 000,00 ₽', 'Итого 1 070 000,00 ₽', 'НДС 22% 235 400,00 ₽', 'Итого с НДС 1 305 400,00 ₽'],
    words: 'Итоговая стоимость прописью: Один миллион триста пять тысяч четыреста рублей 00 копеек',
    basis: 'НДС 22% начисляется сверх указанных сумм.',
    manager: ['Аккаунт-менеджер: Кузнецов Илья Андреевич', 'тел. +79161234567, e-mail ilya@romashka.digital', '/ Кузнецов Илья Андреевич /', 'М.П.'],
    page: 'Страница 1 из 2',
  },
  bg: {
    head: [
      'Търговско предложение № ТП-2026-0007',
      'Реклама за онлайн магазин',
      'За Северен вятър АД',
      'На вниманието на Петър Петров, Маркетинг директор',
      'От Лайка Диджитал ЕООД',
      'Дата 16 март 2026 г.',
      'Версия 2',
      'Предложението е валидно до 31 март 2026 г.',
    ],
    headings: ['1. За агенцията', '2. Постижения, сертификати, класации', '3. Екип и начин на работа', '4. Реализирани проекти', '5. Одит на текущите кампании', '6. Препоръки', '7. Медиен план', '8. Търговски условия', '9. Гаранции'],
    skipped: 'Анализ на бизнеса и пазара',
    plan: [
      'Google Ads, търсене Доказани 01.04.2026 г. –',
      '4 500,00 45% 450,00',
      'Общо: Доказани 7 000,00 70% 700,00',
      'Google Display Перспективни 15.04.2026 г. –',
      '2 000,00 20% —',
      'Общо: Перспективни 2 000,00 20% 0,00',
      'Общо: Експерименти 1 000,00 10% 0,00',
      'Общо по медийния план 10 000,00 100% 700,00',
    ],
    mix: ['Доказани 70% 70% 2 50%', 'Перспективни 20% 20% 1 25%', 'Експерименти 10% 10% 1 25%', 'Общо 100% 100% 4 100%'],
    price: ['Медиен бюджет 10 000,00 €', 'Възнаграждение на агенцията 700,00 €', 'Крайна цена 10 700,00 €', 'в т.ч. ДДС 20% 1 783,33 €'],
    words: 'Крайна цена словом: Десет хиляди и седемстотин евро и 00 евроцента',
    basis: 'Цените са с включен ДДС 20%.',
    manager: ['Акаунт мениджър: Георги Димитров', 'тел. +359888123456, имейл georgi@layka.digital', '/ Георги Димитров /', 'печат'],
    page: 'Страница 1 от 2',
  },
  en: {
    head: [
      'Commercial offer No. ТП-2026-0007',
      'Advertising for a web shop',
      'For North Wind JSC',
      'Attention Peter Petrov, Marketing Director',
      'From Layka Digital EOOD',
      'Date 16 March 2026',
      'Version 2',
      'This offer is valid until 31 March 2026',
    ],
    headings: ['1. About us', '2. Achievements, certifications, ratings', '3. The team and how we work', '4. Case studies', '5. Audit of current placements', '6. Recommendations', '7. Media plan', '8. Commercial terms', '9. Guarantees'],
    skipped: 'Business and market analysis',
    plan: [
      'Google Ads, search Proven 1 Apr 2026 –',
      '4,500.00 45% 450.00',
      'Subtotal: Proven 7,000.00 70% 700.00',
      'Google Display Promising 15 Apr 2026 –',
      '2,000.00 20% —',
      'Subtotal: Promising 2,000.00 20% 0.00',
      'Subtotal: Experimental 1,000.00 10% 0.00',
      'Media plan total 10,000.00 100% 700.00',
    ],
    mix: ['Proven 70% 70% 2 50%', 'Promising 20% 20% 1 25%', 'Experimental 10% 10% 1 25%', 'Total 100% 100% 4 100%'],
    price: ['Media budget €10,000.00', 'Agency fee €700.00', 'Final price €10,700.00', 'incl. VAT 20% €1,783.33'],
    words: 'Final price in words: Ten thousand seven hundred euros and 00 cents',
    basis: 'Prices include VAT at 20%.',
    manager: ['Account manager: Georgi Dimitrov', 'tel. +359888123456, email georgi@layka.digital', '/ Georgi Dimitrov /', 'stamp'],
    page: 'Page 1 of 2',
  },
};

function expectInOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const part of parts) {
    const found = text.indexOf(part, at + 1);
    expect({ part, found: found > at }).toEqual({ part, found: true });
    at = found;
  }
}

describe('the commercial offer', () => {
  it('is registered for rendering', () => {
    expect(isRenderable(DocumentKind.COMMERCIAL_OFFER)).toBe(true);
  });

  describe.each(['ru', 'bg', 'en'] as const)('in %s', (locale) => {
    const expected = EXPECTED[locale];
    let bytes: Buffer;
    let text: string;
    let pageCount: number;

    beforeAll(async () => {
      ({ bytes, pageCount } = await render(offerModel(locale), locale));
      text = textOf(bytes);
    });

    it('is a valid PDF with embedded, subset fonts that map back to Unicode', () => {
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
      const fonts = pdfFonts(bytes);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(pageCount).toBe(2);
      expect(pdfPageCount(bytes)).toBe(2);
    });

    it('opens with the numbered title, for whom, the date, the version and the validity date', () => {
      expectInOrder(text, expected.head);
      expect(text).toContain(expected.page);
    });

    it('prints the filled blocks in their order and skips the empty one', () => {
      expectInOrder(text, expected.headings);
      expect(text).not.toContain(expected.skipped);
    });

    it('prints the media plan by category with subtotals and the total, an internal fee as a dash', () => {
      expectInOrder(text, expected.plan);
    });

    it('sums up the 70/20/10 mix by budget and by tool count against the targets', () => {
      expectInOrder(text, expected.mix);
    });

    it('states the final price, its VAT basis and the amount in words', () => {
      expectInOrder(text, expected.price);
      expect(text).toContain(expected.words);
      expect(text).toContain(expected.basis);
    });

    it("ends with the manager's contacts and signature", () => {
      expectInOrder(text, expected.manager);
      expect(text.indexOf(expected.manager[0])).toBeGreaterThan(text.indexOf(expected.headings[expected.headings.length - 1]));
    });

    it('renders the same bytes for the same model and creation date', async () => {
      const again = await render(offerModel(locale), locale);
      expect(Buffer.compare(again.bytes, bytes)).toBe(0);
      const later = await render(offerModel(locale), locale, new Date('2026-03-17T09:30:00Z'));
      expect(Buffer.compare(later.bytes, bytes)).not.toBe(0);
    });

    it('renders a three-page offer with the page count and running header on every page', async () => {
      const long = await render(longOfferModel(locale, 12, 2), locale);
      expect(long.pageCount).toBe(3);
      expect(pdfPageCount(long.bytes)).toBe(3);
      const pages = pdfPages(long.bytes).map(squash);
      expect(pages).toHaveLength(3);
      const label = (p: number) => (locale === 'ru' ? `Страница ${p} из 3` : locale === 'bg' ? `Страница ${p} от 3` : `Page ${p} of 3`);
      pages.forEach((page, i) => {
        expect(page).toContain(label(i + 1));
        if (i > 0) expect(page).toContain(expected.head[0]);
      });
    });
  });

  it('breaks a long media plan across pages: the header on every page, each line once, no page opening on a subtotal', async () => {
    const model = longOfferModel('ru', 80, 1);
    const { bytes, pageCount } = await render(model, 'ru');
    expect(pageCount).toBe(6);
    const pages = pdfPages(bytes).map(squash);
    expect(pages).toHaveLength(6);
    const withRows = pages.filter((p) => /Яндекс Директ, поиск #\d+|Telegram Ads #\d+|VK Реклама #\d+|РСЯ #\d+/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) {
      expect(page).toContain('№ Канал / инструмент Категория Период Бюджет, ₽ Доля');
      // the first row under the header is a line of the plan, never a subtotal
      expect(page).toMatch(/Услуги агентства, ₽ \d+ /);
    }
    const all = pages.join(' ');
    for (let n = 1; n <= 80; n++) expect(all.split(new RegExp(`#${n}(?!\\d)`)).length - 1).toBe(1);
    expect(all).toContain('Итого по медиаплану 20 000 000,00 100% 1 400 000,00');
  });

  describe('the price basis, spelled out', () => {
    const priced = (locale: Locale, price: Partial<CommercialOfferModel['price']>) => {
      const m = offerModel(locale);
      return { ...m, price: { ...m.price, ...price } };
    };

    it('prices with VAT included: «Цены указаны с учётом НДС 22%» and the VAT part', async () => {
      const { bytes } = await render(priced('ru', { basis: 'VAT_INCLUDED', vatRate: '22.00', total: '1070000.00', net: '877049.18', vat: '192950.82' }), 'ru');
      const text = textOf(bytes);
      expect(text).toContain('Цены указаны с учётом НДС 22%.');
      expectInOrder(text, ['Итоговая стоимость 1 070 000,00 ₽', 'в т.ч. НДС 22% 192 950,82 ₽']);
      expect(text).toContain('Один миллион семьдесят тысяч рублей 00 копеек');
    });

    it('an agency on the simplified tax: «НДС не облагается (УСН)», no VAT amount', async () => {
      const { bytes } = await render(priced('ru', { regime: 'RU_USN_WITHOUT_VAT', vatRate: null, total: '1070000.00', net: '1070000.00', vat: '0.00' }), 'ru');
      const text = textOf(bytes);
      expect(text).toContain('НДС не облагается (УСН).');
      expectInOrder(text, ['Итоговая стоимость 1 070 000,00 ₽', 'Без НДС']);
      expect(text).not.toMatch(/НДС 22%/);
    });

    it('a Bulgarian supplier not registered for VAT says so', async () => {
      const { bytes } = await render(priced('bg', { regime: 'BG_NOT_REGISTERED', vatRate: null, total: '10700.00', net: '10700.00', vat: '0.00' }), 'bg');
      const text = textOf(bytes);
      expect(text).toContain('Не се начислява ДДС (доставчикът не е регистриран по ЗДДС).');
      expectInOrder(text, ['Крайна цена 10 700,00 €', 'Без ДДС']);
    });

    it('VAT on top in English', async () => {
      const { bytes } = await render(priced('en', { basis: 'VAT_ON_TOP', vatRate: '20.00', net: '10700.00', vat: '2140.00', total: '12840.00' }), 'en');
      const text = textOf(bytes);
      expect(text).toContain('VAT at 20% is charged on top of the amounts stated.');
      expectInOrder(text, ['Total €10,700.00', 'VAT 20% €2,140.00', 'Total including VAT €12,840.00']);
      expect(text).toContain('Twelve thousand eight hundred and forty euros and 00 cents');
    });
  });

  it('a draft without a number is titled without one; a plan of fees only has no budget shares', async () => {
    const m = offerModel('ru');
    const feesOnly: CommercialOfferModel = {
      ...m,
      number: null,
      plan: {
        lines: [{ channel: 'SEO-продвижение', description: null, expectedKpi: null, category: 'PROVEN', periodStart: null, periodEnd: null, budget: '0.00', fee: '90000.00', budgetShare: null }],
        categories: [{ category: 'PROVEN', budget: '0.00', fee: '90000.00', amount: '90000.00', budgetShare: null }],
        budgetTotal: '0.00',
        feeTotal: '90000.00',
        grandTotal: '90000.00',
      },
      toolMix: { byBudget: null, byToolCount: { proven: '100.00', uncertain: '0.00', experimental: '0.00' }, tools: { proven: 1, uncertain: 0, experimental: 0, total: 1 } },
      price: { ...m.price, grandTotal: '90000.00', net: '90000.00', vat: '19800.00', total: '109800.00' },
    };
    const text = textOf((await render(feesOnly, 'ru')).bytes);
    expect(text).toMatch(/^.*Коммерческое предложение Контекстная реклама/);
    expect(text).not.toContain('№ КП');
    expectInOrder(text, ['SEO-продвижение Проверенные — 0,00 — 90 000,00', 'Итого по медиаплану 0,00 — 90 000,00']);
    expectInOrder(text, ['Проверенные 70% — 1 100%', 'Перспективные 20% — 0 0%', 'Всего 100% — 1 100%']);
  });

  it('a plan without visible fees has no fee column', async () => {
    const m = offerModel('ru');
    const noFees: CommercialOfferModel = { ...m, plan: { ...m.plan, lines: m.plan.lines.map((l) => ({ ...l, fee: l.fee === null ? null : '0.00' })) } };
    const text = textOf((await render(noFees, 'ru')).bytes);
    expect(text).toContain('Бюджет, ₽ Доля');
    expect(text).not.toContain('Услуги агентства');
  });
});
