import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Client} from '../entities';
import { ClientsArgs } from '../schema/client/client.args';
import {
  ChangeClientStageInput,
  CreateClientInput,
  ReactivateClientInput,
  SetNextContactInput,
  TerminateClientInput,
  UpdateClientInput,
} from '../schema/client/client.inputs';
import { ClientBalanceType, ClientConnection, ClientStageChangeType, ClientType, StageDurationType } from '../schema/client/client.type';
import { ClientStageResult } from '../schema/client/client.results';
import { timeInStages } from '../services/lifecycle';
import { ContactType } from '../schema/contact/contact.type';
import { AccountManagerType, UserType } from '../schema/user/user.type';
import * as clients from '../services/client.service';
import * as users from '../services/user.service';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';
import { RowsAsRead } from '../schema/common/row-projection';


@Resolver(() => ClientType)
export class ClientResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => ClientType, { nullable: true, description: 'A client by id; null when it does not exist or is not yours to see.' })
  client(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return clients.getClient(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => ClientConnection, { description: 'Clients of the agency (a portal user sees only its own), paginated.' })
  @RowsAsRead()
  clients(@Ctx() ctx: AuthedContext, @Args(() => ClientsArgs) args: ClientsArgs) {
    return clients.listClients(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: 'Creates a client.' })
  createClient(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateClientInput, { description: 'The operation input.' }) input: CreateClientInput) {
    return clients.createClient(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: 'Changes a client; omitted fields stay as they are.' })
  updateClient(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateClientInput, { description: 'The operation input.' }) input: UpdateClientInput) {
    return clients.updateClient(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: 'Archives a client (hidden from lists, nothing deleted). Idempotent.' })
  archiveClient(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return clients.archiveClient(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: 'Brings an archived client back. Idempotent.' })
  restoreClient(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return clients.restoreClient(ctx, id);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: 'Marks the end of cooperation with a client, with the reason.' })
  terminateClient(@Ctx() ctx: AuthedContext, @Arg('input', () => TerminateClientInput, { description: 'The operation input.' }) input: TerminateClientInput) {
    return clients.terminateClient(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientStageResult, {
    description: 'Moves a client to another lifecycle stage (recorded with time and actor). ILLEGAL_TRANSITION for the same stage or a terminated client.',
  })
  changeClientStage(@Ctx() ctx: AuthedContext, @Arg('input', () => ChangeClientStageInput, { description: 'The operation input.' }) input: ChangeClientStageInput) {
    return clients.changeClientStage(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientStageResult, { description: 'Resumes cooperation with a terminated client. ILLEGAL_TRANSITION if it is not terminated.' })
  reactivateClient(@Ctx() ctx: AuthedContext, @Arg('input', () => ReactivateClientInput, { description: 'The operation input.' }) input: ReactivateClientInput) {
    return clients.reactivateClient(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientType, { description: "Sets the client's development state: date, goal and product of the next contact." })
  setNextContact(@Ctx() ctx: AuthedContext, @Arg('input', () => SetNextContactInput, { description: 'The operation input.' }) input: SetNextContactInput) {
    return clients.setNextContact(ctx, input);
  }

  @Authorized(STAFF)
  @PortalHidden()
  @FieldResolver(() => [ClientStageChangeType], { description: 'Lifecycle history, oldest first (agency users only).' })
  stageHistory(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientStageHistory.load(client.id);
  }

  @Authorized(STAFF)
  @PortalHidden()
  @FieldResolver(() => [StageDurationType], { description: 'Time spent in each lifecycle stage (agency users only).' })
  async timeInStages(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return timeInStages(await ctx.loaders.clientStageHistory.load(client.id), new Date());
  }

  @PortalVisible()
  @FieldResolver(() => [ContactType], { description: 'Active contact persons, primary first.' })
  @RowsAsRead('id')
  contacts(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.contactsByClient.load(client.id);
  }

  @PortalVisible()
  @FieldResolver(() => AccountManagerType, {
    nullable: true,
    description: "The client's account manager: name, email and phone to reach them (also in the client portal). null when none is assigned.",
  })
  accountManager(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return users.accountManagerOf(ctx, client);
  }

  @PortalVisible()
  @FieldResolver(() => [ClientBalanceType], {
    description: "The client's money position per currency: its issued invoices, the payments on them and the VAT differences of its issued or signed acts.",
  })
  balances(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientBalances.load(client.id);
  }

  @PortalHidden()
  @FieldResolver(() => UserType, { nullable: true, description: 'Responsible account manager.' })
  owner(@Root() client: Client, @Ctx() ctx: AuthedContext) {
    return client.ownerId ? ctx.loaders.userById.load(client.ownerId) : null;
  }
}

