// Seed 001's "Identity Verification" service over REST, on both databases: its outputs table row by row
// (verifyStatus, availableSources shrinking, verifiedSources, sourceVerifiedFlag, watchlistsFoundOn,
// creditHistoryResult, executionStatus / errorMessage), re-registration when the details change, role keys,
// getFields, and the outcome endpoint read afterwards. The stub codes are seed 002's.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO, DEMO_AUTH, basicAuth, type TestApp } from '../../support/app.ts';
import { applicant, newTracking } from './forms-support.ts';

const BACKGROUND = 'dfat,ofac,pep,aec,asic,tenancy';
/** Seed 002: `TWO`, then one letter per position (1 dfat, 2 ofac, 3 pep, 4 aec, 7 asic, 8 tenancy, 14 dnb). */
const code = (letters: Record<number, 'P' | 'F' | 'E'>, rest: 'P' | 'F' = 'F') =>
  `TWO${Array.from({ length: 28 }, (_, i) => letters[i + 1] ?? rest).join('')}`;
const ALL_PASS = code({}, 'P');
const ALL_FAIL = code({ 1: 'P', 2: 'P', 3: 'P' });

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind);
    await t.services.accounts.create({ accountId: 'other', password: 'other-password-1', stubMode: true });
  });
  after(async () => {
    await t.close();
  });

  const call = (body: Record<string, unknown>, auth = DEMO_AUTH) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: auth },
      payload: body,
    });
  const ok = async (body: Record<string, unknown>) => {
    const response = await call(body);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Record<string, unknown>>();
  };
  const list = (value: unknown) => String(value).split(',').filter(Boolean);

  test('the first call registers and runs the background sources: all pass is VERIFIED at once', async () => {
    const out = await ok({ trackingCode: newTracking(), backgroundSources: BACKGROUND, ...applicant(ALL_PASS) });
    assert.equal(out.verifyStatus, 'VERIFIED');
    assert.match(String(out.verifyUserId), /^[A-Za-z0-9]{9}$/);
    assert.deepEqual(list(out.verifiedSources).sort(), ['aec', 'asic', 'tenancy']);
    assert.equal(out.sourceVerifiedFlag, false);
    assert.equal(out.watchlistsFoundOn, '');
    assert.equal(out.creditHistoryResult, '');
    assert.equal(out.executionStatus, 'SUCCESS');
    assert.equal(out.errorMessage, '');
    assert.equal(out.restarted, false);
  });

  test('a request refused before the service runs still answers executionStatus DATA_ERROR naming the field', async () => {
    for (const [body, field] of [
      [
        { trackingCode: newTracking(), backgroundSources: BACKGROUND, ...applicant(ALL_PASS), favouriteColour: 'blue' },
        'favouriteColour',
      ],
      [
        {
          trackingCode: newTracking(),
          backgroundSources: BACKGROUND,
          ...applicant(ALL_PASS, { firstName: 'A'.repeat(5000) }),
        },
        'firstName',
      ],
    ] as const) {
      const response = await call(body);
      assert.equal(response.statusCode, 400, response.body);
      const answer = response.json<{ executionStatus: string; errorMessage: string; problems: { field: string }[] }>();
      assert.equal(answer.executionStatus, 'DATA_ERROR');
      assert.match(answer.errorMessage, new RegExp(field));
      assert.deepEqual(
        answer.problems.map((p) => p.field),
        [field],
      );
    }
  });

  test("errorMessage reads alike whether the request's schema or the service refused it: a sentence naming each field", async () => {
    const errorMessage = async (body: Record<string, unknown>) => {
      const response = await call({ trackingCode: newTracking(), backgroundSources: BACKGROUND, ...body });
      assert.equal(response.statusCode, 400, response.body);
      const answer = response.json<{ executionStatus: string; errorMessage: string }>();
      assert.equal(answer.executionStatus, 'DATA_ERROR');
      return answer.errorMessage;
    };
    // The schema's refusal (a field it does not take).
    assert.equal(
      await errorMessage({ ...applicant(ALL_PASS), favouriteColour: 'blue' }),
      'favouriteColour is not a field of this request.',
    );
    // The service's own: an input's format, and a source's rule (worded by the input, not the source's label).
    assert.equal(
      await errorMessage({
        ...applicant(ALL_PASS),
        verifySources: 'passportdvs',
        termsAccepted: true,
        passportNumber: '12',
      }),
      'passportNumber must be one or two letters then 7 digits.',
    );
    assert.equal(
      await errorMessage({
        ...applicant(ALL_PASS),
        verifySources: 'birthcertificatedvs',
        termsAccepted: true,
        birthdvsRegistrationNumber: '12345',
        birthdvsRegistrationState: 'NSW',
      }),
      'birthdvsRegistrationYear is required.',
    );
  });

  test('only the requested background sources run', async () => {
    const out = await ok({ trackingCode: newTracking(), backgroundSources: 'aec', ...applicant(ALL_PASS) });
    assert.equal(out.verifyStatus, 'UNVERIFIED');
    assert.equal(out.verifiedSources, 'aec');
  });

  test("a document source in backgroundSources (seed 001's example dnb,nswregodvs) is checked at registration with the call's inputs", async () => {
    const licence = { licenceState: 'NSW', licenceNumber: '11111111' };
    const out = await ok({
      trackingCode: newTracking(),
      backgroundSources: 'dnb,nswregodvs',
      creditHeaderConsent: true,
      termsAccepted: true,
      ...licence,
      ...applicant(code({ 14: 'P' })),
    });
    assert.equal(out.creditHistoryResult, 'VERIFIED');
    assert.deepEqual(list(out.verifiedSources).sort(), ['dnb', 'nswregodvs']);
    assert.ok(!list(out.availableSources).includes('nswregodvs'), 'the checked licence is no longer offered');
    // sourceVerifiedFlag is about verifySources; none were asked for.
    assert.equal(out.sourceVerifiedFlag, false);
    assert.equal(out.executionStatus, 'SUCCESS');
  });

  test('a document source in backgroundSources without its inputs is a DATA_ERROR naming them; nothing is written', async () => {
    const trackingCode = newTracking();
    const refused = await call({
      trackingCode,
      backgroundSources: 'dnb,nswregodvs',
      creditHeaderConsent: true,
      termsAccepted: true,
      licenceState: 'NSW',
      ...applicant(code({ 14: 'P' })),
    });
    assert.equal(refused.statusCode, 400, refused.body);
    const answer = refused.json<{ executionStatus: string; errorMessage: string; problems: { field: string }[] }>();
    assert.equal(answer.executionStatus, 'DATA_ERROR');
    assert.equal(answer.errorMessage, 'licenceNumber is required.');
    assert.deepEqual(
      answer.problems.map((p) => p.field),
      ['licenceNumber'],
    );
    const tamper = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/tamper-check',
      headers: { authorization: DEMO_AUTH },
      payload: { trackingCode, ...applicant(code({ 14: 'P' })) },
    });
    assert.equal(tamper.json().reason, 'NO_VERIFICATION');
  });

  test('watchlistsFoundOn lists DFAT, OFAC and PEP when the person is found on them', async () => {
    const out = await ok({
      trackingCode: newTracking(),
      backgroundSources: BACKGROUND,
      ...applicant(code({ 1: 'F', 2: 'F', 3: 'F' }, 'P')),
    });
    assert.deepEqual(list(out.watchlistsFoundOn).sort(), ['DFAT', 'OFAC', 'PEP']);
  });

  test('interactive: availableSources shrinks as sources verify; sourceVerifiedFlag says this request verified one', async () => {
    const trackingCode = newTracking();
    const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    assert.equal(first.verifyStatus, 'UNVERIFIED');
    for (const id of ['passportdvs', 'medicaredvs', 'nswregodvs'])
      assert.ok(list(first.availableSources).includes(id), `${id} offered`);
    const passport = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'passportdvs',
      termsAccepted: true,
      passportNumber: 'A1111111',
      passportGender: 'Female',
      ...applicant(ALL_FAIL),
    });
    assert.equal(passport.verifyUserId, first.verifyUserId);
    assert.equal(passport.sourceVerifiedFlag, true);
    assert.deepEqual(list(passport.verifiedSources), ['passportdvs']);
    assert.ok(!list(passport.availableSources).includes('passportdvs'), 'a verified source is no longer offered');
    // A licence of the person's state: the generic "regodvs" is the licenceState's source.
    const done = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'regodvs',
      termsAccepted: true,
      licenceState: 'NSW',
      licenceNumber: '11111111',
      ...applicant(ALL_FAIL),
    });
    assert.equal(done.sourceVerifiedFlag, true);
    assert.deepEqual(list(done.verifiedSources).sort(), ['nswregodvs', 'passportdvs']);
    // A source that does not verify leaves the flag false and stays available to retry.
    const miss = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'medicaredvs',
      termsAccepted: true,
      medicareCardNumber: '2428778132',
      medicareReferenceNumber: '1',
      medicareCardColour: 'Green',
      medicareExpiryMonth: '12',
      medicareExpiryYear: String(new Date().getUTCFullYear() + 1),
      ...applicant(ALL_FAIL),
    });
    assert.equal(miss.sourceVerifiedFlag, false);
    assert.ok(list(miss.availableSources).includes('medicaredvs'));
  });

  test('several verifySources in one later call: each is verified, leaves availableSources and is listed in verifiedSources', async () => {
    const trackingCode = newTracking();
    const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    for (const id of ['passportdvs', 'nswregodvs', 'medicaredvs'])
      assert.ok(list(first.availableSources).includes(id), `${id} offered`);
    const both = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'passportdvs,regodvs',
      termsAccepted: true,
      passportNumber: 'A1111111',
      licenceState: 'NSW',
      licenceNumber: '11111111',
      recordVerificationResponse: true,
      ...applicant(ALL_FAIL),
    });
    assert.equal(both.verifyUserId, first.verifyUserId);
    assert.equal(both.sourceVerifiedFlag, true);
    assert.deepEqual(list(both.verifiedSources).sort(), ['nswregodvs', 'passportdvs']);
    assert.ok(!list(both.availableSources).includes('passportdvs'), 'the passport is no longer offered');
    assert.ok(!list(both.availableSources).includes('nswregodvs'), 'the licence is no longer offered');
    assert.ok(list(both.availableSources).includes('medicaredvs'), 'Medicare is still offered');
    const results = (
      both.verificationResponse as { verificationResult: { individualResult: { name: string; state: string }[] } }
    ).verificationResult.individualResult;
    for (const id of ['passportdvs', 'nswregodvs'])
      assert.equal(results.find((r) => r.name === id)?.state, 'VERIFIED', id);
  });

  test("the electoral roll gets the address's property name: offered pre-filled, and checked with the roll", async () => {
    const trackingCode = newTracking();
    // Seed 002: the roll's interactive stub verifies street number 1.
    const person = applicant(ALL_FAIL, { streetNumber: '1', propertyName: 'Harbour View' });
    const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...person });
    assert.ok(list(first.availableSources).includes('aec'), String(first.availableSources));
    const fields = await ok({
      trackingCode,
      backgroundSources: BACKGROUND,
      verifySources: 'aec',
      getFields: true,
      ...person,
    });
    const aecFields = (fields.sourceFields as Record<string, { name: string; value: string }[]>).aec ?? [];
    assert.equal(aecFields.find((f) => f.name === 'greenid_aec_propertyname')?.value, 'Harbour View');
    const checked = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'aec',
      termsAccepted: true,
      recordVerificationResponse: true,
      ...person,
    });
    assert.equal(checked.sourceVerifiedFlag, true);
    assert.ok(list(checked.verifiedSources).includes('aec'));
    const aec = (
      checked.verificationResponse as {
        verificationResult: {
          individualResult: { name: string; fieldResult: { name: string; status: string; value: string }[] }[];
        };
      }
    ).verificationResult.individualResult.find((r) => r.name === 'aec');
    assert.deepEqual(
      aec?.fieldResult.find((f) => f.name === 'propertyName'),
      { name: 'propertyName', status: 'CONFIRMED', value: 'Harbour View' },
    );
  });

  test('an expired browser token is refused (401, saying so) and nothing is written', async () => {
    const trackingCode = newTracking();
    const token = 'e'.repeat(39) + '1';
    await t.services.forms.store.issueBrowserToken(DEMO.accountId, trackingCode, token, new Date(Date.now() - 1000));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/forms/browser/${DEMO.accountId}/identity-verification`,
      headers: { authorization: `Bearer ${token}` },
      payload: { backgroundSources: BACKGROUND, ...applicant(ALL_PASS) },
    });
    assert.equal(refused.statusCode, 401, refused.body);
    const body = refused.json<{ code: string; message: string; verifyUserId?: string }>();
    assert.equal(body.code, 'InvalidTokenFault');
    assert.match(body.message, /expired/);
    assert.equal(body.verifyUserId, undefined);
    // No verification for the transaction: the tamper check at submission finds none.
    const tamper = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/tamper-check',
      headers: { authorization: DEMO_AUTH },
      payload: { trackingCode, ...applicant(ALL_PASS) },
    });
    assert.equal(tamper.statusCode, 200, tamper.body);
    assert.equal(tamper.json().reason, 'NO_VERIFICATION');
  });

  test('a source answering Not Contributing is removed from availableSources', async () => {
    const trackingCode = newTracking();
    const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    const out = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      verifySources: 'passportdvs',
      termsAccepted: true,
      passportNumber: 'A6666666',
      ...applicant(ALL_FAIL),
    });
    assert.equal(out.sourceVerifiedFlag, false);
    assert.ok(!list(out.availableSources).includes('passportdvs'));
    assert.ok(list(out.availableSources).includes('medicaredvs'));
  });

  test('a source that errors: executionStatus SYSTEM_ERROR when every source that ran errored', async () => {
    const out = await ok({
      trackingCode: newTracking(),
      backgroundSources: 'asic,tenancy',
      ...applicant(code({ 7: 'E', 8: 'E' })),
    });
    assert.equal(out.executionStatus, 'SYSTEM_ERROR');
    assert.notEqual(out.errorMessage, '');
  });

  test('calling again after the details changed restarts the verification; unchanged details continue it', async () => {
    const trackingCode = newTracking();
    const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    const same = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    assert.equal(same.verifyUserId, first.verifyUserId);
    assert.equal(same.restarted, false);
    const moved = await ok({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      ...applicant(ALL_PASS, { streetName: 'Pitt' }),
    });
    assert.notEqual(moved.verifyUserId, first.verifyUserId);
    assert.equal(moved.restarted, true);
    assert.equal(moved.verifyStatus, 'VERIFIED');
    // The old verifyUserId is no longer this person's.
    const stale = await call({
      trackingCode,
      verifyUserId: first.verifyUserId,
      backgroundSources: BACKGROUND,
      ...applicant(ALL_PASS, { streetName: 'Pitt' }),
    });
    assert.equal(stale.statusCode, 400, stale.body);
    assert.equal(stale.json().problems[0].field, 'verifyUserId');
  });

  test('role keys keep two applicants of one transaction apart', async () => {
    const trackingCode = newTracking();
    const one = await ok({
      trackingCode,
      roleKey: 'Applicant1',
      backgroundSources: BACKGROUND,
      ...applicant(ALL_PASS),
    });
    const two = await ok({
      trackingCode,
      roleKey: 'Applicant2',
      backgroundSources: BACKGROUND,
      ...applicant(ALL_FAIL, { firstName: 'Mere' }),
    });
    assert.notEqual(one.verifyUserId, two.verifyUserId);
    assert.equal(one.verifyStatus, 'VERIFIED');
    assert.equal(two.verifyStatus, 'UNVERIFIED');
    const again = await ok({
      trackingCode,
      roleKey: 'Applicant1',
      backgroundSources: BACKGROUND,
      ...applicant(ALL_PASS),
    });
    assert.equal(again.verifyUserId, one.verifyUserId);
    assert.equal(again.restarted, false);
  });

  test("getFields answers the sources' fields, pre-filled, without verifying", async () => {
    const trackingCode = newTracking();
    const out = await ok({
      trackingCode,
      backgroundSources: BACKGROUND,
      verifySources: 'passportdvs',
      getFields: true,
      ...applicant(ALL_FAIL),
    });
    const fields = (out.sourceFields as Record<string, { name: string; value: string }[]>).passportdvs ?? [];
    assert.equal(fields.find((f) => f.name === 'greenid_passportdvs_givenname')?.value, 'Aroha');
    assert.ok(list(out.availableSources).includes('passportdvs'));
    assert.equal(out.verifiedSources, '');
  });

  test('recordVerificationResponse includes the engine response for the submission', async () => {
    const out = await ok({
      trackingCode: newTracking(),
      backgroundSources: BACKGROUND,
      recordVerificationResponse: true,
      ...applicant(ALL_PASS),
    });
    const response = out.verificationResponse as { verificationResult: { overallVerificationStatus: string } };
    assert.equal(response.verificationResult.overallVerificationStatus, 'VERIFIED');
  });

  test('the credit header runs only with consent: creditHistoryResult VERIFIED / AUTOFAIL, blank without consent', async () => {
    const passed = await ok({
      trackingCode: newTracking(),
      backgroundSources: 'dnb',
      creditHeaderConsent: true,
      ...applicant(code({ 14: 'P' })),
    });
    assert.equal(passed.creditHistoryResult, 'VERIFIED');
    const failed = await ok({
      trackingCode: newTracking(),
      backgroundSources: 'dnb',
      creditHeaderConsent: true,
      ...applicant(code({ 14: 'F' })),
    });
    assert.equal(failed.creditHistoryResult, 'AUTOFAIL');
    const refused = await ok({
      trackingCode: newTracking(),
      backgroundSources: 'dnb',
      creditHeaderConsent: false,
      ...applicant(code({ 14: 'P' })),
    });
    assert.equal(refused.creditHistoryResult, '');
    assert.ok(!list(refused.verifiedSources).includes('dnb'));
  });

  test('an unknown verifyUserId is 404; another account cannot continue this one', async () => {
    const response = await call({
      trackingCode: newTracking(),
      verifyUserId: 'nope12345',
      backgroundSources: '',
      ...applicant(ALL_PASS),
    });
    assert.equal(response.statusCode, 404);
    const trackingCode = newTracking();
    const mine = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
    const theirs = await call(
      { trackingCode, verifyUserId: mine.verifyUserId, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) },
      basicAuth('other', 'other-password-1'),
    );
    assert.equal(theirs.statusCode, 404);
  });

  describe('the outcome endpoint read afterwards', () => {
    const outcome = async (id: unknown) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/verifications/${String(id)}/outcome`,
        headers: { authorization: DEMO_AUTH },
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<Record<string, unknown>>();
    };

    test('says sourceVerifiedFlag true after a call that verified a source, and DATA_ERROR after a refused one', async () => {
      const trackingCode = newTracking();
      const first = await ok({ trackingCode, backgroundSources: BACKGROUND, ...applicant(ALL_FAIL) });
      await ok({
        trackingCode,
        verifyUserId: first.verifyUserId,
        backgroundSources: BACKGROUND,
        verifySources: 'passportdvs',
        termsAccepted: true,
        passportNumber: 'A1111111',
        ...applicant(ALL_FAIL),
      });
      const verified = await outcome(first.verifyUserId);
      assert.equal(verified.sourceVerifiedFlag, true);
      assert.equal(verified.executionStatus, 'SUCCESS');
      assert.equal(verified.verifiedSources, 'passportdvs');
      const refused = await call({
        trackingCode,
        verifyUserId: first.verifyUserId,
        backgroundSources: BACKGROUND,
        verifySources: 'medicaredvs',
        termsAccepted: true,
        medicareCardNumber: '123',
        ...applicant(ALL_FAIL),
      });
      assert.equal(refused.statusCode, 400);
      const after = await outcome(first.verifyUserId);
      assert.equal(after.executionStatus, 'DATA_ERROR');
      assert.match(String(after.errorMessage), /medicareCardNumber/);
      assert.equal(after.sourceVerifiedFlag, false);
    });

    test('a verification made over plain REST: the flag of its latest interactive check', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/verifications',
        headers: { authorization: DEMO_AUTH },
        payload: {
          name: { givenName: 'Aroha', middleNames: `TWO${'F'.repeat(28)}`, surname: 'Ngata' },
          dob: '1986-03-12',
        },
      });
      const id = created.json().verificationResult.verificationId as string;
      assert.equal((await outcome(id)).sourceVerifiedFlag, false);
      const fields = {
        greenid_passportdvs_number: 'A1111111',
        greenid_passportdvs_givenname: 'Aroha',
        greenid_passportdvs_surname: 'Ngata',
        greenid_passportdvs_dob: '12/03/1986',
        greenid_passportdvs_tandc: 'on',
      };
      const set = await t.app.inject({
        method: 'POST',
        url: `/api/v1/verifications/${id}/sources/passportdvs`,
        headers: { authorization: DEMO_AUTH },
        payload: { fields },
      });
      assert.equal(set.statusCode, 200, set.body);
      const out = await outcome(id);
      assert.equal(out.sourceVerifiedFlag, true);
      assert.equal(out.verifiedSources, 'passportdvs');
    });
  });
});
