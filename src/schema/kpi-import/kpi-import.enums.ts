import { registerEnumType } from 'type-graphql';
import { KpiImportStatus } from '../../entities/enums';

export enum KpiImportSource {
  OWN_CSV = 'OWN_CSV',
  YANDEX_DIRECT_TSV = 'YANDEX_DIRECT_TSV',
  GOOGLE_ADS_CSV = 'GOOGLE_ADS_CSV',
  VK_ADS_CSV = 'VK_ADS_CSV',
}

registerEnumType(KpiImportSource, {
  name: 'KpiImportSource',
  description: 'The layout of a measurements file.',
  valuesConfig: {
    OWN_CSV: { description: 'Comma-separated `campaign_id,date,metric,value` with a header; metric is a stored KpiMetric.' },
    YANDEX_DIRECT_TSV: { description: 'Yandex Direct Reports API report (TSV: title line, header, rows, "Total rows: N").' },
    GOOGLE_ADS_CSV: { description: 'Google Ads report downloaded as CSV (title and date-range lines, header, rows, totals).' },
    VK_ADS_CSV: { description: 'VK Ads statistics export (";"-separated, decimal comma).' },
  },
});

registerEnumType(KpiImportStatus, {
  name: 'KpiImportStatus',
  description: 'Where an import stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for one of the imports running before it to end.' },
    RUNNING: { description: 'Reading the file (linesDone of linesTotal), then checking its lines and recording the figures (figuresDone of figuresTotal).' },
    SUCCEEDED: { description: 'Done: the valid lines were recorded (all of them unless some were skipped).' },
    REFUSED: { description: 'The file had problems and nothing was written (see problems).' },
    FAILED: { description: 'Stopped by an error on our side and nothing was written (see error); import the file again.' },
  },
});
