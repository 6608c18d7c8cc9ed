// GET /liveness/{token}: where the emailed link lands. A placeholder page saying the liveness check will
// open here; the applicant's liveness page (P6) replaces this handler. It never consumes the link (mail
// scanners open links too), and its URL is not logged at info level because it carries the token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title></head>`
  + `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

const MESSAGES = {
  Active: ['Liveness check', 'Your liveness check will open here. You will need a device with a camera.'],
  Completed: ['Liveness check completed', 'This link has already been used. Thank you.'],
  Expired: ['Link expired', 'This link has expired. Contact your case officer for a new one.'],
  Unknown: ['Link not found', 'This link is not valid. Check that you copied the whole link from the email.'],
} as const;

export const livenessLandingRoutes = (services: Services): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/liveness/:token', {
    logLevel: 'warn',
    schema: { tags: ['liveness'], summary: 'Applicant landing page of a liveness check link', params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }) },
  }, async (request, reply) => {
    const { status } = await services.casework.links.landing(request.params.token);
    const [title, body] = MESSAGES[status];
    return reply
      .status(status === 'Unknown' ? 404 : status === 'Active' ? 200 : 410)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(PAGE(title, body));
  });
};
