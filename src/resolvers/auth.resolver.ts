import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { AuthPayloadType, RegisterAgencyPayloadType, RequestPasswordResetPayloadType } from '../schema/auth/auth.type';
import { ConfirmSignUpInput, LoginInput, RegisterAgencyInput, RequestPasswordResetInput } from '../schema/auth/auth.inputs';
import { ConfirmSignUpResult } from '../schema/auth/auth.results';
import { ResetPasswordInput } from '../schema/user/user.inputs';
import { ResetPasswordResult } from '../schema/user/user.results';
import * as auth from '../services/auth.service';
import { PortalVisible } from '../schema/common/visibility';

@Resolver()
export class AuthResolver {
  @PortalVisible()
  @Mutation(() => RegisterAgencyPayloadType, {
    description:
      'Registers a new agency and its owner. Where sign-ups are confirmed by email (the production default) it answers only `confirmationSent: true`, the same for every address, and the agency is created by confirmSignUp with the emailed link; elsewhere it creates them at once and returns a token for the owner (a taken email: CONFLICT EMAIL_TAKEN).',
  })
  registerAgency(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterAgencyInput, { description: 'The operation input.' }) input: RegisterAgencyInput) {
    return auth.registerAgency(ctx, input);
  }

  @PortalVisible()
  @Mutation(() => ConfirmSignUpResult, {
    description:
      'Finishes a sign-up with the token of its emailed link: creates the agency and its owner as registered, and logs the owner in. Each link works once, for 24 hours. CONFLICT EMAIL_TAKEN if the email got an account meanwhile; FORBIDDEN SIGNUP_CLOSED once sign-up is closed (SIGNUP=off). No login needed.',
  })
  confirmSignUp(@Ctx() ctx: RequestContext, @Arg('input', () => ConfirmSignUpInput, { description: 'The operation input.' }) input: ConfirmSignUpInput) {
    return auth.confirmSignUp(ctx, input);
  }

  @PortalVisible()
  @Mutation(() => AuthPayloadType, { description: 'Exchanges email and password for a bearer token. UNAUTHENTICATED when they do not match.' })
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput, { description: 'The operation input.' }) input: LoginInput) {
    return auth.login(ctx, input);
  }

  @PortalVisible()
  @Mutation(() => RequestPasswordResetPayloadType, {
    description:
      'Forgot password: emails the user of this email a link to choose a new password with resetPassword (once, within 60 minutes; it signs out every other session). The answer is the same whether or not the email has an account, and a deactivated user gets nothing. RATE_LIMITED (HTTP 429, Retry-After) past PASSWORD_RESET_PER_HOUR_PER_ADDRESS requests from one address or PASSWORD_RESET_PER_HOUR_PER_EMAIL for one email; FORBIDDEN PASSWORD_RESET_UNAVAILABLE on a server that sends no email. No login needed.',
  })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Arg('input', () => RequestPasswordResetInput, { description: 'The operation input.' }) input: RequestPasswordResetInput) {
    return auth.requestPasswordReset(ctx, input);
  }

  @PortalVisible()
  @Mutation(() => ResetPasswordResult, {
    description:
      'Sets a password with a one-time token from an invitation (inviteClientUser), a reset (issuePasswordReset) or an emailed reset link (requestPasswordReset), and logs the user in. Each token works once. No login needed.',
  })
  resetPassword(@Ctx() ctx: RequestContext, @Arg('input', () => ResetPasswordInput, { description: 'The operation input.' }) input: ResetPasswordInput) {
    return auth.resetPassword(ctx, input);
  }
}
