import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Interaction } from '../entities';
import { ClientType } from '../schema/client/client.type';
import { ContactType } from '../schema/contact/contact.type';
import { InteractionConnection, InteractionType } from '../schema/interaction/interaction.type';
import { InteractionsArgs } from '../schema/interaction/interaction.args';
import { LogInteractionInput } from '../schema/interaction/interaction.inputs';
import { UserType } from '../schema/user/user.type';
import * as interactions from '../services/interaction.service';

@Resolver(() => InteractionType)
export class InteractionResolver {
  @Authorized(STAFF)
  @Mutation(() => InteractionType, { description: "Logs a call, email, meeting or message with a client (updates the client's last contact)." })
  logInteraction(@Ctx() ctx: AuthedContext, @Arg('input', () => LogInteractionInput, { description: 'The operation input.' }) input: LogInteractionInput) {
    return interactions.logInteraction(ctx, input);
  }

  @Authorized(STAFF)
  @Query(() => InteractionConnection, { description: 'Logged interactions, newest first.' })
  interactions(@Ctx() ctx: AuthedContext, @Args(() => InteractionsArgs) args: InteractionsArgs) {
    return interactions.listInteractions(ctx, args);
  }

  @FieldResolver(() => ClientType, { nullable: true, description: 'The client.' })
  client(@Root() i: Interaction, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(i.clientId);
  }

  @FieldResolver(() => ContactType, { nullable: true, description: 'The contact person.' })
  contact(@Root() i: Interaction, @Ctx() ctx: AuthedContext) {
    return i.contactId ? ctx.loaders.contactById.load(i.contactId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The agency user.' })
  user(@Root() i: Interaction, @Ctx() ctx: AuthedContext) {
    return i.userId ? ctx.loaders.userById.load(i.userId) : null;
  }
}
