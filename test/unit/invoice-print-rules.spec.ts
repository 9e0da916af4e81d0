import fc from 'fast-check';
import { totalBgnEquivalent, vatGroups, vatInAmountDue } from '../../src/services/invoice.rules';
import { lineAmounts, sumTotals } from '../../src/services/money/totals';

/** What a printed invoice reads from the money code: VAT rows by rate, the VAT inside the amount due, the BGN equivalent. */

const line = (unitPrice: string, vatRate: string | null, basis: 'VAT_INCLUDED' | 'VAT_ON_TOP' = 'VAT_ON_TOP') => ({
  vatRate,
  ...lineAmounts({ quantity: '1', unitPrice, vatRate }, basis),
});

describe('vatGroups', () => {
  it('sums the lines of each rate, highest rate first, lines without VAT last', () => {
    const groups = vatGroups([line('100.00', '10.00'), line('50.00', null), line('200.00', '22.00'), line('300.00', '22'), line('1.00', '0.00')]);
    expect(groups).toEqual([
      { rate: '22.00', subtotal: '500.00', vatTotal: '110.00', total: '610.00' },
      { rate: '10.00', subtotal: '100.00', vatTotal: '10.00', total: '110.00' },
      { rate: '0.00', subtotal: '1.00', vatTotal: '0.00', total: '1.00' },
      { rate: null, subtotal: '50.00', vatTotal: '0.00', total: '50.00' },
    ]);
  });

  it('adds up to the document totals, whatever the lines', () => {
    const rate = fc.constantFrom<string | null>('22.00', '20.00', '10.00', '0.00', null);
    const price = fc.integer({ min: 1, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(fc.array(fc.tuple(price, rate, fc.constantFrom<'VAT_INCLUDED' | 'VAT_ON_TOP'>('VAT_INCLUDED', 'VAT_ON_TOP')), { minLength: 1, maxLength: 12 }), (rows) => {
        const lines = rows.map(([p, r, b]) => line(p, r, b));
        const groups = vatGroups(lines);
        expect(sumTotals(groups.map((g) => ({ net: g.subtotal, vat: g.vatTotal, gross: g.total })))).toEqual(sumTotals(lines));
      }),
      { numRuns: 300 },
    );
  });
});

describe('vatInAmountDue', () => {
  const groups22 = [{ rate: '22.00', subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00' }];

  it('is the VAT total when nothing is deducted', () => {
    expect(vatInAmountDue({ total: '122000.00', vatTotal: '22000.00', amountDue: '122000.00' }, groups22)).toBe('22000.00');
  });

  it('is the VAT of the amount due at the one rate when a prepayment or credit note reduces it', () => {
    expect(vatInAmountDue({ total: '122000.00', vatTotal: '22000.00', amountDue: '61000.00' }, groups22)).toBe('11000.00');
    // 1 000.00 × 22 / 122 = 180.327… → 180.33
    expect(vatInAmountDue({ total: '122000.00', vatTotal: '22000.00', amountDue: '1000.00' }, groups22)).toBe('180.33');
  });

  it('is null without VAT, and with deductions over mixed rates (no single figure is right)', () => {
    expect(vatInAmountDue({ total: '500.00', vatTotal: '0.00', amountDue: '500.00' }, [{ rate: null, subtotal: '500.00', vatTotal: '0.00', total: '500.00' }])).toBeNull();
    const mixed = [groups22[0], { rate: '10.00', subtotal: '100.00', vatTotal: '10.00', total: '110.00' }];
    expect(vatInAmountDue({ total: '122110.00', vatTotal: '22010.00', amountDue: '122110.00' }, mixed)).toBe('22010.00');
    expect(vatInAmountDue({ total: '122110.00', vatTotal: '22010.00', amountDue: '100000.00' }, mixed)).toBeNull();
  });
});

describe('totalBgnEquivalent', () => {
  const invoice = { currency: 'EUR' as never, total: '1200.00', issueDate: '2026-03-01' };

  it('converts at 1.95583, half up, for a Bulgarian EUR invoice of the dual-display period', () => {
    expect(totalBgnEquivalent(invoice, 'BG')).toBe('2347.00');
    expect(totalBgnEquivalent({ ...invoice, issueDate: '2026-08-08' }, 'BG')).toBe('2347.00');
  });

  it('is null outside the period, for other currencies, other countries and drafts', () => {
    expect(totalBgnEquivalent({ ...invoice, issueDate: '2026-08-09' }, 'BG')).toBeNull();
    expect(totalBgnEquivalent({ ...invoice, issueDate: '2025-12-31' }, 'BG')).toBeNull();
    expect(totalBgnEquivalent({ ...invoice, currency: 'RUB' as never }, 'BG')).toBeNull();
    expect(totalBgnEquivalent(invoice, 'RU')).toBeNull();
    expect(totalBgnEquivalent({ ...invoice, issueDate: null }, 'BG')).toBeNull();
    expect(totalBgnEquivalent(invoice, null)).toBeNull();
  });
});
