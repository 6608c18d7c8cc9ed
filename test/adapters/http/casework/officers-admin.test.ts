import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { CaseworkClient, type SignedIn } from './casework-client.ts';

forEachDatabase((kind) => {
  let t: TestApp;
  let client: CaseworkClient;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    client = new CaseworkClient(t);
    admin = await client.officer('boss@dia.example', ['administrator']);
  });
  after(async () => {
    await t.close();
  });

  const patch = (who: SignedIn, officerId: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/officers/${officerId}`, headers: who.headers, payload });
  const session = (who: SignedIn) => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: who.headers });

  test('an administrator changes roles, and deactivating an officer ends their session at once', async () => {
    const officer = await client.officer('leaving@dia.example', ['case-officer']);
    assert.equal((await session(officer)).statusCode, 200);
    const promoted = await patch(admin, officer.id, { roles: ['case-officer', 'validating-officer'] });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.deepEqual(promoted.json().roles, ['case-officer', 'validating-officer']);
    const deactivated = await patch(admin, officer.id, { active: false });
    assert.equal(deactivated.json().active, false);
    assert.equal((await session(officer)).statusCode, 401, 'the session no longer works');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'leaving@dia.example', password: 'correct horse battery staple' },
    });
    assert.equal(signIn.statusCode, 401, 'nor can they sign in again');
  });

  test('only administrators manage officers; an administrator cannot lock themselves out; bad input names the field', async () => {
    const officer = await client.officer('someone@dia.example', ['case-officer']);
    assert.equal((await patch(officer, officer.id, { roles: ['administrator'] })).statusCode, 403);
    const self = await patch(admin, admin.id, { active: false });
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().code, 'OFFICER_SELF_LOCKOUT');
    const bad = await patch(admin, officer.id, { roles: ['overlord'] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().problems[0].field, 'roles.0');
    assert.equal((await patch(admin, 'no-such-officer', { active: false })).statusCode, 404);
  });
});
