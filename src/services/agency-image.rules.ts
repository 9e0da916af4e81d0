/**
 * What an image must be to go on the agency's documents (pure: no database). The format is read
 * from the file's own bytes, the dimensions with image-size, and pdfkit must open it. Neither of
 * those reads the picture data itself, so the file is also walked to its end: a PNG's chunk
 * checksums and its compressed rows (pdfkit inflates them while writing a PDF, in a callback that
 * would take the process down on a damaged stream), a JPEG's segments up to its end marker.
 */
import { imageSize } from 'image-size';
import { createInflate, crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import {
  ImageDimensionsError,
  ImageInvalidError,
  ImageTooLargeError,
  ImageUnsupportedFormatError,
} from '../schema/agency-image/agency-image.results';

/** 512 KB: a logo, stamp or signature at print resolution is well below it. */
export const IMAGE_MAX_BYTES = 512 * 1024;
export const IMAGE_MIN_SIDE = 16;
export const IMAGE_MAX_SIDE = 4000;

export type ImageMimeType = 'image/png' | 'image/jpeg';

export interface CheckedImage {
  mimeType: ImageMimeType;
  width: number;
  height: number;
}

export type ImageRefusal = ImageTooLargeError | ImageUnsupportedFormatError | ImageInvalidError | ImageDimensionsError;

/** The size of the file a (valid, padded) base64 text holds, without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(bytes: Buffer, prefix: string | number[], at = 0): boolean {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix);
  return bytes.length >= at + p.length && bytes.subarray(at, at + p.length).equals(p);
}

/** PNG or JPEG by the magic bytes; null for anything else. */
export function imageFormatOf(bytes: Buffer): ImageMimeType | null {
  if (startsWith(bytes, [...PNG_SIGNATURE])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** What a refused file looks like, so the message can say what was sent instead. */
export function otherFormatOf(bytes: Buffer): string | null {
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, 'BM')) return 'image/bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, 'ftyp', 4)) {
    const brand = bytes.toString('latin1', 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  }
  if (startsWith(bytes, '%PDF')) return 'application/pdf';
  const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^<svg[\s>]/i.test(head) || (/^<\?xml/i.test(head) && /<svg[\s>]/i.test(head))) return 'image/svg+xml';
  return null;
}

// ---------------------------------------------------------------------------------------------
// PNG

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

/** Allowed bit depths per colour type, and the samples per pixel (PNG specification, 11.2.2). */
const PNG_COLOR_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The rows the image data holds once inflated, pass by pass: each row is a filter byte then the row's bytes. */
function pngRows(h: PngHeader): { rows: number; rowBytes: number }[] {
  const bitsPerPixel = h.bitDepth * PNG_COLOR_TYPES[h.colorType].channels;
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  if (!h.interlaced) return [{ rows: h.height, rowBytes: rowBytes(h.width) }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({ cols: Math.ceil((h.width - x0) / dx), rows: Math.ceil((h.height - y0) / dy) }))
    .filter((p) => p.cols > 0 && p.rows > 0)
    .map((p) => ({ rows: p.rows, rowBytes: rowBytes(p.cols) }));
}

/**
 * Inflates the image data without keeping it: it must decompress cleanly (checksum included) to
 * exactly the rows the header announces, each starting with a known filter type (0–4).
 */
function pngDataIsIntact(compressed: Buffer, header: PngHeader): Promise<boolean> {
  const passes = pngRows(header);
  const expected = passes.reduce((n, p) => n + p.rows * (p.rowBytes + 1), 0);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      if (!ok) inflate.destroy();
      resolve(ok);
    };
    let seen = 0;
    let nextFilter = 0;
    let pass = 0;
    let row = 0;
    inflate.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (seen + chunk.length > expected) return settle(false);
      while (pass < passes.length && nextFilter < seen + chunk.length) {
        if (chunk[nextFilter - seen] > 4) return settle(false);
        nextFilter += passes[pass].rowBytes + 1;
        if (++row === passes[pass].rows) {
          pass++;
          row = 0;
        }
      }
      seen += chunk.length;
    });
    inflate.on('error', () => settle(false));
    inflate.on('end', () => settle(seen === expected));
    inflate.end(compressed);
  });
}

/** Every chunk whole with a matching CRC, IHDR first and valid, image data present, IEND reached; then the data itself. */
export async function pngIsIntact(bytes: Buffer): Promise<boolean> {
  let pos = PNG_SIGNATURE.length;
  let header: PngHeader | null = null;
  let palette = false;
  let ended = false;
  const data: Buffer[] = [];
  while (!ended && pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return false;
    if (crc32(bytes.subarray(pos + 4, end - 4)) !== bytes.readUInt32BE(end - 4)) return false;
    const body = bytes.subarray(pos + 8, end - 4);
    if (!header && type !== 'IHDR') return false;
    if (type === 'IHDR') {
      if (header || length !== 13) return false;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colorType: body[9], interlaced: body[12] === 1 };
      const colorType = PNG_COLOR_TYPES[header.colorType];
      if (!colorType || !colorType.depths.includes(header.bitDepth) || body[10] !== 0 || body[11] !== 0 || body[12] > 1) return false;
      if (header.width === 0 || header.height === 0) return false;
    } else if (type === 'PLTE') {
      palette = true;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      ended = true;
    }
    pos = end;
  }
  if (!header || !ended || !data.length || (header.colorType === 3 && !palette)) return false;
  return pngDataIsIntact(Buffer.concat(data), header);
}

// ---------------------------------------------------------------------------------------------
// JPEG

/** Frame types PDF readers decode (DCTDecode): baseline, extended and progressive Huffman. */
const PRINTABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isRestart = (m: number) => m >= 0xd0 && m <= 0xd7;

/**
 * Segments whole from SOI to EOI, one printable 8-bit frame of 1, 3 or 4 components before the
 * first scan, scan data ending at a marker. A truncated upload never reaches its EOI.
 */
export function jpegIsIntact(bytes: Buffer): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let pos = 2;
  let frame = false;
  let scan = false;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return false;
    while (bytes[pos] === 0xff) pos++; // fill bytes before a marker
    if (pos >= bytes.length) return false;
    const marker = bytes[pos++];
    if (marker === 0xd9) return frame && scan;
    if (marker === 0x01 || isRestart(marker)) continue;
    if (marker === 0x00 || marker === 0xd8 || pos + 2 > bytes.length) return false;
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) return false;
    if (isFrame(marker)) {
      if (frame || !PRINTABLE_FRAMES.has(marker) || length < 8) return false;
      const precision = bytes[pos + 2];
      const components = bytes[pos + 7];
      if (precision !== 8 || ![1, 3, 4].includes(components)) return false;
      frame = true;
    }
    pos += length;
    if (marker === 0xda) {
      if (!frame) return false;
      scan = true;
      // entropy-coded data runs to the next marker; 0xFF00 is a stuffed byte, RSTn and fill bytes belong to it
      for (;;) {
        pos = bytes.indexOf(0xff, pos);
        if (pos < 0 || pos + 1 >= bytes.length) return false;
        const next = bytes[pos + 1];
        if (next === 0x00 || isRestart(next)) pos += 2;
        else if (next === 0xff) pos += 1;
        else break;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/** What pdfkit makes of the file (as a document builder will); null when it cannot open it. */
function openedByPdfkit(bytes: Buffer): { width: number; height: number } | null {
  try {
    // openImage is pdfkit's own (what doc.image calls); its type declarations leave it out
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): { width: number; height: number } };
    const image = doc.openImage(bytes);
    return { width: image.width, height: image.height };
  } catch {
    return null;
  }
}

/**
 * The checks of an uploaded file, in the order a person fixes them: format, dimensions, then
 * whether the file is whole. Size is checked before decoding (base64ByteLength).
 */
export async function checkImage(bytes: Buffer): Promise<CheckedImage | ImageRefusal> {
  if (bytes.length > IMAGE_MAX_BYTES) return new ImageTooLargeError(bytes.length, IMAGE_MAX_BYTES);
  const mimeType = imageFormatOf(bytes);
  if (!mimeType) return new ImageUnsupportedFormatError(otherFormatOf(bytes));
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return new ImageInvalidError();
  }
  const { width, height } = size;
  if (!width || !height || size.type !== (mimeType === 'image/png' ? 'png' : 'jpg')) return new ImageInvalidError();
  if ([width, height].some((side) => side < IMAGE_MIN_SIDE || side > IMAGE_MAX_SIDE)) {
    return new ImageDimensionsError(width, height, IMAGE_MIN_SIDE, IMAGE_MAX_SIDE);
  }
  const intact = mimeType === 'image/png' ? await pngIsIntact(bytes) : jpegIsIntact(bytes);
  if (!intact) return new ImageInvalidError();
  const opened = openedByPdfkit(bytes);
  if (!opened || opened.width !== width || opened.height !== height) return new ImageInvalidError();
  return { mimeType, width, height };
}
