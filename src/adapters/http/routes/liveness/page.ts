// The applicant's liveness page: static HTML, JS and CSS from web/liveness (no build step), served with a strict
// content security policy, no caching and no referrer (the URL carries the token).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { AppError } from '../../../../app/errors.ts';
import { landingMessagePage } from '../casework/liveness-landing.ts';
import { brandHtml } from '../../web/brand.ts';

const WEB_DIR = fileURLToPath(new URL('../../../../../web/liveness/', import.meta.url));
const ASSETS = { 'liveness.js': 'text/javascript; charset=utf-8', 'liveness.css': 'text/css; charset=utf-8' } as const;
type AssetName = keyof typeof ASSETS;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function read(name: string): string {
  return readFileSync(`${WEB_DIR}${name}`, 'utf8');
}

function secureHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', CSP)
    .header('permissions-policy', 'camera=(self), microphone=()');
}

/** GET /liveness/{token}: the page for a usable link or session, else the message of an expired/used/unknown link. */
export async function applicantPage(services: Services, token: string, reply: FastifyReply): Promise<FastifyReply> {
  let message: 'Completed' | 'Expired' | 'Unknown' | undefined;
  try {
    const view = await services.liveness.applicantView(token);
    const linkDone = await services.casework.links.landing(token);
    if (linkDone.status === 'Expired') message = 'Expired';
    else if (linkDone.status === 'Completed') message = 'Completed';
    else if (view.state === 'expired') message = 'Expired';
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') message = 'Unknown';
    else throw error;
  }
  if (message) {
    const page = landingMessagePage(message, services.branding);
    return secureHeaders(reply.status(page.status)).header('content-type', 'text/html; charset=utf-8').send(page.html);
  }
  return secureHeaders(reply.status(200))
    .header('content-type', 'text/html; charset=utf-8')
    .send(read('index.html').replace('<!-- brand -->', brandHtml(services.branding)));
}

export const assetRoutes = (): FastifyPluginAsyncTypebox => async (app) => {
  const cache = new Map<AssetName, string>();
  app.get(
    '/liveness/assets/:name',
    {
      schema: {
        tags: ['liveness: applicant'],
        summary: 'Script and style of the applicant’s page',
        params: Type.Object({ name: Type.String({ enum: Object.keys(ASSETS) }) }),
      },
    },
    async (request, reply) => {
      const name = request.params.name as AssetName;
      const body = cache.get(name) ?? read(name);
      if (process.env.NODE_ENV === 'production') cache.set(name, body);
      return secureHeaders(reply).header('content-type', ASSETS[name]).send(body);
    },
  );
};
