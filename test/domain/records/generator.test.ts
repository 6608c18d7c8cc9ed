import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import {
  generatePopulation,
  generatePresenceRequests,
  assessImmigrationRecords,
  ImmigrationRecordSchema,
  SCENARIO_WEIGHTS,
  type GeneratedPerson,
  type Scenario,
} from '../../../src/domain/records/index.ts';
import { parsePresenceRequest } from '../../../src/domain/presence/index.ts';

const population = (seed: string, size: number): GeneratedPerson[] => [
  ...generatePopulation({ seed, size, referenceDate: '2024-06-30' }),
];

describe('synthetic population generator', () => {
  it('same seed → same data; another seed → other data', () => {
    assert.deepEqual(population('pono', 300), population('pono', 300));
    assert.notDeepEqual(population('pono', 50), population('other', 50));
  });

  it('every record is valid against the model schema and every scenario occurs', () => {
    const people = population('coverage', 3000);
    assert.equal(people.length, 3000);
    const seen = new Set<Scenario>();
    for (const p of people) {
      assert.ok(
        Value.Check(ImmigrationRecordSchema, p.record),
        JSON.stringify([...Value.Errors(ImmigrationRecordSchema, p.record)][0]),
      );
      seen.add(p.scenario);
    }
    assert.deepEqual([...seen].sort(), Object.keys(SCENARIO_WEIGHTS).sort());
    assert.equal(new Set(people.map((p) => p.record.identity.clientId)).size, 3000);
    assert.ok(
      people.some((p) => /[āēīōū]/i.test(p.record.identity.givenNames + p.record.identity.familyName)),
      'macrons',
    );
    assert.ok(
      people.some((p) => /[üøłễç]/i.test(p.record.identity.familyName)),
      'diacritics',
    );
  });

  it('scenarios give the results they stand for when matched and assessed', () => {
    const people = population('scenarios', 2000);
    const candidates = people.map((p) => p.record);
    const tally = new Map<string, number>();
    for (const person of people) {
      // Block as a store would: same date of birth.
      const block = candidates.filter((r) => r.identity.dateOfBirth === person.applicant.dateOfBirth);
      const result = assessImmigrationRecords({
        applicant: person.applicant,
        search: { status: 'ok', candidates: block },
        submittedAt: '2024-07-01T10:00',
      });
      const key = `${person.scenario}:${result.kind}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      if (person.scenario === 'namesake') assert.equal(result.kind, '1:N', key);
      if (result.kind !== '1:1') continue;
      const exceptions = result.exceptions.map((e) => e.code);
      if (person.scenario === 'no photo') assert.ok(exceptions.includes('NO_IMAGE_RETURNED'));
      if (person.scenario === 'no movements') assert.ok(exceptions.includes('NO_TRAVEL_MOVEMENTS_FOUND'));
      if (person.scenario === 'consecutive movements')
        assert.ok(exceptions.includes('CONSECUTIVE_TRAVEL_MOVEMENTS_FOUND'));
      if (person.scenario === 'visitor only') assert.ok(exceptions.includes('NOT_ELIGIBLE_DUE_TO_VISA'));
      if (person.scenario === 'recent arrival') assert.ok(exceptions.includes('NOT_ELIGIBLE_VISA_PERIOD_TOO_SHORT'));
      if (person.scenario === 'resident') assert.equal(result.presence.eligible, true, JSON.stringify(result.presence));
      if (person.scenario === 'visa conditions') assert.equal(result.summary.presence, 'Conditions exist');
      if (person.scenario === 'alert') assert.equal(result.summary.alerts, 'Found');
    }
    // Most people are found 1:1 despite capitals and missing macrons.
    const oneToOne = [...tally].filter(([k]) => k.endsWith(':1:1')).reduce((s, [, n]) => s + n, 0);
    assert.ok(oneToOne > 1800, `1:1 for ${oneToOne} of 2000`);
  });

  it('presence batch lines: deterministic, valid, about 20 movements each', () => {
    const a = [...generatePresenceRequests({ seed: 'bench', count: 500 })];
    assert.deepEqual(a, [...generatePresenceRequests({ seed: 'bench', count: 500 })]);
    let movements = 0;
    for (const line of a) {
      const parsed = parsePresenceRequest(line, new Set(['id']));
      assert.ok(parsed.ok, JSON.stringify(line));
      movements += line.movements.length;
    }
    const average = movements / a.length;
    assert.ok(average > 17 && average < 22, `average ${average}`);
  });
});
