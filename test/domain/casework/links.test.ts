import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  completeLink,
  createLink,
  currentLink,
  expireIfDue,
  linkAllowedFor,
  LINK_VALIDITY_MS,
  resendLink,
  statusAt,
  type LivenessLink,
} from '../../../src/domain/casework/index.ts';

const t0 = Date.UTC(2020, 7, 24, 16, 14, 49);
const H = 3_600_000;

function link(): LivenessLink {
  const r = createLink(
    { id: 'l1', applicationId: 'VBLPYK', personId: 'p-david', relationship: 'Adult', email: 'david.hall@example.nz' },
    t0,
  );
  assert.ok(r.ok);
  return r.value;
}

test('a new link is Active for 24 hours and Expired at 24 h exactly', () => {
  const l = link();
  assert.equal(l.expiresAt - l.createdAt, LINK_VALIDITY_MS);
  assert.equal(statusAt(l, t0), 'Active');
  assert.equal(statusAt(l, t0 + 24 * H - 1), 'Active');
  assert.equal(statusAt(l, t0 + 24 * H), 'Expired');
  assert.equal(expireIfDue(l, t0 + 25 * H).state, 'Expired');
  assert.equal(expireIfDue(l, t0 + H), l);
});

test('creating needs a person and an email', () => {
  const noPerson = createLink(
    { id: 'x', applicationId: 'a', personId: '', relationship: 'Consenting Parties', email: 'a@b.nz' },
    t0,
  );
  assert.equal(noPerson.ok ? '' : noPerson.error.code, 'LINK_PERSON_REQUIRED');
  const badEmail = createLink(
    { id: 'x', applicationId: 'a', personId: 'p', relationship: 'Adult', email: 'harryfina' },
    t0,
  );
  assert.equal(badEmail.ok ? '' : badEmail.error.code, 'LINK_EMAIL_INVALID');
});

test('completing within 24 h → Completed (final); after 24 h → refused', () => {
  const c = completeLink(link(), t0 + 2 * H);
  assert.ok(c.ok);
  assert.equal(statusAt(c.value, t0 + 48 * H), 'Completed');
  const late = completeLink(link(), t0 + 24 * H);
  assert.equal(late.ok ? '' : late.error.code, 'LINK_EXPIRED');
  const again = completeLink(c.value, t0 + 3 * H);
  assert.equal(again.ok ? '' : again.error.code, 'LINK_NOT_ACTIVE');
});

test('resend makes a new Active link and expires the old one now', () => {
  const r = resendLink(link(), 'l2', t0 + 5 * H);
  assert.ok(r.ok);
  assert.deepEqual(
    [statusAt(r.value.previous, t0 + 5 * H), r.value.previous.expiredAt, r.value.previous.supersededBy],
    ['Expired', t0 + 5 * H, 'l2'],
  );
  assert.deepEqual(
    [r.value.current.id, statusAt(r.value.current, t0 + 5 * H), r.value.current.expiresAt],
    ['l2', 'Active', t0 + 29 * H],
  );
  assert.equal(currentLink([r.value.previous, r.value.current], 'p-david')?.id, 'l2');
});

test('resend after a completed but unsatisfactory check keeps the old one Completed', () => {
  const c = completeLink(link(), t0 + H);
  assert.ok(c.ok);
  const r = resendLink(c.value, 'l2', t0 + 30 * H);
  assert.ok(r.ok);
  assert.equal(r.value.previous.state, 'Completed');
  assert.equal(r.value.previous.supersededBy, 'l2');
});

test('who may be sent a link, and with which relationship (BR-04, BR-28, BR-33)', () => {
  const cases: [Parameters<typeof linkAllowedFor>, string][] = [
    [['applicant', 'adult', 'Adult'], 'ok'],
    [['applicant', 'youth', 'Adult'], 'ok'],
    [['applicant', 'adult', 'Consenting Parties'], 'LINK_RELATIONSHIP_MISMATCH'],
    [['applicant', 'child', 'Adult'], 'LINK_CHILD_NO_LIVENESS'], // BR-04: the parent gives it
    [['applicant', 'child', 'Consenting Parties'], 'LINK_CHILD_NO_LIVENESS'],
    [['consenting-parent', 'adult', 'Consenting Parties'], 'ok'],
    [['consenting-parent', 'adult', 'Adult'], 'LINK_RELATIONSHIP_MISMATCH'], // BR-28
    [['secondary-consent-giver', 'adult', 'Consenting Parties'], 'LINK_NOT_REQUIRED'], // BR-33
    [['secondary-consent-giver', 'adult', 'Adult'], 'LINK_NOT_REQUIRED'],
  ];
  for (const [args, expected] of cases) {
    const result = linkAllowedFor(...args);
    assert.equal(result.ok ? 'ok' : result.error.code, expected, args.join(' / '));
  }
  const refused = linkAllowedFor('applicant', 'child', 'Adult');
  assert.ok(!refused.ok && /consenting parent/.test(refused.error.message), 'the refusal says who gives it instead');
});

test('no email names the field; a bad one is quoted', () => {
  const base = { id: 'l', applicationId: 'a', personId: 'p', relationship: 'Adult' as const };
  const none = createLink({ ...base, email: '' }, 0);
  assert.ok(!none.ok);
  assert.deepEqual(
    [none.error.code, none.error.message],
    ['LINK_EMAIL_MISSING', 'email is required: there is no email address to send the link to'],
  );
  const bad = createLink({ ...base, email: 'x@y' }, 0);
  assert.ok(!bad.ok);
  assert.deepEqual([bad.error.code, bad.error.message], ['LINK_EMAIL_INVALID', 'email "x@y" is not an email address']);
});
