// The README's tour runs as printed: every ```sh / ```bash block, in order, against a fresh server (fresh data
// folder, a free port, the embedded database, the demo account), except a block marked `<!-- illustrative … -->`;
// transcripts must print what the README shows. The reading and running are test/support/shell-tour.ts's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linePattern, runTour, tourSteps, unlabelledBlocks } from '../support/shell-tour.ts';

test(
  'the README tour runs as printed against a fresh server',
  { timeout: 290_000, skip: process.platform === 'win32' },
  async () => {
    const { steps, failures } = await runTour({ document: 'README.md', needs: 'a demo server', timeoutMs: 200_000 });
    assert.ok(steps.length > 10, 'the tour has its commands');
    assert.deepEqual(failures, [], failures.join('\n\n'));
  },
);

test('the tour reader: transcripts, bare commands, here-documents, illustrative blocks and varying words', () => {
  const markdown = [
    '<!-- illustrative -->',
    '```sh',
    'npm start',
    '```',
    '',
    '```sh',
    '# a comment',
    'echo one \\',
    '  two',
    '```',
    '',
    '```bash',
    "$ cat > f <<'END'",
    'x',
    'END',
    '$ echo $V',
    'ktioQ1th7',
    '',
    '```',
    '```js',
    'not shell',
    '```',
    '```',
    'npm start',
    '```',
  ].join('\n');
  assert.deepEqual(tourSteps(markdown), [
    { line: 8, command: 'echo one \\\n  two', expected: null },
    { line: 13, command: "cat > f <<'END'\nx\nEND", expected: [] },
    { line: 16, command: 'echo $V', expected: ['ktioQ1th7'] },
  ]);
  assert.deepEqual(unlabelledBlocks(markdown), [23]);
  assert.ok(linePattern('verification 6wQ2mJc1X: VERIFIED').test('verification abcdefghi: VERIFIED'));
  assert.ok(!linePattern('verification 6wQ2mJc1X: VERIFIED').test('verification abcdefghi: PENDING'));
  assert.ok(
    linePattern('{"requestId":"9c4d223d-bc90-4d0b-851e-3a68154e7187"}').test(
      '{"requestId":"00000000-1111-4222-8333-444444444444"}',
    ),
  );
  assert.ok(linePattern('presence: 2 lines in 0.0 s: 1 bad').test('presence: 2 lines in 1.25 s: 1 bad'));
  assert.ok(!linePattern('"totalDays":1827').test('"totalDays":1826'));
});
