import { Field, ObjectType } from 'type-graphql';
import { InvoiceStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { DecimalScalar } from '../common/scalars';
import { InvoiceType } from './invoice.type';
import { IllegalTransitionError } from '../common/error-results';
import { resultUnion } from '../common/result-union';

@ObjectType('InvoiceOverpaymentError', {
  implements: ErrorResult,
  description: 'The payment is larger than the balance due. Nothing was recorded.',
})
export class InvoiceOverpaymentError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What is still due.' })
  balanceDue: string;

  @Field(() => DecimalScalar, { description: 'The amount that was offered.' })
  attempted: string;

  constructor(balanceDue: string, attempted: string) {
    super('INVOICE_OVERPAYMENT', `The payment ${attempted} exceeds the balance due ${balanceDue}`);
    this.balanceDue = balanceDue;
    this.attempted = attempted;
  }
}

@ObjectType('InvoiceNotPayableError', {
  implements: ErrorResult,
  description: 'Payments are recorded only against ISSUED or PARTIALLY_PAID invoices. Nothing was recorded.',
})
export class InvoiceNotPayableError extends ErrorResult {
  @Field(() => InvoiceStatus, { description: 'The invoice status.' })
  status: InvoiceStatus;

  constructor(status: InvoiceStatus) {
    super('INVOICE_NOT_PAYABLE', `Payments and refunds are recorded against issued invoices; this one is ${status}`);
    this.status = status;
  }
}

@ObjectType('RefundExceedsPaymentError', {
  implements: ErrorResult,
  description: 'The refund is larger than what is left of the payment. Nothing was recorded.',
})
export class RefundExceedsPaymentError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What can still be refunded of this payment.' })
  refundable: string;

  constructor(refundable: string) {
    super('REFUND_EXCEEDS_PAYMENT', `At most ${refundable} of this payment can be refunded`);
    this.refundable = refundable;
  }
}

@ObjectType('InvoiceHasPaymentsError', {
  implements: ErrorResult,
  description: 'An invoice with money on it cannot be cancelled; refund first. Nothing was changed.',
})
export class InvoiceHasPaymentsError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'Net amount paid.' })
  paidAmount: string;

  constructor(paidAmount: string) {
    super('INVOICE_HAS_PAYMENTS', 'Money was received on this invoice: refund it before cancelling');
    this.paidAmount = paidAmount;
  }
}

@ObjectType('InvoiceInActError', {
  implements: ErrorResult,
  description: 'The invoice is closed by an issued or signed act; correct the act first. Nothing was changed.',
})
export class InvoiceInActError extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'Number of the act.' })
  actNumber: string | null;

  constructor(actNumber: string | null) {
    super('INVOICE_IN_ACT', actNumber ? `Act ${actNumber} closes this invoice: correct the act first` : 'An act closes this invoice: correct the act first');
    this.actNumber = actNumber;
  }
}

@ObjectType('InvoiceHasCreditNotesError', {
  implements: ErrorResult,
  description: 'Credit notes reduce this invoice: it stays, corrected by them, and is not cancelled. Nothing was changed.',
})
export class InvoiceHasCreditNotesError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What its credit notes take back, VAT included.' })
  creditedAmount: string;

  constructor(creditedAmount: string) {
    super('INVOICE_HAS_CREDIT_NOTES', `Credit notes of ${creditedAmount} reduce this invoice: it cannot be cancelled`);
    this.creditedAmount = creditedAmount;
  }
}

@ObjectType('EmptyInvoiceError', { implements: ErrorResult, description: 'An invoice must total more than zero to be issued.' })
export class EmptyInvoiceError extends ErrorResult {
  constructor() {
    super('EMPTY_INVOICE', 'An invoice must total more than zero to be issued');
  }
}

@ObjectType('NothingToBillError', {
  implements: ErrorResult,
  description:
    'After deducting the prepayments it closes, the invoice would ask for nothing (amount due 0): it is not issued, and no invoice is ever PAID without money. Nothing was changed.',
})
export class NothingToBillError extends ErrorResult {
  constructor() {
    super('NOTHING_TO_BILL', 'The prepayments already cover this invoice: there is nothing to bill');
  }
}

@ObjectType('InvoiceAlreadyPaidError', {
  implements: ErrorResult,
  description: 'The invoice is already paid in full: no further payment is recorded against it. Nothing was recorded.',
})
export class InvoiceAlreadyPaidError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'Net amount already paid.' })
  paidAmount: string;

  constructor(paidAmount: string) {
    super('INVOICE_ALREADY_PAID', `The invoice is already paid in full (${paidAmount})`);
    this.paidAmount = paidAmount;
  }
}

@ObjectType('ContractTotalExceededError', {
  implements: ErrorResult,
  description:
    'With this invoice the live (issued, not cancelled) invoices of its contract would bill more than the contract total, in the contract price basis (VAT included: the contract amount; VAT on top: the amount plus VAT at the invoice rate). Nothing was changed: the draft stays as it was.',
})
export class ContractTotalExceededError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'The contract total the invoices may bill, VAT included.' })
  contractTotal: string;

  @Field(() => DecimalScalar, { description: 'What the other live invoices of the contract already bill (their amounts due).' })
  alreadyBilled: string;

  @Field(() => DecimalScalar, { description: 'What this invoice would bill (its amount due).' })
  attempted: string;

  constructor(contractTotal: string, alreadyBilled: string, attempted: string) {
    super('CONTRACT_TOTAL_EXCEEDED', `The invoice (${attempted}) would bill more than the contract total ${contractTotal}: ${alreadyBilled} is already billed`);
    this.contractTotal = contractTotal;
    this.alreadyBilled = alreadyBilled;
    this.attempted = attempted;
  }
}

export const IssueInvoiceResult = resultUnion('IssueInvoiceResult', 'The issued invoice, or why it cannot be issued.', InvoiceType, [
  IllegalTransitionError,
  EmptyInvoiceError,
  NothingToBillError,
  ContractTotalExceededError,
]);

export const CancelInvoiceResult = resultUnion('CancelInvoiceResult', 'The cancelled invoice, or why it cannot be cancelled.', InvoiceType, [
  IllegalTransitionError,
  InvoiceHasPaymentsError,
  InvoiceInActError,
  InvoiceHasCreditNotesError,
]);

export const RecordPaymentResult = resultUnion(
  'RecordPaymentResult',
  'The invoice with the payment applied, or why it was refused (INVOICE_OVERPAYMENT, INVOICE_NOT_PAYABLE, INVOICE_ALREADY_PAID).',
  InvoiceType,
  [InvoiceOverpaymentError, InvoiceNotPayableError, InvoiceAlreadyPaidError, IllegalTransitionError],
);

export const RefundPaymentResult = resultUnion(
  'RefundPaymentResult',
  'The invoice with the refund applied (its balance reopened), or why it was refused.',
  InvoiceType,
  [RefundExceedsPaymentError, InvoiceNotPayableError],
);
