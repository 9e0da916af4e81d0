import Decimal from 'decimal.js';
import fc from 'fast-check';
import { ContractStatus, PaymentTrigger } from '../../src/entities/enums';
import { BadUserInputError } from '../../src/errors';
import { CONTRACT_TRANSITIONS, splitPaymentSchedule, ScheduleItemInput } from '../../src/services/contract.rules';
import { canTransition, checkTransition } from '../../src/services/transitions';

const { ON_SIGNING, AFTER_DELIVERY, ON_DATE, MILESTONE } = PaymentTrigger;

function item(percent: string, trigger: PaymentTrigger = MILESTONE, extra: Partial<ScheduleItemInput> = {}): ScheduleItemInput {
  return { label: `Платёж ${percent}%`, trigger, percent, ...extra };
}

function refusal(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadUserInputError);
    return (err as BadUserInputError).extensions.fields as { path: string; message: string }[];
  }
  throw new Error('expected a BAD_USER_INPUT refusal');
}

function sum(amounts: string[]): string {
  return amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
}

describe('payment schedule split', () => {
  it('splits 50/50 of 100000.01 exactly: the first half rounds half-up, the last takes the remainder', () => {
    const items = splitPaymentSchedule('100000.01', [item('50', ON_SIGNING, { isPrepayment: true }), item('50', AFTER_DELIVERY)]);
    expect(items.map((i) => i.amount)).toEqual(['50000.01', '50000.00']);
    expect(sum(items.map((i) => i.amount))).toBe('100000.01');
    expect(items.map((i) => [i.position, i.percent, i.isPrepayment])).toEqual([
      [1, '50.0000', true],
      [2, '50.0000', false],
    ]);
  });

  it('splits 33.3333 / 33.3333 / 33.3334 exactly (shares of 100000 need no rounding)', () => {
    const items = splitPaymentSchedule('100000.00', [item('33.3333'), item('33.3333'), item('33.3334')]);
    expect(items.map((i) => i.amount)).toEqual(['33333.30', '33333.30', '33333.40']);
    expect(sum(items.map((i) => i.amount))).toBe('100000.00');
  });

  it('splits 33.3333 / 33.3333 / 33.3334 of amounts that need rounding, the remainder on the last item', () => {
    const thirds = [item('33.3333'), item('33.3333'), item('33.3334')];
    expect(splitPaymentSchedule('1000.00', thirds).map((i) => i.amount)).toEqual(['333.33', '333.33', '333.34']);
    // 33.336663… rounds up twice, so the last item is a cent below its exact share
    expect(splitPaymentSchedule('100.01', thirds).map((i) => i.amount)).toEqual(['33.34', '33.34', '33.33']);
  });

  it('keeps a 100% prepayment whole', () => {
    const items = splitPaymentSchedule('350000.50', [item('100', ON_SIGNING, { isPrepayment: true })]);
    expect(items).toEqual([
      {
        position: 1,
        label: 'Платёж 100%',
        trigger: ON_SIGNING,
        percent: '100.0000',
        amount: '350000.50',
        dueOn: null,
        isPrepayment: true,
      },
    ]);
  });

  it('treats an empty schedule as no schedule', () => {
    expect(splitPaymentSchedule('100.00', [])).toEqual([]);
  });

  it('refuses percents that do not sum to exactly 100, naming the schedule', () => {
    expect(refusal(() => splitPaymentSchedule('100.00', [item('50'), item('40')]))).toEqual([
      { path: 'input.paymentSchedule', message: expect.stringContaining('sum to exactly 100, not 90') },
    ]);
    expect(refusal(() => splitPaymentSchedule('100.00', [item('33.3333'), item('33.3333'), item('33.3333')]))[0].path).toBe(
      'input.paymentSchedule',
    );
    expect(refusal(() => splitPaymentSchedule('100.00', [item('60'), item('40.0001')]))[0].path).toBe('input.paymentSchedule');
  });

  it('refuses an ON_DATE item without a due date and a bad percent, naming each item', () => {
    const fields = refusal(() => splitPaymentSchedule('100.00', [item('50', ON_DATE), item('0'), item('101')]));
    expect(fields.map((f) => f.path)).toEqual([
      'input.paymentSchedule.0.dueOn',
      'input.paymentSchedule.1.percent',
      'input.paymentSchedule.2.percent',
    ]);
    expect(splitPaymentSchedule('100.00', [item('100', ON_DATE, { dueOn: '2026-05-01' })])[0].dueOn).toBe('2026-05-01');
  });

  it('refuses a split that leaves the last item negative (amounts of a few cents)', () => {
    expect(refusal(() => splitPaymentSchedule('0.02', [item('25'), item('25'), item('25'), item('25')]))[0].path).toBe(
      'input.paymentSchedule',
    );
  });

  it('always sums exactly to the amount, every item within a cent of its share (property)', () => {
    const cents = fc.bigInt({ min: 10_000_000n, max: 10n ** 15n });
    // 1–8 shares in ten-thousandths of a percent, scaled to sum to exactly 100.0000
    const shares = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }).map((ws) => {
      const total = ws.reduce((a, b) => a + b, 0);
      const raw = ws.map((w) => Math.max(1, Math.floor((w * 1_000_000) / total)));
      const rest = 1_000_000 - raw.slice(0, -1).reduce((a, b) => a + b, 0);
      return rest >= 1 ? [...raw.slice(0, -1), rest] : null;
    });
    fc.assert(
      fc.property(cents, shares, (c, parts) => {
        fc.pre(parts !== null);
        const amount = new Decimal(c.toString()).dividedBy(100).toFixed(2);
        const percents = parts!.map((p) => new Decimal(p).dividedBy(10_000).toFixed(4));
        const items = splitPaymentSchedule(amount, percents.map((p) => item(p)));
        expect(sum(items.map((i) => i.amount))).toBe(amount);
        items.forEach((it, i) => {
          const exact = new Decimal(amount).times(percents[i]).dividedBy(100);
          const tolerance = i === items.length - 1 ? 0.01 * items.length : 0.005;
          expect(exact.minus(it.amount).abs().lte(tolerance)).toBe(true);
        });
      }),
    );
  });
});

describe('contract transitions (data)', () => {
  const { DRAFT, ON_APPROVAL, SIGNED, COMPLETED, TERMINATED } = ContractStatus;
  const ALL = [DRAFT, ON_APPROVAL, SIGNED, COMPLETED, TERMINATED];
  const allowed = new Set([
    `${DRAFT}>${ON_APPROVAL}`,
    `${DRAFT}>${SIGNED}`,
    `${DRAFT}>${TERMINATED}`,
    `${ON_APPROVAL}>${DRAFT}`,
    `${ON_APPROVAL}>${SIGNED}`,
    `${ON_APPROVAL}>${TERMINATED}`,
    `${SIGNED}>${COMPLETED}`,
    `${SIGNED}>${TERMINATED}`,
  ]);
  for (const from of ALL) {
    for (const to of ALL) {
      const ok = allowed.has(`${from}>${to}`);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(CONTRACT_TRANSITIONS, from, to)).toBe(ok);
        if (!ok) {
          expect(checkTransition('Contract', CONTRACT_TRANSITIONS, from, to)).toMatchObject({ code: 'ILLEGAL_TRANSITION', from, to });
        }
      });
    }
  }
});
