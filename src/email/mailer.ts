import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

const transports = new Map<string, Transporter>();

/** One nodemailer transport per SMTP_URL and process (it keeps no connection between messages). */
function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport({
      url: smtpUrl,
      // a stuck server must not hold a worker for the job's whole expiry
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as SMTPTransport.Options);
    transports.set(smtpUrl, t);
  }
  return t;
}

/** Hands one message to the SMTP server; resolves with the server's message id, rejects with its refusal. */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<string> {
  const info = await transportFor(smtpUrl).sendMail({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
  });
  return String(info.messageId ?? '');
}
