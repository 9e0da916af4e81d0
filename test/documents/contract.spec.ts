import { renderContract } from '../../src/documents/contract/contract.document';
import type { ContractModel } from '../../src/documents/contract/contract.model';
import { DocumentKind } from '../../src/documents/kinds';
import { renderDocument } from '../../src/documents/render';
import { longTemplateText, parsed, sampleContractModel, type Lang } from '../support/contract-document';
import { pngjsImage } from '../support/images';
import { pdfFonts, pdfPageCount, pdfPages, qpdfCheck, squash } from '../support/pdf';

const CREATED = new Date('2026-03-12T09:30:00Z');

function render(model: ContractModel, lang: Lang, createdAt = CREATED) {
  return renderContract(model, { locale: lang, createdAt });
}

/** What each language must print for the sample contract. */
const EXPECTED: Record<Lang, string[]> = {
  ru: [
    'ДОГОВОР № Д-2026-0042',
    'возмездного оказания услуг',
    'г. Москва',
    '12 марта 2026 г.',
    // the opening the document writes, with the signatories' positions and names declined
    'именуемое в дальнейшем «Исполнитель», в лице Генерального директора Орловой Е. П., действующей на основании Устава',
    'АО «Ромашка» (ИНН 7709876543',
    'именуемое в дальнейшем «Заказчик», в лице Коммерческого директора Петрова П. П., действующего на основании доверенности',
    '1. Предмет Договора',
    '1.1. Исполнитель обязуется',
    'Ведение контекстной рекламы и SEO-продвижение сайта romashka.ru',
    '2.1. Стоимость Услуг по Договору составляет 146 400,00 руб. (Сто сорок шесть тысяч четыреста рублей 00 копеек), в том числе НДС 22% — 26 400,00 руб. 2.2.',
    'в период с 1 апреля 2026 г. по 31 декабря 2026 г.',
    'в течение 5 календарных дней',
    '11. Порядок оплаты',
    'Предоплата при подписании Договора 30% 43 920,00 ₽',
    'Второй платёж до 15.07.2026 33,3333% 48 799,95 ₽',
    '53 680,05 ₽',
    'Итого по Договору 100% 146 400,00 ₽',
    'в т. ч. НДС 22% 26 400,00 ₽',
    '12. Адреса и реквизиты сторон',
    'ИНН 7701234567, КПП 770101001',
    'ИНН 7709876543, КПП 770901001',
    'БИК 044525225',
    'Генеральный директор Коммерческий директор',
    '/ Орлова Е. П. /',
    '/ Петров П. П. /',
    'М.П.',
  ],
  bg: [
    'ДОГОВОР ЗА ПРЕДОСТАВЯНЕ НА УСЛУГИ № Д-2026-0042',
    'гр. София',
    'Между „Вектор Диджитал“ ЕООД, ЕИК 204567890',
    'наричано по-долу за краткост „ИЗПЪЛНИТЕЛ“',
    '„Вектор Диджитал“ ЕООД, ЕИК 204567890',
    '„Лайка“ АД, ЕИК 831902088',
    '1.1. ВЪЗЛОЖИТЕЛЯТ възлага',
    '146 400,00 евро (Сто четиридесет и шест хиляди и четиристотин евро и 00 евроцента), с включен ДДС 20% в размер на 24 400,00 евро',
    'от 1 април 2026 г. до 31 декември 2026 г.',
    '11. График на плащанията',
    'Аванс при подписване на договора 30% 43 920,00 €',
    'Общо по договора 100% 146 400,00 €',
    'в т.ч. ДДС 20% 24 400,00 €',
    '12. Адреси и реквизити на страните',
    'IBAN BG80BNBG96611020345678',
    '/ Мария Иванова Петкова /',
    '/ Георги Димитров /',
    'печат',
  ],
  en: [
    'SERVICES AGREEMENT No. Д-2026-0042',
    'Москва',
    '12 March 2026',
    'ООО «Вектор Диджитал», INN 7701234567',
    'АО «Ромашка», INN 7709876543',
    '1.1 The Client engages the Agency',
    'is 146,400.00 RUB (One hundred and forty-six thousand four hundred roubles and 00 kopecks), including VAT at 22% of 26,400.00 RUB',
    'from 1 April 2026 to 31 December 2026',
    '11. Payment schedule',
    'Предоплата on signing the Agreement 30% RUB 43,920.00',
    'by 15 Jul 2026',
    'Total under the Agreement 100% RUB 146,400.00',
    '12. Addresses and details of the Parties',
    '/ Орлова Е. П. /',
    'stamp',
  ],
};

describe('the contract document', () => {
  it.each(['ru', 'bg', 'en'] as const)('%s: a valid PDF with embedded Unicode fonts and every key value of the contract', async (lang) => {
    const { bytes, pageCount } = await render(sampleContractModel(lang), lang);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfPageCount(bytes)).toBe(pageCount);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
    const text = squash(pdfPages(bytes).join(' '));
    for (const expected of EXPECTED[lang]) expect({ lang, found: text.includes(squash(expected)) ? expected : text }).toEqual({ lang, found: expected });
    // a value ending in a full stop ("руб.", "2026 г.") does not double the sentence's stop
    expect(text).not.toMatch(/[^.]\.\.(?!\.)/);
  });

  it.each(['ru', 'bg', 'en'] as const)('%s: numbers the sections and their clauses in order, continuing with the schedule and the requisites', async (lang) => {
    const model = sampleContractModel(lang);
    const { bytes } = await render(model, lang);
    const lines = pdfPages(bytes).flatMap((p) => p.split('\n').map((line) => line.trim()));
    const sep = lang === 'en' ? ' ' : '. ';
    const clauses = lines.map((line) => /^(\d+)\.(\d+)\.? /.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    const expected = model.template.sections.flatMap((s, i) => s.clauses.map((_, j) => `${i + 1}.${j + 1}`));
    expect(clauses.map((m) => `${m[1]}.${m[2]}`)).toEqual(expected);
    expect(lines.some((line) => line.startsWith(`1.1${sep}`))).toBe(true);
    const headings = lines.filter((line) => /^\d+\. \S/.test(line)).map((line) => Number(line.split('.')[0]));
    expect(headings).toEqual(Array.from({ length: model.template.sections.length + 2 }, (_, i) => i + 1));
  });

  it('renders the same bytes for the same contract and creation date', async () => {
    const a = await render(sampleContractModel('ru'), 'ru');
    const b = await render(sampleContractModel('ru'), 'ru');
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const c = await render(sampleContractModel('ru'), 'ru', new Date('2026-03-13T09:30:00Z'));
    expect(Buffer.compare(a.bytes, c.bytes)).not.toBe(0);
  });

  it('is registered for the CONTRACT kind', async () => {
    const direct = await render(sampleContractModel('bg'), 'bg');
    const viaRegistry = await renderDocument(DocumentKind.CONTRACT, sampleContractModel('bg'), { locale: 'bg', createdAt: CREATED });
    expect(Buffer.compare(direct.bytes, viaRegistry.bytes)).toBe(0);
  });

  it.each(['ru', 'bg', 'en'] as const)('%s: a long contract spans over ten pages, with the running header after the first and no heading left at the bottom of a page', async (lang) => {
    const model = sampleContractModel(lang, { template: parsed(longTemplateText(lang, 12)) });
    const { bytes, pageCount } = await render(model, lang);
    expect(pageCount).toBeGreaterThanOrEqual(10);
    expect(pdfPageCount(bytes)).toBe(pageCount);
    const header = { ru: 'Договор № Д-2026-0042 от 12.03.2026', bg: 'Договор № Д-2026-0042 от 12.03.2026 г.', en: 'Services Agreement No. Д-2026-0042 of 12 Mar 2026' }[lang];
    const pageLabel = (page: number) => ({ ru: `Страница ${page} из ${pageCount}`, bg: `Страница ${page} от ${pageCount}`, en: `Page ${page} of ${pageCount}` })[lang];
    const pages = pdfPages(bytes);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => {
      const text = squash(page);
      expect(text.includes(header)).toBe(i > 0);
      expect(text).toContain(pageLabel(i + 1));
      // the last line of content (above the footer) is never a section heading
      const content = page.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes(pageLabel(i + 1)));
      expect({ page: i + 1, last: content[content.length - 1] }).not.toEqual({ page: i + 1, last: expect.stringMatching(/^\d+\. \S/) });
    });
    // every section of the template is printed once, its heading followed by its first clause
    const all = pages.map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
    model.template.sections.forEach((section, i) => {
      const n = i + 1;
      const page = all.findIndex((lines) => lines.some((l) => l.startsWith(`${n}. ${section.heading}`)));
      expect({ n, page: page >= 0 }).toEqual({ n, page: true });
      expect(all[page].some((l) => l.startsWith(lang === 'en' ? `${n}.1 ` : `${n}.1. `))).toBe(true);
    });
    const last = squash(pages[pages.length - 1]);
    expect(last).toContain({ ru: 'М.П.', bg: 'печат', en: 'stamp' }[lang]);
  });

  it('never leaves a section heading at the bottom of a page, wherever the page ends', async () => {
    // one-line clauses push the next heading down line by line, across the end of the first page
    for (let k = 28; k <= 56; k += 2) {
      const filler = Array.from({ length: k }, (_, i) => `Пункт ${i + 1}.`).join('\n\n');
      const long = Array.from({ length: 6 }, () => 'Исполнитель оказывает услуги добросовестно и в согласованные сроки, а Заказчик принимает и оплачивает их.').join(' ');
      const template = parsed(`Преамбула.\n\n## Вводные положения\n\n${filler}\n\n## Заключительная часть\n\n${long}\n\n${long}`);
      const { bytes } = await render(sampleContractModel('ru', { template }), 'ru');
      const pages = pdfPages(bytes).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
      const page = pages.findIndex((lines) => lines.includes('2. Заключительная часть'));
      expect({ k, clauseWithHeading: pages[page].some((l) => l.startsWith('2.1. Исполнитель')) }).toEqual({ k, clauseWithHeading: true });
    }
  });

  it('writes the standard opening when the template has none', async () => {
    const template = parsed('## Предмет Договора\n\nИсполнитель оказывает Заказчику услуги: {{contract.subject}}.');
    const { bytes } = await render(sampleContractModel('ru', { template }), 'ru');
    const text = squash(pdfPages(bytes).join(' '));
    expect(text).toContain('ООО «Вектор Диджитал» (ИНН 7701234567, адрес: 125009, г. Москва, ул. Тверская, д. 7, офис 12), именуемое в дальнейшем «Исполнитель», в лице Генерального директора Орловой Е. П., действующей на основании Устава');
    expect(text).toContain('в лице Коммерческого директора Петрова П. П., действующего на основании доверенности');
    expect(text).toContain('1.1. Исполнитель оказывает Заказчику услуги: Ведение контекстной рекламы');
    expect(text).toContain('2. Порядок оплаты');
    expect(text).toContain('3. Адреса и реквизиты сторон');
  });

  it('prints blanks for a draft without a number, an unknown city, and no schedule section without payments', async () => {
    const { bytes } = await render(sampleContractModel('ru', { number: null, city: null, schedule: [] }), 'ru');
    const pages = pdfPages(bytes).map(squash);
    expect(pages[0]).toContain('ДОГОВОР № ____________');
    expect(pages[0]).toContain('г. ____________ 12 марта 2026 г.');
    const text = pages.join(' ');
    expect(text).not.toContain('Порядок оплаты');
    expect(text).toContain('11. Адреса и реквизиты сторон');
    if (pages.length > 1) expect(pages[1]).toContain('Договор от 12.03.2026');
  });

  it('puts the logo at the top and the stamp and signature on the agency side when the agency has them', async () => {
    const images = { logo: new Uint8Array(pngjsImage(300, 90, { colorType: 2 })), stamp: new Uint8Array(pngjsImage(120, 120, { colorType: 2 })), signature: new Uint8Array(pngjsImage(160, 60, { colorType: 2 })) };
    const { bytes } = await render(sampleContractModel('ru', images), 'ru');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(3);
    const pages = pdfPages(bytes).map(squash);
    expect(pages[0]).toContain('Вектор');
    expect(pages[0]).toContain('ДОГОВОР № Д-2026-0042');
    const without = await render(sampleContractModel('ru'), 'ru');
    expect(without.bytes.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('prints the VAT on top of the price in the schedule totals', async () => {
    const model = sampleContractModel('ru', {
      amount: '120000.00',
      priceBasis: 'VAT_ON_TOP',
      vat: { regime: 'STANDARD' as never, rate: '22.00', customNote: null, net: '120000.00', vat: '26400.00', gross: '146400.00' },
      schedule: [{ label: 'Оплата', trigger: 'AFTER_DELIVERY', percent: '100.0000', amount: '120000.00', dueOn: null, isPrepayment: false }],
    });
    const text = squash(pdfPages((await render(model, 'ru')).bytes).join(' '));
    expect(text).toContain('Итого по Договору 100% 120 000,00 ₽');
    expect(text).toContain('НДС 22% 26 400,00 ₽');
    expect(text).toContain('Всего с НДС 146 400,00 ₽');
    expect(text).toContain('НДС по ставке 22% начисляется сверх указанной суммы и составляет 26 400,00 руб., всего с НДС — 146 400,00 руб.');
  });
});
