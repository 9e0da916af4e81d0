import type { AppServices, RequestContext } from '../context';
import { Agency, PendingSignUp, User } from '../entities';
import type { PendingAgency } from '../entities/pending-signup.entity';
import { Locale } from '../entities/enums';
import { hashOneTimeToken, newOneTimeToken, SIGNUP_CONFIRMATION_TTL_MS } from '../auth/one-time-token';
import type { ConfirmSignUpInput } from '../schema/auth/auth.inputs';
import { SignUpTokenExpiredError, SignUpTokenInvalidError } from '../schema/auth/auth.results';
import { enqueueSystemJob } from './job.service';
import { agencyUnit, beforeAgency, systemBeforeAgency, withTransaction } from './scope';

/**
 * Sign-up by confirmation email (SIGNUP_CONFIRMATION=email). The request stores what was asked and
 * sends a `signup.email` job, the same work whatever the email; the job, off the request path,
 * finds whether the email has an account and sends either the confirmation link or a note to the
 * account's owner. Nothing a stranger can observe depends on the email.
 */
export const SIGNUP_EMAIL_JOB = 'signup.email';

export interface SignUpEmailPayload {
  pendingId: string;
}

/** Stores the pending sign-up and sends its job, in one transaction (before any agency). */
export async function requestSignUp(
  ctx: RequestContext,
  spec: { agency: PendingAgency; email: string; passwordHash: string; locale: Locale; from: string },
): Promise<void> {
  await withTransaction(await beforeAgency(ctx), async (tx) => {
    const rows = tx.manager.getRepository(PendingSignUp);
    const row = await rows.save(
      rows.create({
        email: spec.email,
        passwordHash: spec.passwordHash,
        agency: spec.agency,
        locale: spec.locale,
        tokenHash: null,
        expiresAt: new Date(Date.now() + SIGNUP_CONFIRMATION_TTL_MS),
        createdFrom: spec.from.slice(0, 100),
      }),
    );
    await enqueueSystemJob<SignUpEmailPayload>(tx, SIGNUP_EMAIL_JOB, { pendingId: row.id });
  });
  ctx.app.queue.wake(SIGNUP_EMAIL_JOB);
}

/** What the `signup.email` job sends for one pending sign-up. */
export type SignUpEmail =
  | { kind: 'confirm'; to: string; locale: Locale; token: string; agencyName: string; fullName: string | null }
  | { kind: 'taken'; to: string; locale: Locale; pendingId: string };

/**
 * The job's decision, read before the agency is known. A new email gets a fresh one-time token
 * (only its hash is stored; a retry draws another, and only the last link sent works). A taken
 * email gets a note, in the account's language; its pending row is deleted once the note is sent
 * (signUpNoteSent). Null: the row is gone (confirmed, or pruned), nothing to send.
 */
export async function signUpEmailFor(app: AppServices, pendingId: string): Promise<SignUpEmail | null> {
  const ctx = systemBeforeAgency(app, SIGNUP_EMAIL_JOB);
  const rows = ctx.manager.getRepository(PendingSignUp);
  const pending = await rows.findOneBy({ id: pendingId });
  if (!pending || pending.expiresAt.getTime() <= Date.now()) return null;
  const user = await ctx.manager.getRepository(User).findOneBy({ email: pending.email });
  if (user) {
    // the account's own language, else its agency's (read in that agency's unit)
    const agency = user.locale ? null : await agencyUnit(app, user.agencyId).manager.getRepository(Agency).findOneBy({ id: user.agencyId });
    return { kind: 'taken', to: pending.email, locale: user.locale ?? agency?.locale ?? pending.locale, pendingId };
  }
  const { token, hash } = newOneTimeToken();
  // only while the row is still waiting (not confirmed meanwhile by an earlier link)
  const updated = await rows.update({ id: pendingId }, { tokenHash: hash });
  if (!updated.affected) return null;
  return { kind: 'confirm', to: pending.email, locale: pending.locale, token, agencyName: pending.agency.agencyName, fullName: pending.agency.fullName };
}

/** The note to a taken email's owner has left: the pending sign-up is dropped (it can never be confirmed). */
export async function signUpNoteSent(app: AppServices, pendingId: string): Promise<void> {
  await systemBeforeAgency(app, SIGNUP_EMAIL_JOB).manager.getRepository(PendingSignUp).delete({ id: pendingId });
}

/** The pending sign-up a confirmation token names, consumed (deleted) in the caller's transaction, or why not. */
export async function takePendingSignUp(
  tx: RequestContext,
  input: ConfirmSignUpInput,
): Promise<PendingSignUp | SignUpTokenInvalidError | SignUpTokenExpiredError> {
  const rows = tx.manager.getRepository(PendingSignUp);
  // locked: a second, concurrent use of the link waits, then finds the row gone
  const row = await rows.findOne({ where: { tokenHash: hashOneTimeToken(input.token) }, lock: { mode: 'pessimistic_write' } });
  if (!row) return new SignUpTokenInvalidError();
  if (row.expiresAt.getTime() <= Date.now()) return new SignUpTokenExpiredError();
  await rows.delete({ id: row.id });
  return row;
}

/**
 * Deletes the pending sign-ups whose link has expired (they hold password hashes and addresses):
 * system maintenance before any agency, run by the `signups.prune` schedule.
 */
export async function pruneExpiredSignUps(app: AppServices): Promise<{ deleted: number }> {
  const ctx = systemBeforeAgency(app, 'signups.prune');
  const result = await ctx.manager.getRepository(PendingSignUp).createQueryBuilder().delete().where('"expiresAt" < now()').execute();
  return { deleted: result.affected ?? 0 };
}
