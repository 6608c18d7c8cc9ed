// The component's document capture calls (browser token, issue 15) refused before any photo is read: no person
// checked yet in the token's transaction or role (409), a token of another account (401), a capture that is not
// this verification's (404), a body that is no upload (400 naming it). The reading and confirmation themselves
// are tested in Chromium (test/web/forms-document-capture.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../../support/app.ts';
import { multipart } from './support.ts';

async function token(t: TestApp, trackingCode: string): Promise<string> {
  const minted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/forms/browser-tokens',
    headers: { authorization: DEMO_AUTH },
    payload: { trackingCode },
  });
  assert.equal(minted.statusCode, 201, minted.body);
  return (minted.json() as { browserToken: string }).browserToken;
}

async function checkPerson(t: TestApp, trackingCode: string, roleKey: string): Promise<void> {
  const checked = await t.app.inject({
    method: 'POST',
    url: '/api/v1/forms/identity-verification',
    headers: { authorization: DEMO_AUTH },
    payload: {
      trackingCode,
      roleKey,
      backgroundSources: '',
      firstName: 'Grace',
      lastName: 'Hopper',
      dateOfBirth: '1976-04-01',
      streetNumber: '1',
      streetName: 'George',
      streetType: 'ST',
      suburb: 'Sydney',
      state: 'NSW',
      postcode: '2000',
      country: 'Australia',
    },
  });
  assert.equal(checked.statusCode, 200, checked.body);
}

const photo = multipart([{ name: 'document', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]) }]);
const CONFIRMED = { givenName: 'Grace', surname: 'Hopper', dob: '1976-04-01', documentNumber: 'A1111111' };

forEachDatabase((kind) => {
  test('component capture: refused before a photo is read, each refusal in words', async () => {
    const t = await startTestApp(kind);
    try {
      const bearer = await token(t, 'component-1');
      const send = (url: string, headers: Record<string, string> = {}) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${bearer}`, ...photo.headers, ...headers },
          payload: photo.payload,
        });
      const early = await send('/api/v1/forms/browser/demo/documents?roleKey=Applicant1');
      assert.equal(early.statusCode, 409, early.body);
      assert.match((early.json() as { message: string }).message, /have not been checked yet.*check them first/);

      const other = await send('/api/v1/forms/browser/another/documents');
      assert.equal(other.statusCode, 401, other.body);

      await checkPerson(t, 'component-1', 'Applicant1');
      const wrongRole = await send('/api/v1/forms/browser/demo/documents?roleKey=Applicant2');
      assert.equal(wrongRole.statusCode, 409, wrongRole.body);

      const json = await t.app.inject({
        method: 'POST',
        url: '/api/v1/forms/browser/demo/documents?roleKey=Applicant1',
        headers: { authorization: `Bearer ${bearer}` },
        payload: { document: 'x' },
      });
      assert.equal(json.statusCode, 400, json.body);
      assert.match(json.body, /multipart\/form-data/);

      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/forms/browser/demo/documents/6f1c5b8e-5d6c-4a51-9a0e-2f4b0c1d2e3f/confirmation?roleKey=Applicant1',
        headers: { authorization: `Bearer ${bearer}` },
        payload: CONFIRMED,
      });
      assert.equal(unknown.statusCode, 404, unknown.body);

      const badDate = await t.app.inject({
        method: 'POST',
        url: '/api/v1/forms/browser/demo/documents/6f1c5b8e-5d6c-4a51-9a0e-2f4b0c1d2e3f/confirmation?roleKey=Applicant1',
        headers: { authorization: `Bearer ${bearer}` },
        payload: { ...CONFIRMED, dob: '1976-02-31' },
      });
      assert.equal(badDate.statusCode, 400, badDate.body);
      assert.match(badDate.body, /"field":"dob"/);
    } finally {
      await t.close();
    }
  });
});
