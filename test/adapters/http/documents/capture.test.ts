// Document capture end to end, on real pixels: a specimen passport is drawn (OCR-B MRZ, a real portrait), sent
// with a selfie, read by the OCR and face engines in a worker thread, confirmed by the person, and the
// combination source appears in REST and, through node-soap, in SOAP in seed 003's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClientAsync } from 'soap';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, DEMO } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { COLLINS, HOPPER, missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import { SOAP_PATH } from '../../soap/soap-app.ts';
import {
  GRACE,
  confirmDocument,
  confirmGraceAsRead,
  graceCaptured,
  readVerification,
  registerGrace,
  uploadDocuments,
} from './support.ts';

const skip = missingImages();
type Json = Record<string, unknown>;
interface Check {
  name: string;
  state: string;
  stateDescription?: string;
  method: string | null;
  fieldResult: Json[];
  faceMatchScore?: string;
  documentType?: string;
  documentRegion?: string;
  extraData?: Json[];
  individualResult?: Check[];
}

const component = (check: Check, name: string): Check | undefined =>
  check.individualResult?.find((c) => c.name === name);

forEachDatabase((kind) => {
  test(
    'a passport photo and a selfie of the same face, confirmed unchanged: every component VERIFIED, in REST and in SOAP',
    { skip },
    async () => {
      const t = await startTestApp(kind);
      try {
        const { verificationId, captured } = await graceCaptured(t, HOPPER);
        const view = captured.json() as {
          captureId: string;
          documentType: string;
          documentRegion: string;
          mrzValid: boolean;
          extracted: Json;
          checks: { code: string; result: string }[];
          retake: string[];
          face: { score: number };
        };
        assert.equal(view.documentType, 'PASSPORT');
        assert.equal(view.documentRegion, 'AU');
        assert.equal(view.mrzValid, true);
        assert.deepEqual(view.extracted, {
          givenName: 'GRACE',
          middleNames: 'BREWSTER',
          surname: 'HOPPER',
          dob: '1976-04-01',
          documentNumber: 'A1111111',
          sex: 'female',
          nationality: 'AUS',
          expiry: '2031-06-30',
        });
        assert.deepEqual(
          view.checks.filter((c) => c.result !== 'PASSED'),
          [],
        );
        assert.deepEqual(view.retake, []);
        assert.ok(view.face.score >= 40, `same face scores ${view.face.score}`);

        const confirmed = await confirmGraceAsRead(t, verificationId, view.captureId);
        assert.equal(confirmed.statusCode, 200, confirmed.body);
        const result = (confirmed.json() as { checkResult: Check }).checkResult;
        assert.equal(result.name, 'passportcapture');
        assert.equal(result.state, 'VERIFIED');
        assert.deepEqual([result.documentType, result.documentRegion], ['PASSPORT', 'AU']);
        assert.deepEqual(result.extraData, [{ name: 'origin', value: 'pono API' }]);
        assert.deepEqual(
          result.individualResult?.map((c) => [c.name, c.state, c.method]),
          [
            ['Document Authenticity', 'VERIFIED', 'interactive'],
            ['Data Extraction', 'VERIFIED', 'interactive'],
            ['PassportDVS', 'VERIFIED', 'interactive'],
            ['Face Comparison', 'VERIFIED', 'interactive'],
            ['Document Registration Match', 'VERIFIED', 'interactive'],
          ],
        );
        assert.deepEqual(
          component(result, 'Data Extraction')?.fieldResult.map((f) => [f['name'], f['status'], f['value']]),
          [
            ['GovId', 'CONFIRMED', ''],
            ['documentNumber', 'CONFIRMED', ''],
            ['dob', 'CONFIRMED', '1976-04-01'],
            ['surname', 'CONFIRMED', 'Hopper'],
            ['givenName', 'CONFIRMED', 'Grace'],
          ],
        );
        assert.deepEqual(
          component(result, 'Document Registration Match')?.fieldResult.map((f) => [f['name'], f['status']]),
          [
            ['documentScan', 'CONFIRMED'],
            ['face', 'CONFIRMED'],
            ['dob', 'CONFIRMED'],
            ['givenName', 'CONFIRMED'],
            ['surname', 'CONFIRMED'],
          ],
        );
        assert.equal(component(result, 'Face Comparison')?.faceMatchScore, String(view.face.score));

        // the verification keeps it: REST reads it back, and a SOAP client sees the nested individualResult elements
        const read = await readVerification(t, verificationId);
        const stored = (
          read.json() as { verificationResult: { individualResult: Check[] } }
        ).verificationResult.individualResult.find((c) => c.name === 'passportcapture');
        // a verification's list of checks names each state without repeating its meaning
        const listed: Check = { ...result };
        delete listed.stateDescription;
        assert.deepEqual(stored, listed);
        const base = await t.listen();
        const client = await createClientAsync(`${base}${SOAP_PATH}?wsdl`);
        const getResult = client['getVerificationResultAsync'] as (
          args: Json,
        ) => Promise<[{ return: { verificationResult: { individualResult: Check[] } } }]>;
        const [soap] = await getResult({ verificationId, accountId: DEMO.accountId, password: DEMO.password });
        const soapCheck = soap.return.verificationResult.individualResult.find((c) => c.name === 'passportcapture');
        assert.ok(soapCheck, 'the combination source is in the SOAP result');
        assert.equal(soapCheck.state, 'VERIFIED');
        assert.deepEqual(
          soapCheck.individualResult?.map((c) => [c.name, c.state, c.method]),
          result.individualResult?.map((c) => [c.name, c.state, c.method]),
        );
        assert.equal(component(soapCheck, 'Face Comparison')?.faceMatchScore, String(view.face.score));
        assert.equal(component(soapCheck, 'Document Authenticity')?.documentRegion, 'AU');

        const again = await confirmDocument(t, verificationId, view.captureId, {
          givenName: 'Grace',
          surname: 'Hopper',
          dob: '1976-04-01',
          documentNumber: 'A1111111',
        });
        assert.equal(again.statusCode, 409, again.body);
      } finally {
        await t.close();
      }
    },
  );
});

test(
  'another face in the selfie and a changed surname: face comparison, data extraction and registration match PENDING',
  { skip },
  async () => {
    const t = await startTestApp('pglite');
    try {
      const { verificationId, captured } = await graceCaptured(t, COLLINS);
      const view = captured.json() as { captureId: string; face: { score: number; threshold: number } };
      assert.ok(view.face.score < view.face.threshold, `another face scores ${view.face.score}`);
      const confirmed = await confirmDocument(t, verificationId, view.captureId, {
        givenName: 'Grace',
        surname: 'Jones',
        dob: '1976-04-01',
        documentNumber: 'A1111111',
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const result = (confirmed.json() as { checkResult: Check }).checkResult;
      assert.equal(result.state, 'PENDING');
      assert.deepEqual(
        result.individualResult?.map((c) => [c.name, c.state]),
        [
          ['Document Authenticity', 'VERIFIED'],
          ['Data Extraction', 'PENDING'],
          ['PassportDVS', 'VERIFIED'],
          ['Face Comparison', 'PENDING'],
          ['Document Registration Match', 'PENDING'],
        ],
      );
      assert.deepEqual(
        component(result, 'Data Extraction')?.fieldResult.find((f) => f['name'] === 'surname'),
        {
          name: 'surname',
          status: 'CHANGED',
          statusName: 'Field changed.',
          changedValue: 'Jones',
          extractedValue: 'HOPPER',
        },
      );
      assert.deepEqual(
        component(result, 'Document Registration Match')?.fieldResult.find((f) => f['name'] === 'surname'),
        {
          name: 'surname',
          status: 'CHANGED',
          statusName: 'Field changed.',
          changedValue: 'Jones',
          masterRecordValue: 'Hopper',
        },
      );
      assert.equal(
        component(result, 'Document Registration Match')?.fieldResult.find((f) => f['name'] === 'face')?.['status'],
        'NO_MATCH',
      );
    } finally {
      await t.close();
    }
  },
);

test('bad uploads and confirmations are refused naming the field, and nothing is recorded', async () => {
  const t = await startTestApp('pglite');
  try {
    const verificationId = await registerGrace(t);
    const notImage = await uploadDocuments(t, verificationId, [
      { name: 'document', content: Buffer.from('%PDF-1.7 not a photo') },
    ]);
    assert.equal(notImage.statusCode, 400, notImage.body);
    assert.match(notImage.body, /document/);
    assert.match(notImage.body, /not a JPEG, PNG or WebP image/);
    const truncated = await uploadDocuments(t, verificationId, [
      { name: 'document', content: readFileSync(HOPPER).subarray(0, 4000) },
    ]);
    assert.equal(truncated.statusCode, 400, truncated.body);
    assert.match(truncated.body, /"field":"document"/);
    assert.match(truncated.body, /could not be decoded/);
    const missing = await uploadDocuments(t, verificationId, [{ name: 'selfie', content: readFileSync(HOPPER) }]);
    assert.equal(missing.statusCode, 400, missing.body);
    assert.match(missing.body, /photo of the document is missing/);
    const stranger = await uploadDocuments(t, verificationId, [{ name: 'passport', content: readFileSync(HOPPER) }]);
    assert.equal(stranger.statusCode, 400, stranger.body);
    assert.match(stranger.body, /passport/);
    const unknown = await uploadDocuments(t, 'nosuchid', [{ name: 'document', content: readFileSync(HOPPER) }]);
    assert.equal(unknown.statusCode, 404, unknown.body);
    const badDate = await confirmDocument(t, verificationId, '00000000-0000-4000-8000-000000000000', {
      givenName: 'Grace',
      surname: 'Hopper',
      dob: '1976-02-30',
      documentNumber: 'A1111111',
    });
    assert.equal(badDate.statusCode, 400, badDate.body);
    assert.match(badDate.body, /dob/);
    const noCapture = await confirmDocument(t, verificationId, '00000000-0000-4000-8000-000000000000', {
      givenName: 'Grace',
      surname: 'Hopper',
      dob: '1976-04-01',
      documentNumber: 'A1111111',
    });
    assert.equal(noCapture.statusCode, 404, noCapture.body);
    const read = await readVerification(t, verificationId);
    assert.equal(
      (read.json() as { verificationResult: { individualResult: Check[] } }).verificationResult.individualResult.some(
        (c) => c.name === 'passportcapture',
      ),
      false,
    );
  } finally {
    await t.close();
  }
});

test(
  "the face match threshold is the operator's: at PONO_FACE_MATCH_THRESHOLD=0 another person's face is accepted",
  { skip },
  async () => {
    // Collins's selfie against Grace Hopper's passport scores below the default 40 (the test above); here it passes.
    const t = await startTestApp('pglite', { env: { PONO_FACE_MATCH_THRESHOLD: '0' } });
    try {
      const { verificationId, captured } = await graceCaptured(t, COLLINS);
      const view = captured.json() as { captureId: string; face: { score: number; threshold: number } };
      assert.equal(view.face.threshold, 0);
      assert.ok(view.face.score < 40, `another face scores ${view.face.score}`);
      const confirmed = await confirmGraceAsRead(t, verificationId, view.captureId);
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const result = (confirmed.json() as { checkResult: Check }).checkResult;
      const face = component(result, 'Face Comparison');
      assert.deepEqual([face?.state, face?.faceMatchScore], ['VERIFIED', String(view.face.score)]);
      assert.equal(result.state, 'VERIFIED');
    } finally {
      await t.close();
    }
  },
);

test(
  'a passport photo cut off at the left is sent back for a retake naming that edge, and nothing is decided',
  { skip },
  async () => {
    const t = await startTestApp('pglite');
    try {
      const verificationId = await registerGrace(t);
      const captured = await uploadDocuments(t, verificationId, [
        { name: 'document', content: await renderSpecimen(GRACE, { cut: { left: 0.1 } }) },
        { name: 'selfie', content: readFileSync(HOPPER) },
      ]);
      assert.equal(captured.statusCode, 201, captured.body);
      const view = captured.json() as {
        status: string;
        retake: string[];
        checks: { code: string; result: string; reason: string }[];
      };
      assert.equal(view.status, 'AWAITING_CONFIRMATION');
      assert.ok(view.retake.includes('DOCUMENT_IN_FRAME'), `retake: ${view.retake.join(', ')}`);
      assert.deepEqual(
        view.checks.find((c) => c.code === 'DOCUMENT_IN_FRAME'),
        {
          code: 'DOCUMENT_IN_FRAME',
          name: 'Whole document in the photo',
          result: 'FAILED',
          reason:
            'The document runs out of the photo at its left edge: take the photo again with the whole document inside the frame and a little space around it.',
        },
      );
      const read = await readVerification(t, verificationId);
      assert.equal(read.statusCode, 200, read.body);
      const stored = read.json() as { verificationResult: { individualResult: Check[] } };
      assert.deepEqual(
        stored.verificationResult.individualResult.filter((c) => c.name === 'passportcapture'),
        [],
      );
    } finally {
      await t.close();
    }
  },
);
