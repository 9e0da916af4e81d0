import fc from 'fast-check';
import Decimal from 'decimal.js';
import { closeAtRate, pricingDate, vatDifferenceOf } from '../../src/services/act.rules';
import { lineAmounts } from '../../src/services/money/totals';

/** What an invoice charged for a net at a rate (VAT on top), by the one rounding rule. */
const invoiced = (net: string, rate: string | null) => ({ ...lineAmounts({ quantity: '1', unitPrice: net, vatRate: rate }), vatRate: rate });

describe('the VAT rate change on acts (closeAtRate)', () => {
  it('VAT on top: the net stays, the VAT follows the act rate and the difference is due', () => {
    expect(closeAtRate('VAT_ON_TOP', invoiced('100000.00', '20.00'), '22.00')).toEqual({
      net: '100000.00', vat: '22000.00', gross: '122000.00', vatDifference: '2000.00',
    });
  });

  it('VAT included: the total stays, the VAT part is recomputed and nothing more is due', () => {
    // 120 000 incl. 20 % VAT (20 000) → 120 000 incl. 22 % VAT: 120000 × 22 / 122 = 21 639.34
    expect(closeAtRate('VAT_INCLUDED', invoiced('100000.00', '20.00'), '22.00')).toEqual({
      net: '98360.66', vat: '21639.34', gross: '120000.00', vatDifference: '0.00',
    });
  });

  it('keeps the invoiced amounts when the rates agree, whatever the basis', () => {
    const inv = invoiced('33.33', '22.00');
    for (const basis of ['VAT_ON_TOP', 'VAT_INCLUDED'] as const) {
      expect(closeAtRate(basis, inv, '22.00')).toEqual({ net: inv.net, vat: inv.vat, gross: inv.gross, vatDifference: '0.00' });
      expect(closeAtRate(basis, invoiced('10.00', null), null)).toMatchObject({ vat: '0.00', vatDifference: '0.00' });
    }
  });

  it('treats a line invoiced without VAT and acted at a rate like any other change', () => {
    expect(closeAtRate('VAT_ON_TOP', invoiced('1000.00', null), '22.00')).toEqual({ net: '1000.00', vat: '220.00', gross: '1220.00', vatDifference: '220.00' });
    expect(closeAtRate('VAT_INCLUDED', invoiced('1000.00', null), '22.00')).toEqual({ net: '819.67', vat: '180.33', gross: '1000.00', vatDifference: '0.00' });
  });

  it('holds for any amount: on top the net stays and total = invoiced total + difference; included the total stays and net + VAT = total', () => {
    const cents = fc.bigInt({ min: 1n, max: 10n ** 12n }).map((c) => new Decimal(c.toString()).dividedBy(100).toFixed(2));
    const rate = fc.constantFrom('0.00', '5.00', '7.00', '10.00', '20.00', '22.00');
    fc.assert(
      fc.property(cents, rate, rate, (net, from, to) => {
        const inv = invoiced(net, from);
        const top = closeAtRate('VAT_ON_TOP', inv, to);
        expect(top.net).toBe(inv.net);
        expect(new Decimal(top.gross).eq(new Decimal(inv.gross).plus(top.vatDifference))).toBe(true);
        expect(top.vat).toBe(lineAmounts({ quantity: '1', unitPrice: net, vatRate: to }).vat);
        const incl = closeAtRate('VAT_INCLUDED', inv, to);
        expect(incl.gross).toBe(inv.gross);
        expect(incl.vatDifference).toBe('0.00');
        expect(new Decimal(incl.net).plus(incl.vat).toFixed(2)).toBe(inv.gross);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the act as a whole', () => {
  it('sums the difference over the lines copied from invoices; its own lines add nothing', () => {
    const lines = [
      { net: '100000.00', vat: '22000.00', gross: '122000.00', vatRate: '22.00', invoicedVatRate: '20.00', invoicedVat: '20000.00' },
      { net: '333.33', vat: '73.33', gross: '406.66', vatRate: '22.00', invoicedVatRate: '20.00', invoicedVat: '66.67' },
      { net: '500.00', vat: '110.00', gross: '610.00', vatRate: '22.00', invoicedVatRate: null, invoicedVat: null },
    ];
    expect(vatDifferenceOf(lines)).toBe('2006.66');
  });

  it('is priced for its act date, or its period end until a date is chosen', () => {
    expect(pricingDate({ actDate: null, periodEnd: '2025-12-31' })).toBe('2025-12-31');
    expect(pricingDate({ actDate: '2026-01-12', periodEnd: '2025-12-31' })).toBe('2026-01-12');
  });
});
