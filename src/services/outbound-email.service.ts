import type { AppServices, AuthedContext } from '../context';
import { OutboundEmail, OutboundEmailStatus } from '../entities/outbound-email.entity';
import type { ConnectionResult } from '../schema/common/connection';
import type { PageArgs } from '../schema/common/connection';
import { enqueueJob } from './job.service';
import { paginate } from './pagination';
import { scoped, withTransaction } from './scope';

/** The kind of job that sends one outbox email. */
export const SEND_EMAIL_JOB = 'email.send';

export interface EmailDraft {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** what the email is about, e.g. ('User', id) */
  related?: { type: string; id: string };
}

export interface SendEmailPayload {
  emailId: string;
}

/**
 * Puts an email in the agency's outbox and enqueues its sending, in the caller's transaction: a
 * rolled-back operation leaves neither the email nor the job behind.
 */
export async function queueEmail(ctx: AuthedContext, draft: EmailDraft): Promise<OutboundEmail> {
  return withTransaction(ctx, async (tx) => {
    const email = await scoped(tx, OutboundEmail).insert(
      {
        to: draft.to,
        subject: draft.subject,
        text: draft.text,
        html: draft.html ?? null,
        status: OutboundEmailStatus.QUEUED,
        attempts: 0,
        relatedType: draft.related?.type ?? null,
        relatedId: draft.related?.id ?? null,
      },
      { allowPortal: true },
    );
    await enqueueJob<SendEmailPayload>(tx, SEND_EMAIL_JOB, { emailId: email.id });
    return email;
  });
}

/** The agency's outbox, newest first (owner only: emails may carry one-time links). */
export async function listOutbox(ctx: AuthedContext, args: PageArgs): Promise<ConnectionResult<OutboundEmail>> {
  const qb = scoped(ctx, OutboundEmail).query('m');
  return paginate(qb, args, { column: 'm."createdAt"', value: (m) => m.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/** The outbox email a send job is about (null when it went with its agency). */
export async function findOutboundEmail(ctx: AuthedContext, id: string): Promise<OutboundEmail | null> {
  return scoped(ctx, OutboundEmail).findById(id);
}

/** Records what became of one attempt at sending. */
export async function recordEmailOutcome(ctx: AuthedContext, email: OutboundEmail, patch: Partial<OutboundEmail>): Promise<void> {
  await scoped(ctx, OutboundEmail).update(email, patch as never, { allowPortal: true });
}

/** How long the outbox keeps an email that is no longer waiting to be sent (it holds addresses and links). */
export const OUTBOX_RETENTION_DAYS = 90;

/**
 * Deletes, for every agency, the emails created more than OUTBOX_RETENTION_DAYS ago that are no
 * longer waiting (SENT, FAILED, KEPT): system maintenance that reads nothing and drops expired rows.
 */
export async function pruneOutbox(app: AppServices): Promise<{ deleted: number }> {
  // a narrow SECURITY DEFINER function (migrations/1796700001000-BeforeAgencyLookups.ts): the login role needs no BYPASSRLS
  const rows: { deleted: string }[] = await app.dataSource.query('SELECT app_prune_outbox($1) AS deleted', [OUTBOX_RETENTION_DAYS]);
  return { deleted: Number(rows[0]?.deleted ?? 0) };
}
