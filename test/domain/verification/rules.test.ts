// Rule decisions for each overall state, lockout (overall and per source) and admin verification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_RULE_SET,
  VerificationError,
  adminOverride,
  decide,
  setFields,
  sourceList,
} from '../../../src/domain/verification/index.ts';
import { AU_PERSON, NOW, account, register, ruleSet, validInputs } from './fixtures.ts';

const c = (
  sourceId: string,
  state: 'VERIFIED' | 'VERIFIED_ADMIN' | 'VERIFIED_WITH_CHANGES' | 'PENDING',
  confirms: ('nameDob' | 'nameAddress')[],
) => ({ sourceId, state, confirms });
const none = { adminOverride: false, lockedOut: false };

test("the default rule set is greenID's two name+DOB and one name+address, no lockout", () => {
  assert.deepEqual(DEFAULT_RULE_SET.requirements, [
    { kind: 'nameDob', sources: 2 },
    { kind: 'nameAddress', sources: 1 },
  ]);
  assert.equal(DEFAULT_RULE_SET.lockoutAfterFailedAttempts, null);
});

test('decide: each overall state', () => {
  const two = [c('a', 'VERIFIED', ['nameDob']), c('b', 'VERIFIED', ['nameDob'])];
  assert.equal(decide(DEFAULT_RULE_SET, [...two, c('c', 'VERIFIED', ['nameAddress'])], none), 'VERIFIED');
  assert.equal(decide(DEFAULT_RULE_SET, [...two, c('c', 'VERIFIED_ADMIN', ['nameAddress'])], none), 'VERIFIED_ADMIN');
  assert.equal(
    decide(DEFAULT_RULE_SET, [...two, c('c', 'VERIFIED_WITH_CHANGES', ['nameAddress'])], none),
    'VERIFIED_WITH_CHANGES',
  );
  assert.equal(decide(DEFAULT_RULE_SET, [...two, c('c', 'PENDING', ['nameAddress'])], none), 'PENDING');
  assert.equal(decide(DEFAULT_RULE_SET, two, none), 'IN_PROGRESS');
  assert.equal(decide(DEFAULT_RULE_SET, two, { adminOverride: false, lockedOut: true }), 'LOCKED_OUT');
  assert.equal(decide(DEFAULT_RULE_SET, two, { adminOverride: true, lockedOut: true }), 'VERIFIED_ADMIN');
  // One source confirming both counts towards both requirements.
  assert.equal(
    decide(DEFAULT_RULE_SET, [c('a', 'VERIFIED', ['nameDob', 'nameAddress']), c('b', 'VERIFIED', ['nameDob'])], none),
    'VERIFIED',
  );
  // Verified beats a lockout that came earlier.
  assert.equal(
    decide(DEFAULT_RULE_SET, [...two, c('c', 'VERIFIED', ['nameAddress'])], { adminOverride: false, lockedOut: true }),
    'VERIFIED',
  );
});

function failPassport(acc: ReturnType<typeof account>, state: ReturnType<typeof register>) {
  return setFields(acc, state, 'passportdvs', validInputs('passportdvs', AU_PERSON, { number: 'A9999999' }), NOW, {})
    .state;
}

test('LOCKED_OUT after N failed interactive attempts over the verification', () => {
  const acc = account({ ruleSet: ruleSet({ lockoutAfterFailedAttempts: 3 }) });
  let state = register(acc, 'TWOFFF');
  state = failPassport(acc, state);
  state = setFields(acc, state, 'medibank', validInputs('medibank', AU_PERSON, { number: '99999999' }), NOW, {}).state;
  assert.equal(state.overallVerificationStatus, 'IN_PROGRESS');
  // An ERROR (source unavailable) is not a failure.
  state = setFields(acc, state, 'medibank', validInputs('medibank', AU_PERSON, { number: '44444444' }), NOW, {}).state;
  assert.equal(state.failedAttempts, 2);
  state = failPassport(acc, state);
  assert.equal(state.overallVerificationStatus, 'LOCKED_OUT');
  assert.ok(sourceList(acc, state).every((s) => !s.available));
  assert.throws(
    () => failPassport(acc, state),
    (e: unknown) => e instanceof VerificationError && e.code === 'SourceNotAvailableFault',
  );
});

test('the account lockout setting wins over the rule set', () => {
  const acc = account({ lockoutAfterFailedAttempts: 1 });
  assert.equal(failPassport(acc, register(acc, 'TWOFFF')).overallVerificationStatus, 'LOCKED_OUT');
});

test('per-source lockout locks the source only', () => {
  const acc = account({ ruleSet: ruleSet({ sourceLockoutAfterFailedAttempts: 2 }) });
  let state = register(acc, 'TWOFFF');
  state = failPassport(acc, state);
  assert.equal(state.sources['passportdvs']?.state, 'IN_PROGRESS');
  state = failPassport(acc, state);
  assert.equal(state.sources['passportdvs']?.state, 'LOCKED_OUT');
  assert.equal(state.overallVerificationStatus, 'IN_PROGRESS');
  const listed = sourceList(acc, state);
  assert.equal(listed.find((s) => s.name === 'passportdvs')?.available, false);
  assert.equal(listed.find((s) => s.name === 'medibank')?.available, true);
});

test('VERIFIED_ADMIN by admin override records comment, date and admin email (seed 003)', () => {
  const acc = account({ lockoutAfterFailedAttempts: 1 });
  const locked = failPassport(acc, register(acc, 'TWOFFF'));
  const state = adminOverride(
    locked,
    { comment: 'Checked the passport in person', adminEmail: 'admin@example.com' },
    new Date('2018-12-04T10:31:28.440Z'),
  );
  assert.equal(state.overallVerificationStatus, 'VERIFIED_ADMIN');
  assert.deepEqual(state.adminVerification, {
    comment: 'Checked the passport in person',
    adminEmail: 'admin@example.com',
    date: '2018-12-04 10:31:28.44',
    sourceId: null,
  });
  const record = state.individualResults.find((r) => r.name === 'AdminVerification');
  assert.equal(record?.state, 'VERIFIED_ADMIN');
  assert.equal(record?.dateVerified, '2018-12-04T10:31:28.440+0000');
  assert.deepEqual(record?.fieldResult, [
    {
      name: 'AdminComment',
      status: null,
      data: 'Checked the passport in person',
      extraData: [
        { name: 'Date', value: '2018-12-04 10:31:28.44' },
        { name: 'AdminEmail', value: 'admin@example.com' },
      ],
    },
  ]);
  assert.throws(
    () => adminOverride(locked, { comment: '', adminEmail: 'x' }, NOW),
    (e: unknown) => e instanceof VerificationError && e.problems.length === 2,
  );
});

test('admin verification of one pending source: the rule set decides again', () => {
  const acc = account({ ruleSet: ruleSet({ requirements: [{ kind: 'nameDob', sources: 1 }] }) });
  const pending = setFields(
    acc,
    register(acc, 'TWOFFF'),
    'passportdvs',
    validInputs('passportdvs', AU_PERSON, { number: 'A3333333' }),
    NOW,
    {},
  ).state;
  assert.equal(pending.overallVerificationStatus, 'PENDING');
  const state = adminOverride(pending, { comment: 'ok', adminEmail: 'a@b.co', sourceId: 'passportdvs' }, NOW, acc);
  assert.equal(state.sources['passportdvs']?.state, 'VERIFIED_ADMIN');
  assert.equal(state.overallVerificationStatus, 'VERIFIED_ADMIN');
  assert.equal(state.individualResults.find((r) => r.name === 'passportdvs')?.fieldResult.at(-1)?.name, 'AdminComment');
});
