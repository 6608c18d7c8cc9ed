// The README and docs/ link only to files that exist (images included), and name the job queue's schema as
// the code makes it (pg_dump of a schema that does not exist dumps nothing, silently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { jobsSchemaFor } from '../../src/adapters/jobs/schema.ts';

const root = new URL('../../', import.meta.url).pathname;
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

test('every relative link in the README and docs/ leads to a file in the repository', () => {
  const broken: string[] = [];
  for (const document of documents) {
    const text = readFileSync(join(root, document), 'utf8');
    for (const match of text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
      const target = match[1] ?? '';
      if (/^[a-z]+:/i.test(target)) continue;
      if (!existsSync(normalize(join(root, dirname(document), target)))) broken.push(`${document} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test("the README and docs/operations.md name the job queue's schema as the code makes it", () => {
  assert.equal(jobsSchemaFor('public'), 'pono_jobs');
  assert.equal(jobsSchemaFor('tenant_a'), 'tenant_a_jobs');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.match(readme, /`<schema>_jobs` \(`pono_jobs` for `public`\)/);
  const operations = readFileSync(join(root, 'docs/operations.md'), 'utf8');
  assert.match(operations, /pg_dump [^\n]*--schema=public --schema=pono_jobs /);
});
