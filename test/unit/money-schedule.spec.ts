/**
 * The money rules of payment schedules over whole random contract histories (no database):
 * a contract split into a schedule, invoices for its items (PREPAYMENT, STANDARD or FINAL),
 * advances against the whole contract, a FINAL invoice for the whole contract, payments, refunds
 * cancellations and credit notes (the unpaid part of an invoice taken back), in any order. After every step:
 * - the live invoices of the contract never bill more than its total;
 * - every invoice's due = its total − the prepayments it deducts − its credit notes;
 * - PAID ⇔ due > 0 and paid ≥ due; an invoice credited to nothing with nothing paid is CREDITED;
 *   nothing is issued that bills nothing;
 * - FINAL invoices never deduct more than was received, nor the same prepayment twice, and a
 *   FINAL invoice for a schedule item never deducts what another item billed itself;
 * - the client's outstanding = Σ due − Σ paid, never negative, and each item's position adds up.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { scheduleItemPosition, splitPaymentSchedule } from '../../src/services/contract.rules';
import {
  billsSomething,
  contractTotal,
  deductiblePrepayments,
  exceedsContract,
  finalDeduction,
  invoiceDue,
  prepaymentToDeduct,
  statusAfterCredit,
  type PrepaymentSeen,
} from '../../src/services/invoice.rules';
import { creditTotals, partOf, remainingGross, splitCredit, type CreditableLine } from '../../src/services/credit-note.rules';
import { formatMoney, formatPercent } from '../../src/services/money/format';
import { add, cmp, lineAmounts, paymentStatus, sub } from '../../src/services/money/totals';
import { PaymentTrigger } from '../../src/entities/enums';

type Kind = 'PREPAYMENT' | 'STANDARD' | 'FINAL';

interface ModelInvoice {
  id: number;
  kind: Kind;
  scheduleItemId: string | null;
  total: string;
  prepaymentDeducted: string;
  amountDue: string;
  credited: string;
  paid: string;
  status: 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'CANCELLED' | 'CREDITED';
}

type Step =
  | { op: 'item'; index: number; kind: Kind }
  | { op: 'advance'; share: number }
  | { op: 'finalWhole' }
  | { op: 'pay'; pick: number; share: number }
  | { op: 'refund'; pick: number; share: number }
  | { op: 'cancel'; pick: number }
  | { op: 'credit'; pick: number; share: number };

const cents = (n: number) => new Decimal(n).dividedBy(100).toFixed(2);
/** share in 1..100 of an amount, rounded down to cents (at least 0.01 when the amount is positive) */
const part = (amount: string, share: number) => {
  const v = new Decimal(amount).times(share).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return v.isZero() && new Decimal(amount).gt(0) ? '0.01' : v.toFixed(2);
};

const percentsArb = fc
  .array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 })
  .map((weights) => {
    // whole hundredths of a percent that sum to exactly 100
    const total = weights.reduce((s, w) => s + w, 0);
    const bps = weights.map((w) => Math.floor((w * 10000) / total));
    bps[bps.length - 1] += 10000 - bps.reduce((s, b) => s + b, 0);
    return bps.filter((b) => b > 0).map((b) => new Decimal(b).dividedBy(100).toFixed(2));
  })
  .filter((p) => p.length > 0 && p.reduce((s, x) => s.plus(x), new Decimal(0)).eq(100));

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('item' as const), index: fc.nat(4), kind: fc.constantFrom<Kind>('PREPAYMENT', 'STANDARD', 'FINAL') }),
  fc.record({ op: fc.constant('advance' as const), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('finalWhole' as const) }),
  fc.record({ op: fc.constant('pay' as const), pick: fc.nat(20), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('pay' as const), pick: fc.nat(20), share: fc.constant(100) }),
  fc.record({ op: fc.constant('refund' as const), pick: fc.nat(20), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat(20) }),
  fc.record({ op: fc.constant('credit' as const), pick: fc.nat(20), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('credit' as const), pick: fc.nat(20), share: fc.constant(100) }),
);

const LIVE = (i: ModelInvoice) => i.status !== 'CANCELLED';
const sum = (xs: string[]) => xs.reduce((s, x) => add(s, x), '0.00');

/** One contract history, run through the rules exactly as issueInvoice / recordPayment apply them. */
function runHistory(contractTotal: string, percents: string[], steps: Step[]) {
  const items = splitPaymentSchedule(
    contractTotal,
    percents.map((percent, i) => ({ label: `item ${i + 1}`, trigger: 'ON_SIGNING', percent }) as never),
  ).map((it, i) => ({ ...it, id: `item-${i}` }));
  expect(sum(items.map((i) => i.amount))).toBe(contractTotal);

  const invoices: ModelInvoice[] = [];
  const billed = () => sum(invoices.filter(LIVE).map((i) => i.amountDue));
  const received = (): PrepaymentSeen[] =>
    invoices.filter((i) => LIVE(i) && i.kind === 'PREPAYMENT').map((i) => ({ scheduleItemId: i.scheduleItemId, paidAmount: i.paid }));
  const deductedByFinals = () => sum(invoices.filter((i) => LIVE(i) && i.kind === 'FINAL').map((i) => i.prepaymentDeducted));

  const issue = (kind: Kind, scheduleItemId: string | null, total: string) => {
    let deducted = '0.00';
    if (kind === 'FINAL') deducted = finalDeduction(received(), scheduleItemId, deductedByFinals(), total);
    const due = invoiceDue(total, deducted);
    // what the FINAL may deduct was received, and not deducted by another FINAL before
    expect(cmp(deducted, 0)).toBeGreaterThanOrEqual(0);
    expect(cmp(deducted, total)).toBeLessThanOrEqual(0);
    if (!billsSomething(due)) return; // NOTHING_TO_BILL: never issued
    if (exceedsContract(contractTotal, billed(), due)) return; // the contract cap
    invoices.push({ id: invoices.length, kind, scheduleItemId, total, prepaymentDeducted: deducted, amountDue: due, credited: '0.00', paid: '0.00', status: 'ISSUED' });
  };

  for (const step of steps) {
    const live = invoices.filter(LIVE);
    const picked = live.length ? live[('pick' in step ? step.pick : 0) % live.length] : null;
    switch (step.op) {
      case 'item': {
        const item = items[step.index % items.length];
        // at most one live invoice per item (the partial unique index)
        if (live.some((i) => i.scheduleItemId === item.id)) break;
        issue(step.kind, item.id, item.amount);
        break;
      }
      case 'advance':
        issue('PREPAYMENT', null, part(contractTotal, step.share));
        break;
      case 'finalWhole':
        issue('FINAL', null, contractTotal);
        break;
      case 'pay': {
        if (!picked || picked.status === 'PAID') break; // INVOICE_ALREADY_PAID
        if (picked.status === 'CREDITED') break; // INVOICE_NOT_PAYABLE
        const balance = sub(picked.amountDue, picked.paid);
        const amount = part(balance, step.share);
        if (cmp(amount, balance) > 0) break; // INVOICE_OVERPAYMENT
        picked.paid = add(picked.paid, amount);
        picked.status = paymentStatus(picked.amountDue, picked.paid);
        break;
      }
      case 'refund': {
        if (!picked || cmp(picked.paid, 0) <= 0) break;
        picked.paid = sub(picked.paid, part(picked.paid, step.share));
        picked.status = paymentStatus(picked.amountDue, picked.paid);
        break;
      }
      case 'cancel':
        // INVOICE_HAS_PAYMENTS with money on it; a CREDITED invoice is closed (ILLEGAL_TRANSITION)
        if (picked && cmp(picked.paid, 0) === 0 && picked.status !== 'CREDITED') picked.status = 'CANCELLED';
        break;
      case 'credit': {
        if (!picked || picked.status === 'CREDITED') break; // INVOICE_NOT_CREDITABLE
        const balance = sub(picked.amountDue, picked.paid);
        if (cmp(balance, 0) <= 0) break; // CREDIT_EXCEEDS_BALANCE: refund first
        const amount = part(balance, step.share);
        picked.credited = add(picked.credited, amount);
        picked.amountDue = invoiceDue(picked.total, picked.prepaymentDeducted, picked.credited);
        picked.status = statusAfterCredit(picked.amountDue, picked.paid) as ModelInvoice['status'];
        break;
      }
    }

    // the invariants, after every step
    const nowLive = invoices.filter(LIVE);
    expect(cmp(billed(), contractTotal)).toBeLessThanOrEqual(0);
    for (const inv of nowLive) {
      expect(inv.amountDue).toBe(invoiceDue(inv.total, inv.prepaymentDeducted, inv.credited));
      expect(inv.status === 'CREDITED').toBe(cmp(inv.amountDue, 0) === 0);
      if (inv.status === 'CREDITED') expect(inv.paid).toBe('0.00');
      else expect(cmp(inv.amountDue, 0)).toBeGreaterThan(0);
      expect(inv.status === 'PAID').toBe(cmp(inv.amountDue, 0) > 0 && cmp(inv.paid, inv.amountDue) >= 0);
      expect(cmp(inv.paid, inv.amountDue)).toBeLessThanOrEqual(0);
    }
    const outstanding = sub(sum(nowLive.map((i) => i.amountDue)), sum(nowLive.map((i) => i.paid)));
    expect(cmp(outstanding, 0)).toBeGreaterThanOrEqual(0);
    for (const item of items) {
      const inv = nowLive.find((i) => i.scheduleItemId === item.id) ?? null;
      const pos = scheduleItemPosition(item.amount, inv ? { amountDue: inv.amountDue, paidAmount: inv.paid } : null);
      expect(add(pos.paid, pos.due)).toBe(inv ? inv.amountDue : item.amount);
    }
  }
  return { items, invoices };
}

describe('payment schedules over random contract histories', () => {
  it('keeps every invariant after every step (3 000 histories)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000_00, max: 100_000_000_00 }), // a schedule splits amounts of at least 1 000
        percentsArb,
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        (amountCents, percents, steps) => {
          runHistory(cents(amountCents), percents, steps);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a FINAL invoice for a schedule item never deducts what another item billed itself (2 000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ item: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }), paid: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 6 }),
        fc.constantFrom('a', 'b', 'c', null),
        (rows, forItem) => {
          const seen = rows.map((r) => ({ scheduleItemId: r.item, paidAmount: cents(r.paid) }));
          const deductible = deductiblePrepayments(seen, forItem);
          const expected = sum(seen.filter((p) => forItem === null || p.scheduleItemId === null || p.scheduleItemId === forItem).map((p) => p.paidAmount));
          expect(deductible).toBe(expected);
          if (forItem !== null) {
            const othersOnly = seen.filter((p) => p.scheduleItemId !== null && p.scheduleItemId !== forItem);
            expect(deductiblePrepayments(othersOnly, forItem)).toBe('0.00');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('PAID ⇔ due > 0 and paid ≥ due (2 000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -1000, max: 1_000_000 }), (dueC, paidC) => {
        const status = paymentStatus(cents(dueC), cents(paidC));
        expect(status === 'PAID').toBe(dueC > 0 && paidC >= dueC);
      }),
      { numRuns: 2000 },
    );
  });

  it('the 50/50 schedule of 488 000: the second half FINAL bills 244 000 after a paid prepayment', () => {
    const { invoices } = runHistory('488000.00', ['50.00', '50.00'], [
      { op: 'item', index: 0, kind: 'PREPAYMENT' },
      { op: 'pay', pick: 0, share: 100 },
      { op: 'item', index: 1, kind: 'FINAL' },
    ]);
    expect(invoices.map((i) => [i.kind, i.total, i.prepaymentDeducted, i.amountDue, i.status])).toEqual([
      ['PREPAYMENT', '244000.00', '0.00', '244000.00', 'PAID'],
      ['FINAL', '244000.00', '0.00', '244000.00', 'ISSUED'],
    ]);
  });

  it('a FINAL invoice for the whole contract deducts every prepayment received, once', () => {
    expect(finalDeduction([{ scheduleItemId: 'a', paidAmount: '244000.00' }], null, '0.00', '488000.00')).toBe('244000.00');
    expect(finalDeduction([{ scheduleItemId: 'a', paidAmount: '244000.00' }], null, '244000.00', '488000.00')).toBe('0.00');
    expect(prepaymentToDeduct('-5.00', '10.00')).toBe('0.00');
    expect(invoiceDue('100.00', '40.00', '10.00')).toBe('50.00');
  });
});

describe('money and percents on the wire', () => {
  it('prints money with the minor units of its currency and percents with two decimals', () => {
    expect(formatMoney('450000')).toBe('450000.00');
    expect(formatMoney('450000', 'EUR')).toBe('450000.00');
    expect(formatMoney('0.005', 'RUB')).toBe('0.01');
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatPercent('50.0000')).toBe('50.00');
    expect(formatPercent('62.5')).toBe('62.50');
    expect(formatPercent('22')).toBe('22.00');
    expect(formatPercent('33.3333')).toBe('33.3333');
  });
});

describe('the invoices of a schedule add up to the contract, whatever the price basis', () => {
  const cents = fc.bigInt({ min: 100n, max: 10n ** 11n }).map((c) => new Decimal(c.toString()).dividedBy(100).toFixed(2));
  const shares = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 });
  const rate = fc.constantFrom<string | null>('20', '22', '5', '7', null);

  it('VAT included: Σ invoice totals = the amount; on top: Σ nets = the amount and Σ totals = the contract total (3 000 runs)', () => {
    fc.assert(
      fc.property(cents, shares, rate, (amount, weights, r) => {
        // percents with up to 4 decimals summing to exactly 100 (the last takes the rest)
        const sum = weights.reduce((s, w) => s + w, 0);
        let given = new Decimal(0);
        const percents = weights.map((w, i) => {
          const p = i === weights.length - 1 ? new Decimal(100).minus(given) : new Decimal(w).times(100).dividedBy(sum).toDecimalPlaces(4, Decimal.ROUND_DOWN);
          given = given.plus(p);
          return p.toFixed(4);
        });
        if (percents.some((p) => new Decimal(p).lte(0))) return;
        let items;
        try {
          items = splitPaymentSchedule(amount, percents.map((percent, i) => ({ label: `#${i}`, trigger: PaymentTrigger.MILESTONE, percent })));
        } catch {
          return; // a few cents split in many parts: refused on input
        }
        const invoice = (item: { amount: string }, basis: 'VAT_INCLUDED' | 'VAT_ON_TOP') => lineAmounts({ quantity: '1', unitPrice: item.amount, vatRate: r }, basis);
        const included = items.map((i) => invoice(i, 'VAT_INCLUDED'));
        expect(included.reduce((s, l) => add(s, l.gross), '0.00')).toBe(amount);
        expect(cmp(included.reduce((s, l) => add(s, l.gross), '0.00'), contractTotal({ amount, priceBasis: 'VAT_INCLUDED' }, items, r))).toBe(0);
        const onTop = items.map((i) => invoice(i, 'VAT_ON_TOP'));
        expect(onTop.reduce((s, l) => add(s, l.net), '0.00')).toBe(amount);
        const total = onTop.reduce((s, l) => add(s, l.gross), '0.00');
        expect(total).toBe(contractTotal({ amount, priceBasis: 'VAT_ON_TOP' }, items, r));
        // the cap admits every item invoice of the schedule, one after another
        let billed = '0.00';
        for (const l of onTop) {
          expect(exceedsContract(total, billed, l.gross)).toBe(false);
          billed = add(billed, l.gross);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('credit notes over random lines', () => {
  const lineArb = fc.record({
    net: fc.integer({ min: 1, max: 10_000_000 }),
    rate: fc.constantFrom<string | null>(null, '0', '9', '20', '22'),
  });

  it('every split adds up to the amount within what is left of each line, and crediting it all gives back each line exactly (2 000 runs)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (raw, shares) => {
        const lines: CreditableLine[] = raw.map((l, i) => {
          const a = lineAmounts({ quantity: '1', unitPrice: cents(l.net), vatRate: l.rate });
          return { id: `l${i}`, description: `line ${i}`, vatRate: l.rate, ...a, creditedNet: '0.00', creditedVat: '0.00', creditedGross: '0.00' };
        });
        const left = () => sum(lines.map(remainingGross));
        // the last step takes the rest
        for (const [n, share] of [...shares, 100].entries()) {
          if (cmp(left(), 0) === 0) break;
          const amount = n === shares.length ? left() : part(left(), share);
          const parts = splitCredit(lines.filter((l) => cmp(remainingGross(l), 0) > 0), amount);
          expect(creditTotals(parts).total).toBe(amount);
          for (const p of parts) {
            const line = lines.find((l) => l.id === p.invoiceLineId)!;
            expect(cmp(p.gross, 0)).toBeGreaterThan(0);
            expect(cmp(p.gross, remainingGross(line))).toBeLessThanOrEqual(0);
            expect(add(p.net, p.vat)).toBe(p.gross);
            if (line.vatRate === null) expect(p.vat).toBe('0.00');
            line.creditedNet = add(line.creditedNet, p.net);
            line.creditedVat = add(line.creditedVat, p.vat);
            line.creditedGross = add(line.creditedGross, p.gross);
          }
        }
        for (const l of lines) {
          expect([l.creditedNet, l.creditedVat, l.creditedGross]).toEqual([l.net, l.vat, l.gross]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a whole line is taken back with its own net and VAT', () => {
    const a = lineAmounts({ quantity: '3', unitPrice: '333.33', vatRate: '22' });
    const line: CreditableLine = { id: 'x', description: 'x', vatRate: '22', ...a, creditedNet: '0.00', creditedVat: '0.00', creditedGross: '0.00' };
    expect(partOf(line, line.gross)).toMatchObject({ net: a.net, vat: a.vat, gross: a.gross });
  });
});
