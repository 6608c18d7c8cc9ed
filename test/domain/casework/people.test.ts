import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageOn,
  bracketChange,
  bracketOfAge,
  bracketOn,
  identityStandardFor,
  livenessLinkMayBeOffered,
  livenessRequiredFor,
  routeFor,
} from '../../../src/domain/casework/index.ts';

test('R10 example: DOB 2006-11-20 is child the day before 14, youth on the 14th birthday, adult at 16', () => {
  assert.equal(ageOn('2006-11-20', '2020-11-18'), 13);
  assert.equal(bracketOn('2006-11-20', '2020-11-18'), 'child');
  assert.equal(bracketOn('2006-11-20', '2020-11-19'), 'child');
  assert.equal(bracketOn('2006-11-20', '2020-11-20'), 'youth');
  assert.equal(bracketOn('2006-11-20', '2022-11-19'), 'youth');
  assert.equal(bracketOn('2006-11-20', '2022-11-20'), 'adult');
});

test('13th birthday is still a child; bracket table edges', () => {
  assert.equal(bracketOn('2010-05-01', '2023-05-01'), 'child');
  assert.deepEqual([0, 13, 14, 15, 16, 99].map(bracketOfAge), ['child', 'child', 'youth', 'youth', 'adult', 'adult']);
  assert.throws(() => bracketOfAge(-1), RangeError);
});

test('29 February births: birthday is 1 March in non-leap years by default, 28 Feb if configured', () => {
  assert.equal(ageOn('2008-02-29', '2022-02-28'), 13);
  assert.equal(ageOn('2008-02-29', '2022-03-01'), 14);
  assert.equal(ageOn('2008-02-29', '2022-02-28', 'feb-28'), 14);
  assert.equal(ageOn('2008-02-29', '2024-02-29'), 16); // leap year: the real birthday
  assert.equal(ageOn('2008-02-29', '2024-02-28'), 15);
  assert.equal(bracketOn('2008-02-29', '2022-02-28'), 'child');
  assert.equal(bracketOn('2008-02-29', '2022-03-01'), 'youth');
});

test('age before birth and impossible dates are refused', () => {
  assert.throws(() => ageOn('2010-01-02', '2010-01-01'), RangeError);
  assert.throws(() => ageOn('2021-02-29', '2022-01-01'), RangeError);
});

test('R11: route and consent fixed on the submission date', () => {
  assert.deepEqual(routeFor('2004-06-01', '2020-06-01'), { route: 's8', parentalConsentRequired: false });
  assert.deepEqual(routeFor('2004-06-02', '2020-06-01'), { route: 's9(1)(a)', parentalConsentRequired: true });
});

test('R13: bracket change between submission and a later date', () => {
  const c = bracketChange('2006-11-20', '2020-09-01', '2020-12-01');
  assert.equal(c.turned14, true);
  assert.equal(c.turned16, false);
  const d = bracketChange('2004-11-20', '2020-09-01', '2020-12-01');
  assert.deepEqual(
    [d.atSubmission, d.atDate, d.turned14, d.turned16, d.flagForReview],
    ['youth', 'adult', false, true, true],
  );
  assert.equal(bracketChange('1975-06-06', '2020-09-01', '2021-09-01').flagForReview, false);
});

test('30 July 2020 cutoff: before needs no liveness, on the day it does', () => {
  assert.equal(identityStandardFor('2020-07-29'), 'pre-liveness');
  assert.equal(identityStandardFor('2020-07-30'), 'liveness');
  assert.equal(livenessRequiredFor('2020-07-29'), false);
  assert.equal(livenessRequiredFor('2020-08-24'), true);
  // BR-09: pre-cutoff, a link may be offered only when the AMS image is missing or unusable
  assert.equal(livenessLinkMayBeOffered('2020-02-12', true), false);
  assert.equal(livenessLinkMayBeOffered('2020-02-12', false), true);
  assert.equal(livenessLinkMayBeOffered('2020-08-24', true), true);
});

test('property: age is 0 at birth, never decreases, and brackets only go up', async () => {
  const fc = (await import('fast-check')).default;
  const { addDays, fromEpochDay } = await import('../../../src/domain/casework/index.ts');
  const rank = { child: 0, youth: 1, adult: 2 } as const;
  fc.assert(
    fc.property(fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: 0, max: 8000 }), (dobDay, n) => {
      const dob = fromEpochDay(dobDay);
      const d1 = addDays(dob, n);
      const d2 = addDays(d1, 1);
      return (
        ageOn(dob, dob) === 0 &&
        ageOn(dob, d1) <= ageOn(dob, d2) &&
        rank[bracketOn(dob, d1)] <= rank[bracketOn(dob, d2)]
      );
    }),
  );
});
