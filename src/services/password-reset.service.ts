import type { AppServices, RequestContext } from '../context';
import { PasswordResetToken, User } from '../entities';
import { PasswordTokenPurpose } from '../entities/password-reset-token.entity';
import type { Locale } from '../entities/enums';
import { newOneTimeToken, SELF_SERVICE_RESET_TTL_MS } from '../auth/one-time-token';
import { userForLogin, userForToken } from './before-agency';
import { enqueueSystemJob } from './job.service';
import { retireTokens } from './user.service';
import { agencySystemContext, beforeAgency, scoped, systemBeforeAgency, withTransaction } from './scope';

/**
 * "Forgot password?": the request only sends a `password-reset.email` job, the same work whatever
 * the email; the job, off the request path, finds whether the email belongs to an active user and
 * only then issues a one-time reset token (SELF_SERVICE_RESET_TTL_MS) and emails its link. Nothing a
 * stranger can observe depends on the email. The link is used with resetPassword, which signs out
 * every earlier session of the user.
 */
export const PASSWORD_RESET_EMAIL_JOB = 'password-reset.email';

export interface PasswordResetEmailPayload {
  email: string;
}

/** Sends the job (its own transaction, before any agency); the caller has counted the request. */
export async function requestPasswordResetEmail(ctx: RequestContext, email: string): Promise<void> {
  await withTransaction(await beforeAgency(ctx), (tx) => enqueueSystemJob<PasswordResetEmailPayload>(tx, PASSWORD_RESET_EMAIL_JOB, { email }));
  ctx.app.queue.wake(PASSWORD_RESET_EMAIL_JOB);
}

/** What the job sends: the link's token, to whom, in the user's language (else the agency's). */
export interface PasswordResetEmail {
  to: string;
  userId: string;
  locale: Locale;
  token: string;
  expiresAt: Date;
}

/**
 * The job's decision and the token, in one transaction of the user's agency: null (nothing to send)
 * for an email without a user or with a deactivated one. A new token retires the user's unused
 * ones (as an owner's reset does), so only the last link sent works.
 */
export async function issueSelfServiceReset(app: AppServices, email: string): Promise<PasswordResetEmail | null> {
  const ctx = systemBeforeAgency(app, PASSWORD_RESET_EMAIL_JOB);
  const found = await userForLogin(ctx.manager, email);
  if (!found || !found.isActive) return null;
  const locale = (await userForToken(ctx.manager, found.id))?.locale;
  if (!locale) return null;
  return withTransaction(agencySystemContext(app, PASSWORD_RESET_EMAIL_JOB, { id: found.agencyId, locale }), async (tx) => {
    const user = await scoped(tx, User).findById(found.id, { lock: true });
    if (!user || !user.isActive) return null;
    const tokens = scoped(tx, PasswordResetToken);
    // only the last link sent works (as after an owner's reset)
    await retireTokens(tx, user.id);
    const { token, hash } = newOneTimeToken();
    const expiresAt = new Date(Date.now() + SELF_SERVICE_RESET_TTL_MS);
    // issued by the user themself (asked for by email): no one else saw the token
    await tokens.insert({ userId: user.id, tokenHash: hash, purpose: PasswordTokenPurpose.RESET, expiresAt, usedAt: null, issuedById: user.id });
    return { to: user.email, userId: user.id, locale, token, expiresAt };
  });
}
