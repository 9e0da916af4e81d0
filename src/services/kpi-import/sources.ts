import { KpiImportSource } from '../../schema/kpi-import/kpi-import.enums';
import { parseDate, parseTable, type ColumnMapping, type ParsedFile, type ReadOptions } from './table';

/**
 * The column mapping of each source. Platform layouts follow the platforms' report downloads; a
 * platform's campaign is matched by its name (platform ids are not stored on our campaigns).
 */

export interface ParseOptions {
  /** Yandex Direct money in micro-units (the Reports API default, returnMoneyInMicros: true). */
  moneyInMicros?: boolean;
}

const METRICS_EN = { Impressions: 'IMPRESSIONS', Clicks: 'CLICKS', Cost: 'SPEND', Conversions: 'CONVERSIONS' };

export function yandexDirectMapping(opts: ParseOptions = {}): ColumnMapping {
  return {
    delimiter: '\t',
    date: ['Date'],
    campaignName: ['CampaignName'],
    metrics: { ...METRICS_EN, Revenue: 'REVENUE' },
    numbers: 'PLAIN',
    divisors: opts.moneyInMicros === false ? {} : { Cost: 1_000_000, Revenue: 1_000_000 },
    isFooter: (first) => /^total rows:/i.test(first),
  };
}

export const GOOGLE_ADS: ColumnMapping = {
  delimiter: ',',
  date: ['Day', 'Date'],
  campaignName: ['Campaign'],
  metrics: { Impressions: 'IMPRESSIONS', 'Impr.': 'IMPRESSIONS', Clicks: 'CLICKS', Cost: 'SPEND', Conversions: 'CONVERSIONS', 'Conv. value': 'REVENUE' },
  numbers: 'THOUSANDS_COMMA',
  isFooter: (first) => /^total/i.test(first),
};

export const VK_ADS: ColumnMapping = {
  delimiter: ';',
  date: ['Дата', 'Date'],
  campaignName: ['Кампания', 'Название кампании'],
  metrics: {
    Показы: 'IMPRESSIONS',
    Клики: 'CLICKS',
    Потрачено: 'SPEND',
    Расход: 'SPEND',
    'Потрачено, ₽': 'SPEND',
    Результаты: 'CONVERSIONS',
    Конверсии: 'CONVERSIONS',
  },
  numbers: 'DECIMAL_COMMA',
  isFooter: (first) => /^(итого|всего|total)/i.test(first),
};

/** Our own CSV: `campaign_id,date,metric,value`, one figure a line, metric as our enum. */
export const OWN_CSV: ColumnMapping = {
  delimiter: ',',
  date: ['date'],
  campaignId: ['campaign_id'],
  metricColumn: 'metric',
  metrics: { value: 'value' },
  numbers: 'PLAIN',
  isFooter: () => false,
};

/** The column mapping of a source. */
export function mappingOf(source: KpiImportSource, opts: ParseOptions = {}): ColumnMapping {
  switch (source) {
    case KpiImportSource.OWN_CSV:
      return OWN_CSV;
    case KpiImportSource.YANDEX_DIRECT_TSV:
      return yandexDirectMapping(opts);
    case KpiImportSource.GOOGLE_ADS_CSV:
      return GOOGLE_ADS;
    case KpiImportSource.VK_ADS_CSV:
      return VK_ADS;
  }
}

/** Reads a file of the given layout as a stream of records (see parseTable). */
export function parseKpiFile(source: KpiImportSource, content: string, opts: ParseOptions & ReadOptions = {}): Promise<ParsedFile> {
  return parseTable(content, mappingOf(source, opts), opts);
}

export { parseDate };
