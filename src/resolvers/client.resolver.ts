import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, RequestContext } from '../context';
import type { Client } from '../entities';
import { ClientsArgs } from '../schema/client/client.args';
import { CreateClientInput, TerminateClientInput, UpdateClientInput } from '../schema/client/client.inputs';
import { ClientConnection, ClientType } from '../schema/client/client.type';
import { ContactType } from '../schema/contact/contact.type';
import { UserType } from '../schema/user/user.type';
import * as clients from '../services/client.service';

@Resolver(() => ClientType)
export class ClientResolver {
  @Authorized()
  @Query(() => ClientType, { nullable: true, description: 'A client by id; null when it does not exist or is not yours to see.' })
  client(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return clients.getClient(ctx, id);
  }

  @Authorized()
  @Query(() => ClientConnection, { description: 'Clients of the agency (a portal user sees only its own), paginated.' })
  clients(@Ctx() ctx: RequestContext, @Args(() => ClientsArgs) args: ClientsArgs) {
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

  @FieldResolver(() => [ContactType], { description: 'Active contact persons, primary first.' })
  contacts(@Root() client: Client, @Ctx() ctx: RequestContext) {
    return ctx.loaders.contactsByClient.load(client.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Responsible account manager.' })
  owner(@Root() client: Client, @Ctx() ctx: RequestContext) {
    return client.ownerId ? ctx.loaders.userById.load(client.ownerId) : null;
  }
}
