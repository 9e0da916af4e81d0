/**
 * What an uploaded image must be (src/services/agency-image.rules.ts): PNG or JPEG by its own
 * bytes, within the size and the dimensions, and whole — every PNG layout a document may meet
 * (colour types, bit depths, palette, interlacing) is accepted, every kind of damage refused.
 */
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { deflateSync } from 'node:zlib';
import {
  base64ByteLength,
  checkImage,
  IMAGE_MAX_BYTES,
  imageFormatOf,
  jpegIsIntact,
  otherFormatOf,
  pngIsIntact,
} from '../../src/services/agency-image.rules';
import {
  jpegMarkerAt,
  padPngTo,
  pngChunks,
  pngjsImage,
  rawPng,
  TINY_JPEG,
  withImageData,
  withPngChunk,
} from '../support/images';

/** The error result's code, or "OK (mime w×h)" for an accepted file. */
async function verdict(bytes: Buffer): Promise<string> {
  const r = await checkImage(bytes);
  return 'code' in r ? r.code : `OK ${r.mimeType} ${r.width}x${r.height}`;
}

/** Places the image on a page and finishes the PDF, as a document builder does; resolves to the PDF's size. */
function printed(bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts).length));
    doc.on('error', reject);
    doc.image(bytes, 10, 10, { width: 100 });
    doc.end();
  });
}

describe('the test images themselves', () => {
  it('are read back by an independent decoder (pngjs), interlaced and palette ones included', () => {
    for (const png of [rawPng(20, 17), rawPng(20, 17, { interlaced: true }), rawPng(33, 16, { colorType: 3, bitDepth: 2 }), rawPng(16, 16, { colorType: 0, bitDepth: 16 })]) {
      const decoded = PNG.sync.read(png);
      expect([decoded.width, decoded.height]).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
    }
  });
});

describe('checkImage accepts', () => {
  it.each([
    ['RGBA, 8 bits', rawPng(16, 16), '16x16'],
    ['RGB, 16 bits', rawPng(40, 20, { colorType: 2, bitDepth: 16 }), '40x20'],
    ['grey, 1 bit', rawPng(17, 16, { colorType: 0, bitDepth: 1 }), '17x16'],
    ['grey with alpha', rawPng(16, 30, { colorType: 4 }), '16x30'],
    ['palette, 4 bits', rawPng(19, 23, { colorType: 3, bitDepth: 4 }), '19x23'],
    ['interlaced RGBA', rawPng(21, 19, { interlaced: true }), '21x19'],
    ['interlaced palette, 1 bit', rawPng(16, 16, { colorType: 3, bitDepth: 1, interlaced: true }), '16x16'],
    ['written by pngjs', pngjsImage(64, 48), '64x48'],
    ['the largest sides', rawPng(4000, 16, { colorType: 0, bitDepth: 1 }), '4000x16'],
    ['with an extra text chunk', withPngChunk(rawPng(16, 16), 'tEXt', Buffer.from('Software\0test', 'latin1')), '16x16'],
  ])('a PNG: %s, which pdfkit then prints', async (_what, png, size) => {
    expect(await verdict(png)).toBe(`OK image/png ${size}`);
    expect(await printed(png)).toBeGreaterThan(500);
  });

  it('a baseline JPEG, which pdfkit then prints', async () => {
    expect(await verdict(TINY_JPEG)).toBe('OK image/jpeg 24x16');
    expect(await printed(TINY_JPEG)).toBeGreaterThan(500);
  });

  it('a file of exactly 512 KB', async () => {
    const png = padPngTo(rawPng(16, 16), IMAGE_MAX_BYTES);
    expect(png.length).toBe(IMAGE_MAX_BYTES);
    expect(await verdict(png)).toBe('OK image/png 16x16');
  });
});

describe('checkImage refuses', () => {
  it('a file over 512 KB, with its size and the limit', async () => {
    const r = await checkImage(padPngTo(rawPng(16, 16), IMAGE_MAX_BYTES + 1));
    expect(r).toMatchObject({ code: 'IMAGE_TOO_LARGE', byteSize: IMAGE_MAX_BYTES + 1, limitBytes: IMAGE_MAX_BYTES });
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x10\x00\x10\x00\x00\x00\x00;', 'latin1'), 'image/gif'],
    ['WebP', Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(24)]), 'image/webp'],
    ['BMP', Buffer.concat([Buffer.from('BM', 'latin1'), Buffer.alloc(60)]), 'image/bmp'],
    ['TIFF', Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(60)]), 'image/tiff'],
    ['HEIC', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(40)]), 'image/heic'],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), 'application/pdf'],
    ['SVG', Buffer.from('\uFEFF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"/>'), 'image/svg+xml'],
    ['plain text', Buffer.from('this is not an image at all'), null],
    ['a PNG signature cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47]), null],
  ])('%s as an unsupported format, saying what it looks like', async (_what, bytes, detected) => {
    expect(await checkImage(bytes)).toMatchObject({ code: 'IMAGE_UNSUPPORTED_FORMAT', detectedType: detected });
  });

  it.each([
    [15, 16],
    [16, 15],
    [4001, 16],
    [16, 4001],
  ])('a %i×%i image, with its size and the bounds', async (w, h) => {
    expect(await checkImage(rawPng(w, h, { colorType: 0, bitDepth: 1 }))).toMatchObject({ code: 'IMAGE_DIMENSIONS', width: w, height: h, minSide: 16, maxSide: 4000 });
  });

  const png = rawPng(32, 32);
  const idat = pngChunks(png).find((c) => c.type === 'IDAT')!;
  const flip = (bytes: Buffer, at: number) => {
    const copy = Buffer.from(bytes);
    copy[at] ^= 0x55;
    return copy;
  };

  it.each([
    ['the PNG signature followed by garbage', Buffer.concat([png.subarray(0, 8), Buffer.alloc(200, 0x41)])],
    ['a PNG cut short inside its image data', png.subarray(0, idat.start + 40)],
    ['a PNG without its end chunk', png.subarray(0, pngChunks(png).find((c) => c.type === 'IEND')!.start)],
    ['a PNG with a byte of its image data changed (checksum wrong)', flip(png, idat.start + 20)],
    ['a PNG whose chunk length points past the end', (() => { const b = Buffer.from(png); b.writeUInt32BE(0x7ffffff0, idat.start); return b; })()],
    ['a PNG whose image data no longer inflates (checksum recomputed)', withImageData(png, (rows) => rows, (rows) => flip(deflateSync(rows), 30))],
    ['a PNG with fewer rows than its header says', withImageData(png, (rows) => rows.subarray(0, rows.length - 129))],
    ['a PNG with more data than its header says', withImageData(png, (rows) => Buffer.concat([rows, Buffer.alloc(129)]))],
    ['a PNG with an unknown row filter', withImageData(png, (rows) => { rows[129 * 5] = 7; return rows; })],
    // pdfkit's PNG reader spreads a text chunk over the call stack: what pdfkit cannot open is refused
    ['a PNG with 300 KB of text pdfkit cannot read', withPngChunk(rawPng(16, 16), 'tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(300_000, 0x78)]))],
    ['a palette PNG without its palette', (() => { const p = rawPng(16, 16, { colorType: 3, bitDepth: 8 }); const c = pngChunks(p).find((x) => x.type === 'PLTE')!; return Buffer.concat([p.subarray(0, c.start), p.subarray(c.end)]); })()],
    ['a JPEG cut short', TINY_JPEG.subarray(0, TINY_JPEG.length - 20)],
    ['a JPEG without its end marker', TINY_JPEG.subarray(0, TINY_JPEG.length - 2)],
    ['a JPEG of 12-bit samples', (() => { const j = Buffer.from(TINY_JPEG); j[jpegMarkerAt(j, 0xc0) + 4] = 12; return j; })()],
    ['an arithmetic-coded JPEG', (() => { const j = Buffer.from(TINY_JPEG); j[jpegMarkerAt(j, 0xc0) + 1] = 0xc9; return j; })()],
    ['the JPEG start followed by garbage', Buffer.concat([TINY_JPEG.subarray(0, 3), Buffer.alloc(100, 0x20)])],
  ])('%s as invalid', async (_what, bytes) => {
    expect(await verdict(bytes)).toBe('IMAGE_INVALID');
  });
});

describe('the format and integrity checks on their own', () => {
  it('tells PNG and JPEG by their magic bytes, not by anything declared', () => {
    expect(imageFormatOf(rawPng(16, 16))).toBe('image/png');
    expect(imageFormatOf(TINY_JPEG)).toBe('image/jpeg');
    expect(imageFormatOf(Buffer.from('image/png'))).toBeNull();
    expect(otherFormatOf(Buffer.from('GIF87a'))).toBe('image/gif');
  });

  it('walks a JPEG to its end marker, through stuffed bytes and restart markers', () => {
    expect(jpegIsIntact(TINY_JPEG)).toBe(true);
    const sos = jpegMarkerAt(TINY_JPEG, 0xda);
    const dataStart = sos + 2 + TINY_JPEG.readUInt16BE(sos + 2);
    const withStuffing = Buffer.concat([TINY_JPEG.subarray(0, dataStart), Buffer.from([0xff, 0x00, 0xff, 0xd3]), TINY_JPEG.subarray(dataStart)]);
    expect(jpegIsIntact(withStuffing)).toBe(true);
  });

  it('finds a PNG intact only with every chunk whole', async () => {
    expect(await pngIsIntact(rawPng(16, 16))).toBe(true);
    expect(await pngIsIntact(rawPng(16, 16).subarray(0, 50))).toBe(false);
  });

  it('finds a PNG with a large text chunk whole: it is refused because pdfkit cannot open it', async () => {
    const png = withPngChunk(rawPng(16, 16), 'tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(300_000, 0x78)]));
    expect(await pngIsIntact(png)).toBe(true);
    expect(await verdict(png)).toBe('IMAGE_INVALID');
  });

  it('computes the size a base64 text holds without decoding it', () => {
    for (const n of [1, 2, 3, 4, 5, 100, 101, 102]) {
      const text = Buffer.alloc(n, 7).toString('base64');
      expect(base64ByteLength(text)).toBe(n);
    }
  });
});
