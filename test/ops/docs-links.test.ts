// The README and docs/ link only to files that exist (images included), and name the job queue's schema as
// the code makes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

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

test("the README names the job queue's schema as the code makes it", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const code = readFileSync(join(root, 'src/adapters/jobs/job-queue.ts'), 'utf8');
  assert.match(code, /database\.schema === 'public' \? 'pono' : database\.schema\}_jobs/);
  assert.match(readme, /`<schema>_jobs` \(`pono_jobs` for `public`\)/);
});
