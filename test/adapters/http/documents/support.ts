// Specimen documents, multipart bodies and the register / photograph / confirm steps of the document capture tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HOPPER, COLLINS } from '../../../../src/adapters/face/synthetic-faces.ts';
import { renderSpecimen, type SpecimenPerson } from '../../../../src/adapters/documents/specimens.ts';
import { DEMO_AUTH, basicAuth, type TestApp } from '../../../support/app.ts';

/** Grace Hopper's portrait on an Australian specimen; A1111111 is the PassportDVS stub code for "verified". */
export const GRACE: SpecimenPerson = {
  surname: 'Hopper',
  givenNames: 'Grace Brewster',
  dob: '1976-04-01',
  sex: 'F',
  documentNumber: 'A1111111',
  issuingState: 'AUS',
  nationality: 'AUS',
  expiry: '2031-06-30',
  portrait: HOPPER,
};

export const EILEEN: SpecimenPerson = {
  surname: 'Collins',
  givenNames: 'Eileen Marie',
  dob: '1956-11-19',
  sex: 'F',
  documentNumber: 'LA9876543',
  issuingState: 'NZL',
  nationality: 'NZL',
  expiry: '2029-02-11',
  portrait: COLLINS,
};

export const ALL_FAIL = `TWO${'F'.repeat(28)}`;

/** A person registered as the master record, matching GRACE's data page. */
export const GRACE_REGISTRATION = {
  name: { givenName: 'Grace', middleNames: ALL_FAIL, surname: 'Hopper' },
  dob: '1976-04-01',
  currentResidentialAddress: {
    streetNumber: '1',
    streetName: 'George',
    streetType: 'ST',
    suburb: 'Sydney',
    state: 'NSW',
    postcode: '2000',
    country: 'AU',
  },
};

export function multipart(files: { name: string; content: Buffer; type?: string }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----pono-document-boundary';
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.name}.jpg"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A person registered as the master record (201): their verification id. */
export async function registerVerification(t: TestApp, registration: object, auth = DEMO_AUTH): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: auth },
    payload: registration,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
}

/** Grace registered as the master record (201): her verification id. */
export function registerGrace(t: TestApp, auth = DEMO_AUTH): Promise<string> {
  return registerVerification(t, GRACE_REGISTRATION, auth);
}

/** The verification as its account reads it: the response, whatever its status. */
export function readVerification(t: TestApp, verificationId: string, auth = DEMO_AUTH) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/verifications/${verificationId}`,
    headers: { authorization: auth },
  });
}

/** The document photos (and selfie) sent for a verification: the response, whatever its status. */
export async function uploadDocuments(
  t: TestApp,
  verificationId: string,
  files: { name: string; content: Buffer }[],
  auth = DEMO_AUTH,
) {
  const body = multipart(files);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${verificationId}/documents`,
    headers: { authorization: auth, ...body.headers },
    payload: body.payload,
  });
}

/** The person confirms (or corrects) the details read from a capture: the response, whatever its status. */
export function confirmDocument(
  t: TestApp,
  verificationId: string,
  captureId: string,
  details: object,
  auth = DEMO_AUTH,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${verificationId}/documents/${captureId}/confirmation`,
    headers: { authorization: auth },
    payload: details,
  });
}

/** The person confirms Grace's passport details as they were read: the response, whatever its status. */
export function confirmGraceAsRead(t: TestApp, verificationId: string, captureId: string, auth = DEMO_AUTH) {
  return confirmDocument(
    t,
    verificationId,
    captureId,
    { givenName: 'Grace', middleNames: 'Brewster', surname: 'Hopper', dob: '1976-04-01', documentNumber: 'A1111111' },
    auth,
  );
}

/** Grace's specimen passport photographed with `selfie` for her verification (accepted: 201). */
export async function graceWithSelfie(t: TestApp, verificationId: string, selfie: string) {
  const captured = await uploadDocuments(t, verificationId, [
    { name: 'document', content: await renderSpecimen(GRACE) },
    { name: 'selfie', content: readFileSync(selfie) },
  ]);
  assert.equal(captured.statusCode, 201, captured.body);
  return captured;
}

/** Grace Hopper's specimen passport registered and photographed with `selfie` (accepted: 201). */
export async function graceCaptured(t: TestApp, selfie: string) {
  const verificationId = await registerGrace(t);
  return { verificationId, captured: await graceWithSelfie(t, verificationId, selfie) };
}

/** An account of live sources whose registry holds `csv`; passportdvs is enabled but has no stub to run. */
export async function accountWithRecords(t: TestApp, accountId: string, csv: string): Promise<string> {
  const auth = await liveAccount(t, accountId, ['registry', 'passportdvs']);
  const loaded = await t.app.inject({
    method: 'POST',
    url: '/api/v1/registry/registry/records',
    headers: { authorization: auth, 'content-type': 'text/csv' },
    payload: csv,
  });
  assert.equal(loaded.statusCode, 201, loaded.body);
  return auth;
}

/** An account outside stub mode with these sources enabled, its password `<id>-password-long`: its authorization. */
export async function liveAccount(t: TestApp, accountId: string, enabledSources: string[]): Promise<string> {
  await t.services.accounts.create({
    accountId,
    password: `${accountId}-password-long`,
    stubMode: false,
    enabledSources,
  });
  return basicAuth(accountId, `${accountId}-password-long`);
}
