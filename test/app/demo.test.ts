// `pono demo` / PONO_DEMO=1: officers of each role who can sign in, and applications whose records arrive as
// the console shows them (1:1 eligible, 1:N, No match, API error), on both databases; the No match escalation is G1 column 6; running it twice adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../support/databases.ts';
import { startTestApp } from '../support/app.ts';
import { seedDemo } from '../../src/app/demo.ts';
import { DEMO_OFFICER_PASSWORD } from '../../src/app/demo-casework.ts';

forEachDatabase((kind) => {
  test('demo officers sign in, and the applications show each records outcome once the fetch job has run', async () => {
    const t = await startTestApp(kind, { demo: false });
    try {
      const first = await seedDemo(t.services);
      const again = await seedDemo(t.services);
      assert.equal(again.casework.applications.length, 0, 'a second run creates nothing');
      for (const officer of first.casework.officers) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: officer.email, password: DEMO_OFFICER_PASSWORD },
        });
        assert.equal(r.statusCode, 200, `${officer.email}: ${r.body}`);
      }
      const preparer = await t.services.casework.officers.signIn('preparer@pono.example', DEMO_OFFICER_PASSWORD);
      const cookie = `pono_officer_session=${preparer.token}`;
      const byLabel = new Map(first.casework.applications.map((a) => [a.label, a.reference]));
      const matchOf = async (label: string) => {
        for (let i = 0; i < 100; i++) {
          const r = await t.app.inject({
            method: 'GET',
            url: `/api/v1/applications/${byLabel.get(label) ?? ''}`,
            headers: { cookie },
          });
          const body = r.json<{
            records: { summary: { identityMatch: string; presence: string } } | null;
            recordsStatus: string;
          }>();
          if (body.records && body.recordsStatus !== 'pending') return body.records.summary;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return undefined;
      };
      // The INZ Results row's five columns; Date and Time is the paid submission (seed L1444).
      assert.deepEqual(await matchOf('adult, 1:1 match, eligible'), {
        inzName: 'Mere Parata',
        identityMatch: '1:1 match',
        presence: 'Pass',
        alerts: 'Not found',
        dateTime: '3/12/2020 12:00AM',
        retriggeredAt: null,
      });
      assert.equal((await matchOf('1:N match'))?.identityMatch, '1:N match');
      assert.equal((await matchOf('no match'))?.identityMatch, 'No match');
      assert.equal((await matchOf('records service down'))?.presence, 'API error');
      // The No match applicant's escalation follows the grid on the evidence on file: only the application photo
      // is held, so G1 column 6 (escalate straight away), as the demo's own case summary says.
      const expert = await t.services.casework.officers.signIn('expert@pono.example', DEMO_OFFICER_PASSWORD);
      const queue = await t.app.inject({
        method: 'GET',
        url: '/api/v1/escalations',
        headers: { cookie: `pono_officer_session=${expert.token}` },
      });
      const escalations = queue.json<{ applicationRef: string; template: { gridColumn: number | null } }[]>();
      assert.deepEqual(
        escalations.map((e) => [e.applicationRef, e.template.gridColumn]),
        [[byLabel.get('no match'), 6]],
      );
    } finally {
      await t.close();
    }
  });
});
