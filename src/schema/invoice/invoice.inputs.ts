import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode, InvoiceKind, InvoiceStatus, PaymentMethod, RejectionReason } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { DocumentLineFields } from '../common/document-line.input';

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

  @Field(() => String, { nullable: true, description: 'Why; required with creditRemainder (printed on the credit note and kept as the deal\'s loss note).' })
  @IsOptional()
  @MaxLength(1000)
  reason?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The client withdraws: after the refund, a credit note takes back what is still unpaid on the invoice (nothing stays outstanding or overdue) and the contract\'s deal is closed LOST with lossReason and the reason. False by default.',
  })
  @IsOptional()
  @IsBoolean()
  creditRemainder?: boolean | null;

  @Field(() => RejectionReason, { nullable: true, description: 'With creditRemainder: why the deal is lost (OTHER by default).' })
  @IsOptional()
  @IsEnum(RejectionReason)
  lossReason?: RejectionReason | null;

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
