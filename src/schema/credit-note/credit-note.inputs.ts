import { ArrayMaxSize, ArrayMinSize, IsISO8601, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';

@InputType({
  description: 'A credit note against an issued invoice: give either an amount (split over the invoice lines) or whole lines.',
})
export class IssueCreditNoteInput {
  @Field(() => ID, { description: 'The invoice to reduce (ISSUED, PARTIALLY_PAID or PAID).' })
  @IsUUID('all', { message: 'invoiceId must be a valid id' })
  invoiceId: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Amount to take back, VAT included; split over the invoice lines in proportion to what is left of each. At most the unpaid balance.',
  })
  @IsOptional()
  @IsMoney()
  @Matches(/[1-9]/, { message: 'amount must be greater than zero' })
  amount?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Invoice lines to take back whole (none of them reduced before).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'invoiceLineIds must be valid ids' })
  invoiceLineIds?: string[] | null;

  @Field({ description: 'Why, printed on the credit note (e.g. the client withdrew).' })
  @Length(1, 1000)
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'Issue date; today (agency time zone) by default. Not before the invoice\'s issue date, not in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'issueDate must be a date YYYY-MM-DD' })
  issueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key and input returns the same credit note.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'Which credit notes to list.' })
export class CreditNoteFilter {
  @Field(() => ID, { nullable: true, description: 'Only of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only against this invoice.' })
  @IsOptional()
  @IsUUID('all', { message: 'invoiceId must be a valid id' })
  invoiceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only under this contract.' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;
}

