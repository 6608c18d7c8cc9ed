// The "Send Liveness" email: the single-use link, valid 24 hours (seed 000 L856), from the office of the
// configuration (PONO_OFFICE_NAME), its logo (PONO_OFFICE_LOGO) inline in the HTML part. No personal data beyond
// the recipient's address, which the message needs.
import escapeHtml from 'escape-html';
import type { Branding } from '../../config/branding.ts';
import type { MailMessage } from '../ports/mailer.ts';
import { emailLogo } from './email-logo.ts';

export function livenessLinkEmail(to: string, url: string, validHours: number, branding: Branding): MailMessage {
  const asked = `${branding.officeName} has asked you to complete a liveness check for a citizenship application.`;
  const text = [
    'Kia ora,',
    '',
    asked,
    `Open this link on a device with a camera within ${validHours} hours:`,
    '',
    url,
    '',
    'The link works once. If it has expired, contact your case officer and they will send a new one.',
  ].join('\n');
  const logo = emailLogo(branding);
  const html =
    `${logo.html}<p>Kia ora,</p><p>${escapeHtml(asked)}</p>` +
    `<p>Open this link on a device with a camera within ${validHours} hours:</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` +
    '<p>The link works once. If it has expired, contact your case officer and they will send a new one.</p>';
  return { to, subject: 'Your liveness check link', text, html, ...logo.attachments };
}
