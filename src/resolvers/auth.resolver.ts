import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { AuthPayloadType } from '../schema/auth/auth.type';
import { LoginInput, RegisterAgencyInput } from '../schema/auth/auth.inputs';
import { ResetPasswordInput } from '../schema/user/user.inputs';
import { ResetPasswordResult } from '../schema/user/user.results';
import * as auth from '../services/auth.service';
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

  @PortalVisible()
  @Mutation(() => ResetPasswordResult, {
    description:
      'Sets a password with a one-time token from an invitation (inviteClientUser) or a reset (issuePasswordReset), and logs the user in. Each token works once. No login needed.',
  })
  resetPassword(@Ctx() ctx: RequestContext, @Arg('input', () => ResetPasswordInput, { description: 'The operation input.' }) input: ResetPasswordInput) {
    return auth.resetPassword(ctx, input);
  }
}
