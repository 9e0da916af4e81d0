import { SELF_SERVICE_RESET_TTL_MS } from '../auth/one-time-token';
import { t } from '../i18n';
import { registerSystemJob } from '../jobs/registry';
import { issueSelfServiceReset, PASSWORD_RESET_EMAIL_JOB, type PasswordResetEmailPayload } from '../services/password-reset.service';
import { sendMail } from './mailer';

/** The link that opens the page where the user chooses a new password (PUBLIC_URL + the one-time token). */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * Sends a requested password reset straight through SMTP_URL, not through the agency's outbox:
 * the link is the user's alone (an outbox row would show it to the agency). Nothing is sent for an
 * email without an active user. A refusal is retried (3 retries; each retry issues a new token, so
 * only the last link sent works). requestPasswordReset is refused without SMTP_URL; a worker
 * process (npm run worker) needs the same SMTP_URL, MAIL_FROM and PUBLIC_URL.
 */
export const passwordResetEmailJob = registerSystemJob<PasswordResetEmailPayload>({
  kind: PASSWORD_RESET_EMAIL_JOB,
  retryLimit: 3,
  async run(app, payload) {
    const { smtpUrl, mailFrom, publicUrl } = app.config;
    if (!smtpUrl) {
      app.logger.error({ job: PASSWORD_RESET_EMAIL_JOB }, 'password-reset email dropped: this process has no SMTP_URL');
      return { sent: false };
    }
    const mail = await issueSelfServiceReset(app, payload.email);
    if (!mail) return { sent: false };
    const params = { link: passwordResetLink(publicUrl, mail.token), minutes: SELF_SERVICE_RESET_TTL_MS / 60_000 };
    await sendMail(smtpUrl, {
      from: mailFrom,
      to: mail.to,
      subject: t(mail.locale, 'emails.passwordReset.subject', params),
      text: t(mail.locale, 'emails.passwordReset.text', params),
    });
    return { sent: true };
  },
});
