// One rule for names: the registry matcher (verification) and the identity match against the immigration
// records give the same answer for every pair of spellings the rule calls equal, and for one it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameTokens, normaliseName } from '../../src/domain/names/index.ts';
import { matchIdentity } from '../../src/domain/identity/index.ts';
import { matchRecord, subjectFromPerson } from '../../src/domain/verification/index.ts';

const SAME_NAME: readonly [string, string, string][] = [
  // [as applied, as recorded, the tokens both become]
  ["O'Brien", 'OBRIEN', 'obrien'],
  ['Ngāti-Pōneke', 'Ngati Poneke', 'ngati poneke'],
  ['J.R.', 'JR', 'jr'],
  ['Smith (Jones)', 'smith jones', 'smith jones'],
  ['Zoë Müller', 'ZOE MULLER', 'zoe muller'],
  ['Du Plessis', 'du  plessis', 'du plessis'],
  ['Te Whāiti_Smith', 'te whaiti/smith', 'te whaiti smith'],
];

test('the name rule by example', () => {
  for (const [applied, recorded, tokens] of SAME_NAME) {
    assert.equal(normaliseName(applied), tokens, applied);
    assert.equal(normaliseName(recorded), tokens, recorded);
  }
  assert.deepEqual(nameTokens("  Ngāti-Pōneke  O'Brien "), ['ngati', 'poneke', 'obrien']);
  assert.deepEqual(nameTokens(undefined), []);
});

test("both matchers treat the rule's equal spellings as the same family name", () => {
  for (const [applied, recorded] of SAME_NAME) {
    const registry = matchRecord(
      subjectFromPerson({ givenName: 'Aroha', surname: applied, dob: { day: 1, month: 2, year: 1980 } }),
      { recordId: 'r', givenName: 'AROHA', surname: recorded, dob: '1980-02-01' },
      ['nameDob'],
    );
    const surname = registry.fieldResult.find((f) => f.name === 'surname')?.status;
    assert.equal(surname, 'CONFIRMED', `registry: ${applied} / ${recorded}`);
    const identity = matchIdentity(
      { givenNames: 'Aroha', familyName: applied, dateOfBirth: '1980-02-01' },
      {
        status: 'ok',
        candidates: [{ id: 'c1', givenNames: 'AROHA', familyName: recorded, dateOfBirth: '1980-02-01' }],
      },
    );
    assert.equal(identity.result, '1:1', `identity: ${applied} / ${recorded}`);
  }
  const registry = matchRecord(
    subjectFromPerson({ givenName: 'Aroha', surname: 'Walker', dob: { day: 1, month: 2, year: 1980 } }),
    { recordId: 'r', givenName: 'AROHA', surname: 'Parata', dob: '1980-02-01' },
    ['nameDob'],
  );
  assert.notEqual(registry.fieldResult.find((f) => f.name === 'surname')?.status, 'CONFIRMED');
});
