/**
 * Runs a Markdown document's shell blocks as printed: every ```sh / ```bash block, in order, with bash, in a fresh
 * folder (a fresh clone: `examples/` where the README says, `npx pono` this checkout's command) with a fresh data
 * folder, against a fresh server on a free port when the document needs one — except a block that an HTML
 * comment `<!-- illustrative … -->` just before it marks as not meant to be run. A block written as a terminal
 * transcript (`$ command` lines, each followed by what it prints) must print what the document shows; a word it
 * prints that mixes letters and digits (a generated id or reference) stands for any such word, and a duration
 * (`0.0 s`) for any. A block of bare commands must run without error.
 * Used by test/ops/readme-tour.test.ts (README.md) and test/ops/docs-tour.test.ts (docs/).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
const PONO = join(root, 'bin/pono.js');

export interface Step {
  /** Where the command starts in the document (1-based line), for messages. */
  line: number;
  command: string;
  /** What the document shows it printing; null for a bare command, which must only succeed. */
  expected: string[] | null;
}

/** Whether `text` is one or more whole shell commands (no open quote, here-document or trailing backslash). */
function complete(text: string): boolean {
  // bash only warns about a here-document still open at the end: any word from it means incomplete.
  const check = spawnSync('bash', ['-n'], { input: `${text}\n`, stdio: ['pipe', 'ignore', 'pipe'], encoding: 'utf8' });
  return check.status === 0 && check.stderr === '' && !text.endsWith('\\');
}

/** A document's runnable shell blocks, as steps in order. */
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
    for (let j = 0; j < body.length;) {
      const first = body[j] ?? '';
      if (!transcript && (first.trim() === '' || first.trim().startsWith('#'))) {
        j++;
        continue;
      }
      if (transcript && !first.startsWith('$ '))
        throw new Error(`line ${start + j + 1}: output without a command before it`);
      const commandLines = [transcript ? first.slice(2) : first];
      const line = start + j + 1;
      j++;
      while (!complete(commandLines.join('\n'))) {
        if (j >= body.length) throw new Error(`line ${line}: the command does not end within its block`);
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

/** The fenced blocks that name no language (so a reader cannot tell a command from a picture), by line. */
export function unlabelledBlocks(markdown: string): number[] {
  const lines = markdown.split('\n');
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? '').startsWith('```')) continue;
    if (/^```\s*$/.test(lines[i] ?? '')) found.push(i + 1);
    i++;
    while (i < lines.length && !(lines[i] ?? '').startsWith('```')) i++;
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A printed line as a pattern: generated ids and durations vary from run to run. */
export function linePattern(expected: string): RegExp {
  let pattern = '';
  let rest = expected;
  const variable =
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+\b|\b\d+\.\d+(?= s\b)/;
  for (let m = variable.exec(rest); m; m = variable.exec(rest)) {
    pattern +=
      escape(rest.slice(0, m.index)) +
      (m[0].length === 36 && m[0].includes('-') ? '[0-9a-f-]{36}' : m[0].includes('.') ? '[0-9.]+' : '[A-Za-z0-9]+');
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

export interface TourOptions {
  /** The document, relative to the repository. */
  document: string;
  /** What the document's commands need before they start. */
  needs: 'a demo server' | 'a data folder the demo filled' | 'nothing';
  /** How long the commands may take together. */
  timeoutMs: number;
}

export interface TourResult {
  steps: Step[];
  /** One message per step that failed or printed something other than the document shows. */
  failures: string[];
}

/** Runs the document's steps as printed (see the top of this file) and reports what did not hold. */
export async function runTour({ document, needs, timeoutMs }: TourOptions): Promise<TourResult> {
  const steps = tourSteps(readFileSync(join(root, document), 'utf8'));
  const home = mkdtempSync(join(tmpdir(), 'pono-tour-'));
  const dataDir = join(home, 'data');
  const outDir = join(home, '.out');
  mkdirSync(outDir);
  symlinkSync(join(root, 'examples'), join(home, 'examples'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONO_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    PONO_DEMO: '1',
  };
  delete env.DATABASE_URL;
  delete env.PONO_ADMIN_EMAIL;
  delete env.PONO_ADMIN_PASSWORD;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    if (needs === 'a data folder the demo filled') {
      const demo = spawnSync(process.execPath, [PONO, 'demo'], { cwd: home, env, encoding: 'utf8', timeout: 150_000 });
      assert.equal(demo.status, 0, `pono demo filled the data folder: ${demo.stderr}`);
    }
    if (needs === 'a demo server') {
      const log = openSync(join(home, 'server.log'), 'w');
      server = spawn(process.execPath, [PONO, 'serve'], { cwd: home, env, stdio: ['ignore', log, log] });
      closeSync(log);
      let up = false;
      // A busy machine (the whole test run beside it) can take a minute and more to open the embedded database.
      for (let i = 0; i < 1200 && !up; i++) {
        up = await fetch(`http://localhost:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(up, `the server started (${readFileSync(join(home, 'server.log'), 'utf8').slice(-2000)})`);
    }

    const script = [
      'set -o pipefail',
      `npx() { if [ "$1" = pono ]; then shift; node ${JSON.stringify(PONO)} "$@"; else command npx "$@"; fi; }`,
      ...steps.map((step, n) => {
        const command = step.command.replaceAll('localhost:8080', `localhost:${port}`);
        return `{ ${command}\n} > ${outDir}/${n} 2>&1; echo $? > ${outDir}/${n}.rc`;
      }),
    ].join('\n');
    writeFileSync(join(home, 'tour.sh'), script);
    const ran = spawn('bash', [join(home, 'tour.sh')], { cwd: home, env, stdio: 'ignore', timeout: timeoutMs });
    const [code] = (await once(ran, 'exit')) as [number | null];
    assert.equal(code, 0, `${document}: the commands ran to their end`);

    const failures: string[] = [];
    for (const [n, step] of steps.entries()) {
      const output = readFileSync(join(outDir, String(n)), 'utf8').replaceAll(`localhost:${port}`, 'localhost:8080');
      const rc = Number(readFileSync(join(outDir, `${n}.rc`), 'utf8'));
      const where = `${document} line ${step.line}: ${step.command.split('\n')[0]}`;
      if (step.expected === null) {
        if (rc !== 0) failures.push(`${where}\nfailed (exit ${rc}):\n${output}`);
        continue;
      }
      // Trailing spaces are not the document's to show (editors strip them).
      const printed = output
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l, _i, all) => !(all.length === 1 && l === ''));
      const expected = step.expected.map((l) => l.trimEnd());
      const same =
        printed.length === expected.length && expected.every((e, i) => linePattern(e).test(printed[i] ?? ''));
      if (!same)
        failures.push(`${where}\nprinted (exit ${rc}):\n${output}\nthe document shows:\n${expected.join('\n')}`);
    }
    return { steps, failures };
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    rmSync(home, { recursive: true, force: true });
  }
}
