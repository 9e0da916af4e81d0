/**
 * The commercial offer: short, selling a concrete result at a final price. Letterhead, title with
 * the offer number, for whom, date and version, the validity date in a frame, then the filled
 * blocks in their order (the media plan as a table with category subtotals and the 70/20/10
 * summary; the commercial terms with the price, the amount in words and the price basis), the
 * manager's contacts and signature.
 */
import type { Locale as AppLocale } from '../../entities/enums';
import { isZero } from '../../services/money/totals';
import { amountInWords } from '../i18n/amount-in-words';
import { documentLabels, type Labeller } from '../i18n/labels';
import type { RenderOptions } from '../kinds';
import { drawKeyValues, drawLetterhead, drawSignatures, drawTotals, type TotalRow } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { currencySign, formatDate, formatMoney, formatPercent } from '../layout/format';
import { drawTable, type TableColumn, type TableRow } from '../layout/table';
import { COLORS } from '../layout/theme';
import { partyLines } from '../shared/party.lines';
import { OFFER_BLOCK_KEYS, type CommercialOfferModel, type OfferBlockKey, type OfferCategoryCode } from './commercial-offer.model';

type Locale = RenderOptions['locale'];

const TARGETS: Record<OfferCategoryCode, string> = { PROVEN: '70', UNCERTAIN: '20', EXPERIMENTAL: '10' };
const CATEGORIES: OfferCategoryCode[] = ['PROVEN', 'UNCERTAIN', 'EXPERIMENTAL'];

/** Text a manager typed: paragraphs split on blank lines, "- " items shown as bullets. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trimEnd().replace(/^\s*[-*•]\s+/, '• '))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}

class OfferRenderer {
  private readonly l: Labeller;
  private section = 0;

  constructor(
    private readonly w: DocumentWriter,
    private readonly m: CommercialOfferModel,
    private readonly locale: Locale,
  ) {
    this.l = documentLabels(locale as AppLocale);
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.l(`commercialOffer.${key}`, params);
  }

  private money(amount: string, withCurrency = true): string {
    return formatMoney(amount, this.locale, withCurrency ? { currency: this.m.currency } : {});
  }

  private percent(value: string | null): string {
    return value === null ? '—' : formatPercent(value, this.locale);
  }

  private date(iso: string, style: 'long' | 'short' = 'long'): string {
    return formatDate(iso, this.locale, style);
  }


  render(): void {
    this.head();
    for (const key of OFFER_BLOCK_KEYS) this.block(key);
    this.contacts();
  }

  private head(): void {
    const { w, m } = this;
    drawLetterhead(w, { logo: m.logo, lines: [m.agency.tradingName, ...(m.agency.name !== m.agency.tradingName ? [m.agency.name] : []), ...partyLines(m.agency, this.l, { bank: false })] });
    w.text('title', offerTitle(m, this.l), { gapAfter: m.title ? 2 : 8 });
    if (m.title) w.text('subtitle', m.title, { gapAfter: 8 });
    const client = m.clientTradingName ? `${m.client.name} (${m.clientTradingName})` : m.client.name;
    const rows: Array<[string, string]> = [[this.t('forClient'), client]];
    if (m.client.signatoryName) rows.push([this.t('attention'), [m.client.signatoryName, m.client.signatoryPosition].filter(Boolean).join(', ')]);
    rows.push([this.t('from'), m.agency.name], [this.t('date'), this.date(m.date)], [this.t('version'), String(m.version)]);
    drawKeyValues(w, rows, 0.2);
    w.gap(6);
    this.validity();
  }

  /** The validity date, framed: the one date the client must not miss. */
  private validity(): void {
    const { w } = this;
    const text = this.t('validUntil', { date: this.date(this.m.validUntil) });
    const h = w.heightOf('heading', text, w.width - 20) + 12;
    w.ensureSpace(h);
    const y = w.y;
    w.doc.save().roundedRect(w.left, y, w.width, h, 3).lineWidth(1).fillAndStroke('#eef2f7', COLORS.accent).restore();
    w.textAt('heading', text, w.left + 10, y + 6.5, w.width - 20);
    w.doc.y = y + h;
    w.gap(4);
  }

  /** A numbered section heading, kept with the first lines of what follows. */
  private heading(key: OfferBlockKey): void {
    const { w } = this;
    this.section++;
    w.gap(10);
    w.ensureSpace(w.heightOf('heading', 'X', w.width) + 40);
    w.text('heading', `${this.section}. ${this.t(`blocks.${key}`)}`, { gapAfter: 4 });
  }

  private body(text: string | null): void {
    if (!text) return;
    for (const p of paragraphs(text)) this.w.text('body', p, { gapAfter: 4 });
  }

  private block(key: OfferBlockKey): void {
    const text = this.m.blocks[key]?.trim() || null;
    if (key === 'mediaPlanNotes') {
      if (!text && this.m.plan.lines.length === 0) return;
      this.heading(key);
      this.body(text);
      this.mediaPlan();
      this.toolMix();
      return;
    }
    if (key === 'commercialTerms') {
      // always printed: the price and its VAT basis are the offer
      this.heading(key);
      this.price();
      this.body(text);
      return;
    }
    if (!text) return;
    this.heading(key);
    this.body(text);
  }

  private period(start: string | null, end: string | null): string {
    if (!start && !end) return this.t('plan.noPeriod');
    if (start && end) return `${this.date(start, 'short')} – ${this.date(end, 'short')}`;
    return start ? `${this.date(start, 'short')} –` : `– ${this.date(end!, 'short')}`;
  }

  private mediaPlan(): void {
    const { m, w } = this;
    if (m.plan.lines.length === 0) return;
    const sign = currencySign(m.currency, this.locale);
    const withFees = m.plan.lines.some((line) => line.fee !== null && !isZero(line.fee));
    const columns: TableColumn[] = [
      { header: this.l('common.number'), width: 4, align: 'right' },
      { header: this.t('plan.channel'), width: withFees ? 27 : 40 },
      { header: this.t('plan.category'), width: 18 },
      { header: this.t('plan.period'), width: 16 },
      { header: `${this.t('plan.budget')}, ${sign}`, width: 14, align: 'right' },
      { header: this.t('plan.share'), width: 8, align: 'right' },
      ...(withFees ? [{ header: `${this.t('plan.fee')}, ${sign}`, width: 13, align: 'right' as const }] : []),
    ];
    const rows: TableRow[] = [];
    let n = 0;
    for (const category of CATEGORIES) {
      const lines = m.plan.lines.filter((line) => line.category === category);
      if (!lines.length) continue;
      const name = this.t(`categories.${category}`);
      for (const line of lines) {
        const channel = [line.channel, line.description, line.expectedKpi && `${this.t('plan.kpi')}: ${line.expectedKpi}`].filter(Boolean).join('\n');
        rows.push({
          cells: [
            String(++n),
            channel,
            name,
            this.period(line.periodStart, line.periodEnd),
            this.money(line.budget, false),
            this.percent(line.budgetShare),
            ...(withFees ? [line.fee === null ? '—' : this.money(line.fee, false)] : []),
          ],
        });
      }
      const sub = m.plan.categories.find((c) => c.category === category);
      if (sub) {
        rows.push({
          bold: true,
          keepWithPrevious: true,
          cells: ['', this.t('plan.subtotal', { category: name }), '', '', this.money(sub.budget, false), this.percent(sub.budgetShare), ...(withFees ? [this.money(sub.fee, false)] : [])],
        });
      }
    }
    const footer: TableRow = {
      bold: true,
      cells: [
        '',
        this.t('plan.total'),
        '',
        '',
        this.money(m.plan.budgetTotal, false),
        isZero(m.plan.budgetTotal) ? '—' : formatPercent('100', this.locale),
        ...(withFees ? [this.money(m.plan.feeTotal, false)] : []),
      ],
    };
    w.gap(2);
    drawTable(w, columns, rows, { footer: [footer] });
  }

  /** The 70/20/10 summary: each category's share by budget and by tool count against its target. */
  private toolMix(): void {
    const { m, w } = this;
    const mix = m.toolMix;
    if (!mix) return;
    w.gap(10);
    const intro = this.t('mix.intro');
    w.ensureSpace(w.heightOf('bodyBold', 'X', w.width) + w.heightOf('body', intro, w.width) + 90);
    w.text('bodyBold', this.t('mix.heading'), { gapAfter: 2 });
    w.text('body', intro, { gapAfter: 4 });
    const hundred = formatPercent('100', this.locale);
    const rows: TableRow[] = CATEGORIES.map((c) => {
      const key = c === 'PROVEN' ? 'proven' : c === 'UNCERTAIN' ? 'uncertain' : 'experimental';
      return {
        cells: [
          this.t(`categories.${c}`),
          formatPercent(TARGETS[c], this.locale),
          mix.byBudget ? this.percent(mix.byBudget[key]) : '—',
          String(mix.tools[key]),
          this.percent(mix.byToolCount[key]),
        ],
      };
    });
    drawTable(
      w,
      [
        { header: this.t('mix.category'), width: 30 },
        { header: this.t('mix.target'), width: 12, align: 'right' },
        { header: this.t('mix.byBudget'), width: 20, align: 'right' },
        { header: this.t('mix.tools'), width: 16, align: 'right' },
        { header: this.t('mix.byTools'), width: 22, align: 'right' },
      ],
      rows,
      { footer: [{ bold: true, cells: [this.t('mix.total'), hundred, mix.byBudget ? hundred : '—', String(mix.tools.total), hundred] }] },
    );
  }

  private basisText(): string {
    const { price } = this.m;
    const rate = price.vatRate === null ? null : formatPercent(price.vatRate, this.locale);
    if (rate === null) {
      if (price.regime === 'RU_USN_WITHOUT_VAT') return this.t('price.basisUsn');
      if (price.regime === 'BG_NOT_REGISTERED') return this.t('price.basisNotRegistered');
      return this.t('price.basisNone');
    }
    return price.basis === 'VAT_INCLUDED' ? this.t('price.basisIncluded', { rate }) : this.t('price.basisOnTop', { rate });
  }

  private price(): void {
    const { m, w } = this;
    const { price, plan } = m;
    const rate = price.vatRate === null ? null : formatPercent(price.vatRate, this.locale);
    const rows: TotalRow[] = [];
    if (!isZero(plan.feeTotal)) {
      rows.push({ label: this.t('price.mediaBudget'), value: this.money(plan.budgetTotal) }, { label: this.t('price.fee'), value: this.money(plan.feeTotal) });
    }
    if (rate === null) {
      rows.push({ label: this.t('price.toPay'), value: this.money(price.total), strong: true }, { label: this.t('price.withoutVat'), value: '—' });
    } else if (price.basis === 'VAT_INCLUDED') {
      rows.push({ label: this.t('price.toPay'), value: this.money(price.total), strong: true }, { label: this.t('price.vatIncluded', { rate }), value: this.money(price.vat) });
    } else {
      rows.push(
        { label: this.t('price.total'), value: this.money(price.grandTotal) },
        { label: this.t('price.vatOnTop', { rate }), value: this.money(price.vat) },
        { label: this.t('price.totalWithVat'), value: this.money(price.total), strong: true },
      );
    }
    drawTotals(w, rows);
    w.gap(6);
    w.text('body', this.t('price.inWords', { words: amountInWords(price.total, m.currency, this.locale) }), { gapAfter: 3 });
    w.text('bodyBold', this.basisText(), { gapAfter: 3 });
    w.text('body', this.t('validUntil', { date: this.date(m.validUntil) }), { gapAfter: 4 });
  }

  private contacts(): void {
    const { m, w } = this;
    const manager = m.manager;
    const lines: string[] = [];
    if (manager) {
      lines.push(`${this.t('contacts.manager')}: ${manager.fullName}`);
      const reach = [manager.phone && `${this.t('contacts.phone')} ${manager.phone}`, manager.email && `${this.t('contacts.email')} ${manager.email}`].filter(Boolean);
      if (reach.length) lines.push(reach.join(', '));
    }
    const signer = manager ? manager.fullName : m.agency.signatoryName;
    const position = manager ? this.t('contacts.manager') : m.agency.signatoryPosition;
    // contacts and signature travel together
    const needed = (lines.length ? 40 + lines.length * 14 : 0) + 124;
    w.gap(14);
    w.ensureSpace(needed);
    if (lines.length) {
      w.text('heading', this.t('contacts.heading'), { gapAfter: 3 });
      w.text('body', this.t('contacts.intro'), { gapAfter: 1 });
      for (const line of lines) w.text('body', line);
      w.gap(12);
    }
    drawSignatures(w, [
      {
        role: m.agency.name,
        position,
        name: signer,
        signatureCaption: this.l('common.signature'),
        stampCaption: this.l('common.stamp'),
        // the agency's signature image is its signatory's: printed only when the signatory signs
        signatureImage: manager ? null : m.signature,
        stampImage: m.stamp,
      },
    ]);
  }
}

function offerTitle(m: CommercialOfferModel, l: Labeller): string {
  return m.number ? l('commercialOffer.titleNumbered', { number: m.number }) : l('commercialOffer.title');
}

export async function renderCommercialOffer(model: CommercialOfferModel, options: RenderOptions): Promise<RenderedDocument> {
  const l = documentLabels(options.locale as AppLocale);
  const title = offerTitle(model, l);
  const w = new DocumentWriter(
    { title, subject: model.client.name, author: model.agency.name, locale: options.locale as AppLocale, createdAt: options.createdAt },
    { runningHeader: title, footerLeft: model.agency.tradingName, pageLabel: (page, pages) => l('common.page', { page, pages }) },
  );
  new OfferRenderer(w, model, options.locale).render();
  return w.finish();
}
