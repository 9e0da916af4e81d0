/**
 * The blocks every business document is made of: a letterhead, key-value lists, the two parties
 * side by side, a totals block, and signature blocks with optional stamp and signature images.
 * Each measures itself, asks for the space and draws at the cursor.
 */
import type { DocumentWriter } from './create-document';
import { COLORS } from './theme';

const COLUMN_GAP = 18;

/** Images reach a render thread as Uint8Array (structured clone); pdfkit wants a Buffer. */
export function asBuffer(image: Uint8Array): Buffer {
  return Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
}

export interface Letterhead {
  logo?: Uint8Array | null;
  /** the agency's name and contact lines, printed at the top right */
  lines: string[];
}

/** The agency's logo at the left and its name and contacts at the right, then a rule. */
export function drawLetterhead(w: DocumentWriter, head: Letterhead): void {
  const y = w.y;
  let logoHeight = 0;
  if (head.logo) {
    w.doc.image(asBuffer(head.logo), w.left, y, { fit: [150, 46] });
    logoHeight = 46;
  }
  const textWidth = head.logo ? w.width - 170 : w.width;
  const x = w.right - textWidth;
  let h = 0;
  head.lines.forEach((line, i) => {
    h += w.textAt(i === 0 ? 'bodyBold' : 'small', line, x, y + h, textWidth, head.logo ? 'right' : 'left');
  });
  w.doc.y = y + Math.max(logoHeight, h);
  w.rule(4, 10);
}

/** Label: value rows with the labels in a narrow column. */
export function drawKeyValues(w: DocumentWriter, rows: Array<[string, string]>, labelShare = 0.3): void {
  const labelWidth = w.width * labelShare;
  const valueWidth = w.width - labelWidth - 8;
  for (const [label, value] of rows) {
    const h = Math.max(w.heightOf('label', label, labelWidth), w.heightOf('body', value, valueWidth)) + 2.5;
    w.ensureSpace(h);
    const y = w.y;
    w.textAt('label', label, w.left, y + 0.8, labelWidth);
    w.textAt('body', value, w.left + labelWidth + 8, y, valueWidth);
    w.doc.y = y + h;
  }
}

export interface PartyBlock {
  /** e.g. "Исполнитель" / "Supplier" */
  role: string;
  name: string;
  /** requisites, one per line ("ИНН 7701234567", "р/с …") */
  lines: string[];
}

/** Two (or more) parties side by side, each with its role, name and requisites. */
export function drawParties(w: DocumentWriter, parties: PartyBlock[]): void {
  const columns = Math.max(1, parties.length);
  const colWidth = (w.width - COLUMN_GAP * (columns - 1)) / columns;
  const heights = parties.map(
    (p) => w.heightOf('label', p.role, colWidth) + w.heightOf('bodyBold', p.name, colWidth) + p.lines.reduce((h, l) => h + w.heightOf('body', l, colWidth), 0) + 4,
  );
  const height = Math.max(...heights);
  w.ensureSpace(Math.min(height, w.bottom - w.top));
  const y = w.y;
  parties.forEach((p, i) => {
    const x = w.left + i * (colWidth + COLUMN_GAP);
    let dy = w.textAt('label', p.role.toUpperCase(), x, y, colWidth);
    dy += w.textAt('bodyBold', p.name, x, y + dy, colWidth) + 2;
    for (const line of p.lines) dy += w.textAt('body', line, x, y + dy, colWidth);
  });
  w.doc.y = y + height;
}

export interface TotalRow {
  label: string;
  value: string;
  strong?: boolean;
}

/** Right-aligned label/value pairs under a table; kept together on one page. */
export function drawTotals(w: DocumentWriter, rows: TotalRow[]): void {
  const valueWidth = w.width * 0.22;
  const labelWidth = w.width * 0.5;
  const heights = rows.map((r) => Math.max(w.heightOf(r.strong ? 'bodyBold' : 'body', r.label, labelWidth, 'right'), 12) + 2);
  w.ensureSpace(heights.reduce((a, b) => a + b, 0) + 4);
  w.gap(4);
  rows.forEach((r, i) => {
    const y = w.y;
    const style = r.strong ? 'bodyBold' : 'body';
    w.textAt(style, r.label, w.right - valueWidth - labelWidth - 6, y, labelWidth, 'right');
    w.textAt(style, r.value, w.right - valueWidth, y, valueWidth, 'right');
    w.doc.y = y + heights[i];
  });
}

export interface SignatureBlock {
  /** e.g. "Исполнитель" / "ИЗПЪЛНИТЕЛ" / "For the Agency" */
  role: string;
  position?: string | null;
  name?: string | null;
  /** printed under the line: "подпись" / "подпис" / "signature" */
  signatureCaption: string;
  /** "М.П." / "печат" / "stamp": printed where the stamp goes */
  stampCaption?: string;
  /** a date line such as «___» __________ 20__ г., or a date already known */
  dateLine?: string;
  signatureImage?: Uint8Array | null;
  stampImage?: Uint8Array | null;
}

const SIGNATURE_HEIGHT = 112;

/** Signature blocks side by side: role, position, the line with the name, date and stamp place. */
export function drawSignatures(w: DocumentWriter, blocks: SignatureBlock[]): void {
  const columns = Math.max(1, blocks.length);
  const colWidth = (w.width - COLUMN_GAP * (columns - 1)) / columns;
  w.ensureSpace(SIGNATURE_HEIGHT);
  const y = w.y;
  // the signature lines of all blocks sit on one baseline, below the tallest role + position
  const heads = blocks.map((b) => w.heightOf('heading', b.role, colWidth) + (b.position ? w.heightOf('body', b.position, colWidth) : 0));
  const lineY = y + Math.max(52, Math.max(...heads) + 34);
  blocks.forEach((b, i) => {
    const x = w.left + i * (colWidth + COLUMN_GAP);
    const dy = w.textAt('heading', b.role, x, y, colWidth);
    if (b.position) w.textAt('body', b.position, x, y + dy, colWidth);
    const lineWidth = colWidth * 0.45;
    if (b.signatureImage) w.doc.image(asBuffer(b.signatureImage), x + 4, lineY - 34, { fit: [lineWidth - 8, 32], align: 'center', valign: 'bottom' });
    w.doc.save().moveTo(x, lineY).lineTo(x + lineWidth, lineY).lineWidth(0.5).strokeColor(COLORS.ink).stroke().restore();
    if (b.name) w.textAt('body', `/ ${b.name} /`, x + lineWidth + 4, lineY - 11, colWidth - lineWidth - 4);
    w.textAt('small', b.signatureCaption, x, lineY + 2, lineWidth, 'center');
    let below = lineY + 14;
    if (b.dateLine) below += w.textAt('body', b.dateLine, x, below, colWidth) + 2;
    if (b.stampCaption) w.textAt('small', b.stampCaption, x, below + 2, colWidth);
    if (b.stampImage) w.doc.image(asBuffer(b.stampImage), x + lineWidth * 0.55, lineY - 40, { fit: [96, 96] });
  });
  w.doc.y = Math.max(y + SIGNATURE_HEIGHT, lineY + 60);
}

/**
 * A large, faint mark across every page ("ПРОЕКТ", "DRAFT"): a draft is printed to be read, not
 * signed. Drawn once all pages exist, like the page chrome; its text stays extractable.
 */
export function drawDraftMark(w: DocumentWriter, text: string): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { width, height, margins } = doc.page;
    // drawing outside the content box must not trigger pdfkit's automatic page break
    const savedBottom = margins.bottom;
    margins.bottom = 0;
    w.use('title');
    const size = Math.min(width, height) / 7;
    doc.save();
    doc.fontSize(size).fillColor(COLORS.draftMark).fillOpacity(0.13);
    doc.rotate(-30, { origin: [width / 2, height / 2] });
    doc.text(text, 0, height / 2 - size / 2, { width, align: 'center', lineBreak: false });
    doc.restore();
    margins.bottom = savedBottom;
  }
}
