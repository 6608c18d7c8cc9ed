// `pono presence <in.ndjson> -o out.ndjson` as a child process: one result per line in order, a malformed
// middle line named (in the output and on standard error) while the rest carry on, and the exit status.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pono-presence-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function pono(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin/pono.js'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const seed = {
  applicationDate: '2020-11-18',
  indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
  movements: [{ direction: 'arrival', date: '2014-11-08' }],
};

describe('pono presence', () => {
  it('writes one result per line; a malformed middle line is reported by line number, the rest continue, exit 1', async () => {
    writeFileSync(
      join(dir, 'in.ndjson'),
      [
        JSON.stringify({ id: 'first', ...seed }),
        '{"id":"broken", "applicationDate":',
        JSON.stringify({ id: 'last', ...seed }),
      ].join('\n'),
    );
    const result = await pono(['presence', 'in.ndjson', '-o', 'out.ndjson']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^line 2: \(line\) is not valid JSON/m);
    assert.match(result.stderr, /3 lines .*: 2 calculated \(2 eligible, 0 with exceptions\), 1 bad/);
    const lines = readFileSync(join(dir, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; id: string | null; totalDays?: number; errors?: unknown[] });
    assert.deepEqual(
      lines.map((l) => [l.line, l.id]),
      [
        [1, 'first'],
        [2, null],
        [3, 'last'],
      ],
    );
    assert.equal(lines[0]?.totalDays, 1827);
    assert.equal(lines[1]?.errors?.length, 1);
    assert.equal(lines[2]?.totalDays, 1827);
  });

  it('exit 0 when every line is calculated; results on standard output without -o; no progress bar when not a terminal', async () => {
    writeFileSync(
      join(dir, 'good.ndjson'),
      `${JSON.stringify({ id: 1, ...seed })}\n${JSON.stringify({ id: 2, ...seed, movements: [] })}\n`,
    );
    const result = await pono(['presence', 'good.ndjson']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; exceptions: { exception: string }[] });
    assert.deepEqual(
      lines.map((l) => l.id),
      [1, 2],
    );
    assert.deepEqual(
      lines[1]?.exceptions.map((e) => e.exception),
      ['No travel movements found'],
    );
    assert.doesNotMatch(result.stderr, /\|/);
  });

  it('exit 2 when the input cannot be read; --help documents the exit status', async () => {
    const [missing, help] = await Promise.all([pono(['presence', 'missing.ndjson']), pono(['presence', '--help'])]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read missing\.ndjson/);
    assert.match(help.stdout, /Exit status: 0 when every line was calculated; 1 when any line was bad/);
  });
});
