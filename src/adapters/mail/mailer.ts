// Outbound email through a real SMTP server (nodemailer), configured by SMTP_URL (smtp:// or smtps://).
// Without SMTP_URL the mailer refuses to send, so the job that asked retries once mail is configured.
import nodemailer from 'nodemailer';
import type { MailMessage, Mailer } from '../../app/ports/mailer.ts';

export type { MailMessage, Mailer };

export class MailNotConfiguredError extends Error {}

export const DEFAULT_MAIL_FROM = 'pono <no-reply@pono.invalid>';

export function createMailer(smtpUrl: string | undefined, from: string = DEFAULT_MAIL_FROM): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new MailNotConfiguredError('SMTP_URL is not configured');
      },
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    send: async (message) => {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.messageId ? { messageId: `<${message.messageId}>` } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    },
    close: () => transport.close(),
  };
}
