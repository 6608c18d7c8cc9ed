// The data source of a captured document outside stub mode: the account's registry sources, which run, and the
// confirmed details against their candidates (registry-data-source.test.ts shows it end to end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  documentRegistrySources,
  registryDataSource,
  registrySubject,
} from '../../../src/domain/documents/data-source.ts';
import type { DocumentData } from '../../../src/domain/documents/combination.ts';
import { DEFAULT_RULE_SET, type AccountSettings } from '../../../src/domain/verification/index.ts';

const GRACE: DocumentData = {
  givenName: 'Grace',
  middleNames: 'Brewster',
  surname: 'Hopper',
  dob: '1976-04-01',
  documentNumber: 'A1111111',
};
const account = (stubMode: boolean, enabledSources: string[]): AccountSettings => ({
  accountId: 'a',
  stubMode,
  enabledSources,
  ruleSet: DEFAULT_RULE_SET,
});
const HOPPER = { givenName: 'GRACE', surname: 'HOPPER', dob: '1976-04-01' };
const LOVELACE = { givenName: 'Ada', surname: 'Lovelace', dob: '1976-04-01' };

test('the registry sources check a document outside stub mode only, those the account enabled, registry first', () => {
  const nz = { country: 'NZ' as const };
  assert.deepEqual(documentRegistrySources(account(false, ['immigration', 'passportdvs', 'registry']), nz), [
    'registry',
    'immigration',
  ]);
  assert.deepEqual(documentRegistrySources(account(false, ['passportdvs']), nz), []);
  assert.deepEqual(documentRegistrySources(account(true, ['registry']), nz), [], 'stub mode: the issuers’ stubs');
});

test('the confirmed details against the candidates: the first source that confirms, else the first source', () => {
  assert.deepEqual(registrySubject(GRACE).dob, { year: 1976, month: 4, day: 1 });
  const both = ['registry', 'immigration'];
  assert.deepEqual(
    [registryDataSource(GRACE, both, { registry: [LOVELACE], immigration: [HOPPER] })].map((o) => [o?.name, o?.state]),
    [['Immigration records', 'VERIFIED']],
  );
  const none = registryDataSource(GRACE, both, { registry: [LOVELACE], immigration: [] });
  assert.deepEqual([none?.name, none?.state], ['Operator registry', 'IN_PROGRESS']);
  assert.deepEqual(
    none?.fieldResult?.map((f) => [f.name, f.status]),
    [
      ['givenName', 'NO_MATCH'],
      ['middleNames', 'MISSING'],
      ['surname', 'NO_MATCH'],
      ['dob', 'CONFIRMED'],
    ],
  );
  const down = registryDataSource(GRACE, ['immigration'], { immigration: 'unavailable' });
  assert.deepEqual([down?.name, down?.state], ['Immigration records', 'ERROR']);
  assert.equal(registryDataSource(GRACE, [], {}), null, 'no registry source: no component');
});
