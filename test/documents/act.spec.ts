import { placeOf, vatByRate } from '../../src/documents/act/act.data';
import { renderAct } from '../../src/documents/act/act.document';
import { actLabels } from '../../src/documents/act/act.labels';
import type { ActModel } from '../../src/documents/act/act.model';
import { rawPng } from '../support/images';
import { pdfFonts, pdfImages, pdfPageCount, pdfPages, pdfText, qpdfCheck, squash } from '../support/pdf';
import { bgAct, CREATED, longRuAct, ruAct } from './act.fixture';

type Locale = 'ru' | 'bg' | 'en';

async function render(model: ActModel, locale: Locale, createdAt = CREATED) {
  return renderAct(model, { locale, createdAt });
}

/** The whole text, whitespace collapsed (thin and no-break spaces included), words wrapped at a hyphen rejoined. */
const textOf = (bytes: Buffer) => squash(pdfPages(bytes).join('\n')).replace(/(\p{L})- (?=\p{L})/gu, '$1-');

function expectSoundPdf(bytes: Buffer): void {
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
  const fonts = pdfFonts(bytes);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
}

describe('the act in Russian (акт об оказании услуг)', () => {
  it('prints the number and date, both parties with requisites, basis, period, lines, totals, the total in words, the statement and both signatures', async () => {
    const { bytes, pageCount } = await render(ruAct(), 'ru');
    expectSoundPdf(bytes);
    expect(pageCount).toBe(1);
    const text = textOf(bytes);
    for (const expected of [
      'Акт № АКТ-2026-000012 от 30 ноября 2026 г.',
      'об оказании услуг',
      'Исполнитель: ООО «Ромашка Диджитал», ИНН 7701234567, КПП 770101001',
      'р/с 40702810938000012345',
      'Заказчик: АО «Северный ветер», ИНН 7709876543, КПП 770901001',
      'Основание: Договор № Д-2026-0007 от 15.10.2026',
      'с 1 ноября 2026 г. по 30 ноября 2026 г.',
      '№ Наименование работ, услуг Кол-во Ед. Цена Сумма',
      'Консультации по медиапланированию 12,5 ч 2 000,00 25 000,00',
      'Итого: 105 000,00 ₽',
      'НДС 22%: 23 100,00 ₽',
      'Всего (с учётом НДС): 128 100,00 ₽',
      'Всего оказано услуг 3, на сумму 128 100,00 ₽',
      'Сто двадцать восемь тысяч сто рублей 00 копеек',
      'Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по объему, качеству и срокам оказания услуг не имеет.',
      'Акт подписан Заказчиком 2 декабря 2026 г.: Петров П. П.',
      'ИСПОЛНИТЕЛЬ ЗАКАЗЧИК',
      'Генеральный директор Директор по маркетингу',
      '/ Смирнова Е. А. /',
      '/ Петров П. П. /',
      'М.П.',
      'Страница 1 из 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('ПРОЕКТ');
  });

  it('prints a service line in the default unit as «усл.», and lists the invoices as the basis of an act without a contract', async () => {
    const text = textOf((await render(ruAct({ contract: null, invoices: [{ number: '2026-000031', date: '2026-11-05' }, { number: '2026-000035', date: '2026-11-20' }] }), 'ru')).bytes);
    expect(text).toContain('Основание: Счёт № 2026-000031 от 05.11.2026; Счёт № 2026-000035 от 20.11.2026');
    expect(text).toContain('1 усл. 50 000,00 50 000,00');
  });

  it('with prices including VAT: the total with «В том числе НДС»', async () => {
    const lines = [{ position: 1, description: 'Ведение кампании', quantity: '1.000', unit: 'усл.', unitPrice: '120000.00', vatRate: '22.00', net: '98360.66', vat: '21639.34', gross: '120000.00' }];
    const model = ruAct({ priceBasis: 'VAT_INCLUDED', lines, subtotal: '98360.66', vatTotal: '21639.34', total: '120000.00', vatByRate: [{ rate: '22.00', amount: '21639.34' }] });
    const text = textOf((await render(model, 'ru')).bytes);
    expect(text).toContain('1 усл. 120 000,00 120 000,00');
    expect(text).toContain('Итого: 120 000,00 ₽');
    expect(text).toContain('В том числе НДС 22%: 21 639,34 ₽');
    expect(text).toContain('Всего (с учётом НДС): 120 000,00 ₽');
    expect(text).toContain('Сто двадцать тысяч рублей 00 копеек');
  });

  it('without VAT (simplified tax): «Без налога (НДС)» and the legal basis, no VAT line', async () => {
    const note = 'НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)';
    const lines = ruAct().lines.map((l) => ({ ...l, vatRate: null, vat: '0.00', gross: l.net }));
    const text = textOf((await render(ruAct({ lines, vatTotal: '0.00', total: '105000.00', vatByRate: [], vatExemptionNote: note }), 'ru')).bytes);
    expect(text).toContain('Без налога (НДС): —');
    expect(text).toContain('Всего: 105 000,00 ₽');
    expect(text).toContain(note);
    expect(text).not.toContain('НДС 22%');
    expect(text).toContain('Сто пять тысяч рублей 00 копеек');
  });

  it('shows the VAT difference of a rate change, and each rate of a mixed act', async () => {
    const model = ruAct({ vatDifference: '2000.00', vatByRate: [{ rate: '22.00', amount: '22000.00' }, { rate: '10.00', amount: '1100.00' }] });
    const text = textOf((await render(model, 'ru')).bytes);
    expect(text).toContain('НДС 22%: 22 000,00 ₽ НДС 10%: 1 100,00 ₽');
    expect(text).toContain('разница НДС в связи с изменением ставки против выставленных счетов: 2 000,00 ₽');
  });

  it('prints a draft with a ПРОЕКТ mark on every page, a blank number and the blank date of the customer', async () => {
    const draft = { ...longRuAct(60), status: 'DRAFT' as const, draft: true, number: null, signed: null };
    const { bytes, pageCount } = await render(draft, 'ru');
    expectSoundPdf(bytes);
    const pages = pdfPages(bytes).map(squash);
    expect(pages).toHaveLength(pageCount);
    // the mark is drawn at an angle: read in the order it was drawn
    for (let page = 1; page <= pageCount; page++) expect(squash(pdfText(bytes, { page, raw: true }))).toContain('ПРОЕКТ');
    expect(pages[0]).toContain('Акт № ____ от 30 ноября 2026 г.');
    expect(pages[pageCount - 1]).toContain('«____» ____________ 20___ г.');
    expect(pages.join(' ')).not.toContain('Акт подписан');
  });
});

describe('the protocol in Bulgarian (приемо-предавателен протокол)', () => {
  it('opens with the date, the place and both parties, then the services, totals with the leva equivalent, the words and the signatures', async () => {
    const { bytes } = await render(bgAct(), 'bg');
    expectSoundPdf(bytes);
    const text = textOf(bytes);
    for (const expected of [
      'ПРИЕМО-ПРЕДАВАТЕЛЕН ПРОТОКОЛ',
      'за извършени услуги № 0000000042 от 30 юни 2026 г.',
      'Днес, 30 юни 2026 г., в гр. София, между:',
      '1. „Лайка Медия“ ЕООД, ЕИК 204567893, ИН по ДДС BG204567893, със седалище и адрес на управление: гр. София 1000, ул. „Граф Игнатиев“ № 12, представлявано от Мария Иванова – управител, наричано по-долу ИЗПЪЛНИТЕЛ, и',
      '2. „Зора Трейд“ АД, ЕИК 131234567, ИН по ДДС BG131234567',
      'наричано по-долу ВЪЗЛОЖИТЕЛ,',
      'на основание Договор № 15/2026 от 01.02.2026 г. се състави настоящият протокол за следното:',
      'ИЗПЪЛНИТЕЛЯТ предаде, а ВЪЗЛОЖИТЕЛЯТ прие извършените услуги за периода от 1 юни 2026 г. до 30 юни 2026 г., както следва:',
      '№ Наименование на услугата Кол-во Мярка Ед. цена Стойност',
      'Изработка на банери (комплект) 3 бр. 150,50 451,50',
      'Данъчна основа: 2 851,50 €',
      'ДДС 20%: 570,30 €',
      'Общо (с ДДС): 3 421,80 €',
      'Равностойност в лева: 6 692,46 лв.',
      'Общо извършени услуги: 2, на стойност 3 421,80 €',
      'Словом: Три хиляди четиристотин двадесет и едно евро и 80 евроцента',
      'ВЪЗЛОЖИТЕЛЯТ няма претенции към обема, качеството и сроковете на извършените услуги.',
      'в два еднообразни екземпляра',
      'ЗА ИЗПЪЛНИТЕЛЯ: ЗА ВЪЗЛОЖИТЕЛЯ:',
      '/ Мария Иванова /',
      '/ Георги Петров /',
      'печат',
      'Страница 1 от 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('leaves the place blank when the address does not name it', async () => {
    const text = textOf((await render(bgAct({ place: null }), 'bg')).bytes);
    expect(text).toContain('Днес, 30 юни 2026 г., в гр. ____________, между:');
  });
});

describe('the certificate in English', () => {
  it('prints the same act with English labels, dates and number format', async () => {
    const { bytes } = await render(ruAct(), 'en');
    expectSoundPdf(bytes);
    const text = textOf(bytes);
    for (const expected of [
      'CERTIFICATE OF COMPLETION No. АКТ-2026-000012 dated 30 November 2026',
      'Supplier: ООО «Ромашка Диджитал», INN 7701234567, KPP 770101001',
      'Customer: АО «Северный ветер»',
      'Basis: Contract No. Д-2026-0007 dated 15 Oct 2026',
      'Period of services: 1 November 2026 to 30 November 2026',
      '1 service 50,000.00 50,000.00',
      'Subtotal: RUB 105,000.00',
      'VAT 22%: RUB 23,100.00',
      'Total (incl. VAT): RUB 128,100.00',
      'Total services rendered: 3, amount RUB 128,100.00',
      'Amount in words: One hundred and twenty-eight thousand one hundred roubles and 00 kopecks',
      'The services listed above have been performed in full and on time.',
      'Signed by the Customer on 2 December 2026: Петров П. П.',
      'SUPPLIER CUSTOMER',
      'stamp',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('the act as a document', () => {
  it('is deterministic: the same model and creation date give the same bytes, another date other bytes', async () => {
    for (const locale of ['ru', 'bg', 'en'] as const) {
      const model = locale === 'bg' ? bgAct() : ruAct();
      const [a, b] = [await render(model, locale), await render(model, locale)];
      expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
      const c = await render(model, locale, new Date('2026-12-02T09:30:00Z'));
      expect(Buffer.compare(a.bytes, c.bytes)).not.toBe(0);
    }
  });

  it('a long act spans pages with the table header on each, the act on top of the later ones, every line once and the totals with the last line', async () => {
    const { bytes, pageCount } = await render(longRuAct(60), 'ru');
    expectSoundPdf(bytes);
    expect(pageCount).toBe(3);
    expect(pdfPageCount(bytes)).toBe(3);
    const pages = pdfPages(bytes).map(squash);
    pages.forEach((page, i) => {
      expect(page).toContain('№ Наименование работ, услуг Кол-во Ед. Цена Сумма');
      expect(page).toContain(`Страница ${i + 1} из 3`);
      if (i > 0) expect(page).toContain('Акт № АКТ-2026-000012 от 30 ноября 2026 г.');
    });
    const all = pages.join(' ');
    for (const n of [1, 19, 20, 45, 46, 60]) expect(all.split(`площадка № ${n}:`).length - 1).toBe(1);
    expect(pages[2]).toContain('площадка № 60:');
    expect(pages[2]).toContain('Всего (с учётом НДС): 73 200,00 ₽');
    expect(pages[2]).toContain('Семьдесят три тысячи двести рублей 00 копеек');
  });

  it("places the agency's logo in the letterhead and its signature and stamp in its signature block", async () => {
    const logo = new Uint8Array(rawPng(300, 90));
    const signature = new Uint8Array(rawPng(160, 60));
    const stamp = new Uint8Array(rawPng(200, 200));
    const { bytes } = await render(ruAct({ logo, signature, stamp }), 'ru');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfImages(bytes)).toEqual([
      { page: 1, width: 300, height: 90 },
      { page: 1, width: 160, height: 60 },
      { page: 1, width: 200, height: 200 },
    ]);
    expect(pdfImages((await render(ruAct(), 'ru')).bytes)).toEqual([]);
  });

  it('keeps the same label keys in ru, bg and en', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(actLabels.bg)).toEqual(keys(actLabels.ru));
    expect(keys(actLabels.en)).toEqual(keys(actLabels.ru));
    for (const bundle of [actLabels.ru, actLabels.bg, actLabels.en]) for (const v of Object.values(bundle)) expect(v.trim()).not.toBe('');
  });
});

describe('act model helpers', () => {
  it('reads the place from the address', () => {
    expect(placeOf('гр. София 1000, ул. „Граф Игнатиев“ № 12')).toBe('гр. София');
    expect(placeOf('ул. Шипка 3, гр. Велико Търново 5000')).toBe('гр. Велико Търново');
    expect(placeOf('с. Баня, общ. Карлово')).toBe('с. Баня');
    expect(placeOf('119021, г. Москва, ул. Льва Толстого, д. 16')).toBe('г. Москва');
    expect(placeOf('1000 София, бул. Витоша 1')).toBeNull();
    expect(placeOf(null)).toBeNull();
  });

  it('adds VAT up per rate, highest rate first, leaving out lines without VAT', () => {
    expect(
      vatByRate([
        { vatRate: '10.00', vat: '100.00' },
        { vatRate: '22.00', vat: '220.00' },
        { vatRate: null, vat: '0.00' },
        { vatRate: '22.00', vat: '0.01' },
        { vatRate: '0.00', vat: '0.00' },
      ]),
    ).toEqual([
      { rate: '22.00', amount: '220.01' },
      { rate: '10.00', amount: '100.00' },
      { rate: '0.00', amount: '0.00' },
    ]);
  });
});
