import type { AuthedContext } from '../context';
import type { Locale } from '../entities/enums';
import { formatDate, t } from '../i18n';
import { queueEmail } from '../services/outbound-email.service';

export interface SurveyEmail {
  invitationId: string;
  to: string;
  name: string;
  agencyName: string;
  token: string;
  expiresAt: Date;
  locale: Locale;
}

/** The link a contact opens to answer the survey (PUBLIC_URL + the one-time token). */
export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl}/survey?token=${encodeURIComponent(token)}`;
}

/** Puts a survey invitation in the outbox, in the agency's language, within the caller's transaction. */
export async function queueSurveyEmail(tx: AuthedContext, mail: SurveyEmail): Promise<void> {
  const link = surveyLink(tx.app.config.publicUrl, mail.token);
  const params = { agency: mail.agencyName, name: mail.name || mail.to, link, expires: formatDate(mail.expiresAt, mail.locale) };
  await queueEmail(tx, {
    to: mail.to,
    subject: t(mail.locale, 'emails.survey.subject', params),
    text: t(mail.locale, 'emails.survey.text', params),
    related: { type: 'SurveyInvitation', id: mail.invitationId },
  });
}
