import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';

const AUTH = basicAuth('shop', 'shop-password');
const ALL_FAIL = `TWO${'F'.repeat(28)}`;

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    await t.services.accounts.create({
      accountId: 'shop',
      password: 'shop-password',
      stubMode: true,
      lockoutAttempts: 2,
    });
  });
  after(async () => {
    await t.close();
  });

  const register = async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: { name: { givenName: 'Tama', middleNames: ALL_FAIL, surname: 'Kereama' }, dob: '1990-02-03' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().verificationResult.verificationId as string;
  };
  const passport = (id: string, number: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/sources/passportdvs`,
      headers: { authorization: AUTH },
      payload: {
        fields: {
          greenid_passportdvs_number: number,
          greenid_passportdvs_givenname: 'Tama',
          greenid_passportdvs_surname: 'Kereama',
          greenid_passportdvs_dob: '03/02/1990',
          greenid_passportdvs_tandc: 'on',
        },
      },
    });

  test('a new rule-set version decides new verifications; older ones keep the version they started under', async () => {
    const older = await register();
    const v1 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: AUTH },
    });
    assert.equal(v1.json().version, 1);
    const published = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: AUTH },
      payload: {
        requirements: [{ kind: 'nameDob', sources: 1 }],
        acceptedChanges: [],
        lockoutAfterFailedAttempts: null,
      },
    });
    assert.equal(published.statusCode, 201, published.body);
    assert.equal(published.json().version, 2);
    const newer = await register();
    assert.equal((await passport(newer, 'A1111111')).json().verificationResult.overallVerificationStatus, 'VERIFIED');
    assert.equal(
      (await passport(older, 'A1111111')).json().verificationResult.overallVerificationStatus,
      'IN_PROGRESS',
    );
    const rows = await t.database.db
      .selectFrom('verifications')
      .select(['verification_id', 'rule_set_version'])
      .where('verification_id', 'in', [older, newer])
      .execute();
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.verification_id, r.rule_set_version])), {
      [older]: 1,
      [newer]: 2,
    });
  });

  test('a bad rule set is refused naming the field', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: AUTH },
      payload: {
        requirements: [{ kind: 'nameShoeSize', sources: 1 }],
        acceptedChanges: [],
        lockoutAfterFailedAttempts: null,
      },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().problems[0].field, /requirements\.0\.kind/);
  });

  test('failed interactive attempts beyond the account limit lock the verification out', async () => {
    const id = await register();
    assert.equal((await passport(id, 'B7654321')).json().verificationResult.overallVerificationStatus, 'IN_PROGRESS');
    const second = await passport(id, 'B7654322');
    assert.equal(second.json().verificationResult.overallVerificationStatus, 'LOCKED_OUT');
  });
});
