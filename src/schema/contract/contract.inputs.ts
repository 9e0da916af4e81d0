import { NotBlank } from '../validators/not-blank';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ContractStatus, CurrencyCode, PaymentTrigger, PriceBasis } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { IsMoney } from '../validators/money';
import { ContractApprovalDecision } from './contract.enums';

export const MAX_SCHEDULE_ITEMS = 50;
export const MAX_APPROVERS = 20;

/** numeric(7,4): a share of the contract amount, above 0 and at most 100, up to 4 decimals. */
const PERCENT_RE = /^\d{1,3}(\.\d{1,4})?$/;

export function isSchedulePercent(value: unknown): boolean {
  if (typeof value !== 'string' || !PERCENT_RE.test(value)) return false;
  const n = Number(value); // only compared, never used in arithmetic
  return n > 0 && n <= 100;
}

function IsSchedulePercent(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSchedulePercent',
      validator: {
        validate: (value) => isSchedulePercent(value),
        defaultMessage: () => 'percent must be above 0 and at most 100, with at most 4 decimals, e.g. "50" or "33.3333"',
      },
    },
    options,
  );
}

@InputType({ description: 'One item of a payment schedule: a share of the contract amount and when it falls due.' })
export class PaymentScheduleItemInput {
  @Field(() => String, { description: 'What the payment is, e.g. «Предоплата 50%» (1–200 characters).' })
  @Length(1, 200, { message: 'label must be 1–200 characters long' })
  @NotBlank()
  label: string;

  @Field(() => PaymentTrigger, { description: 'When it falls due: on signing, after delivery, on a date or at a milestone.' })
  @IsEnum(PaymentTrigger)
  trigger: PaymentTrigger;

  @Field(() => DecimalScalar, {
    description: 'Share of the contract amount in percent, e.g. "50" (above 0, at most 100, up to 4 decimals). The shares of a schedule sum to exactly 100.',
  })
  @IsSchedulePercent()
  percent: string;

  @Field(() => DateScalar, { nullable: true, description: 'Due date; required for ON_DATE items.' })
  @ValidateIf((o: PaymentScheduleItemInput) => o.trigger === PaymentTrigger.ON_DATE)
  @IsNotEmpty({ message: 'dueOn is required for an ON_DATE payment' })
  dueOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A prepayment (invoiced as PREPAYMENT and deducted by the final invoice). false when omitted.' })
  @IsOptional()
  @IsBoolean()
  isPrepayment?: boolean | null;
}

/** Fields shared by create and update. */
@InputType('ContractFieldsBase', { description: 'Shared fields (never exposed).' })
abstract class ContractFields {
  @Field(() => String, { nullable: true, description: 'Subject of the contract (1–5000 characters).' })
  @IsOptional()
  @Length(1, 5000, { message: 'subject must be 1–5000 characters long' })
  @NotBlank()
  subject?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Contract amount (exact, above 0, at most 2 decimals).' })
  @IsOptional()
  @IsMoney()
  amount?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the amount.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => PriceBasis, {
    nullable: true,
    description:
      "Whether the amount includes VAT (VAT_INCLUDED, «в т.ч. НДС») or VAT is added on top (VAT_ON_TOP). On create it defaults to the proposal's basis, else the agency's (Agency.priceBasis); a contract made from a proposal keeps the proposal's basis (another one is BAD_USER_INPUT on input.priceBasis).",
  })
  @IsOptional()
  @IsEnum(PriceBasis)
  priceBasis?: PriceBasis | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the contract (its number is taken for this year); today in the agency time zone when omitted.' })
  @IsOptional()
  contractDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the work.' })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the work (not before startsOn).' })
  @IsOptional()
  endsOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The deal this contract closes (a deal of the same client).' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => [PaymentScheduleItemInput], {
    nullable: true,
    description: `The payment schedule, in order (up to ${MAX_SCHEDULE_ITEMS} items); the percents sum to exactly 100, the last item takes the rounding remainder. On update it replaces the whole schedule; an empty list means no schedule.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SCHEDULE_ITEMS)
  @ValidateNested({ each: true })
  paymentSchedule?: PaymentScheduleItemInput[] | null;
}

@InputType({
  description:
    'A new contract (created as a DRAFT, without a number). With an ACCEPTED proposal, subject, amount (the grand total the client saw: internal fees are not billed), currency, price basis and deal default from it.',
})
export class CreateContractInput extends ContractFields {
  @Field(() => ID, { description: 'The client the contract is with.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The ACCEPTED proposal of the same client this contract follows (subject, amount and currency default from it). A proposal has one contract unless that one was terminated: a second is CONFLICT PROPOSAL_HAS_CONTRACT.' })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a valid id' })
  proposalId?: string | null;
}

@InputType({ description: 'Changes to a DRAFT contract; omitted fields stay as they are.' })
export class UpdateContractInput extends ContractFields {
  @Field(() => ID, { description: 'The contract to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The ACCEPTED proposal of the same client this contract follows; null unlinks it. A proposal that already has another live contract is CONFLICT PROPOSAL_HAS_CONTRACT.' })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a valid id' })
  proposalId?: string | null;
}

@InputType({ description: 'A client-side person who must approve the contract.' })
export class ContractApproverInput {
  @Field(() => String, { description: 'Full name (1–200 characters).' })
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  @NotBlank()
  name: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. «Генеральный директор», «Главный бухгалтер».' })
  @IsOptional()
  @MaxLength(200)
  position?: string | null;
}

@InputType({ description: "Sends a DRAFT contract to the client's approvers (a new approval round)." })
export class SubmitContractForApprovalInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => [ContractApproverInput], {
    description: `Who must approve, in order (1–${MAX_APPROVERS}). To sign without approvals use signContract.`,
  })
  @ArrayMinSize(1, { message: 'approvers must name at least one approver' })
  @ArrayMaxSize(MAX_APPROVERS)
  @ValidateNested({ each: true })
  approvers: ContractApproverInput[];
}

@InputType({ description: "Records one approver's decision on a contract ON_APPROVAL." })
export class ApproveContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => ID, { description: 'The approval (of the current round) being decided.' })
  @IsUUID('all', { message: 'approvalId must be a valid id' })
  approvalId: string;

  @Field(() => ContractApprovalDecision, { description: 'APPROVED, or RETURNED for corrections.' })
  @IsEnum(ContractApprovalDecision)
  decision: ContractApprovalDecision;

  @Field(() => String, { nullable: true, description: 'What the approver said; required when RETURNED (up to 5000 characters).' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string | null;
}

@InputType({ description: 'Signs a contract: from DRAFT directly, or ON_APPROVAL once every approver of the round has approved.' })
export class SignContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of signing; today in the agency time zone when omitted.' })
  @IsOptional()
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Who signed for the client (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  signedByClient?: string | null;
}

@InputType({ description: 'Marks a SIGNED contract as fulfilled.' })
export class CompleteContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;
}

@InputType({ description: 'Ends a contract early (from DRAFT, ON_APPROVAL or SIGNED), with the reason.' })
export class TerminateContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { description: 'Why it ends (1–5000 characters).' })
  @Length(1, 5000, { message: 'reason must be 1–5000 characters long' })
  @NotBlank()
  reason: string;
}

@InputType({ description: 'Which contracts to list.' })
export class ContractFilter {
  @Field(() => ID, { nullable: true, description: 'Only contracts with this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => [ContractStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ContractStatus, { each: true })
  statuses?: ContractStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only contracts of this deal.' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;
}
