/**
 * The invoice rendered from hand-built models in ru, bg and en, read back as an accountant's
 * software would: qpdf checks the file, pdffonts the fonts, pdftotext the text, and the payment QR
 * code is decoded from the rasterised page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderInvoice } from '../../src/documents/invoice/invoice.document';
import type { InvoiceModel } from '../../src/documents/invoice/invoice.model';
import { MARGINS, PAGE } from '../../src/documents/layout/create-document';
import { renderDocument } from '../../src/documents/render';
import { DocumentKind } from '../../src/documents/kinds';
import { epcPaymentPayload, gostPaymentPayload, parseEpcPayload, parseGostPayload } from '../../src/documents/qr/payment-qr';
import { pdfFonts, pdfPageCount, pdfPagePng, pdfPages, pdfText, qpdfCheck, squash } from '../support/pdf';
import { agencyImages, BG_AGENCY, bgEur, RU_AGENCY, ruFinalWithPrepayment, ruLong, ruVatIncluded, ruVatOnTop, ruWithoutVat, USN_NOTE } from './invoice.fixtures';

const CREATED = new Date('2026-11-22T09:30:00Z');
const DPI = 150;
type Locale = 'ru' | 'bg' | 'en';

async function render(model: InvoiceModel, locale: Locale, createdAt = CREATED): Promise<Buffer> {
  return (await renderInvoice(model, { locale, createdAt })).bytes;
}

function text(bytes: Buffer): string {
  return squash(pdfText(bytes));
}

/**
 * The one QR code on the page, decoded from a 150 dpi raster: its bytes as UTF-8, or null when
 * there is none. The code always stands at the right margin, so only that strip is searched.
 */
function decodeQr(bytes: Buffer, page = 1): string | null {
  const png = PNG.sync.read(pdfPagePng(bytes, page, DPI));
  const scale = DPI / 72;
  const left = Math.floor((PAGE.width - MARGINS.right - 130) * scale);
  const width = Math.min(png.width - left, Math.ceil(150 * scale));
  const pixels = new Uint8ClampedArray(width * png.height * 4);
  for (let row = 0; row < png.height; row++) {
    const from = (row * png.width + left) * 4;
    pixels.set(png.data.subarray(from, from + width * 4), row * width * 4);
  }
  const found = jsQR(pixels, width, png.height, { inversionAttempts: 'dontInvert' });
  return found ? Buffer.from(found.binaryData).toString('utf8') : null;
}

/** The ГОСТ payload the Russian fixtures must carry: the agency's bank details and `sum`. */
function expectedGost(sum: string, purpose: string): string {
  return gostPaymentPayload({
    name: 'ООО «Вектор»',
    personalAcc: '40702810138250123017',
    bankName: 'ПАО Сбербанк',
    bic: '044525225',
    correspAcc: '30101810400000000225',
    sum,
    purpose,
    payeeInn: '7707083893',
    kpp: '770701001',
  });
}

/** The images placed on each page, as pdfimages lists them: [page, width, height] (soft masks left out). */
function pdfImages(bytes: Buffer): Array<[number, number, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), bytes);
    return execFileSync('pdfimages', ['-list', join(dir, 'doc.pdf')])
      .toString()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols): [number, number, number] => [Number(cols[0]), Number(cols[3]), Number(cols[4])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How often `mark` is on a page. The mark across the page is drawn at an angle: read in the order
 * it was drawn, with the spaces poppler guesses between its rotated letters dropped.
 */
function marksOn(bytes: Buffer, page: number, mark: string): number {
  return pdfText(bytes, { page, raw: true }).replace(/\s+/g, '').split(mark).length - 1;
}

function expectWellFormed(bytes: Buffer): void {
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
  const fonts = pdfFonts(bytes);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
}

describe('the invoice in Russian: счёт на оплату', () => {
  it('prices with VAT included: the bank grid, title, parties, basis, lines, Итого with «В том числе НДС», words, due date, signatures', async () => {
    const bytes = await render(ruVatIncluded(), 'ru');
    expectWellFormed(bytes);
    expect(pdfPageCount(bytes)).toBe(1);
    const t = text(bytes);
    for (const s of [
      'ПАО Сбербанк БИК 044525225',
      'Банк получателя Сч. № 30101810400000000225',
      'ИНН 7707083893 КПП 770701001 Сч. № 40702810138250123017',
      'ООО «Вектор» Получатель',
      'Счёт на оплату № 2026-000123 от 22 ноября 2026 г.',
      'Исполнитель (Поставщик): ООО «Вектор», ИНН 7707083893, КПП 770701001',
      'Заказчик (Покупатель): ООО «Ромашка», ИНН 7704123450, КПП 770401001',
      'Основание: Договор № Д-2026-0007 от 1 ноября 2026 г.',
      '№ Наименование работ, услуг Кол-во Ед. Цена Сумма',
      '1 Ведение рекламной кампании в Яндекс Директ, ноябрь 2026 1 усл. 61 000,00 61 000,00',
      '2 SEO-продвижение сайта romashka.ru 2 мес. 15 250,00 30 500,00',
      'Итого: 91 500,00',
      'В том числе НДС 22%: 16 500,00',
      'Всего к оплате: 91 500,00 ₽',
      'Всего наименований 2, на сумму 91 500,00 ₽',
      'Девяносто одна тысяча пятьсот рублей 00 копеек',
      'Оплатить не позднее 2 декабря 2026 г.',
      'Руководитель',
      'Генеральный директор',
      '/ Орлова Е. П. /',
      'Бухгалтер',
      'М.П.',
      'Оплата по QR-коду',
      'Страница 1 из 1',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('ПРОЕКТ');
    expect(t).not.toContain('АННУЛИРОВАН');
  });

  it('carries a ГОСТ Р 56042 code for the amount due in kopecks, with the VAT it contains in the purpose', async () => {
    const bytes = await render(ruVatIncluded(), 'ru');
    const decoded = decodeQr(bytes);
    expect(decoded).toBe(expectedGost('91500.00', 'Оплата по счёту № 2026-000123 от 22.11.2026 (в т.ч. НДС 22% 16500.00 руб.)'));
    expect(parseGostPayload(decoded!).fields).toMatchObject({ Sum: '9150000', PersonalAcc: '40702810138250123017', BIC: '044525225', PayeeINN: '7707083893', KPP: '770701001' });
  });

  it('prices with VAT on top: VAT columns, Итого, «НДС 22%», Всего к оплате', async () => {
    const bytes = await render(ruVatOnTop(), 'ru');
    expectWellFormed(bytes);
    const t = text(bytes);
    expect(t).toContain('Счёт на оплату № 2026-000124 от 23 ноября 2026 г.');
    // the narrow VAT headers wrap: «Сумма без НДС», «Ставка НДС», «Сумма НДС»
    expect(t).toContain('Цена Сумма без Ставка Сумма Всего НДС НДС НДС');
    // the description wraps in its narrower column; the amounts stay on its first line
    expect(t).toContain('2 Ведение сообществ в 3 мес. 12 345,67 37 037,01 22% 8 148,14 45 185,15 социальных сетях');
    expect(t).toContain('Итого: 87 037,01 НДС 22%: 19 148,14 Всего к оплате: 106 185,15 ₽');
    expect(t).not.toContain('В том числе НДС');
    expect(t).toContain('Сто шесть тысяч сто восемьдесят пять рублей 15 копеек');
    expect(t).not.toContain('Основание:');
    expect(parseGostPayload(decodeQr(bytes)!).fields.Sum).toBe('10618515');
  });

  it('without VAT (simplified tax): «Без налога (НДС)» and the legal wording, no VAT line, the purpose says so', async () => {
    const bytes = await render(ruWithoutVat(), 'ru');
    expectWellFormed(bytes);
    const t = text(bytes);
    expect(t).toContain('Итого: 60 001,00 Без налога (НДС) — Всего к оплате: 60 001,00 ₽');
    expect(t).toContain(USN_NOTE);
    expect(t).not.toMatch(/НДС \d+%/);
    expect(t).toContain('2 Консультации по контекстной рекламе 2 ч 7 500,50 15 001,00');
    expect(t).toContain('Шестьдесят тысяч один рубль 00 копеек');
    expect(decodeQr(bytes)).toBe(expectedGost('60001.00', 'Оплата по счёту № 2026-000125 от 24.11.2026 (НДС не облагается)'));
  });

  it('a FINAL invoice: the prepayment deducted, the amount due in words and in the code, with the VAT of what is due', async () => {
    const bytes = await render(ruFinalWithPrepayment(), 'ru');
    const t = text(bytes);
    expect(t).toContain('Окончательный расчёт');
    expect(t).toContain('Итого: 122 000,00 В том числе НДС 22%: 22 000,00 Зачтена предоплата: −61 000,00 Всего к оплате: 61 000,00 ₽');
    expect(t).toContain('Всего наименований 1, на сумму 122 000,00 ₽');
    expect(t).toContain('К оплате: Шестьдесят одна тысяча рублей 00 копеек');
    const fields = parseGostPayload(decodeQr(bytes)!).fields;
    expect(fields.Sum).toBe('6100000');
    expect(fields.Purpose).toBe('Оплата по счёту № 2026-000130 от 01.12.2026 (в т.ч. НДС 22% 11000.00 руб.)');
  });

  it('credit notes reduce what is due', async () => {
    const bytes = await render({ ...ruVatIncluded(), creditedAmount: '30500.00', amountDue: '61000.00', vatInAmountDue: '11000.00' }, 'ru');
    const t = text(bytes);
    expect(t).toContain('Уменьшено корректировочными документами: −30 500,00 Всего к оплате: 61 000,00 ₽');
    expect(parseGostPayload(decodeQr(bytes)!).fields.Sum).toBe('6100000');
  });

  it('prints no code and asks for the requisite when the bank details cannot make a right one', async () => {
    const missing = await render({ ...ruVatIncluded(), supplier: { ...RU_AGENCY, correspondentAccount: null } }, 'ru');
    expect(decodeQr(missing)).toBeNull();
    // read in reading order: the note stands beside the bank grid
    const note = (bytes: Buffer) => squash(pdfText(bytes, { layout: false }));
    expect(note(missing)).toContain('QR-код для оплаты не напечатан: заполните в реквизитах агентства корреспондентский счёт.');
    // one digit mistyped: its control key no longer matches the BIC
    const mistyped = await render({ ...ruVatIncluded(), supplier: { ...RU_AGENCY, settlementAccount: '40702810138250123018' } }, 'ru');
    expect(decodeQr(mistyped)).toBeNull();
    expect(note(mistyped)).toContain('QR-код для оплаты не напечатан: заполните в реквизитах агентства расчётный счёт.');
  });

  it('a draft has no number and no code, and says ПРОЕКТ; it is not a legal record', async () => {
    const bytes = await render({ ...ruVatIncluded(), status: 'DRAFT', number: null, issueDate: null }, 'ru');
    expectWellFormed(bytes);
    const t = text(bytes);
    expect(t).toContain('Счёт на оплату ПРОЕКТ');
    expect(t).not.toContain('2026-000123');
    expect(t).not.toContain('Оплата по QR-коду');
    expect(decodeQr(bytes)).toBeNull();
  });

  it('marks every page of a long draft ПРОЕКТ', async () => {
    const bytes = await render({ ...ruLong(60), status: 'DRAFT', number: null, issueDate: null }, 'ru');
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(1);
    // beside the title on the first page, and across every page
    for (let page = 1; page <= pages; page++) expect({ page, marks: marksOn(bytes, page, 'ПРОЕКТ') }).toEqual({ page, marks: page === 1 ? 2 : 1 });
  });

  it('a cancelled invoice says АННУЛИРОВАН on every page and asks for no payment', async () => {
    const bytes = await render({ ...ruVatIncluded(), status: 'CANCELLED' }, 'ru');
    const t = text(bytes);
    expect(t).toContain('Счёт на оплату № 2026-000123 от 22 ноября 2026 г. АННУЛИРОВАН');
    expect(marksOn(bytes, 1, 'АННУЛИРОВАН')).toBe(2);
    expect(decodeQr(bytes)).toBeNull();
  });
});

describe('the invoice in Bulgarian: фактура', () => {
  it('EUR with 20 % VAT: Оригинал, number, dates, Доставчик / Получател with ЕИК, ДДС number and МОЛ, tax base, VAT, words, bank transfer', async () => {
    const bytes = await render(bgEur(), 'bg');
    expectWellFormed(bytes);
    expect(pdfPageCount(bytes)).toBe(1);
    const t = text(bytes);
    for (const s of [
      'ФАКТУРА № 0000000042 Оригинал',
      'Дата на издаване: 22.11.2026 г.',
      'Дата на данъчното събитие: 20.11.2026 г.',
      'Основание: Договор № Д-2026-0003 от 01.10.2026 г.',
      'ДОСТАВЧИК ПОЛУЧАТЕЛ Вектор ЕООД Слънчев бряг ООД',
      'ЕИК 831902088, ИН по ДДС BG831902088 ЕИК 175074752, ИН по ДДС BG175074752',
      'МОЛ: Иван Петров МОЛ: Мария Георгиева',
      '№ Наименование на стоката/услугата Мярка Количество Ед. цена Стойност',
      'Поддръжка на профили в социалните мрежи мес. 2 425,50 851,00',
      'Данъчна основа: 2 351,00 ДДС 20%: 470,20 Сума за плащане: 2 821,20 €',
      'Словом: Две хиляди осемстотин двадесет и едно евро и 20 евроцента',
      'Начин на плащане: банков превод',
      'Банка: Българска народна банка',
      'IBAN: BG80BNBG96611020345678',
      'BIC: BNBGBGSF',
      'Срок за плащане: 06.12.2026 г.',
      'Плащане с QR код',
      'Получател',
      'Съставил',
      '/ Иван Петров /',
      'Страница 1 от 1',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain('Основание за неначисляване');
  });

  it('carries an EPC code for the amount due to the agency IBAN', async () => {
    const decoded = decodeQr(await render(bgEur(), 'bg'));
    expect(decoded).toBe(
      epcPaymentPayload({ name: 'Вектор ЕООД', iban: 'BG80BNBG96611020345678', bic: 'BNBGBGSF', amount: '2821.20', remittance: 'Плащане по фактура № 0000000042 от 22.11.2026' }),
    );
    expect(parseEpcPayload(decoded!)).toMatchObject({ iban: 'BG80BNBG96611020345678', amount: '2821.20', name: 'Вектор ЕООД' });
  });

  it('a supplier not registered for VAT states the basis for not charging it, once', async () => {
    const note = 'Основание за неначисляване на ДДС: чл. 113, ал. 9 от ЗДДС (доставчикът не е регистриран по ЗДДС)';
    const m = bgEur();
    const lines = m.lines.map((l) => ({ ...l, vatRate: null, vat: '0.00', gross: l.net }));
    const bytes = await render(
      { ...m, lines, vatGroups: [{ rate: null, subtotal: '2351.00', vatTotal: '0.00', total: '2351.00' }], vatTotal: '0.00', total: '2351.00', amountDue: '2351.00', vatInAmountDue: null, vatExemptionNote: note },
      'bg',
    );
    const t = text(bytes);
    expect(t).toContain('Данъчна основа: 2 351,00 ДДС не се начислява — Сума за плащане: 2 351,00 €');
    expect(t).toContain(note);
    expect(t.match(/Основание за неначисляване на ДДС/g)).toHaveLength(1);
    expect(parseEpcPayload(decodeQr(bytes)!).amount).toBe('2351.00');
  });

  it('a note of the agency’s own wording gets the legal heading', async () => {
    const t = text(await render({ ...bgEur(), vatExemptionNote: 'чл. 113, ал. 9 ЗДДС' }, 'bg'));
    expect(t).toContain('Основание за неначисляване на ДДС: чл. 113, ал. 9 ЗДДС');
  });

  it('shows the BGN equivalent during the dual display', async () => {
    const t = text(await render({ ...bgEur(), issueDate: '2026-03-02', supplyDate: '2026-03-02', totalBgnEquivalent: '5517.81' }, 'bg'));
    expect(t).toContain('Равностойност в лева: 5 517,81 лв. (1 € = 1,95583 лв.)');
  });

  it('a legacy BGN invoice prints in leva, with no code (EPC carries euros only)', async () => {
    const bytes = await render({ ...bgEur(), currency: 'BGN', issueDate: '2025-11-22', supplyDate: '2025-11-20' }, 'bg');
    const t = text(bytes);
    expect(t).toContain('Сума за плащане: 2 821,20 лв.');
    expect(t).toContain('Словом: Две хиляди осемстотин двадесет и един лева и 20 стотинки');
    expect(t).not.toContain('Плащане с QR код');
    expect(decodeQr(bytes)).toBeNull();
  });

  it('a cancelled invoice says АНУЛИРАНА', async () => {
    const bytes = await render({ ...bgEur(), status: 'CANCELLED' }, 'bg');
    expect(text(bytes)).toContain('АНУЛИРАНА');
    expect(decodeQr(bytes)).toBeNull();
  });

  it('a draft says ПРОЕКТ and has no number', async () => {
    const t = text(await render({ ...bgEur(), status: 'DRAFT', number: null, issueDate: null }, 'bg'));
    expect(t).toContain('ФАКТУРА ПРОЕКТ');
    expect(t).not.toContain('0000000042');
  });
});

describe('the invoice in English', () => {
  it('a Russian agency’s invoice with VAT on top: the facts in English, RUB code', async () => {
    const bytes = await render(ruVatOnTop(), 'en');
    expectWellFormed(bytes);
    const t = text(bytes);
    for (const s of [
      'INVOICE',
      'Invoice No.: 2026-000124',
      'Date: 23 November 2026',
      'Due date: 3 December 2026',
      'SUPPLIER CUSTOMER ООО «Вектор» ООО «Ромашка»',
      'INN 7707083893, KPP 770701001',
      '# Description Qty Unit Unit price Net VAT rate VAT Total',
      '50,000.00 50,000.00 22% 11,000.00 61,000.00',
      'Net total: 87,037.01 VAT 22%: 19,148.14 Amount due: RUB 106,185.15',
      'Amount in words: One hundred and six thousand one hundred and eighty-five roubles and 15 kopecks',
      'Bank details',
      'BIC: 044525225',
      'Account: 40702810138250123017',
      'Corr. account: 30101810400000000225',
      'Please pay by 3 December 2026',
      'Pay by QR code',
      'Issued by',
      'Received by',
      'Page 1 of 1',
    ]) {
      expect(t).toContain(s);
    }
    expect(parseGostPayload(decodeQr(bytes)!).fields.Sum).toBe('10618515');
  });

  it('a Bulgarian agency’s invoice: supply date, euro amounts, IBAN and the EPC code', async () => {
    const bytes = await render(bgEur(), 'en');
    const t = text(bytes);
    expect(t).toContain('Invoice No.: 0000000042');
    expect(t).toContain('Supply date: 20 November 2026');
    expect(t).toContain('Contract: No. Д-2026-0003 of 1 October 2026');
    expect(t).toContain('UIC (EIK) 831902088, VAT No. BG831902088');
    expect(t).toContain('Net total: 2,351.00 VAT 20%: 470.20 Amount due: €2,821.20');
    expect(t).toContain('Amount in words: Two thousand eight hundred and twenty-one euros and 20 cents');
    expect(t).toContain('IBAN: BG80BNBG96611020345678');
    expect(parseEpcPayload(decodeQr(bytes)!)).toMatchObject({ amount: '2821.20', remittance: 'Invoice 0000000042 of 22.11.2026' });
  });

  it('a draft says DRAFT, a cancelled invoice CANCELLED', async () => {
    expect(text(await render({ ...bgEur(), status: 'DRAFT', number: null, issueDate: null }, 'en'))).toContain('INVOICE DRAFT');
    expect(text(await render({ ...bgEur(), status: 'CANCELLED' }, 'en'))).toContain('INVOICE CANCELLED');
  });
});

describe('every language', () => {
  it.each(['ru', 'bg', 'en'] as const)('%s: the same model and creation date give the same bytes', async (locale) => {
    const model = locale === 'bg' ? bgEur() : ruVatIncluded();
    const a = await render(model, locale);
    const b = await render(model, locale);
    expect(a.equals(b)).toBe(true);
    // the creation date is the one thing besides the model that reaches the file
    expect((await render(model, locale, new Date('2026-11-23T09:30:00Z'))).equals(a)).toBe(false);
  });

  it.each(['ru', 'bg', 'en'] as const)('%s: places the agency’s logo, signature and stamp on the first page, the code still readable', async (locale) => {
    const model = { ...(locale === 'bg' ? bgEur() : ruVatIncluded()), ...agencyImages() };
    const bytes = await render(model, locale);
    expectWellFormed(bytes);
    expect(pdfImages(bytes).sort()).toEqual([
      [1, 200, 200],
      [1, 240, 80],
      [1, 300, 90],
    ]);
    expect(pdfImages(await render(locale === 'bg' ? bgEur() : ruVatIncluded(), locale))).toEqual([]);
    expect(decodeQr(bytes)).not.toBeNull();
  });

  it('is registered for DocumentKind.INVOICE', async () => {
    const out = await renderDocument(DocumentKind.INVOICE, ruVatIncluded(), { locale: 'ru', createdAt: CREATED });
    expect(out.bytes.equals(await render(ruVatIncluded(), 'ru'))).toBe(true);
  });
});

describe('a long invoice', () => {
  const LINES = 60;
  let bytes: Buffer;
  let pages: string[];

  beforeAll(async () => {
    bytes = await render(ruLong(LINES), 'ru');
    pages = pdfPages(bytes).map(squash);
  });

  it('spans pages with the table header and the running header repeated', () => {
    expectWellFormed(bytes);
    expect(pdfPageCount(bytes)).toBe(4);
    expect(pages).toHaveLength(4);
    pages.forEach((page, i) => {
      expect(page).toContain('№ Наименование работ, услуг Кол-во Ед. Цена Сумма');
      expect(page).toContain(`Страница ${i + 1} из 4`);
      if (i > 0) expect(page).toContain('Счёт на оплату № 2026-000200 от 22.11.2026');
    });
  });

  it('prints every line once, in order, and the totals, words and signatures after the last line', () => {
    const positions = Array.from({ length: LINES }, (_, i) => `позиция ${i + 1}:`);
    const all = pages.join(' ');
    let from = 0;
    for (const p of positions) {
      const at = all.indexOf(p, from);
      expect({ line: p, found: at >= 0 }).toEqual({ line: p, found: true });
      expect(all.indexOf(p, at + 1)).toBe(-1);
      from = at;
    }
    const last = pages[pages.length - 1];
    const lastLine = last.indexOf(`позиция ${LINES}:`);
    expect(lastLine).toBeGreaterThanOrEqual(0);
    const after = last.slice(lastLine);
    for (const s of ['Итого: 60 000,00', 'В том числе НДС 22%: 10 819,80', 'Всего к оплате: 60 000,00 ₽', `Всего наименований ${LINES}, на сумму 60 000,00 ₽`, 'Шестьдесят тысяч рублей 00 копеек', 'Руководитель', 'Бухгалтер']) {
      expect(after).toContain(s);
    }
    for (const page of pages.slice(0, -1)) expect(page).not.toContain('Всего к оплате');
  });

  it('keeps the payment code on the first page', () => {
    expect(parseGostPayload(decodeQr(bytes, 1)!).fields.Sum).toBe('6000000');
  });
});

// the agency fixtures are real-shaped: the codes above are built from them, not around them
test('fixture requisites pass the payment formats’ own checks', () => {
  expect(() => gostPaymentPayload({ name: RU_AGENCY.name, personalAcc: RU_AGENCY.settlementAccount!, bankName: RU_AGENCY.bankName!, bic: RU_AGENCY.bic!, correspAcc: RU_AGENCY.correspondentAccount!, sum: '1', purpose: 'x', payeeInn: RU_AGENCY.inn, kpp: RU_AGENCY.kpp })).not.toThrow();
  expect(() => epcPaymentPayload({ name: BG_AGENCY.name, iban: BG_AGENCY.iban!, bic: BG_AGENCY.bic, amount: '1', remittance: 'x' })).not.toThrow();
});
