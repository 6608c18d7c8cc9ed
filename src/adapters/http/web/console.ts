// The officers' console and the public pages: a single-page application built by Vite into dist/web
// (`npm run build:web`, run by `npm install`), served on the same port as the API. Hashed assets are cached for
// good; every other page path answers the application's index.html, whose router shows the screen.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../app.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const WEB_BUILD_DIR = fileURLToPath(new URL('../../../../dist/web/', import.meta.url));

/** Paths the server answers itself; everything else a browser asks for as a page is the console's. */
const SERVER_PATHS = [
  /^\/api\//,
  /^\/docs(\/|$)/,
  /^\/(healthz|readyz|metrics)$/,
  /^\/Registrations-Registrations\//i,
  /^\/liveness\//,
  /^\/assets\//,
  /^\/branding\//,
  /^\/forms\//,
];

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pono</title></head>
<body><main><h1>pono</h1><p>The console has not been built. Run <code>npm run build:web</code> (done by
<code>npm install</code>) and start the server again. The API is at <a href="/docs">/docs</a>.</p></main></body></html>`;

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (SERVER_PATHS.some((pattern) => pattern.test(path))) return false;
  return (request.headers.accept ?? '').includes('text/html') || !path.includes('.');
}

export async function registerConsole(app: App): Promise<void> {
  const built = existsSync(`${WEB_BUILD_DIR}index.html`);
  const indexHtml = built ? readFileSync(`${WEB_BUILD_DIR}index.html`, 'utf8') : NOT_BUILT;
  if (built) {
    await app.register(fastifyStatic, {
      root: `${WEB_BUILD_DIR}assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
    });
  }
  const sendIndex = (reply: FastifyReply) =>
    reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    if (wantsPage(request)) return sendIndex(reply);
    return reply.status(404).send({
      error: 'not_found',
      message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      code: 'ROUTE_NOT_FOUND',
      requestId: request.id,
    });
  });
}
