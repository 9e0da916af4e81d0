import { netUnitPrice, okeiUnit } from '../../src/documents/vat-invoice/vat-invoice.data';
import { renderVatInvoice } from '../../src/documents/vat-invoice/vat-invoice.document';
import { vatInvoiceLabels } from '../../src/documents/vat-invoice/vat-invoice.labels';
import { editionOn, type VatInvoiceModel } from '../../src/documents/vat-invoice/vat-invoice.model';
import { rawPng } from '../support/images';
import { pdfFonts, pdfImages, pdfPageCount, pdfPageSizes, pdfText, qpdfCheck, squash } from '../support/pdf';
import { CREATED } from './act.fixture';
import { longVatInvoice, vatInvoice } from './vat-invoice.fixture';

const render = (model: VatInvoiceModel, locale: 'ru' | 'bg' | 'en' = 'ru', createdAt = CREATED) => renderVatInvoice(model, { locale, createdAt });

/**
 * The text in the order the form draws it (cell by cell, line by line: a form's columns would
 * interleave in a layout reading), whitespace collapsed, words hyphenated at a line end rejoined.
 */
const squashed = (text: string) => squash(text).replace(/(\p{L})- (?=\p{L})/gu, '$1');
const textOf = (bytes: Buffer) => squashed(pdfText(bytes, { raw: true }));
const pageTexts = (bytes: Buffer, count: number) => Array.from({ length: count }, (_, i) => squashed(pdfText(bytes, { page: i + 1, raw: true })));

const LANDSCAPE_A4 = { width: 841.89, height: 595.28 };
const COLUMN_NUMBERS = '1 1а 1б 2 2а 3 4 5 6 7 8 9 10 10а 11 12 12а 13 14';

describe('the счёт-фактура', () => {
  it('is a sound PDF on landscape A4 with embedded Unicode fonts', async () => {
    const { bytes, pageCount } = await render(vatInvoice());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    for (const f of pdfFonts(bytes)) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(pageCount).toBe(1);
    expect(pdfPageSizes(bytes)).toEqual([LANDSCAPE_A4]);
  });

  it('prints every header line with its code, from (1) to (8), as the 2026 edition of the form has them', async () => {
    const text = textOf((await render(vatInvoice())).bytes);
    for (const expected of [
      'Приложение № 1 к постановлению Правительства Российской Федерации от 26 декабря 2011 г. № 1137',
      '(в редакции постановления Правительства Российской Федерации от 23 января 2026 г. № 26)',
      'СЧЁТ-ФАКТУРА № СФ-2026-0451 от 30 ноября 2026 г. (1)',
      'ИСПРАВЛЕНИЕ № -- от -- (1а)',
      'Продавец: ООО «Ромашка Диджитал» (2)',
      'Адрес: 119021, г. Москва, ул. Льва Толстого, д. 16 (2а)',
      'ИНН/КПП продавца: 7701234567/770101001 (2б)',
      'Грузоотправитель и его адрес: -- (3)',
      'Грузополучатель и его адрес: -- (4)',
      'К платёжно-расчётному документу № 318 от 05.11.2026 (5)',
      'Документ об отгрузке № п/п 1–3 № АКТ-2026-000012 от 30.11.2026 (5а)',
      'К счёту-фактуре (счетам-фактурам), выставленному (выставленным) при получении оплаты, частичной оплаты или иных платежей в счёт',
      'передачи имущественных прав № -- от --, исправление № -- от -- (5б)',
      'Покупатель: АО «Северный ветер» (6)',
      'Адрес: 105064, г. Москва, ул. Земляной Вал, д. 9 (6а)',
      'ИНН/КПП покупателя: 7709876543/770901001 (6б)',
      'Валюта: наименование, код: Российский рубль, 643 (7)',
      'Идентификатор государственного контракта, договора (соглашения) (при наличии): -- (8)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the table: grouped header, column numbers, each line with its unit code, «без акциза», rate and VAT, and the totals due', async () => {
    const text = textOf((await render(vatInvoice())).bytes);
    for (const expected of [
      'Единица измерения Страна происхождения товара Количественная единица измерения товара, используемая в целях осуществления прослеживаемости',
      '№ п/п Наименование товара (описание выполненных работ, оказанных услуг), имущественного права Код вида товара код условное обозначение (национальное) Количество (объём) Цена (тариф) за единицу измерения',
      'В том числе сумма акциза Налоговая ставка Сумма налога, предъявляемая покупателю',
      'цифровой код краткое наименование Регистрационный номер декларации на товары или регистрационный номер партии товара, подлежащего прослеживаемости',
      'без налога на добавленную стоимость, в рублях и копейках',
      COLUMN_NUMBERS,
      '1 Ведение рекламной кампании в Яндекс Директ, ноябрь 2026 -- 876 усл. ед. 1 50 000,00 50 000,00 без акциза 22% 11 000,00 61 000,00 -- -- -- -- -- -- --',
      '3 Консультации по медиапланированию -- 356 ч 12,5 2 000,00 25 000,00 без акциза 22% 5 500,00 30 500,00 -- -- -- -- -- -- --',
      'Всего к оплате 105 000,00 Х 23 100,00 128 100,00',
      'Руководитель организации или иное уполномоченное лицо Смирнова Е. А. (подпись) (ф. и. о.)',
      'Главный бухгалтер или иное уполномоченное лицо (подпись) (ф. и. о.)',
      'Индивидуальный предприниматель или иное уполномоченное лицо (подпись) (ф. и. о.)',
      '(основной государственный регистрационный номер индивидуального предпринимателя и дата присвоения такого номера)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('a 40-line счёт-фактура repeats the table header and the column numbers on every page and ends with the totals and signatures', async () => {
    const { bytes, pageCount } = await render(longVatInvoice(40));
    expect(pageCount).toBe(5);
    expect(pdfPageCount(bytes)).toBe(5);
    expect(pdfPageSizes(bytes)).toEqual(Array(5).fill(LANDSCAPE_A4));
    const pages = pageTexts(bytes, 5);
    pages.forEach((page, i) => {
      expect(page).toContain('Наименование товара (описание выполненных работ, оказанных услуг), имущественного права');
      expect(page).toContain('Единица измерения Страна происхождения товара');
      expect(page).toContain(COLUMN_NUMBERS);
      expect(page).toContain(`Страница ${i + 1} из 5`);
      if (i > 0) expect(page).toContain('СЧЁТ-ФАКТУРА № СФ-2026-0451 от 30 ноября 2026 г.');
    });
    const all = pages.join(' ');
    for (let n = 1; n <= 40; n++) expect(all.split(`площадка № ${n}:`).length - 1).toBe(1);
    const last = pages[4];
    expect(last).toContain('площадка № 40:');
    expect(last).toContain('Всего к оплате 40 000,00 Х 8 800,00 48 800,00');
    expect(last).toContain('Руководитель организации или иное уполномоченное лицо Смирнова Е. А.');
  });

  it('is printed in Russian whatever language is asked for', async () => {
    const ru = await render(vatInvoice(), 'ru');
    for (const locale of ['bg', 'en'] as const) expect(Buffer.compare((await render(vatInvoice(), locale)).bytes, ru.bytes)).toBe(0);
  });

  it('is deterministic: the same model and creation date give the same bytes', async () => {
    const [a, b] = [await render(vatInvoice()), await render(vatInvoice())];
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(Buffer.compare(a.bytes, (await render(vatInvoice(), 'ru', new Date('2026-12-02T00:00:00Z'))).bytes)).not.toBe(0);
  });

  it('before 1 April 2026 follows the edition of Постановление № 1096: no line 5б, column 14 "в рублях", the certificate line of an entrepreneur', async () => {
    const text = textOf((await render(vatInvoice({ date: '2026-03-31' }))).bytes);
    expect(text).toContain('(в редакции постановления Правительства Российской Федерации от 16 августа 2024 г. № 1096)');
    expect(text).toContain('СЧЁТ-ФАКТУРА № СФ-2026-0451 от 31 марта 2026 г.');
    expect(text).not.toContain('(5б)');
    expect(text).not.toContain('копейках');
    expect(text).toContain('(реквизиты свидетельства о государственной регистрации индивидуального предпринимателя)');
  });

  it('an entrepreneur signs on the entrepreneur line, with the ОГРНИП', async () => {
    const seller = { ...vatInvoice().seller, name: 'ИП Смирнова Елена Андреевна', inn: '770123456789', kpp: null, entrepreneur: true, ogrn: '316774600123456' };
    const text = textOf((await render(vatInvoice({ seller }))).bytes);
    expect(text).toContain('ИНН/КПП продавца: 770123456789 (2б)');
    expect(text).toContain('ОГРНИП 316774600123456');
    // the name stands on the entrepreneur's line, not the head's
    expect(text).toContain('Руководитель организации или иное уполномоченное лицо (подпись) (ф. и. о.)');
    expect(text).toContain('Индивидуальный предприниматель или иное уполномоченное лицо Смирнова Е. А. (подпись) (ф. и. о.)');
  });

  it('lists several payments received, prints a dash when there were none, and "без НДС" for a line without VAT', async () => {
    const lines = [vatInvoice().lines[0], { ...vatInvoice().lines[1], vatRate: null, vat: '0.00', gross: '30000.00' }];
    const withTwo = textOf((await render(vatInvoice({ lines, payments: [{ number: '318', date: '2026-11-05' }, { number: null, date: '2026-11-20' }] }))).bytes);
    expect(withTwo).toContain('К платёжно-расчётному документу № 318 от 05.11.2026; № -- от 20.11.2026 (5)');
    expect(withTwo).toContain('Документ об отгрузке № п/п 1–2 № АКТ-2026-000012');
    expect(withTwo).toContain('30 000,00 30 000,00 без акциза без НДС без НДС 30 000,00');
    const withNone = textOf((await render(vatInvoice({ payments: [] }))).bytes);
    expect(withNone).toContain('К платёжно-расчётному документу № -- от -- (5)');
  });

  it("places the signature image on the head's line (the form has no place for a stamp)", async () => {
    const { bytes } = await render(vatInvoice({ signature: new Uint8Array(rawPng(160, 60)) }));
    expect(pdfImages(bytes)).toEqual([{ page: 1, width: 160, height: 60 }]);
  });

  it('prints a draft with a ПРОЕКТ mark', async () => {
    const { bytes } = await render(vatInvoice({ draft: true }));
    expect(squash(pdfText(bytes, { page: 1, raw: true }))).toContain('ПРОЕКТ');
    expect(squash(pdfText((await render(vatInvoice())).bytes, { raw: true }))).not.toContain('ПРОЕКТ');
  });
});

describe('счёт-фактура helpers', () => {
  it('chooses the edition of the form by the document date', () => {
    expect(editionOn('2026-03-31')).toBe('2024');
    expect(editionOn('2026-04-01')).toBe('2026');
    expect(editionOn('2026-11-30')).toBe('2026');
  });

  it('gives services the ОКЕИ code of a conventional unit and keeps unknown units without a code', () => {
    expect(okeiUnit('усл.')).toEqual({ code: '876', name: 'усл. ед.' });
    expect(okeiUnit('шт')).toEqual({ code: '796', name: 'шт' });
    expect(okeiUnit('Ч')).toEqual({ code: '356', name: 'ч' });
    expect(okeiUnit('мес.')).toEqual({ code: '362', name: 'мес' });
    expect(okeiUnit('пакет')).toEqual({ code: null, name: 'пакет' });
  });

  it('prints the price without VAT: as given with VAT on top, the net per unit when prices include VAT', () => {
    expect(netUnitPrice({ quantity: '3.000', unitPrice: '1000.00', net: '3000.00' }, 'VAT_ON_TOP')).toBe('1000.00');
    expect(netUnitPrice({ quantity: '3.000', unitPrice: '1220.00', net: '3000.00' }, 'VAT_INCLUDED')).toBe('1000.00');
    expect(netUnitPrice({ quantity: '3.000', unitPrice: '1000.00', net: '2459.02' }, 'VAT_INCLUDED')).toBe('819.67');
    expect(netUnitPrice({ quantity: '0.000', unitPrice: '0.00', net: '0.00' }, 'VAT_INCLUDED')).toBe('0.00');
  });

  it('reads the same Russian wording in every language', () => {
    expect(vatInvoiceLabels.bg).toEqual(vatInvoiceLabels.ru);
    expect(vatInvoiceLabels.en).toEqual(vatInvoiceLabels.ru);
  });
});
