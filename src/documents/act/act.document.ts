/**
 * The act of services rendered, in the order an accountant expects: title with number and date,
 * the parties with their requisites (the Bulgarian protocol: its narrative opening), the basis and
 * the period, the lines, the totals with VAT by rate (or the exemption and its legal basis), the
 * count and sum of services, the total in words, the acceptance statement and both signatures.
 * Pure: the model in, the bytes out.
 */
import { amountInWords } from '../i18n/amount-in-words';
import { documentLabels, type Labeller } from '../i18n/labels';
import type { RenderOptions } from '../kinds';
import { drawDraftMark, drawKeyValues, drawLetterhead, drawSignatures, drawTotals, type TotalRow } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate, formatMoney, formatPercent, formatQuantity } from '../layout/format';
import { drawTable } from '../layout/table';
import { partyLines } from '../shared/party.lines';
import type { PartyModel } from '../shared/party.data';
import type { Locale as LocaleEnum } from '../../entities/enums';
import type { ActModel } from './act.model';

/** The unit a line gets when none is given (money/totals DEFAULT_UNIT), printed in the document's language. */
const DEFAULT_UNIT = 'усл.';

type Locale = RenderOptions['locale'];

export async function renderAct(model: ActModel, options: RenderOptions): Promise<RenderedDocument> {
  const { locale } = options;
  const l = documentLabels(locale as LocaleEnum);
  const longDate = (iso: string) => formatDate(iso, locale, 'long');
  const number = model.number ?? l('act.noNumber');
  const numberAndDate = l('act.numberAndDate', { number, date: longDate(model.date) });
  const title = `${l('act.heading')} ${numberAndDate}`;

  const w = new DocumentWriter(
    { title, subject: l('act.subtitle'), author: model.supplier.name, locale: locale as LocaleEnum, createdAt: options.createdAt },
    {
      runningHeader: title,
      footerLeft: model.supplier.tradingName,
      pageLabel: (page, pages) => l('common.page', { page, pages }),
    },
  );

  drawLetterhead(w, { logo: model.logo, lines: [model.supplier.tradingName, ...(model.supplier.address ? [model.supplier.address] : [])] });
  if (locale === 'bg') {
    w.text('title', l('act.heading'), { align: 'center' });
    w.text('subtitle', `${l('act.subtitle')} ${numberAndDate}`, { align: 'center', gapAfter: 10 });
    drawNarrative(w, model, l, locale);
  } else {
    w.text('title', title);
    w.text('subtitle', l('act.subtitle'), { gapAfter: 2 });
    w.rule(2, 8);
    drawKeyValues(w, partyRows(model, l, locale), 0.2);
  }
  w.gap(8);

  drawLines(w, model, l, locale);
  drawTotals(w, totalRows(model, l, locale));
  if (model.vatDifference !== '0.00') {
    w.gap(2);
    w.text('small', l('act.vatDifference', { amount: formatMoney(model.vatDifference, locale, { currency: model.currency }) }), { align: 'right' });
  }
  if (model.vatExemptionNote && model.vatByRate.length === 0) {
    w.gap(2);
    w.text('emphasis', model.vatExemptionNote);
  }

  w.gap(8);
  const totalText = formatMoney(model.total, locale, { currency: model.currency });
  w.text('body', l('act.rendered', { count: model.lines.length, amount: totalText }));
  w.text('bodyBold', l('act.inWords', { words: amountInWords(model.total, model.currency, locale) }), { gapAfter: 8 });
  w.text('body', l('act.statement'), { gapAfter: 4 });
  if (locale === 'bg') w.text('body', l('act.copies'), { gapAfter: 4 });
  if (model.signed) {
    const on = longDate(model.signed.on);
    w.text('bodyBold', model.signed.by ? l('act.signedOnBy', { date: on, name: model.signed.by }) : l('act.signedOn', { date: on }));
  }
  w.gap(16);

  drawSignatures(w, [
    {
      role: l('act.signSupplier'),
      position: model.supplier.signatoryPosition,
      name: model.supplier.signatoryName,
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
      signatureImage: model.signature,
      stampImage: model.stamp,
    },
    {
      role: l('act.signCustomer'),
      position: model.customer.signatoryPosition,
      name: model.signed?.by ?? model.customer.signatoryName,
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
      dateLine: model.signed ? formatDate(model.signed.on, locale, 'short') : l('common.dateLine'),
    },
  ]);

  if (model.draft) drawDraftMark(w, l('common.draftMark'));
  return w.finish();
}

/** "Name, ИНН …, КПП …, address, bank …" on one line, as the act prints a party. */
function partyText(p: PartyModel, l: Labeller, bank: boolean): string {
  return [p.name, ...partyLines(p, l, { bank })].join(', ');
}

/** The contract, else the invoices the act closes; null when it has neither. */
function basisText(model: ActModel, l: Labeller, locale: Locale): string | null {
  const short = (iso: string) => formatDate(iso, locale, 'short');
  if (model.contract) {
    const date = short(model.contract.date);
    return model.contract.number ? l('act.contract', { number: model.contract.number, date }) : l('act.contractWithoutNumber', { date });
  }
  if (model.invoices.length) return model.invoices.map((inv) => l('act.invoice', { number: inv.number ?? '—', date: short(inv.date) })).join('; ');
  return null;
}

function periodText(model: ActModel, l: Labeller, locale: Locale): string {
  return l('act.periodValue', { from: formatDate(model.periodStart, locale, 'long'), to: formatDate(model.periodEnd, locale, 'long') });
}

/** Исполнитель / Заказчик / Основание / Период as label–value lines (the Russian and English acts). */
function partyRows(model: ActModel, l: Labeller, locale: Locale): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [l('act.supplier'), partyText(model.supplier, l, true)],
    [l('act.customer'), partyText(model.customer, l, false)],
  ];
  const basis = basisText(model, l, locale);
  if (basis) rows.push([l('act.basis'), basis]);
  rows.push([l('act.period'), periodText(model, l, locale)]);
  return rows;
}

/** The Bulgarian protocol's opening: "Днес, …, в гр. …, между: 1. …, наричано по-долу ИЗПЪЛНИТЕЛ, и 2. …". */
function drawNarrative(w: DocumentWriter, model: ActModel, l: Labeller, locale: Locale): void {
  const intro = (p: PartyModel) =>
    [p.name, ...partyLines(p, l, { bank: false }).map((line) => (line === p.address ? l('act.seat', { address: p.address }) : line))].join(', ');
  const signatory = (p: PartyModel) => (p.signatoryName ? [p.signatoryName, p.signatoryPosition].filter(Boolean).join(' – ') : null);
  const party = (p: PartyModel, withSignatory: string, plain: string) => {
    const s = signatory(p);
    return s ? l(withSignatory, { party: intro(p), signatory: s }) : l(plain, { party: intro(p) });
  };
  w.text('body', l('act.today', { date: formatDate(model.date, locale, 'long'), place: model.place ?? l('act.noPlace') }), { gapAfter: 3 });
  w.text('body', party(model.supplier, 'act.supplierIntro', 'act.supplierIntroPlain'), { indent: 12, gapAfter: 3 });
  w.text('body', party(model.customer, 'act.customerIntro', 'act.customerIntroPlain'), { indent: 12, gapAfter: 3 });
  const basis = basisText(model, l, locale);
  w.text('body', basis ? l('act.basisIntro', { basis }) : l('act.noBasisIntro'), { gapAfter: 6 });
  w.text('body', l('act.handedOver', { from: formatDate(model.periodStart, locale, 'long'), to: formatDate(model.periodEnd, locale, 'long') }));
}

function drawLines(w: DocumentWriter, model: ActModel, l: Labeller, locale: Locale): void {
  const included = model.priceBasis === 'VAT_INCLUDED';
  drawTable(
    w,
    [
      { header: l('common.number'), width: 5, align: 'right' },
      { header: l('act.colDescription'), width: 50 },
      { header: l('act.colQuantity'), width: 9, align: 'right' },
      { header: l('act.colUnit'), width: 8, align: 'center' },
      { header: l('act.colPrice'), width: 13, align: 'right' },
      { header: l('act.colAmount'), width: 15, align: 'right' },
    ],
    model.lines.map((line) => [
      String(line.position),
      line.description,
      formatQuantity(line.quantity, locale),
      line.unit === DEFAULT_UNIT ? l('act.defaultUnit') : line.unit,
      formatMoney(line.unitPrice, locale),
      formatMoney(included ? line.gross : line.net, locale),
    ]),
  );
}

/** Итого, VAT by rate (or «Без налога (НДС)»), Всего; VAT-inclusive prices show the VAT as included. */
function totalRows(model: ActModel, l: Labeller, locale: Locale): TotalRow[] {
  const money = (amount: string) => formatMoney(amount, locale, { currency: model.currency });
  const included = model.priceBasis === 'VAT_INCLUDED';
  const rows: TotalRow[] = [{ label: l('act.subtotal'), value: money(included ? model.total : model.subtotal) }];
  for (const { rate, amount } of model.vatByRate) {
    rows.push({ label: l(included ? 'act.vatIncluded' : 'act.vatOnTop', { rate: formatPercent(rate, locale) }), value: money(amount) });
  }
  if (model.vatByRate.length === 0) rows.push({ label: l('act.withoutVat'), value: '—' });
  rows.push({ label: l(model.vatByRate.length ? 'act.totalWithVat' : 'act.totalWithoutVat'), value: money(model.total), strong: true });
  if (model.bgnTotal) rows.push({ label: l('act.bgnTotal'), value: formatMoney(model.bgnTotal, locale, { currency: 'BGN' }) });
  return rows;
}
