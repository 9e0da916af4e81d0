import type { ReportDocumentModel } from '../../src/documents/report/report.model';
import { ReportFigureKey, ReportSeriesKey, type ReportData } from '../../src/services/report.reads';
import { ExperimentOutcome } from '../../src/services/report.rules';
import { CurrencyCode, DeviationSeverity, KpiMetric, OptimizationCategory, ReportKind, ToolCategory } from '../../src/entities/enums';

const base = (kind: ReportKind): ReportData => ({
  kind,
  clientId: '00000000-0000-4000-8000-000000000001',
  clientName: 'АО «Вектор»',
  currency: CurrencyCode.RUB,
  from: '2026-11-01',
  to: '2026-11-30',
  previousFrom: '2026-10-02',
  previousTo: '2026-10-31',
  figures: [],
  series: [],
  campaigns: [],
  deviations: [],
  optimizations: [],
  channels: [],
  mix: [],
  months: [],
  experiments: [
    { campaignName: 'Тест Telegram Ads', channelName: 'Telegram Ads', spend: '12000.00', conversions: '9', revenue: '30000.00', romi: '150.00', outcome: ExperimentOutcome.PAID_OFF },
  ],
});

const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

export function marketingModel(): ReportDocumentModel {
  const data = base(ReportKind.MARKETING);
  data.figures = [
    { key: ReportFigureKey.CONVERSIONS, value: '310', previousValue: '250', changePercent: '24.00' },
    { key: ReportFigureKey.MEDIA_SPEND, value: '155000.00', previousValue: '140000.00', changePercent: '10.71' },
    { key: ReportFigureKey.CPA, value: '500.00', previousValue: '560.00', changePercent: '-10.71' },
    { key: ReportFigureKey.ROMI, value: '93.55', previousValue: '60.00', changePercent: '55.92' },
  ];
  data.series = [
    { key: ReportSeriesKey.CONVERSIONS_PLAN, plan: true, points: days.map((d) => ({ start: d, end: d, value: '10.00' })) },
    { key: ReportSeriesKey.CONVERSIONS, plan: false, points: days.map((d, i) => ({ start: d, end: d, value: String(6 + ((i * 7) % 9)) })) },
  ];
  data.campaigns = [
    {
      campaignId: 'c1',
      campaignName: 'Поиск: бренд',
      channelName: 'Яндекс Директ',
      category: ToolCategory.PROVEN,
      kpis: [
        { metric: KpiMetric.CONVERSIONS, customName: null, plan: '300.00', actual: '310.00', deviationPercent: '3.33' },
        { metric: KpiMetric.CPA, customName: null, plan: '520.00', actual: '500.00', deviationPercent: '-3.85' },
      ],
    },
  ];
  data.deviations = [
    { campaignName: 'Поиск: бренд', metric: KpiMetric.CTR, customName: null, periodStart: '2026-11-23', periodEnd: '2026-11-29', plan: '5.00', actual: '3.90', deviationPercent: '-22.00', severity: DeviationSeverity.ACT },
  ];
  data.optimizations = [{ campaignName: 'Поиск: бренд', performedOn: '2026-11-24', category: OptimizationCategory.AD_CREATIVES, description: 'Новые объявления: CTR упал ниже плана' }];
  return { data, developmentPlan: 'Расширить семантику.\n\nЗапустить ретаргетинг в декабре.', version: 2, draft: false, agencyName: 'ООО «Ромашка Диджитал»' };
}

export function budgetModel(): ReportDocumentModel {
  const data = base(ReportKind.BUDGET);
  data.figures = [{ key: ReportFigureKey.PROFIT, value: '145000.00', previousValue: '84000.00', changePercent: '72.62' }];
  data.channels = [
    { channelName: 'Яндекс Директ', category: ToolCategory.PROVEN, spend: '100000.00', conversions: '220', cpa: '454.55', revenue: '220000.00', profit: '120000.00', romi: '120.00' },
    { channelName: 'VK Реклама', category: ToolCategory.UNCERTAIN, spend: '43000.00', conversions: '81', cpa: '530.86', revenue: '50000.00', profit: '7000.00', romi: '16.28' },
    { channelName: 'Telegram Ads', category: ToolCategory.EXPERIMENTAL, spend: '12000.00', conversions: '9', cpa: '1333.33', revenue: '30000.00', profit: '18000.00', romi: '150.00' },
  ];
  data.mix = [
    { category: ToolCategory.PROVEN, actualSpend: '100000.00', actualPercent: '64.52', plannedPercent: '70.00', differencePoints: '-5.48' },
    { category: ToolCategory.UNCERTAIN, actualSpend: '43000.00', actualPercent: '27.74', plannedPercent: '20.00', differencePoints: '7.74' },
    { category: ToolCategory.EXPERIMENTAL, actualSpend: '12000.00', actualPercent: '7.74', plannedPercent: '10.00', differencePoints: '-2.26' },
  ];
  return { data, developmentPlan: 'Перенести 5 % бюджета из VK в Директ.', version: 1, draft: true, agencyName: 'ООО «Ромашка Диджитал»' };
}

export function ownerModel(): ReportDocumentModel {
  const data = base(ReportKind.OWNER);
  data.figures = [
    { key: ReportFigureKey.REVENUE, value: '300000.00', previousValue: '240000.00', changePercent: '25.00' },
    { key: ReportFigureKey.TOTAL_SPENT, value: '205000.00', previousValue: '190000.00', changePercent: '7.89' },
    { key: ReportFigureKey.ROI, value: '46.34', previousValue: '26.32', changePercent: '76.06' },
  ];
  data.months = Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 11) % 12) + 1;
    const y = i === 0 ? 2025 : 2026;
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    const revenue = 150000 + i * 15000;
    const total = 180000 + i * 2000;
    return {
      start,
      end: start,
      revenue: revenue.toFixed(2),
      mediaSpend: (total - 50000).toFixed(2),
      agencyInvoices: '50000.00',
      totalSpent: total.toFixed(2),
      roi: (((revenue - total) * 100) / total).toFixed(2),
    };
  });
  return { data, developmentPlan: 'Interne­t pays off since spring.', version: 1, draft: false, agencyName: 'Romashka Digital' };
}
