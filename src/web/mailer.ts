import nodemailer from 'nodemailer';

import type { Mailer } from './context.js';

/** Outgoing mail over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587); null when none is configured. */
export function smtpMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
