import { DocumentWriter } from '../../src/documents/layout/create-document';
import { pdfText, squash } from '../support/pdf';

async function page(text: string): Promise<Buffer> {
  const w = new DocumentWriter({ title: 'Образец', author: 'Вектор', locale: 'bg' as never, createdAt: new Date('2026-11-22T09:30:00Z') }, { pageLabel: () => '' });
  w.text('body', text);
  return (await w.finish()).bytes;
}

describe('fonts shared by every document of the process', () => {
  it('keep the text of Latin letters that Cyrillic ones are built from, in documents made later', async () => {
    // the first document embeds Cyrillic В and е, whose glyphs are made of Latin B and e
    expect(squash(pdfText(await page('Вектор Дигитал, Бургас, цена')))).toBe('Вектор Дигитал, Бургас, цена');
    const later = squash(pdfText(await page('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF')));
    expect(later).toBe('IBAN BG80BNBG96611020345678, Google Ads, BIC BNBGBGSF');
  });
});
