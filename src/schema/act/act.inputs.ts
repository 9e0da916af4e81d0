import { NotBlank } from '../validators/not-blank';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ActStatus, CurrencyCode } from '../../entities/enums';
import { DateScalar } from '../common/scalars';
import { DocumentLineFields } from '../common/document-line.input';

export const MAX_ACT_LINES = 200;
export const MAX_ACT_INVOICES = 50;

@InputType({ description: 'A line of an act: one service (work) with its quantity, price and VAT rate.' })
export class ActLineInput extends DocumentLineFields {}

@InputType({
  description:
    'A new act of completed work (created as a DRAFT, without a number): with its lines, with the invoices it closes, or with a contract and a period alone (the work invoiced under the contract in the period).',
})
export class CreateActInput {
  @Field(() => ID, { nullable: true, description: "The client the work was done for. Required unless contractId is given (then the contract's client)." })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The contract the act is made under (a contract of the same client). Given without lines and invoiceIds, the act lists the STANDARD and FINAL invoices of the contract whose supply date (else issue date) falls in the period and that no other act closes; never PREPAYMENT invoices.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Invoices this act closes (issued STANDARD or FINAL invoices of the same client and currency, up to ${MAX_ACT_INVOICES}; a PREPAYMENT invoice is refused: a prepayment is not work done). When no lines are given, their lines are copied, keeping the rate and VAT each invoice charged.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_ACT_INVOICES)
  @IsUUID('all', { each: true, message: 'invoiceIds must be valid ids' })
  invoiceIds?: string[] | null;

  @Field(() => DateScalar, { description: 'First day of the period the work was done in.' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day of the period (not before periodStart).' })
  periodEnd: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of the act: the shipment date of the services, whose VAT rate prices the act (not before periodStart). Omitted: the act is priced for its period end and dated when issued.',
  })
  @IsOptional()
  actDate?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: "Currency of every amount of the act. Required unless contractId is given (then the contract's currency)." })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => [ActLineInput], {
    nullable: true,
    description: `The lines, in order (1–${MAX_ACT_LINES}). Required unless invoiceIds or a contractId are given to take the lines from.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'an act needs at least one line' })
  @ArrayMaxSize(MAX_ACT_LINES)
  @ValidateNested({ each: true })
  lines?: ActLineInput[] | null;

  @Field(() => String, { nullable: true, description: 'RU: number of the VAT invoice (счёт-фактура) issued with the act.' })
  @IsOptional()
  @Length(1, 60, { message: 'vatInvoiceNumber must be 1–60 characters long' })
  @NotBlank()
  vatInvoiceNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'RU: date of the VAT invoice; the act date when a number is given without it.' })
  @IsOptional()
  vatInvoiceDate?: string | null;
}

@InputType({ description: 'Changes to a DRAFT act; omitted fields stay, null clears an optional one, `lines` replaces all lines.' })
export class UpdateActInput {
  @Field(() => ID, { description: 'The act to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'Move the draft to another client of the agency.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The contract (of the same client); null unlinks it.' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Invoices this act closes (replaces the list; null or [] clears it). Lines are not re-copied.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ACT_INVOICES)
  @IsUUID('all', { each: true, message: 'invoiceIds must be valid ids' })
  invoiceIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period.' })
  @IsOptional()
  periodStart?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period.' })
  @IsOptional()
  periodEnd?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the act (the shipment date of the services): the draft is re-priced for its VAT rate, so the amounts are seen before issuing; null: priced for the period end.',
  })
  @IsOptional()
  actDate?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of every amount of the act.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => [ActLineInput], { nullable: true, description: `All lines, in order (1–${MAX_ACT_LINES}); replaces the current ones.` })
  @IsOptional()
  @ArrayMinSize(1, { message: 'an act needs at least one line' })
  @ArrayMaxSize(MAX_ACT_LINES)
  @ValidateNested({ each: true })
  lines?: ActLineInput[] | null;

  @Field(() => String, { nullable: true, description: 'RU: number of the VAT invoice (счёт-фактура); null clears it.' })
  @IsOptional()
  @Length(1, 60, { message: 'vatInvoiceNumber must be 1–60 characters long' })
  @NotBlank()
  vatInvoiceNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'RU: date of the VAT invoice; null clears it.' })
  @IsOptional()
  vatInvoiceDate?: string | null;
}

@InputType({ description: 'Issues a DRAFT act: numbers it and sends it to the client for signature.' })
export class IssueActInput {
  @Field(() => ID, { description: 'The act.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of the act (not before the period start). Default: the date chosen on the draft (or kept from a correction), else today in the agency time zone. The act is issued exactly as the draft shows it: a date whose VAT rate would change the amounts is refused (set it on the draft with updateAct first).',
  })
  @IsOptional()
  actDate?: string | null;
}

@InputType({ description: 'Records the client signature of an ISSUED act (by the portal user of the client, or by staff for a paper signature).' })
export class SignActInput {
  @Field(() => ID, { description: 'The act.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the signature (not before the act date, not in the future); today in the agency time zone when omitted.',
  })
  @IsOptional()
  signedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who signed for the client (1–200 characters); for a portal user, that user's name when omitted.",
  })
  @IsOptional()
  @Length(1, 200, { message: 'signedBy must be 1–200 characters long' })
  @NotBlank()
  signedBy?: string | null;
}

@InputType({ description: 'The client objects to an ISSUED act: after delivery it is not fully satisfied with the work.' })
export class DisputeActInput {
  @Field(() => ID, { description: 'The act.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { description: "The client's objection: what is wrong and why (required, 1–5000 characters)." })
  @Length(1, 5000, { message: 'reason must be 1–5000 characters long' })
  @NotBlank()
  reason: string;
}

@InputType({ description: 'Takes a DISPUTED act back to DRAFT to correct it; it keeps its number when reissued.' })
export class ReviseActInput {
  @Field(() => ID, { description: 'The act.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;
}

@InputType({ description: 'Which acts to list.' })
export class ActFilter {
  @Field(() => ID, { nullable: true, description: 'Only acts of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only acts under this contract.' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a valid id' })
  contractId?: string | null;

  @Field(() => [ActStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ActStatus, { each: true })
  statuses?: ActStatus[] | null;
}
