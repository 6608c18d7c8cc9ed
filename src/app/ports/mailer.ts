// Outbound email as the use cases see it; the SMTP adapter (src/adapters/mail/mailer.ts) implements it.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID (without the angle brackets), so a resent message is recognisably the same one. */
  messageId?: string;
  /** Inline parts the HTML refers to as cid:<cid> (the office's logo). */
  attachments?: { filename: string; content: Buffer; contentType: string; cid: string }[];
}

export interface Mailer {
  /** false when no SMTP server is configured: nothing can be sent. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}
