// The console's typed client is generated from the server's OpenAPI document: when a route or schema changes,
// the committed client must be regenerated (`npm run generate:api`) or this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, generatedApiTypes } from '../../scripts/api-client.ts';

test('the committed API client matches the server’s current OpenAPI document', async () => {
  const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
  const current = await generatedApiTypes();
  assert.ok(committed === current, 'web/console/src/api/schema.ts is stale: run `npm run generate:api` and commit it');
});
