/**
 * Reports rendered from hand-built models: every block's text in ru, bg and en, the charts drawn
 * (vector: no images), the embedded fonts, determinism, and the draft mark.
 */
import { writeFileSync } from 'node:fs';
import { renderDocument } from '../../src/documents/render';
import { REPORT_RENDER_KIND } from '../../src/documents/kinds';
import { niceTicks } from '../../src/documents/layout/chart';
import type { ReportDocumentModel } from '../../src/documents/report/report.model';
import { budgetModel, marketingModel, ownerModel } from '../support/report.fixture';
import { pdfFonts, pdfImages, pdfPagePng, pdfText, qpdfCheck, squash } from '../support/pdf';

const CREATED = new Date('2026-12-01T09:00:00Z');
type Locale = 'ru' | 'bg' | 'en';
const render = (m: ReportDocumentModel, locale: Locale) => renderDocument(REPORT_RENDER_KIND, m, { locale, createdAt: CREATED });

describe('report PDF', () => {
  it('marketing (ru): figures against the previous period, the conversions chart, KPIs, deviations, the optimization log, tests and the plan', async () => {
    const { bytes, pageCount } = await render(marketingModel(), 'ru');
    if (process.env.REPORT_PNG_DIR) writeFileSync(`${process.env.REPORT_PNG_DIR}/marketing-1.png`, pdfPagePng(bytes, 1, 90));
    expect(qpdfCheck(bytes)).toMatch(/No syntax or stream encoding errors/);
    const text = squash(pdfText(bytes));
    for (const s of [
      'Отчёт для маркетолога', 'Клиент: АО «Вектор»', 'Период: 01.11.2026 — 30.11.2026 (сравнение с 02.10.2026 — 31.10.2026)',
      '1. Бизнес-показатели', 'Конверсии 310 250 24%', 'Расход на рекламу 155 000,00 140 000,00 10,71%', 'ROMI 93,55% 60% 55,92%',
      'Конверсии: план и факт', '01.11 03.11', 'План Факт',
      'Поиск: бренд (Яндекс Директ) CONVERSIONS 300 310 3,33%', 'Открытые отклонения', '23.11.2026–29.11.2026', '−22%', 'действовать',
      'Что изменили и почему', '24.11.2026 Поиск: бренд Объявления Новые объявления: CTR упал ниже плана',
      '2. Результаты тестов', 'Тест Telegram Ads Telegram Ads 12 000,00 9 30 000,00 150% окупился',
      '3. План развития', 'Расширить семантику.', 'Запустить ретаргетинг в декабре.',
    ]) expect(text).toContain(s);
    expect(pdfText(bytes, { raw: true }).replace(/\s+/g, '')).not.toContain('ЧЕРНОВИК');
    expect(pdfImages(bytes)).toEqual([]);
    expect(pageCount).toBeGreaterThanOrEqual(1);
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
  });

  it('budget (bg): channels ranked by profit, the 70/20/10 shares against the proposal, a draft mark', async () => {
    const { bytes } = await render(budgetModel(), 'bg');
    if (process.env.REPORT_PNG_DIR) writeFileSync(`${process.env.REPORT_PNG_DIR}/budget-1.png`, pdfPagePng(bytes, 1, 90));
    const text = squash(pdfText(bytes));
    for (const s of [
      'Отчет за бюджета по канали', 'Печалба по канали', 'Канали по печалба', 'Яндекс Директ 100 000,00 220 454,55 220 000,00 120 000,00 120%',
      'Дялове 70/20/10 спрямо търговското предложение', 'Доказани (70 %) 100 000,00 64,52% 70%', 'Експерименти (10 %) 12 000,00 7,74% 10%',
      '3. План за развитие',
    ]) expect(text).toContain(s);
    expect(pdfText(bytes, { page: 1, raw: true }).replace(/\s+/g, '')).toContain('ЧЕРНОВА');
  });

  it('owner (en): revenue against everything spent and ROI month by month', async () => {
    const { bytes } = await render(ownerModel(), 'en');
    if (process.env.REPORT_PNG_DIR) writeFileSync(`${process.env.REPORT_PNG_DIR}/owner-1.png`, pdfPagePng(bytes, 1, 90));
    const text = squash(pdfText(bytes));
    for (const s of [
      "Owner's report", 'Revenue 300,000.00 240,000.00 25%', 'Total spent 205,000.00 190,000.00 7.89%', 'ROI 46.34% 26.32% 76.06%',
      'Revenue and everything spent, by month', 'ROI by month, %', 'Return month by month', '12/2025 150,000.00 130,000.00 50,000.00 180,000.00 −16.67%',
      '2. Results of tests', 'paid off', '3. Development plan',
    ]) expect(text).toContain(s);
  });

  it('is deterministic: the same model and date give the same bytes', async () => {
    const a = await render(ownerModel(), 'ru');
    const b = await render(ownerModel(), 'ru');
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
  });

  it('chooses nice y ticks including zero', () => {
    expect(niceTicks(0, 14)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(-16.67, 52)).toEqual([-20, 0, 20, 40, 60]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
