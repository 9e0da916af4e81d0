/**
 * The invoice as an accountant of its country expects it:
 * - ru: the счёт на оплату — the payee's bank details as a grid at the top (the payment QR code at
 *   its right), the title with number and long date, supplier, customer and the contract as the
 *   basis, the lines, Итого with the VAT «в том числе» or on top (or «Без налога (НДС)» and the
 *   legal wording), the count of items, the amount due in words, the due date, Руководитель and
 *   Бухгалтер;
 * - bg: the ФАКТУРА — «Оригинал», the number, the issue and tax-event dates, Доставчик and
 *   Получател with ЕИК, ИН по ДДС and МОЛ, the lines, Данъчна основа / ДДС / Сума за плащане,
 *   «Словом», the bank transfer with IBAN and BIC (the EPC code beside it), the basis for not
 *   charging VAT, Получател / Съставил;
 * - en: the same facts in English.
 * A draft has no number and is marked DRAFT on every page; a cancelled invoice is marked
 * CANCELLED. Pure: model and options in, bytes out.
 */
import { DEFAULT_UNIT, isZero } from '../../services/money/totals';
import { amountInWords } from '../i18n/amount-in-words';
import { documentLabels, type Labeller } from '../i18n/labels';
import { drawDraftMark, drawKeyValues, drawLetterhead, drawParties, drawSignatures, drawTotals, type SignatureBlock, type TotalRow } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate, formatMoney, formatPercent, formatQuantity } from '../layout/format';
import { drawTable, type TableColumn } from '../layout/table';
import { COLORS } from '../layout/theme';
import type { RenderOptions } from '../kinds';
import { drawQrCode } from '../qr/draw-qr';
import { partyLines } from '../shared/party.lines';
import type { InvoiceLineModel, InvoiceModel } from './invoice.model';
import { invoicePaymentQr, type InvoiceQr } from './invoice.qr';

type Locale = RenderOptions['locale'];

/** The QR code's side: about 42 mm, modules of about half a millimetre for a typical payload. */
const QR_SIZE = 118;
const QR_GAP = 14;

/** Formatting in the document's language, and the invoice's own facts derived for printing. */
class Printer {
  readonly l: Labeller;
  readonly rated: boolean;
  readonly vatOnTop: boolean;
  readonly deducted: boolean;
  /** ПРОЕКТ on a draft, АННУЛИРОВАН on a cancelled invoice */
  readonly mark: string | null;

  constructor(
    readonly m: InvoiceModel,
    readonly locale: Locale,
  ) {
    this.l = documentLabels(locale as never);
    this.rated = m.vatGroups.some((g) => g.rate !== null);
    this.vatOnTop = this.rated && m.priceBasis === 'VAT_ON_TOP';
    this.deducted = !isZero(m.prepaymentDeducted) || !isZero(m.creditedAmount);
    this.mark =
      m.status === 'DRAFT' ? this.l('common.draftMark') : m.status === 'CANCELLED' ? this.l('invoice.cancelledMark') : null;
  }

  money(amount: string): string {
    return formatMoney(amount, this.locale);
  }

  moneyWithCurrency(amount: string, currency: InvoiceModel['currency'] = this.m.currency): string {
    return formatMoney(amount, this.locale, { currency });
  }

  date(iso: string, style: 'long' | 'short'): string {
    return formatDate(iso, this.locale, style);
  }

  rate(rate: string | null): string {
    return rate === null ? this.l('invoice.noVatRate') : formatPercent(rate, this.locale);
  }

  unit(unit: string): string {
    return unit === DEFAULT_UNIT ? this.l('invoice.defaultUnit') : unit;
  }

  /** "Счёт на оплату № 12 от 22.11.2026" for the running header and the metadata. */
  reference(): string {
    const { number, issueDate } = this.m;
    return number && issueDate ? this.l('invoice.numbered', { number, date: this.date(issueDate, 'short') }) : this.l('invoice.draftReference');
  }

  contract(): string | null {
    const c = this.m.contract;
    if (!c) return null;
    const date = this.date(c.date, this.locale === 'bg' ? 'short' : 'long');
    return c.number ? this.l('invoice.contract', { number: c.number, date }) : this.l('invoice.contractUnnumbered', { date });
  }

  kind(): string | null {
    return this.m.kind === 'STANDARD' ? null : this.l(`invoice.kind${this.m.kind}`);
  }

  words(): string {
    const words = amountInWords(this.m.amountDue, this.m.currency, this.locale);
    return this.l(this.deducted ? 'invoice.inWordsDue' : 'invoice.inWords', { words });
  }

  exemption(): string | null {
    const note = this.m.vatExemptionNote?.trim();
    if (!note) return null;
    if (this.locale === 'ru') return note;
    // the legal wording of a Bulgarian regime already starts with its heading
    const heading = this.l('invoice.exemptionBasis', { note: '' }).replace(/[:\s]+$/, '');
    return note.toLocaleLowerCase('bg').startsWith(heading.toLocaleLowerCase('bg')) ? note : this.l('invoice.exemptionBasis', { note });
  }
}

/** A block after the lines table: measured first, so the last line of the table can stay with them. */
interface Block {
  height(w: DocumentWriter): number;
  draw(w: DocumentWriter): void;
}

function paragraph(style: 'body' | 'bodyBold' | 'emphasis' | 'small', text: string, gapAfter = 3): Block {
  return {
    height: (w) => w.heightOf(style, text, w.width) + gapAfter,
    draw: (w) => w.text(style, text, { gapAfter }),
  };
}

function gap(points: number): Block {
  return { height: () => points, draw: (w) => w.gap(points) };
}

function totalsBlock(rows: TotalRow[]): Block {
  return {
    // as drawTotals measures itself
    height: (w) => rows.reduce((h, r) => h + Math.max(w.heightOf(r.strong ? 'bodyBold' : 'body', r.label, w.width * 0.5, 'right'), 12) + 2, 0) + 4,
    draw: (w) => drawTotals(w, rows),
  };
}

function signaturesBlock(blocks: SignatureBlock[]): Block {
  return {
    height: () => 124,
    draw: (w) => {
      w.gap(12);
      drawSignatures(w, blocks);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// the lines

interface Column extends TableColumn {
  cell: (line: InvoiceLineModel) => string;
}

function lineColumns(p: Printer): Column[] {
  const { l } = p;
  const no: Column = { header: l('invoice.colNo'), width: 4.5, align: 'right', cell: (x) => String(x.position) };
  const description = (width: number): Column => ({ header: l('invoice.colDescription'), width, cell: (x) => x.description });
  const quantity: Column = { header: l('invoice.colQuantity'), width: p.locale === 'bg' ? 12 : 7.5, align: 'right', cell: (x) => formatQuantity(x.quantity, p.locale) };
  const unit: Column = { header: l('invoice.colUnit'), width: p.locale === 'ru' ? 7 : 8.5, align: 'center', cell: (x) => p.unit(x.unit) };
  const included = p.rated && !p.vatOnTop;
  const price: Column = { header: l(included ? 'invoice.colPriceWithVat' : 'invoice.colPrice'), width: 13, align: 'right', cell: (x) => p.money(x.unitPrice) };
  if (p.vatOnTop && p.locale !== 'bg') {
    return [
      no,
      description(p.locale === 'ru' ? 27.5 : 26),
      quantity,
      unit,
      { ...price, width: 12 },
      { header: l('invoice.colNet'), width: 12.5, align: 'right', cell: (x) => p.money(x.net) },
      { header: l('invoice.colVatRate'), width: 8, align: 'right', cell: (x) => p.rate(x.vatRate) },
      { header: l('invoice.colVat'), width: 10.5, align: 'right', cell: (x) => p.money(x.vat) },
      { header: l('invoice.colGross'), width: 12.5, align: 'right', cell: (x) => p.money(x.gross) },
    ];
  }
  const amount: Column = p.vatOnTop
    ? { header: l('invoice.colAmount'), width: 14, align: 'right', cell: (x) => p.money(x.net) }
    : { header: l(included ? 'invoice.colAmountWithVat' : 'invoice.colAmount'), width: 14, align: 'right', cell: (x) => p.money(x.gross) };
  const rate: Column[] = p.locale === 'bg' && p.m.vatGroups.length > 1 ? [{ header: l('invoice.colVatRate'), width: 8, align: 'right', cell: (x) => p.rate(x.vatRate) }] : [];
  const fixed = [no, quantity, unit, price, amount, ...rate].reduce((s, c) => s + c.width, 0);
  const desc = description(100 - fixed);
  // Bulgarian forms put the unit before the quantity
  return p.locale === 'bg' ? [no, desc, unit, quantity, price, ...rate, amount] : [no, desc, quantity, unit, price, ...rate, amount];
}

function drawLines(w: DocumentWriter, p: Printer, after: Block[]): void {
  const columns = lineColumns(p);
  const keepWithLast = after.reduce((h, b) => h + b.height(w), 0);
  drawTable(
    w,
    columns,
    p.m.lines.map((line) => columns.map((c) => c.cell(line))),
    { keepWithLast },
  );
  for (const b of after) {
    w.ensureSpace(Math.min(b.height(w), w.bottom - w.top));
    b.draw(w);
  }
}

/** The totals: Russian rows follow the price basis (VAT «в том числе» or on top); Bulgarian and English rows start from the tax base. */
function totalRows(p: Printer): TotalRow[] {
  const { m, l } = p;
  const rows: TotalRow[] = [];
  const rated = m.vatGroups.filter((g) => g.rate !== null);
  if (p.locale === 'ru') {
    if (p.vatOnTop) {
      rows.push({ label: l('invoice.subtotal'), value: p.money(m.subtotal) });
      for (const g of rated) rows.push({ label: l('invoice.vatOnTop', { rate: p.rate(g.rate) }), value: p.money(g.vatTotal) });
      if (p.deducted) rows.push({ label: l('invoice.totalWithVat'), value: p.money(m.total) });
    } else {
      rows.push({ label: l('invoice.total'), value: p.money(m.total) });
      if (rated.length) for (const g of rated) rows.push({ label: l('invoice.vatIncluded', { rate: p.rate(g.rate) }), value: p.money(g.vatTotal) });
      else rows.push({ label: l('invoice.noVat'), value: '—' });
    }
  } else {
    rows.push({ label: l('invoice.subtotal'), value: p.money(m.subtotal) });
    if (rated.length) for (const g of rated) rows.push({ label: l('invoice.vatOnTop', { rate: p.rate(g.rate) }), value: p.money(g.vatTotal) });
    else rows.push({ label: l('invoice.noVat'), value: '—' });
    if (p.deducted) rows.push({ label: l('invoice.totalWithVat'), value: p.money(m.total) });
  }
  if (!isZero(m.prepaymentDeducted)) rows.push({ label: l('invoice.prepaymentDeducted'), value: p.money(negative(m.prepaymentDeducted)) });
  if (!isZero(m.creditedAmount)) rows.push({ label: l('invoice.credited'), value: p.money(negative(m.creditedAmount)) });
  rows.push({ label: l('invoice.amountDue'), value: p.moneyWithCurrency(m.amountDue), strong: true });
  return rows;
}

function negative(amount: string): string {
  return amount.startsWith('-') ? amount : `-${amount}`;
}

// ---------------------------------------------------------------------------------------------
// marks, the QR code, signatures

/** The title line, with the draft or cancellation mark at its right. */
function drawTitle(w: DocumentWriter, p: Printer, text: string, align: 'left' | 'center'): void {
  const y = w.y;
  if (p.mark) {
    w.use('title');
    w.doc.fillColor(COLORS.draftMark).text(p.mark, w.left, y, { width: w.width, align: 'right', lineBreak: false });
    w.doc.x = w.left;
    w.doc.y = y;
  }
  const markWidth = p.mark ? w.widthOf('title', p.mark) + 12 : 0;
  const width = align === 'center' ? w.width : w.width - markWidth;
  const h = w.textAt('title', text, w.left, y, width, align);
  w.doc.y = y + h;
}

/**
 * The QR code with its caption at (x, y), or the note asking for the requisites it needs; returns
 * the height used.
 */
function drawQr(w: DocumentWriter, p: Printer, qr: InvoiceQr, x: number, y: number): number {
  if (qr.format === 'UNAVAILABLE') {
    const fieldKey = `invoice.qrField.${qr.field}`;
    const field = p.l(fieldKey) === fieldKey ? p.l('invoice.qrField.other') : p.l(fieldKey);
    return w.textAt('small', p.l('invoice.qrUnavailable', { field }), x, y, QR_SIZE, 'left');
  }
  drawQrCode(w.doc, qr.payload, x, y, QR_SIZE);
  const caption = w.textAt('small', p.l('invoice.qrCaption'), x, y + QR_SIZE + 1, QR_SIZE, 'center');
  return QR_SIZE + 1 + caption;
}

function qrHeight(w: DocumentWriter, p: Printer, qr: InvoiceQr | null): number {
  if (!qr) return 0;
  if (qr.format === 'UNAVAILABLE') return w.heightOf('small', p.l('invoice.qrUnavailable', { field: p.l('invoice.qrField.other') }), QR_SIZE) + 12;
  return QR_SIZE + 1 + w.heightOf('small', p.l('invoice.qrCaption'), QR_SIZE);
}

function supplierSignature(p: Printer, role: string): SignatureBlock {
  const s = p.m.supplier;
  return {
    role,
    position: s.signatoryPosition,
    name: s.signatoryName,
    signatureCaption: p.l('common.signature'),
    stampCaption: p.l('common.stamp'),
    signatureImage: p.m.signature,
    stampImage: p.m.stamp,
  };
}

function letterhead(w: DocumentWriter, p: Printer): void {
  const s = p.m.supplier;
  drawLetterhead(w, { logo: p.m.logo, lines: [s.tradingName, ...[s.name !== s.tradingName ? s.name : null, s.address].filter((x): x is string => !!x)] });
}

// ---------------------------------------------------------------------------------------------
// ru: счёт на оплату

/** The payee's bank details as Russian banks print them, at (x, y) in `width`; returns the height. */
function drawBankGrid(w: DocumentWriter, p: Printer, x: number, y: number, width: number): number {
  const { doc } = w;
  const s = p.m.supplier;
  const { l } = p;
  const pad = 3;
  const c1 = width * 0.56;
  const c2 = width * 0.11;
  const c3 = width - c1 - c2;
  const line = w.heightOf('tableCell', 'Ag', 100);
  const caption = w.heightOf('small', 'Ag', 100);
  const row = line + 2 * pad;
  const bankH = Math.max(2 * row, w.heightOf('tableCell', s.bankName ?? '', c1 - 2 * pad) + caption + 2 * pad + 4);
  const innH = row;
  const payeeH = Math.max(row + caption, w.heightOf('tableCell', s.name, c1 - 2 * pad) + caption + 2 * pad + 4);
  const height = bankH + innH + payeeH;

  doc.save().lineWidth(0.6).strokeColor(COLORS.ink);
  doc.rect(x, y, c1, bankH).stroke();
  doc.rect(x + c1, y, c2, row).stroke();
  doc.rect(x + c1 + c2, y, c3, row).stroke();
  doc.rect(x + c1, y + row, c2, bankH - row).stroke();
  doc.rect(x + c1 + c2, y + row, c3, bankH - row).stroke();
  doc.rect(x, y + bankH, c1 / 2, innH).stroke();
  doc.rect(x + c1 / 2, y + bankH, c1 / 2, innH).stroke();
  doc.rect(x, y + bankH + innH, c1, payeeH).stroke();
  doc.rect(x + c1, y + bankH, c2, innH + payeeH).stroke();
  doc.rect(x + c1 + c2, y + bankH, c3, innH + payeeH).stroke();
  doc.restore();

  const cell = (text: string, cx: number, cy: number, cw: number) => w.textAt('tableCell', text, cx + pad, cy + pad, cw - 2 * pad);
  cell(s.bankName ?? '', x, y, c1);
  w.textAt('small', l('invoice.bankOfPayee'), x + pad, y + bankH - caption - pad, c1 - 2 * pad);
  cell(l('common.bic'), x + c1, y, c2);
  cell(s.bic ?? '', x + c1 + c2, y, c3);
  cell(l('invoice.accountNo'), x + c1, y + row, c2);
  cell(s.correspondentAccount ?? '', x + c1 + c2, y + row, c3);
  cell(`${l('common.inn')} ${s.inn ?? ''}`, x, y + bankH, c1 / 2);
  cell(`${l('common.kpp')} ${s.kpp ?? ''}`, x + c1 / 2, y + bankH, c1 / 2);
  cell(l('invoice.accountNo'), x + c1, y + bankH, c2);
  cell(s.settlementAccount ?? '', x + c1 + c2, y + bankH, c3);
  cell(s.name, x, y + bankH + innH, c1);
  w.textAt('small', l('invoice.payee'), x + pad, y + height - caption - pad, c1 - 2 * pad);
  return height;
}

function renderRussian(w: DocumentWriter, p: Printer, qr: InvoiceQr | null): void {
  const { m, l } = p;
  letterhead(w, p);
  const top = w.y;
  const gridWidth = qr ? w.width - QR_SIZE - QR_GAP : w.width;
  const gridHeight = drawBankGrid(w, p, w.left, top, gridWidth);
  const qrUsed = qr ? drawQr(w, p, qr, w.right - QR_SIZE, top) : 0;
  w.doc.y = top + Math.max(gridHeight, qrUsed);
  w.gap(14);

  const title = m.number && m.issueDate ? l('invoice.numbered', { number: m.number, date: p.date(m.issueDate, 'long') }) : l('invoice.title');
  drawTitle(w, p, title, 'left');
  const kind = p.kind();
  if (kind) w.text('subtitle', kind);
  w.gap(3);
  w.doc.save().moveTo(w.left, w.y).lineTo(w.right, w.y).lineWidth(1.6).strokeColor(COLORS.ink).stroke().restore();
  w.gap(8);

  const partyText = (party: typeof m.customer) => [party.name, ...partyLines(party, l, { bank: false })].join(', ');
  const rows: Array<[string, string]> = [
    [l('invoice.supplier'), partyText(m.supplier)],
    [l('invoice.customer'), partyText(m.customer)],
  ];
  const contract = p.contract();
  if (contract) rows.push([l('invoice.basis'), contract]);
  drawKeyValues(w, rows, 0.24);
  w.gap(8);

  const after: Block[] = [totalsBlock(totalRows(p))];
  const exemption = p.exemption();
  if (exemption) after.push(gap(2), paragraph('emphasis', exemption));
  after.push(
    gap(4),
    paragraph('body', l('invoice.itemsSummary', { count: m.lines.length, amount: p.moneyWithCurrency(m.total) }), 1),
    paragraph('bodyBold', p.words(), 6),
    paragraph('body', l('invoice.payBy', { date: p.date(m.dueDate, 'long') }), 3),
  );
  if (m.totalBgnEquivalent) after.push(paragraph('body', l('invoice.bgnEquivalent', { amount: p.moneyWithCurrency(m.totalBgnEquivalent, 'BGN') })));
  if (m.notes) after.push(paragraph('body', `${l('invoice.notes')} ${m.notes}`));
  after.push(
    { height: () => 10, draw: (w2) => w2.rule(2, 4) },
    signaturesBlock([
      supplierSignature(p, l('invoice.head')),
      { role: l('invoice.accountant'), name: null, signatureCaption: l('common.signature') },
    ]),
  );
  drawLines(w, p, after);
}

// ---------------------------------------------------------------------------------------------
// bg and en: the invoice with the payment details (and the QR code) after the totals

/** Bank transfer details at the left, the QR code (or the note about it) at the right. */
function paymentBlock(p: Printer, qr: InvoiceQr | null): Block {
  const { m, l } = p;
  const s = m.supplier;
  const lines: Array<{ style: 'heading' | 'body'; text: string }> = [{ style: 'heading', text: l('invoice.paymentHeading') }];
  if (p.locale === 'bg') lines.push({ style: 'body', text: l('invoice.paymentMethod') });
  const bank = [
    s.bankName && `${l('common.bank')}: ${s.bankName}`,
    s.iban && `${l('common.iban')}: ${s.iban}`,
    s.bic && `${l('common.bic')}: ${s.bic}`,
    s.settlementAccount && `${l('common.settlementAccount')}: ${s.settlementAccount}`,
    s.correspondentAccount && `${l('common.correspondentAccount')}: ${s.correspondentAccount}`,
  ].filter((x): x is string => !!x);
  for (const text of bank) lines.push({ style: 'body', text });
  lines.push({ style: 'body', text: l('invoice.payBy', { date: p.date(m.dueDate, p.locale === 'bg' ? 'short' : 'long') }) });
  const textWidth = (w: DocumentWriter) => (qr ? w.width - QR_SIZE - QR_GAP : w.width);
  const textHeight = (w: DocumentWriter) => lines.reduce((h, x) => h + w.heightOf(x.style, x.text, textWidth(w)) + (x.style === 'heading' ? 2 : 0), 0);
  return {
    height: (w) => Math.max(textHeight(w), qrHeight(w, p, qr)) + 8,
    draw: (w) => {
      const y = w.y + 4;
      let dy = 0;
      for (const x of lines) dy += w.textAt(x.style, x.text, w.left, y + dy, textWidth(w)) + (x.style === 'heading' ? 2 : 0);
      const used = qr ? drawQr(w, p, qr, w.right - QR_SIZE, y) : 0;
      w.doc.y = y + Math.max(dy, used) + 4;
    },
  };
}

function renderBulgarian(w: DocumentWriter, p: Printer, qr: InvoiceQr | null): void {
  const { m, l } = p;
  letterhead(w, p);
  drawTitle(w, p, l('invoice.title'), 'center');
  if (m.number) w.text('heading', `${l('common.number')} ${m.number}`, { align: 'center' });
  w.text('subtitle', l('invoice.original'), { align: 'center' });
  const kind = p.kind();
  if (kind) w.text('subtitle', kind, { align: 'center' });
  w.gap(8);
  const dates: Array<[string, string]> = [];
  if (m.issueDate) {
    dates.push([l('invoice.issueDate'), p.date(m.issueDate, 'short')]);
    dates.push([l('invoice.supplyDate'), p.date(m.supplyDate ?? m.issueDate, 'short')]);
  } else if (m.supplyDate) {
    dates.push([l('invoice.supplyDate'), p.date(m.supplyDate, 'short')]);
  }
  const contract = p.contract();
  if (contract) dates.push([l('invoice.basis'), contract]);
  drawKeyValues(w, dates, 0.3);
  w.gap(8);
  const party = (role: string, x: typeof m.customer) => ({
    role,
    name: x.name,
    lines: [...partyLines(x, l, { bank: false }), ...(x.signatoryName ? [`${l('invoice.mol')}: ${x.signatoryName}`] : [])],
  });
  drawParties(w, [party(l('invoice.supplierHeading'), m.supplier), party(l('invoice.customerHeading'), m.customer)]);
  w.gap(10);
  drawLines(w, p, trailingBlocks(p, qr, [
    { ...supplierSignature(p, l('invoice.compiledBy')), position: null },
  ], true));
}

function renderEnglish(w: DocumentWriter, p: Printer, qr: InvoiceQr | null): void {
  const { m, l } = p;
  letterhead(w, p);
  drawTitle(w, p, l('invoice.title'), 'left');
  const kind = p.kind();
  if (kind) w.text('subtitle', kind);
  w.gap(6);
  const rows: Array<[string, string]> = [];
  if (m.number) rows.push([l('invoice.numberLabel'), m.number]);
  if (m.issueDate) rows.push([l('invoice.issueDate'), p.date(m.issueDate, 'long')]);
  if (m.supplyDate) rows.push([l('invoice.supplyDate'), p.date(m.supplyDate, 'long')]);
  rows.push([l('invoice.dueDate'), p.date(m.dueDate, 'long')]);
  const contract = p.contract();
  if (contract) rows.push([l('invoice.basis'), contract]);
  drawKeyValues(w, rows, 0.2);
  w.gap(8);
  const party = (role: string, x: typeof m.customer) => ({
    role,
    name: x.name,
    lines: [...partyLines(x, l, { bank: false }), ...(x.signatoryName ? [`${l('invoice.mol')}: ${x.signatoryName}${x.signatoryPosition ? `, ${x.signatoryPosition}` : ''}`] : [])],
  });
  drawParties(w, [party(l('invoice.supplierHeading'), m.supplier), party(l('invoice.customerHeading'), m.customer)]);
  w.gap(10);
  drawLines(w, p, trailingBlocks(p, qr, [supplierSignature(p, l('invoice.compiledBy'))], false));
}

/** bg and en: totals, words, VAT basis, payment with the QR code, notes, signatures. */
function trailingBlocks(p: Printer, qr: InvoiceQr | null, supplier: SignatureBlock[], receiverFirst: boolean): Block[] {
  const { m, l } = p;
  const blocks: Block[] = [totalsBlock(totalRows(p)), gap(4), paragraph('bodyBold', p.words(), 4)];
  if (m.totalBgnEquivalent) blocks.push(paragraph('body', l('invoice.bgnEquivalent', { amount: p.moneyWithCurrency(m.totalBgnEquivalent, 'BGN') })));
  const exemption = p.exemption();
  if (exemption) blocks.push(paragraph('emphasis', exemption, 4));
  blocks.push(paymentBlock(p, qr));
  if (m.notes) blocks.push(paragraph('body', `${l('invoice.notes')} ${m.notes}`));
  const receiver: SignatureBlock = { role: l('invoice.receivedBy'), name: m.customer.signatoryName, signatureCaption: l('common.signature') };
  blocks.push({ height: () => 10, draw: (w) => w.rule(2, 4) }, signaturesBlock(receiverFirst ? [receiver, ...supplier] : [...supplier, receiver]));
  return blocks;
}

// ---------------------------------------------------------------------------------------------

export async function renderInvoice(model: InvoiceModel, options: RenderOptions): Promise<RenderedDocument> {
  const p = new Printer(model, options.locale);
  const { l } = p;
  const reference = p.reference();
  const w = new DocumentWriter(
    {
      title: reference,
      subject: l('invoice.subject'),
      author: model.supplier.name,
      keywords: model.number ?? '',
      locale: options.locale as never,
      createdAt: options.createdAt,
    },
    {
      runningHeader: reference,
      footerLeft: model.supplier.tradingName,
      pageLabel: (page, pages) => l('common.page', { page, pages }),
    },
  );
  const qr = invoicePaymentQr(model, l);
  if (options.locale === 'ru') renderRussian(w, p, qr);
  else if (options.locale === 'bg') renderBulgarian(w, p, qr);
  else renderEnglish(w, p, qr);
  if (p.mark) drawDraftMark(w, p.mark);
  return w.finish();
}
