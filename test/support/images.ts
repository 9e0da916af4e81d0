/**
 * Image files for the upload tests, made here rather than stored: PNGs built byte by byte (any
 * colour type, bit depth, palette, Adam7 interlacing) or by pngjs, a tiny baseline JPEG, and the
 * ways a file gets damaged (a wrong checksum, cut short, data that no longer inflates).
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

export interface RawPngOptions {
  colorType?: 0 | 2 | 3 | 4 | 6;
  bitDepth?: 1 | 2 | 4 | 8 | 16;
  interlaced?: boolean;
}

/** A PNG written byte by byte: rows of a diagonal pattern, filter type 0, one IDAT. */
export function rawPng(width: number, height: number, opts: RawPngOptions = {}): Buffer {
  const colorType = opts.colorType ?? 6;
  const bitDepth = opts.bitDepth ?? 8;
  const rowBytes = (w: number) => Math.ceil((w * bitDepth * CHANNELS[colorType]) / 8);
  const passes = opts.interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)]).filter(([w, h]) => w > 0 && h > 0)
    : [[width, height]];
  const rows: Buffer[] = [];
  for (const [w, h] of passes) {
    for (let y = 0; y < h; y++) {
      const row = Buffer.alloc(1 + rowBytes(w));
      for (let i = 1; i < row.length; i++) row[i] = (i * 7 + y * 13) & (colorType === 3 ? 0x00 : 0xff);
      rows.push(row);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  ihdr[12] = opts.interlaced ? 1 : 0;
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(colorType === 3 ? [pngChunk('PLTE', Buffer.from([0, 0, 0, 255, 0, 0]))] : []),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG by pngjs: RGBA, of noise when asked (noise does not compress: the file is about 4 bytes a pixel). */
export function pngjsImage(width: number, height: number, opts: { noise?: boolean; colorType?: 0 | 2 | 4 | 6 } = {}): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i++) png.data[i] = opts.noise ? Math.floor(Math.random() * 256) : (i * 31) & 0xff;
  return PNG.sync.write(png, { colorType: opts.colorType ?? 6 });
}

interface ChunkAt {
  type: string;
  start: number;
  end: number;
}

export function pngChunks(png: Buffer): ChunkAt[] {
  const out: ChunkAt[] = [];
  for (let pos = 8; pos + 12 <= png.length; ) {
    const length = png.readUInt32BE(pos);
    out.push({ type: png.toString('latin1', pos + 4, pos + 8), start: pos, end: pos + 12 + length });
    pos += 12 + length;
  }
  return out;
}

/** The PNG with a chunk added just before IEND. */
export function withPngChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const iend = pngChunks(png).find((c) => c.type === 'IEND')!;
  return Buffer.concat([png.subarray(0, iend.start), pngChunk(type, data), png.subarray(iend.start)]);
}

/**
 * The PNG grown to exactly `size` bytes with a private ancillary chunk, which every reader skips
 * (a text chunk would not do: pdfkit's PNG reader cannot read hundreds of KB of text).
 */
export function padPngTo(png: Buffer, size: number): Buffer {
  const data = size - png.length - 12;
  if (data < 0) throw new Error(`cannot pad a ${png.length}-byte PNG to ${size}`);
  return withPngChunk(png, 'prVt', Buffer.alloc(data, 0x78));
}

/** The PNG with its (single) IDAT replaced: `change` gets and returns the inflated rows; the chunk's CRC is correct. */
export function withImageData(png: Buffer, change: (rows: Buffer) => Buffer, compress: (rows: Buffer) => Buffer = deflateSync): Buffer {
  const idat = pngChunks(png).filter((c) => c.type === 'IDAT');
  if (idat.length !== 1) throw new Error('expected one IDAT chunk');
  const [c] = idat;
  const rows = inflateSync(png.subarray(c.start + 8, c.end - 4));
  return Buffer.concat([png.subarray(0, c.start), pngChunk('IDAT', compress(change(Buffer.from(rows)))), png.subarray(c.end)]);
}

/**
 * A baseline JPEG of 24×16 pixels whose six 8×8 blocks are flat colours (DC coefficients only,
 * Huffman tables of its own): 200 bytes, decoded by PDF readers as six colour tiles.
 */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAARCAAQABgDAREAAhEAAxEA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACAAMAAD8A/G99kPjd+lgD9LAH4egP0sAfpYA//9k=',
  'base64',
);

/** Offset of a JPEG marker (0xFF, `marker`). */
export function jpegMarkerAt(jpeg: Buffer, marker: number): number {
  const at = jpeg.indexOf(Buffer.from([0xff, marker]));
  if (at < 0) throw new Error(`no marker ${marker.toString(16)}`);
  return at;
}
