// Subject access and erasure of one casework person: an administrator exports everything held about the
// person (documents, liveness checks, tasks, links, audit), and after the application has closed erases
// their evidence and contact details; the public record (names, decision, audit) stays. Other roles are
// refused, an open application is refused in words, and both actions are in the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { missingImages } from '../../face/fixtures.ts';
import { cannedAnalysis, jsonSubmission, realFaces, stillCapture } from '../liveness/support.ts';
import { CaseworkClient, multipart, type App, type Officers } from './casework-client.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { GRACE } from '../documents/support.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('a scan of a passport page'),
]);

interface Export {
  person: {
    givenNames: string;
    familyName: string;
    dateOfBirth: string;
    email: string | null;
    erasedAt: string | null;
  };
  application: { reference: string; stage: string };
  identityTasks: { kind: string }[];
  livenessChecks: { sessionId: string; status: string; attempts: { imagesHeld: number; result: string | null }[] }[];
  documents: { fileName: string; contentBase64: string | null }[];
  documentChecks: {
    fileName: string;
    checkedBy: string;
    faceComparedWith: string | null;
    result: { documentType: string; extracted: { surname: string; documentNumber: string } };
  }[];
  auditTrail: { action: string }[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  before(async () => {
    t = await startTestApp(kind, { demo: false, workJobs: false });
    c = new CaseworkClient(t);
    o = await c.officers('privacy');
  });
  after(async () => {
    t.services.liveness.useAnalyser();
    await t.close();
  });

  test(
    'an administrator exports a person, and erases their evidence and contact details once the application has closed',
    { skip: missingImages(), timeout: 180_000 },
    async () => {
      const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Adult' });
      await c.expect(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
        relationship: 'applicant',
        givenNames: 'Aroha',
        familyName: 'Te Rangi',
        dateOfBirth: '1984-02-29',
        email: 'aroha.terangi@example.org',
      });
      const person =
        (await c.expect<App>(200, o.caseOfficer, 'GET', `/applications/${app.reference}`)).people[0]?.id ?? '';
      const scan = multipart(
        { kind: 'passport-style-image', personId: person },
        { name: 'passport.png', content: PNG, type: 'image/png' },
      );
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${app.reference}/documents`,
        headers: { ...o.caseOfficer.headers, ...scan.headers },
        payload: scan.payload,
      });
      assert.equal(uploaded.statusCode, 201, uploaded.body);
      // The person's overseas passport, run through the document check by a case officer.
      const specimen = multipart(
        { kind: 'overseas-passport-image', personId: person },
        { name: 'overseas-passport.jpg', content: await renderSpecimen(GRACE), type: 'image/jpeg' },
      );
      const passport = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${app.reference}/documents`,
        headers: { ...o.caseOfficer.headers, ...specimen.headers },
        payload: specimen.payload,
      });
      assert.equal(passport.statusCode, 201, passport.body);
      const passportId = passport.json<{ id: string }>().id;

      // A completed liveness check for the person: selfie, challenge frames and the source photo it was compared with.
      const faces = await realFaces();
      t.services.liveness.useAnalyser(cannedAnalysis('PASS'));
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveness/sessions',
        headers: o.caseOfficer.headers,
        payload: {
          applicationReference: app.reference,
          personId: person,
          trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { clientToken } = created.json<{ clientToken: string }>();
      const attempt = (await t.app.inject({ method: 'POST', url: `/liveness/${clientToken}/attempts` })).json<{
        attempt: { id: string; challenges: string[] };
      }>().attempt;
      const captures = attempt.challenges.map((ch, i) => stillCapture(ch as 'BLINK', faces.collinsJpeg, i * 1000));
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `/liveness/${clientToken}/attempts/${attempt.id}`,
            payload: jsonSubmission(faces.collinsJpeg, captures),
          })
        ).statusCode,
        200,
      );

      await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/documents/${passportId}/check`);

      const url = `/applications/${app.reference}/people/${person}/personal-data`;
      assert.equal((await c.call(o.caseOfficer, 'GET', url)).statusCode, 403, 'a case officer cannot export');
      assert.equal((await c.call(null, 'GET', url)).statusCode, 401);
      const exported = await c.expect<Export>(200, o.admin, 'GET', url);
      assert.equal(exported.person.familyName, 'Te Rangi');
      assert.equal(exported.person.email, 'aroha.terangi@example.org');
      assert.equal(exported.application.reference, app.reference);
      assert.equal(exported.identityTasks.length, 3, 'the three Confirm Identity tasks');
      assert.deepEqual(
        exported.documents.map((d) => [d.fileName, Buffer.from(d.contentBase64 ?? '', 'base64').equals(PNG)]),
        [
          ['passport.png', true],
          ['overseas-passport.jpg', false],
        ],
        'the documents themselves are in the export',
      );
      assert.deepEqual(
        exported.documentChecks.map((d) => [
          d.fileName,
          d.result.documentType,
          d.result.extracted.surname,
          d.result.extracted.documentNumber,
          d.faceComparedWith,
        ]),
        [['overseas-passport.jpg', 'PASSPORT', 'HOPPER', 'A1111111', 'LIVENESS_BEST_FRAME']],
        'the document check of the passport, as the officer saw it',
      );
      assert.equal(exported.livenessChecks.length, 1);
      assert.ok(
        (exported.livenessChecks[0]?.attempts[0]?.imagesHeld ?? 0) > 0,
        'the export says how many images the check holds',
      );
      assert.ok(exported.auditTrail.some((e) => e.action === 'person.create'));

      // While the application is open, the evidence is still needed.
      const early = await c.call(o.admin, 'POST', `${url}/erasure`, {
        reason: 'Request from the person, letter of 3 December',
      });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json<{ code: string }>().code, 'PERSON_CASE_OPEN');
      assert.match(early.json<{ message: string }>().message, new RegExp(`application ${app.reference} is open`));
      assert.equal((await c.call(o.admin, 'POST', `${url}/erasure`, {})).statusCode, 400, 'a reason is required');

      await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/submit`, { paid: true });
      await c.expect(200, o.caseOfficer, 'POST', `/applications/${app.reference}/stage`, {
        action: 'withdraw',
        reason: 'The applicant withdrew',
      });
      assert.equal(
        (await c.call(o.caseOfficer, 'POST', `${url}/erasure`, { reason: 'x' })).statusCode,
        403,
        'a case officer cannot erase',
      );
      const erased = await c.expect<{
        removed: { documents: number; documentChecks: number; images: number; sourcePhotos: number; emails: number };
        whatIsKept: string[];
      }>(200, o.admin, 'POST', `${url}/erasure`, { reason: 'Request from the person, letter of 3 December' });
      assert.equal(erased.removed.documents, 2);
      assert.equal(erased.removed.documentChecks, 1);
      assert.ok(erased.removed.images > 0);
      assert.equal(erased.removed.sourcePhotos, 1);
      assert.ok(erased.whatIsKept.some((k) => /name, date of birth/.test(k)));

      const after = await c.expect<Export>(200, o.admin, 'GET', url);
      assert.equal(after.person.email, null);
      assert.ok(after.person.erasedAt);
      assert.equal(after.person.familyName, 'Te Rangi', 'the public record keeps the name');
      assert.deepEqual(after.documents, []);
      assert.deepEqual(after.documentChecks, [], 'the document check went with its document');
      assert.equal(after.livenessChecks[0]?.status, 'PASSED', 'the liveness decision stays');
      assert.equal(after.livenessChecks[0]?.attempts[0]?.imagesHeld, 0, 'its images are gone');
      const audit = after.auditTrail.map((e) => e.action);
      assert.deepEqual(
        audit.filter((a) => a.startsWith('personal-data.')),
        ['personal-data.exported', 'personal-data.erased'],
        'the earlier export and the erasure (this export is recorded after it is read)',
      );
      const again = await c.call(o.admin, 'POST', `${url}/erasure`, { reason: 'again' });
      assert.equal(again.json<{ code: string }>().code, 'PERSON_ALREADY_ERASED');
      assert.equal(
        (
          await c.call(
            o.admin,
            'GET',
            `/applications/${app.reference}/people/00000000-0000-4000-8000-000000000000/personal-data`,
          )
        ).statusCode,
        404,
      );
    },
  );
});
