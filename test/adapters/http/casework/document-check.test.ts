// The document check in the casework (issue 15), on real pixels: the applicant's overseas passport image and a
// secondary consent giver's passport scan, both specimen data pages with real public-domain portraits, go through
// the same check a captured document gets. The applicant's portrait is compared with the best frame of their
// liveness attempt, the consent giver's with their application photo (another face); the details read are set
// against the person's record; roles are checked, a PDF or another kind of document is refused, every run audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { HOPPER, missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import { cannedAnalysis, jsonSubmission, stillCapture } from '../liveness/support.ts';
import { GRACE, EILEEN } from '../documents/support.ts';
import { CaseworkClient, multipart, type App, type Officers } from './casework-client.ts';

interface Check {
  documentId: string;
  documentType: string;
  documentRegion: string;
  mrzValid: boolean;
  extracted: { surname: string; documentNumber: string };
  checks: { code: string; result: string }[];
  face: { score: number | null; threshold: number } | null;
  faceComparedWith: string | null;
  record: { field: string; recorded: string; extracted: string; matches: boolean }[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  before(async () => {
    t = await startTestApp(kind, { demo: false, workJobs: false });
    c = new CaseworkClient(t);
    o = await c.officers('doccheck');
  });
  after(async () => {
    t.services.liveness.useAnalyser();
    await t.close();
  });

  const upload = async (reference: string, kind: string, personId: string, name: string, content: Buffer) => {
    const body = multipart(
      { kind, personId },
      { name, content, type: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg' },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${reference}/documents`,
      headers: { ...o.caseOfficer.headers, ...body.headers },
      payload: body.payload,
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { id: string }).id;
  };

  test(
    "an officer checks the applicant's overseas passport (against their liveness frame) and a secondary consent giver's passport scan (against their photo)",
    { skip: missingImages(), timeout: 600_000 },
    async () => {
      const app = await c.expect<App>(201, o.caseOfficer, 'POST', '/applications', { applicationType: 'CBG Child' });
      const add = (body: object) =>
        c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, body);
      const grace = await add({
        relationship: 'applicant',
        givenNames: 'Grace Brewster',
        familyName: 'Hopper',
        dateOfBirth: '1976-04-01',
        email: 'grace@example.org',
      });
      const eileen = await add({
        relationship: 'secondary-consent-giver',
        givenNames: 'Eileen',
        familyName: 'Collins-Smith',
        dateOfBirth: '1956-11-19',
        email: 'eileen@example.org',
      });
      const hopper = readFileSync(HOPPER);

      // the applicant's liveness attempt, decided; its best frames are Grace Hopper's portrait
      t.services.liveness.useAnalyser(cannedAnalysis('PASS'));
      const created = await c.expect<{ clientToken: string }>(201, o.caseOfficer, 'POST', '/liveness/sessions', {
        applicationReference: app.reference,
        personId: grace.id,
        trustedSources: [{ source: 'PROVIDED', image: hopper.toString('base64') }],
      });
      const attempt = (await t.app.inject({ method: 'POST', url: `/liveness/${created.clientToken}/attempts` })).json<{
        attempt: { id: string; challenges: string[] };
      }>().attempt;
      const captures = attempt.challenges.map((ch, i) => stillCapture(ch as 'BLINK', hopper, i * 1000));
      const submitted = await t.app.inject({
        method: 'POST',
        url: `/liveness/${created.clientToken}/attempts/${attempt.id}`,
        payload: jsonSubmission(hopper, captures),
      });
      assert.equal(submitted.statusCode, 200, submitted.body);

      const passport = await upload(
        app.reference,
        'overseas-passport-image',
        grace.id,
        'passport.jpg',
        await renderSpecimen(GRACE),
      );
      const scan = await upload(
        app.reference,
        'overseas-passport-image',
        eileen.id,
        'consent-giver-passport.jpg',
        await renderSpecimen(EILEEN),
      );
      // the consent giver's application photo is another person's face
      await upload(app.reference, 'passport-style-image', eileen.id, 'photo.jpg', hopper);
      const pdf = await upload(
        app.reference,
        'travel-document',
        grace.id,
        'scan.pdf',
        Buffer.from('%PDF-1.7\n% a scanned travel document\n'),
      );
      const birth = await upload(app.reference, 'birth-record', grace.id, 'birth.jpg', hopper);

      const url = (id: string) => `/applications/${app.reference}/documents/${id}/check`;
      assert.deepEqual(await c.expect(200, o.validator, 'GET', url(passport)), { check: null }, 'never checked yet');
      assert.equal((await c.call(o.admin, 'POST', url(passport))).statusCode, 403, 'an administrator works no cases');
      assert.equal((await c.call(null, 'POST', url(passport))).statusCode, 401);
      const notPassport = await c.call(o.caseOfficer, 'POST', url(birth));
      assert.equal(notPassport.statusCode, 400, notPassport.body);
      assert.match(notPassport.body, /passport image/);
      const notPhoto = await c.call(o.caseOfficer, 'POST', url(pdf));
      assert.equal(notPhoto.statusCode, 400, notPhoto.body);
      assert.match(notPhoto.body, /PDF/);

      const own = await c.expect<Check>(200, o.caseOfficer, 'POST', url(passport));
      assert.equal(own.documentType, 'PASSPORT');
      assert.equal(own.documentRegion, 'AU');
      assert.equal(own.mrzValid, true);
      assert.equal(own.extracted.documentNumber, 'A1111111');
      assert.deepEqual(
        own.checks.filter((ch) => ch.result !== 'PASSED'),
        [],
      );
      assert.equal(own.faceComparedWith, 'LIVENESS_BEST_FRAME');
      assert.ok(
        own.face?.score !== null && (own.face?.score ?? 0) >= (own.face?.threshold ?? 100),
        `same face: ${own.face?.score}`,
      );
      assert.deepEqual(
        own.record.map((r) => [r.field, r.matches]),
        [
          ['givenNames', true],
          ['familyName', true],
          ['dateOfBirth', true],
        ],
      );

      // the ID proofing expert runs the consent giver's scan
      const theirs = await c.expect<Check>(200, o.expert, 'POST', url(scan));
      assert.equal(theirs.documentRegion, 'NZ');
      assert.equal(theirs.faceComparedWith, 'APPLICATION_PHOTO');
      assert.ok((theirs.face?.score ?? 0) < (theirs.face?.threshold ?? 0), `another face: ${theirs.face?.score}`);
      assert.deepEqual(
        theirs.record.map((r) => [r.field, r.recorded, r.extracted, r.matches]),
        [
          ['givenNames', 'Eileen', 'EILEEN MARIE', false],
          ['familyName', 'Collins-Smith', 'COLLINS', false],
          ['dateOfBirth', '1956-11-19', '1956-11-19', true],
        ],
      );

      // a validating officer reads the kept result; the audit trail has each run without the person's details
      const kept = await c.expect<{ check: Check }>(200, o.validator, 'GET', url(scan));
      assert.deepEqual(kept.check, theirs);
      const trail = await c.expect<{ action: string; entityId: string; after: Record<string, unknown> }[]>(
        200,
        o.expert,
        'GET',
        `/applications/${app.reference}/audit`,
      );
      const runs = trail.filter((e) => e.action === 'document.check');
      assert.deepEqual(
        runs.map((e) => e.entityId),
        [passport, scan],
      );
      assert.deepEqual(runs[1]?.after['recordMismatches'], ['givenNames', 'familyName']);
      assert.doesNotMatch(JSON.stringify(runs), /EILEEN|Collins/i);
    },
  );
});
