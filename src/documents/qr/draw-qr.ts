/// <reference types="pdfkit" />
import QRCode from 'qrcode';

/** Light modules around the code that scanners need to find it (ISO/IEC 18004). */
export const QR_QUIET_ZONE_MODULES = 4;

/**
 * The dark modules of `text` as horizontal runs, in module units: [row, firstColumn, length].
 * The text is encoded as its UTF-8 bytes in byte mode (level M, which both payment formats call
 * for), so Cyrillic reaches the scanner as UTF-8, which is what ST00012 and EPC character set 1
 * announce.
 */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      runs.push([row, start, col - start]);
    }
  }
  return { size, runs };
}

/**
 * Draws `text` as a QR code with vector rectangles into a pdfkit document: a square of `size`
 * points at (x, y), the 4-module quiet zone included and painted white (the code stays readable on
 * a tinted background). One rectangle per horizontal run of dark modules, all filled at once: one
 * path means the rasteriser sees their union, with no hairline seams between touching rows. The
 * document's graphics state (fill colour, path) is left as it was.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError('drawQrCode: x and y must be finite numbers');
  if (!Number.isFinite(size) || size <= 0) throw new RangeError('drawQrCode: size must be a positive number of points');
  const { size: modules, runs } = qrRuns(text);
  const module = size / (modules + 2 * QR_QUIET_ZONE_MODULES);
  const origin = QR_QUIET_ZONE_MODULES * module;

  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  // the colour is set before the path (no colour operator inside a path object), and the runs are
  // written in module units under one transform: integers, one string, no per-rectangle calls
  doc.fillColor('#000000');
  doc.transform(module, 0, 0, module, x + origin, y + origin);
  doc.addContent(runs.map(([row, col, length]) => `${col} ${row} ${length} 1 re`).join('\n'));
  doc.fill();
  doc.restore();
}
