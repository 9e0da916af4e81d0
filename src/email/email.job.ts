import { OutboundEmailStatus } from '../entities/outbound-email.entity';
import { msg } from '../i18n';
import { registerJob } from '../jobs/registry';
import { JobFailure } from '../services/job.service';
import { findOutboundEmail, recordEmailOutcome, SEND_EMAIL_JOB, type SendEmailPayload } from '../services/outbound-email.service';
import { sendMail } from './mailer';

/**
 * Sends one outbox email through SMTP_URL. Without SMTP_URL the email is KEPT (the owner reads it in
 * the outbox). A refusal is retried with backoff; after the last attempt the email is FAILED with
 * the server's answer as lastError.
 */
export const sendEmailJob = registerJob<SendEmailPayload, { status: OutboundEmailStatus }>({
  kind: SEND_EMAIL_JOB,
  retryLimit: 3,
  async run({ ctx, payload, lastAttempt }) {
    const email = await findOutboundEmail(ctx, payload.emailId);
    if (!email) throw new JobFailure('EMAIL_NOT_FOUND', msg('jobs.emailNotFound'));
    if (email.status === OutboundEmailStatus.SENT || email.status === OutboundEmailStatus.KEPT) return { status: email.status };
    const { smtpUrl, mailFrom } = ctx.app.config;
    if (!smtpUrl) {
      await recordEmailOutcome(ctx, email, { status: OutboundEmailStatus.KEPT });
      return { status: OutboundEmailStatus.KEPT };
    }
    const attempts = email.attempts + 1;
    try {
      await sendMail(smtpUrl, { from: mailFrom, to: email.to, subject: email.subject, text: email.text, html: email.html });
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      await recordEmailOutcome(ctx, email, { attempts, lastError, status: lastAttempt ? OutboundEmailStatus.FAILED : OutboundEmailStatus.QUEUED });
      throw new JobFailure('EMAIL_NOT_SENT', msg('jobs.emailNotSent'));
    }
    await recordEmailOutcome(ctx, email, { attempts, status: OutboundEmailStatus.SENT, sentAt: new Date(), lastError: null });
    return { status: OutboundEmailStatus.SENT };
  },
});
