// Outbound email through a real SMTP server (nodemailer), configured by SMTP_URL (smtp:// or smtps://).
// Without SMTP_URL the mailer refuses to send, so the job that asked retries once mail is configured.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Inline parts the HTML refers to as cid:<cid> (the office's logo). */
  attachments?: { filename: string; content: Buffer; contentType: string; cid: string }[];
}

export interface Mailer {
  /** false when no SMTP server is configured: nothing can be sent. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

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
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    },
    close: () => transport.close(),
  };
}
