/**
 * The meeting protocol rendered from hand-built models in ru, bg and en and read back the way an
 * accountant's software would: structure (qpdf), fonts, the text of every block, determinism, and
 * a long variant across pages.
 */
import { renderDocument } from '../../src/documents/render';
import { DocumentKind } from '../../src/documents/kinds';
import type { MeetingProtocolModel } from '../../src/documents/meeting-protocol/meeting-protocol.model';
import { pngjsImage } from '../support/images';
import { meetingProtocolModel as model, type Locale } from '../support/meeting-protocol.fixture';
import { pdfFonts, pdfPageCount, pdfPages, pdfText, qpdfCheck, squash } from '../support/pdf';

const CREATED = new Date('2026-11-22T12:00:00Z');

const render = (m: MeetingProtocolModel, locale: Locale, createdAt = CREATED) =>
  renderDocument(DocumentKind.MEETING_PROTOCOL, m, { locale, createdAt });

const EXPECTED: Record<Locale, string[]> = {
  ru: [
    'ПРОТОКОЛ ВСТРЕЧИ', '«Согласование медиаплана на I квартал»', 'Дата 20 ноября 2026 г.', 'Время 14:00–15:30 (UTC+3)', 'Место офис Заказчика, переговорная 4',
    'ООО «Ромашка Диджитал»', 'ИНН 7701234567, КПП 770101001, ОГРН 1027700132195', 'АО «Вектор»', 'ИНН 7709876543',
    'Присутствовали', 'От Исполнителя:', 'Смирнов Алексей — Менеджер по работе с клиентами', 'Иванова Мария Сергеевна — Генеральный директор',
    'От Заказчика:', 'Петров Пётр Петрович — Директор по маркетингу', 'Кузнецова Анна — Бренд-менеджер',
    '1. Повестка', '2. Обсуждение', 'охват выше плана на 12 %', '3. Принятые решения', '1. Утвердить медиаплан', '3. Еженедельные отчёты',
    '4. Поручения', '№ Поручение Ответственный Срок', 'Согласовать креативы с юридическим отделом (выполнено)', '02.12.2026',
    'Следующая встреча 27 ноября 2026 г., 11:00', 'подпись', 'М.П.', '/ Смирнов Алексей /', '/ Петров Пётр Петрович /',
  ],
  bg: [
    'ПРОТОКОЛ ОТ СРЕЩА', '„Съгласуване на медийния план за първото тримесечие“', 'Дата 20 ноември 2026 г.', 'Час 14:00–15:30 ч. (UTC+2)', 'Място офис на Възложителя, зала 4',
    '„Лайка Дигитал“ ЕООД', 'ЕИК 131234567, ИН по ДДС BG131234567', '„Вектор“ АД', 'ЕИК 204567890',
    'Присъстваха', 'За Изпълнителя:', 'Алексей Смирнов — Акаунт мениджър', 'Мария Иванова — Управител', 'За Възложителя:', 'Петър Георгиев — Изпълнителен директор',
    '1. Дневен ред', '2. Обсъждане', '3. Взети решения', '4. Задачи', '№ Задача Отговорник Срок', '(изпълнена)', '02.12.2026 г.',
    'Следваща среща 27 ноември 2026 г., 11:00 ч.', 'подпис', 'печат', '/ Алексей Смирнов /', '/ Петър Георгиев /',
  ],
  en: [
    'MEETING MINUTES', '“Q1 media plan review”', 'Date 20 November 2026', 'Time 14:00–15:30 (UTC+3)', 'Place Customer office, meeting room 4',
    'ООО «Ромашка Диджитал»', 'INN 7701234567, KPP 770101001, OGRN 1027700132195', 'АО «Вектор»',
    'Present', 'For the Supplier:', 'Alexey Smirnov — Account manager', 'For the Customer:', 'Peter Petrov — Директор по маркетингу',
    '1. Agenda', '2. Discussion', '3. Decisions', '4. Action items', 'No. Action Owner Due', 'Clear the creatives with the legal team (done)', '2 Dec 2026',
    'Next meeting 27 November 2026, 11:00', 'signature', 'stamp', '/ Alexey Smirnov /', '/ Peter Petrov /',
  ],
};

describe.each(['ru', 'bg', 'en'] as Locale[])('the meeting protocol in %s', (locale) => {
  let bytes: Buffer;
  let pageCount: number;
  beforeAll(async () => {
    ({ bytes, pageCount } = await render(model(locale), locale));
  });

  it('is a valid one-page PDF with embedded, subset Unicode fonts', () => {
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(pageCount).toBe(1);
    expect(pdfPageCount(bytes)).toBe(1);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
  });

  it('prints the title, date, time and place, both parties, who was present, every section and both signatures', () => {
    const text = squash(pdfText(bytes));
    for (const expected of EXPECTED[locale]) expect(text).toContain(expected);
  });

  it('is byte-identical for the same model and creation date, and differs with another date', async () => {
    const again = await render(model(locale), locale);
    expect(Buffer.compare(again.bytes, bytes)).toBe(0);
    const later = await render(model(locale), locale, new Date('2026-11-23T12:00:00Z'));
    expect(Buffer.compare(later.bytes, bytes)).not.toBe(0);
  });

  it('breaks a long list of action items across pages with the table header on each page', async () => {
    const long = await render(model(locale, { items: 90 }), locale);
    expect(long.pageCount).toBe(3);
    expect(pdfPageCount(long.bytes)).toBe(3);
    const pages = pdfPages(long.bytes).map(squash);
    expect(pages).toHaveLength(3);
    const header = EXPECTED[locale].find((e) => e.endsWith(locale === 'en' ? 'Due' : 'Срок'))!;
    // the table starts on page 1 and every later page repeats its header
    pages.forEach((page) => expect(page).toContain(header));
    // every item once; the last one on the last page with the next meeting and the signatures; page N of 3
    const all = pages.join(' ');
    for (const n of [4, 45, 90]) expect(all.split(`(${n})`).length - 1).toBe(1);
    expect(pages[2]).toContain('(90)');
    expect(pages[2]).toContain(EXPECTED[locale].find((e) => e.startsWith('/ '))!);
    const pageOf = { ru: 'Страница 3 из 3', bg: 'Страница 3 от 3', en: 'Page 3 of 3' }[locale];
    expect(pages[2]).toContain(pageOf);
    // from the second page on, the running header names the protocol
    expect(pages[1]).toContain(locale === 'en' ? 'Meeting minutes of 20 Nov 2026' : locale === 'bg' ? 'Протокол от среща на 20.11.2026 г.' : 'Протокол встречи от 20.11.2026');
  });
});

describe('the meeting protocol with the agency\'s images', () => {
  it('puts the logo in the letterhead and the stamp and signature on the agency\'s side, still on one page', async () => {
    const images = {
      logo: new Uint8Array(pngjsImage(300, 90, { colorType: 2 })),
      stamp: new Uint8Array(pngjsImage(120, 120, { colorType: 2 })),
      signature: new Uint8Array(pngjsImage(160, 60, { colorType: 2 })),
    };
    const { bytes, pageCount } = await render({ ...model('ru'), ...images }, 'ru');
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    expect(pageCount).toBe(1);
    expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(3);
    const text = squash(pdfText(bytes));
    expect(text).toContain('Ромашка Диджитал');
    expect(text).toContain('/ Смирнов Алексей /');
    const without = await render(model('ru'), 'ru');
    expect(without.bytes.toString('latin1')).not.toContain('/Subtype /Image');
  });
});
