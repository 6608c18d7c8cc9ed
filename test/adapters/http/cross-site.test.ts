// Cookie-authenticated changes sent by another site are refused; the same change from pono's own pages, from
// a client that is not a browser, or with an Authorization header goes through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
let cookie: string;

before(async () => {
  t = await startTestApp('pglite', { demo: false });
  await t.services.casework.officers.create({
    email: 'csrf@dia.example',
    fullName: 'Cee',
    roles: ['administrator'],
    password: 'correct horse battery staple',
  });
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'csrf@dia.example', password: 'correct horse battery staple' },
  });
  assert.equal(signIn.statusCode, 200, signIn.body);
  cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
});
after(() => t.close());

const newOfficer = (email: string) => ({
  email,
  fullName: 'New Officer',
  roles: ['case-officer'],
  password: 'correct horse battery staple',
});

test('a change from another site (Origin or Sec-Fetch-Site) is refused with 403 and changes nothing', async () => {
  for (const headers of [
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site', origin: 'http://localhost:80' },
  ]) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officers',
      headers: { cookie, ...headers },
      payload: newOfficer('x1@dia.example'),
    });
    assert.equal(r.statusCode, 403, JSON.stringify(headers));
    assert.equal(r.json<{ code: string }>().code, 'CROSS_SITE_REQUEST');
    assert.match(r.json<{ message: string }>().message, /another site/);
  }
  const listed = await t.app.inject({ method: 'GET', url: '/api/v1/officers', headers: { cookie } });
  assert.equal(
    listed.json<{ email: string }[]>().some((o) => o.email === 'x1@dia.example'),
    false,
  );
});

test('a cross-site sign-in is refused too (no login forgery)', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { origin: 'https://evil.example' },
    payload: { email: 'csrf@dia.example', password: 'correct horse battery staple' },
  });
  assert.equal(r.statusCode, 403);
  assert.equal(r.headers['set-cookie'], undefined);
});

test('the same change from pono’s own origin, from curl, or with a header credential goes through', async () => {
  const own = await t.app.inject({
    method: 'POST',
    url: '/api/v1/officers',
    headers: { cookie, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    payload: newOfficer('own@dia.example'),
  });
  assert.equal(own.statusCode, 201, own.body);
  const curl = await t.app.inject({
    method: 'POST',
    url: '/api/v1/officers',
    headers: { cookie },
    payload: newOfficer('curl@dia.example'),
  });
  assert.equal(curl.statusCode, 201, curl.body);
  const basic = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { origin: 'https://forms.example', authorization: 'Basic ZGVtbzpkZW1v' },
    payload: {},
  });
  assert.notEqual(basic.statusCode, 403);
});
