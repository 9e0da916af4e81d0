import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Act } from '../entities';
import { ActsArgs } from '../schema/act/act.args';
import {
  CreateActInput,
  DisputeActInput,
  IssueActInput,
  ReviseActInput,
  SignActInput,
  UpdateActInput,
} from '../schema/act/act.inputs';
import { ActResult, UpdateActResult } from '../schema/act/act.results';
import { ActConnection, ActLineType, ActType } from '../schema/act/act.type';
import { ClientType } from '../schema/client/client.type';
import * as actReads from '../services/act.reads';
import * as acts from '../services/act.service';
import { PortalVisible } from '../schema/common/visibility';

@Resolver(() => ActType)
export class ActResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => ActType, {
    nullable: true,
    description: 'An act of completed work by id; null when it does not exist or is not yours to see (a portal user never sees drafts).',
  })
  act(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the act.' }) id: string) {
    return actReads.getAct(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ActConnection, {
    description: 'Acts of completed work of the agency (a portal user sees only the issued acts of its client), newest first.',
  })
  acts(@Ctx() ctx: AuthedContext, @Args(() => ActsArgs) args: ActsArgs) {
    return actReads.listActs(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => ActType, {
    description:
      "Creates an act as a DRAFT (no number), priced for its act date (else its period end) exactly as it will be issued: with the given lines, those of the invoices it closes (never PREPAYMENT invoices), or, with a contract and a period alone, the contract's STANDARD and FINAL invoices of the period. NOT_FOUND (with field) for a client, contract or invoice that is not visible or not the same client.",
  })
  createAct(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateActInput, { description: 'The operation input.' }) input: CreateActInput) {
    return acts.createAct(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => UpdateActResult, {
    description: 'Changes a DRAFT act (omitted fields stay; `lines` replaces all lines). NOT_EDITABLE otherwise.',
  })
  updateAct(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateActInput, { description: 'The operation input.' }) input: UpdateActInput) {
    return acts.updateAct(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ActResult, {
    description:
      'DRAFT → ISSUED, with the amounts the draft shows (never re-priced): assigns the number (once; a corrected act keeps it) and the act date. An act date whose VAT rate would change the amounts is BAD_USER_INPUT on input.actDate (set it on the draft first). ILLEGAL_TRANSITION otherwise, and no number is used.',
  })
  issueAct(@Ctx() ctx: AuthedContext, @Arg('input', () => IssueActInput, { description: 'The operation input.' }) input: IssueActInput) {
    return acts.issueAct(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => ActResult, {
    description: "ISSUED → SIGNED: the client's signature (the portal user of that client, or staff recording a paper signature). ILLEGAL_TRANSITION otherwise.",
  })
  signAct(@Ctx() ctx: AuthedContext, @Arg('input', () => SignActInput, { description: 'The operation input.' }) input: SignActInput) {
    return acts.signAct(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => ActResult, {
    description: "ISSUED → DISPUTED with the client's objection (the portal user of that client, or staff). ILLEGAL_TRANSITION otherwise.",
  })
  disputeAct(@Ctx() ctx: AuthedContext, @Arg('input', () => DisputeActInput, { description: 'The operation input.' }) input: DisputeActInput) {
    return acts.disputeAct(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ActResult, {
    description: 'DISPUTED → DRAFT, to correct the act; it keeps its number and date when issued again. ILLEGAL_TRANSITION otherwise.',
  })
  reviseAct(@Ctx() ctx: AuthedContext, @Arg('input', () => ReviseActInput, { description: 'The operation input.' }) input: ReviseActInput) {
    return acts.reviseAct(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'The client the work was done for.' })
  client(@Root() act: Act, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(act.clientId);
  }

  @PortalVisible()
  @FieldResolver(() => [ActLineType], { description: 'The lines, in order.' })
  lines(@Root() act: Act, @Ctx() ctx: AuthedContext) {
    return actReads.actLines(ctx, act);
  }
}
