import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor, can, CASEWORK_ACTIONS, OFFICER_ROLES, PERMISSIONS } from '../../../src/domain/casework/index.ts';

test('every action has at least one role and only known roles', () => {
  for (const a of CASEWORK_ACTIONS) {
    assert.ok(PERMISSIONS[a].length > 0, a);
    for (const r of PERMISSIONS[a]) assert.ok(OFFICER_ROLES.includes(r));
  }
});

test('permission table by example', () => {
  assert.equal(can('case-officer', 'task.prepare'), true);
  assert.equal(can('case-officer', 'task.validate'), false);
  assert.equal(can('validating-officer', 'task.validate'), true);
  assert.equal(can('case-officer', 'liveness-link.create'), true);
  assert.equal(can('case-officer', 'liveness-link.send'), true);
  assert.equal(can('validating-officer', 'liveness-link.copy-to-other-person'), false); // "Case Officers only"
  assert.equal(can('case-officer', 'escalation.raise'), true);
  assert.equal(can('case-officer', 'escalation.decide'), false);
  assert.equal(can('id-proofing-expert', 'escalation.decide'), true);
  assert.equal(can('case-officer', 'ceremony.record'), true);
  assert.equal(can('administrator', 'officers.manage'), true);
  assert.equal(can('administrator', 'audit.read'), true);
  assert.equal(can('case-officer', 'audit.read'), false);
  assert.equal(can('administrator', 'documents.read'), false);
  assert.equal(can('id-proofing-expert', 'documents.read'), true);
  assert.equal(can('case-officer', 'application.create'), true);
  assert.equal(can('case-officer', 'application.submit'), true);
  assert.equal(can('team-leader', 'work.reassign'), true);
  assert.equal(can('case-officer', 'work.reassign'), false);
  assert.equal(can('administrator', 'work.reassign'), false);
  assert.equal(can('team-leader', 'application.read'), true);
});

test('several roles: any one suffices; no roles can do nothing', () => {
  assert.equal(can(['administrator', 'validating-officer'], 'task.validate'), true);
  assert.equal(can([], 'application.read'), false);
  assert.deepEqual(actionsFor([]), []);
  assert.deepEqual(actionsFor('administrator'), [
    'audit.read',
    'officers.manage',
    'personal-data.export',
    'personal-data.erase',
  ]);
});
