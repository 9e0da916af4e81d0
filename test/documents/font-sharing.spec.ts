/**
 * The fonts are parsed once and shared by every document of the process; what one document does
 * with them must not change how the next one reads back. Roboto draws Cyrillic «а», «е», «о»,
 * «С», «М», «х» … from the Latin glyphs, so a Cyrillic document touches the Latin glyphs when its
 * subset is written.
 */
import { DocumentWriter } from '../../src/documents/layout/create-document';
import { pdfText, squash } from '../support/pdf';

const CREATED = new Date('2026-11-22T09:30:00Z');

async function page(text: string) {
  const w = new DocumentWriter({ title: 'T', author: 'A', locale: 'ru' as never, createdAt: CREATED }, { pageLabel: () => '' });
  for (const style of ['title', 'body', 'bodyBold', 'emphasis'] as const) w.text(style, text);
  return (await w.finish()).bytes;
}

describe('fonts shared across documents', () => {
  it('keep the Latin text of a document made after a Cyrillic one searchable', async () => {
    const cyrillic = 'Съешь же ещё этих мягких французских булок, да выпей чаю: АВЕКМНОРСТХ авекмнорстхуё';
    const latin = 'Commercial offer: Maximum Box, exact price, CPL COMPOSITE ace mox';
    squash(pdfText(await page(cyrillic)));
    const text = squash(pdfText(await page(latin)));
    expect(text.split(latin).length - 1).toBe(4);
    // and the other way round
    expect(squash(pdfText(await page(cyrillic))).split(cyrillic).length - 1).toBe(4);
  });
});
