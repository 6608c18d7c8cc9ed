// The demo form (PONO_DEMO): two applicants in one transaction, each with a <pono-verify>, and the form's own
// server side. The page is the "form's server": it mints the browser token for the demo account, so the page never
// holds a password, and at submission it runs the tamper check for each applicant on the server, with the account
// the browser token proves (the browser sends its token and the details; never the account's password).
import { Type } from '@sinclair/typebox';
import type { App } from '../app.ts';
import type { Services } from '../../../app/services.ts';
import { DEMO_ACCOUNT } from '../../../app/demo.ts';
import { AppError } from '../../../app/errors.ts';
import { TamperCheckBody } from '../schemas/forms.ts';

const BACKGROUND = 'dfat,ofac,pep,aec,asic,tenancy';
const INTERACTIVE = 'passportdvs,medicaredvs,regodvs,visadvs,birthcertificatedvs,citizenshipcertificatedvs';

/** The demo's submission: its browser token and, for each applicant, the details being submitted. */
const DemoSubmitBody = Type.Object(
  {
    token: Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$' }),
    applicants: Type.Array(Type.Omit(TamperCheckBody, ['trackingCode']), { minItems: 1, maxItems: 2 }),
  },
  { additionalProperties: false },
);

interface Applicant {
  n: number;
  firstName: string;
  middleName: string;
  dateOfBirth: string;
  email: string;
}

/** Applicant 1's middle name passes every background check (seed 002 codes); applicant 2's fails them. */
const APPLICANTS: readonly Applicant[] = [
  {
    n: 1,
    firstName: 'Aroha',
    middleName: `TWO${'P'.repeat(28)}`,
    dateOfBirth: '1986-03-12',
    email: 'aroha@example.org',
  },
  {
    n: 2,
    firstName: 'Mere',
    middleName: `TWOPPP${'F'.repeat(25)}`,
    dateOfBirth: '1990-07-21',
    email: 'mere@example.org',
  },
];

function applicantForm(applicant: Applicant, token: string): string {
  const { n } = applicant;
  const id = `applicant${n}`;
  const field = (name: string, label: string, value: string, type = 'text') =>
    `<p><label for="${id}-${name}">${label}</label><br><input id="${id}-${name}" name="${name}" type="${type}" value="${value}"></p>`;
  return `<section aria-labelledby="${id}-heading"><h2 id="${id}-heading">Applicant ${n}</h2>
<form data-applicant="${id}-verify">
${field('firstName', 'First name', applicant.firstName)}
${field('middleName', 'Middle name (demo: stub codes)', applicant.middleName)}
${field('lastName', 'Last name', 'Ngata')}
${field('dateOfBirth', 'Date of birth', applicant.dateOfBirth, 'date')}
${field('email', 'Email (the credit header failure notice is sent here)', applicant.email, 'email')}
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

const SETTINGS = `<fieldset><legend>Language of the verification</legend>
<p><input type="radio" id="demo-lang-en" name="demo-lang" value="en" checked> <label for="demo-lang-en" lang="en">English</label>
<input type="radio" id="demo-lang-mi" name="demo-lang" value="mi"> <label for="demo-lang-mi" lang="mi">te reo Māori</label></p>
</fieldset>
<p><input type="checkbox" id="demo-help" checked> <label for="demo-help">Show help with sample documents</label></p>`;

const SUBMIT = `<section aria-labelledby="demo-submit-heading"><h2 id="demo-submit-heading">Submit the application</h2>
<p>The form's server checks that each applicant's details are exactly those their identity was verified with (the tamper check).</p>
<button type="button" id="demo-submit">Submit the application</button>
<div id="demo-submit-result" role="status"></div>
</section>`;

export function registerFormsDemo(app: App, services: Services): void {
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
${SETTINGS}
${APPLICANTS.map((applicant) => applicantForm(applicant, browserToken)).join('\n')}
${SUBMIT}
</main><script src="/forms/pono-verify.js"></script><script src="/forms/demo.js"></script></body></html>`;
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  // The demo form's server at submission: the tamper check for each applicant, in the browser token's transaction.
  app.post('/forms/demo/submit', { schema: { hide: true, body: DemoSubmitBody } }, async (request) => {
    const grant = await services.forms.browserGrant(request.body.token);
    if (grant.account.accountId !== DEMO_ACCOUNT.accountId)
      throw new AppError('forbidden', 'The demo form submits only for the demo account', 'InvalidTokenFault');
    const applicants = [];
    for (const { roleKey, ...details } of request.body.applicants) {
      const values = Object.fromEntries(
        Object.entries(details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const answer = await services.forms.tamperCheck(
        { authenticated: grant.account },
        { trackingCode: grant.trackingCode, ...(roleKey !== undefined ? { roleKey } : {}), values },
      );
      applicants.push({ roleKey: roleKey ?? '', ...answer });
    }
    return { trackingCode: grant.trackingCode, applicants };
  });
}
