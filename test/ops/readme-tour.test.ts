// The README's tour runs as printed: every ```sh / ```bash block, in order, is run with bash against a fresh
// server (fresh data folder, a free port, the embedded database), except a block that an HTML comment
// `<!-- illustrative … -->` just before it marks as not meant to be run. A block written as a terminal
// transcript (`$ command` lines, each followed by what it prints) must print what the README shows; a word
// the README prints that mixes letters and digits (a generated id or reference) stands for any such word,
// and a duration (`0.0 s`) for any. A block of bare commands must run without error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

const root = resolve(import.meta.dirname, '..', '..');

export interface Step {
  /** Where the command starts in the README (1-based line), for messages. */
  line: number;
  command: string;
  /** What the README shows it printing; null for a bare command, which must only succeed. */
  expected: string[] | null;
}

/** Whether `text` is one or more whole shell commands (no open quote, here-document or trailing backslash). */
function complete(text: string): boolean {
  // bash only warns about a here-document still open at the end: any word from it means incomplete.
  const check = spawnSync('bash', ['-n'], { input: `${text}\n`, stdio: ['pipe', 'ignore', 'pipe'], encoding: 'utf8' });
  return check.status === 0 && check.stderr === '' && !text.endsWith('\\');
}

/** The README's runnable shell blocks, as steps in order. */
export function tourSteps(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash)\s*$/.test(lines[i] ?? '')) continue;
    let previous = i - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const illustrative = /^<!--\s*illustrative\b/.test(lines[previous] ?? '');
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    i = end;
    if (illustrative) continue;
    const body = lines.slice(start, end);
    const transcript = body.some((l) => l.startsWith('$ '));
    for (let j = 0; j < body.length; ) {
      const first = body[j] ?? '';
      if (!transcript && (first.trim() === '' || first.trim().startsWith('#'))) {
        j++;
        continue;
      }
      if (transcript && !first.startsWith('$ ')) throw new Error(`README line ${start + j + 1}: output without a command before it`);
      const commandLines = [transcript ? first.slice(2) : first];
      const line = start + j + 1;
      j++;
      while (!complete(commandLines.join('\n'))) {
        if (j >= body.length) throw new Error(`README line ${line}: the command does not end within its block`);
        commandLines.push(body[j] ?? '');
        j++;
      }
      let expected: string[] | null = null;
      if (transcript) {
        expected = [];
        while (j < body.length && !(body[j] ?? '').startsWith('$ ')) expected.push(body[j++] ?? '');
        while (expected.at(-1) === '') expected.pop();
      }
      steps.push({ line, command: commandLines.join('\n'), expected });
    }
  }
  return steps;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A printed line as a pattern: generated ids and durations vary from run to run. */
export function linePattern(expected: string): RegExp {
  let pattern = '';
  let rest = expected;
  const variable = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+\b|\b\d+\.\d+(?= s\b)/;
  for (let m = variable.exec(rest); m; m = variable.exec(rest)) {
    pattern += escape(rest.slice(0, m.index)) + (m[0].length === 36 && m[0].includes('-') ? '[0-9a-f-]{36}' : m[0].includes('.') ? '[0-9.]+' : '[A-Za-z0-9]+');
    rest = rest.slice(m.index + m[0].length);
  }
  return new RegExp(`^${pattern}${escape(rest)}$`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('the README tour runs as printed against a fresh server', { timeout: 240_000, skip: process.platform === 'win32' }, async () => {
  const steps = tourSteps(readFileSync(join(root, 'README.md'), 'utf8'));
  assert.ok(steps.length > 10, 'the tour has its commands');
  const home = mkdtempSync(join(tmpdir(), 'pono-tour-'));
  const dataDir = join(home, 'data');
  const outDir = join(home, '.out');
  mkdirSync(outDir);
  // A fresh clone: the examples are where the README says, and `npx pono` is this checkout's command.
  symlinkSync(join(root, 'examples'), join(home, 'examples'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PONO_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', PONO_DEMO: '1' };
  delete env.DATABASE_URL;
  delete env.PONO_ADMIN_EMAIL;
  delete env.PONO_ADMIN_PASSWORD;
  const log = openSync(join(home, 'server.log'), 'w');
  const server = spawn(process.execPath, [join(root, 'bin/pono.js'), 'serve'], { cwd: home, env, stdio: ['ignore', log, log] });
  closeSync(log);
  try {
    let up = false;
    for (let i = 0; i < 600 && !up; i++) {
      up = await fetch(`http://localhost:${port}/healthz`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(up, `the server started (${readFileSync(join(home, 'server.log'), 'utf8').slice(-2000)})`);

    const script = [
      'set -o pipefail',
      `npx() { if [ "$1" = pono ]; then shift; node ${JSON.stringify(join(root, 'bin/pono.js'))} "$@"; else command npx "$@"; fi; }`,
      ...steps.map((step, n) => {
        const command = step.command.replaceAll('localhost:8080', `localhost:${port}`);
        return `{ ${command}\n} > ${outDir}/${n} 2>&1; echo $? > ${outDir}/${n}.rc`;
      }),
    ].join('\n');
    writeFileSync(join(home, 'tour.sh'), script);
    const ran = spawn('bash', [join(home, 'tour.sh')], { cwd: home, env, stdio: 'ignore', timeout: 180_000 });
    const [code] = (await once(ran, 'exit')) as [number | null];
    assert.equal(code, 0, 'the tour script ran to its end');

    const failures: string[] = [];
    for (const [n, step] of steps.entries()) {
      const output = readFileSync(join(outDir, String(n)), 'utf8').replaceAll(`localhost:${port}`, 'localhost:8080');
      const rc = Number(readFileSync(join(outDir, `${n}.rc`), 'utf8'));
      const where = `README line ${step.line}: ${step.command.split('\n')[0]}`;
      if (step.expected === null) {
        if (rc !== 0) failures.push(`${where}\nfailed (exit ${rc}):\n${output}`);
        continue;
      }
      // Trailing spaces are not the README's to show (editors strip them).
      const printed = output.replace(/\n$/, '').split('\n').map((l) => l.trimEnd()).filter((l, _i, all) => !(all.length === 1 && l === ''));
      const expected = step.expected.map((l) => l.trimEnd());
      const same = printed.length === expected.length && expected.every((e, i) => linePattern(e).test(printed[i] ?? ''));
      if (!same) failures.push(`${where}\nprinted (exit ${rc}):\n${output}\nthe README shows:\n${expected.join('\n')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  rmSync(home, { recursive: true, force: true });
});

test('the tour reader: transcripts, bare commands, here-documents, illustrative blocks and varying words', () => {
  const markdown = [
    '<!-- illustrative -->', '```sh', 'npm start', '```', '',
    '```sh', '# a comment', 'echo one \\', '  two', '```', '',
    '```bash', "$ cat > f <<'END'", 'x', 'END', '$ echo $V', 'ktioQ1th7', '', '```',
    '```js', 'not shell', '```',
  ].join('\n');
  assert.deepEqual(tourSteps(markdown), [
    { line: 8, command: 'echo one \\\n  two', expected: null },
    { line: 13, command: "cat > f <<'END'\nx\nEND", expected: [] },
    { line: 16, command: 'echo $V', expected: ['ktioQ1th7'] },
  ]);
  assert.ok(linePattern('verification 6wQ2mJc1X: VERIFIED').test('verification abcdefghi: VERIFIED'));
  assert.ok(!linePattern('verification 6wQ2mJc1X: VERIFIED').test('verification abcdefghi: PENDING'));
  assert.ok(linePattern('{"requestId":"9c4d223d-bc90-4d0b-851e-3a68154e7187"}').test('{"requestId":"00000000-1111-4222-8333-444444444444"}'));
  assert.ok(linePattern('presence: 2 lines in 0.0 s: 1 bad').test('presence: 2 lines in 1.25 s: 1 bad'));
  assert.ok(!linePattern('"totalDays":1827').test('"totalDays":1826'));
});
