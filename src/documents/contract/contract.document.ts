/**
 * The services contract: title, place and date, the parties' opening, the numbered sections of the
 * agency's template with its placeholders filled, the payment schedule, both parties' requisites
 * side by side and the signatures. Pure: the model in, the bytes out.
 */
import type { Locale } from '../../entities/enums';
import type { RenderOptions } from '../kinds';
import { documentLabels, type Labeller } from '../i18n/labels';
import { drawLetterhead, drawParties, drawSignatures, type PartyBlock } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate, formatMoney, formatPercent } from '../layout/format';
import { drawTable, type TableRow } from '../layout/table';
import { partyLines } from '../shared/party.lines';
import type { ContractModel } from './contract.model';
import { contractClauses, contractDocName, numberOrBlank, paymentLabel, paymentTerms, signatoryName, standardPreamble } from './contract.text';

const COLUMN_GAP = 18;
const SECTION_GAP = 9;
const CLAUSE_GAP = 3.5;
const REQUISITES_GAP = 14;
/** what drawSignatures takes for two blocks with a one-line position */
const SIGNATURES_HEIGHT = 120;

export async function renderContract(model: ContractModel, options: RenderOptions): Promise<RenderedDocument> {
  const { locale } = options;
  const l = documentLabels(locale as Locale);
  const title = contractDocName(model, locale as Locale);
  const w = new DocumentWriter(
    { title, subject: model.subject, author: model.agency.name, keywords: model.number ?? undefined, locale: locale as Locale, createdAt: options.createdAt },
    { runningHeader: title, footerLeft: l('contract.initials'), pageLabel: (page, pages) => l('common.page', { page, pages }) },
  );

  if (model.logo) drawLetterhead(w, { logo: model.logo, lines: [model.agency.tradingName] });
  drawTitle(w, model, l);
  drawPlaceAndDate(w, model, locale, l);

  const clauses = contractClauses(model, locale, l);
  const preamble = clauses.preamble.length ? clauses.preamble : [standardPreamble(model, locale, l)];
  for (const paragraph of preamble) w.text('body', paragraph, { align: 'justify', gapAfter: 4 });

  const numbered = locale !== 'en';
  for (const section of clauses.sections) {
    const first = section.clauses[0];
    const firstText = clauseText(first.number, first.text, numbered);
    // the heading never ends a page: it goes with (at most) the first two lines of its first clause
    sectionHeading(w, `${section.number}. ${section.heading}`, Math.min(w.heightOf('body', firstText, w.width, 'justify'), 2 * bodyLine(w)));
    for (const clause of section.clauses) w.text('body', clauseText(clause.number, clause.text, numbered), { align: 'justify', gapAfter: CLAUSE_GAP });
  }

  let next = clauses.sections.length + 1;
  if (model.schedule.length) drawSchedule(w, model, `${next++}. ${l('contract.schedule')}`, locale, l);
  drawRequisites(w, model, `${next}. ${l('contract.requisites')}`, l);
  drawSignatures(w, [
    {
      role: l('contract.supplier'),
      position: model.agency.signatoryPosition,
      name: signatoryName(model.agency.signatoryName),
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
      signatureImage: model.signature,
      stampImage: model.stamp,
    },
    {
      role: l('contract.customer'),
      position: model.client.signatoryPosition,
      name: signatoryName(model.client.signatoryName),
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
    },
  ]);
  return w.finish();
}

function clauseText(number: string, text: string, dotted: boolean): string {
  return `${number}${dotted ? '.' : ''} ${text}`;
}

function drawTitle(w: DocumentWriter, model: ContractModel, l: Labeller): void {
  const lines = l('contract.heading', { number: numberOrBlank(model, l) }).split('\n');
  lines.forEach((line, i) => w.text(i === 0 ? 'title' : 'heading', line, { align: 'center', gapAfter: i === lines.length - 1 ? 10 : 1 }));
}

/** The city at the left and the date at the right, on one line. */
function drawPlaceAndDate(w: DocumentWriter, model: ContractModel, locale: RenderOptions['locale'], l: Labeller): void {
  const place = model.city ? l('contract.city', { city: model.city }) : l('contract.cityBlank');
  const date = formatDate(model.contractDate, locale, 'long');
  const half = (w.width - COLUMN_GAP) / 2;
  const y = w.y;
  const h = Math.max(w.textAt('body', place, w.left, y, half), w.textAt('body', date, w.right - half, y, half, 'right'));
  w.doc.y = y + h;
  w.gap(12);
}

function bodyLine(w: DocumentWriter): number {
  return w.heightOf('body', 'Ж', w.width);
}

/** A section heading that starts a new page unless `keep` points of what follows fit under it. */
function sectionHeading(w: DocumentWriter, heading: string, keep: number): void {
  w.gap(SECTION_GAP - CLAUSE_GAP);
  w.ensureSpace(w.heightOf('heading', heading, w.width, 'center') + 4 + keep);
  w.text('heading', heading, { align: 'center', gapAfter: 4 });
}

function drawSchedule(w: DocumentWriter, model: ContractModel, heading: string, locale: RenderOptions['locale'], l: Labeller): void {
  const intro = l('contract.scheduleIntro');
  const money = (amount: string) => formatMoney(amount, locale, { currency: model.currency });
  // the heading, the introduction, the table header and the first payment stay together
  sectionHeading(w, heading, w.heightOf('body', intro, w.width) + 5 + 2 * (2 * bodyLine(w)));
  w.text('body', intro, { gapAfter: 5 });
  const rows: TableRow[] = model.schedule.map((item, i) => ({
    cells: [String(i + 1), paymentLabel(item, l), paymentTerms(item, locale, l), formatPercent(item.percent, locale), money(item.amount)],
  }));
  const footer: TableRow[] = [{ cells: ['', l('contract.scheduleTotal'), '', formatPercent('100', locale), money(model.amount)], bold: true }];
  const { vat } = model;
  if (vat.rate !== null) {
    const rate = formatPercent(vat.rate, locale);
    if (model.priceBasis === 'VAT_INCLUDED') footer.push({ cells: ['', l('contract.scheduleVatIncluded', { rate }), '', '', money(vat.vat)] });
    else {
      footer.push({ cells: ['', l('contract.scheduleVat', { rate }), '', '', money(vat.vat)] });
      footer.push({ cells: ['', l('contract.scheduleGross'), '', '', money(vat.gross)], bold: true });
    }
  } else {
    footer.push({ cells: ['', l('contract.scheduleWithoutVat'), '', '', '—'] });
  }
  drawTable(
    w,
    [
      { header: l('common.number'), width: 5, align: 'right' },
      { header: l('contract.schedulePayment'), width: 36 },
      { header: l('contract.scheduleWhen'), width: 33 },
      { header: l('contract.scheduleShare'), width: 9, align: 'right' },
      { header: l('contract.scheduleAmount'), width: 17, align: 'right' },
    ],
    rows,
    { footer },
  );
  w.gap(CLAUSE_GAP);
}

/**
 * The heading and both parties' requisites side by side, kept on one page with the signatures
 * that follow: a page of signatures alone would not show what was signed.
 */
function drawRequisites(w: DocumentWriter, model: ContractModel, heading: string, l: Labeller): void {
  const parties: PartyBlock[] = [
    { role: l('contract.supplier'), name: model.agency.name, lines: partyLines(model.agency, l) },
    { role: l('contract.customer'), name: model.client.name, lines: partyLines(model.client, l) },
  ];
  const colWidth = (w.width - COLUMN_GAP) / 2;
  const partiesHeight = Math.max(
    ...parties.map((p) => w.heightOf('label', p.role, colWidth) + w.heightOf('bodyBold', p.name, colWidth) + p.lines.reduce((h, line) => h + w.heightOf('body', line, colWidth), 0) + 4),
  );
  w.gap(SECTION_GAP - CLAUSE_GAP);
  const headingHeight = w.heightOf('heading', heading, w.width, 'center');
  const together = headingHeight + 6 + partiesHeight + REQUISITES_GAP + SIGNATURES_HEIGHT;
  w.ensureSpace(Math.min(together, w.bottom - w.top));
  w.text('heading', heading, { align: 'center', gapAfter: 6 });
  drawParties(w, parties);
  w.gap(REQUISITES_GAP);
}
