import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyStageAction,
  STAGE_LABELS,
  transitionsFrom,
  type Stage,
  type StageAction,
  type StageActor,
  type StageGuards,
} from '../../../src/domain/casework/index.ts';

function move(stage: Stage, action: StageAction, by: StageActor | StageActor[], guards: StageGuards = {}): Stage {
  const r = applyStageAction(stage, action, by, guards);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.stage;
}

test('happy path: draft → submitted → Complete and Correct → Application processing → decision → ceremony → closed', () => {
  let s: Stage = 'draft';
  s = move(s, 'submit', 'applicant', { paid: true });
  s = move(s, 'allocate', 'case-officer');
  assert.equal(STAGE_LABELS[s], 'Complete and Correct');
  s = move(s, 'complete-and-correct-done', 'case-officer', { identityTasksValidated: true });
  assert.equal(STAGE_LABELS[s], 'Application processing');
  s = move(s, 'refer-for-decision', 'case-officer', { identityTasksValidated: true });
  s = move(s, 'grant', 'validating-officer');
  assert.equal(s, 'ceremony');
  const closed = applyStageAction(s, 'close-ceremony', 'case-officer', { ceremonyRecorded: true });
  assert.ok(closed.ok);
  assert.deepEqual([closed.value.stage, closed.value.closure], ['closed', 'granted']);
});

test('guards: unpaid submit, unvalidated tasks, no ceremony, revert without reason', () => {
  const codes = [
    applyStageAction('draft', 'submit', 'applicant', { paid: false }),
    applyStageAction('complete-and-correct', 'complete-and-correct-done', 'case-officer'),
    applyStageAction('ceremony', 'close-ceremony', 'case-officer'),
    applyStageAction('application-processing', 'revert-to-complete-and-correct', 'case-officer', { revertReason: ' ' }),
  ].map((r) => (r.ok ? 'ok' : r.error.code));
  assert.deepEqual(codes, ['STAGE_GUARD_FAILED', 'STAGE_GUARD_FAILED', 'STAGE_GUARD_FAILED', 'STAGE_GUARD_FAILED']);
});

test('child turned 14: Application processing or decision revert to Complete and Correct', () => {
  assert.equal(
    move('application-processing', 'revert-to-complete-and-correct', 'case-officer', {
      revertReason: 'child turned 14',
    }),
    'complete-and-correct',
  );
  assert.equal(
    move('decision', 'revert-to-complete-and-correct', 'system', { revertReason: 'child turned 14' }),
    'complete-and-correct',
  );
});

test('who may move it, and what is not in the table', () => {
  const r = applyStageAction('decision', 'grant', 'case-officer');
  assert.equal(r.ok ? '' : r.error.code, 'STAGE_ACTOR_NOT_PERMITTED');
  const t = applyStageAction('closed', 'withdraw', 'case-officer');
  assert.equal(t.ok ? '' : t.error.code, 'STAGE_TRANSITION_NOT_ALLOWED');
  const d = applyStageAction('decision', 'decline', ['case-officer', 'validating-officer']);
  assert.ok(d.ok && d.value.closure === 'declined');
  const w = applyStageAction('complete-and-correct', 'withdraw', 'applicant');
  assert.ok(w.ok && w.value.closure === 'withdrawn');
  assert.deepEqual(transitionsFrom('closed'), []);
  assert.deepEqual(
    transitionsFrom('ceremony').map((x) => x.action),
    ['close-ceremony'],
  );
});

test('officer actors of each stage transition match the permission table', async () => {
  const { STAGE_TRANSITIONS, PERMISSIONS, OFFICER_ROLES } = await import('../../../src/domain/casework/index.ts');
  for (const t of STAGE_TRANSITIONS) {
    const officers = t.by.filter((a) => (OFFICER_ROLES as readonly string[]).includes(a));
    assert.deepEqual([...officers].sort(), [...PERMISSIONS[t.permission]].sort(), t.action);
  }
});
