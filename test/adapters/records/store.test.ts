import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { RecordsStore, dateOfBirthVariants } from '../../../src/adapters/records/store.ts';
import { RecordsServiceDown } from '../../../src/app/records.ts';
import { generatePopulation } from '../../../src/domain/records/index.ts';
import { seedRecord } from './fixtures.ts';

describe('date of birth variants for the candidate search', () => {
  it('cover the near misses the matcher accepts: one digit, adjacent digits transposed, day and month swapped', () => {
    const v = new Set(dateOfBirthVariants('1985-03-12'));
    for (const d of ['1985-03-12', '1985-03-13', '1986-03-12', '1985-03-21', '1958-03-12', '1985-12-03', '1985-30-12'])
      assert.ok(v.has(d), d);
    assert.ok(!v.has('1985-04-13'));
    assert.ok(v.size < 100);
  });
});

forEachDatabase((kind) => {
  let database: TestDatabase;
  let store: RecordsStore;
  before(async () => {
    database = await openTestDatabase(kind);
    store = new RecordsStore(database.db);
  });
  after(() => database.dispose());

  it('loads records transactionally and reads them back whole', async () => {
    const generated = [...generatePopulation({ seed: 'store', size: 30, referenceDate: '2024-06-30' })].map(
      (p) => p.record,
    );
    assert.deepEqual(await store.load(generated), { ok: true, loaded: 30 });
    const third = generated[2];
    assert.ok(third);
    assert.deepEqual(await store.getIdentity(third.identity.identityId), third);
    assert.equal(await store.getIdentity('nope'), null);
    assert.deepEqual(await store.counts(), { identities: 30, clients: 30 });
    // Loading again replaces by identity id.
    const renamed = { ...third, identity: { ...third.identity, familyName: 'Renamed' } };
    assert.deepEqual(await store.load([renamed]), { ok: true, loaded: 1 });
    assert.equal((await store.getIdentity(third.identity.identityId))?.identity.familyName, 'Renamed');
    assert.equal((await store.counts()).identities, 30);
  });

  it('refuses a load with any bad record, naming record and field, and writes nothing', async () => {
    const before = await store.counts();
    const good = seedRecord({ identityId: 'G1', givenNames: 'Aroha', familyName: 'Parata', dateOfBirth: '1990-01-01' });
    const badDate = seedRecord({
      identityId: 'G2',
      givenNames: 'Hēmi',
      familyName: 'Parata',
      dateOfBirth: '2021-02-29',
    });
    const missing: Record<string, unknown> = {
      ...seedRecord({ identityId: 'G3', givenNames: 'A', familyName: 'B', dateOfBirth: '1990-01-01' }),
    };
    delete missing.visas;
    const duplicate = seedRecord({
      identityId: 'G1',
      givenNames: 'Aroha',
      familyName: 'Parata',
      dateOfBirth: '1990-01-01',
    });
    const result = await store.load([good, badDate, missing, duplicate, 'not a record']);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    const byIndex = (i: number) => result.problems.filter((p) => p.index === i);
    assert.deepEqual(byIndex(0), []);
    assert.deepEqual(byIndex(1), [{ index: 1, path: '/identity/dateOfBirth', message: 'is not a calendar date' }]);
    assert.equal(byIndex(2)[0]?.path, '/visas');
    assert.deepEqual(byIndex(3), [
      { index: 3, path: '/identity/identityId', message: 'repeats the identity id of record 0' },
    ]);
    assert.equal(byIndex(4)[0]?.path, '');
    assert.deepEqual(await store.counts(), before);
    assert.equal(await store.getIdentity('G1'), null);
  });

  it('finds candidates by date of birth near misses and by name (own, other or swapped), not others', async () => {
    await store.load([
      seedRecord({ identityId: 'S1', givenNames: 'Mārama', familyName: 'Ngata', dateOfBirth: '1985-03-12' }),
      seedRecord({ identityId: 'S2', givenNames: 'Zoë', familyName: 'Du Plessis', dateOfBirth: '1985-12-03' }),
      seedRecord({
        identityId: 'S3',
        givenNames: 'Siân',
        familyName: "O'Brien",
        dateOfBirth: '1970-01-01',
        otherNames: [{ givenNames: 'Siân', familyName: 'Kaur', nameType: 'Birth name' }],
      }),
      seedRecord({ identityId: 'S4', givenNames: 'Wiremu', familyName: 'Tāwhai', dateOfBirth: '1960-07-07' }),
    ]);
    const ids = async (givenNames: string, familyName: string, dateOfBirth: string) =>
      (await store.searchCandidates({ givenNames, familyName, dateOfBirth }))
        .map((r) => r.identity.identityId)
        .filter((id) => id.startsWith('S'))
        .sort();
    assert.deepEqual(await ids('Marama', 'Ngata', '1985-03-12'), ['S1', 'S2']); // exact, and day/month swapped
    assert.deepEqual(await ids('X', 'Y', '1985-03-21'), ['S1']); // digits transposed
    assert.deepEqual(await ids('X', 'Y', '1985-03-13'), ['S1']); // one digit
    assert.deepEqual(await ids('SIAN', 'OBRIEN', '2001-01-01'), ['S3']); // name, other date of birth
    assert.deepEqual(await ids('Sian', 'Kaur', '2001-01-01'), ['S3']); // other name
    assert.deepEqual(await ids('Tawhai', 'Wiremu', '2001-01-01'), ['S4']); // given and family swapped
    assert.deepEqual(await ids('Nobody', 'Here', '2001-01-01'), []);
  });

  it('when the records service is down, reads fail as a service failure (never as "not found")', async () => {
    store.outage.down = true;
    try {
      await assert.rejects(
        store.searchCandidates({ givenNames: 'Mārama', familyName: 'Ngata', dateOfBirth: '1985-03-12' }),
        RecordsServiceDown,
      );
      await assert.rejects(store.getIdentity('S1'), RecordsServiceDown);
    } finally {
      store.outage.down = false;
    }
    assert.equal((await store.getIdentity('S1'))?.identity.familyName, 'Ngata');
  });
});
