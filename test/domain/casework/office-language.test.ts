// Refusals and explanations that reach officers speak the office's language: the rule in words and a stable
// code, never the seed's rule ids (BR-nn), line numbers (Lnnn), research ids (Rnn) or permission ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyStageAction,
  applyTaskCommand,
  CASEWORK_ACTIONS,
  createConfirmIdentityTasks,
  createLink,
  livenessResponsibility,
  notPermittedMessage,
  PARTY_EVIDENCE,
  STAGE_ACTIONS,
  STAGES,
  type OfficerRole,
} from '../../../src/domain/casework/index.ts';

const JARGON =
  /\bBR-\d|\bL\d{2,}|\bR\d{1,2}\b|seed|identityTasksValidated|ceremonyRecorded|revertReason|\b[a-z]+\.[a-z-]+\b|childTurns14Policy/;

function speaksPlainly(text: string): void {
  assert.doesNotMatch(text, JARGON, text);
}

test('a refused permission names the action and the roles in words, for every action', () => {
  for (const action of CASEWORK_ACTIONS) speaksPlainly(notPermittedMessage(action));
  assert.equal(
    notPermittedMessage('officers.manage'),
    'Your role does not allow you to manage officer accounts (needs the role: administrator)',
  );
  assert.match(notPermittedMessage('escalation.decide'), /needs the role: ID proofing expert\)$/);
});

test('every stage refusal (wrong stage, wrong actor, guard unmet) is in words', () => {
  const messages: string[] = [];
  for (const stage of STAGES) {
    for (const action of STAGE_ACTIONS) {
      for (const by of ['administrator', 'case-officer', 'validating-officer'] as OfficerRole[]) {
        const r = applyStageAction(stage, action, by, {});
        if (!r.ok) messages.push(r.error.message);
      }
    }
  }
  assert.ok(messages.length > 20);
  for (const m of messages) speaksPlainly(m);
  const guard = applyStageAction('complete-and-correct', 'complete-and-correct-done', 'case-officer');
  assert.ok(!guard.ok);
  assert.equal(guard.error.code, 'STAGE_GUARD_FAILED');
  assert.equal(
    guard.error.message,
    'Before you finish "Complete and Correct", every Confirm Identity task must be validated first',
  );
  const actor = applyStageAction('decision', 'grant', 'case-officer');
  assert.ok(!actor.ok);
  assert.equal(actor.error.message, 'Only a validating officer may grant the application');
});

test('task and link refusals are in words', () => {
  const [task] = createConfirmIdentityTasks('app', 'person', (kind) => kind);
  assert.ok(task);
  const r = applyTaskCommand(
    task,
    { action: 'prepare', outcome: 'pass', criteria: ['inz-match'], comments: 'ok' },
    { id: 'a', roles: ['validating-officer'] },
    '2024-01-01',
  );
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'TASK_ROLE_NOT_PERMITTED');
  speaksPlainly(r.error.message);
  const link = createLink(
    { id: 'l', applicationId: 'a', personId: ' ', relationship: 'Adult', email: 'a@example.org' },
    0,
  );
  assert.ok(!link.ok);
  speaksPlainly(link.error.message);
});

test('who gives liveness: every explanation is the rule in words', () => {
  for (const evidence of Object.values(PARTY_EVIDENCE)) speaksPlainly(evidence.rule);
  const cases = [
    {
      subjectDateOfBirth: '1980-01-01',
      submittedOn: '2019-01-01',
      processingOn: '2024-01-01',
      subjectCheckOnFile: false,
      amsImageUsable: false,
    },
    {
      subjectDateOfBirth: '1980-01-01',
      submittedOn: '2021-01-01',
      processingOn: '2024-01-01',
      subjectCheckOnFile: false,
      amsImageUsable: true,
    },
    {
      subjectDateOfBirth: '2015-01-01',
      submittedOn: '2021-01-01',
      processingOn: '2021-02-01',
      subjectCheckOnFile: false,
      amsImageUsable: true,
    },
    ...(['revert-and-send-own-link', 'carry-on', 'revert-without-new-evidence'] as const).map((childTurns14Policy) => ({
      subjectDateOfBirth: '2010-06-01',
      submittedOn: '2024-01-01',
      processingOn: '2024-07-01',
      subjectCheckOnFile: false,
      amsImageUsable: true,
      policy: { childTurns14Policy },
    })),
  ];
  for (const input of cases) speaksPlainly(livenessResponsibility(input).rule);
});
