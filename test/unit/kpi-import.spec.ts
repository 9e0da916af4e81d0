import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignStatus } from '../../src/entities/enums';
import { KpiImportSource } from '../../src/schema/kpi-import/kpi-import.enums';
import { parseKpiFile } from '../../src/services/kpi-import/sources';
import Decimal from 'decimal.js';
import { parseDate, parseNumber, shiftPoint, simpleLines } from '../../src/services/kpi-import/table';
import { checkImport, type CampaignLookup, type ImportCampaign } from '../../src/services/kpi-import/validate';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'kpi-import', name), 'utf8');
const A = '11111111-1111-4111-8111-111111111111';
const brief = (rows: { line: number; campaignRef: string | null; date: string; metric: string; value: string }[]) =>
  rows.map((r) => `${r.line} ${r.campaignRef} ${r.date} ${r.metric}=${r.value}`);
const keys = (problems: { line: number; column: string | null; message: { key: string } }[]) => problems.map((p) => `${p.line} ${p.column} ${p.message.key}`);

describe('numbers and dates of the platforms', () => {
  it('takes a canonical whole number as it is, and cleans everything else as Decimal would', async () => {
    for (const raw of ['0', '7', '1500000000', '007', '-0', '1.50', ' 12 ', '1e3', '']) {
      const expected = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? new Decimal(raw.trim()).toFixed() : null;
      expect([raw, parseNumber(raw, 'PLAIN')]).toEqual([raw, expected]);
    }
  });

  it('moves the point of micro-units exactly as a Decimal division does', async () => {
    for (const whole of ['0', '1', '10', '999999', '1000000', '1000001', '1500000100', '3000000000', '123456789012345678']) {
      for (const digits of [0, 2, 6]) expect([whole, digits, shiftPoint(whole, digits)]).toEqual([whole, digits, new Decimal(whole).div(10 ** digits).toFixed()]);
    }
  });

  it('checks ISO days itself: month lengths, leap years, years before 1000 as before', async () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2024-04-31')).toBeNull();
    expect(parseDate('2024-00-10')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('2024-01-00')).toBeNull();
    expect(parseDate('0999-12-31')).toBe('0999-12-31');
    expect(parseDate('0099-12-31')).toBeNull();
    expect(parseDate(' 2024-03-04 ')).toBe('2024-03-04');
  });

  it('reads thousands separators, decimal commas and refuses what is not a number', async () => {
    expect(parseNumber('1,234.50', 'THOUSANDS_COMMA')).toBe('1234.5');
    expect(parseNumber('3 000,50', 'DECIMAL_COMMA')).toBe('3000.5');
    expect(parseNumber('3\u00a0000,50', 'DECIMAL_COMMA')).toBe('3000.5');
    expect(parseNumber('-5', 'PLAIN')).toBe('-5');
    expect(parseNumber('12abc', 'PLAIN')).toBeNull();
    expect(parseNumber('1,5', 'PLAIN')).toBeNull();
  });

  it('reads ISO, dotted and English dates and refuses impossible ones', async () => {
    expect(parseDate('2024-03-04')).toBe('2024-03-04');
    expect(parseDate('04.03.2024')).toBe('2024-03-04');
    expect(parseDate('Mar 4, 2024')).toBe('2024-03-04');
    expect(parseDate('2024-02-30')).toBeNull();
    expect(parseDate('4/3/2024')).toBeNull();
  });
});

describe('parsers', () => {
  it('our own CSV: one figure a line, the metric as written', async () => {
    const parsed = await parseKpiFile(KpiImportSource.OWN_CSV, fixture('own.csv').replace(/\{\{A\}\}/g, A));
    expect(parsed.problems).toEqual([]);
    expect(brief(parsed.rows)).toEqual([
      `2 ${A} 2024-03-04 IMPRESSIONS=1000`,
      `3 ${A} 2024-03-04 CLICKS=40`,
      `4 ${A} 2024-03-05 SPEND=1250.5`,
      `5 ${A} 2024-03-05 LEADS=2`,
    ]);
    expect(parsed.rows.every((r) => r.refKind === 'ID')).toBe(true);
  });

  it('our own CSV without its header is refused at line 1', async () => {
    const parsed = await parseKpiFile(KpiImportSource.OWN_CSV, `${A},2024-03-04,CLICKS,5\n`);
    expect(parsed.rows).toEqual([]);
    expect(keys(parsed.problems)).toEqual(['1 null validation.importNoHeader']);
  });

  it('Yandex Direct: skips the title and "Total rows", money from micro-units, "--" is no figure', async () => {
    const parsed = await parseKpiFile(KpiImportSource.YANDEX_DIRECT_TSV, fixture('yandex-direct.tsv'));
    expect(parsed.problems).toEqual([]);
    expect(brief(parsed.rows)).toEqual([
      '3 Brand search 2024-03-04 IMPRESSIONS=1000',
      '3 Brand search 2024-03-04 CLICKS=50',
      '3 Brand search 2024-03-04 SPEND=1500',
      '3 Brand search 2024-03-04 CONVERSIONS=5',
      '4 Brand search 2024-03-05 IMPRESSIONS=1200',
      '4 Brand search 2024-03-05 CLICKS=60',
      '4 Brand search 2024-03-05 SPEND=1800',
      '4 Brand search 2024-03-05 CONVERSIONS=6',
      '5 Brand search 2024-03-06 IMPRESSIONS=900',
      '5 Brand search 2024-03-06 SPEND=1200',
      '5 Brand search 2024-03-06 CONVERSIONS=4',
    ]);
  });

  it('Yandex Direct: money already in currency units when the report was asked so', async () => {
    const content = 'Date\tCampaignName\tCost\n2024-03-04\tBrand search\t1500.25\n';
    expect(brief((await parseKpiFile(KpiImportSource.YANDEX_DIRECT_TSV, content, { moneyInMicros: false })).rows)).toEqual(['2 Brand search 2024-03-04 SPEND=1500.25']);
    expect(brief((await parseKpiFile(KpiImportSource.YANDEX_DIRECT_TSV, content)).rows)).toEqual(['2 Brand search 2024-03-04 SPEND=0.00150025']);
  });

  it('Google Ads: title and date-range lines, thousands separators, "--", the Total line ignored', async () => {
    const parsed = await parseKpiFile(KpiImportSource.GOOGLE_ADS_CSV, fixture('google-ads.csv'));
    expect(parsed.problems).toEqual([]);
    expect(brief(parsed.rows)).toEqual([
      '4 Brand search 2024-03-04 IMPRESSIONS=1234',
      '4 Brand search 2024-03-04 CLICKS=56',
      '4 Brand search 2024-03-04 SPEND=1050.25',
      '4 Brand search 2024-03-04 CONVERSIONS=3',
      '4 Brand search 2024-03-04 REVENUE=12000',
      '5 Brand search 2024-03-05 IMPRESSIONS=2000',
      '5 Brand search 2024-03-05 CLICKS=44',
      '5 Brand search 2024-03-05 SPEND=949.75',
      '5 Brand search 2024-03-05 REVENUE=0',
    ]);
  });

  it('VK Ads: ";" separated, decimal comma, spaces between thousands, the Итого line ignored', async () => {
    const parsed = await parseKpiFile(KpiImportSource.VK_ADS_CSV, fixture('vk-ads.csv'));
    expect(parsed.problems).toEqual([]);
    expect(brief(parsed.rows)).toEqual([
      '2 Ретаргетинг 2024-03-04 IMPRESSIONS=10500',
      '2 Ретаргетинг 2024-03-04 CLICKS=120',
      '2 Ретаргетинг 2024-03-04 SPEND=3000.5',
      '2 Ретаргетинг 2024-03-04 CONVERSIONS=7',
      '3 Ретаргетинг 2024-03-05 IMPRESSIONS=9500',
      '3 Ретаргетинг 2024-03-05 CLICKS=80',
      '3 Ретаргетинг 2024-03-05 SPEND=2999.5',
      '3 Ретаргетинг 2024-03-05 CONVERSIONS=3',
    ]);
  });

  it('reports unparsable dates and numbers with their line and column', async () => {
    const parsed = await parseKpiFile(KpiImportSource.VK_ADS_CSV, 'Дата;Кампания;Показы;Клики\n32.03.2024;X;1;2\n04.03.2024;X;много;2\n');
    expect(keys(parsed.problems)).toEqual(['2 Дата validation.importBadDate', '3 Показы validation.importBadNumber']);
    expect(brief(parsed.rows)).toEqual(['3 X 2024-03-04 CLICKS=2']);
  });
});

describe('checking the lines', () => {
  const campaign: ImportCampaign = { id: A, name: 'Brand search', status: CampaignStatus.LAUNCHED, startDate: '2024-03-04', endDate: '2024-03-31' };
  const lookup = (over: Partial<CampaignLookup> = {}): CampaignLookup => ({
    forced: null,
    byId: new Map([[A, campaign]]),
    byName: new Map([['brand search', [campaign]]]),
    ...over,
  });
  const own = (lines: string[]) => parseKpiFile(KpiImportSource.OWN_CSV, ['campaign_id,date,metric,value', ...lines].join('\n'));

  it('lists every bad line and keeps the figures of the good ones', async () => {
    const checked = checkImport(
      await own([
        `${A},2024-03-04,CLICKS,10`,
        `${A},2024-03-04,CTR,1`,
        `${A},2024-03-05,CLICKS,-3`,
        `${A},2024-04-01,CLICKS,3`,
        `${A},2024-03-04,CLICKS,11`,
        `22222222-2222-4222-8222-222222222222,2024-03-04,CLICKS,1`,
        `${A},2024-03-06,SPEND,1.23456`,
        `${A},2024-03-07,SPEND,1.5`,
      ]),
      lookup(),
    );
    expect(keys(checked.problems)).toEqual([
      '3 value validation.importUnknownMetric',
      '4 value validation.notNegative',
      '5 date validation.measurementOutsideCampaign',
      '6 value validation.importDuplicate',
      '7 campaign_id validation.importUnknownCampaign',
      '8 value validation.measurementValueFormat',
    ]);
    expect(checked.importedLines).toBe(2);
    expect(checked.skippedLines).toBe(6);
    expect(checked.figures.get(A)).toEqual([
      { metric: 'CLICKS', customName: '', date: '2024-03-04', value: '10' },
      { metric: 'SPEND', customName: '', date: '2024-03-07', value: '1.5' },
    ]);
  });

  it('matches platform campaigns by name, refuses unknown and ambiguous names, and a forced campaign wins', async () => {
    const parsed = await parseKpiFile(KpiImportSource.VK_ADS_CSV, 'Дата;Кампания;Клики\n04.03.2024;brand SEARCH ;1\n05.03.2024;Другая;2\n06.03.2024;Дубль;3\n');
    const twins = [campaign, { ...campaign, id: 'x' }];
    const checked = checkImport(parsed, lookup({ byName: new Map([['brand search', [campaign]], ['дубль', twins]]) }));
    expect(keys(checked.problems)).toEqual(['3 Кампания validation.importUnknownCampaign', '4 Кампания validation.importAmbiguousCampaign']);
    expect(checked.figures.get(A)).toEqual([{ metric: 'CLICKS', customName: '', date: '2024-03-04', value: '1' }]);
    const forced = checkImport(parsed, lookup({ forced: campaign }));
    expect(forced.problems).toEqual([]);
    expect(forced.figures.get(A)).toHaveLength(3);
  });

  it('refuses lines of a campaign that takes no measurements', async () => {
    const checked = checkImport(await own([`${A},2024-03-04,CLICKS,10`]), lookup({ byId: new Map([[A, { ...campaign, status: CampaignStatus.PLANNED }]]) }));
    expect(keys(checked.problems)).toEqual(['2 campaign_id validation.campaignNotRunning']);
  });
});

describe('reading as a stream', () => {
  it('reports the lines read every given number of lines and once at the end', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => `${A},${i % 2 ? '2024-03-04' : '2024-03-05'},CLICKS,${i}`);
    const seen: number[] = [];
    const parsed = await parseKpiFile(KpiImportSource.OWN_CSV, ['campaign_id,date,metric,value', ...lines].join('\n') + '\n', {
      progressEvery: 5_000,
      onProgress: (n) => void seen.push(n),
    });
    expect(seen).toEqual([5_000, 10_000, 12_001]);
    expect(parsed.linesRead).toBe(12_001);
    expect(parsed.rows).toHaveLength(12_000);
  });

  it('forced campaign: a date outside it names the date column, the campaign is the whole line', async () => {
    const parsed = await parseKpiFile(KpiImportSource.GOOGLE_ADS_CSV, 'Day,Cost\n2024-04-01,5\n');
    const checked = checkImport(parsed, { forced: { id: A, name: 'x', status: CampaignStatus.PLANNED, startDate: '2024-03-04', endDate: '2024-03-31' }, byId: new Map(), byName: new Map() });
    expect(keys(checked.problems)).toEqual(['2 null validation.campaignNotRunning', '2 Day validation.measurementOutsideCampaign']);
  });
});

describe('reading lines', () => {
  it('splits a file without multi-line fields directly: BOM, CRLF and the last newline as csv-parse reads them', () => {
    expect(simpleLines('\uFEFFa,b\r\n1,"x, y"\r\n\r\n2,3\r\n', ',')).toEqual(['a,b', '1,"x, y"', '', '2,3']);
    expect(simpleLines('a;b\n1;2', ';')).toEqual(['a;b', '1;2']);
  });

  it('leaves a file with a field going over two lines, or lone carriage returns, to csv-parse', () => {
    expect(simpleLines('a,b\n1,"x\ny"\n', ',')).toBeNull();
    expect(simpleLines('a,b\r1,2\r', ',')).toBeNull();
  });

  it('reads the same figures either way: a quoted field over two lines, quoted delimiters, CRLF', async () => {
    const plain = await parseKpiFile(KpiImportSource.GOOGLE_ADS_CSV, 'Report\r\nDay,Campaign,Clicks\r\n2024-03-04,"Brand, search",5\r\n2024-03-05,Brand,"1,234"\r\n');
    const multi = await parseKpiFile(KpiImportSource.GOOGLE_ADS_CSV, '"Report\nof March"\nDay,Campaign,Clicks\n2024-03-04,"Brand, search",5\n2024-03-05,Brand,"1,234"\n');
    expect(brief(plain.rows)).toEqual(['3 Brand, search 2024-03-04 CLICKS=5', '4 Brand 2024-03-05 CLICKS=1234']);
    expect(brief(multi.rows)).toEqual(['4 Brand, search 2024-03-04 CLICKS=5', '5 Brand 2024-03-05 CLICKS=1234']);
  });
});
