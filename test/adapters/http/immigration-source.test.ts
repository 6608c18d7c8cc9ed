import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';
import { RecordsStore } from '../../../src/adapters/records/store.ts';
import { generatePopulation } from '../../../src/domain/records/index.ts';

const AUTH = basicAuth('office', 'office-password');
interface CheckResult {
  name: string;
  state: string;
  fieldResult: { name: string; status: string }[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  let store: RecordsStore;
  const people = [...generatePopulation({ seed: 'immigration-source', size: 5, referenceDate: '2024-06-30' })].map(
    (p) => p.record,
  );

  before(async () => {
    t = await startTestApp(kind, { demo: false });
    store = t.services.records.source as RecordsStore;
    assert.deepEqual(await t.services.records.load(people), { ok: true, loaded: people.length });
    await t.services.accounts.create({
      accountId: 'office',
      password: 'office-password',
      stubMode: false,
      enabledSources: ['immigration'],
    });
  });
  after(async () => {
    await t.close();
  });

  const register = async (givenName: string, surname: string, dob: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: AUTH },
      payload: { name: { givenName, surname }, dob },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json().verificationResult.individualResult as CheckResult[]).find((r) => r.name === 'immigration');
  };

  test('a person in the immigration records is confirmed by the immigration source', async () => {
    const identity = people[0]?.identity;
    assert.ok(identity);
    const check = await register(identity.givenNames.toUpperCase(), identity.familyName, identity.dateOfBirth);
    assert.equal(check?.state, 'VERIFIED', JSON.stringify(check));
    const statuses = Object.fromEntries((check?.fieldResult ?? []).map((f) => [f.name, f.status]));
    assert.equal(statuses.surname, 'CONFIRMED');
    assert.equal(statuses.dob, 'CONFIRMED');
  });

  test('someone not in the records is not confirmed; with the records service down the source is in ERROR, not failed', async () => {
    assert.equal((await register('Nobody', 'Atall', '1901-01-01'))?.state, 'AUTOFAIL');
    store.outage.down = true;
    try {
      const identity = people[1]?.identity;
      assert.ok(identity);
      assert.equal((await register(identity.givenNames, identity.familyName, identity.dateOfBirth))?.state, 'ERROR');
    } finally {
      store.outage.down = false;
    }
  });

  test('accounts do not see the immigration records unless the operator enables the source', async () => {
    const account = await t.services.accounts.create({ accountId: 'shop', password: 'shop-password', stubMode: false });
    assert.ok(!account.enabledSources.includes('immigration'));
  });
});
