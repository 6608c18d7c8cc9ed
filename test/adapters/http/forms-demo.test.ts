// The demo form's server side at submission (POST /forms/demo/submit): the tamper check for each applicant in
// the browser token's transaction. Bad input is named; an unknown token is refused; a bad date is named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp('pglite');
});
after(async () => {
  await t.close();
});

async function demoToken(): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: '/forms/demo' });
  assert.equal(page.statusCode, 200);
  const token = /token="([A-Za-z0-9_-]+)"/.exec(page.body)?.[1];
  assert.ok(token);
  return token;
}

const submit = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/forms/demo/submit', payload });

const aroha = { firstName: 'Aroha', lastName: 'Ngata', dateOfBirth: '1986-03-12' };

test('an applicant never checked in the transaction: the tamper check answers false, no verification', async () => {
  const response = await submit({ token: await demoToken(), applicants: [{ roleKey: 'Applicant1', ...aroha }] });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json<{ trackingCode: string; applicants: Record<string, unknown>[] }>();
  assert.match(body.trackingCode, /^demo-/);
  assert.deepEqual(body.applicants, [
    {
      roleKey: 'Applicant1',
      result: false,
      reason: 'NO_VERIFICATION',
      message: 'No identity verification was made for this person in this transaction.',
    },
  ]);
});

test('bad input is named: no applicants, an unknown input, a bad date; an unknown token is refused', async () => {
  const token = await demoToken();
  const none = await submit({ token, applicants: [] });
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().problems[0].field, 'applicants');
  const unknown = await submit({ token, applicants: [{ roleKey: 'Applicant1', password: 'demo' }] });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().problems[0].field, 'applicants.0.password');
  const date = await submit({ token, applicants: [{ roleKey: 'Applicant1', ...aroha, dateOfBirth: '1986-02-30' }] });
  assert.equal(date.statusCode, 400, date.body);
  assert.equal(date.json().problems[0].field, 'dateOfBirth');
  const stranger = await submit({ token: 'x'.repeat(40), applicants: [{ roleKey: 'Applicant1', ...aroha }] });
  assert.equal(stranger.statusCode, 401);
});
