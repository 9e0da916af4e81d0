/**
 * The documents' typeface: Roboto (SIL Open Font License 1.1, shipped by the
 * @expo-google-fonts/roboto package). It has Cyrillic, the ₽ and € signs, № and U+2009 THIN SPACE
 * used as the thousands separator, so no agency ever configures a font.
 *
 * Parsing a TTF costs 40–70 ms; the fonts are parsed once per process (per worker thread) and
 * the same fontkit objects are handed to every document, which then only builds its own subset.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// fontkit ships no typings for CommonJS consumers; the parts we use are tiny
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(buffer: Buffer): FontkitFont };

/** A parsed font, as pdfkit accepts it in place of a file (it checks for `layout`). */
export interface FontkitFont {
  layout: (...args: unknown[]) => unknown;
  familyName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: '400Regular/Roboto_400Regular.ttf',
  bold: '700Bold/Roboto_700Bold.ttf',
  italic: '400Regular_Italic/Roboto_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Roboto_700Bold_Italic.ttf',
};

/** Where the font files are (for the README's licence note and for tests). */
export function fontDirectory(): string {
  return dirname(dirname(require.resolve('@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf')));
}

let parsed: Record<FontFace, FontkitFont> | null = null;
let parses = 0;

/** The parsed faces, parsed on first use and reused for the life of the process. */
export function documentFonts(): Record<FontFace, FontkitFont> {
  if (!parsed) {
    const root = fontDirectory();
    parses++;
    const out = {} as Record<FontFace, FontkitFont>;
    for (const face of Object.keys(FILES) as FontFace[]) out[face] = fontkit.create(readFileSync(join(root, FILES[face])));
    parsed = out;
  }
  return parsed;
}

/** How many times the faces were parsed in this process (the benchmark and a test check it is 1). */
export function fontParseCount(): number {
  return parses;
}
