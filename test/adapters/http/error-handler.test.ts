import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readableProblems } from '../../../src/adapters/http/error-handler.ts';
import { DEMO_AUTH, startTestApp, type TestApp } from '../../support/app.ts';

test('a choice among literals reads as "must be one of", once per field; every message names its field', () => {
  const problems = readableProblems([
    {
      instancePath: '/criteria/0',
      keyword: 'const',
      message: 'must be equal to constant',
      params: { allowedValue: 'Liveness check' },
    },
    {
      instancePath: '/criteria/0',
      keyword: 'const',
      message: 'must be equal to constant',
      params: { allowedValue: 'INZ match' },
    },
    { instancePath: '/criteria/0', keyword: 'anyOf', message: 'must match a schema in anyOf', params: {} },
    {
      instancePath: '',
      keyword: 'required',
      message: "must have required property 'outcome'",
      params: { missingProperty: 'outcome' },
    },
    { instancePath: '/dob', keyword: 'format', message: 'must match format "date"', params: { format: 'date' } },
    {
      instancePath: '',
      keyword: 'additionalProperties',
      message: 'must NOT have additional properties',
      params: { additionalProperty: 'colour' },
    },
    {
      instancePath: '/name/surname',
      keyword: 'minLength',
      message: 'must NOT have fewer than 1 characters',
      params: { limit: 1 },
    },
    { instancePath: '', keyword: 'type', message: 'must be object', params: { type: 'object' } },
    {
      instancePath: '/limit',
      keyword: 'pattern',
      message: 'must match pattern',
      params: { pattern: '^[0-9]+$' },
      parentSchema: { type: 'string', description: 'page size, 1 to 500' },
    },
    {
      instancePath: '/verificationId',
      keyword: 'pattern',
      message: 'must match pattern',
      params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
    },
  ]);
  assert.deepEqual(problems, [
    { field: 'criteria.0', message: 'criteria.0 must be one of: "Liveness check", "INZ match"' },
    { field: 'outcome', message: 'outcome is required' },
    { field: 'dob', message: 'dob must be a date, YYYY-MM-DD' },
    { field: 'colour', message: 'colour is not a field of this request' },
    { field: 'name.surname', message: 'name.surname must not be empty' },
    { field: '(body)', message: 'the body must be an object' },
    { field: 'limit', message: 'limit is not in the expected form: page size, 1 to 500' },
    { field: 'verificationId', message: 'verificationId must match the pattern ^[A-Za-z0-9_-]{1,64}$' },
  ]);
});

interface ErrorAnswer {
  error: string;
  message: string;
  code: string;
  problems?: { field: string; message: string }[];
  requestId: string;
}

describe('one error shape', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { workJobs: false });
  });
  after(async () => t.close());

  const person = { ruleId: 'default', name: { givenName: 'Ana', surname: 'Shape' }, dob: '1990-01-01' };
  async function post(
    payload: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<{ status: number; body: ErrorAnswer }> {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: DEMO_AUTH, ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return { status: r.statusCode, body: r.json<ErrorAnswer>() };
  }

  test('a missing field, a malformed field and a date that is not real answer alike: 400, FieldValidationFault, the field named', async () => {
    const missing = await post({ ...person, dob: undefined });
    const malformed = await post({ ...person, dob: '1 May 1990' });
    const unreal = await post({ ...person, dob: '1990-02-30' });
    for (const { status, body } of [missing, malformed, unreal]) {
      assert.equal(status, 400);
      assert.deepEqual(Object.keys(body).sort(), ['code', 'error', 'message', 'problems', 'requestId']);
      assert.equal(body.error, 'invalid');
      assert.equal(body.code, 'FieldValidationFault');
      assert.match(body.message, /^Invalid input field\(s\) - /);
      assert.equal(body.problems?.[0]?.field, 'dob');
      assert.match(body.problems?.[0]?.message ?? '', /^dob /);
    }
    assert.equal(missing.body.message, 'Invalid input field(s) - dob');
    assert.equal(missing.body.problems?.[0]?.message, 'dob is required');
    assert.equal(malformed.body.problems?.[0]?.message, 'dob must be a date, YYYY-MM-DD');
  });

  test("every route's request and answer schemas compile (they are compiled on first use, not at start-up)", async () => {
    await t.app.ready();
    const compiled = t.app.compileAllSchemas();
    assert.ok(compiled > 100, `${compiled} schemas compiled`);
    assert.equal(t.app.compileAllSchemas(), 0, 'each is compiled once');
  });

  test("the API's own document speaks the office's language: no seed rule ids, line numbers or research ids", async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).body;
    assert.ok(document.length > 10_000);
    // The phrases around each reference, not the whole document: a diff of a document this size takes minutes.
    const references = [...document.matchAll(/.{0,60}(\bBR-\d|\(L\d{2,}|\bseed \d{3}\b|\bR1\d\b).{0,20}/g)].map(
      (m) => m[0],
    );
    assert.deepEqual([...new Set(references)], []);
  });

  test('a body without a content type, or with one not accepted, is a 415 in the same shape saying what to send', async () => {
    const none = await post(JSON.stringify(person), {});
    assert.equal(none.status, 415);
    assert.equal(none.body.code, 'CONTENT_TYPE_REQUIRED');
    assert.match(
      none.body.message,
      /no Content-Type header: send the body as JSON with the header Content-Type: application\/json/,
    );
    assert.ok(none.body.requestId);
    const text = await post(JSON.stringify(person), { 'content-type': 'text/plain' });
    assert.equal(text.status, 415);
    assert.equal(text.body.code, 'CONTENT_TYPE_NOT_ACCEPTED');
    assert.match(text.body.message, /^Content-Type text\/plain is not accepted here/);
    const broken = await post('{"dob":', { 'content-type': 'application/json' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'MALFORMED_JSON');
    assert.equal(broken.body.message, 'The body is not valid JSON');
  });
});
