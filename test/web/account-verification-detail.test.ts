// An account administrator's verification detail in Debian Chromium: a check made outside pono is recorded and
// shows in the results (a name pono keeps for its own sources is refused under that field), and a captured
// passport's combination source shows its components in words: the document's checks, Data Extraction field by
// field (read from the document, confirmed by the person, result), the data source, Face Comparison with its
// faceMatchScore, and Document Registration Match; outside stub mode the operator's registry is the data source,
// its fields in a table with their results. axe on each screen. Two OCR runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_AUTH, type TestApp } from '../support/app.ts';
import { appInBrowser, expectAccessible, signedInAccount, skipConsole } from '../support/browser.ts';
import { renderSpecimen } from '../../src/adapters/documents/specimens.ts';
import { HOPPER, missingImages } from '../../src/adapters/face/synthetic-faces.ts';
import {
  ALL_FAIL,
  accountWithRecords,
  GRACE,
  GRACE_REGISTRATION,
  confirmGraceAsRead,
  multipart,
  registerGrace,
  uploadDocuments,
} from '../adapters/http/documents/support.ts';

let t: TestApp;
let base: string;
let browser: Browser;

appInBrowser(skipConsole, (web) => {
  ({ t, base, browser } = web);
});

async function registered(payload: object): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ verificationResult: { verificationId: string } }>().verificationResult.verificationId;
}

/** The texts an input's aria-describedby points at (its description and its error). */
async function describedBy(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

/** A table's rows as arrays of cell texts. */
async function rows(region: Locator): Promise<string[][]> {
  return region
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
}

test(
  'an administrator records a check made outside pono; a name pono keeps for itself is refused under the field',
  { skip: skipConsole, timeout: 120_000 },
  async () => {
    const id = await registered({
      name: { givenName: 'Rangi', middleNames: ALL_FAIL, surname: 'Outside' },
      dob: '1971-02-03',
    });
    const page = await signedInAccount(browser, base);
    await page.goto(`/account/verifications/${id}`);
    await page.getByRole('heading', { name: `Verification ${id}`, level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Record a check made outside pono' });
    const name = form.getByLabel('Name of the check');
    await name.fill('passportdvs');
    await form.getByLabel('Comment').fill('Rates notice seen on the council site');
    await form.getByLabel('Your email').fill('rates@example.org');
    await form.getByRole('button', { name: 'Record the outside check' }).click();
    await form
      .getByText(/is a check of pono's own/)
      .first()
      .waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match(
      await describedBy(name),
      /Name "passportdvs" is a check of pono's own; give the outside check its own name\./,
    );
    await expectAccessible(page, 'outside check refused');
    assert.equal(await page.getByRole('region', { name: /^passportdvs: / }).count(), 0, 'nothing was recorded');

    await name.fill('Council rates notice');
    assert.equal(await name.getAttribute('aria-invalid'), null, 'the error goes once the name is changed');
    await form.getByRole('button', { name: 'Record the outside check' }).click();
    await page.getByText(/^Council rates notice is recorded: Verified\. The verification is /).waitFor();
    const result = page.getByRole('region', { name: 'Council rates notice: Verified' });
    assert.match(
      await result.locator('caption').innerText(),
      /^Council rates notice: Verified \(VERIFIED\) · .*Extern/,
    );
    await result.getByText('Rates notice seen on the council site').waitFor();
    await expectAccessible(page, 'outside check recorded');
    await page.context().close();
  },
);

test(
  "a captured passport's components show in words, with the fields read and confirmed and the face match score",
  { skip: skipConsole ?? missingImages(), timeout: 180_000 },
  async () => {
    const id = await registered(GRACE_REGISTRATION);
    const body = multipart([
      { name: 'document', content: await renderSpecimen(GRACE) },
      { name: 'selfie', content: readFileSync(HOPPER) },
    ]);
    const captured = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/documents`,
      headers: { authorization: DEMO_AUTH, ...body.headers },
      payload: body.payload,
    });
    assert.equal(captured.statusCode, 201, captured.body);
    const { captureId, face } = captured.json<{ captureId: string; face: { score: number } }>();
    // the person gives their given name as they use it, not as the passport prints it
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${id}/documents/${captureId}/confirmation`,
      headers: { authorization: DEMO_AUTH },
      payload: { givenName: 'Gracie', surname: 'Hopper', dob: '1976-04-01', documentNumber: 'A1111111' },
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const page = await signedInAccount(browser, base);
    await page.goto(`/account/verifications/${id}`);
    const components = page.getByRole('region', { name: 'What passportcapture checked' });
    await components.waitFor();
    await components.getByText(`Face match score: ${face.score} of 100`).first().waitFor();
    const groups = await components.getByRole('group').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    assert.deepEqual(groups, [
      'Document Authenticity: Verified',
      'Data Extraction: Verified with changes',
      'PassportDVS: Verified',
      'Face Comparison: Verified',
      'Document Registration Match: Verified with changes',
    ]);
    await components
      .getByRole('heading', { name: 'Data Extraction: Verified with changes (VERIFIED_WITH_CHANGES)' })
      .waitFor();
    const authenticity = components.getByRole('group', { name: 'Document Authenticity: Verified' });
    await authenticity.getByText('Machine readable zone check digits: Passed').waitFor();
    await authenticity.getByText('Visual zone matches the machine readable zone: Passed').waitFor();
    const faceComparison = components.getByRole('group', { name: 'Face Comparison: Verified' });
    assert.ok(face.score >= 40, `Grace's own face scores ${face.score}`);
    await faceComparison.getByText(`Face match score: ${face.score} of 100`).waitFor();
    const extraction = components.getByRole('region', { name: 'Data Extraction, field by field' });
    assert.deepEqual(await extraction.locator('thead th').allInnerTexts(), [
      'Field',
      'Read from the document',
      'Confirmed by the person',
      'Result',
    ]);
    assert.deepEqual(await rows(extraction), [
      ['Identity document', '—', '—', 'Field confirmed.'],
      ['Document number', '—', '—', 'Field confirmed.'],
      ['Date of birth', '1976-04-01', '1976-04-01', 'Field confirmed.'],
      ['Surname', 'Hopper', 'Hopper', 'Field confirmed.'],
      ['Given name', 'GRACE', 'Gracie', 'Field changed.'],
    ]);
    const registration = components.getByRole('region', { name: 'Document Registration Match, field by field' });
    assert.deepEqual(await registration.locator('thead th').allInnerTexts(), [
      'Field',
      'Registered',
      'Confirmed by the person',
      'Result',
    ]);
    assert.deepEqual((await rows(registration)).at(3), ['Given name', 'Grace', 'Gracie', 'Field changed.']);
    await expectAccessible(page, 'verification with a captured passport');
    await page.context().close();

    const mi = await signedInAccount(browser, base, 'mi');
    await mi.goto(`/account/verifications/${id}`);
    await mi.getByRole('region', { name: 'Ngā mea i arowhaitia e passportcapture' }).waitFor();
    await expectAccessible(mi, 'verification with a captured passport (te reo Māori)');
    await mi.context().close();
  },
);

test(
  "outside stub mode the operator's registry is the passport's data source: its fields and results in a table",
  { skip: skipConsole ?? missingImages(), timeout: 180_000 },
  async () => {
    const account = { id: 'registry-bank', password: 'registry-bank-password-long' };
    const auth = await accountWithRecords(
      t,
      account.id,
      'id,givenName,middleNames,surname,dob\nB-1,Grace,Brewster,Hopper,1976-04-01\n',
    );
    const id = await registerGrace(t, auth);
    const captured = await uploadDocuments(t, id, [{ name: 'document', content: await renderSpecimen(GRACE) }], auth);
    assert.equal(captured.statusCode, 201, captured.body);
    const confirmed = await confirmGraceAsRead(t, id, captured.json<{ captureId: string }>().captureId, auth);
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const page = await signedInAccount(browser, base, 'en', account);
    await page.goto(`/account/verifications/${id}`);
    const components = page.getByRole('region', { name: 'What passportcapture checked' });
    await components.waitFor();
    const groups = await components.getByRole('group').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    assert.deepEqual(groups, [
      'Document Authenticity: Verified',
      'Data Extraction: Verified',
      'Operator registry: Verified',
      'Document Registration Match: Verified',
    ]);
    const registry = components.getByRole('region', { name: 'Operator registry, field by field' });
    assert.deepEqual(await registry.locator('thead th').allInnerTexts(), ['Field', 'Result']);
    assert.deepEqual(await rows(registry), [
      ['Given name', 'Field confirmed.'],
      ['Middle names', 'Field confirmed.'],
      ['Surname', 'Field confirmed.'],
      ['Date of birth', 'Field confirmed.'],
    ]);
    await expectAccessible(page, 'verification with a passport checked against the registry');
    await page.context().close();
  },
);
