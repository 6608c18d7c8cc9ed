// Promises the docs make about time and access, each checked so that breaking it fails a test: an officer
// session ends after its lifetime; a verification token's idle expiry moves with each use; a deactivated
// officer's API token stops at once; a role that may not do an action is refused with its code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../support/app.ts';
import { ManualClock } from '../../../src/app/clock.ts';
import { SESSION_TTL_MS } from '../../../src/app/casework/officers.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));
let t: TestApp;

before(async () => {
  t = await startTestApp('pglite', { clock });
});
after(() => t.close());

async function signIn(email: string, roles: string[]): Promise<{ cookie: string; id: string }> {
  const officer = await t.services.casework.officers.create({
    email,
    fullName: email,
    roles,
    password: 'correct horse battery staple',
  });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: 'correct horse battery staple' },
  });
  assert.equal(r.statusCode, 200, r.body);
  return { cookie: String(r.headers['set-cookie']).split(';')[0] ?? '', id: officer.id };
}

test('an officer session is accepted until its lifetime ends and refused from then on', async () => {
  const { cookie } = await signIn('session@dia.example', ['case-officer']);
  const who = () => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
  clock.advance(SESSION_TTL_MS - MINUTE);
  assert.equal((await who()).statusCode, 200);
  clock.advance(MINUTE);
  assert.equal((await who()).statusCode, 401);
});

test('a verification token idle for 30 minutes expires, and each use starts the 30 minutes again', async () => {
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload: {
      name: { givenName: 'Tia', middleNames: 'TWOFFFFFFFFFFFFFFFFFFFFFFFFFFFF', surname: 'Rua' },
      dob: '1990-02-03',
    },
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const id = registered.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
  const issued = await t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${id}/token`,
    headers: { authorization: DEMO_AUTH },
  });
  const token = issued.json<{ verificationToken: string }>().verificationToken;
  const use = () =>
    t.app.inject({ method: 'GET', url: `/api/v1/tokens/${token}`, headers: { authorization: DEMO_AUTH } });
  clock.advance(29 * MINUTE);
  assert.equal((await use()).statusCode, 200, 'used within 30 minutes of issue');
  clock.advance(29 * MINUTE);
  assert.equal((await use()).statusCode, 200, '58 minutes after issue, but 29 after the last use');
  clock.advance(31 * MINUTE);
  assert.notEqual((await use()).statusCode, 200, 'idle for 31 minutes');
});

/** A case officer with an API token issued by an administrator: the officer's id, the administrator, the token's header. */
async function officerWithToken(adminEmail: string, email: string) {
  const admin = await signIn(adminEmail, ['administrator']);
  const { id } = await signIn(email, ['case-officer']);
  const issued = await t.app.inject({
    method: 'POST',
    url: `/api/v1/officers/${id}/tokens`,
    headers: { cookie: admin.cookie },
    payload: { name: 'integration' },
  });
  assert.equal(issued.statusCode, 201, issued.body);
  return { id, admin, bearer: { authorization: `Bearer ${issued.json<{ token: string }>().token}` } };
}

test('deactivating an officer ends their API token at once', async () => {
  const { id, admin, bearer } = await officerWithToken('admin@dia.example', 'leaver@dia.example');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode, 200);
  const off = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/officers/${id}`,
    headers: { cookie: admin.cookie },
    payload: { active: false },
  });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: bearer })).statusCode, 401);
});

test("an inactive officer's API token is refused even where no revocation was recorded", async () => {
  const { id, bearer } = await officerWithToken('admin-inactive@dia.example', 'inactive@dia.example');
  // Deactivation revokes the tokens too; here only the officer's flag is off (a row restored from a backup, say),
  // so the token check itself has to refuse an inactive officer.
  await t.database.db.updateTable('officers').set({ active: false }).where('officer_id', '=', id).execute();
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode, 401);
});

test('a role that may not do an action is refused on the server with ROLE_NOT_PERMITTED', async () => {
  const validator = await signIn('validator@dia.example', ['validating-officer']);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: { cookie: validator.cookie },
    payload: { applicationType: 'CBG Adult' },
  });
  assert.equal(r.statusCode, 403);
  assert.equal(r.json<{ code: string }>().code, 'ROLE_NOT_PERMITTED');
  const admin = await t.app.inject({ method: 'GET', url: '/api/v1/officers', headers: { cookie: validator.cookie } });
  assert.equal(admin.statusCode, 403);
  assert.equal(admin.json<{ code: string }>().code, 'ROLE_NOT_PERMITTED');
});
