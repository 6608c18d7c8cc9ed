// The message pages of GET /liveness/{token} for a link that cannot be used (expired, already used, unknown):
// styled and branded like the applicant's liveness page (its style sheet, the office's name and logo) and, like
// it, in English and te reo Māori. The route itself, and the applicant's liveness page for an Active link, belong
// to the liveness plugin (src/adapters/http/routes/liveness/page.ts). The link is never consumed by opening it
// (mail scanners open links too), and its URL is not logged at info level because it carries the token.
import type { Branding } from '../../../../config/branding.ts';
import { brandHtml } from '../../web/brand.ts';

interface Message {
  title: string;
  text: string;
}

/** Each message in English and in te reo Māori. */
const MESSAGES: Record<'Completed' | 'Expired' | 'Unknown', { en: Message; mi: Message }> = {
  Completed: {
    en: { title: 'Liveness check completed', text: 'This link has already been used. Thank you.' },
    mi: { title: 'Kua oti te arowhai kanohi', text: 'Kua whakamahia kē tēnei hono. Ngā mihi.' },
  },
  Expired: {
    en: { title: 'Link expired', text: 'This link has expired. Contact your case officer for a new one.' },
    mi: { title: 'Kua pau te hono', text: 'Kua pau tēnei hono. Whakapā atu ki tō āpiha take mō tētahi hono hou.' },
  },
  Unknown: {
    en: {
      title: 'Link not found',
      text: 'This link is not valid. Check that you copied the whole link from the email.',
    },
    mi: {
      title: 'Kāore i kitea te hono',
      text: 'Kāore tēnei hono i te tika. Tirohia kua kapea e koe te hono katoa i te īmēra.',
    },
  },
};

export type LandingMessage = keyof typeof MESSAGES;

function page(branding: Branding, { en, mi }: { en: Message; mi: Message }): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="referrer" content="no-referrer"><title>${en.title} | ${mi.title}</title>` +
    '<link rel="stylesheet" href="/liveness/assets/liveness.css"></head>' +
    '<body><a class="skip" href="#main">Skip to main content</a>' +
    `<header>${brandHtml(branding)}</header>` +
    `<main id="main" tabindex="-1"><h1>${en.title} <span class="mi" lang="mi">| ${mi.title}</span></h1>` +
    `<p>${en.text}</p><p lang="mi">${mi.text}</p></main></body></html>`
  );
}

/** The HTML and HTTP status of a link that cannot be used. */
export function landingMessagePage(status: LandingMessage, branding: Branding): { status: number; html: string } {
  return { status: status === 'Unknown' ? 404 : 410, html: page(branding, MESSAGES[status]) };
}
