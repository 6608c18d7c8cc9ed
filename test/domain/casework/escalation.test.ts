import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  raiseEscalation,
  recordEscalationDecision,
  reviewDateFor,
  reviewQueue,
  type Escalation,
  type EscalationTemplate,
} from '../../../src/domain/casework/index.ts';

const template: EscalationTemplate = {
  applicationRef: 'NS5PYK',
  personId: 'p-jenna',
  personName: 'Jenna Jones',
  task: 'identity-is-bound',
  gridColumn: 6,
  evidence: { amsPhoto: false, overseasPassportImage: false, applicationPhoto: true, livenessTest: false },
  optionsTried: [],
  caseSummary: 'No AMS photo and no overseas passport image',
  recommendation: 'Accept with referee confirmation',
};
const alice = { id: 'alice', roles: ['case-officer' as const] };
const erin = { id: 'erin', roles: ['id-proofing-expert' as const] };

function raised(id: string, on: string): Escalation {
  const r = raiseEscalation(id, template, alice, on);
  assert.ok(r.ok);
  return r.value;
}

test('weekly review each Wednesday: next Wednesday after raising', () => {
  assert.equal(reviewDateFor('2020-09-01'), '2020-09-02'); // Tue → Wed
  assert.equal(reviewDateFor('2020-09-02'), '2020-09-09'); // Wed → next Wed
  assert.equal(reviewDateFor('2020-09-06'), '2020-09-09'); // Sun → Wed
});

test('raising needs the permission and a complete template', () => {
  const e = raised('e1', '2020-09-01');
  assert.deepEqual([e.status, e.reviewOn, e.decision], ['queued', '2020-09-02', null]);
  const noPerm = raiseEscalation('e2', template, erin, '2020-09-01');
  assert.equal(noPerm.ok ? '' : noPerm.error.code, 'ESCALATION_NOT_PERMITTED');
  const incomplete = raiseEscalation('e3', { ...template, caseSummary: '' }, alice, '2020-09-01');
  assert.equal(incomplete.ok ? '' : incomplete.error.code, 'ESCALATION_TEMPLATE_INCOMPLETE');
});

test('queue for a meeting holds queued entries due by then, oldest first', () => {
  const a = raised('a', '2020-09-01');
  const b = raised('b', '2020-08-31');
  const c = raised('c', '2020-09-03'); // next week
  assert.deepEqual(
    reviewQueue([a, b, c], '2020-09-02').map((e) => e.id),
    ['b', 'a'],
  );
  assert.deepEqual(
    reviewQueue([a, b, c], '2020-09-09').map((e) => e.id),
    ['b', 'a', 'c'],
  );
});

test('decision recorded by an expert at or after the meeting, once', () => {
  const e = raised('e1', '2020-09-01');
  const early = recordEscalationDecision(
    e,
    { outcome: 'identity-proofing-achieved', rationale: 'x' },
    erin,
    '2020-09-01',
  );
  assert.equal(early.ok ? '' : early.error.code, 'ESCALATION_BEFORE_REVIEW');
  const byOfficer = recordEscalationDecision(
    e,
    { outcome: 'identity-proofing-achieved', rationale: 'x' },
    alice,
    '2020-09-02',
  );
  assert.equal(byOfficer.ok ? '' : byOfficer.error.code, 'ESCALATION_NOT_PERMITTED');
  const selfDecide = recordEscalationDecision(
    e,
    { outcome: 'identity-proofing-achieved', rationale: 'x' },
    { id: 'alice', roles: ['id-proofing-expert'] },
    '2020-09-02',
  );
  assert.equal(selfDecide.ok ? '' : selfDecide.error.code, 'ESCALATION_SELF_DECISION');
  const noWhy = recordEscalationDecision(
    e,
    { outcome: 'identity-proofing-achieved', rationale: '' },
    erin,
    '2020-09-02',
  );
  assert.equal(noWhy.ok ? '' : noWhy.error.code, 'ESCALATION_RATIONALE_REQUIRED');
  const d = recordEscalationDecision(
    e,
    { outcome: 'further-evidence-required', rationale: 'need referee' },
    erin,
    '2020-09-02',
  );
  assert.ok(d.ok);
  assert.equal(d.value.decision?.decidedBy, 'erin');
  const twice = recordEscalationDecision(
    d.value,
    { outcome: 'identity-proofing-achieved', rationale: 'x' },
    erin,
    '2020-09-09',
  );
  assert.equal(twice.ok ? '' : twice.error.code, 'ESCALATION_NOT_QUEUED');
});
