import Decimal from 'decimal.js';
import type { ContractApproval } from '../entities';
import { ApprovalDecision, ContractStatus, PaymentTrigger } from '../entities/enums';
import { BadUserInputError, FieldError } from '../errors';
import { msg } from '../i18n';
import { isSchedulePercent } from '../schema/contract/contract.inputs';
import { add, cmp, percentOf, round2, sub } from './money/totals';
import type { TransitionMap } from './transitions';

/** The pure rules of contracts: the status flow, the payment schedule, approval rounds. No database. */

const { DRAFT, ON_APPROVAL, SIGNED, COMPLETED, TERMINATED } = ContractStatus;

/**
 * The contract flow as data. DRAFT → SIGNED is signing without client-side approvals;
 * ON_APPROVAL → DRAFT is an approver returning it for corrections (resubmitting starts a new round).
 */
export const CONTRACT_TRANSITIONS: TransitionMap<ContractStatus> = {
  [DRAFT]: [ON_APPROVAL, SIGNED, TERMINATED],
  [ON_APPROVAL]: [DRAFT, SIGNED, TERMINATED],
  [SIGNED]: [COMPLETED, TERMINATED],
  [COMPLETED]: [],
  [TERMINATED]: [],
};

// ---------------------------------------------------------------------------------------------
// the payment schedule

export interface ScheduleItemInput {
  label: string;
  trigger: PaymentTrigger;
  percent: string;
  dueOn?: string | null;
  isPrepayment?: boolean | null;
}

export interface ScheduleItemValues {
  position: number;
  label: string;
  trigger: PaymentTrigger;
  /** exact, at the stored scale of 4 decimals */
  percent: string;
  /** exact, 2 decimals */
  amount: string;
  dueOn: string | null;
  isPrepayment: boolean;
}

/**
 * Splits a contract amount by a schedule. Every item is percentOf(amount, percent) (half-up to
 * cents) except the last, which takes the remainder, so the items always sum exactly to the
 * amount. The percents must sum to exactly 100; an empty schedule is no schedule. Refusals are
 * BAD_USER_INPUT naming the item at fault under `path`.
 */
export function splitPaymentSchedule(amount: string, items: readonly ScheduleItemInput[], path = 'input.paymentSchedule'): ScheduleItemValues[] {
  if (items.length === 0) return [];
  const errors: FieldError[] = [];
  let percentSum = new Decimal(0);
  items.forEach((item, i) => {
    if (!isSchedulePercent(item.percent)) {
      errors.push({ path: `${path}.${i}.percent`, message: msg('validation.schedulePercent') });
    } else {
      percentSum = percentSum.plus(item.percent);
    }
    if (item.trigger === PaymentTrigger.ON_DATE && !item.dueOn) {
      errors.push({ path: `${path}.${i}.dueOn`, message: msg('validation.scheduleDueOnRequired') });
    }
    if (!item.label?.trim()) errors.push({ path: `${path}.${i}.label`, message: msg('validation.notBlank', { field: 'label' }) });
  });
  if (errors.length === 0 && !percentSum.equals(100)) {
    errors.push({ path, message: msg('validation.scheduleSum', { sum: percentSum.toFixed() }) });
  }
  if (errors.length) throw new BadUserInputError(errors);

  let allocated = '0';
  const out = items.map((item, i): ScheduleItemValues => {
    const last = i === items.length - 1;
    const share = last ? sub(amount, allocated) : percentOf(amount, item.percent);
    allocated = add(allocated, share);
    return {
      position: i + 1,
      label: item.label.trim(),
      trigger: item.trigger,
      percent: new Decimal(item.percent).toFixed(4),
      amount: share,
      dueOn: item.dueOn ?? null,
      isPrepayment: item.isPrepayment ?? false,
    };
  });
  // only possible for amounts of a few cents split in many parts: rounding up left nothing for the last
  if (cmp(out[out.length - 1].amount, 0) < 0) {
    throw new BadUserInputError([{ path, message: msg('validation.scheduleAmountTooSmall') }]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// checks of a contract's values (BAD_USER_INPUT)

/** The end of the contract period may not come before its start. */
export function checkPeriod(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new BadUserInputError([{ path: 'input.endsOn', message: msg('validation.notBefore', { field: 'endsOn', other: 'startsOn' }) }]);
  }
}

export function checkAmount(amount: string): void {
  if (cmp(amount, 0) <= 0) throw new BadUserInputError([{ path: 'input.amount', message: msg('validation.greaterThanZero', { field: 'amount' }) }]);
}

// ---------------------------------------------------------------------------------------------
// approval rounds

export interface ApprovalView {
  id: string;
  round: number;
  current: boolean;
  name: string;
  position: string | null;
  decision: ApprovalDecision;
  comment: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
}

export function approvalView(a: ContractApproval, currentRound: number): ApprovalView {
  return {
    id: a.id,
    round: a.round,
    current: a.round === currentRound,
    name: a.approverName,
    position: a.approverPosition,
    decision: a.decision,
    comment: a.comment,
    decidedAt: a.decidedAt,
    decidedById: a.decidedById,
  };
}

/** The current round: the highest of the approvals; 0 before the first submission. */
export function roundOf(approvals: readonly ContractApproval[]): number {
  return approvals.reduce((max, a) => Math.max(max, a.round), 0);
}

/** The approvals of the current round still in the given decisions, as views. */
export function currentRoundIn(approvals: readonly ContractApproval[], decisions: readonly ApprovalDecision[]): { round: number; views: ApprovalView[] } {
  const round = roundOf(approvals);
  return { round, views: approvals.filter((a) => a.round === round && decisions.includes(a.decision)).map((a) => approvalView(a, round)) };
}

/** What a payment-schedule item has been billed and paid, and what is still due on it. */
export interface ScheduleItemPosition {
  invoiced: string;
  paid: string;
  due: string;
}

/**
 * An item's position from its issued invoice (null when none): invoiced = the invoice's amount due,
 * paid = what was received on it (net of refunds), due = what is still to collect: the invoice's
 * balance once invoiced, else the item's own amount.
 */
export function scheduleItemPosition(itemAmount: string, invoice: { amountDue: string; paidAmount: string } | null): ScheduleItemPosition {
  if (!invoice) return { invoiced: '0.00', paid: '0.00', due: round2(itemAmount) };
  const due = sub(invoice.amountDue, invoice.paidAmount);
  return { invoiced: round2(invoice.amountDue), paid: round2(invoice.paidAmount), due: cmp(due, 0) < 0 ? '0.00' : due };
}

/** The date a schedule item falls due: its own date, else the signing date for an ON_SIGNING item; null when undated. */
export function scheduleItemDueOn(item: { dueOn: string | null; trigger: PaymentTrigger }, contract: { signedOn: string | null }): string | null {
  if (item.dueOn) return item.dueOn;
  return item.trigger === PaymentTrigger.ON_SIGNING ? contract.signedOn : null;
}
