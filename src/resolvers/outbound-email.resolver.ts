import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AuthedContext } from '../context';
import { UserRole } from '../entities/enums';
import { PageArgs } from '../schema/common/connection';
import { OutboundEmailConnection, OutboundEmailType } from '../schema/outbound-email/outbound-email.type';
import * as outbox from '../services/outbound-email.service';

@Resolver(() => OutboundEmailType)
export class OutboundEmailResolver {
  @Authorized(UserRole.OWNER)
  @Query(() => OutboundEmailConnection, { description: "Your agency's outbox: the emails the platform sent or keeps for you, newest first (owner only)." })
  outbox(@Ctx() ctx: AuthedContext, @Args(() => PageArgs) args: PageArgs) {
    return outbox.listOutbox(ctx, args);
  }
}
