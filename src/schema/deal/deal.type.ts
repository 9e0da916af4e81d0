import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, DealDeviationKind, DealStage, DealStatus, RejectionReason } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { UserType } from '../user/user.type';
import { DealApprovalDecision } from './deal.enums';

@ObjectType('Deal', { description: 'One sale to one client, through the stages PRESENTATION → … → CLOSING.' })
export class DealType {
  @Field(() => ID, { description: 'Deal id.' })
  id: string;

  @Field(() => ID, { description: 'Id of the client.' })
  clientId: string;

  @Field({ description: 'Short title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What is being sold (service or product).' })
  product: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected amount (exact decimal).' })
  amount: string | null;

  @Field(() => CurrencyCode, { nullable: true, description: 'Currency of the amount.' })
  currency: CurrencyCode | null;

  @Field(() => ID, { nullable: true, description: 'Id of the responsible agency user.' })
  managerId: string | null;

  @Field(() => DealStage, { description: 'Current stage (the stage it ended at, once closed).' })
  stage: DealStage;

  @Field(() => DealStatus, { description: 'OPEN, WON or LOST.' })
  status: DealStatus;

  @Field({ description: 'When the deal entered its current stage.' })
  stageEnteredAt: Date;

  @Field({ description: 'When the deal was opened.' })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the deal was won or lost; null while open.' })
  closedAt: Date | null;

  @Field(() => DealStage, { nullable: true, description: 'For a LOST deal: the stage at which it was lost.' })
  lostAtStage: DealStage | null;

  @Field(() => RejectionReason, { nullable: true, description: 'For a LOST deal: why.' })
  lossReason: RejectionReason | null;

  @Field(() => String, { nullable: true, description: 'Closing comment.' })
  closeNote: string | null;

  @Field({ description: 'When created.' })
  createdAt: Date;

  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('DealStageChange', { description: 'One entry of a deal history: a change of stage (creation enters the first stage).' })
export class DealStageChangeType {
  @Field(() => ID, { description: 'Id of the entry.' })
  id: string;

  @Field(() => DealStage, { nullable: true, description: 'The stage left; null for the creation of the deal.' })
  from: DealStage | null;

  @Field(() => DealStage, { description: 'The stage entered.' })
  to: DealStage;

  @Field({ description: 'When the change happened.' })
  changedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why, as given with the change.' })
  note: string | null;

  @Field(() => UserType, { nullable: true, description: 'Who made the change.' })
  actor: UserType | null;
}

@ObjectType('DealStageTime', { description: 'Total time a deal has spent in one stage (all its stays summed).' })
export class DealStageTimeType {
  @Field(() => DealStage, { description: 'The stage.' })
  stage: DealStage;

  @Field(() => Int, { description: 'Whole seconds spent in it; the current stay of an open deal counts up to now.' })
  seconds: number;
}

@ObjectType('DealApprover', { description: 'A client-side approver of an approval deviation, with the decision if made.' })
export class DealApproverType {
  @Field({ description: 'Full name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Position.' })
  position: string | null;

  @Field(() => DealApprovalDecision, { nullable: true, description: 'The decision; null while pending.' })
  decision: DealApprovalDecision | null;

  @Field(() => String, { nullable: true, description: "The approver's comment." })
  comment: string | null;

  @Field(() => Date, { nullable: true, description: 'When the decision was recorded.' })
  decidedAt: Date | null;
}

@ObjectType('DealDeviation', { description: 'A recorded real-life deviation from the straight sales path.' })
export class DealDeviationType {
  @Field(() => ID, { description: 'Id of the deviation.' })
  id: string;

  @Field(() => ID, { description: 'The deal.' })
  dealId: string;

  @Field(() => ID, { description: 'The client of the deal.' })
  clientId: string;

  @Field(() => DealDeviationKind, { description: 'What happened.' })
  kind: DealDeviationKind;

  @Field(() => DateScalar, { nullable: true, description: 'The date to watch (retry, correction, …); a control point while unresolved.' })
  dueOn: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while open.' })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  note: string | null;

  @Field(() => [DealApproverType], { description: 'Client-side approvers (APPROVAL_REQUIRED, PREPARATION_APPROVAL); empty otherwise.' })
  approvers: DealApproverType[];

  @Field(() => DecimalScalar, { nullable: true, description: "The part paid or refunded (PARTIAL_PAYMENT, REFUND), in the deal's currency." })
  amount: string | null;

  @Field(() => [String], { description: 'Analysed causes of dissatisfaction (CLIENT_DISSATISFIED); empty otherwise.' })
  causes: string[];

  @Field({ description: 'When recorded.' })
  createdAt: Date;
}

@ObjectType('DealConnection', { description: 'A page of deals, newest opened first.' })
export class DealConnection extends Connection(DealType, 'Deal') {}

