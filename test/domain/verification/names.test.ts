// Seed 004's reference tables in words: every overall state, source state, mode, method and field status pono
// can produce has a human-readable name, and the names are the seed's own (copied here from its tables).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELD_STATUSES,
  FIELD_STATUS_NAMES,
  METHODS,
  METHOD_NAMES,
  MODES,
  MODE_NAMES,
  OVERALL_STATUSES,
  OVERALL_STATUS_NAMES,
  SOURCE_STATES,
  SOURCE_STATE_NAMES,
  fieldStatusName,
  methodName,
  modeName,
  overallStatusName,
  sourceStateName,
} from '../../../src/domain/verification/index.ts';

const names = (table: Readonly<Record<string, { name: string }>>) =>
  Object.fromEntries(Object.entries(table).map(([code, named]) => [code, named.name]));

test("the overall states carry seed 004's human readable names", () => {
  assert.deepEqual(names(OVERALL_STATUS_NAMES), {
    VERIFIED: 'Verified',
    VERIFIED_ADMIN: 'Verified (by admin)',
    VERIFIED_WITH_CHANGES: 'Verified with changes',
    IN_PROGRESS: 'In progress',
    PENDING: 'Pending review',
    LOCKED_OUT: 'Locked out',
  });
  assert.deepEqual(Object.keys(OVERALL_STATUS_NAMES).sort(), [...OVERALL_STATUSES].sort());
});

test("the individual source states carry seed 004's names; the three it leaves unnamed are named from their meaning", () => {
  const seed = {
    VERIFIED: 'Verified',
    VERIFIED_ADMIN: 'Verified (by admin)',
    VERIFIED_WITH_CHANGES: 'Verified with changes',
    PASSED: 'Passed',
    FAILED: 'Failed',
    AUTOFAIL: 'Autofail',
    IN_PROGRESS: 'In progress',
    PENDING: 'Pending review',
    LOCKED_OUT: 'Locked out',
    ERROR: 'Error',
  };
  const all = names(SOURCE_STATE_NAMES);
  for (const [code, name] of Object.entries(seed)) assert.equal(all[code], name, code);
  assert.deepEqual(Object.keys(SOURCE_STATE_NAMES).sort(), [...SOURCE_STATES].sort(), 'every state is named');
  assert.match(SOURCE_STATE_NAMES.EMPTY.description, /has not been used/);
});

test("modes, methods and field statuses carry seed 004's names", () => {
  assert.deepEqual(names(MODE_NAMES), {
    POSTOFFICE: 'Post Office',
    ASSISTED: 'Admin assisted',
    EXTERNAL: 'Externally Verified',
  });
  assert.deepEqual(Object.keys(MODE_NAMES).sort(), [...MODES].sort());
  for (const [code, name] of Object.entries({
    DB: 'Data Base OR Non Consent',
    UC: 'User Centric',
    PP: 'Person Present',
  }))
    assert.equal(METHOD_NAMES[code as (typeof METHODS)[number]].name, name);
  assert.deepEqual(names(FIELD_STATUS_NAMES), {
    CONFIRMED: 'Field confirmed.',
    CHANGED: 'Field changed.',
    ADDITION: 'Additional field.',
    NO_MATCH: 'No exact match found.',
    MISSING: 'Field missing on source.',
  });
  assert.deepEqual(Object.keys(FIELD_STATUS_NAMES).sort(), [...FIELD_STATUSES].sort());
});

test('lookups: unknown codes are null; a null method is "None" (seed 004: blank or null method name)', () => {
  assert.equal(overallStatusName('NOPE'), null);
  assert.equal(sourceStateName('toString'), null, 'no inherited property is taken for a name');
  assert.equal(modeName(null), null);
  assert.equal(fieldStatusName(null), null);
  assert.equal(methodName(null).name, 'None');
  assert.equal(methodName('PP').name, 'Person Present');
});
