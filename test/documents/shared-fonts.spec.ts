import { DocumentWriter } from '../../src/documents/layout/create-document';
import { documentFonts } from '../../src/documents/layout/fonts';
import { pdfText, squash } from '../support/pdf';

async function page(text: string, style: 'body' | 'emphasis' = 'body'): Promise<Buffer> {
  const w = new DocumentWriter({ title: 'Образец', author: 'Вектор', locale: 'bg' as never, createdAt: new Date('2026-11-22T09:30:00Z') }, { pageLabel: () => '' });
  w.text(style, text);
  return (await w.finish()).bytes;
}

/**
 * fontkit keeps one glyph object per id with the characters it was first asked for, and pdfkit
 * maps glyphs back to text from them. Roboto builds Cyrillic В, Е, О, А, Т from the Latin letters;
 * whatever reads such a glyph's outline (a subset writer, a mark drawn as outlines) creates the
 * Latin parts without characters, in faces every later document of the process shares.
 */
describe('fonts shared by every document of the process', () => {
  it('keep the text of Latin letters that Cyrillic ones are built from, in documents made later', async () => {
    // the first document embeds Cyrillic В and е, whose glyphs are made of Latin B and e
    expect(squash(pdfText(await page('Вектор Дигитал, Бургас, цена')))).toBe('Вектор Дигитал, Бургас, цена');
    const later = squash(pdfText(await page('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF')));
    expect(later).toBe('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF');
  });

  it('keep the text of Latin letters after the outlines of Cyrillic ones were read', async () => {
    const italic = documentFonts().italic as unknown as { layout(text: string): { glyphs: Array<{ path: unknown }> } };
    for (const glyph of italic.layout('ВЕОАТ').glyphs) expect(glyph.path).toBeDefined();
    expect(squash(pdfText(await page('BEOAT: INVOICE DRAFT', 'emphasis')))).toBe('BEOAT: INVOICE DRAFT');
  });
});
