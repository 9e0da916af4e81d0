import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CurrencyCode, DealDeviationKind, DealStage, DealStatus, RejectionReason } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { DealApprovalDecision, DealOutcome } from './deal.enums';

/** numeric(18,2): at most 16 integer digits and 2 decimals, so PostgreSQL never rounds silently. */
const MONEY_RE = /^\d{1,16}(\.\d{1,2})?$/;

@ValidatorConstraint({ name: 'moneyAmount' })
class MoneyAmount implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && MONEY_RE.test(value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a non-negative amount with at most 16 integer digits and 2 decimals`;
  }
}

@InputType({ description: 'A new deal: one sale to one client.' })
export class CreateDealInput {
  @Field(() => ID, { description: 'The client the deal is with.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => String, { description: 'Short title, 1–200 characters.' })
  @Length(1, 200, { message: 'title must be 1–200 characters long' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What is being sold (service or product).' })
  @IsOptional()
  @Length(1, 200)
  product?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount (exact, up to 2 decimals, not negative).' })
  @IsOptional()
  @Validate(MoneyAmount)
  amount?: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: "Currency of the amount; the agency's default currency when an amount is given without one." })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode | null;

  @Field(() => ID, { nullable: true, description: "Responsible agency user; the client's owner by default." })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;

  @Field(() => DealStage, { nullable: true, description: 'Stage the deal starts at; PRESENTATION by default.' })
  @IsOptional()
  @IsEnum(DealStage)
  stage?: DealStage | null;
}

@InputType({ description: 'Moves an open deal to another stage. Allowed moves are declared as data (DEAL_TRANSITIONS): skipping forward, one step back for rework, delivery before payment; anything else is an IllegalTransitionError.' })
export class MoveDealInput {
  @Field(() => ID, { description: 'The deal.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DealStage, { description: 'The stage to move to.' })
  @IsEnum(DealStage)
  stage: DealStage;

  @Field(() => String, { nullable: true, description: 'Why (kept in the stage history), up to 1000 characters.' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'Closes an open deal as won or lost.' })
export class CloseDealInput {
  @Field(() => ID, { description: 'The deal.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => DealOutcome, { description: 'WON or LOST.' })
  @IsEnum(DealOutcome)
  outcome: DealOutcome;

  @Field(() => RejectionReason, { nullable: true, description: 'Why the deal was lost: required for LOST, not allowed for WON.' })
  @IsOptional()
  @IsEnum(RejectionReason)
  reason?: RejectionReason | null;

  @Field(() => String, { nullable: true, description: 'Closing comment, up to 5000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType({ description: 'Which deals to list.' })
export class DealFilter {
  @Field(() => ID, { nullable: true, description: 'Only deals with this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only deals of this responsible manager.' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;

  @Field(() => [DealStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsEnum(DealStatus, { each: true })
  @ArrayMaxSize(3)
  statuses?: DealStatus[] | null;

  @Field(() => [DealStage], { nullable: true, description: 'Only these stages.' })
  @IsOptional()
  @IsEnum(DealStage, { each: true })
  @ArrayMaxSize(6)
  stages?: DealStage[] | null;
}

@InputType({ description: 'A client-side person who must approve (director, accountant, …).' })
export class DealApproverInput {
  @Field(() => String, { description: 'Full name, 1–200 characters.' })
  @Length(1, 200, { message: 'name must be 1–200 characters long' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. «Главный бухгалтер».' })
  @IsOptional()
  @Length(1, 200)
  position?: string | null;
}

@InputType({
  description:
    'Records a deviation from the straight sales path. Required per kind: PRESENTATION_REFUSED and PROPOSAL_TO_REFINE need dueOn; ' +
    'APPROVAL_REQUIRED needs approvers; PARTIAL_PAYMENT and REFUND need amount; CLIENT_DISSATISFIED needs causes. ' +
    'approvers only for APPROVAL_REQUIRED / PREPARATION_APPROVAL, amount only for PARTIAL_PAYMENT / REFUND, causes only for CLIENT_DISSATISFIED.',
})
export class RecordDealDeviationInput {
  @Field(() => ID, { description: 'The deal.' })
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId: string;

  @Field(() => DealDeviationKind, { description: 'What happened.' })
  @IsEnum(DealDeviationKind)
  kind: DealDeviationKind;

  @Field(() => DateScalar, { nullable: true, description: 'The date to watch: the retry date of a refused presentation, the correction date of a proposal, …' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueOn must be a date YYYY-MM-DD' })
  dueOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Free comment, up to 5000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;

  @Field(() => [DealApproverInput], { nullable: true, description: 'Client-side approvers, in the order they approve (1–20).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  approvers?: DealApproverInput[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: "The part paid or refunded, in the deal's currency (greater than zero, up to 2 decimals)." })
  @IsOptional()
  @Validate(MoneyAmount)
  amount?: string | null;

  @Field(() => [String], { nullable: true, description: 'Analysed causes of dissatisfaction (1–20, each 1–500 characters).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 500, { each: true, message: 'each cause must be 1–500 characters long' })
  causes?: string[] | null;
}

@InputType({ description: 'Marks a deviation as dealt with (it leaves the control points).' })
export class ResolveDealDeviationInput {
  @Field(() => ID, { description: 'The deviation.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;
}

@InputType({ description: "Records one client-side approver's decision on an approval deviation." })
export class DecideDealApprovalInput {
  @Field(() => ID, { description: 'The deviation (APPROVAL_REQUIRED or PREPARATION_APPROVAL).' })
  @IsUUID('all', { message: 'deviationId must be a valid id' })
  deviationId: string;

  @Field(() => Int, { description: 'Position of the approver in the list, from 0.' })
  @IsInt()
  @Min(0)
  approverIndex: number;

  @Field(() => DealApprovalDecision, { description: 'APPROVED or RETURNED.' })
  @IsEnum(DealApprovalDecision)
  decision: DealApprovalDecision;

  @Field(() => String, { nullable: true, description: "The approver's comment, up to 2000 characters." })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}
