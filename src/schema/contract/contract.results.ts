import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalDecision, ContractStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionErrorType, resolveResultType } from '../common/error-results';
import { ContractApprovalType, ContractType } from './contract.type';

@ObjectType('ContractNotEditableError', {
  implements: ErrorResult,
  description: 'Only a DRAFT contract can be edited (a returned contract is a DRAFT again). Nothing was changed.',
})
export class ContractNotEditableErrorType extends ErrorResult {
  @Field(() => ContractStatus, { description: 'The current status.' })
  status: ContractStatus;
}

@ObjectType('ContractApprovalsPendingError', {
  implements: ErrorResult,
  description: 'The contract cannot be signed yet: approvers of the current round have not approved. Nothing was changed.',
})
export class ContractApprovalsPendingErrorType extends ErrorResult {
  @Field(() => Int, { description: 'The current approval round.' })
  round: number;

  @Field(() => [ContractApprovalType], { description: 'The approvals still PENDING, in order.' })
  pendingApprovers: ContractApprovalType[];
}

@ObjectType('ContractApprovalAlreadyDecidedError', {
  implements: ErrorResult,
  description:
    'The approval cannot be decided: it already has a decision, or its round is over (the contract was returned, signed or terminated since). Nothing was changed.',
})
export class ContractApprovalAlreadyDecidedErrorType extends ErrorResult {
  @Field(() => ID, { description: 'The approval.' })
  approvalId: string;

  @Field(() => Int, { description: 'The round the approval belongs to.' })
  round: number;

  @Field(() => Int, { description: 'The current approval round of the contract.' })
  currentRound: number;

  @Field(() => ApprovalDecision, { description: 'The decision the approval has.' })
  decision: ApprovalDecision;

  @Field(() => ContractStatus, { description: 'The current status of the contract.' })
  contractStatus: ContractStatus;
}

export const ContractResult = createUnionType({
  name: 'ContractResult',
  description:
    'The contract after the operation, or why it was refused (ILLEGAL_TRANSITION, NOT_EDITABLE, APPROVALS_PENDING, APPROVAL_ALREADY_DECIDED); a refusal changes nothing.',
  types: () =>
    [
      ContractType,
      IllegalTransitionErrorType,
      ContractNotEditableErrorType,
      ContractApprovalsPendingErrorType,
      ContractApprovalAlreadyDecidedErrorType,
    ] as const,
  resolveType: resolveResultType('Contract'),
});
