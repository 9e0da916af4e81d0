import { Field, ObjectType } from 'type-graphql';
import { InvoiceStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { DecimalScalar } from '../common/scalars';
import { CreditNoteType } from './credit-note.type';

@ObjectType('InvoiceNotCreditableError', {
  implements: ErrorResult,
  description: 'Credit notes reduce ISSUED, PARTIALLY_PAID or PAID invoices only (not drafts, cancelled or already fully credited ones). Nothing was written.',
})
export class InvoiceNotCreditableError extends ErrorResult {
  @Field(() => InvoiceStatus, { description: 'The invoice status.' })
  status: InvoiceStatus;

  constructor(status: InvoiceStatus) {
    super('INVOICE_NOT_CREDITABLE', `A credit note reduces an issued invoice; this one is ${status}`);
    this.status = status;
  }
}

@ObjectType('CreditExceedsBalanceError', {
  implements: ErrorResult,
  description:
    'A credit note takes back at most what is still unpaid on the invoice (amount due − paid); money already received is refunded first (refundPayment, with creditRemainder to do both). Nothing was written.',
})
export class CreditExceedsBalanceError extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What can still be credited: the unpaid balance.' })
  creditable: string;

  @Field(() => DecimalScalar, { description: 'The amount that was asked for.' })
  attempted: string;

  constructor(creditable: string, attempted: string) {
    super('CREDIT_EXCEEDS_BALANCE', `At most ${creditable} of this invoice can be credited (asked: ${attempted})`);
    this.creditable = creditable;
    this.attempted = attempted;
  }
}

export const IssueCreditNoteResult = resultUnion('IssueCreditNoteResult', 'The issued credit note, or why it was refused.', CreditNoteType, [
  InvoiceNotCreditableError,
  CreditExceedsBalanceError,
]);
