// Simultaneous first calls of the forms service for one person (one tracking code and role key), as a form
// submitted twice at once sends them, over real HTTP on both databases: they are serialised per person, so
// the person ends with one verification, the one every answer names and the session points at, and no
// verification is left that no session points at. Both ways a first call is stored: the one statement of an
// account with nothing else to write, and the transaction of an account whose webhook is enqueued with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';
import { applicant, newTracking } from './forms-support.ts';

const ALL_PASS = `TWO${'P'.repeat(28)}`;
const CALLS = 8;
const ACCOUNTS = {
  'one statement': { accountId: 'forms-plain', password: 'forms-plain-password' },
  'a transaction': {
    accountId: 'forms-hooked',
    password: 'forms-hooked-password',
    webhookUrl: 'http://127.0.0.1:9/never-delivered',
    webhookSecret: 'forms-hooked-webhook-secret',
  },
};

forEachDatabase((kind) => {
  let t: TestApp;
  let url: string;
  before(async () => {
    t = await startTestApp(kind, { workJobs: false, demo: false });
    for (const account of Object.values(ACCOUNTS))
      await t.services.accounts.create({ ...account, stubMode: true, enabledSources: ['dfat', 'aec', 'wp'] });
    url = await t.listen();
  });
  after(async () => {
    await t.close();
  });

  for (const [path, account] of Object.entries(ACCOUNTS)) {
    test(`${CALLS} simultaneous first calls for one person (stored by ${path}) leave one verification, named by every answer`, async () => {
      const call = (trackingCode: string) =>
        fetch(`${url}/api/v1/forms/identity-verification`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: basicAuth(account.accountId, account.password),
          },
          body: JSON.stringify({
            trackingCode,
            roleKey: 'Applicant1',
            backgroundSources: 'dfat,aec,wp',
            ...applicant(ALL_PASS),
          }),
        });
      const verifications = async () =>
        (
          await t.database.db
            .selectFrom('verifications')
            .select('verification_id')
            .where('account_id', '=', account.accountId)
            .execute()
        ).map((v) => v.verification_id);
      // A call for another person first, so that the password is remembered and the calls below race.
      assert.equal((await call(newTracking())).status, 200);
      const before = await verifications();
      const trackingCode = newTracking();
      const answers = await Promise.all(Array.from({ length: CALLS }, () => call(trackingCode)));
      const bodies = await Promise.all(answers.map((a) => a.json() as Promise<Record<string, unknown>>));
      answers.forEach((a, i) => assert.equal(a.status, 200, JSON.stringify(bodies[i])));
      const named = [...new Set(bodies.map((b) => String(b.verifyUserId)))];
      assert.equal(named.length, 1, `every answer names the same verification: ${named.join(', ')}`);
      assert.deepEqual(
        (await verifications()).filter((id) => !before.includes(id)),
        named,
        'one verification of this person is stored, the one answered',
      );
      const sessions = await t.database.db
        .selectFrom('form_sessions')
        .select('verification_id')
        .where('account_id', '=', account.accountId)
        .where('tracking_code', '=', trackingCode)
        .execute();
      assert.deepEqual(
        sessions.map((s) => s.verification_id),
        named,
        'the session points at it',
      );
    });
  }
});
