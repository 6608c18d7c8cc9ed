// Runs every test file under test/ with node's test runner and closes with "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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
// The whole run measures line coverage of src/ (V8's own, mapped to the TypeScript by c8) and holds it to a
// floor; a run of some files only (`node test/run.js presence`) reports it without the floor.
const COVERAGE_FLOOR = 90;
const coverageDir = process.env.PONO_COVERAGE === '0' ? undefined : mkdtempSync(join(tmpdir(), 'pono-coverage-'));
// The slowest files are named at the end, so that a run that grows slow says where.
const timesDir = mkdtempSync(join(tmpdir(), 'pono-test-times-'));
const timesFile = join(timesDir, 'times.tsv');
const FILES_REPORT = join(tmpdir(), 'pono-test-files.json');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    join(root, 'test', 'report-pipe.js'),
    '--test',
    '--test-concurrency=2',
    // A test that fails and leaves a handle open must not hang the run: every test (and each file as a whole) has ten minutes, and a
    // file's process ends when its tests have.
    '--test-timeout=600000',
    '--test-force-exit',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'test', 'file-times-reporter.js')}`,
    `--test-reporter-destination=${timesFile}`,
    ...files,
  ],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
    // Tests run the TypeScript sources (PONO_SOURCE, also in the pono processes they start), never a build that may be older.
    env: { ...process.env, PONO_SOURCE: '1', ...(coverageDir ? { NODE_V8_COVERAGE: coverageDir } : {}) },
  },
);
// The spec reporter's own summary ("ℹ pass 12", "ℹ fail 0" …) is read from its output as it passes.
const counts = { pass: 0, fail: 0, cancelled: 0, skipped: 0 };
let partial = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const match = /^ℹ (pass|fail|cancelled|skipped) (\d+)$/.exec(line);
    if (match) counts[match[1]] = Number(match[2]);
  }
});
/** c8's summary of the run's coverage; non-zero when the whole run falls under the floor. */
function reportCoverage() {
  if (!coverageDir) return 0;
  const check = filter.length === 0 ? ['--check-coverage', `--lines=${COVERAGE_FLOOR}`] : [];
  const c8 = join(root, 'node_modules', 'c8', 'bin', 'c8.js');
  const result = spawnSync(
    process.execPath,
    [
      c8,
      'report',
      '--temp-directory',
      coverageDir,
      '--reporter=text-summary',
      '--include=src/**',
      '--all',
      '--src=src',
      ...check,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  rmSync(coverageDir, { recursive: true, force: true });
  return result.status ?? 1;
}

/**
 * The ten files that took longest (each file runs in its own process, two at once), and what any file that
 * failed as a whole wrote to stderr last (such a failure names no test, and its cause is far up in the output).
 */
function reportFiles() {
  const lines = existsSync(timesFile) ? readFileSync(timesFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  rmSync(timesDir, { recursive: true, force: true });
  const events = lines.map((line) => JSON.parse(line)).map((row) => ({ ...row, file: relative(root, row.file) }));
  const testsIn = (file) => events.filter((event) => event.test !== undefined && event.file === file);
  const rows = events
    .filter((event) => event.ms !== undefined)
    .map((row) => ({ ...row, tests: testsIn(row.file).map((event) => event.test) }));
  for (const { file, stderr } of rows.filter((row) => row.stderr?.length > 0))
    console.log(`${file} failed; the last it wrote to stderr:\n${stderr.map((l) => `  ${l}`).join('')}`);
  rows.sort((a, b) => b.ms - a.ms);
  // Every file's time and the names of its tests, kept outside the checkout so that two runs can be compared.
  writeFileSync(
    FILES_REPORT,
    JSON.stringify(rows.map(({ file, ms, tests }) => ({ file, ms, count: tests.length, tests }))),
  );
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  console.log(`slowest test files (of ${rows.length}, ${Math.round(total / 1000)} s of file time in all):`);
  for (const row of rows.slice(0, 10)) console.log(`  ${String(Math.round(row.ms / 1000)).padStart(4)} s  ${row.file}`);
  console.log(`every file's time and tests: ${FILES_REPORT}`);
}

child.on('close', (code) => {
  reportFiles();
  const coverage = reportCoverage();
  // Skipped tests are counted apart from passed ones, so that a missing Debian package cannot hide tests.
  console.log(`${counts.pass} passed, ${counts.fail + counts.cancelled} failed, ${counts.skipped} skipped`);
  process.exit(code || coverage);
});
