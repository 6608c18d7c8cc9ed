import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableProblems } from '../../../src/adapters/http/error-handler.ts';

test('a choice among literals reads as "must be one of", once per field', () => {
  const problems = readableProblems([
    { instancePath: '/criteria/0', keyword: 'const', message: 'must be equal to constant', params: { allowedValue: 'Liveness check' } },
    { instancePath: '/criteria/0', keyword: 'const', message: 'must be equal to constant', params: { allowedValue: 'INZ match' } },
    { instancePath: '/criteria/0', keyword: 'anyOf', message: 'must match a schema in anyOf', params: {} },
    { instancePath: '', keyword: 'required', message: "must have required property 'outcome'", params: { missingProperty: 'outcome' } },
    { instancePath: '/dob', keyword: 'format', message: 'must match format "date"', params: {} },
  ]);
  assert.deepEqual(problems, [
    { field: 'criteria.0', message: 'must be one of: "Liveness check", "INZ match"' },
    { field: 'outcome', message: "must have required property 'outcome'" },
    { field: 'dob', message: 'must match format "date"' },
  ]);
});
