import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { drawQrCode, qrRuns } from '../../src/documents/qr/draw-qr';
import { epcPaymentPayload, gostPaymentPayload, parseEpcPayload, parseGostPayload } from '../../src/documents/qr/payment-qr';

/**
 * The proof that the codes scan: a real PDF with both codes drawn as vectors, rasterised by
 * poppler the way a viewer or printer would, and decoded from the pixels. CI installs
 * poppler-utils; without pdftoppm this file fails (it does not skip).
 */

const ROBOTO = join(__dirname, '..', '..', 'node_modules', '@expo-google-fonts', 'roboto', '400Regular', 'Roboto_400Regular.ttf');
const DPI = 150;
/** About 42 mm: the size an invoice gives its payment code. */
const QR_SIZE = 120;

const GOST_INPUT = {
  name: 'ООО «Ромашка Диджитал»',
  personalAcc: '40702810138250123017',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspAcc: '30101810400000000225',
  sum: '125000.50',
  purpose: 'Оплата по счёту № 0000000042 от 15.03.2026 за услуги | март, в т.ч. НДС 20% 20833.42',
  payeeInn: '7707083893',
  kpp: '773601001',
  docNo: '0000000042',
  docDate: '2026-03-15',
};

const EPC_INPUT = {
  name: 'Агенция Ромашка ЕООД',
  iban: 'BG80 BNBG 9661 1020 3456 78',
  bic: 'BNBGBGSD',
  amount: '1250.5',
  remittance: 'Фактура № 0000000042 / Invoice 0000000042',
};

interface Placed {
  payload: string;
  x: number;
  y: number;
}

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'payment-qr-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** An A4 page with a caption in Roboto and each code at its place, as PDF bytes. */
function buildPdf(codes: Placed[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(ROBOTO).fontSize(10).text('Оплата по QR-коду: наведите камеру банковского приложения', 40, 40);
    for (const c of codes) drawQrCode(doc, c.payload, c.x, c.y, QR_SIZE);
    doc.text('Счёт № 0000000042', 40, 200);
    doc.end();
  });
}

/** The first page rendered by pdftoppm at DPI, as RGBA pixels. */
function rasterise(pdf: Buffer): PNG {
  const input = join(workDir, 'invoice.pdf');
  writeFileSync(input, pdf);
  const run = spawnSync('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', input, join(workDir, 'page')], { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('pdftoppm is not on PATH: install poppler-utils (apt-get install poppler-utils) to run the QR decoding test');
  }
  if (run.status !== 0) throw new Error(`pdftoppm failed (${run.status}): ${run.stderr}`);
  return PNG.sync.read(readFileSync(join(workDir, 'page.png')));
}

/** Decodes the code drawn at (x, y): the page is cut around it, since jsQR finds one code per image. */
function decodeAt(page: PNG, x: number, y: number): { text: string; bytes: Buffer } {
  const scale = DPI / 72;
  const margin = 8;
  const left = Math.max(0, Math.floor((x - margin) * scale));
  const top = Math.max(0, Math.floor((y - margin) * scale));
  const side = Math.ceil((QR_SIZE + 2 * margin) * scale);
  const width = Math.min(side, page.width - left);
  const height = Math.min(side, page.height - top);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * page.width + left) * 4;
    pixels.set(page.data.subarray(from, from + width * 4), row * width * 4);
  }
  const found = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' });
  if (!found) throw new Error(`no QR code could be decoded at (${x}, ${y})`);
  return { text: found.data, bytes: Buffer.from(found.binaryData) };
}

describe('payment QR codes drawn into a PDF decode back to their payloads', () => {
  const gost = gostPaymentPayload(GOST_INPUT);
  const epc = epcPaymentPayload(EPC_INPUT);
  let page: PNG;

  beforeAll(async () => {
    page = rasterise(await buildPdf([
      { payload: gost, x: 40, y: 70 },
      { payload: epc, x: 300, y: 70 },
    ]));
  });

  it('the ГОСТ Р 56042 code reads as its UTF-8 payload, Cyrillic payee, sum in kopecks and purpose included', () => {
    const decoded = decodeAt(page, 40, 70);
    expect(decoded.bytes.equals(Buffer.from(gost, 'utf8'))).toBe(true);
    expect(decoded.text).toBe(gost);

    const parsed = parseGostPayload(decoded.bytes.toString('utf8'));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.fields).toEqual({
      Name: 'ООО «Ромашка Диджитал»',
      PersonalAcc: '40702810138250123017',
      BankName: 'ПАО Сбербанк',
      BIC: '044525225',
      CorrespAcc: '30101810400000000225',
      Sum: '12500050',
      Purpose: 'Оплата по счёту № 0000000042 от 15.03.2026 за услуги / март, в т.ч. НДС 20% 20833.42',
      PayeeINN: '7707083893',
      KPP: '773601001',
      DocNo: '0000000042',
      DocDate: '15.03.2026',
    });
  });

  it('the EPC code reads as its UTF-8 payload with the beneficiary, IBAN, amount and remittance', () => {
    const decoded = decodeAt(page, 300, 70);
    expect(decoded.bytes.equals(Buffer.from(epc, 'utf8'))).toBe(true);
    expect(decoded.text).toBe(epc);

    expect(parseEpcPayload(decoded.text)).toEqual({
      version: '002',
      characterSet: 1,
      bic: 'BNBGBGSD',
      name: 'Агенция Ромашка ЕООД',
      iban: 'BG80BNBG96611020345678',
      amount: '1250.50',
      purpose: '',
      reference: '',
      remittance: 'Фактура № 0000000042 / Invoice 0000000042',
      information: '',
    });
  });

  it('a near-longest ГОСТ payload (160-character name, 210-character purpose, ~900 bytes) still decodes at the same size', async () => {
    const longest = gostPaymentPayload({
      ...GOST_INPUT,
      name: 'Общество с ограниченной ответственностью '.repeat(4).slice(0, 160),
      bankName: 'Б'.repeat(45),
      sum: '9999999999999999.99',
      purpose: 'Оплата по счёту № 0000000042 от 15.03.2026 '.repeat(5).slice(0, 210),
      payeeInn: '500100732259',
    });
    expect(Buffer.byteLength(longest, 'utf8')).toBeGreaterThan(850);
    const single = rasterise(await buildPdf([{ payload: longest, x: 40, y: 70 }]));
    expect(decodeAt(single, 40, 70).bytes.toString('utf8')).toBe(longest);
  });

  it('where no code was drawn, nothing decodes (the decoder is not fooled by the caption)', () => {
    expect(() => decodeAt(page, 40, 300)).toThrow(/no QR code/);
  });
});

describe('drawQrCode draws vectors', () => {
  /** An uncompressed one-page PDF with one code, its dates fixed so two builds can be compared. */
  function pdfWith(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const fixed = new Date('2026-03-15T00:00:00Z');
      const doc = new PDFDocument({ size: 'A4', compress: false, info: { CreationDate: fixed, ModDate: fixed } });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      doc.on('error', reject);
      drawQrCode(doc, text, 40, 70, QR_SIZE);
      doc.end();
    });
  }

  it('one rectangle per run of dark modules plus the white quiet-zone square, two fills, no image', async () => {
    const text = gostPaymentPayload(GOST_INPUT);
    const pdf = await pdfWith(text);
    expect(pdf.match(/ re\n/g)).toHaveLength(qrRuns(text).runs.length + 1);
    expect(pdf.match(/^f\n/gm)).toHaveLength(2);
    expect(pdf).not.toMatch(/\/Subtype \/Image/);
  });

  it('the same text draws the same bytes', async () => {
    const text = epcPaymentPayload(EPC_INPUT);
    expect(await pdfWith(text)).toBe(await pdfWith(text));
  });

  it('refuses a size that is not a positive number of points', () => {
    const doc = new PDFDocument();
    expect(() => drawQrCode(doc, 'x', 0, 0, 0)).toThrow(RangeError);
    expect(() => drawQrCode(doc, 'x', 0, 0, Number.NaN)).toThrow(RangeError);
  });
});
