import nodemailer from 'nodemailer';

import type { Language } from '../i18n/languages.js';
import { loadTranslator } from '../i18n/translator.js';
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

/**
 * The words of the mails the web sends about an account, in the account's language (English when it chose none):
 * the reader is the owner of the address, who may not be the person at the keyboard.
 */
export async function resetMail(language: Language | null, link: string): Promise<{ subject: string; text: string }> {
  const t = await loadTranslator(language ?? 'en');
  return { subject: t.text('notify.mail.reset.subject'), text: t.text('notify.mail.reset.body', { link }) };
}

export async function signUpTakenMail(
  language: Language | null,
  base: string,
): Promise<{ subject: string; text: string }> {
  const t = await loadTranslator(language ?? 'en');
  return {
    subject: t.text('notify.mail.signupTaken.subject'),
    text: t.text('notify.mail.signupTaken.body', { signin: `${base}/signin`, reset: `${base}/reset` }),
  };
}
