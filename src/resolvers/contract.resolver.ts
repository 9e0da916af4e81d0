import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Contract } from '../entities';
import { ClientType } from '../schema/client/client.type';
import { ContractsArgs } from '../schema/contract/contract.args';
import {
  ApproveContractInput,
  CompleteContractInput,
  CreateContractInput,
  SignContractInput,
  SubmitContractForApprovalInput,
  TerminateContractInput,
  UpdateContractInput,
} from '../schema/contract/contract.inputs';
import { ContractResult } from '../schema/contract/contract.results';
import {
  ContractApprovalType,
  ContractConnection,
  ContractCorrectionType,
  ContractPaymentItemType,
  ContractType,
} from '../schema/contract/contract.type';
import * as contractReads from '../services/contract.reads';
import * as contracts from '../services/contract.service';
import { PortalVisible } from '../schema/common/visibility';

@Resolver(() => ContractType)
export class ContractResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => ContractType, {
    nullable: true,
    description: 'A contract by id; null when it does not exist or is not yours to see (a portal user never sees drafts).',
  })
  contract(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the contract.' }) id: string) {
    return contractReads.getContract(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ContractConnection, {
    description: 'Contracts of the agency (a portal user sees those of its client that left DRAFT), newest first.',
  })
  contracts(@Ctx() ctx: AuthedContext, @Args(() => ContractsArgs) args: ContractsArgs) {
    return contractReads.listContracts(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractType, {
    description:
      'Creates a DRAFT contract (no number yet) with its payment schedule. From an ACCEPTED proposal, subject, amount (grand total), currency and deal default from it.',
  })
  createContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => CreateContractInput, { description: 'The operation input.' }) input: CreateContractInput,
  ) {
    return contracts.createContract(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractResult, {
    description: 'Changes a DRAFT contract (omitted fields stay; `paymentSchedule` replaces the whole schedule). NOT_EDITABLE otherwise.',
  })
  updateContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => UpdateContractInput, { description: 'The operation input.' }) input: UpdateContractInput,
  ) {
    return contracts.updateContract(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractResult, {
    description:
      "DRAFT → ON_APPROVAL: numbers the contract at its first submission and opens a new approval round with the client's approvers. ILLEGAL_TRANSITION otherwise.",
  })
  submitContractForApproval(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => SubmitContractForApprovalInput, { description: 'The operation input.' }) input: SubmitContractForApprovalInput,
  ) {
    return contracts.submitContractForApproval(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => ContractResult, {
    description:
      "Records one approver's decision (the client's portal user, or agency staff on the approver's behalf). RETURNED sends the contract back to DRAFT and records the correction. APPROVAL_ALREADY_DECIDED for a decided approval or a closed round.",
  })
  approveContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => ApproveContractInput, { description: 'The operation input.' }) input: ApproveContractInput,
  ) {
    return contracts.approveContract(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractResult, {
    description:
      'Signs a contract: from DRAFT directly, or from ON_APPROVAL once every approver of the current round approved (APPROVALS_PENDING otherwise). Moves the deal to PAYMENT.',
  })
  signContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => SignContractInput, { description: 'The operation input.' }) input: SignContractInput,
  ) {
    return contracts.signContract(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractResult, { description: 'SIGNED → COMPLETED. ILLEGAL_TRANSITION otherwise.' })
  completeContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => CompleteContractInput, { description: 'The operation input.' }) input: CompleteContractInput,
  ) {
    return contracts.completeContract(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContractResult, { description: 'Ends a DRAFT, ON_APPROVAL or SIGNED contract early, with the reason. ILLEGAL_TRANSITION otherwise.' })
  terminateContract(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => TerminateContractInput, { description: 'The operation input.' }) input: TerminateContractInput,
  ) {
    return contracts.terminateContract(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'The client.' })
  client(@Root() c: Contract, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(c.clientId);
  }

  @PortalVisible()
  @FieldResolver(() => [ContractCorrectionType], { description: 'Corrections after an approver returned the contract, oldest first.' })
  corrections(@Root() c: Contract) {
    return contractReads.contractCorrections(c);
  }

  @PortalVisible()
  @FieldResolver(() => [ContractPaymentItemType], { description: 'The payment schedule, in order; the items sum exactly to the amount.' })
  paymentSchedule(@Root() c: Contract, @Ctx() ctx: AuthedContext) {
    return contractReads.contractPaymentSchedule(ctx, c);
  }

  @PortalVisible()
  @FieldResolver(() => [ContractApprovalType], {
    description: 'Every approval of every round (oldest round first, approvers in the order given); `current` marks the latest round.',
  })
  approvals(@Root() c: Contract, @Ctx() ctx: AuthedContext) {
    return contractReads.contractApprovals(ctx, c);
  }

  @PortalVisible()
  @FieldResolver(() => [ContractApprovalType], {
    description: 'Approvers of the current round who have not decided yet; empty unless the contract is ON_APPROVAL.',
  })
  pendingApprovers(@Root() c: Contract, @Ctx() ctx: AuthedContext) {
    return contractReads.contractPendingApprovers(ctx, c);
  }

  @PortalVisible()
  @FieldResolver(() => Int, { description: 'The current approval round; 0 before the first submission.' })
  approvalRound(@Root() c: Contract, @Ctx() ctx: AuthedContext) {
    return contractReads.contractApprovalRound(ctx, c);
  }
}
