import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthedContext, RequestContext } from '../context';
import type { User } from '../entities';
import { AgencyType } from '../schema/agency/agency.type';
import { AuthPayloadType, LoginInput, RegisterAgencyInput } from '../schema/auth/auth.types';
import { CreateUserInput, UpdateMyProfileInput } from '../schema/user/user.inputs';
import { UserType } from '../schema/user/user.type';
import { ClientType } from '../schema/client/client.type';
import * as auth from '../services/auth.service';
import * as users from '../services/user.service';
import { UserRole } from '../entities/enums';
import { PortalVisible } from '../schema/common/visibility';

@Resolver()
export class AuthResolver {
  @PortalVisible()
  @Mutation(() => AuthPayloadType, { description: 'Registers a new agency and its owner; returns a token for the owner.' })
  registerAgency(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterAgencyInput, { description: 'The operation input.' }) input: RegisterAgencyInput) {
    return auth.registerAgency(ctx, input);
  }

  @PortalVisible()
  @Mutation(() => AuthPayloadType, { description: 'Exchanges email and password for a bearer token. UNAUTHENTICATED when they do not match.' })
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput, { description: 'The operation input.' }) input: LoginInput) {
    return auth.login(ctx, input);
  }
}

@Resolver(() => UserType)
export class UserResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => UserType, { description: 'The logged-in user.' })
  me(@Ctx() ctx: AuthedContext) {
    return users.me(ctx);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => UserType, { description: 'Adds a user to the agency (owner only). CLIENT users need clientId.' })
  createUser(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateUserInput, { description: 'The operation input.' }) input: CreateUserInput) {
    return users.createUser(ctx, input);
  }

  @Authorized()
  @PortalVisible()
  @Mutation(() => UserType, { description: "Changes the logged-in user's own name, phone or language (portal users too)." })
  updateMyProfile(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateMyProfileInput, { description: 'The operation input.' }) input: UpdateMyProfileInput) {
    return users.updateMyProfile(ctx, input);
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
