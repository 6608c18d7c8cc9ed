// The "Send Liveness" email: the single-use link, valid 24 hours (seed 000 L856), from the office of the
// configuration (PONO_OFFICE_NAME), its logo (PONO_OFFICE_LOGO) inline in the HTML part. No personal data beyond
// the recipient's address, which the message needs.
import escapeHtml from 'escape-html';
import type { Branding } from '../../config/branding.ts';
import type { MailMessage } from '../ports/mailer.ts';

/** The inline logo's Content-ID, referenced from the HTML part as cid:LOGO_CID. */
export const LOGO_CID = 'office-logo@pono';

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
  const logo = branding.logo
    ? `<p><img src="cid:${LOGO_CID}" alt="${escapeHtml(branding.officeName)}" height="48" style="height:48px;width:auto"></p>`
    : '';
  const html =
    `${logo}<p>Kia ora,</p><p>${escapeHtml(asked)}</p>` +
    `<p>Open this link on a device with a camera within ${validHours} hours:</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` +
    '<p>The link works once. If it has expired, contact your case officer and they will send a new one.</p>';
  const attachments = branding.logo
    ? [
        {
          filename: branding.logo.fileName,
          content: branding.logo.bytes,
          contentType: branding.logo.contentType,
          cid: LOGO_CID,
        },
      ]
    : [];
  return { to, subject: 'Your liveness check link', text, html, ...(attachments.length > 0 ? { attachments } : {}) };
}
