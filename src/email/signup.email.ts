import { t } from '../i18n';
import { registerSystemJob } from '../jobs/registry';
import { SIGNUP_EMAIL_JOB, signUpEmailFor, signUpNoteSent, type SignUpEmail, type SignUpEmailPayload } from '../services/signup.service';
import { sendMail } from './mailer';

/** The link that finishes a sign-up (PUBLIC_URL + the one-time token). */
export function confirmSignUpLink(publicUrl: string, token: string): string {
  return `${publicUrl}/confirm-signup?token=${encodeURIComponent(token)}`;
}

/** Where an existing account signs in. */
export function signInLink(publicUrl: string): string {
  return `${publicUrl}/login`;
}

function compose(publicUrl: string, mail: SignUpEmail): { subject: string; text: string } {
  if (mail.kind === 'taken') {
    const params = { link: signInLink(publicUrl) };
    return { subject: t(mail.locale, 'emails.signupTaken.subject', params), text: t(mail.locale, 'emails.signupTaken.text', params) };
  }
  const params = { agency: mail.agencyName, name: mail.fullName || mail.to, link: confirmSignUpLink(publicUrl, mail.token) };
  return { subject: t(mail.locale, 'emails.signupConfirm.subject', params), text: t(mail.locale, 'emails.signupConfirm.text', params) };
}

/**
 * Sends a sign-up's email straight through SMTP_URL: there is no agency yet, so no outbox row (the
 * outbox is an agency's). Either the confirmation link (a new email) or a note to the owner of an
 * account that already has the email. A refusal is retried (3 retries). Config refuses
 * SIGNUP_CONFIRMATION=email without SMTP_URL while sign-up is open; a worker process (npm run
 * worker) needs the same SMTP_URL, MAIL_FROM and PUBLIC_URL (the link is written here).
 */
export const signUpEmailJob = registerSystemJob<SignUpEmailPayload>({
  kind: SIGNUP_EMAIL_JOB,
  retryLimit: 3,
  async run(app, payload) {
    const { smtpUrl, mailFrom, publicUrl } = app.config;
    const mail = await signUpEmailFor(app, payload.pendingId);
    if (!mail) return { sent: false };
    if (!smtpUrl) {
      // a worker process started without the API's SMTP_URL: the sign-up cannot finish
      app.logger.error({ job: SIGNUP_EMAIL_JOB }, 'sign-up email dropped: this process has no SMTP_URL');
      return { sent: false };
    }
    await sendMail(smtpUrl, { from: mailFrom, to: mail.to, ...compose(publicUrl, mail) });
    if (mail.kind === 'taken') await signUpNoteSent(app, mail.pendingId);
    return { sent: true };
  },
});
