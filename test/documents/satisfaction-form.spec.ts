/**
 * The satisfaction form rendered from hand-built models (no database) in ru, bg and en: every
 * question of SATISFACTION_QUESTIONS with its scale's boxes (vector squares, numbered), the
 * pre-filled header, the comment area and the respondent block, on at most two pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentKind } from '../../src/documents/kinds';
import { isRenderable } from '../../src/documents/render';
import { SATISFACTION_QUESTIONS } from '../../src/documents/satisfaction-form/questions';
import { renderSatisfactionForm } from '../../src/documents/satisfaction-form/satisfaction-form.document';
import { satisfactionFormLabels } from '../../src/documents/satisfaction-form/satisfaction-form.labels';
import type { SatisfactionFormModel } from '../../src/documents/satisfaction-form/satisfaction-form.model';
import { formModel } from '../support/satisfaction-form.model';
import { pdfFonts, pdfPageCount, pdfPages, qpdfCheck, squash } from '../support/pdf';

type Locale = 'ru' | 'bg' | 'en';
const CREATED = new Date('2026-11-22T09:30:00Z');

const render = (model: SatisfactionFormModel, locale: Locale, createdAt = CREATED) => renderSatisfactionForm(model, { locale, createdAt });
const textOf = (bytes: Buffer) => squash(pdfPages(bytes).join(' '));

/** The squares drawn on the pages: `x y w h re` operators of the uncompressed content streams. */
function squares(bytes: Buffer): Array<{ w: number; h: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    const r = spawnSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    if (r.status !== 0) throw new Error(`qpdf --qdf failed: ${r.stderr}`);
    const content = readFileSync(join(dir, 'out.pdf')).toString('latin1');
    return [...content.matchAll(/^[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) re$/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAD: Record<Locale, string[]> = {
  ru: ['Анкета оценки удовлетворённости клиента', 'Клиент Северный ветер (АО «Северный ветер»)', 'Агентство ООО «Ромашка Диджитал»', 'Менеджер Кузнецов Илья Андреевич', 'Дата 22 ноября 2026 г.'],
  bg: ['Анкета за удовлетвореност на клиента', 'Клиент Северен вятър (Северен вятър АД)', 'Агенция Лайка Диджитал ЕООД', 'Мениджър Георги Димитров', 'Дата 22 ноември 2026 г.'],
  en: ['Client satisfaction survey', 'Client North Wind (North Wind JSC)', 'Agency Layka Digital EOOD', 'Account manager Georgi Dimitrov', 'Date 22 November 2026'],
};

/** The areas the form asks about, as the reader finds them in each question. */
const AREAS: Record<Locale, string[]> = {
  ru: ['менеджера', 'результатом', 'бухгалтерии', 'документооборотом', 'телефонной связью', 'легко', 'порекомендуете', 'другим компаниям', 'снова', 'другие наши услуги'],
  bg: ['мениджър', 'резултата', 'счетоводството', 'документооборота', 'телефонната връзка', 'лесно', 'препоръчате', 'други компании', 'отново', 'други наши услуги'],
  en: ['account manager', 'result', 'accounting', 'document flow', 'by phone', 'easy', 'recommend us to colleagues', 'other companies', 'again', 'other services'],
};

const TAIL: Record<Locale, string[]> = {
  ru: ['Что нам стоит улучшить?', 'Анкету заполнил(а)', 'ФИО', 'Должность', 'Дата', 'Подпись'],
  bg: ['Какво да подобрим?', 'Попълнил(а) анкетата', 'Име и фамилия', 'Длъжност', 'Дата', 'Подпис'],
  en: ['What should we improve?', 'Completed by', 'Full name', 'Position', 'Date', 'Signature'],
};

function expectInOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const part of parts) {
    const found = text.indexOf(part, at + 1);
    expect({ part, found: found > at }).toEqual({ part, found: true });
    at = found;
  }
}

const scaleOf = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).join(' ');

describe('the satisfaction form', () => {
  it('is registered for rendering', () => {
    expect(isRenderable(DocumentKind.SATISFACTION_FORM)).toBe(true);
  });

  it('asks CSI on five channels, CES and NPS on 1–10 and three CLI questions on 1–6', () => {
    expect(SATISFACTION_QUESTIONS.map((q) => [q.key, q.metric, q.scale.min, q.scale.max])).toEqual([
      ['csiManager', 'CSI', 1, 10],
      ['csiResult', 'CSI', 1, 10],
      ['csiAccounting', 'CSI', 1, 10],
      ['csiDocuments', 'CSI', 1, 10],
      ['csiTelephony', 'CSI', 1, 10],
      ['ces', 'CES', 1, 10],
      ['nps', 'NPS', 1, 10],
      ['cliRecommend', 'CLI', 1, 6],
      ['cliBuyAgain', 'CLI', 1, 6],
      ['cliOtherServices', 'CLI', 1, 6],
    ]);
  });

  describe.each(['ru', 'bg', 'en'] as const)('in %s', (locale) => {
    const labels = satisfactionFormLabels[locale];
    let bytes: Buffer;
    let text: string;
    let pageCount: number;

    beforeAll(async () => {
      ({ bytes, pageCount } = await render(formModel(locale), locale));
      text = textOf(bytes);
    });

    it('is a valid PDF of at most two pages with embedded, subset fonts that map back to Unicode', () => {
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
      for (const f of pdfFonts(bytes)) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(pageCount).toBeLessThanOrEqual(2);
      expect(pdfPageCount(bytes)).toBe(pageCount);
    });

    it('is pre-filled with the client, the agency, the account manager and the date', () => {
      expectInOrder(text, HEAD[locale]);
    });

    it('asks every question in order, each followed by its numbered boxes, under its metric and scale', () => {
      const parts: string[] = [];
      let metric = '';
      for (const q of SATISFACTION_QUESTIONS) {
        if (q.metric !== metric) {
          metric = q.metric;
          parts.push(labels.metrics[q.metric], `${labels.scales[q.metric].low} … ${labels.scales[q.metric].high}`);
        }
        parts.push(labels.questions[q.key], scaleOf(q.scale.min, q.scale.max));
      }
      expectInOrder(text, parts);
      AREAS[locale].forEach((area, i) => expect([area, labels.questions[SATISFACTION_QUESTIONS[i].key].includes(area)]).toEqual([area, true]));
      expect(text.split(scaleOf(1, 10)).length - 1).toBe(7);
      expect(text.split(/1 2 3 4 5 6(?! 7)/).length - 1).toBe(3);
      expect(text.split(`${labels.comment}:`).length - 1).toBe(SATISFACTION_QUESTIONS.filter((q) => q.comment).length);
    });

    it('draws each box as a vector square: 5 × 10 + 10 + 10 + 3 × 6', () => {
      const boxes = squares(bytes).filter((s) => s.w === s.h && s.w > 8 && s.w < 20);
      expect(boxes).toHaveLength(88);
    });

    it('ends with a comment area and the respondent block', () => {
      expectInOrder(text, TAIL[locale]);
      expect(text.indexOf(TAIL[locale][0])).toBeGreaterThan(text.indexOf(labels.questions.cliOtherServices));
    });

    it('renders the same bytes for the same model and creation date', async () => {
      const again = await render(formModel(locale), locale);
      expect(Buffer.compare(again.bytes, bytes)).toBe(0);
      const later = await render(formModel(locale), locale, new Date('2026-11-23T09:30:00Z'));
      expect(Buffer.compare(later.bytes, bytes)).not.toBe(0);
    });
  });

  it('stays on two pages with a long client name and without an account manager (a line to fill in)', async () => {
    const m = formModel('ru');
    const long = { ...m, clientName: 'Северный ветер — оптовая и розничная торговля', clientLegalName: 'Акционерное общество «Северный ветер — оптовая и розничная торговля бытовой техникой и электроникой»', managerName: null };
    const { bytes, pageCount } = await render(long, 'ru');
    expect(pageCount).toBe(2);
    const pages = pdfPages(bytes).map(squash);
    expect(pages[0]).toContain('Страница 1 из 2');
    expect(pages[1]).toContain('Анкета оценки удовлетворённости клиента — Северный ветер — оптовая и розничная торговля');
    expect(pages[0]).toMatch(/Менеджер _{10,}/);
  });

  it('has a text for every question and end labels that match each scale, in every language', () => {
    for (const locale of ['ru', 'bg', 'en'] as const) {
      const labels = satisfactionFormLabels[locale];
      for (const q of SATISFACTION_QUESTIONS) {
        expect(labels.questions[q.key]).toBeTruthy();
        expect(labels.scales[q.metric].low).toMatch(new RegExp(`^${q.scale.min} — `));
        expect(labels.scales[q.metric].high).toMatch(new RegExp(`^${q.scale.max} — `));
      }
    }
  });
});
