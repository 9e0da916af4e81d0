import type { AuthedContext } from '../context';
import type { Locale } from '../entities/enums';
import { formatDate, t } from '../i18n';
import { queueEmail } from '../services/outbound-email.service';

export interface InvitationEmail {
  userId: string;
  to: string;
  fullName: string;
  agencyName: string;
  token: string;
  expiresAt: Date;
  locale: Locale;
}

/** The link the invited person opens to choose a password (PUBLIC_URL + the one-time token). */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation?token=${encodeURIComponent(token)}`;
}

/** Puts the client-portal invitation in the outbox, in the invited person's language, within the caller's transaction. */
export async function queueInvitationEmail(tx: AuthedContext, inv: InvitationEmail): Promise<void> {
  const link = invitationLink(tx.app.config.publicUrl, inv.token);
  const params = { agency: inv.agencyName, name: inv.fullName || inv.to, link, expires: formatDate(inv.expiresAt, inv.locale) };
  await queueEmail(tx, {
    to: inv.to,
    subject: t(inv.locale, 'emails.invitation.subject', params),
    text: t(inv.locale, 'emails.invitation.text', params),
    related: { type: 'User', id: inv.userId },
  });
}
