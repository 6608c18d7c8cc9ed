// The office's logo (PONO_OFFICE_LOGO) in the casework emails: an image at the top of the HTML part, and the
// inline attachment it refers to; nothing at all when no logo is configured.
import escapeHtml from 'escape-html';
import type { Branding } from '../../config/branding.ts';
import type { MailMessage } from '../ports/mailer.ts';

/** The inline logo's Content-ID, referenced from the HTML part as cid:LOGO_CID. */
export const LOGO_CID = 'office-logo@pono';

/** The logo's HTML (empty without a logo) and the message's attachments (none without a logo). */
export function emailLogo(branding: Branding): { html: string; attachments: Pick<MailMessage, 'attachments'> } {
  const logo = branding.logo;
  if (!logo) return { html: '', attachments: {} };
  return {
    html: `<p><img src="cid:${LOGO_CID}" alt="${escapeHtml(branding.officeName)}" height="48" style="height:48px;width:auto"></p>`,
    attachments: {
      attachments: [{ filename: logo.fileName, content: logo.bytes, contentType: logo.contentType, cid: LOGO_CID }],
    },
  };
}
