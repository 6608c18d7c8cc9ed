// Retention of document photos: the photo of a captured identity document is deleted by the nightly retention
// job once it was sent longer ago than PONO_DOCUMENT_PHOTO_RETENTION_DAYS; a younger photo stays; the capture, its
// reading and the combination result stay readable without the image; each deletion is audited once, and a second
// run does nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp, DEMO_AUTH, type TestApp } from '../support/app.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { EVIDENCE_RETENTION_QUEUE } from '../../src/app/evidence-retention.ts';
import { renderSpecimen } from '../../src/adapters/documents/specimens.ts';
import { missingImages } from '../../src/adapters/face/synthetic-faces.ts';
import { GRACE, GRACE_REGISTRATION, multipart } from '../adapters/http/documents/support.ts';

const DAY = 24 * 60 * 60 * 1000;

async function captured(t: TestApp, document: Buffer): Promise<{ verificationId: string; captureId: string }> {
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: DEMO_AUTH },
    payload: GRACE_REGISTRATION,
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const verificationId = registered.json<{ verificationResult: { verificationId: string } }>().verificationResult
    .verificationId;
  const body = multipart([{ name: 'document', content: document }]);
  const capture = await t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${verificationId}/documents`,
    headers: { authorization: DEMO_AUTH, ...body.headers },
    payload: body.payload,
  });
  assert.equal(capture.statusCode, 201, capture.body);
  const captureId = capture.json<{ captureId: string }>().captureId;
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/v1/verifications/${verificationId}/documents/${captureId}/confirmation`,
    headers: { authorization: DEMO_AUTH },
    payload: { givenName: 'Grace', surname: 'Hopper', dob: '1976-04-01', documentNumber: 'A1111111' },
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { verificationId, captureId };
}

forEachDatabase((kind) => {
  test(
    'document photos past their period are deleted; the capture and its result stay',
    { skip: missingImages(), timeout: 240_000 },
    async () => {
      const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
      const t = await startTestApp(kind, {
        clock,
        workJobs: false,
        env: { PONO_DOCUMENT_PHOTO_RETENTION_DAYS: '30', PONO_EVIDENCE_RETENTION_DAYS: '365' },
      });
      try {
        const document = await renderSpecimen(GRACE);
        const old = await captured(t, document);
        clock.advance(20 * DAY);
        const young = await captured(t, document);
        clock.advance(15 * DAY); // the old photo was sent 35 days ago, the young one 15

        const review = (c: { verificationId: string; captureId: string }) =>
          t.app.inject({
            method: 'GET',
            url: `/api/v1/verifications/${c.verificationId}/documents/${c.captureId}`,
            headers: { authorization: DEMO_AUTH },
          });
        const photo = (c: { verificationId: string; captureId: string }) =>
          t.app.inject({
            method: 'GET',
            url: `/api/v1/verifications/${c.verificationId}/documents/${c.captureId}/image`,
            headers: { authorization: DEMO_AUTH },
          });
        assert.equal((await photo(old)).statusCode, 200, 'the photo is served before the job runs');
        assert.ok((await t.services.queue.scheduled()).includes(EVIDENCE_RETENTION_QUEUE), 'the job is scheduled');

        const run = await t.services.retention.purgeAll();
        assert.equal(run.captures, 1, JSON.stringify(run));
        assert.equal((await photo(old)).statusCode, 404, 'the old photo is gone');
        assert.equal((await photo(young)).statusCode, 200, 'the young photo stays');
        const kept = (await review(old)).json<{
          imageUrl: string | null;
          capture: { documentType: string };
          result: { name: string; state: string } | null;
        }>();
        assert.equal(kept.imageUrl, null, 'the review says the photo is no longer kept');
        assert.equal(kept.capture.documentType, 'PASSPORT', 'what was read stays');
        assert.equal(kept.result?.name, 'passportcapture', 'the combination result stays');
        assert.equal((await review(young)).json<{ imageUrl: string | null }>().imageUrl !== null, true);

        assert.deepEqual(await t.services.retention.purgeDocumentPhotos(), { captures: 0 }, 'a second run finds none');
        const audit = await t.database.db
          .selectFrom('audit_events')
          .select(['actor', 'entity', 'entity_id', 'after'])
          .where('action', '=', 'document-photo.deleted')
          .execute();
        assert.deepEqual(
          audit.map((a) => [a.actor, a.entity, a.entity_id, (a.after as { retentionDays: number }).retentionDays]),
          [['system', 'document-capture', old.captureId, 30]],
        );
      } finally {
        await t.close();
      }
    },
  );
});
