import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_LIVENESS_POLICY,
  livenessResponsibility,
  NO_LIVENESS_REASONS,
  PARTY_EVIDENCE,
  secondaryConsentRequired,
  type LivenessInput,
} from '../../../src/domain/casework/index.ts';

const adult: LivenessInput = {
  subjectDateOfBirth: '1975-06-06',
  submittedOn: '2020-08-24',
  processingOn: '2020-09-01',
  subjectCheckOnFile: true,
  amsImageUsable: true,
};

test('adult: own liveness, assessed from their application; no URL → offer an Adult link', () => {
  const r = livenessResponsibility(adult);
  assert.deepEqual([r.required, r.giver, r.action, r.linkRelationship], [true, 'subject', 'assess-own-check', 'Adult']);
  const none = livenessResponsibility({ ...adult, subjectCheckOnFile: false });
  assert.deepEqual([none.action, none.noLivenessReason], ['offer-own-link', 'cannot-do-online']);
});

test('youth (14/15): own liveness like an adult', () => {
  const r = livenessResponsibility({ ...adult, subjectDateOfBirth: '2005-08-01' });
  assert.equal(r.bracketOnProcessing, 'youth');
  assert.equal(r.giver, 'subject');
});

const child: LivenessInput = {
  subjectDateOfBirth: '2012-03-15',
  submittedOn: '2020-08-24',
  processingOn: '2020-09-01',
  subjectCheckOnFile: false,
  amsImageUsable: true,
};

test('child, parent applied at the same time and did liveness: copy the parent check to the child', () => {
  const r = livenessResponsibility({ ...child, consentingParent: { appliedAtSameTime: true, checkOnFile: true } });
  assert.deepEqual(
    [r.giver, r.action, r.linkRelationship],
    ['consenting-parent', 'copy-parent-check-to-child', 'Consenting Parties'],
  );
});

test('child, parent applied at the same time without liveness: follow up the parent, maybe a link', () => {
  const r = livenessResponsibility({ ...child, consentingParent: { appliedAtSameTime: true, checkOnFile: false } });
  assert.equal(r.action, 'follow-up-parent-send-link');
});

test('child, parent not applying (or unknown): contact the parent and send them a link', () => {
  assert.equal(
    livenessResponsibility({ ...child, consentingParent: { appliedAtSameTime: false, checkOnFile: false } }).action,
    'contact-parent-send-link',
  );
  assert.equal(livenessResponsibility(child).action, 'contact-parent-send-link');
});

test('secondary consent giver: consent form and passport scan, no liveness, signatures bound', () => {
  const e = PARTY_EVIDENCE['secondary-consent-giver'];
  assert.equal(e.liveness, 'none');
  assert.deepEqual(e.documents, ['consent-form', 'passport-scan']);
  assert.deepEqual(e.bindSignaturesAcross, ['consent-form', 'passport-scan']);
  assert.equal(secondaryConsentRequired('child', false), true);
  assert.equal(secondaryConsentRequired('child', true), false);
  assert.equal(secondaryConsentRequired('adult', false), false);
});

// Born 2006-11-20: a child when submitted on 2020-09-01, 14 on 2020-11-20, processed on 2020-12-01.
const turning: LivenessInput = {
  subjectDateOfBirth: '2006-11-20',
  submittedOn: '2020-09-01',
  processingOn: '2020-12-01',
  subjectCheckOnFile: false,
  consentingParent: { appliedAtSameTime: true, checkOnFile: true },
  amsImageUsable: true,
};

test('child turns 14, default policy: back to Complete and Correct and the youth gets their own link', () => {
  assert.equal(DEFAULT_LIVENESS_POLICY.childTurns14Policy, 'revert-and-send-own-link');
  const r = livenessResponsibility(turning);
  assert.deepEqual(
    [
      r.bracketAtSubmission,
      r.bracketOnProcessing,
      r.giver,
      r.action,
      r.revertToStage,
      r.noLivenessReason,
      r.linkRelationship,
    ],
    ['child', 'youth', 'subject', 'send-own-link', 'complete-and-correct', 'child-turned-youth', 'Adult'],
  );
});

test('child turns 14, carry-on: identity confirmed at submission age through the parent', () => {
  const r = livenessResponsibility({ ...turning, policy: { childTurns14Policy: 'carry-on' } });
  assert.deepEqual([r.giver, r.action, r.revertToStage], ['consenting-parent', 'copy-parent-check-to-child', null]);
});

test('child turns 14, revert-without-new-evidence: back to Complete and Correct, parent evidence stands', () => {
  const r = livenessResponsibility({ ...turning, policy: { childTurns14Policy: 'revert-without-new-evidence' } });
  assert.deepEqual(
    [r.giver, r.action, r.revertToStage],
    ['consenting-parent', 'assess-parent-evidence', 'complete-and-correct'],
  );
});

test('processing the day before the 14th birthday is still the parent', () => {
  const r = livenessResponsibility({ ...turning, processingOn: '2020-11-19' });
  assert.equal(r.giver, 'consenting-parent');
});

test('pre-30-July-2020 with a usable AMS image: no liveness, nothing to do', () => {
  const r = livenessResponsibility({ ...adult, submittedOn: '2020-02-12', subjectCheckOnFile: false });
  assert.deepEqual(
    [r.required, r.giver, r.action, r.noLivenessReason],
    [false, 'none', 'none', 'submitted-before-liveness-release'],
  );
});

test('pre-30-July-2020 with the AMS image missing: a link may be offered instead of the passport', () => {
  const r = livenessResponsibility({
    ...adult,
    submittedOn: '2020-07-29',
    subjectCheckOnFile: false,
    amsImageUsable: false,
  });
  assert.deepEqual(
    [r.required, r.giver, r.action, r.linkRelationship],
    [false, 'subject', 'offer-link-instead-of-passport', 'Adult'],
  );
  const c = livenessResponsibility({ ...child, submittedOn: '2020-02-12', amsImageUsable: false });
  assert.deepEqual([c.giver, c.linkRelationship], ['consenting-parent', 'Consenting Parties']);
});

test('no-liveness reasons are the seed list', () => {
  assert.deepEqual(
    [...NO_LIVENESS_REASONS],
    ['cannot-do-online', 'child-turned-youth', 'submitted-before-liveness-release', 'does-not-want-liveness'],
  );
});

test('processing before submission is refused', () => {
  assert.throws(() => livenessResponsibility({ ...adult, processingOn: '2020-08-23' }), RangeError);
});
