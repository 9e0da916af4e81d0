import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { CurrencyCode, InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod } from '../../entities/enums';
import { Connection, PageArgs } from '../common/connection';
import { ErrorResult } from '../common/error-result';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { DocumentLineFields } from '../common/document-line.input';
import { PortalHidden, PortalVisible } from '../common/visibility';

@ObjectType('InvoiceLine', { description: 'A line of an invoice. VAT is computed per line (see Invoice).' })
export class InvoiceLineType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Position, from 1.' })
  position: number;

  @PortalVisible()
  @Field({ description: 'What is billed.' })
  description: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Quantity (up to 3 decimals).' })
  quantity: string;

  @PortalVisible()
  @Field({ description: 'Unit, e.g. усл., шт., ч.' })
  unit: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Price per unit, without VAT.' })
  unitPrice: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'VAT rate in percent; null = without VAT.' })
  vatRate: string | null;

  @PortalVisible()
  @Field({ description: 'True when the rate was taken from the dated VAT table (fixed at issue, by the supply date).' })
  vatRateAuto: boolean;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'round(quantity × unitPrice, 2).' })
  net: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'round(net × rate / 100, 2).' })
  vat: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'net + vat.' })
  gross: string;
}

@ObjectType('Payment', { description: 'Money received (PAYMENT) or returned (REFUND) against an invoice; amounts are positive.' })
export class PaymentType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The invoice.' })
  invoiceId: string;

  @PortalVisible()
  @Field(() => PaymentKind, { description: 'PAYMENT or REFUND.' })
  kind: PaymentKind;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Amount (positive).' })
  amount: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Date the money moved.' })
  paidAt: string;

  @PortalVisible()
  @Field(() => PaymentMethod, { description: 'How.' })
  method: PaymentMethod;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Bank reference / payment order number.' })
  reference: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'For a refund: the payment returned.' })
  refundOfId: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Note, e.g. why a refund.' })
  note: string | null;

  @PortalVisible()
  @Field({ description: 'When recorded.' })
  createdAt: Date;
}

@ObjectType('Invoice', {
  description:
    'Request for payment (счёт). Numbered only when issued, then immutable; corrections are a cancellation plus a new invoice.',
})
export class InvoiceType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The contract, if any.' })
  contractId: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The payment-schedule item it bills, if any.' })
  scheduleItemId: string | null;

  @PortalVisible()
  @Field(() => InvoiceKind, { description: 'STANDARD, PREPAYMENT or FINAL.' })
  kind: InvoiceKind;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Legal number, assigned when issued (never to drafts).' })
  number: string | null;

  @PortalVisible()
  @Field(() => InvoiceStatus, { description: 'Status.' })
  status: InvoiceStatus;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Issue date (set when issued).' })
  issueDate: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Supply date; chooses the VAT rate (the issue date when empty).' })
  supplyDate: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Payment due / expiry date.' })
  dueDate: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ line net amounts.' })
  subtotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ line VAT amounts (VAT is computed once, per line).' })
  vatTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'subtotal + vatTotal.' })
  total: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'FINAL invoices: prepayments received on the contract, deducted.' })
  prepaymentDeducted: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'What the client owes on this invoice: total − prepaymentDeducted.' })
  amountDue: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ payments − Σ refunds.' })
  paidAmount: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'amountDue − paidAmount (0 for a cancelled invoice).' })
  balanceDue: string;

  @PortalVisible()
  @Field({ description: "True when unpaid after the due date's day is over in the agency time zone." })
  overdue: boolean;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Notes printed on the invoice.' })
  notes: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When issued.' })
  issuedAt: Date | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When cancelled.' })
  cancelledAt: Date | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Why cancelled.' })
  cancelReason: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The cancelled invoice this one replaces.' })
  replacesInvoiceId: string | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;
}

@ObjectType('InvoiceConnection', { description: 'A page of invoices.' })
export class InvoiceConnection extends Connection(InvoiceType, 'Invoice') {}

@ObjectType('ClientBalance', { description: "A client's money position in one currency, over issued invoices." })
export class ClientBalanceType {
  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ amount due of issued (not cancelled) invoices.' })
  invoiced: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ payments − Σ refunds.' })
  paid: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'invoiced − paid: what the client owes (negative: the agency owes).' })
  outstanding: string;
}

@ObjectType('InvoiceOverpaymentError', {
  implements: ErrorResult,
  description: 'The payment is larger than the balance due. Nothing was recorded.',
})
export class InvoiceOverpaymentErrorType extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What is still due.' })
  balanceDue: string;

  @Field(() => DecimalScalar, { description: 'The amount that was offered.' })
  attempted: string;
}

@ObjectType('InvoiceNotPayableError', {
  implements: ErrorResult,
  description: 'Payments are recorded only against ISSUED or PARTIALLY_PAID invoices. Nothing was recorded.',
})
export class InvoiceNotPayableErrorType extends ErrorResult {
  @Field(() => InvoiceStatus, { description: 'The invoice status.' })
  status: InvoiceStatus;
}

@ObjectType('RefundExceedsPaymentError', {
  implements: ErrorResult,
  description: 'The refund is larger than what is left of the payment. Nothing was recorded.',
})
export class RefundExceedsPaymentErrorType extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'What can still be refunded of this payment.' })
  refundable: string;
}

@ObjectType('InvoiceHasPaymentsError', {
  implements: ErrorResult,
  description: 'An invoice with money on it cannot be cancelled; refund first. Nothing was changed.',
})
export class InvoiceHasPaymentsErrorType extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'Net amount paid.' })
  paidAmount: string;
}

@ObjectType('InvoiceInActError', {
  implements: ErrorResult,
  description: 'The invoice is closed by an issued or signed act; correct the act first. Nothing was changed.',
})
export class InvoiceInActErrorType extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'Number of the act.' })
  actNumber: string | null;
}

@ObjectType('EmptyInvoiceError', { implements: ErrorResult, description: 'An invoice must total more than zero to be issued.' })
export class EmptyInvoiceErrorType extends ErrorResult {}

@InputType({ description: 'A line of a new invoice.' })
export class InvoiceLineInput extends DocumentLineFields {}

@InputType({ description: 'A new draft invoice (no number until issued).' })
export class CreateInvoiceInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The contract (required for PREPAYMENT and FINAL invoices).' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;

  @Field(() => ID, { nullable: true, description: "Bills this item of the contract's payment schedule (lines default from it). An item is invoiced once unless that invoice was cancelled: a second is CONFLICT SCHEDULE_ITEM_INVOICED." })
  @IsOptional()
  @IsUUID('all', { message: 'scheduleItemId must be a valid id' })
  scheduleItemId?: string | null;

  @Field(() => InvoiceKind, { nullable: true, description: 'Kind; from the schedule item, else STANDARD.' })
  @IsOptional()
  @IsEnum(InvoiceKind)
  kind?: InvoiceKind | null;

  @Field(() => CurrencyCode, { description: 'Currency.' })
  @IsEnum(CurrencyCode)
  currency: CurrencyCode;

  @Field(() => DateScalar, { description: 'Payment due / expiry date.' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'Supply date (chooses the VAT rate); the issue date when empty.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'supplyDate must be a date YYYY-MM-DD' })
  supplyDate?: string | null;

  @Field(() => [InvoiceLineInput], { nullable: true, description: 'Lines (1–200); may be omitted when billing a schedule item.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  lines?: InvoiceLineInput[] | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => ID, { nullable: true, description: 'The cancelled invoice this one corrects.' })
  @IsOptional()
  @IsUUID('all', { message: 'replacesInvoiceId must be a valid id' })
  replacesInvoiceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Makes the call safe to retry: the same key with the same input returns the first result.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'Issues a draft invoice: assigns the number, fixes VAT and totals.' })
export class IssueInvoiceInput {
  @Field(() => ID, { description: 'The invoice.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DateScalar, { nullable: true, description: 'Issue date; today in the agency time zone by default.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'issueDate must be a date YYYY-MM-DD' })
  issueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'Cancels an invoice on which nothing is paid.' })
export class CancelInvoiceInput {
  @Field(() => ID, { description: 'The invoice.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field({ description: 'Why.' })
  @Length(1, 1000)
  reason: string;
}

@InputType({ description: 'Records money received against an invoice.' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The invoice.' })
  @IsUUID('all', { message: 'invoiceId must be a valid id' })
  invoiceId: string;

  @Field(() => DecimalScalar, { description: 'Amount received, > 0.' })
  @IsMoney()
  @Matches(/[1-9]/, { message: 'amount must be greater than zero' })
  amount: string;

  @Field(() => DateScalar, { description: 'Date the money arrived.' })
  @IsISO8601({ strict: true }, { message: 'paidAt must be a date YYYY-MM-DD' })
  paidAt: string;

  @Field(() => PaymentMethod, { nullable: true, description: 'How; bank transfer by default.' })
  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod | null;

  @Field(() => String, { nullable: true, description: 'Bank reference.' })
  @IsOptional()
  @Length(1, 200)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Makes the call safe to retry: the same key with the same input returns the first result.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'Returns (part of) a payment to the client, e.g. a prepayment when the client withdraws.' })
export class RefundPaymentInput {
  @Field(() => ID, { description: 'The payment to return.' })
  @IsUUID('all', { message: 'paymentId must be a valid id' })
  paymentId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount; what is left of the payment by default.' })
  @IsOptional()
  @IsMoney()
  @Matches(/[1-9]/, { message: 'amount must be greater than zero' })
  amount?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the refund; today by default.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'paidAt must be a date YYYY-MM-DD' })
  paidAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why.' })
  @IsOptional()
  @MaxLength(1000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'Which invoices to list.' })
export class InvoiceFilter {
  @Field(() => ID, { nullable: true, description: 'Only of this client.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only of this contract.' })
  @IsOptional()
  @IsUUID('all')
  contractId?: string | null;

  @Field(() => [InvoiceStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsEnum(InvoiceStatus, { each: true })
  statuses?: InvoiceStatus[] | null;

  @Field(() => [InvoiceKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(InvoiceKind, { each: true })
  kinds?: InvoiceKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue (agency time zone).' })
  @IsOptional()
  overdue?: boolean | null;
}

@ArgsType()
export class InvoicesArgs extends PageArgs {
  @Field(() => InvoiceFilter, { nullable: true, description: 'Which invoices.' })
  @ValidateNested()
  filter?: InvoiceFilter | null;
}
