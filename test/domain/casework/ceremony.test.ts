import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildInzNotification,
  ceremonyRequired,
  closeCeremony,
  inzNotificationDueOn,
  notificationIdempotencyKey,
  recordCeremony,
} from '../../../src/domain/casework/index.ts';

const leonard = {
  fullName: 'Leonard Du Plessis',
  gender: 'Male',
  dateOfBirth: '1975-06-06',
  countryOfBirth: 'South Africa',
  citizenshipPersonNumber: 'CPN-0001',
};

test('notification due 7 days after the ceremony is closed', () => {
  assert.equal(inzNotificationDueOn('2021-03-25'), '2021-04-01');
  assert.equal(inzNotificationDueOn('2020-12-28'), '2021-01-04');
  const rec = recordCeremony('VBLPYK', 'p-leonard', '2021-03-24', true);
  const closed = closeCeremony(rec, leonard.dateOfBirth, '2021-03-25');
  assert.ok(closed.ok);
  const n = buildInzNotification(leonard, closed.value);
  assert.ok(n.ok);
  assert.deepEqual(
    [n.value.dueOn, n.value.effectiveDate, n.value.fullName, n.value.countryOfBirth],
    ['2021-04-01', '2021-03-24', 'Leonard Du Plessis', 'South Africa'],
  );
});

test('no notification before closure; ceremony closure rules', () => {
  const rec = recordCeremony('VBLPYK', 'p', '2021-03-24', true);
  const n = buildInzNotification(leonard, rec);
  assert.equal(n.ok ? '' : n.error.code, 'CEREMONY_NOT_CLOSED');
  const early = closeCeremony(rec, leonard.dateOfBirth, '2021-03-23');
  assert.equal(early.ok ? '' : early.error.code, 'CEREMONY_CLOSED_BEFORE_DATE');
  const noOath = closeCeremony(recordCeremony('a', 'p', '2021-03-24', false), leonard.dateOfBirth, '2021-03-24');
  assert.equal(noOath.ok ? '' : noOath.error.code, 'CEREMONY_OATH_REQUIRED');
  const closed = closeCeremony(rec, leonard.dateOfBirth, '2021-03-24');
  assert.ok(closed.ok);
  const twice = closeCeremony(closed.value, leonard.dateOfBirth, '2021-03-25');
  assert.equal(twice.ok ? '' : twice.error.code, 'CEREMONY_ALREADY_CLOSED');
  const missing = buildInzNotification({ ...leonard, gender: '' }, closed.value);
  assert.equal(missing.ok ? '' : missing.error.code, 'CITIZEN_FIELD_MISSING');
});

test('children: ceremony optional; effective date is the certificate date without an oath', () => {
  assert.equal(ceremonyRequired('2012-03-15', '2021-03-24'), false);
  assert.equal(ceremonyRequired('2006-11-20', '2021-03-24'), true);
  const child = closeCeremony(recordCeremony('a', 'c', '2021-03-24', false), '2012-03-15', '2021-03-24');
  assert.ok(child.ok);
  const child2 = { ...leonard, dateOfBirth: '2012-03-15' };
  const none = buildInzNotification(child2, child.value);
  assert.equal(none.ok ? '' : none.error.code, 'NO_EFFECTIVE_DATE');
  const withCert = buildInzNotification(child2, child.value, '2021-03-20');
  assert.ok(withCert.ok && withCert.value.effectiveDate === '2021-03-20');
});

test('idempotency key: stable, independent of correctable fields, no personal data in clear', () => {
  const k = notificationIdempotencyKey('CPN-0001', '2021-03-24');
  assert.equal(k, notificationIdempotencyKey(' CPN-0001 ', '2021-03-24'));
  assert.notEqual(k, notificationIdempotencyKey('CPN-0001', '2021-03-25'));
  assert.notEqual(k, notificationIdempotencyKey('CPN-0002', '2021-03-24'));
  assert.match(k, /^inz-cit-v1-[0-9a-f]{64}$/);
  assert.ok(!k.includes('CPN'));
  const closed = closeCeremony(recordCeremony('a', 'p', '2021-03-24', true), leonard.dateOfBirth, '2021-03-25');
  assert.ok(closed.ok);
  const a = buildInzNotification(leonard, closed.value);
  const b = buildInzNotification({ ...leonard, fullName: 'Leonard du Plessis' }, closed.value);
  assert.ok(a.ok && b.ok);
  assert.equal(a.value.idempotencyKey, b.value.idempotencyKey);
});
