/**
 * A faster TrueType subset writer for the fonts we embed.
 *
 * fontkit builds a subset by decoding every glyph's outline (only to learn whether it is a
 * composite) and by re-encoding the hinting tables (fpgm, prep, cvt) value by value through its
 * generic struct encoder: about 2.5–4 ms for a one-page invoice, more than everything else the
 * document costs. The subset PDF needs is simple: copy each used glyph's bytes, renumber the
 * components of composite glyphs, rebuild loca and hmtx, and copy the other tables as they are.
 * The tables PDF needs (head, hhea, loca, maxp, glyf, hmtx), the same glyph order as fontkit's
 * (pdfkit's CIDs are the subset's glyph ids), and no hinting (see withoutInstructions).
 */

interface TableRecord {
  offset: number;
  length: number;
}

interface ParsedFont {
  file: Uint8Array;
  view: DataView;
  tables: Map<string, TableRecord>;
  /** glyph offsets within glyf, numGlyphs + 1 entries */
  loca: Uint32Array;
  advances: Uint16Array;
  bearings: Int16Array;
}

/** The parts of a fontkit font this module reads. */
export interface FontkitTrueType {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number }> };
}

/** The parts of a fontkit subset this module reads: the glyph list pdfkit fills as it writes. */
export interface FontkitSubset {
  glyphs: number[];
  includeGlyph(gid: number): number;
}

const parsedFonts = new WeakMap<object, ParsedFont>();

function parse(font: FontkitTrueType): ParsedFont {
  let parsed = parsedFonts.get(font);
  if (parsed) return parsed;
  const file = font.stream.buffer;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, TableRecord>();
  for (const [tag, t] of Object.entries(font.directory.tables)) tables.set(tag, { offset: t.offset, length: t.length });
  const need = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  };
  const head = need('head');
  const maxp = need('maxp');
  const hhea = need('hhea');
  const locaTable = need('loca');
  const hmtx = need('hmtx');
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) {
    loca[i] = longLoca ? view.getUint32(locaTable.offset + i * 4) : view.getUint16(locaTable.offset + i * 2) * 2;
  }
  const metrics = view.getUint16(hhea.offset + 34);
  const advances = new Uint16Array(numGlyphs);
  const bearings = new Int16Array(numGlyphs);
  for (let i = 0; i < numGlyphs; i++) {
    if (i < metrics) {
      advances[i] = view.getUint16(hmtx.offset + i * 4);
      bearings[i] = view.getInt16(hmtx.offset + i * 4 + 2);
    } else {
      advances[i] = advances[metrics - 1];
      bearings[i] = view.getInt16(hmtx.offset + metrics * 4 + (i - metrics) * 2);
    }
  }
  parsed = { file, view, tables, loca, advances, bearings };
  parsedFonts.set(font, parsed);
  return parsed;
}

const COMPONENT_ARGS_ARE_WORDS = 0x0001;
const COMPONENT_HAS_SCALE = 0x0008;
const COMPONENT_MORE = 0x0020;
const COMPONENT_HAS_XY_SCALE = 0x0040;
const COMPONENT_HAS_2X2 = 0x0080;
const COMPONENT_HAS_INSTRUCTIONS = 0x0100;

/**
 * A simple glyph without its hinting instructions: outline, flags and points are kept as they
 * are. Viewers rasterise PDF fonts without the font's hinting programs (pdf.js ignores them,
 * FreeType in poppler auto-hints), and browsers' PDF writers drop them too: smaller subsets, less
 * to compress.
 */
function withoutInstructions(glyph: Uint8Array, view: DataView, start: number): Uint8Array {
  const contours = view.getInt16(start);
  const at = 10 + 2 * contours;
  const length = view.getUint16(start + at);
  if (length === 0) return glyph;
  const out = new Uint8Array(glyph.length - length);
  out.set(glyph.subarray(0, at + 2), 0);
  out[at] = 0;
  out[at + 1] = 0;
  out.set(glyph.subarray(at + 2 + length), at + 2);
  return out;
}

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  const end = offset + ((length + 3) & ~3);
  for (let i = offset; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** Writes the subset of `font` holding `subset.glyphs` (growing it with composite components). */
export function encodeTrueTypeSubset(font: FontkitTrueType, subset: FontkitSubset): Uint8Array {
  const f = parse(font);
  const glyf = f.tables.get('glyf')!;
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i];
    const start = glyf.offset + f.loca[gid];
    const length = f.loca[gid + 1] - f.loca[gid];
    let bytes = f.file.subarray(start, start + length);
    if (length >= 10 && f.view.getInt16(start) >= 0) {
      bytes = withoutInstructions(bytes, f.view, start);
    } else if (length >= 10) {
      // a composite glyph: its components are glyphs too, renumbered into the subset
      bytes = new Uint8Array(bytes);
      const v = new DataView(bytes.buffer);
      let pos = 10;
      let flags: number;
      let lastFlags = 0;
      do {
        lastFlags = pos;
        flags = v.getUint16(pos);
        v.setUint16(pos + 2, subset.includeGlyph(v.getUint16(pos + 2)));
        pos += 4 + (flags & COMPONENT_ARGS_ARE_WORDS ? 4 : 2);
        if (flags & COMPONENT_HAS_SCALE) pos += 2;
        else if (flags & COMPONENT_HAS_XY_SCALE) pos += 4;
        else if (flags & COMPONENT_HAS_2X2) pos += 8;
      } while (flags & COMPONENT_MORE);
      if (flags & COMPONENT_HAS_INSTRUCTIONS) {
        // the instructions after the last component go, with the flag that announces them
        v.setUint16(lastFlags, flags & ~COMPONENT_HAS_INSTRUCTIONS);
        bytes = bytes.subarray(0, pos);
      }
    }
    offsets.push(size);
    pieces.push(bytes);
    size += bytes.length;
    // keep every glyph 4-byte aligned, as rasterisers prefer
    const pad = (4 - (bytes.length & 3)) & 3;
    if (pad) {
      pieces.push(new Uint8Array(pad));
      size += pad;
    }
  }
  offsets.push(size);
  const count = subset.glyphs.length;

  const glyfData = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    glyfData.set(p, at);
    at += p.length;
  }
  const loca = new Uint8Array(offsets.length * 4);
  const locaView = new DataView(loca.buffer);
  offsets.forEach((o, i) => locaView.setUint32(i * 4, o));
  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  subset.glyphs.forEach((gid, i) => {
    hmtxView.setUint16(i * 4, f.advances[gid]);
    hmtxView.setInt16(i * 4 + 2, f.bearings[gid]);
  });
  const copy = (tag: string) => {
    const t = f.tables.get(tag)!;
    return new Uint8Array(f.file.subarray(t.offset, t.offset + t.length));
  };
  const head = copy('head');
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, computed below
  headView.setInt16(50, 1); // long loca offsets
  const hhea = copy('hhea');
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = copy('maxp');
  new DataView(maxp.buffer).setUint16(4, count);

  const tables: Array<[string, Uint8Array]> = [
    ['head', head],
    ['hhea', hhea],
    ['loca', loca],
    ['maxp', maxp],
    ['glyf', glyfData],
    ['hmtx', hmtx],
  ];
  // no hinting tables: the glyphs carry no instructions that would call them
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const numTables = tables.length;
  const headerSize = 12 + 16 * numTables;
  let total = headerSize;
  for (const [, data] of tables) total += (data.length + 3) & ~3;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  let headOffset = 0;
  tables.forEach(([tag, data], i) => {
    out.set(data, offset);
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) view.setUint8(record + c, tag.charCodeAt(c));
    view.setUint32(record + 4, checksum(out, offset, data.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, total)) >>> 0);
  return out;
}
