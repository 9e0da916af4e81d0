/**
 * The счёт-фактура on a landscape A4 page, as the statutory form lays it out: the reference to
 * Постановление № 1137 and its edition at the top right, lines (1)–(8) with their codes at the right
 * edge, the table of 19 columns with its grouped header and column numbers (repeated on every
 * page), "Всего к оплате", and the signature lines of the head and chief accountant, or of the
 * entrepreneur with the ОГРНИП. Always in Russian. Pure: the model in, the bytes out.
 */
import type { Locale } from '../../entities/enums';
import { documentLabels, type Labeller } from '../i18n/labels';
import type { RenderOptions } from '../kinds';
import { asBuffer, drawDraftMark } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate, formatMoney, formatPercent, formatQuantity } from '../layout/format';
import { drawTable, type TableColumn, type TableRow } from '../layout/table';
import { COLORS } from '../layout/theme';
import { editionOn, type VatInvoiceModel } from './vat-invoice.model';

const MARGINS = { top: 36, bottom: 38, left: 30, right: 28 };
/** room for the line codes "(2а)" at the right edge */
const CODE_WIDTH = 26;

export async function renderVatInvoice(model: VatInvoiceModel, options: RenderOptions): Promise<RenderedDocument> {
  // a Russian tax form: Russian whatever the requested language
  const l = documentLabels('ru' as Locale);
  const edition = editionOn(model.date);
  const title = l('vatInvoice.title', { number: model.number ?? l('vatInvoice.noNumber'), date: formatDate(model.date, 'ru', 'long') });
  const w = new DocumentWriter(
    { title, author: model.seller.name, locale: 'ru' as Locale, createdAt: options.createdAt, layout: 'landscape', margins: MARGINS },
    { runningHeader: title, footerLeft: model.seller.name, pageLabel: (page, pages) => l('common.page', { page, pages }) },
  );

  const noteWidth = 360;
  const top = w.y;
  const noteHeight = w.textAt('small', `${l('vatInvoice.appendix')}\n${l(edition === '2026' ? 'vatInvoice.edition2026' : 'vatInvoice.edition2024')}`, w.right - noteWidth, top, noteWidth, 'right');
  const titleHeight = w.textAt('heading', title, w.left, top + 4, w.width - noteWidth - 20);
  w.textAt('label', '(1)', w.left + w.widthOf('heading', title) + 6, top + 5.5, CODE_WIDTH);
  const dash = l('vatInvoice.dash');
  const correction = l('vatInvoice.correction', { number: dash, date: dash });
  w.textAt('tableCell', correction, w.left, top + 6 + titleHeight, 300);
  w.textAt('label', '(1а)', w.left + w.widthOf('tableCell', correction) + 6, top + 6 + titleHeight, CODE_WIDTH);
  w.doc.y = Math.max(top + noteHeight, top + 6 + titleHeight + 12) + 6;

  for (const [label, value, code] of headerLines(model, l, edition)) headerLine(w, label, value, code);
  w.gap(6);

  drawLines(w, model, l, edition);
  w.gap(10);
  drawSignatureLines(w, model, l, edition);

  if (model.draft) drawDraftMark(w, l('vatInvoice.draftMark'));
  return w.finish();
}

/** Lines (2)–(8): label, value, code. */
function headerLines(model: VatInvoiceModel, l: Labeller, edition: '2024' | '2026'): Array<[string, string, string]> {
  const dash = l('vatInvoice.dash');
  const short = (iso: string) => formatDate(iso, 'ru', 'short');
  const ids = (p: { inn: string | null; kpp: string | null }) => [p.inn, p.kpp].filter(Boolean).join('/') || dash;
  const payments = model.payments.length
    ? model.payments.map((p) => l('vatInvoice.paymentRef', { number: p.number ?? dash, date: short(p.date) })).join('; ')
    : l('vatInvoice.paymentRef', { number: dash, date: dash });
  const lines = model.lines.length > 1 ? `1–${model.lines.length}` : '1';
  const shipment = l('vatInvoice.shipmentRef', { lines, number: model.shipment.number ?? l('vatInvoice.noNumber'), date: short(model.shipment.date) });
  const rows: Array<[string, string, string]> = [
    [l('vatInvoice.seller'), model.seller.name, '(2)'],
    [l('vatInvoice.sellerAddress'), model.seller.address ?? dash, '(2а)'],
    [l('vatInvoice.sellerIds'), ids(model.seller), '(2б)'],
    // services are not shipped: no shipper or consignee
    [l('vatInvoice.shipper'), dash, '(3)'],
    [l('vatInvoice.consignee'), dash, '(4)'],
    [l('vatInvoice.payment'), payments, '(5)'],
    [l('vatInvoice.shipment'), shipment, '(5а)'],
  ];
  if (edition === '2026') rows.push([l('vatInvoice.advance'), l('vatInvoice.advanceRef'), '(5б)']);
  rows.push(
    [l('vatInvoice.buyer'), model.buyer.name, '(6)'],
    [l('vatInvoice.buyerAddress'), model.buyer.address ?? dash, '(6а)'],
    [l('vatInvoice.buyerIds'), ids(model.buyer), '(6б)'],
    [l('vatInvoice.currency'), l(`vatInvoice.currency${model.currency}`), '(7)'],
    [l('vatInvoice.governmentContract'), model.governmentContractId ?? dash, '(8)'],
  );
  return rows;
}

/**
 * One header line: the label, then the value on an underline running to the code at the right
 * edge. A label too long for one line wraps, and the value sits beside its last line.
 */
function headerLine(w: DocumentWriter, label: string, value: string, code: string): void {
  const style = 'tableCell';
  const codeX = w.right - CODE_WIDTH;
  const maxLabel = w.width * 0.72;
  const labelWidth = Math.min(w.widthOf(style, label) + 1, maxLabel);
  const valueX = w.left + labelWidth + 6;
  const valueWidth = codeX - valueX - 6;
  const labelHeight = w.heightOf(style, label, labelWidth);
  const valueHeight = w.heightOf(style, value, valueWidth);
  const lineHeight = w.heightOf(style, 'Ag', 100);
  const height = Math.max(labelHeight, valueHeight) + 1.5;
  w.ensureSpace(height);
  const y = w.y;
  w.textAt(style, label, w.left, y, labelWidth);
  // the value starts on the label's last line
  const valueY = y + labelHeight - lineHeight;
  w.textAt(style, value, valueX, valueY, valueWidth);
  const underline = valueY + Math.max(valueHeight, lineHeight) + 0.5;
  w.doc.save().moveTo(valueX, underline).lineTo(codeX - 4, underline).lineWidth(0.4).strokeColor(COLORS.ink).stroke().restore();
  w.textAt('label', code, codeX, valueY + 0.5, CODE_WIDTH, 'right');
  w.doc.y = Math.max(y + height, underline + 1.5);
}

function drawLines(w: DocumentWriter, model: VatInvoiceModel, l: Labeller, edition: '2024' | '2026'): void {
  const money = (amount: string) => formatMoney(amount, 'ru');
  const dash = l('vatInvoice.dash');
  const c = (key: string) => l(`vatInvoice.${key}`);
  const columns: TableColumn[] = [
    { header: c('colPosition'), width: 19, align: 'center' },
    { header: c('colDescription'), width: 116 },
    { header: c('colKind'), width: 28, align: 'center' },
    { header: c('colUnitCode'), width: 22, align: 'center' },
    { header: c('colUnitName'), width: 38, align: 'center' },
    { header: c('colQuantity'), width: 34, align: 'right' },
    { header: c('colPrice'), width: 50, align: 'right' },
    { header: c('colNet'), width: 58, align: 'right' },
    { header: c('colExcise'), width: 40, align: 'center' },
    { header: c('colRate'), width: 30, align: 'center' },
    { header: c('colVat'), width: 52, align: 'right' },
    { header: c('colGross'), width: 58, align: 'right' },
    { header: c('colCountryCode'), width: 30, align: 'center' },
    { header: c('colCountryName'), width: 34, align: 'center' },
    { header: c('colDeclaration'), width: 52, align: 'center' },
    { header: c('colTraceUnitCode'), width: 22, align: 'center' },
    { header: c('colTraceUnitName'), width: 34, align: 'center' },
    { header: c('colTraceQuantity'), width: 54, align: 'center' },
    { header: c(edition === '2026' ? 'colTraceValue2026' : 'colTraceValue2024'), width: 54, align: 'center' },
  ];
  const rows: TableRow[] = model.lines.map((line) => ({
    cells: [
      String(line.position),
      line.description,
      dash,
      line.unitCode ?? dash,
      line.unitName,
      formatQuantity(line.quantity, 'ru'),
      money(line.unitPriceNet),
      money(line.net),
      c('noExcise'),
      line.vatRate === null ? c('withoutVat') : formatPercent(line.vatRate, 'ru'),
      line.vatRate === null ? c('withoutVat') : money(line.vat),
      money(line.gross),
      dash,
      dash,
      dash,
      dash,
      dash,
      dash,
      dash,
    ],
  }));
  const cross = c('cross');
  drawTable(w, columns, rows, {
    headerStyle: 'formHeader',
    cellStyle: 'formCell',
    boldStyle: 'formCellBold',
    headerGroups: [
      { from: 3, span: 2, label: c('unitGroup') },
      { from: 12, span: 2, label: c('countryGroup') },
      { from: 15, span: 2, label: c('traceUnitGroup') },
    ],
    columnNumbers: ['1', '1а', '1б', '2', '2а', '3', '4', '5', '6', '7', '8', '9', '10', '10а', '11', '12', '12а', '13', '14'],
    footer: [
      {
        bold: true,
        cells: [c('totalDue'), money(model.totals.net), cross, money(model.totals.vat), money(model.totals.gross), ''],
        spans: [7, 1, 2, 1, 1, 7],
        aligns: ['left', 'right', 'center', 'right', 'right', 'left'],
      },
    ],
  });
}

/**
 * The form's signature lines, all printed as on the blank: the head and the chief accountant of an
 * organisation, then the individual entrepreneur with his ОГРНИП (the edition before April 2026:
 * his registration certificate). The seller's own line carries its signatory's name.
 */
function drawSignatureLines(w: DocumentWriter, model: VatInvoiceModel, l: Labeller, edition: '2024' | '2026'): void {
  const half = (w.width - 24) / 2;
  const rowHeight = 40;
  w.ensureSpace(rowHeight * 2 + 6);
  const y = w.y;
  const entrepreneur = model.seller.entrepreneur;
  const slot = (x: number, rowY: number, role: string, name: string | null, image: Uint8Array | null) => {
    const roleWidth = half * 0.36;
    const signX = x + roleWidth + 6;
    const signWidth = half * 0.24;
    const nameX = signX + signWidth + 8;
    const nameWidth = x + half - nameX;
    const lineY = rowY + 20;
    w.textAt('tableCell', role, x, rowY + 4, roleWidth);
    if (image) w.doc.image(asBuffer(image), signX + 4, lineY - 22, { fit: [signWidth - 8, 20], align: 'center', valign: 'bottom' });
    underline(w, signX, lineY, signWidth);
    underline(w, nameX, lineY, nameWidth);
    if (name) w.textAt('tableCell', name, nameX, lineY - 10.5, nameWidth, 'center');
    w.textAt('small', l('vatInvoice.captionSignature'), signX, lineY + 1.5, signWidth, 'center');
    w.textAt('small', l('vatInvoice.captionName'), nameX, lineY + 1.5, nameWidth, 'center');
  };
  const right = w.left + half + 24;
  slot(w.left, y, l('vatInvoice.signHead'), entrepreneur ? null : model.seller.signatoryName, entrepreneur ? null : model.signature);
  slot(right, y, l('vatInvoice.signAccountant'), null, null);
  const y2 = y + rowHeight;
  slot(w.left, y2, l('vatInvoice.signEntrepreneur'), entrepreneur ? model.seller.signatoryName : null, entrepreneur ? model.signature : null);
  const lineY = y2 + 20;
  underline(w, right, lineY, half);
  if (entrepreneur && model.seller.ogrn) w.textAt('tableCell', l('vatInvoice.entrepreneurOgrn', { ogrn: model.seller.ogrn }), right, lineY - 10.5, half, 'center');
  w.textAt('small', l(edition === '2026' ? 'vatInvoice.entrepreneurId2026' : 'vatInvoice.entrepreneurId2024'), right, lineY + 1.5, half, 'center');
  w.doc.y = y2 + rowHeight;
}

function underline(w: DocumentWriter, x: number, y: number, width: number): void {
  w.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).strokeColor(COLORS.ink).stroke().restore();
}
