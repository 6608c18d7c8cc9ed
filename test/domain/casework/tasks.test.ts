import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allValidated,
  applyTaskCommand,
  challengesNamed,
  createConfirmIdentityTasks,
  IDENTITY_TASK_LABELS,
  type IdentityTask,
  type Officer,
  type TaskCommand,
} from '../../../src/domain/casework/index.ts';

const alice: Officer = { id: 'alice', roles: ['case-officer'] };
const bob: Officer = { id: 'bob', roles: ['validating-officer'] };
const both: Officer = { id: 'carol', roles: ['case-officer', 'validating-officer'] };
const expert: Officer = { id: 'erin', roles: ['id-proofing-expert'] };

function bound(): IdentityTask {
  const tasks = createConfirmIdentityTasks('3G68KK', 'p1', (k) => `t-${k}`);
  const t = tasks.find((x) => x.kind === 'identity-is-bound');
  assert.ok(t);
  return t;
}

const prepare: TaskCommand = {
  action: 'prepare',
  outcome: 'pass',
  criteria: ['liveness-check'],
  comments: "Watched 'shake' recording",
  livenessAssessment: { result: 'satisfactory', linkId: 'link-1', recordings: ['shake'] },
};

function step(task: IdentityTask, cmd: TaskCommand, who: Officer): IdentityTask {
  const r = applyTaskCommand(task, cmd, who, '2020-09-01');
  assert.ok(r.ok, r.ok ? '' : r.error.code);
  return r.value;
}

function code(task: IdentityTask, cmd: TaskCommand, who: Officer): string {
  const r = applyTaskCommand(task, cmd, who, '2020-09-01');
  assert.equal(r.ok, false);
  return r.ok ? '' : r.error.code;
}

test('three Confirm Identity tasks per person, open, in the seed order', () => {
  const tasks = createConfirmIdentityTasks('3G68KK', 'p1', (k) => k);
  assert.deepEqual(
    tasks.map((t) => IDENTITY_TASK_LABELS[t.kind]),
    ['Identity is unique', 'Identity exists', 'Identity is bound'],
  );
  assert.ok(tasks.every((t) => t.state === 'open' && t.outcome === null));
});

test('open → prepared → validated by a different officer (the seed example)', () => {
  const p = step(bound(), prepare, alice);
  assert.deepEqual([p.state, p.outcome, p.preparedBy, p.criteria], ['prepared', 'pass', 'alice', ['liveness-check']]);
  const v = step(p, { action: 'validate' }, bob);
  assert.deepEqual([v.state, v.validatedBy], ['validated', 'bob']);
  assert.equal(v.history.length, 2);
  assert.equal(allValidated([v]), true);
});

test('four-eyes: an officer holding both roles cannot validate or return their own task', () => {
  const p = step(bound(), prepare, both);
  assert.equal(code(p, { action: 'validate' }, both), 'TASK_SELF_VALIDATION');
  assert.equal(code(p, { action: 'return', reason: 'x' }, both), 'TASK_SELF_VALIDATION');
});

test('four-eyes through API tokens: the issuer of a token counts as a pair of eyes', () => {
  const aliceViaAdmin: Officer = { ...alice, actingThrough: 'admin' };
  const bobViaAdmin: Officer = { ...bob, actingThrough: 'admin' };
  const p = step(bound(), prepare, aliceViaAdmin);
  assert.equal(p.history[0]?.through, 'admin');
  // One administrator behind both tokens is one person doing both checks.
  assert.equal(code(p, { action: 'validate' }, bobViaAdmin), 'TASK_SELF_VALIDATION');
  assert.equal(code(p, { action: 'validate' }, { id: 'admin', roles: ['validating-officer'] }), 'TASK_SELF_VALIDATION');
  // Bob with his own credentials, or through someone else's token, is a second person.
  assert.equal(step(p, { action: 'validate' }, bob).state, 'validated');
  assert.equal(step(p, { action: 'validate' }, { ...bob, actingThrough: 'another-admin' }).state, 'validated');
  // A preparer's issuer who then validates directly is refused too.
  const direct = step(bound(), prepare, alice);
  assert.equal(code(direct, { action: 'validate' }, { ...bob, actingThrough: 'alice' }), 'TASK_SELF_VALIDATION');
});

test('only prepared tasks can be validated; roles are checked', () => {
  assert.equal(code(bound(), { action: 'validate' }, bob), 'TASK_TRANSITION_NOT_ALLOWED');
  assert.equal(code(bound(), prepare, bob), 'TASK_ROLE_NOT_PERMITTED');
  const p = step(bound(), prepare, alice);
  assert.equal(code(p, { action: 'validate' }, { id: 'dave', roles: ['case-officer'] }), 'TASK_ROLE_NOT_PERMITTED');
  const v = step(p, { action: 'validate' }, bob);
  assert.equal(code(v, { action: 'validate' }, bob), 'TASK_TRANSITION_NOT_ALLOWED');
});

test('returned → prepared again → validated', () => {
  const r = step(step(bound(), prepare, alice), { action: 'return', reason: 'disagree on photo triangulation' }, bob);
  assert.equal(r.state, 'returned');
  assert.equal(code(r, { action: 'return', reason: ' ' }, bob), 'TASK_TRANSITION_NOT_ALLOWED');
  const again = step(r, { ...prepare, comments: 'Watched nod and blink recordings' }, alice);
  assert.equal(step(again, { action: 'validate' }, bob).state, 'validated');
});

test('preparing needs criteria that fit the task, a comment, and the recording named (BR-15)', () => {
  assert.equal(code(bound(), { ...prepare, criteria: [] }, alice), 'TASK_CRITERIA_REQUIRED');
  assert.equal(code(bound(), { ...prepare, comments: '' }, alice), 'TASK_COMMENT_REQUIRED');
  assert.equal(code(bound(), { ...prepare, comments: 'Looks fine' }, alice), 'TASK_LIVENESS_RECORDING_NOT_NAMED');
  const unique = createConfirmIdentityTasks('a', 'p', (k) => k)[0];
  assert.ok(unique);
  assert.equal(code(unique, prepare, alice), 'TASK_CRITERION_NOT_APPLICABLE');
  assert.equal(
    step(unique, { action: 'prepare', outcome: 'fail', criteria: ['inz-match'], comments: '1:N match' }, alice).outcome,
    'fail',
  );
  assert.deepEqual(challengesNamed("Watched 'shake' recording; NODDING ok"), ['nod', 'shake']);
});

test('escalate → expert resolves → open; validated task can be reopened (history kept)', () => {
  const e = step(bound(), { action: 'escalate', escalationId: 'esc-1' }, alice);
  assert.equal(e.state, 'escalated');
  assert.equal(code(e, prepare, alice), 'TASK_TRANSITION_NOT_ALLOWED');
  assert.equal(code(e, { action: 'resolve-escalation', decisionNote: 'ok' }, alice), 'TASK_ROLE_NOT_PERMITTED');
  const o = step(e, { action: 'resolve-escalation', decisionNote: 'identity proofing achieved' }, expert);
  assert.equal(o.state, 'open');
  const v = step(
    step(
      o,
      {
        action: 'prepare',
        outcome: 'pass',
        criteria: ['id-experts-group-decision'],
        comments: 'Group decision 2020-09-09',
      },
      alice,
    ),
    { action: 'validate' },
    bob,
  );
  const re = step(v, { action: 'reopen', reason: 'child turned 14' }, alice);
  assert.deepEqual([re.state, re.validatedBy, re.history.length], ['open', null, 5]);
  assert.equal(allValidated([re]), false);
});
