import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalDecision, ContractStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionErrorType, resolveResultType } from '../common/error-results';
import { ContractApprovalType, ContractType } from './contract.type';
import { PortalVisible } from '../common/visibility';

@ObjectType('ContractNotEditableError', {
  implements: ErrorResult,
  description: 'Only a DRAFT contract can be edited (a returned contract is a DRAFT again). Nothing was changed.',
})
export class ContractNotEditableErrorType extends ErrorResult {
  @PortalVisible()
  @Field(() => ContractStatus, { description: 'The current status.' })
  status: ContractStatus;
}

@ObjectType('ContractApprovalsPendingError', {
  implements: ErrorResult,
  description: 'The contract cannot be signed yet: approvers of the current round have not approved. Nothing was changed.',
})
export class ContractApprovalsPendingErrorType extends ErrorResult {
  @PortalVisible()
  @Field(() => Int, { description: 'The current approval round.' })
  round: number;

  @PortalVisible()
  @Field(() => [ContractApprovalType], { description: 'The approvals still PENDING, in order.' })
  pendingApprovers: ContractApprovalType[];
}

@ObjectType('ContractApprovalAlreadyDecidedError', {
  implements: ErrorResult,
  description:
    'The approval cannot be decided: it already has a decision, or its round is over (the contract was returned, signed or terminated since). Nothing was changed.',
})
export class ContractApprovalAlreadyDecidedErrorType extends ErrorResult {
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
