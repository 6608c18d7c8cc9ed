// Controlled changes in the forms service (seed 001: interactive sources let the person change their data to
// match a source, within the account's Controlled Changes, which may disallow changes), on both databases. The
// account's administrator sets them in its rule set (PUT /api/v1/rule-sets/default, acceptedChanges); a source
// call may give the name, date of birth or address as on the document (document… inputs). A change the account
// does not list is refused naming the input; a listed one reaches the source (an operator registry record), which
// verifies with changes; the same address written differently (ST for STREET, Unit 3 for 3, another case) is no
// change; the component's definition offers only the details the account lets a person change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, basicAuth, type TestApp } from '../../support/app.ts';
import { newTracking } from './forms-support.ts';

const AUTH = basicAuth('bank', 'bank-password');
const CSV = [
  'Surname,Given Name,Date of Birth,Street Number,Street Name,Street Type,Suburb,State,Postcode',
  'Ngata,Aroha,12/03/1986,12,George,Street,Sydney,NSW,2000',
  'Parata,Hemi,05/09/1979,14,Pitt,Street,Sydney,NSW,2000',
].join('\n');
/** Registered as Ani; the organisation's record says Aroha. */
const ANI = {
  firstName: 'Ani',
  lastName: 'Ngata',
  dateOfBirth: '1986-03-12',
  streetNumber: '12',
  streetName: 'George',
  streetType: 'ST',
  suburb: 'Sydney',
  state: 'NSW',
  postcode: '2000',
  country: 'Australia',
};

/** Hemi, whom the organisation's record has at 14 Pitt Street, Sydney. */
const HEMI = {
  firstName: 'Hemi',
  lastName: 'Parata',
  dateOfBirth: '1979-09-05',
  flatNumber: 'Unit 3',
  streetNumber: '14',
  streetName: 'Pitt',
  streetType: 'ST',
  suburb: 'Sydney',
  state: 'NSW',
  postcode: '2000',
  country: 'Australia',
};

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind, { demo: false });
    await t.services.accounts.create({
      accountId: 'bank',
      password: 'bank-password',
      stubMode: false,
      enabledSources: ['registry'],
    });
    const loaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/registry/records',
      headers: { authorization: AUTH, 'content-type': 'text/csv' },
      payload: CSV,
    });
    assert.equal(loaded.statusCode, 201, loaded.body);
  });
  after(async () => {
    await t.close();
  });

  const controlledChanges = async (acceptedChanges: { field: string; extent: string }[]) => {
    const published = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/rule-sets/default',
      headers: { authorization: AUTH },
      payload: {
        requirements: [
          { kind: 'nameDob', sources: 1 },
          { kind: 'nameAddress', sources: 1 },
        ],
        acceptedChanges,
        lockoutAfterFailedAttempts: null,
      },
    });
    assert.equal(published.statusCode, 201, published.body);
  };
  const call = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/identity-verification',
      headers: { authorization: AUTH },
      payload: { backgroundSources: '', ...ANI, ...body },
    });
  const registered = async (trackingCode: string, person: Record<string, unknown> = ANI) => {
    const first = await call({ trackingCode, ...person });
    assert.equal(first.statusCode, 200, first.body);
    const outputs = first.json<{ verifyUserId: string; verifyStatus: string; availableSources: string }>();
    assert.notEqual(outputs.verifyStatus, 'VERIFIED');
    assert.ok(outputs.availableSources.split(',').includes('registry'), outputs.availableSources);
    return outputs.verifyUserId;
  };
  /** Hemi registered at number 12 asks the registry to check number 14 (the record's): the id and the response. */
  const registeredAt12AskingFor14 = async (trackingCode: string, extra: Record<string, unknown> = {}) => {
    const at12 = { ...HEMI, streetNumber: '12' };
    const verifyUserId = await registered(trackingCode, at12);
    const response = await call({
      trackingCode,
      verifyUserId,
      ...at12,
      verifySources: 'registry',
      termsAccepted: true,
      documentStreetNumber: '14',
      ...extra,
    });
    return { verifyUserId, response };
  };
  const changeableDetails = async (trackingCode: string) => {
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/browser-tokens',
      headers: { authorization: AUTH },
      payload: { trackingCode },
    });
    assert.equal(minted.statusCode, 201, minted.body);
    const definition = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forms/browser/bank/definition',
      headers: { authorization: `Bearer ${minted.json<{ browserToken: string }>().browserToken}` },
    });
    assert.equal(definition.statusCode, 200, definition.body);
    return definition.json<{ changeableDetails: string[] }>().changeableDetails;
  };

  test('a change the account allows reaches the source: the registry record verifies with changes', async () => {
    await controlledChanges([{ field: 'givenName', extent: 'any' }]);
    const trackingCode = newTracking();
    assert.deepEqual(await changeableDetails(trackingCode), ['documentFirstName']);
    const verifyUserId = await registered(trackingCode);
    // As registered, the record does not match.
    const asRegistered = await call({ trackingCode, verifyUserId, verifySources: 'registry', termsAccepted: true });
    assert.equal(asRegistered.statusCode, 200, asRegistered.body);
    assert.equal(asRegistered.json().sourceVerifiedFlag, false);
    const changed = await call({
      trackingCode,
      verifyUserId,
      verifySources: 'registry',
      termsAccepted: true,
      documentFirstName: 'Aroha',
      recordVerificationResponse: true,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const outputs = changed.json();
    assert.equal(outputs.restarted, false);
    assert.equal(outputs.verifyUserId, verifyUserId);
    assert.equal(outputs.sourceVerifiedFlag, true);
    assert.equal(outputs.verifyStatus, 'VERIFIED');
    assert.deepEqual(outputs.verifiedSources.split(','), ['registry']);
    const registry = (
      outputs.verificationResponse.verificationResult.individualResult as { name: string; state: string }[]
    ).find((r) => r.name === 'registry');
    assert.equal(registry?.state, 'VERIFIED_WITH_CHANGES');
  });

  test('a change of a detail the account does not list is refused, naming the input; nothing is checked', async () => {
    await controlledChanges([{ field: 'givenName', extent: 'any' }]);
    const trackingCode = newTracking();
    const verifyUserId = await registered(trackingCode);
    const refused = await call({
      trackingCode,
      verifyUserId,
      verifySources: 'registry',
      termsAccepted: true,
      documentFirstName: 'Aroha',
      documentDateOfBirth: '1986-03-13',
    });
    assert.equal(refused.statusCode, 400, refused.body);
    const body = refused.json<{ executionStatus: string; problems: { field: string; message: string }[] }>();
    assert.equal(body.executionStatus, 'DATA_ERROR');
    assert.deepEqual(
      body.problems.map((p) => p.field),
      ['documentDateOfBirth'],
    );
    assert.match(body.problems[0]?.message ?? '', /does not let a person change their date of birth/);
    const outcome = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${verifyUserId}/outcome`,
      headers: { authorization: AUTH },
    });
    assert.equal(outcome.json().verifiedSources, '');
  });

  test('controlled changes set to none: every change is refused and the component offers none', async () => {
    await controlledChanges([]);
    const trackingCode = newTracking();
    assert.deepEqual(await changeableDetails(trackingCode), []);
    const verifyUserId = await registered(trackingCode);
    const refused = await call({
      trackingCode,
      verifyUserId,
      verifySources: 'registry',
      termsAccepted: true,
      documentFirstName: 'Aroha',
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(
      refused.json<{ problems: { field: string }[] }>().problems.map((p) => p.field),
      ['documentFirstName'],
    );
    // The same detail given as registered (any case) is no change.
    const same = await call({
      trackingCode,
      verifyUserId,
      verifySources: 'registry',
      termsAccepted: true,
      documentFirstName: 'ANI',
    });
    assert.equal(same.statusCode, 200, same.body);
  });

  const registryResult = (outputs: { verificationResponse: { verificationResult: { individualResult: unknown } } }) =>
    (outputs.verificationResponse.verificationResult.individualResult as { name: string; state: string }[]).find(
      (r) => r.name === 'registry',
    )?.state;
  const problemFields = (response: { json: <T>() => T }) =>
    response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field);

  test('the address written differently is no change, whatever the account allows; another address needs its leave', async () => {
    await controlledChanges([{ field: 'givenName', extent: 'any' }]);
    const trackingCode = newTracking();
    const verifyUserId = await registered(trackingCode, HEMI);
    const asHemi = { trackingCode, verifyUserId, ...HEMI, verifySources: 'registry', termsAccepted: true };
    // Another unit and another street type are changes of the address, which this account does not allow.
    const refused = await call({ ...asHemi, documentFlatNumber: 'Unit 4', documentStreetType: 'RD' });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().executionStatus, 'DATA_ERROR');
    assert.deepEqual(problemFields(refused), ['documentFlatNumber', 'documentStreetType']);
    assert.match(refused.json().errorMessage, /does not let a person change their address \(flat or unit\)/);
    // The street type in full, the unit without its word, another case and spacing: the same address.
    const same = await call({
      ...asHemi,
      documentFlatNumber: '3',
      documentStreetName: ' pitt ',
      documentStreetType: 'STREET',
      documentSuburb: 'SYDNEY',
      documentState: 'nsw',
      recordVerificationResponse: true,
    });
    assert.equal(same.statusCode, 200, same.body);
    const outputs = same.json();
    assert.equal(outputs.sourceVerifiedFlag, true);
    assert.equal(outputs.verifyUserId, verifyUserId);
    assert.equal(outputs.restarted, false);
    assert.equal(registryResult(outputs), 'VERIFIED');
  });

  test('an address change the account allows reaches the source: VERIFIED_WITH_CHANGES (any), PENDING (minor)', async () => {
    await controlledChanges([{ field: 'address', extent: 'any' }]);
    const trackingCode = newTracking();
    assert.deepEqual(await changeableDetails(trackingCode), [
      'documentFlatNumber',
      'documentStreetNumber',
      'documentStreetName',
      'documentStreetType',
      'documentSuburb',
      'documentState',
      'documentPostcode',
    ]);
    // Registered at number 12; the record says 14.
    const { response: changed } = await registeredAt12AskingFor14(trackingCode, { recordVerificationResponse: true });
    assert.equal(changed.statusCode, 200, changed.body);
    const outputs = changed.json();
    assert.equal(outputs.restarted, false);
    assert.equal(outputs.sourceVerifiedFlag, true);
    assert.deepEqual(outputs.verifiedSources.split(','), ['registry']);
    assert.equal(registryResult(outputs), 'VERIFIED_WITH_CHANGES');
    // "minor" is a name's extent: an address change goes to an administrator.
    await controlledChanges([{ field: 'address', extent: 'minor' }]);
    const { response: pending } = await registeredAt12AskingFor14(newTracking(), { recordVerificationResponse: true });
    assert.equal(pending.statusCode, 200, pending.body);
    assert.equal(pending.json().sourceVerifiedFlag, false);
    assert.equal(registryResult(pending.json()), 'PENDING');
  });

  test('an address change the account does not allow is refused, naming the input; the source is not checked', async () => {
    await controlledChanges([]);
    const trackingCode = newTracking();
    const { verifyUserId, response: refused } = await registeredAt12AskingFor14(trackingCode);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(problemFields(refused), ['documentStreetNumber']);
    assert.equal(
      refused.json().errorMessage,
      'documentStreetNumber is not accepted: this account does not let a person change their address (street number) to match a source; give it as registered, or choose another document.',
    );
    const outcome = await t.app.inject({
      method: 'GET',
      url: `/api/v1/verifications/${verifyUserId}/outcome`,
      headers: { authorization: AUTH },
    });
    assert.equal(outcome.json().verifiedSources, '');
  });
});
