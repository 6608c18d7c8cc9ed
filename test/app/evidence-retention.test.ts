// Retention of liveness evidence: a session's selfie, challenge frames and trusted source faces are deleted by
// the nightly job once the session ended longer ago than PONO_EVIDENCE_RETENTION_DAYS; younger sessions keep
// theirs, the decision stays readable, the deletion is in the audit trail once, and a second run does nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { EVIDENCE_RETENTION_QUEUE } from '../../src/app/evidence-retention.ts';
import { missingImages } from '../adapters/face/fixtures.ts';
import { cannedAnalysis, jsonSubmission, officer, realFaces, stillCapture } from '../adapters/http/liveness/support.ts';

const DAY = 24 * 60 * 60 * 1000;

forEachDatabase((kind) => {
  test(
    'evidence past the retention period is deleted, younger evidence and every decision stay',
    { skip: missingImages(), timeout: 180_000 },
    async () => {
      const clock = new ManualClock(new Date('2026-01-05T09:00:00Z'));
      const t = await startTestApp(kind, {
        demo: false,
        clock,
        workJobs: false,
        env: { PONO_EVIDENCE_RETENTION_DAYS: '30' },
      });
      try {
        const co = await officer(t, `co-${kind}@dia.example`, ['case-officer']);
        const faces = await realFaces();
        t.services.liveness.useAnalyser(cannedAnalysis('PASS'));
        const passSession = async (reference: string) => {
          const created = await t.app.inject({
            method: 'POST',
            url: '/api/v1/liveness/sessions',
            ...co,
            payload: {
              subjectReference: reference,
              trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
            },
          });
          assert.equal(created.statusCode, 201, created.body);
          const { session, clientToken } = created.json<{ session: { id: string }; clientToken: string }>();
          const view = (await t.app.inject({ method: 'POST', url: `/liveness/${clientToken}/attempts` })).json<{
            attempt: { id: string; challenges: string[] };
          }>();
          const captures = view.attempt.challenges.map((c, i) =>
            stillCapture(c as 'BLINK', faces.collinsJpeg, i * 1000),
          );
          const submitted = await t.app.inject({
            method: 'POST',
            url: `/liveness/${clientToken}/attempts/${view.attempt.id}`,
            payload: jsonSubmission(faces.collinsJpeg, captures),
          });
          assert.equal(submitted.statusCode, 200, submitted.body);
          return session.id;
        };
        const old = await passSession('old');
        clock.advance(20 * DAY);
        const young = await passSession('young');
        clock.advance(15 * DAY); // old ended 35 days ago, young 15

        const selfie = (id: string) =>
          t.app.inject({ method: 'GET', url: `/api/v1/liveness/sessions/${id}/attempts/1/selfie`, ...co });
        assert.equal((await selfie(old)).statusCode, 200, 'evidence is served before the job runs');
        assert.ok(
          (await t.services.queue.scheduled()).includes(EVIDENCE_RETENTION_QUEUE),
          'the retention job is scheduled',
        );

        const run = await t.services.retention.purge();
        assert.equal(run.sessions, 1);
        assert.ok(run.frames > 0 && run.trustedSources === 1, JSON.stringify(run));
        assert.equal((await selfie(old)).statusCode, 404, 'the old selfie is gone');
        assert.equal((await selfie(young)).statusCode, 200, 'the young selfie stays');
        const oldView = await t.app.inject({ method: 'GET', url: `/api/v1/liveness/sessions/${old}`, ...co });
        assert.equal(oldView.statusCode, 200);
        assert.equal(oldView.json<{ status: string }>().status, 'PASSED', 'the decision stays');

        const again = await t.services.retention.purge();
        assert.deepEqual(again, { sessions: 0, frames: 0, trustedSources: 0 }, 'a second run finds nothing');
        const audit = await t.database.db
          .selectFrom('audit_events')
          .select(['actor', 'entity_id', 'after'])
          .where('action', '=', 'liveness-evidence.deleted')
          .execute();
        assert.equal(audit.length, 1);
        assert.equal(audit[0]?.entity_id, old);
        assert.equal(audit[0]?.actor, 'system');
        assert.equal((audit[0]?.after as { retentionDays: number }).retentionDays, 30);
      } finally {
        t.services.liveness.useAnalyser();
        await t.close();
      }
    },
  );
});
