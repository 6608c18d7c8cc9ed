// An account's settings by the API: read, the face comparison changed by the account's administrator (and kept),
// bad values refused naming the field, nothing changed without the account's password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';

const AUTH = basicAuth('shop', 'shop-password');

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    await t.services.accounts.create({ accountId: 'shop', password: 'shop-password', stubMode: true, country: 'NZ' });
  });
  after(async () => {
    await t.close();
  });

  const read = () => t.app.inject({ method: 'GET', url: '/api/v1/account/settings', headers: { authorization: AUTH } });
  const change = (payload: Record<string, unknown>, authorization = AUTH) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/account/settings', headers: { authorization }, payload });

  test('a new account compares faces when a selfie is sent; its administrator makes a selfie required', async () => {
    const before = await read();
    assert.equal(before.statusCode, 200, before.body);
    const settings = before.json<{ accountId: string; country: string; stubMode: boolean; faceComparison: string }>();
    assert.deepEqual(
      [settings.accountId, settings.country, settings.stubMode, settings.faceComparison],
      ['shop', 'NZ', true, 'optional'],
    );
    const changed = await change({ faceComparison: 'required' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<{ faceComparison: string }>().faceComparison, 'required');
    assert.equal((await read()).json<{ faceComparison: string }>().faceComparison, 'required');
    const off = await change({ faceComparison: 'off' });
    assert.equal(off.json<{ faceComparison: string }>().faceComparison, 'off');
    assert.equal((await t.services.accounts.find('shop'))?.faceComparison, 'off');
  });

  test('a value that is not a setting, or a setting the administrator does not decide, is refused by name', async () => {
    const unknown = await change({ faceComparison: 'sometimes' });
    assert.equal(unknown.statusCode, 400, unknown.body);
    const problems = unknown.json<{ problems: { field: string; message: string }[] }>().problems;
    assert.ok(
      problems.some((p) => p.field === 'faceComparison'),
      JSON.stringify(problems),
    );
    const operators = await change({ faceComparison: 'off', stubMode: false });
    assert.equal(operators.statusCode, 400, operators.body);
    assert.ok(
      operators.json<{ problems: { field: string }[] }>().problems.some((p) => p.field === 'stubMode'),
      operators.body,
    );
    const missing = await change({});
    assert.equal(missing.statusCode, 400, missing.body);
    assert.ok(
      missing.json<{ problems: { field: string }[] }>().problems.some((p) => p.field === 'faceComparison'),
      missing.body,
    );
    const before = (await read()).json<{ faceComparison: string }>().faceComparison;
    const wrong = await change({ faceComparison: 'required' }, basicAuth('shop', 'not-the-password'));
    assert.equal(wrong.statusCode, 401, wrong.body);
    assert.equal((await read()).json<{ faceComparison: string }>().faceComparison, before, 'nothing changed');
  });
});
