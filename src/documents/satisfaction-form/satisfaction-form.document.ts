/**
 * The printable satisfaction form: the agency's letterhead, who the form is for (pre-filled),
 * then the questions of SATISFACTION_QUESTIONS by metric, each with its scale's boxes drawn as
 * vector squares numbered underneath and, where the question asks for one, a comment line; a
 * free comment area and the respondent's name, position, date and signature. One to two pages.
 */
import type { Locale as AppLocale } from '../../entities/enums';
import { documentLabels, type Labeller } from '../i18n/labels';
import type { RenderOptions } from '../kinds';
import { drawKeyValues, drawLetterhead } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate } from '../layout/format';
import { COLORS } from '../layout/theme';
import { partyLines } from '../shared/party.lines';
import { questionLabelKey, SATISFACTION_METRICS, SATISFACTION_QUESTIONS, scaleLabelKeys, type SatisfactionMetric, type SatisfactionQuestion } from './questions';
import type { SatisfactionFormModel } from './satisfaction-form.model';

const BOX = 13;
const BOX_STEP = 21;
const INDENT = 12;
const BLANK = '______________________________';

/** A horizontal line to write on. */
function writingLine(w: DocumentWriter, x1: number, x2: number, y: number): void {
  w.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(COLORS.muted).stroke().restore();
}

class FormRenderer {
  private readonly l: Labeller;

  constructor(
    private readonly w: DocumentWriter,
    private readonly m: SatisfactionFormModel,
    private readonly locale: RenderOptions['locale'],
  ) {
    this.l = documentLabels(locale as AppLocale);
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.l(`satisfactionForm.${key}`, params);
  }

  render(): void {
    const { w, m } = this;
    drawLetterhead(w, { logo: m.logo, lines: [m.agency.tradingName, ...(m.agency.name !== m.agency.tradingName ? [m.agency.name] : []), ...partyLines(m.agency, this.l, { bank: false })] });
    w.text('title', this.t('title'), { gapAfter: 8 });
    drawKeyValues(
      w,
      [
        [this.t('client'), m.clientLegalName ? `${m.clientName} (${m.clientLegalName})` : m.clientName],
        [this.t('agency'), m.agency.name],
        [this.t('manager'), m.managerName ?? BLANK],
        [this.t('date'), formatDate(m.date, this.locale, 'long')],
      ],
      0.2,
    );
    w.gap(6);
    w.text('emphasis', this.t('intro'), { gapAfter: 4 });
    SATISFACTION_METRICS.forEach((metric, i) => this.metric(metric, i + 1));
    this.freeComment(SATISFACTION_METRICS.length + 1);
    this.respondent();
  }

  private metric(metric: SatisfactionMetric, n: number): void {
    const { w } = this;
    const questions = SATISFACTION_QUESTIONS.filter((q) => q.metric === metric);
    const { low, high } = scaleLabelKeys(metric);
    const legend = `${this.l(low)} … ${this.l(high)}`;
    w.gap(10);
    // a section is short: it stays on one page with its heading and scale
    const height = w.heightOf('heading', 'X', w.width) + w.heightOf('label', legend, w.width) + 6 + questions.reduce((h, q) => h + this.questionHeight(q), 0);
    w.ensureSpace(Math.min(height, w.bottom - w.top));
    w.text('heading', `${n}. ${this.t(`metrics.${metric}`)}`, { gapAfter: 1 });
    w.text('label', legend, { gapAfter: 5 });
    for (const q of questions) this.question(q);
  }

  private questionHeight(q: SatisfactionQuestion): number {
    return this.w.heightOf('bodyBold', this.l(questionLabelKey(q)), this.w.width) + 4 + BOX + 2 + 10 + 8;
  }

  /** The question, its boxes numbered underneath, and the comment line beside them. */
  private question(q: SatisfactionQuestion): void {
    const { w } = this;
    w.ensureSpace(this.questionHeight(q));
    w.text('bodyBold', this.l(questionLabelKey(q)), { gapAfter: 4 });
    const y = w.y;
    const x0 = w.left + INDENT;
    const { doc } = w;
    doc.save().lineWidth(0.8).strokeColor(COLORS.ink);
    for (let v = q.scale.min, i = 0; v <= q.scale.max; v++, i++) doc.rect(x0 + i * BOX_STEP, y, BOX, BOX).stroke();
    doc.restore();
    for (let v = q.scale.min, i = 0; v <= q.scale.max; v++, i++) w.textAt('label', String(v), x0 + i * BOX_STEP - 4, y + BOX + 2, BOX + 8, 'center');
    if (q.comment) {
      const boxesEnd = x0 + (q.scale.max - q.scale.min) * BOX_STEP + BOX;
      const cx = Math.max(boxesEnd + 24, w.left + 260);
      const label = `${this.t('comment')}:`;
      w.textAt('label', label, cx, y + BOX - 9, w.right - cx);
      writingLine(w, cx + w.widthOf('label', label) + 4, w.right, y + BOX);
    }
    w.doc.y = y + BOX + 2 + 10;
    w.gap(8);
  }

  private freeComment(n: number): void {
    const { w } = this;
    const lines = 5;
    const step = 20;
    w.gap(10);
    w.ensureSpace(w.heightOf('heading', 'X', w.width) + lines * step + 6);
    w.text('heading', `${n}. ${this.t('freeComment')}`, { gapAfter: 2 });
    for (let i = 0; i < lines; i++) {
      const y = w.y + step;
      writingLine(w, w.left, w.right, y);
      w.doc.y = y;
    }
    w.gap(6);
  }

  /** Name and position, date and signature: two fields per row, each a label and a line. */
  private respondent(): void {
    const { w } = this;
    const rowStep = 24;
    w.gap(12);
    w.ensureSpace(w.heightOf('heading', 'X', w.width) + 2 * rowStep + 30);
    w.text('heading', this.t('respondent'), { gapAfter: 4 });
    const half = (w.width - 24) / 2;
    const rows: [string, string][] = [
      [this.t('respondentName'), this.t('respondentPosition')],
      [this.t('respondentDate'), this.t('respondentSignature')],
    ];
    for (const pair of rows) {
      const y = w.y + rowStep - 10;
      pair.forEach((label, i) => {
        const x = w.left + i * (half + 24);
        w.textAt('label', label, x, y, half);
        writingLine(w, x + w.widthOf('label', label) + 6, x + half, y + 9);
      });
      w.doc.y = y + 10;
    }
    w.gap(14);
    w.text('emphasis', this.t('thanks'));
  }
}

export async function renderSatisfactionForm(model: SatisfactionFormModel, options: RenderOptions): Promise<RenderedDocument> {
  const l = documentLabels(options.locale as AppLocale);
  const title = l('satisfactionForm.title');
  const w = new DocumentWriter(
    { title, subject: model.clientName, author: model.agency.name, locale: options.locale as AppLocale, createdAt: options.createdAt },
    { runningHeader: `${title} — ${model.clientName}`, footerLeft: model.agency.tradingName, pageLabel: (page, pages) => l('common.page', { page, pages }) },
  );
  new FormRenderer(w, model, options.locale).render();
  return w.finish();
}
