// Every shell block of docs/ runs as printed, as the README's do (test/ops/readme-tour.test.ts): each document in
// order, in its own fresh folder, with what its commands need (below), except blocks marked
// `<!-- illustrative … -->`; transcripts must print what the document shows. No fenced block in the README or
// docs/ leaves its language unsaid, so no command hides in a block the tests take for a picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runTour, tourSteps, unlabelledBlocks, type TourOptions } from '../support/shell-tour.ts';

const documents = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`)
  .sort();

/** What a document's commands need; a document not listed here that has commands gets a demo server, as the README. */
const NEEDS: Record<string, TourOptions['needs']> = {
  // backup and restore of the embedded database, which want the server stopped and a folder with data in it
  'docs/operations.md': 'a data folder the demo filled',
};

test('no fenced block in the README or docs/ leaves its language unsaid', () => {
  const unlabelled = ['README.md', ...documents].flatMap((d) =>
    unlabelledBlocks(readFileSync(join(root, d), 'utf8')).map((line) => `${d} line ${line}`),
  );
  assert.deepEqual(unlabelled, []);
});

const runnable = documents.filter((d) => tourSteps(readFileSync(join(root, d), 'utf8')).length > 0);

test('the documents whose commands are shown running are found', () => {
  // A new document with shell blocks joins by itself.
  assert.ok(runnable.includes('docs/soap-clients.md') && runnable.includes('docs/operations.md'), runnable.join(', '));
});

// One after the other, each with its own time: each opens its own embedded database, which is what takes the time.
for (const document of runnable) {
  test(
    `every shell block of ${document} runs as printed`,
    { timeout: 290_000, skip: process.platform === 'win32' },
    async () => {
      const { failures } = await runTour({ document, needs: NEEDS[document] ?? 'a demo server', timeoutMs: 150_000 });
      assert.deepEqual(failures, [], failures.join('\n\n'));
    },
  );
}
