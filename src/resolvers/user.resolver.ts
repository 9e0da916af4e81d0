import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, RequestContext } from '../context';
import type { User } from '../entities';
import { UserRole } from '../entities/enums';
import { AgencyType } from '../schema/agency/agency.type';
import { ClientType } from '../schema/client/client.type';
import {
  ChangePasswordInput,
  CreateUserInput,
  InviteClientUserInput,
  IssuePasswordResetInput,
  UpdateMyProfileInput,
  UpdateUserInput,
} from '../schema/user/user.inputs';
import { UsersArgs } from '../schema/user/user.args';
import { ChangePasswordResult, DeactivateUserResult, UpdateUserResult } from '../schema/user/user.results';
import { ClientUserInvitationType, PasswordResetTicketType, UserConnection, UserType } from '../schema/user/user.type';
import * as users from '../services/user.service';
import { PortalVisible } from '../schema/common/visibility';

@Resolver(() => UserType)
export class UserResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => UserType, { description: 'The logged-in user.' })
  me(@Ctx() ctx: AuthedContext) {
    return users.me(ctx);
  }

  @Authorized(STAFF)
  @Query(() => UserConnection, { description: 'The users of your agency, staff and portal users, by email (owners and managers).' })
  users(@Ctx() ctx: AuthedContext, @Args(() => UsersArgs) args: UsersArgs) {
    return users.listUsers(ctx, args);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => UserType, { description: 'Adds a user to the agency with a password (owner only). CLIENT users need clientId.' })
  createUser(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateUserInput, { description: 'The operation input.' }) input: CreateUserInput) {
    return users.createUser(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => UserType, { description: "Changes the logged-in user's own name, phone or language (portal users too)." })
  updateMyProfile(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateMyProfileInput, { description: 'The operation input.' }) input: UpdateMyProfileInput) {
    return users.updateMyProfile(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ClientUserInvitationType, {
    description:
      "Invites a portal user for a client: an owner for any client, a manager for the clients they manage. Returns a one-time token (7 days) with which the user sets a password (resetPassword).",
  })
  inviteClientUser(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => InviteClientUserInput, { description: 'The operation input.' }) input: InviteClientUserInput,
  ) {
    return users.inviteClientUser(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => UpdateUserResult, { description: 'Changes the name, language or role of a user of the agency (owner only).' })
  updateUser(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateUserInput, { description: 'The operation input.' }) input: UpdateUserInput) {
    return users.updateUser(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => DeactivateUserResult, {
    description: 'Deactivates a user (owner only): they cannot log in and their tokens stop working at once. Idempotent.',
  })
  deactivateUser(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The user to deactivate.' }) id: string) {
    return users.deactivateUser(ctx, id);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => UserType, { description: 'Lets a deactivated user log in again with their password (owner only). Idempotent.' })
  reactivateUser(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The user to reactivate.' }) id: string) {
    return users.reactivateUser(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => ChangePasswordResult, { description: 'Changes your own password; the current one is required.' })
  changePassword(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => ChangePasswordInput, { description: 'The operation input.' }) input: ChangePasswordInput,
  ) {
    return users.changePassword(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => PasswordResetTicketType, {
    description: 'Issues a one-time password-reset token (24 hours) for a user of the agency (owner only). Hand it to the user; it is shown only here.',
  })
  issuePasswordReset(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => IssuePasswordResetInput, { description: 'The operation input.' }) input: IssuePasswordResetInput,
  ) {
    return users.issuePasswordReset(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => AgencyType, { description: "The user's agency." })
  agency(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.agencyById.load(user.agencyId);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'For CLIENT users: their client.' })
  client(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.clientId ? ctx.loaders.clientById.load(user.clientId) : null;
  }
}
