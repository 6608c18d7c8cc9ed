// The account's face comparison setting on a captured passport (seed 003: the Face Comparison component "will only
// be present if face comparisons are configured on the customer's account"): off, a selfie of another face is
// not read and the result, without the component, is VERIFIED from its other components; required, a photo
// without a selfie is refused naming the selfie, and with one the component is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { COLLINS, HOPPER, missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import {
  GRACE,
  confirmGraceAsRead,
  graceCaptured,
  graceWithSelfie,
  registerGrace,
  uploadDocuments,
} from './support.ts';

const skip = missingImages();
interface Check {
  name: string;
  state: string;
  individualResult?: Check[];
}

async function setFaceComparison(t: TestApp, faceComparison: string): Promise<void> {
  const r = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/account/settings',
    headers: { authorization: DEMO_AUTH },
    payload: { faceComparison },
  });
  assert.equal(r.statusCode, 200, r.body);
}

async function confirmAsRead(t: TestApp, verificationId: string, captureId: string): Promise<Check> {
  const r = await confirmGraceAsRead(t, verificationId, captureId);
  assert.equal(r.statusCode, 200, r.body);
  return r.json<{ checkResult: Check }>().checkResult;
}

/** The components, in this order, each VERIFIED: as `[name, state]` pairs. */
const verified = (...names: string[]) => names.map((name) => [name, 'VERIFIED']);

forEachDatabase((kind) => {
  test(
    'face comparison off: another face in the selfie is not compared, and the passport is VERIFIED without the component',
    { skip },
    async () => {
      const t = await startTestApp(kind);
      try {
        await setFaceComparison(t, 'off');
        const { verificationId, captured } = await graceCaptured(t, COLLINS);
        const view = captured.json<{ captureId: string; face: unknown }>();
        assert.equal(view.face, null, 'no face was compared');
        const result = await confirmAsRead(t, verificationId, view.captureId);
        assert.deepEqual(
          result.individualResult?.map((c) => [c.name, c.state]),
          verified('Document Authenticity', 'Data Extraction', 'PassportDVS', 'Document Registration Match'),
        );
        assert.equal(result.state, 'VERIFIED');
      } finally {
        await t.close();
      }
    },
  );

  test(
    'face comparison required: a photo without a selfie is refused naming the selfie; with one the component is there',
    { skip },
    async () => {
      const t = await startTestApp(kind);
      try {
        await setFaceComparison(t, 'required');
        const verificationId = await registerGrace(t);
        const passport = await renderSpecimen(GRACE);
        const alone = await uploadDocuments(t, verificationId, [{ name: 'document', content: passport }]);
        assert.equal(alone.statusCode, 400, alone.body);
        const refusal = alone.json<{ problems: { field: string; message: string }[] }>();
        assert.deepEqual(
          refusal.problems.map((p) => p.field),
          ['selfie'],
        );
        assert.match(refusal.problems[0]?.message ?? '', /selfie/);

        const captured = await graceWithSelfie(t, verificationId, HOPPER);
        const view = captured.json<{ captureId: string; face: { score: number } | null }>();
        assert.ok(view.face && view.face.score >= 40, `same face: ${JSON.stringify(view.face)}`);
        const result = await confirmAsRead(t, verificationId, view.captureId);
        assert.deepEqual(
          result.individualResult?.map((c) => [c.name, c.state]),
          verified(
            'Document Authenticity',
            'Data Extraction',
            'PassportDVS',
            'Face Comparison',
            'Document Registration Match',
          ),
        );
      } finally {
        await t.close();
      }
    },
  );
});
