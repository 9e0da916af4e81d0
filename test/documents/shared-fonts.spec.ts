import { DocumentWriter } from '../../src/documents/layout/create-document';
import { pdfText, squash } from '../support/pdf';

async function page(text: string): Promise<Buffer> {
  const w = new DocumentWriter({ title: 'Образец', author: 'Вектор', locale: 'bg' as never, createdAt: new Date('2026-11-22T09:30:00Z') }, { pageLabel: () => '' });
  w.text('body', text);
  return (await w.finish()).bytes;
}

/**
 * fontkit keeps one glyph object per id with the characters it was first asked for, and pdfkit
 * maps glyphs back to text from them. Roboto builds Cyrillic В and е from Latin B and e; a subset
 * writer that asked fontkit for those parts without characters left every later document of the
 * process with Latin B and e that copy, search and text extraction lose (our own subset writer
 * copies glyph bytes and asks for nothing).
 */
describe('fonts shared by every document of the process', () => {
  it('keep the text of Latin letters that Cyrillic ones are built from, in documents made later', async () => {
    // the first document embeds Cyrillic В and е, whose glyphs are made of Latin B and e
    expect(squash(pdfText(await page('Вектор Дигитал, Бургас, цена')))).toBe('Вектор Дигитал, Бургас, цена');
    const later = squash(pdfText(await page('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF')));
    expect(later).toBe('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF');
  });
});
