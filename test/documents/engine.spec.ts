import { DocumentWriter } from '../../src/documents/layout/create-document';
import { documentFonts, fontParseCount } from '../../src/documents/layout/fonts';
import { drawKeyValues, drawParties, drawSignatures, drawTotals } from '../../src/documents/layout/blocks';
import { drawTable } from '../../src/documents/layout/table';
import { documentLabels } from '../../src/documents/i18n/labels';
import { pdfFonts, pdfPageCount, pdfPageSizes, pdfPages, pdfText, qpdfCheck, squash } from '../support/pdf';

const CREATED = new Date('2026-11-22T09:30:00Z');

async function specimen(rows: number, createdAt = CREATED) {
  const l = documentLabels('ru' as never);
  const w = new DocumentWriter(
    { title: 'Образец', author: 'ООО «Ромашка»', locale: 'ru' as never, createdAt },
    { runningHeader: 'Образец № 7', footerLeft: 'ООО «Ромашка Диджитал»', pageLabel: (page, pages) => l('common.page', { page, pages }) },
  );
  w.text('title', 'Счёт на оплату № 7', { gapAfter: 6 });
  drawParties(w, [
    { role: l('common.supplier'), name: 'ООО «Ромашка Диджитал»', lines: ['ИНН 7701234567'] },
    { role: l('common.customer'), name: 'АО «Клиент»', lines: ['ИНН 7709876543'] },
  ]);
  drawKeyValues(w, [['Договор', '№ Д-7 от 01.11.2026']]);
  const body = Array.from({ length: rows }, (_, i) => [String(i + 1), `Услуга номер ${i + 1}: ведение кампании`, '1 000,00 ₽']);
  drawTable(
    w,
    [
      { header: '№', width: 5, align: 'right' },
      { header: 'Наименование услуги', width: 70 },
      { header: 'Сумма', width: 25, align: 'right' },
    ],
    body,
    { footer: [{ cells: ['', 'Итого', `${rows} 000,00 ₽`], bold: true }] },
  );
  drawTotals(w, [{ label: 'Всего к оплате:', value: '€ 5,00', strong: true }]);
  drawSignatures(w, [
    { role: 'Исполнитель', name: 'Иванов И. И.', signatureCaption: l('common.signature'), stampCaption: l('common.stamp') },
    { role: 'Заказчик', name: 'Петров П. П.', signatureCaption: l('common.signature') },
  ]);
  return w.finish();
}

describe('the document engine', () => {
  it('writes a valid PDF with embedded, subset Cyrillic fonts that map back to Unicode', async () => {
    const { bytes, pageCount } = await specimen(3);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(pageCount).toBe(1);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+Roboto/);
    }
    const text = squash(pdfPages(bytes)[0]);
    expect(text).toContain('Счёт на оплату № 7');
    expect(text).toContain('ООО «Ромашка Диджитал»');
    expect(text).toContain('1 000,00 ₽');
    expect(text).toContain('€ 5,00');
    expect(text).toContain('Страница 1 из 1');
  });

  it('breaks a long table across pages, repeats its header and numbers the pages "N of M"', async () => {
    const { bytes, pageCount } = await specimen(160);
    expect(pageCount).toBeGreaterThanOrEqual(4);
    expect(pdfPageCount(bytes)).toBe(pageCount);
    const pages = pdfPages(bytes).map(squash);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => {
      expect(page).toContain('Наименование услуги');
      expect(page).toContain(`Страница ${i + 1} из ${pageCount}`);
      if (i > 0) expect(page).toContain('Образец № 7');
    });
    // every row is printed exactly once, in order
    const all = pages.join(' ');
    for (const n of [1, 37, 80, 159, 160]) expect(all.split(`Услуга номер ${n}:`).length - 1).toBe(1);
    // the total travels with the last row
    const last = pages[pages.length - 1];
    expect(last).toContain('Услуга номер 160:');
    expect(last).toContain('Итого 160 000,00 ₽');
  });

  it('is deterministic: the same content and creation date give identical bytes', async () => {
    const a = await specimen(40);
    const b = await specimen(40);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const c = await specimen(40, new Date('2026-11-23T09:30:00Z'));
    expect(Buffer.compare(a.bytes, c.bytes)).not.toBe(0);
  });

  it('parses the fonts once per process, however many documents it renders', async () => {
    documentFonts();
    for (let i = 0; i < 5; i++) await specimen(2);
    expect(fontParseCount()).toBe(1);
  });

  it('has Cyrillic, the rouble and euro signs, № and the thin space in every face', () => {
    for (const font of Object.values(documentFonts())) {
      for (const ch of ['Ж', 'ё', 'Ъ', '₽', '€', '№', '\u2009', '«', '»']) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
  });

  it('lays A4 upright by default and on its side when asked, on every page, with the content width to match', async () => {
    const page = async (layout?: 'landscape') => {
      const w = new DocumentWriter(
        { title: 'Форма', author: 'ООО «Ромашка»', locale: 'ru' as never, createdAt: CREATED, layout, margins: layout ? { left: 28, right: 28 } : undefined },
        { pageLabel: (p, n) => `${p}/${n}` },
      );
      w.text('body', 'Первая страница');
      w.newPage();
      w.text('body', 'Вторая страница');
      return { w, out: await w.finish() };
    };
    const portrait = await page();
    const landscape = await page('landscape');
    expect(pdfPageSizes(portrait.out.bytes)).toEqual([
      { width: 595.28, height: 841.89 },
      { width: 595.28, height: 841.89 },
    ]);
    expect(pdfPageSizes(landscape.out.bytes)).toEqual([
      { width: 841.89, height: 595.28 },
      { width: 841.89, height: 595.28 },
    ]);
    expect(portrait.w.width).toBeCloseTo(595.28 - 62 - 40, 2);
    expect(landscape.w.width).toBeCloseTo(841.89 - 28 - 28, 2);
    expect(squash(pdfPages(landscape.out.bytes)[1])).toContain('Вторая страница');
  });

  it('keeps Latin letters extractable after Cyrillic twins drawn from them were subset in an earlier document', async () => {
    const one = async (text: string) => {
      const w = new DocumentWriter({ title: 'x', author: 'x', locale: 'ru' as never, createdAt: CREATED }, { pageLabel: () => '' });
      w.text('body', text);
      w.text('bodyBold', text);
      return squash(pdfText((await w.finish()).bytes, { layout: false }));
    };
    // Roboto builds capitals such as А, В, Е, К, М, Н, О, Р, С, Т, Х from the Latin glyphs, and the
    // fonts are shared by every document: a subset writer that asked fontkit for those components
    // would cache them without code points, and the Latin letters of every later document would
    // be drawn but lost to copying and search
    expect(await one('АВЕКМНОРСТХ авекморстух')).toBe('АВЕКМНОРСТХ авекморстух АВЕКМНОРСТХ авекморстух');
    expect(await one('ABEKMHOPCTX aekmopctyx IBAN BG80BNBG96611020345678')).toBe(
      'ABEKMHOPCTX aekmopctyx IBAN BG80BNBG96611020345678 ABEKMHOPCTX aekmopctyx IBAN BG80BNBG96611020345678',
    );
  });
});
