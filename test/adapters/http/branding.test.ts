// The office's branding is configuration: PONO_OFFICE_NAME and PONO_OFFICE_LOGO (a real PNG made here) appear on
// the applicant's liveness page, on the pages of a link that cannot be used, in the liveness-link email (through
// a real SMTP server, the logo inline) and in GET /api/v1/branding; nothing of another office is hard-coded.
// Without them pono names itself and shows no logo; a logo that is not an image stops the start, naming it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { CaseworkClient, startMailbox, type App, type Mailbox, type Officers } from './casework/casework-client.ts';

const OFFICE = 'Te Kaunihera o Tāmaki <Citizenship> & Identity';
const OFFICE_HTML = 'Te Kaunihera o Tāmaki &lt;Citizenship&gt; &amp; Identity';
let dir: string;
let logoPath: string;
let logo: Buffer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pono-branding-'));
  logo = await sharp({ create: { width: 96, height: 48, channels: 3, background: { r: 200, g: 30, b: 40 } } })
    .png()
    .toBuffer();
  logoPath = join(dir, 'office-logo.png');
  writeFileSync(logoPath, logo);
});
after(() => rmSync(dir, { recursive: true, force: true }));

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let mail: Mailbox;

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, {
      demo: false,
      env: {
        SMTP_URL: mail.url,
        PONO_PUBLIC_URL: 'https://pono.test',
        PONO_OFFICE_NAME: OFFICE,
        PONO_OFFICE_LOGO: logoPath,
      },
    });
    c = new CaseworkClient(t, true);
    o = await c.officers('brand');
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  test('the liveness-link email and the applicant page name the configured office and show its logo', async () => {
    const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Aroha',
      familyName: 'Brand',
      dateOfBirth: '1980-04-01',
      email: 'aroha.brand@example.com',
    });
    await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true });
    const link = await c.expect<{ id: string }>(
      201,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/liveness-links`,
      { personId: person.id, relationship: 'Adult' },
    );
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${link.id}/send`);

    const message = await mail.mailTo('aroha.brand@example.com');
    assert.match(
      message.text ?? '',
      new RegExp(`^${OFFICE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has asked you to complete a liveness check`, 'm'),
    );
    assert.ok(!/Internal Affairs/.test(`${message.text ?? ''}${String(message.html)}`), 'no other office is named');
    const html = String(message.html);
    assert.ok(html.includes(`${OFFICE_HTML} has asked you`), html);
    // mailparser shows an inline part where the HTML refers to it (cid: → data:), as a mail reader does.
    const img = /<img src="data:image\/png;base64,([^"]+)" alt="([^"]*)"/.exec(html);
    assert.ok(img, `the HTML shows the logo inline: ${html.slice(0, 200)}`);
    assert.ok(Buffer.from(img[1] ?? '', 'base64').equals(logo), 'the configured file, byte for byte');
    assert.equal(img[2], OFFICE_HTML);
    const inline = message.attachments.find((a) => a.contentType === 'image/png');
    assert.ok(inline?.cid && inline.related, 'the logo travels with the message as an inline part');
    assert.ok(inline.content.equals(logo));

    const token = await mail.tokenFor('aroha.brand@example.com');
    const page = await t.app.inject({ method: 'GET', url: `/liveness/${token}` });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<header>\s*<p class="brand"><img class="logo" src="\/branding\/logo" alt=""><span>Te Kaunihera o Tāmaki &lt;Citizenship&gt; &amp; Identity<\/span><\/p>/,
    );
    assert.ok(!page.body.includes('Internal Affairs'));
  });

  test('the logo is served from the configured file; the branding answer names the office', async () => {
    const served = await t.app.inject({ method: 'GET', url: '/branding/logo' });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.ok(served.rawPayload.equals(logo));
    const branding = await t.app.inject({ method: 'GET', url: '/api/v1/branding' });
    assert.equal(branding.statusCode, 200);
    assert.deepEqual(branding.json(), { officeName: OFFICE, logoUrl: '/branding/logo' });
  });

  test('the pages of an unknown, expired or used link carry the office, the style sheet and both languages', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/liveness/${'x'.repeat(43)}` });
    assert.equal(unknown.statusCode, 404);
    assert.match(String(unknown.headers['content-type']), /text\/html/);
    assert.match(unknown.body, /<link rel="stylesheet" href="\/liveness\/assets\/liveness\.css">/);
    assert.match(unknown.body, /<title>Link not found \| Kāore i kitea te hono<\/title>/);
    assert.match(unknown.body, /<p lang="mi">Kāore tēnei hono i te tika\./);
    assert.ok(unknown.body.includes(`<img class="logo" src="/branding/logo" alt=""><span>${OFFICE_HTML}</span>`));
  });
});

test('without branding configured pono names itself, shows no logo, and /branding/logo says none is configured', async () => {
  const t = await startTestApp('pglite', { demo: false });
  try {
    const branding = await t.app.inject({ method: 'GET', url: '/api/v1/branding' });
    assert.deepEqual(branding.json(), { officeName: 'pono', logoUrl: null });
    const logoAnswer = await t.app.inject({ method: 'GET', url: '/branding/logo' });
    assert.equal(logoAnswer.statusCode, 404);
    assert.equal(logoAnswer.json<{ code: string }>().code, 'LOGO_NOT_CONFIGURED');
    const unknown = await t.app.inject({ method: 'GET', url: `/liveness/${'x'.repeat(43)}` });
    assert.match(unknown.body, /<p class="brand"><span>pono<\/span><\/p>/);
  } finally {
    await t.close();
  }
});

test('a logo that is missing or not an image stops the configuration, naming PONO_OFFICE_LOGO', () => {
  const text = join(dir, 'logo.png.txt');
  writeFileSync(text, 'not an image');
  assert.throws(
    () => loadConfig({ PONO_OFFICE_LOGO: join(dir, 'absent.png') }),
    /PONO_OFFICE_LOGO=".*absent\.png": no such file/,
  );
  assert.throws(
    () => loadConfig({ PONO_OFFICE_LOGO: text }),
    /PONO_OFFICE_LOGO=".*": is not a PNG, JPEG, WebP or SVG image/,
  );
  assert.throws(() => loadConfig({ PONO_OFFICE_LOGO: dir }), /PONO_OFFICE_LOGO=".*": is a folder/);
  assert.throws(() => loadConfig({ PONO_OFFICE_NAME: '   ' }), /PONO_OFFICE_NAME/);
  const svg = join(dir, 'logo.svg');
  writeFileSync(svg, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  assert.equal(loadConfig({ PONO_OFFICE_LOGO: svg }).PONO_OFFICE_LOGO, svg);
});
