// The office's name and logo as the applicant's pages show them in their header (web/liveness and the messages
// of a link that cannot be used).
import escapeHtml from 'escape-html';
import { LOGO_PATH, type Branding } from '../../../config/branding.ts';

/** The header's brand line: the logo (decorative: the name follows it) and the office's name. */
export function brandHtml(branding: Branding): string {
  const logo = branding.logo ? `<img class="logo" src="${LOGO_PATH}" alt="">` : '';
  return `<p class="brand">${logo}<span>${escapeHtml(branding.officeName)}</span></p>`;
}
