import { LABEL_BUNDLES, documentLabels } from '../../src/documents/i18n/labels';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe('document labels', () => {
  const bundles = Object.entries(LABEL_BUNDLES);

  it.each(bundles)('%s: ru, bg and en have the same keys and the same placeholders', (_prefix, bundle) => {
    const en = keys(bundle.en).sort();
    expect(keys(bundle.ru).sort()).toEqual(en);
    expect(keys(bundle.bg).sort()).toEqual(en);
    const get = (lng: 'ru' | 'bg' | 'en', key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], bundle[lng]) as string;
    for (const key of en) {
      expect({ key, ru: placeholders(get('ru', key)) }).toEqual({ key, ru: placeholders(get('en', key)) });
      expect({ key, bg: placeholders(get('bg', key)) }).toEqual({ key, bg: placeholders(get('en', key)) });
      for (const lng of ['ru', 'bg', 'en'] as const) expect({ key, lng, empty: get(lng, key).trim() === '' }).toEqual({ key, lng, empty: false });
    }
  });

  it('reads labels in the document language through the i18n layer', () => {
    expect(documentLabels('ru' as never)('common.page', { page: 2, pages: 5 })).toBe('Страница 2 из 5');
    expect(documentLabels('bg' as never)('common.page', { page: 2, pages: 5 })).toBe('Страница 2 от 5');
    expect(documentLabels('en' as never)('common.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });

  it('does not leak document labels into the API messages', () => {
    // the documents namespace is separate: an API message key never resolves to a label
    expect(documentLabels('en' as never)('results.INVOICE_ALREADY_PAID')).toBe('results.INVOICE_ALREADY_PAID');
  });
});
