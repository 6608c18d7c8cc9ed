// BR-16 (seed 000 L452–459): the validator opens the recording the preparer named — one call from the task — and
// the task and the audit trail record who opened it; a validation without opening it is allowed but shows as such
// on the task and in the trail (docs/casework.md). Both databases, the link's email through real SMTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { CaseworkClient, startMailbox, type Mailbox, type Officers } from './casework-client.ts';

interface Task {
  id: string;
  kind: string;
  personId: string;
  recordingOpenedBy: { officerId: string; officerName: string; at: string }[];
  validatedWithoutOpeningRecording: boolean | null;
}
interface AuditEvent {
  action: string;
  actor: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

forEachDatabase((kind) => {
  let t: TestApp;
  let c: CaseworkClient;
  let o: Officers;
  let mail: Mailbox;

  before(async () => {
    mail = await startMailbox();
    t = await startTestApp(kind, { demo: false, env: { SMTP_URL: mail.url, PONO_PUBLIC_URL: 'https://pono.test' } });
    c = new CaseworkClient(t);
    o = await c.officers('rec');
  });
  after(async () => {
    await t.close();
    await mail.close();
  });

  /** An application whose "Identity is bound" is prepared on an opened, completed liveness check naming 'shake'. */
  async function prepared(email: string): Promise<{ ref: string; task: Task; linkId: string }> {
    const app = await c.expect<{ reference: string }>(201, o.caseOfficer, 'POST', '/applications', {
      applicationType: 'CBG Adult',
    });
    const person = await c.expect<{ id: string }>(201, o.caseOfficer, 'POST', `/applications/${app.reference}/people`, {
      relationship: 'applicant',
      givenNames: 'Ana',
      familyName: 'Havili',
      dateOfBirth: '1990-02-03',
      email,
    });
    const link = await c.expect<{ id: string }>(
      201,
      o.caseOfficer,
      'POST',
      `/applications/${app.reference}/liveness-links`,
      {
        personId: person.id,
        relationship: 'Adult',
      },
    );
    await c.expect(200, o.caseOfficer, 'POST', `/liveness-links/${link.id}/send`);
    const token = await mail.tokenFor(email);
    await t.services.liveness.startAttempt(token); // the person starts the check: its session
    await t.services.casework.links.completeByToken(token);
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${app.reference}/tasks`);
    const bound = tasks.find((x) => x.kind === 'identity-is-bound');
    assert.ok(bound);
    const task = await c.expect<Task>(200, o.caseOfficer, 'POST', `/tasks/${bound.id}/prepare`, {
      outcome: 'pass',
      criteria: ['liveness-check'],
      comments: "Watched 'shake' recording",
      livenessAssessment: { result: 'satisfactory', linkId: link.id, recordings: ['shake'] },
    });
    return { ref: app.reference, task, linkId: link.id };
  }
  const trail = (ref: string) => c.expect<AuditEvent[]>(200, o.admin, 'GET', `/applications/${ref}/audit`);

  test('BR-16: the validator opens the named recording; the task and the audit trail show it', async () => {
    const { ref, task, linkId } = await prepared('opened@example.com');
    const opened = await c.expect<{ linkId: string; sessionId: string; recordings: string[] }>(
      200,
      o.validator,
      'POST',
      `/tasks/${task.id}/recording/open`,
    );
    assert.equal(opened.linkId, linkId);
    assert.deepEqual(opened.recordings, ['shake']);
    // One click away: the check's evidence answers to the validator with that session.
    const session = await c.call(o.validator, 'GET', `/liveness/sessions/${opened.sessionId}`);
    assert.equal(session.statusCode, 200, session.body);
    const validated = await c.expect<Task>(200, o.validator, 'POST', `/tasks/${task.id}/validate`, {});
    assert.equal(validated.validatedWithoutOpeningRecording, false);
    assert.deepEqual(
      validated.recordingOpenedBy.map((r) => r.officerId),
      [o.validator.id],
    );
    const events = await trail(ref);
    const open = events.find((e) => e.action === 'task.recording-opened');
    assert.deepEqual(
      [open?.actor, open?.entityId, open?.after?.['linkId'], open?.after?.['recordings']],
      [o.validator.id, task.id, linkId, ['shake']],
    );
    const validation = events.find((e) => e.action === 'task.validate' && e.entityId === task.id);
    assert.equal(validation?.after?.['recordingOpened'], true);
  });

  test('BR-16: a validation without opening the recording is allowed and shows as such', async () => {
    const { ref, task } = await prepared('unopened@example.com');
    // The preparer opening it does not count for the validator.
    await c.expect(200, o.caseOfficer, 'POST', `/tasks/${task.id}/recording/open`);
    const validated = await c.expect<Task>(200, o.validator, 'POST', `/tasks/${task.id}/validate`, {});
    assert.equal(validated.validatedWithoutOpeningRecording, true);
    const validation = (await trail(ref)).find((e) => e.action === 'task.validate' && e.entityId === task.id);
    assert.equal(validation?.after?.['recordingOpened'], false);
  });

  test('BR-16: a task naming no recording answers in words; an administrator may not open evidence', async () => {
    const { ref } = await prepared('none@example.com');
    const tasks = await c.expect<Task[]>(200, o.caseOfficer, 'GET', `/applications/${ref}/tasks`);
    const unique = tasks.find((x) => x.kind === 'identity-is-unique');
    assert.ok(unique);
    const refused = await c.call(o.validator, 'POST', `/tasks/${unique.id}/recording/open`);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json<{ code: string }>().code, 'TASK_NO_RECORDING_NAMED');
    assert.match(refused.json<{ message: string }>().message, /names no liveness recording/);
    const bound = tasks.find((x) => x.kind === 'identity-is-bound');
    assert.equal((await c.call(o.admin, 'POST', `/tasks/${bound?.id ?? ''}/recording/open`)).statusCode, 403);
  });
});
