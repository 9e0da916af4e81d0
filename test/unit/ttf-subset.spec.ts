import { documentFonts } from '../../src/documents/layout/fonts';
import { encodeTrueTypeSubset, type FontkitTrueType } from '../../src/documents/layout/ttf-subset';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit');

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  glyphForCodePoint(cp: number): Glyph;
  getGlyph(id: number): Glyph;
  createSubset(): { glyphs: number[]; includeGlyph(gid: number): number };
  numGlyphs: number;
}

describe('the TrueType subset writer', () => {
  const text = 'Счёт на оплату № 12: 121 000,50 ₽ — €; Йй Ёё Щщ ÄÖÜ ß Ǻ';

  it.each(['regular', 'bold', 'italic'] as const)('%s: the subset is a valid font whose glyphs draw exactly as the originals', (face) => {
    const font = documentFonts()[face] as unknown as Font;
    const subset = font.createSubset();
    const originals = [...new Set([...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id))];
    for (const gid of originals) subset.includeGlyph(gid);
    const bytes = encodeTrueTypeSubset(font as unknown as FontkitTrueType, subset);
    const parsed = fontkit.create(Buffer.from(bytes)) as Font;
    // composite glyphs pulled their components in, so the subset may have grown
    expect(parsed.numGlyphs).toBe(subset.glyphs.length);
    expect(subset.glyphs.length).toBeGreaterThanOrEqual(originals.length + 1);
    subset.glyphs.forEach((gid, newId) => {
      const a = font.getGlyph(gid);
      const b = parsed.getGlyph(newId);
      expect({ gid, width: b.advanceWidth }).toEqual({ gid, width: a.advanceWidth });
      expect({ gid, path: b.path.toSVG() }).toEqual({ gid, path: a.path.toSVG() });
    });
  });

  it('writes table checksums and the whole-font checksum adjustment correctly', () => {
    const font = documentFonts().regular as unknown as Font;
    const subset = font.createSubset();
    for (const ch of 'Ёлка') subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id);
    const bytes = encodeTrueTypeSubset(font as unknown as FontkitTrueType, subset);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sum = (from: number, length: number) => {
      let s = 0;
      for (let i = from; i < from + ((length + 3) & ~3); i += 4) s = (s + view.getUint32(i)) >>> 0;
      return s;
    };
    expect(sum(0, bytes.length)).toBe(0xb1b0afba);
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
      const offset = view.getUint32(rec + 8);
      const length = view.getUint32(rec + 12);
      expect(offset % 4).toBe(0);
      if (tag !== 'head') expect({ tag, sum: sum(offset, length) }).toEqual({ tag, sum: view.getUint32(rec + 4) });
    }
  });
});
