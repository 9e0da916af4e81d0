import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Deal } from '../entities';
import { ClientType } from '../schema/client/client.type';
import {
  CloseDealInput,
  CreateDealInput,
  DecideDealApprovalInput,
  MoveDealInput,
  RecordDealDeviationInput,
  ResolveDealDeviationInput,
} from '../schema/deal/deal.inputs';
import { DealsArgs } from '../schema/deal/deal.args';
import { CloseDealResult, DecideDealApprovalResult, MoveDealResult } from '../schema/deal/deal.results';
import { DealConnection, DealDeviationType, DealStageChangeType, DealStageTimeType, DealType } from '../schema/deal/deal.type';
import { UserType } from '../schema/user/user.type';
import * as deals from '../services/deal.service';

/** Deals and their deviations: agency staff only (portal users get FORBIDDEN). */
@Resolver(() => DealType)
export class DealResolver {
  @Authorized(STAFF)
  @Query(() => DealType, { nullable: true, description: 'A deal by id; null when it does not exist or belongs to another agency.' })
  deal(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the deal.' }) id: string) {
    return deals.getDeal(ctx, id);
  }

  @Authorized(STAFF)
  @Query(() => DealConnection, { description: 'Deals of the agency, newest opened first, paginated.' })
  deals(@Ctx() ctx: AuthedContext, @Args(() => DealsArgs) args: DealsArgs) {
    return deals.listDeals(ctx, args);
  }

  @Authorized(STAFF)
  @Query(() => DealDeviationType, { nullable: true, description: 'A deal deviation by id (e.g. the object of a control point); null when not yours.' })
  dealDeviation(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the deviation.' }) id: string) {
    return deals.getDealDeviation(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => DealType, { description: 'Opens a deal with a client at its first stage (PRESENTATION by default).' })
  createDeal(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateDealInput, { description: 'The operation input.' }) input: CreateDealInput) {
    return deals.createDeal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => MoveDealResult, { description: 'Moves an open deal to another stage; an IllegalTransitionError when the move is not allowed.' })
  moveDeal(@Ctx() ctx: AuthedContext, @Arg('input', () => MoveDealInput, { description: 'The operation input.' }) input: MoveDealInput) {
    return deals.moveDeal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CloseDealResult, {
    description: 'Closes a deal: WON from DELIVERY or CLOSING, LOST from any open stage (with a reason); an IllegalTransitionError otherwise.',
  })
  closeDeal(@Ctx() ctx: AuthedContext, @Arg('input', () => CloseDealInput, { description: 'The operation input.' }) input: CloseDealInput) {
    return deals.closeDeal(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => DealDeviationType, { description: 'Records a deviation of a deal (refused presentation, proposal to refine, approvals, payment parts, …).' })
  recordDealDeviation(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => RecordDealDeviationInput, { description: 'The operation input.' }) input: RecordDealDeviationInput,
  ) {
    return deals.recordDealDeviation(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => DealDeviationType, { description: 'Marks a deviation resolved. Idempotent.' })
  resolveDealDeviation(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => ResolveDealDeviationInput, { description: 'The operation input.' }) input: ResolveDealDeviationInput,
  ) {
    return deals.resolveDealDeviation(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => DecideDealApprovalResult, {
    description: "Records a client-side approver's decision; when all have approved, the deviation is resolved.",
  })
  decideDealApproval(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => DecideDealApprovalInput, { description: 'The operation input.' }) input: DecideDealApprovalInput,
  ) {
    return deals.decideDealApproval(ctx, input);
  }

  @FieldResolver(() => ClientType, { description: 'The client.' })
  client(@Root() deal: Deal, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(deal.clientId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Responsible agency user.' })
  manager(@Root() deal: Deal, @Ctx() ctx: AuthedContext) {
    return deal.managerId ? ctx.loaders.userById.load(deal.managerId) : null;
  }

  @FieldResolver(() => [DealStageChangeType], { description: 'Stage history, oldest first (the first entry is the creation).' })
  history(@Root() deal: Deal, @Ctx() ctx: AuthedContext) {
    return deals.dealHistory(ctx, deal);
  }

  @FieldResolver(() => [DealStageTimeType], { description: 'Time spent in each visited stage, computed from the history, in process order.' })
  timeInStages(@Root() deal: Deal, @Ctx() ctx: AuthedContext) {
    return deals.dealTimeInStages(ctx, deal);
  }

  @FieldResolver(() => [DealDeviationType], { description: 'Recorded deviations, oldest first (resolved ones included).' })
  deviations(@Root() deal: Deal, @Ctx() ctx: AuthedContext) {
    return deals.dealDeviations(ctx, deal);
  }
}
