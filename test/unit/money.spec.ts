import fc from 'fast-check';
import Decimal from 'decimal.js';
import { lineAmounts, sumTotals } from '../../src/services/money/totals';
import { VatRegime } from '../../src/entities/enums';
import { bgnToEur, currencyAllowed, legacyBgnInEur, standardVatRate, vatTreatment } from '../../src/services/money/vat';
import { formatNumber, patternRestartsYearly, validatePattern } from '../../src/services/numbering';

describe('VAT by date', () => {
  it('uses 20% in Russia until 2025-12-31 and 22% from 2026-01-01', () => {
    expect(standardVatRate('RU', '2025-12-31', true)).toBe('20.00');
    expect(standardVatRate('RU', '2026-01-01', true)).toBe('22.00');
  });
  it('uses 20% in Bulgaria, and no VAT for a non-payer', () => {
    expect(standardVatRate('BG', '2026-06-01', true)).toBe('20.00');
    expect(standardVatRate('RU', '2026-06-01', false)).toBeNull();
  });
  it('refuses BGN for Bulgarian documents from the euro changeover', () => {
    expect(currencyAllowed('BG', 'BGN', '2025-12-31')).toBe(true);
    expect(currencyAllowed('BG', 'BGN', '2026-01-01')).toBe(false);
    expect(currencyAllowed('BG', 'EUR', '2026-01-01')).toBe(true);
    expect(currencyAllowed('RU', 'BGN', '2026-01-01')).toBe(true);
  });
});

describe('line amounts and totals', () => {
  it('rounds each line half-up to cents, VAT from the rounded net', () => {
    expect(lineAmounts({ quantity: '3', unitPrice: '33.335', vatRate: '20' })).toEqual({ net: '100.01', vat: '20.00', gross: '120.01' });
    expect(lineAmounts({ quantity: '1', unitPrice: '0.125', vatRate: null })).toEqual({ net: '0.13', vat: '0.00', gross: '0.13' });
    expect(lineAmounts({ quantity: '1', unitPrice: '10.25', vatRate: '22' })).toEqual({ net: '10.25', vat: '2.26', gross: '12.51' });
  });

  it('with VAT included the gross is the price and the VAT is extracted: vat = round(gross × r / (100 + r), 2), net = gross − vat', () => {
    expect(lineAmounts({ quantity: '1', unitPrice: '61000.00', vatRate: '22' }, 'VAT_INCLUDED')).toEqual({ net: '50000.00', vat: '11000.00', gross: '61000.00' });
    expect(lineAmounts({ quantity: '1', unitPrice: '120000.00', vatRate: '22' }, 'VAT_INCLUDED')).toEqual({ net: '98360.66', vat: '21639.34', gross: '120000.00' });
    expect(lineAmounts({ quantity: '1', unitPrice: '100.00', vatRate: null }, 'VAT_INCLUDED')).toEqual({ net: '100.00', vat: '0.00', gross: '100.00' });
  });

  const money = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((c) => new Decimal(c.toString()).dividedBy(100).toFixed(2));
  const qty = fc.integer({ min: 1, max: 100_000 }).map((q) => new Decimal(q).dividedBy(1000).toFixed(3));
  const rate = fc.constantFrom<string | null>('20', '22', '9', '0', null);
  const line = fc.record({ quantity: qty, unitPrice: money, vatRate: rate });

  it('Σ lines = totals, total = subtotal + VAT, exactly, for thousands of random invoices', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom('VAT_ON_TOP' as const, 'VAT_INCLUDED' as const), (lines, basis) => {
        const amounts = lines.map((l) => lineAmounts(l, basis));
        const t = sumTotals(amounts);
        const sum = (k: 'net' | 'vat' | 'gross') => amounts.reduce((s, a) => s.plus(a[k]), new Decimal(0));
        expect(sum('net').toFixed(2)).toBe(t.subtotal);
        expect(sum('vat').toFixed(2)).toBe(t.vatTotal);
        expect(sum('gross').toFixed(2)).toBe(t.total);
        expect(new Decimal(t.subtotal).plus(t.vatTotal).toFixed(2)).toBe(t.total);
        for (const a of amounts) expect(new Decimal(a.net).plus(a.vat).toFixed(2)).toBe(a.gross);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbering patterns', () => {
  it('formats the default and the Bulgarian 10-digit pattern', () => {
    expect(formatNumber('{YYYY}-{N:6}', 123, 2026)).toBe('2026-000123');
    expect(formatNumber('{N:10}', 42, 2026)).toBe('0000000042');
    expect(formatNumber('АКТ-{YY}/{N}', 7, 2026)).toBe('АКТ-26/7');
  });
  it('restarts yearly only when the pattern has a year', () => {
    expect(patternRestartsYearly('{YYYY}-{N:6}')).toBe(true);
    expect(patternRestartsYearly('{N:10}')).toBe(false);
  });
  it('validates patterns', () => {
    expect(validatePattern('{YYYY}-{N:6}')).toBeNull();
    expect(validatePattern('INV-{YYYY}')).toMatch(/must contain/);
    expect(validatePattern('{MM}-{N}')).toMatch(/unknown token/);
  });
});

describe('balance after payments and refunds', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { netPaid, paymentStatus, sub, cmp } = require('../../src/services/money/totals');
  const cents = fc.integer({ min: 1, max: 50_000_00 });

  it('balance = amount due − payments + refunds, exactly, and the status follows, over thousands of random histories', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_00 }), fc.array(fc.tuple(fc.boolean(), cents), { maxLength: 25 }), (dueCents, ops) => {
        const amountDue = new Decimal(dueCents).dividedBy(100).toFixed(2);
        const movements: { kind: 'PAYMENT' | 'REFUND'; amount: string }[] = [];
        let paidCents = 0;
        let refundedCents = 0;
        for (const [isRefund, c] of ops) {
          const amount = new Decimal(c).dividedBy(100).toFixed(2);
          const current = netPaid(movements);
          // the service's rules: no overpayment, no refund of more than was paid
          if (!isRefund && cmp(amount, sub(amountDue, current)) <= 0) {
            movements.push({ kind: 'PAYMENT', amount });
            paidCents += c;
          } else if (isRefund && cmp(amount, current) <= 0) {
            movements.push({ kind: 'REFUND', amount });
            refundedCents += c;
          }
        }
        const paid = netPaid(movements);
        expect(paid).toBe(new Decimal(paidCents - refundedCents).dividedBy(100).toFixed(2));
        const balance = sub(amountDue, paid);
        expect(balance).toBe(new Decimal(dueCents - paidCents + refundedCents).dividedBy(100).toFixed(2));
        expect(cmp(balance, 0)).toBeGreaterThanOrEqual(0);
        const status = paymentStatus(amountDue, paid);
        expect(status).toBe(paidCents - refundedCents === 0 ? 'ISSUED' : paidCents - refundedCents === dueCents ? 'PAID' : 'PARTIALLY_PAID');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('VAT regimes and the BGN conversion (pure rules)', () => {
  const period = (validFrom: string, regime: VatRegime, rate: string | null = null) => ({ validFrom, regime, rate, exemptionNote: null });

  it('takes the regime in force on the date, else vatPayer', () => {
    const periods = [period('2026-01-01', VatRegime.RU_USN_REDUCED, '7'), period('2025-01-01', VatRegime.RU_USN_REDUCED, '5')];
    expect(vatTreatment('RU', periods, true, '2024-12-31')).toMatchObject({ regime: VatRegime.STANDARD, rate: '20.00', chargesVat: true });
    expect(vatTreatment('RU', periods, true, '2025-12-31')).toMatchObject({ rate: '5.00', exemptionNote: null });
    expect(vatTreatment('RU', periods, true, '2026-01-01')).toMatchObject({ rate: '7.00' });
    expect(vatTreatment('RU', [], false, '2026-03-01')).toMatchObject({ regime: VatRegime.RU_USN_WITHOUT_VAT, rate: null, chargesVat: false });
    expect(vatTreatment('BG', [], false, '2026-03-01').exemptionNote).toMatch(/чл\. 113, ал\. 9/);
    expect(vatTreatment('RU', [period('2026-01-01', VatRegime.STANDARD)], false, '2026-01-01')).toMatchObject({ rate: '22.00', exemptionNote: null });
  });

  it('converts BGN to EUR at 1.95583, half up to the cent, per amount', () => {
    expect(bgnToEur('1.00')).toBe('0.51');
    expect(bgnToEur('1955.83')).toBe('1000.00');
    // 0.02556… → 0.03, 0.01022… → 0.01
    expect(bgnToEur('0.05')).toBe('0.03');
    expect(bgnToEur('0.02')).toBe('0.01');
    expect(legacyBgnInEur('BG', 'BGN', 'EUR', '2026-01-01')).toBe(true);
    expect(legacyBgnInEur('BG', 'BGN', 'EUR', '2025-12-31')).toBe(false);
  });
});
