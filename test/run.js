// Runs every test file under test/ with node's test runner and closes with "N passed, N failed".
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = findTests(join(root, 'test'))
  .map((f) => relative(root, f))
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
const tapFile = join(mkdtempSync(join(tmpdir(), 'pono-test-')), 'report.tap');
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    // A test that fails and leaves a handle open must not hang the run: every test has five minutes, and a
    // file's process ends when its tests have.
    '--test-timeout=300000', '--test-force-exit',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code) => {
  const tap = readFileSync(tapFile, 'utf8');
  const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  console.log(`${count('pass')} passed, ${count('fail') + count('cancelled')} failed`);
  process.exit(code ?? 1);
});
