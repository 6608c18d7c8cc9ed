// An administrator's review of a captured document's PENDING components (seed 003), on real pixels: a specimen
// passport and another person's selfie, a surname the person changed; the administrator sees what was read
// beside what was confirmed and the photo, decides each pending component with a comment, and the combination
// source and the verification are decided again; the decisions read the same through node-soap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClientAsync } from 'soap';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, basicAuth, DEMO, DEMO_AUTH, type TestApp } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { COLLINS, HOPPER, missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import { SOAP_PATH } from '../../soap/soap-app.ts';
import { GRACE, confirmDocument, graceWithSelfie, registerGrace, uploadDocuments } from './support.ts';

const skip = missingImages();
type Json = Record<string, unknown>;
interface Field {
  name: string;
  status: string | null;
  data?: string;
  extraData?: { name: string; value: string }[];
}
interface Check {
  name: string;
  state: string;
  dateVerified: string | null;
  fieldResult: Field[];
  individualResult?: Check[];
}
interface Status {
  verificationResult: { overallVerificationStatus: string; individualResult: Check[] };
  checkResult?: Check;
}

async function capturedAndConfirmed(
  t: TestApp,
  selfie: string,
  surname: string,
): Promise<{ verificationId: string; captureId: string; document: Buffer; status: Status }> {
  const verificationId = await registerGrace(t);
  const document = await renderSpecimen(GRACE);
  const captured = await uploadDocuments(t, verificationId, [
    { name: 'document', content: document },
    { name: 'selfie', content: readFileSync(selfie) },
  ]);
  assert.equal(captured.statusCode, 201, captured.body);
  const captureId = (captured.json() as { captureId: string }).captureId;
  const confirmed = await confirmDocument(t, verificationId, captureId, {
    givenName: 'Grace',
    surname,
    dob: '1976-04-01',
    documentNumber: 'A1111111',
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { verificationId, captureId, document, status: confirmed.json() as Status };
}

function review(t: TestApp, verificationId: string, captureId: string, payload: Json, auth = DEMO_AUTH) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${verificationId}/documents/${captureId}/review`,
    headers: { authorization: auth },
    payload,
  });
}

const states = (check: Check | undefined) => check?.individualResult?.map((c) => [c.name, c.state]);
const ADMIN = 'reviewer@office.example';

forEachDatabase((kind) => {
  test(
    'an administrator reviews each PENDING component with a comment: VERIFIED_ADMIN with the AdminComment, the combination and the verification decided again, in REST and SOAP',
    { skip },
    async () => {
      const t = await startTestApp(kind);
      try {
        await t.services.accounts.create({ accountId: 'other', password: 'other-account-password', stubMode: true });
        const { verificationId, captureId, document, status } = await capturedAndConfirmed(t, COLLINS, 'Jones');
        assert.equal(status.checkResult?.state, 'PENDING');
        const pendingOverall = status.verificationResult.overallVerificationStatus;

        // what the administrator sees: extracted beside confirmed, the pending components, the photo
        const shown = await t.app.inject({
          method: 'GET',
          url: `/api/v1/verifications/${verificationId}/documents/${captureId}`,
          headers: { authorization: DEMO_AUTH },
        });
        assert.equal(shown.statusCode, 200, shown.body);
        const view = shown.json() as {
          capture: { extracted: { surname: string }; status: string };
          confirmed: { surname: string };
          imageUrl: string;
          pending: string[];
          result: Check;
          reviews: unknown[];
        };
        assert.equal(view.capture.status, 'CONFIRMED');
        assert.equal(view.capture.extracted.surname, 'HOPPER');
        assert.equal(view.confirmed.surname, 'Jones');
        assert.deepEqual(view.pending, ['Data Extraction', 'Face Comparison', 'Document Registration Match']);
        assert.equal(view.result.name, 'passportcapture');
        assert.deepEqual(view.reviews, []);
        const image = await t.app.inject({ method: 'GET', url: view.imageUrl, headers: { authorization: DEMO_AUTH } });
        assert.equal(image.statusCode, 200);
        assert.equal(image.headers['content-type'], 'image/jpeg');
        assert.ok(image.rawPayload.equals(document), 'the photo is the one that was sent');

        // another account sees nothing of it
        const otherAuth = basicAuth('other', 'other-account-password');
        const foreign = await t.app.inject({
          method: 'GET',
          url: view.imageUrl,
          headers: { authorization: otherAuth },
        });
        assert.equal(foreign.statusCode, 404, foreign.body);
        const foreignReview = await review(
          t,
          verificationId,
          captureId,
          { component: 'Face Comparison', decision: 'VERIFIED', comment: 'same person', adminEmail: ADMIN },
          otherAuth,
        );
        assert.equal(foreignReview.statusCode, 404, foreignReview.body);

        // bad decisions are refused naming the field, and change nothing
        const refusals: [Record<string, string>, number, RegExp][] = [
          [{ component: 'Face Comparison', decision: 'VERIFIED', comment: '   ' }, 400, /comment/i],
          [{ component: 'Hologram', decision: 'VERIFIED', comment: 'looks fine' }, 400, /component/i],
          [
            { component: 'Document Authenticity', decision: 'VERIFIED', comment: 'looks fine' },
            409,
            /only a component pending review/,
          ],
          [{ component: 'Face Comparison', decision: 'MAYBE', comment: 'hmm' }, 400, /decision/],
        ];
        for (const [decision, status, problem] of refusals) {
          const refused = await review(t, verificationId, captureId, { ...decision, adminEmail: ADMIN });
          assert.equal(refused.statusCode, status, refused.body);
          assert.match(refused.body, problem);
        }

        // the decisions, one by one
        const first = await review(t, verificationId, captureId, {
          component: 'Data Extraction',
          decision: 'VERIFIED',
          comment: 'Married name; marriage certificate seen',
          adminEmail: ADMIN,
        });
        assert.equal(first.statusCode, 200, first.body);
        const afterFirst = first.json() as Status;
        assert.equal(afterFirst.checkResult?.state, 'PENDING');
        const extraction = afterFirst.checkResult?.individualResult?.find((c) => c.name === 'Data Extraction');
        assert.equal(extraction?.state, 'VERIFIED_ADMIN');
        assert.ok(extraction?.dateVerified);
        const comment = extraction?.fieldResult.find((f) => f.name === 'AdminComment');
        assert.equal(comment?.data, 'Married name; marriage certificate seen');
        assert.deepEqual(
          comment?.extraData?.map((e) => e.name),
          ['Date', 'AdminEmail'],
        );
        assert.equal(comment?.extraData?.[1]?.value, ADMIN);
        assert.equal(afterFirst.verificationResult.overallVerificationStatus, pendingOverall);

        for (const component of ['Face Comparison', 'Document Registration Match']) {
          const decided = await review(t, verificationId, captureId, {
            component,
            decision: 'VERIFIED',
            comment: 'Compared with the photo in person',
            adminEmail: ADMIN,
          });
          assert.equal(decided.statusCode, 200, decided.body);
        }
        const again = await review(t, verificationId, captureId, {
          component: 'Face Comparison',
          decision: 'NOT_VERIFIED',
          comment: 'changed my mind',
          adminEmail: ADMIN,
        });
        assert.equal(again.statusCode, 409, again.body);

        const read = await t.app.inject({
          method: 'GET',
          url: `/api/v1/verifications/${verificationId}`,
          headers: { authorization: DEMO_AUTH },
        });
        const final = read.json() as Status;
        const combination = final.verificationResult.individualResult.find((c) => c.name === 'passportcapture');
        assert.equal(combination?.state, 'VERIFIED_ADMIN');
        assert.deepEqual(states(combination), [
          ['Document Authenticity', 'VERIFIED'],
          ['Data Extraction', 'VERIFIED_ADMIN'],
          ['PassportDVS', 'VERIFIED'],
          ['Face Comparison', 'VERIFIED_ADMIN'],
          ['Document Registration Match', 'VERIFIED_ADMIN'],
        ]);
        assert.notEqual(final.verificationResult.overallVerificationStatus, 'PENDING');

        const audited = await t.app.inject({
          method: 'GET',
          url: `/api/v1/verifications/${verificationId}/documents/${captureId}`,
          headers: { authorization: DEMO_AUTH },
        });
        const trail = (audited.json() as { reviews: Json[]; pending: string[] }).reviews;
        assert.deepEqual((audited.json() as { pending: string[] }).pending, []);
        assert.deepEqual(
          trail.map((r) => [
            r['component'],
            r['decision'],
            r['adminEmail'],
            r['componentState'],
            r['combinationState'],
          ]),
          [
            ['Data Extraction', 'VERIFIED', ADMIN, 'VERIFIED_ADMIN', 'PENDING'],
            ['Face Comparison', 'VERIFIED', ADMIN, 'VERIFIED_ADMIN', 'PENDING'],
            ['Document Registration Match', 'VERIFIED', ADMIN, 'VERIFIED_ADMIN', 'VERIFIED_ADMIN'],
          ],
        );

        // a SOAP client reads the same nested components, with the AdminComment and its extra data
        const base = await t.listen();
        const client = await createClientAsync(`${base}${SOAP_PATH}?wsdl`);
        const getResult = client['getVerificationResultAsync'] as (
          args: Json,
        ) => Promise<[{ return: { verificationResult: { individualResult: Check[] } } }]>;
        const [soap] = await getResult({ verificationId, accountId: DEMO.accountId, password: DEMO.password });
        const soapCheck = soap.return.verificationResult.individualResult.find((c) => c.name === 'passportcapture');
        assert.equal(soapCheck?.state, 'VERIFIED_ADMIN');
        assert.deepEqual(states(soapCheck), states(combination));
        const soapComment = soapCheck?.individualResult
          ?.find((c) => c.name === 'Data Extraction')
          ?.fieldResult.find((f) => f.name === 'AdminComment');
        assert.equal(soapComment?.data, 'Married name; marriage certificate seen');
        assert.deepEqual(
          soapComment?.extraData?.map((e) => [e.name, e.name === 'AdminEmail' ? e.value : 'date']),
          [
            ['Date', 'date'],
            ['AdminEmail', ADMIN],
          ],
        );
      } finally {
        await t.close();
      }
    },
  );
});

test(
  'a component the administrator does not verify becomes FAILED, the combination FAILED, and the person may capture the document again',
  { skip },
  async () => {
    const t = await startTestApp('pglite');
    try {
      const { verificationId, captureId } = await capturedAndConfirmed(t, COLLINS, 'Hopper');
      const refused = await review(t, verificationId, captureId, {
        component: 'Face Comparison',
        decision: 'NOT_VERIFIED',
        comment: 'The selfie shows another person',
        adminEmail: ADMIN,
      });
      assert.equal(refused.statusCode, 200, refused.body);
      const status = refused.json() as Status;
      assert.equal(status.checkResult?.state, 'FAILED');
      assert.equal(status.checkResult?.dateVerified, null);
      const face = status.checkResult?.individualResult?.find((c) => c.name === 'Face Comparison');
      assert.equal(face?.state, 'FAILED');
      assert.equal(face?.dateVerified, null);
      assert.equal(face?.fieldResult.find((f) => f.name === 'AdminComment')?.data, 'The selfie shows another person');
      assert.notEqual(status.verificationResult.overallVerificationStatus, 'VERIFIED');

      await graceWithSelfie(t, verificationId, HOPPER);
    } finally {
      await t.close();
    }
  },
);
