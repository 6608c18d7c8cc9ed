// The message pages of GET /liveness/{token} for a link that cannot be used (expired, already used, unknown).
// The route itself, and the applicant's liveness page for an Active link, belong to the liveness plugin
// (src/adapters/http/routes/liveness/page.ts). The link is never consumed by opening it (mail scanners open
// links too), and its URL is not logged at info level because it carries the token.

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title></head>`
  + `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

const MESSAGES = {
  Completed: ['Liveness check completed', 'This link has already been used. Thank you.'],
  Expired: ['Link expired', 'This link has expired. Contact your case officer for a new one.'],
  Unknown: ['Link not found', 'This link is not valid. Check that you copied the whole link from the email.'],
} as const;

export type LandingMessage = keyof typeof MESSAGES;

/** The HTML and HTTP status of a link that cannot be used. */
export function landingMessagePage(status: LandingMessage): { status: number; html: string } {
  const [title, body] = MESSAGES[status];
  return { status: status === 'Unknown' ? 404 : 410, html: PAGE(title, body) };
}
