// The embeddable verification component (web/forms): its script and styles and its React wrapper, which any
// origin may load, the help's sample images, pono's capture page, and the demo form with two applicants
// (forms-demo.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.ts';
import type { Services } from '../../../app/services.ts';
import { FORM_SAMPLES } from './form-samples.ts';
import { registerFormsDemo } from './forms-demo.ts';

const FORMS_DIR = fileURLToPath(new URL('../../../../web/forms/', import.meta.url));
const ASSETS: Record<string, string> = {
  'pono-verify.js': 'text/javascript; charset=utf-8',
  'pono-verify.css': 'text/css; charset=utf-8',
  'demo.js': 'text/javascript; charset=utf-8',
  'pono-document-capture.js': 'text/javascript; charset=utf-8',
  'capture-page.js': 'text/javascript; charset=utf-8',
  // The React wrapper and its types, for a form developer to take into a React project (docs/forms.md).
  'react/pono-verify-react.js': 'text/javascript; charset=utf-8',
  'react/pono-verify-react.d.ts': 'text/plain; charset=utf-8',
};

const CAPTURE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Photograph your identity document — pono</title><link rel="stylesheet" href="/forms/pono-verify.css"></head>
<body><main><h1>Your identity document</h1>
<p id="capture-missing" hidden>This link is incomplete or has expired. Ask the organisation that sent it for a new one.</p>
<pono-verify id="capture" document-capture></pono-verify>
</main><script src="/forms/pono-verify.js"></script><script src="/forms/pono-document-capture.js"></script><script src="/forms/capture-page.js"></script></body></html>`;

export async function registerFormsComponent(app: App, services: Services): Promise<void> {
  const files = Object.fromEntries(
    Object.keys(ASSETS).map((name) => [name, readFileSync(`${FORMS_DIR}${name}`, 'utf8')]),
  );
  for (const [name, type] of Object.entries(ASSETS)) {
    app.get(`/forms/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply
        .header('content-type', type)
        .header('cache-control', 'no-cache')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(files[name]),
    );
  }
  app.get('/forms/samples/:name', { schema: { hide: true } }, (request, reply) => {
    const svg = FORM_SAMPLES[(request.params as { name: string }).name];
    if (!svg)
      return reply
        .status(404)
        .send({ error: 'not_found', message: 'No such sample', code: 'ROUTE_NOT_FOUND', requestId: request.id });
    return reply
      .header('content-type', 'image/svg+xml')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(svg);
  });
  // The person's document capture page (issue 15), reached by a link with a browser token in its fragment.
  app.get('/forms/capture', { schema: { hide: true } }, (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(CAPTURE_PAGE),
  );
  registerFormsDemo(app, services);
}
