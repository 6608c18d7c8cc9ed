// Document photos past their bounded line, over HTTP: with no room to wait (PONO_ANALYSIS_QUEUE=0), of two
// photos sent at once one is read and the other answered at once 503 DOCUMENTS_BUSY, the wait in words and in
// Retry-After; nothing of the refused one is kept, and sent again it is read. The photos are read in the
// document worker thread: the thread serving requests never loads the face engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { HOPPER, missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import { faceEngineRequestedInThisThread } from '../../../../src/adapters/face/engine.ts';
import { GRACE, registerGrace, uploadDocuments } from './support.ts';
import { assertBusy } from '../../../support/busy.ts';

const skip = missingImages();

forEachDatabase((kind) => {
  test(
    'a photo past the line is answered 503 busy with Retry-After, keeps nothing, and is read when sent again',
    { skip, timeout: 240_000 },
    async () => {
      const t = await startTestApp(kind, { env: { PONO_ANALYSIS_QUEUE: '0' } });
      try {
        const files = [
          { name: 'document', content: await renderSpecimen(GRACE) },
          { name: 'selfie', content: readFileSync(HOPPER) },
        ];
        const ids = [await registerGrace(t), await registerGrace(t)];
        const answers = await Promise.all(ids.map((id) => uploadDocuments(t, id, files)));
        assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 503], answers.map((a) => a.body).join('\n'));
        const refusedAt = answers.findIndex((a) => a.statusCode === 503);
        const refused = answers[refusedAt];
        const refusedId = ids[refusedAt];
        assert.ok(refused && refusedId);
        assertBusy(
          refused,
          'DOCUMENTS_BUSY',
          (seconds) => `Too many documents are being read right now: send this one again in ${seconds} seconds`,
        );

        const captures = async (verificationId: string) =>
          (
            await t.database.db
              .selectFrom('document_captures')
              .select('capture_id')
              .where('verification_id', '=', verificationId)
              .execute()
          ).length;
        assert.equal(await captures(refusedId), 0, 'nothing of the refused photo is kept');

        const again = await uploadDocuments(t, refusedId, files);
        assert.equal(again.statusCode, 201, again.body);
        assert.equal(again.json<{ documentType: string }>().documentType, 'PASSPORT');
        assert.equal(await captures(refusedId), 1);
        assert.equal(faceEngineRequestedInThisThread(), false, 'the server thread loaded the face engine');
      } finally {
        await t.close();
      }
    },
  );
});
