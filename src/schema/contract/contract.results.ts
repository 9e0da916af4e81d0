import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalDecision, ContractStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionError, NotEditableErrorOf } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { ContractApprovalType, ContractType } from './contract.type';
import { PortalVisible } from '../common/visibility';

export const ContractNotEditableError = NotEditableErrorOf<ContractStatus>(
  'Contract',
  ContractStatus,
  'Only a DRAFT contract can be edited (a returned contract is a DRAFT again). Nothing was changed.',
);
export type ContractNotEditableError = InstanceType<typeof ContractNotEditableError>;

@ObjectType('ContractApprovalsPendingError', {
  implements: ErrorResult,
  description: 'The contract cannot be signed yet: approvers of the current round have not approved. Nothing was changed.',
})
export class ContractApprovalsPendingError extends ErrorResult {
  @PortalVisible()
  @Field(() => Int, { description: 'The current approval round.' })
  round: number;

  @PortalVisible()
  @Field(() => [ContractApprovalType], { description: 'The approvals still PENDING, in order.' })
  pendingApprovers: ContractApprovalType[];

  constructor(round: number, pending: (ContractApprovalType & { name: string; position: string | null })[]) {
    super('APPROVALS_PENDING', `The contract is waiting for approval by ${pending.map(approverLabel).join(', ')}`);
    this.round = round;
    this.pendingApprovers = pending;
  }
}

/** «Name (position)», how approvers are named in messages and control points. */
export function approverLabel(a: { name: string; position: string | null }): string {
  return a.position ? `${a.name} (${a.position})` : a.name;
}

@ObjectType('ContractApprovalAlreadyDecidedError', {
  implements: ErrorResult,
  description:
    'The approval cannot be decided: it already has a decision, or its round is over (the contract was returned, signed or terminated since). Nothing was changed.',
})
export class ContractApprovalAlreadyDecidedError extends ErrorResult {
  @PortalVisible()
  @Field(() => ID, { description: 'The approval.' })
  approvalId: string;

  @PortalVisible()
  @Field(() => Int, { description: 'The round the approval belongs to.' })
  round: number;

  @PortalVisible()
  @Field(() => Int, { description: 'The current approval round of the contract.' })
  currentRound: number;

  @PortalVisible()
  @Field(() => ApprovalDecision, { description: 'The decision the approval has.' })
  decision: ApprovalDecision;

  @PortalVisible()
  @Field(() => ContractStatus, { description: 'The current status of the contract.' })
  contractStatus: ContractStatus;

  constructor(approval: { id: string; round: number; decision: ApprovalDecision }, currentRound: number, contractStatus: ContractStatus) {
    const why =
      approval.decision !== ApprovalDecision.PENDING
        ? `it is already ${approval.decision}`
        : approval.round !== currentRound
          ? `it belongs to round ${approval.round} and the contract is in round ${currentRound}`
          : `the contract is ${contractStatus}, not ON_APPROVAL`;
    super('APPROVAL_ALREADY_DECIDED', `This approval cannot be decided: ${why}`);
    this.approvalId = approval.id;
    this.round = approval.round;
    this.currentRound = currentRound;
    this.decision = approval.decision;
    this.contractStatus = contractStatus;
  }
}

export const ContractResult = resultUnion(
  'ContractResult',
  'The contract after the operation, or why it was refused (ILLEGAL_TRANSITION, NOT_EDITABLE, APPROVALS_PENDING, APPROVAL_ALREADY_DECIDED); a refusal changes nothing.',
  ContractType,
  [IllegalTransitionError, ContractNotEditableError, ContractApprovalsPendingError, ContractApprovalAlreadyDecidedError],
);
