// The embeddable verification component (web/forms): its script and styles and its React wrapper, which any
// origin may load, the help's sample images, and a demo form with two applicants. The demo page is the "form's
// server": it mints a browser token for the demo account when that account exists (PONO_DEMO), so the page never
// holds a password.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.ts';
import type { Services } from '../../../app/services.ts';
import { DEMO_ACCOUNT } from '../../../app/demo.ts';
import { FORM_SAMPLES } from './form-samples.ts';

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

const BACKGROUND = 'dfat,ofac,pep,aec,asic,tenancy';
const INTERACTIVE = 'passportdvs,medicaredvs,regodvs,visadvs,birthcertificatedvs,citizenshipcertificatedvs';

const CAPTURE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Photograph your identity document — pono</title><link rel="stylesheet" href="/forms/pono-verify.css"></head>
<body><main><h1>Your identity document</h1>
<p id="capture-missing" hidden>This link is incomplete or has expired. Ask the organisation that sent it for a new one.</p>
<pono-verify id="capture" document-capture></pono-verify>
</main><script src="/forms/pono-verify.js"></script><script src="/forms/pono-document-capture.js"></script><script src="/forms/capture-page.js"></script></body></html>`;

function applicantForm(n: number, middleName: string, token: string): string {
  const id = `applicant${n}`;
  const field = (name: string, label: string, value: string, type = 'text') =>
    `<p><label for="${id}-${name}">${label}</label><br><input id="${id}-${name}" name="${name}" type="${type}" value="${value}"></p>`;
  return `<section aria-labelledby="${id}-heading"><h2 id="${id}-heading">Applicant ${n}</h2>
<form data-applicant="${id}-verify">
${field('firstName', 'First name', n === 1 ? 'Aroha' : 'Mere')}
${field('middleName', 'Middle name (demo: stub codes)', middleName)}
${field('lastName', 'Last name', 'Ngata')}
${field('dateOfBirth', 'Date of birth', n === 1 ? '1986-03-12' : '1990-07-21', 'date')}
${field('streetNumber', 'Street number', '267-277')}
${field('streetName', 'Street name', 'George')}
${field('streetType', 'Street type', 'ST')}
${field('suburb', 'Suburb', 'Sydney')}
${field('state', 'State', 'NSW')}
${field('postcode', 'Postcode', '2000')}
${field('country', 'Country', 'Australia')}
<p><input id="${id}-credit-header" type="checkbox" data-credit-header> <label for="${id}-credit-header">Also check the credit header (dnb): the person is asked to consent first</label></p>
<button type="submit">Check the identity of applicant ${n}</button>
<p class="demo-events" aria-live="polite"></p>
</form>
<pono-verify id="${id}-verify" account="${DEMO_ACCOUNT.accountId}" token="${token}" role-key="Applicant${n}" background-sources="${BACKGROUND}" interactive-sources="${INTERACTIVE}" allow-opt-out${n === 2 ? ' document-capture' : ''}></pono-verify>
</section>`;
}

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
  app.get('/forms/demo', { schema: { hide: true } }, async (_request, reply) => {
    if (!(await services.accounts.find(DEMO_ACCOUNT.accountId))) {
      return reply
        .status(404)
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><head><title>pono</title></head><body><main><h1>Demo form</h1><p>Start pono with PONO_DEMO=1 for the demo account.</p></main></body></html>',
        );
    }
    const trackingCode = `demo-${Date.now().toString(36)}`;
    const { browserToken } = await services.forms.issueBrowserTokenForAccount(DEMO_ACCOUNT.accountId, trackingCode);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo application form — pono</title><link rel="stylesheet" href="/forms/pono-verify.css"></head>
<body><main><h1>Demo application form</h1>
<p>Two applicants in one transaction (${trackingCode}). Applicant 1's middle name passes every background check; applicant 2's fails them, so a document is asked for (passport A1111111 verifies).</p>
${applicantForm(1, `TWO${'P'.repeat(28)}`, browserToken)}
${applicantForm(2, `TWOPPP${'F'.repeat(25)}`, browserToken)}
</main><script src="/forms/pono-verify.js"></script><script src="/forms/demo.js"></script></body></html>`;
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
}
