// Account administrators' console sessions: opened with the account's API password (same lock-out as Basic),
// an HttpOnly, Secure, SameSite=Strict cookie for the account routes only; another account's verification
// answers like an unknown one; cookie-authenticated changes from another site are refused; the session ends
// on sign-out, at its expiry and when the account's password changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { basicAuth, DEMO_AUTH, startTestApp, type TestApp } from '../../support/app.ts';
import { ManualClock } from '../../../src/app/clock.ts';
import { ACCOUNT_SESSION_TTL_MS } from '../../../src/app/accounts.ts';

forEachDatabase((kind) => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
  let demoVerification = '';
  let otherVerification = '';

  before(async () => {
    t = await startTestApp(kind, { clock });
    await t.services.accounts.create({ accountId: 'other', password: 'other-account-password', stubMode: true });
    const register = async (auth: string) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/verifications',
        headers: { authorization: auth },
        payload: { name: { givenName: 'Ana', surname: 'Admin' }, dob: '1980-01-01' },
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
    };
    demoVerification = await register(DEMO_AUTH);
    otherVerification = await register(basicAuth('other', 'other-account-password'));
  });
  after(() => t.close());

  async function signIn(accountId: string, password: string) {
    return t.app.inject({ method: 'POST', url: '/api/v1/account-session', payload: { accountId, password } });
  }
  const cookieOf = (setCookie: string | string[] | undefined) => String(setCookie).split(';')[0] ?? '';

  test('the right password opens a session cookie for the account routes; a wrong one is refused', async () => {
    const wrong = await signIn('demo', 'not-it');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);
    const r = await signIn('demo', 'demo');
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json<{ account: { accountId: string } }>().account.accountId, 'demo');
    const setCookie = String(r.headers['set-cookie']);
    assert.match(
      setCookie,
      /^pono_account_session=[A-Za-z0-9_-]{43}; Path=\/api\/v1; HttpOnly; Secure; SameSite=Strict; Max-Age=28800$/,
    );
    const cookie = cookieOf(r.headers['set-cookie']);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/account-session', headers: { cookie } });
    assert.equal(me.json<{ account: { accountId: string } }>().account.accountId, 'demo');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie } });
    assert.equal(list.statusCode, 200);
    assert.ok(
      list
        .json<{ verifications: { verificationId: string }[] }>()
        .verifications.some((v) => v.verificationId === demoVerification),
    );
    // Not an officer: the casework API does not know this cookie.
    const casework = await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: { cookie } });
    assert.equal(casework.statusCode, 401);
  });

  test("another account's verification answers exactly like an unknown one", async () => {
    const cookie = cookieOf((await signIn('demo', 'demo')).headers['set-cookie']);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${otherVerification}`,
      headers: { cookie },
    });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/verifications/zzzzzzzzz', headers: { cookie } });
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.json<{ code: string }>().code, unknown.json<{ code: string }>().code);
    assert.equal(
      theirs.json<{ message: string }>().message.replace(otherVerification, 'ID'),
      unknown.json<{ message: string }>().message.replace('zzzzzzzzz', 'ID'),
    );
  });

  test('a cookie-authenticated change from another site is refused; from pono itself it goes through', async () => {
    const cookie = cookieOf((await signIn('demo', 'demo')).headers['set-cookie']);
    const override = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/verifications/${demoVerification}/admin-override`,
        headers: { cookie, ...headers },
        payload: { comment: 'Sighted passport', adminEmail: 'admin@example.org' },
      });
    const forged = await override({ origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json<{ code: string }>().code, 'CROSS_SITE_REQUEST');
    const unchanged = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${demoVerification}`,
      headers: { authorization: DEMO_AUTH },
    });
    assert.notEqual(
      unchanged.json<{ verificationResult: { overallVerificationStatus: string } }>().verificationResult
        .overallVerificationStatus,
      'VERIFIED_ADMIN',
    );
    const own = await override({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(
      own.json<{ verificationResult: { overallVerificationStatus: string } }>().verificationResult
        .overallVerificationStatus,
      'VERIFIED_ADMIN',
    );
  });

  test('wrong passwords through Basic lock the console sign-in too', async () => {
    await t.services.accounts.create({ accountId: 'locked', password: 'locked-account-password', stubMode: true });
    for (let i = 0; i < 10; i++) {
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/verifications',
        headers: { authorization: basicAuth('locked', `wrong-${i}`) },
      });
      assert.equal(r.statusCode, 401);
    }
    const r = await signIn('locked', 'locked-account-password');
    assert.equal(r.statusCode, 429);
    // When to try again, in the header and in the words.
    const retryAfter = Number(r.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${r.headers['retry-after']}`);
    assert.match(r.json<{ message: string }>().message, new RegExp(`retry in ${retryAfter} s`));
    assert.equal(r.headers['set-cookie'], undefined);
  });

  test('the session ends on sign-out, at its expiry, and when the password changes', async () => {
    const list = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie } });
    const signedOut = cookieOf((await signIn('demo', 'demo')).headers['set-cookie']);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/account-session',
      headers: { cookie: signedOut },
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /^pono_account_session=; .*Max-Age=0$/);
    assert.equal((await list(signedOut)).statusCode, 401);

    const expiring = cookieOf((await signIn('demo', 'demo')).headers['set-cookie']);
    assert.equal((await list(expiring)).statusCode, 200);
    clock.advance(ACCOUNT_SESSION_TTL_MS + 1000);
    assert.equal((await list(expiring)).statusCode, 401);

    await t.services.accounts.create({ accountId: 'other', password: 'other-account-password', stubMode: true });
    const before = cookieOf((await signIn('other', 'other-account-password')).headers['set-cookie']);
    assert.equal((await list(before)).statusCode, 200);
    await t.services.accounts.create({ accountId: 'other', password: 'a-new-account-password', stubMode: true });
    assert.equal((await list(before)).statusCode, 401);
  });
});

test('cookies are Secure from an https public URL, on localhost, and not from a plain-http public URL (with a warning)', async () => {
  const { cookiePolicy } = await import('../../../src/adapters/http/cookies.ts');
  const lan = { protocol: 'http', hostname: '192.168.1.20' };
  assert.equal(cookiePolicy('https://pono.example.govt.nz').secure(lan), true);
  assert.equal(cookiePolicy(undefined).secure({ protocol: 'http', hostname: 'localhost' }), true);
  assert.equal(cookiePolicy(undefined).secure({ protocol: 'https', hostname: 'pono.example' }), true);
  assert.equal(cookiePolicy(undefined).secure(lan), false);
  const plain = cookiePolicy('http://192.168.1.20:8080');
  assert.equal(plain.secure(lan), false);
  assert.match(plain.warning ?? '', /plain http/);
  assert.equal(cookiePolicy('https://pono.example').warning, undefined);

  const t = await startTestApp('pglite', { env: { PONO_PUBLIC_URL: 'http://192.168.1.20:8080' } });
  try {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account-session',
      headers: { host: '192.168.1.20:8080' },
      payload: { accountId: 'demo', password: 'demo' },
    });
    assert.equal(r.statusCode, 200);
    assert.doesNotMatch(String(r.headers['set-cookie']), /Secure/);
    const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/verifications',
      headers: { host: '192.168.1.20:8080', cookie },
    });
    assert.equal(list.statusCode, 200, 'the session works over that address');
  } finally {
    await t.close();
  }
});
