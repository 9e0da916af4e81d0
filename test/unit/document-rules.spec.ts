import { DocumentKind } from '../../src/documents/kinds';
import { Locale } from '../../src/entities/enums';
import {
  asciiFileName,
  contentDisposition,
  etagMatches,
  modelSha256,
  pdfFileName,
  transliterate,
} from '../../src/services/document.rules';

describe('file names of generated documents', () => {
  it('keeps the name in the document\'s language, without characters file systems refuse, with .pdf', () => {
    expect(pdfFileName('Протокол встречи от 20.11.2025')).toBe('Протокол встречи от 20.11.2025.pdf');
    expect(pdfFileName('Счёт № 12/А: "срочно"')).toBe('Счёт № 12 А срочно.pdf');
    expect(pdfFileName('Протокол от среща на 20.11.2025 г.')).toBe('Протокол от среща на 20.11.2025 г.pdf');
    expect(pdfFileName('   ')).toBe('document.pdf');
    expect(pdfFileName('x'.repeat(400))).toHaveLength(200 + '.pdf'.length);
    expect(pdfFileName('Итог. ')).toBe('Итог.pdf');
  });

  it('transliterates Russian and Bulgarian by their own rules', () => {
    expect(transliterate('Щука Юлия Ёжикова, Хвойный подъезд', Locale.RU)).toBe('Shchuka Yuliya Ezhikova, Khvoynyy podezd');
    expect(transliterate('Щастие Юлия, Хасково, ъгъл', Locale.BG)).toBe('Shtastie Yuliya, Haskovo, agal');
    expect(transliterate('Meeting minutes', Locale.EN)).toBe('Meeting minutes');
  });

  it('gives an ASCII fallback a browser of any age accepts', () => {
    expect(asciiFileName('Протокол встречи от 20.11.2025.pdf', Locale.RU)).toBe('Protokol-vstrechi-ot-20.11.2025.pdf');
    expect(asciiFileName('Счёт № 12 от 22.11.2026.pdf', Locale.RU)).toBe('Schet-No-12-ot-22.11.2026.pdf');
    expect(asciiFileName('Протокол от среща на 20.11.2025 г.pdf', Locale.BG)).toBe('Protokol-ot-sreshta-na-20.11.2025-g.pdf');
    expect(asciiFileName('Café «Ромашка» — 1.pdf', Locale.EN)).toBe('Cafe-Romashka-1.pdf');
    expect(asciiFileName('«» ✓.pdf', Locale.RU)).toBe('document.pdf');
  });

  it('writes Content-Disposition with both names (RFC 6266, RFC 5987)', () => {
    expect(contentDisposition("Протокол (итог) 1'2*.pdf", Locale.RU, false)).toBe(
      `inline; filename="Protokol-itog-1-2.pdf"; filename*=UTF-8''%D0%9F%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB%20%28%D0%B8%D1%82%D0%BE%D0%B3%29%201%272%2A.pdf`,
    );
    expect(contentDisposition('Meeting minutes 20 Nov 2025.pdf', Locale.EN, true)).toBe(
      `attachment; filename="Meeting-minutes-20-Nov-2025.pdf"; filename*=UTF-8''Meeting%20minutes%2020%20Nov%202025.pdf`,
    );
  });
});

describe('If-None-Match', () => {
  it('matches the tag, weak or strong, in a list, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('the digest of what a document shows', () => {
  const model = { title: 'Встреча', lines: ['a', 'b'], logo: new Uint8Array([1, 2, 3]) };

  it('is the same for the same content, whatever object holds it', () => {
    const a = modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.RU, model);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.RU, { ...model, logo: Buffer.from([1, 2, 3]) })).toBe(a);
  });

  it('changes with the content, an image, the language or the kind', () => {
    const a = modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.RU, model);
    expect(modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.RU, { ...model, lines: ['a', 'c'] })).not.toBe(a);
    expect(modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.RU, { ...model, logo: new Uint8Array([1, 2, 4]) })).not.toBe(a);
    expect(modelSha256(DocumentKind.MEETING_PROTOCOL, Locale.BG, model)).not.toBe(a);
    expect(modelSha256(DocumentKind.INVOICE, Locale.RU, model)).not.toBe(a);
  });
});
