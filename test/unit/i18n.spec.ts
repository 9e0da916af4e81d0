import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActStatus,
  ApprovalDecision,
  CampaignStatus,
  ContractStatus,
  DealDeviationKind,
  DealStage,
  InvoiceKind,
  InvoiceStatus,
  LifecycleStage,
  ProposalStatus,
} from '../../src/entities/enums';
import { formatAmount, formatDate, hasKey, i18n, keyOfEnglish, Locale, localeFromAcceptLanguage, t, translateKey } from '../../src/i18n';
import { bg } from '../../src/i18n/locales/bg';
import { en } from '../../src/i18n/locales/en';
import { ru } from '../../src/i18n/locales/ru';
import type { LocaleResource } from '../../src/i18n/types';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key (plural suffix removed) → the placeholders and nested keys of each of its forms */
function flatten(node: LocaleResource, prefix = '', out = new Map<string, Set<string>[]>()): Map<string, Set<string>[]> {
  for (const [k, v] of Object.entries(node)) {
    const key = prefix + k;
    if (typeof v !== 'string') {
      flatten(v, `${key}.`, out);
      continue;
    }
    const base = key.replace(PLURAL, '');
    const refs = new Set([...v.matchAll(/\{\{\s*([\w]+)[^}]*\}\}|\$t\(([^)]+)\)/g)].map((m) => m[1] ?? `$t(${m[2]})`));
    out.set(base, [...(out.get(base) ?? []), refs]);
  }
  return out;
}

const LOCALES = { en, ru, bg } as Record<string, LocaleResource>;

describe('i18n resources', () => {
  const reference = flatten(en as unknown as LocaleResource);

  it.each(['ru', 'bg'])('%s has exactly the keys of en', (lng) => {
    const keys = [...flatten(LOCALES[lng]).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(['ru', 'bg'])('%s uses the same placeholders and nested keys as en in every message', (lng) => {
    const mismatches: string[] = [];
    for (const [key, forms] of flatten(LOCALES[lng])) {
      const expected = [...reference.get(key)!.reduce((all, s) => new Set([...all, ...s]), new Set<string>())].sort();
      for (const form of forms) {
        // a plural form may leave out {{count}} (e.g. a word for "one"), nothing else
        const got = [...form].sort();
        const missing = expected.filter((p) => !form.has(p) && !(p === 'count' && forms.length > 1));
        const extra = got.filter((p) => !expected.includes(p));
        if (missing.length || extra.length) mismatches.push(`${key}: missing ${missing} extra ${extra}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(['en', 'ru', 'bg'])('%s has every plural form its language needs', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    const walk = (node: LocaleResource, prefix: string) => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v !== 'string') walk(v, `${prefix}${k}.`);
        else if (PLURAL.test(k)) {
          const base = k.replace(PLURAL, '');
          for (const c of categories) if (typeof node[`${base}_${c}`] !== 'string') problems.push(`${prefix}${base}_${c}`);
        }
      }
    };
    walk(LOCALES[lng], '');
    expect(problems).toEqual([]);
  });

  it('names every status an error result or message can show, in every language', () => {
    const enums: Record<string, string[]> = {
      Proposal: Object.values(ProposalStatus),
      Deal: [...Object.values(DealStage), 'WON', 'LOST'],
      DealApproval: ['PENDING', 'APPROVED', 'RETURNED', 'RESOLVED'],
      Contract: Object.values(ContractStatus),
      ContractApproval: Object.values(ApprovalDecision),
      Act: Object.values(ActStatus),
      Invoice: Object.values(InvoiceStatus),
      Client: [...Object.values(LifecycleStage), 'TERMINATED'],
      Campaign: Object.values(CampaignStatus),
    };
    const keys = [
      ...Object.entries(enums).flatMap(([entity, values]) => [`entities.${entity}`, ...values.map((v) => `statuses.${entity}.${v}`)]),
      ...Object.values(InvoiceKind).map((k) => `invoiceKinds.${k}`),
      ...Object.values(DealDeviationKind).map((k) => `dealDeviations.${k}`),
    ];
    for (const lng of ['en', 'ru', 'bg']) {
      const flat = flatten(LOCALES[lng]);
      expect(keys.filter((k) => !flat.has(k))).toEqual([]);
    }
  });

  it('has a message for every error result code a result class declares', () => {
    // every business error is a class under src/schema that passes its code to ErrorResult
    const root = join(__dirname, '..', '..', 'src', 'schema');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const codes = [...new Set(walk(root).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/super\('([A-Z_]+)'/g)].map((m) => m[1])))];
    expect(codes).toEqual(expect.arrayContaining(['ILLEGAL_TRANSITION', 'NOT_EDITABLE', 'INVOICE_OVERPAYMENT', 'WRONG_PASSWORD', 'LAST_OWNER']));
    expect(codes.filter((c) => !hasKey(`results.${c}`))).toEqual([]);
  });
});

describe('t', () => {
  it('speaks the agency language, Russian by default', () => {
    expect(t(Locale.RU, 'errors.notFound.Client')).toBe('Клиент не найден');
    expect(t(Locale.BG, 'errors.notFound.Client')).toBe('Клиентът не е намерен');
    expect(t(Locale.EN, 'errors.notFound.Client')).toBe('Client not found');
    expect(t(undefined, 'errors.notFound.Client')).toBe('Клиент не найден');
  });

  it('shows statuses in the language of the sentence', () => {
    const params = { entity: 'Invoice', from: 'PAID', to: 'DRAFT' };
    expect(t(Locale.RU, 'results.ILLEGAL_TRANSITION', params)).toBe('Счёт: нельзя перейти из статуса «оплачен» в «черновик»');
    expect(t(Locale.BG, 'results.ILLEGAL_TRANSITION', params)).toBe('Фактура: не може да премине от статус „платена“ в „чернова“');
    expect(t(Locale.EN, 'results.ILLEGAL_TRANSITION', params)).toBe('Invoice cannot go from "paid" to "draft"');
  });

  it('chooses Russian and Bulgarian plural forms by the number', () => {
    const say = (lng: Locale, count: number) => t(lng, 'controlPoints.CONTACT_INTERVAL_EXCEEDED', { count, client: 'Ромашка', last: '2026-11-22' });
    expect(say(Locale.RU, 1)).toBe('Нет контакта с «Ромашка» более 1 дня (последний: 22.11.2026)');
    expect(say(Locale.RU, 3)).toBe('Нет контакта с «Ромашка» более 3 дней (последний: 22.11.2026)');
    expect(say(Locale.RU, 5)).toBe('Нет контакта с «Ромашка» более 5 дней (последний: 22.11.2026)');
    expect(say(Locale.RU, 21)).toBe('Нет контакта с «Ромашка» более 21 дня (последний: 22.11.2026)');
    expect(say(Locale.BG, 1)).toContain('повече от 1 ден ');
    expect(say(Locale.BG, 30)).toContain('повече от 30 дни ');
    expect(say(Locale.EN, 1)).toBe('No contact with Ромашка for more than 1 day (last: 22 Nov 2026)');
    expect(say(Locale.EN, 30)).toContain('for more than 30 days');
    expect(t(Locale.RU, 'validation.actionItemIndex', { count: 2 })).toMatch(/^Во встрече 2 поручения/);
    expect(t(Locale.RU, 'validation.actionItemIndex', { count: 11 })).toMatch(/^Во встрече 11 поручений/);
  });

  it('formats dates and amounts for the locale, exactly', () => {
    expect(formatDate('2026-11-22', Locale.RU)).toBe('22.11.2026');
    expect(formatDate('2026-11-22', Locale.BG)).toBe('22.11.2026');
    expect(formatDate('2026-11-22', Locale.EN)).toBe('22 Nov 2026');
    expect(formatAmount('1234567.5', Locale.EN)).toBe('1,234,567.50');
    expect(formatAmount('12345678901234.99', Locale.RU).replace(/\s/g, ' ')).toBe('12 345 678 901 234,99');
    // Bulgarian groups from five digits on (CLDR minimum grouping digits 2)
    expect(formatAmount('1000', Locale.BG)).toBe('1000,00');
    expect(formatAmount('12345', Locale.BG).replace(/\s/g, ' ')).toBe('12 345,00');
  });

  it('falls back to English for a key missing in Russian or Bulgarian', () => {
    i18n().addResource('en', 'translation', 'test.onlyInEnglish', 'Only in English, {{name}}');
    expect(translateKey(Locale.RU, 'test.onlyInEnglish', { name: 'Ann' })).toBe('Only in English, Ann');
    expect(translateKey(Locale.BG, 'test.onlyInEnglish', { name: 'Ann' })).toBe('Only in English, Ann');
  });

  it('finds the key of one of its English messages', () => {
    expect(keyOfEnglish('Invalid email or password')).toBe('errors.unauthenticated.invalidCredentials');
    expect(keyOfEnglish('Token expired')).toBe('errors.unauthenticated.tokenExpired');
    expect(keyOfEnglish('something else')).toBeNull();
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['de-DE,de;q=0.9', 'ru'],
    ['bg-BG,bg;q=0.9,en;q=0.8', 'bg'],
    ['en-US,en;q=0.9', 'en'],
    ['de;q=1, en;q=0.5, bg;q=0.7', 'bg'],
    ['BG', 'bg'],
    ['en;q=0, ru;q=0.1', 'ru'],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
