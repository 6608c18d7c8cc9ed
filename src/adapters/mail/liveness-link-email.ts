// The "Send Liveness" email: the single-use link, valid 24 hours (seed 000 L856). No personal data beyond
// the recipient's address, which the message needs.
import type { MailMessage } from './mailer.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function livenessLinkEmail(to: string, url: string, validHours: number): MailMessage {
  const text = [
    'Kia ora,',
    '',
    'Te Tari Taiwhenua Internal Affairs has asked you to complete a liveness check for a citizenship application.',
    `Open this link on a device with a camera within ${validHours} hours:`,
    '',
    url,
    '',
    'The link works once. If it has expired, contact your case officer and they will send a new one.',
  ].join('\n');
  const html = `<p>Kia ora,</p><p>Te Tari Taiwhenua Internal Affairs has asked you to complete a liveness check for a citizenship application.</p>`
    + `<p>Open this link on a device with a camera within ${validHours} hours:</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`
    + '<p>The link works once. If it has expired, contact your case officer and they will send a new one.</p>';
  return { to, subject: 'Your liveness check link', text, html };
}
