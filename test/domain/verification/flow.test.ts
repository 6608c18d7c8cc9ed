// End-to-end flows over the pure engine with stubs: registration, interactive checks, the forms outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CREDIT_HEADER_FAILURE_NOTICE,
  VerificationError,
  formsOutcome,
  setFields,
  sourceFields,
  sourceList,
  verificationResult,
  type VerificationState,
} from '../../../src/domain/verification/index.ts';
import { AU_PERSON, NOW, account, register, ruleSet, validInputs } from './fixtures.ts';

const ONE_SOURCE = ruleSet({ id: 'one', requirements: [{ kind: 'nameDob', sources: 1 }] });

const passport = (acc: ReturnType<typeof account>, state: VerificationState, number: string) =>
  setFields(acc, state, 'passportdvs', validInputs('passportdvs', AU_PERSON, { number }), NOW, {});

test('middle name TWOPPPP… reaches VERIFIED at registration', () => {
  const acc = account();
  const state = register(acc, `TWO${'P'.repeat(28)}`);
  assert.equal(state.overallVerificationStatus, 'VERIFIED');
  assert.equal(state.dateVerified, '2024-05-01T02:03:04.050+0000');
  assert.equal(formsOutcome(acc, state).verifyStatus, 'VERIFIED');
  assert.ok(sourceList(acc, state).every((s) => !s.available && s.notRequired));
});

for (const [number, sourceState, overall] of [
  ['A1111111', 'VERIFIED', 'VERIFIED'],
  ['A2222222', 'VERIFIED_WITH_CHANGES', 'VERIFIED_WITH_CHANGES'],
  ['A3333333', 'PENDING', 'PENDING'],
  ['A4444444', 'ERROR', 'IN_PROGRESS'],
  ['A6666666', 'NOT_CONTRIBUTING', 'IN_PROGRESS'],
] as const) {
  test(`only fails at registration, then passport ${number} → source ${sourceState}, overall ${overall}`, () => {
    const acc = account({ ruleSet: ONE_SOURCE });
    const state = register(acc, `TWO${'F'.repeat(28)}`);
    assert.equal(state.overallVerificationStatus, 'IN_PROGRESS');
    const before = sourceList(acc, state).find((s) => s.name === 'passportdvs');
    assert.deepEqual(before, {
      name: 'passportdvs',
      available: true,
      notRequired: false,
      oneSourceLeft: true,
      order: 10,
      passed: false,
      state: 'EMPTY',
      version: 1,
    });
    const out = passport(acc, state, number);
    assert.equal(out.checkResult.state, sourceState);
    assert.equal(out.state.overallVerificationStatus, overall);
    const after = sourceList(acc, out.state).find((s) => s.name === 'passportdvs');
    assert.equal(after?.state, sourceState);
    assert.equal(after?.available, sourceState === 'ERROR');
    const forms = formsOutcome(acc, out.state, { verifySources: ['passportdvs'], before: state });
    assert.equal(forms.verifyStatus, overall.startsWith('VERIFIED') ? 'VERIFIED' : 'UNVERIFIED');
    assert.equal(forms.sourceVerifiedFlag, sourceState.startsWith('VERIFIED'));
    assert.equal(forms.availableSources.includes('passportdvs'), sourceState === 'ERROR');
  });
}

test('default rule: background gives name+address and one name+DOB; the passport completes it', () => {
  const acc = account();
  // Position 4 (aec: name+address) and 7 (asic: name+DOB and name+address) pass.
  const state = register(acc, 'TWOFFFPFFP');
  assert.equal(state.overallVerificationStatus, 'IN_PROGRESS');
  const listed = sourceList(acc, state);
  assert.equal(listed.find((s) => s.name === 'aec')?.passed, true);
  assert.equal(listed.find((s) => s.name === 'passportdvs')?.oneSourceLeft, true);
  assert.equal(listed.find((s) => s.name === 'waec')?.notRequired, true, 'name+address is already met');
  const out = passport(acc, state, 'A1111111');
  assert.equal(out.state.overallVerificationStatus, 'VERIFIED');
  assert.deepEqual(
    verificationResult(out.state)
      .individualResult.map((r) => r.name)
      .slice(-1),
    ['passportdvs'],
  );
});

test('setFields refuses unknown, not enabled and already passed sources', () => {
  const acc = account({ enabledSources: ['passportdvs', 'aec'] });
  const state = register(acc, 'TWOFFFP');
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof VerificationError ? e.code : 'other';
    }
    return 'none';
  };
  assert.equal(
    code(() => setFields(acc, state, 'nosuch', {}, NOW, {})),
    'InvalidSourceIdFault',
  );
  assert.equal(
    code(() => setFields(acc, state, 'medibank', {}, NOW, {})),
    'InvalidSourceIdFault',
  );
  assert.equal(
    code(() => sourceFields(acc, state, 'medibank')),
    'InvalidSourceIdFault',
  );
  assert.equal(
    code(() => setFields(acc, state, 'aec', validInputs('aec', AU_PERSON, { streetnumber: '1' }), NOW, {})),
    'SourceNotAvailableFault',
  );
  assert.equal(
    code(() => setFields(account({ stubMode: false }), state, 'passportdvs', {}, NOW, {})),
    'InvalidSourceIdFault',
  );
});

test('getFields: pre-filled from the person, DOB as DD/MM/YYYY, required marked', () => {
  const acc = account();
  const state = register(acc, 'TWOF');
  const fields = sourceFields(acc, state, 'aec');
  const value = (name: string) => fields.find((f) => f.name === name)?.value;
  assert.equal(value('greenid_aec_givenname'), 'Jane');
  assert.equal(value('greenid_aec_middlename'), 'TWOF');
  assert.equal(value('greenid_aec_dob'), '01/02/1980');
  assert.equal(value('greenid_aec_streettype'), 'St');
  assert.equal(value('greenid_aec_tandc'), '');
  const state2 = fields.find((f) => f.name === 'greenid_aec_state');
  assert.equal(state2?.type, 'select');
  assert.equal(state2?.selectItem.length, 8);
  assert.deepEqual(fields.find((f) => f.name === 'greenid_aec_surname')?.attribute, [
    { name: 'class', value: 'namevalidation required' },
    { name: 'aria-required', value: 'true' },
  ]);
});

test('NZ verification offers NZ sources only', () => {
  const acc = account();
  const state = register(acc, 'FFF', {
    person: {
      ...AU_PERSON,
      currentResidentialAddress: { streetNumber: '5', streetName: 'Queen', suburb: 'Auckland', country: 'NZ' },
    },
  });
  const names = sourceList(acc, state).map((s) => s.name);
  assert.deepEqual(names, [
    'nzdriverslicence',
    'nzpassport',
    'nzbirthcertificate',
    'nzcitizenship',
    'nzaa',
    'nzwhitepages',
    'registry',
  ]);
});

test('forms outcome: credit-header consent refused → not run, failure notice; consent and fail → AUTOFAIL', () => {
  const acc = account({ customerName: 'Acme Bank' });
  const refused = register(acc, `TWO${'P'.repeat(28)}`, { extraData: { 'dnb-credit-header-consent-given': 'false' } });
  const out = formsOutcome(acc, refused);
  assert.equal(refused.creditHeaderConsent, false);
  assert.equal(out.creditHistoryResult, null);
  assert.ok(
    out.creditHeaderNotice?.startsWith(
      'Dear Jane, You recently opted to verify yourself against the Credit Bureau for Acme Bank.',
    ),
  );
  assert.ok(out.creditHeaderNotice?.endsWith('Kind regards, Acme Bank'));
  assert.ok(CREDIT_HEADER_FAILURE_NOTICE.includes('1300 734 806'));
  const failed = formsOutcome(
    acc,
    register(acc, `TWO${'P'.repeat(13)}F`, { extraData: { 'dnb-credit-header-consent-given': 'true' } }),
  );
  assert.equal(failed.creditHistoryResult, 'AUTOFAIL');
  assert.notEqual(failed.creditHeaderNotice, null);
  const passed = formsOutcome(
    acc,
    register(acc, `TWO${'P'.repeat(28)}`, { extraData: { 'dnb-credit-header-consent-given': 'true' } }),
  );
  assert.equal(passed.creditHistoryResult, 'VERIFIED');
  assert.equal(passed.creditHeaderNotice, null);
});

test('forms outcome: TwoError → SYSTEM_ERROR; watchlists; FAILED when locked out', () => {
  const acc = account();
  const errored = formsOutcome(acc, register(acc, 'TwoError'));
  assert.equal(errored.executionStatus, 'SYSTEM_ERROR');
  const listed = formsOutcome(acc, register(acc, 'TWOFFP'));
  assert.deepEqual(listed.watchlistsFoundOn, ['DFAT', 'OFAC']);
  assert.equal(listed.executionStatus, 'SUCCESS');
  assert.equal(listed.verifyStatus, 'UNVERIFIED');
  const lockAcc = account({ lockoutAfterFailedAttempts: 1 });
  const locked = passport(lockAcc, register(lockAcc, 'TWOF'), 'A0000000').state;
  assert.equal(formsOutcome(lockAcc, locked).verifyStatus, 'FAILED');
});

test('the state survives a JSON round trip', () => {
  const acc = account({ ruleSet: ONE_SOURCE });
  const state = JSON.parse(JSON.stringify(register(acc, 'TWOF'))) as VerificationState;
  const out = passport(acc, state, 'A1111111');
  assert.equal(out.state.overallVerificationStatus, 'VERIFIED');
  assert.equal(out.state.ruleSetVersion, 1);
});
