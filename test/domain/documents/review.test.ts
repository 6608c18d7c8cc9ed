// An administrator's review of a combination source's PENDING component, against seed 003's example of a result
// "verified by an administrator" (AdminComment with Date and AdminEmail, state VERIFIED_ADMIN, dateVerified).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combinationResult, type DocumentData } from '../../../src/domain/documents/combination.ts';
import { pendingComponents, reviewComponent } from '../../../src/domain/documents/review.ts';
import { DEFAULT_RULE_SET, VerificationError, type Person } from '../../../src/domain/verification/index.ts';

const recorded = new Date('2018-12-04T00:00:00.000Z');
const now = new Date('2018-12-04T00:31:28.440Z');
const person: Person = { givenName: 'John', surname: 'Smith', dob: { day: 1, month: 4, year: 1976 } };
const read: DocumentData = {
  givenName: 'John',
  middleNames: '',
  surname: 'Smith',
  dob: '1976-04-01',
  documentNumber: 'A1111111',
};
// seed 003's PENDING example: the person changed the surname to Jones
const pending = combinationResult({
  sourceName: 'passportcapture',
  documentType: 'PASSPORT',
  documentRegion: 'AU',
  origin: 'pono API',
  checks: [
    { code: 'MRZ_CHECK_DIGITS', name: 'MRZ check digits', result: 'PASSED', reason: 'every check digit agrees' },
  ],
  extracted: read,
  confirmed: { ...read, surname: 'Jones' },
  person,
  ruleSet: DEFAULT_RULE_SET,
  dataSource: null,
  face: { score: 12, threshold: 40 },
  now: recorded,
});
const by = { comment: 'Ive uploaded a picture of a big beer can', adminEmail: 'admin@edentiti.com' };

test('the pending components are the ones an administrator can review', () => {
  assert.equal(pending.state, 'PENDING');
  assert.deepEqual(pendingComponents(pending), ['Data Extraction', 'Face Comparison', 'Document Registration Match']);
});

test("a verified component takes seed 003's admin shape; the combination stays PENDING while another waits", () => {
  const once = reviewComponent(pending, { component: 'Data Extraction', decision: 'VERIFIED', ...by }, now);
  const extraction = once.individualResult?.find((c) => c.name === 'Data Extraction');
  assert.equal(extraction?.state, 'VERIFIED_ADMIN');
  assert.equal(extraction?.dateVerified, '2018-12-04T00:31:28.440+0000');
  assert.deepEqual(extraction?.fieldResult.at(-1), {
    name: 'AdminComment',
    status: null,
    data: 'Ive uploaded a picture of a big beer can',
    extraData: [
      { name: 'Date', value: '2018-12-04 00:31:28.44' },
      { name: 'AdminEmail', value: 'admin@edentiti.com' },
    ],
  });
  // the person's change is still shown beside the decision
  assert.deepEqual(
    extraction?.fieldResult.find((f) => f.name === 'surname'),
    { name: 'surname', status: 'CHANGED', changedValue: 'Jones', extractedValue: 'Smith' },
  );
  assert.equal(once.state, 'PENDING');
  assert.equal(once.dateVerified, null);

  const all = ['Face Comparison', 'Document Registration Match'].reduce(
    (r, component) => reviewComponent(r, { component, decision: 'VERIFIED', ...by }, now),
    once,
  );
  assert.equal(all.state, 'VERIFIED_ADMIN');
  assert.equal(all.dateVerified, '2018-12-04T00:31:28.440+0000');
  assert.deepEqual(pendingComponents(all), []);
});

test('a component not verified becomes FAILED, and so does the combination', () => {
  const refused = reviewComponent(pending, { component: 'Face Comparison', decision: 'NOT_VERIFIED', ...by }, now);
  assert.equal(refused.individualResult?.find((c) => c.name === 'Face Comparison')?.state, 'FAILED');
  assert.equal(refused.state, 'FAILED');
  const thenVerified = reviewComponent(refused, { component: 'Data Extraction', decision: 'VERIFIED', ...by }, now);
  assert.equal(thenVerified.state, 'FAILED');
});

test('a review needs a comment, an email and a component pending review', () => {
  const fault = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof VerificationError);
      return [error.code, error.problems.map((p) => p.field)];
    }
    assert.fail('no fault');
  };
  assert.deepEqual(
    fault(() =>
      reviewComponent(pending, { component: 'Nope', decision: 'VERIFIED', comment: ' ', adminEmail: 'x' }, now),
    ),
    ['FieldValidationFault', ['comment', 'adminEmail', 'component']],
  );
  assert.deepEqual(
    fault(() => reviewComponent(pending, { component: 'Document Authenticity', decision: 'VERIFIED', ...by }, now)),
    ['SourceNotAvailableFault', []],
  );
});
