// The JavaScript build that `npm start` and the pono command run (build/, made by `npm install` through the
// prepare script): it compiles, the command runs from it without tsx and answers exactly as the sources do, and
// the worker threads' entries load the compiled workers in a plain Node (no TypeScript loader). Without a build
// the command still runs, from the sources, and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

test(
  'pono runs from its build exactly as from the sources, and its workers load without tsx',
  { timeout: 600_000 },
  async () => {
    await run('npm', ['run', '-s', 'build:server'], { cwd: root });
    assert.ok(existsSync(join(root, 'build/cli/main.js')));
    assert.ok(existsSync(join(root, 'build/domain/liveness/calibration/human-faceres-cosine.json')));

    const dir = mkdtempSync(join(tmpdir(), 'pono-build-'));
    try {
      const request = {
        applicationDate: '2020-11-18',
        indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
        movements: [{ direction: 'arrival', date: '2014-11-08' }],
      };
      writeFileSync(
        join(dir, 'in.ndjson'),
        `${JSON.stringify({ id: 'a', ...request })}\n${JSON.stringify({ id: 'b', ...request, applicationDate: '2017-01-01' })}\n`,
      );
      const env = { ...process.env };
      delete env['PONO_SOURCE'];
      // A loader hook that refuses any TypeScript module: what runs under it runs from the build alone.
      const refuseTs = `data:text/javascript,${encodeURIComponent(
        "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.endsWith('.ts')) throw new Error('TypeScript loaded: ' + r.url); return r; }\"));",
      )}`;
      const built = await run(
        process.execPath,
        ['--import', refuseTs, join(root, 'bin/pono.js'), 'presence', 'in.ndjson', '-o', 'built.ndjson'],
        { cwd: dir, env },
      );
      const sources = await run(
        process.execPath,
        [join(root, 'bin/pono.js'), 'presence', 'in.ndjson', '-o', 'sources.ndjson'],
        { cwd: dir, env: { ...env, PONO_SOURCE: '1' } },
      );
      assert.equal(readFileSync(join(dir, 'built.ndjson'), 'utf8'), readFileSync(join(dir, 'sources.ndjson'), 'utf8'));
      assert.match(built.stderr, /2 lines .*: 2 calculated/);
      assert.equal(built.stderr.replace(/in [0-9.]+ s/, ''), sources.stderr.replace(/in [0-9.]+ s/, ''));
      await assert.rejects(
        run(
          process.execPath,
          ['--import', refuseTs, join(root, 'bin/pono.js'), 'presence', 'in.ndjson', '-o', 'x.ndjson'],
          { cwd: dir, env: { ...env, PONO_SOURCE: '1' } },
        ),
        /TypeScript loaded/,
        'the hook must refuse the sources, or it proves nothing',
      );

      const workers = await run(
        process.execPath,
        [
          '--import',
          refuseTs,
          '--input-type=module',
          '-e',
          [
            "const a = await import('./build/adapters/face/analysis-worker-entry.mjs');",
            "const d = await import('./build/adapters/documents/document-worker-entry.mjs');",
            'console.log(typeof a.default, typeof d.default);',
          ].join('\n'),
        ],
        { cwd: root, env },
      );
      assert.match(workers.stdout, /function function/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('without a build the pono command runs the sources and says so once; asked to run them, it says nothing', async () => {
  // The command in a tree of its own that has the sources and packages but no build/.
  const tree = mkdtempSync(join(tmpdir(), 'pono-unbuilt-'));
  try {
    mkdirSync(join(tree, 'bin'));
    copyFileSync(join(root, 'bin/pono.js'), join(tree, 'bin/pono.js'));
    copyFileSync(join(root, 'package.json'), join(tree, 'package.json'));
    for (const linked of ['src', 'node_modules']) symlinkSync(join(root, linked), join(tree, linked));
    const env = { ...process.env };
    delete env['PONO_SOURCE'];
    const unbuilt = await run(process.execPath, [join(tree, 'bin/pono.js'), '--help'], { cwd: tree, env });
    assert.match(unbuilt.stdout, /Usage: pono/);
    assert.deepEqual(
      unbuilt.stderr.split('\n').filter((line) => line.includes('build/')),
      [
        'pono: build/ is missing, so the TypeScript sources run through tsx (slower to start, more memory); `npm run build:server` builds it',
      ],
    );
    const asked = await run(process.execPath, [join(tree, 'bin/pono.js'), '--help'], {
      cwd: tree,
      env: { ...env, PONO_SOURCE: '1' },
    });
    assert.equal(asked.stdout, unbuilt.stdout);
    assert.doesNotMatch(asked.stderr, /build\//);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});

test('a build older than a source file still runs, and says that src/ has changed since it was made', async () => {
  // A tree whose build/ is the project's (linked) but for its own build stamp, and whose src/ holds one file.
  const tree = mkdtempSync(join(tmpdir(), 'pono-stale-'));
  try {
    for (const dir of ['bin', 'build', 'src']) mkdirSync(join(tree, dir));
    copyFileSync(join(root, 'bin/pono.js'), join(tree, 'bin/pono.js'));
    copyFileSync(join(root, 'package.json'), join(tree, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    for (const entry of readdirSync(join(root, 'build')))
      if (entry !== '.tsbuildinfo') symlinkSync(join(root, 'build', entry), join(tree, 'build', entry));
    const stamp = join(tree, 'build/.tsbuildinfo');
    const source = join(tree, 'src/edited.ts');
    writeFileSync(stamp, '{}');
    writeFileSync(source, 'export {};\n');
    const env = { ...process.env };
    delete env['PONO_SOURCE'];
    const help = () => run(process.execPath, [join(tree, 'bin/pono.js'), '--help'], { cwd: tree, env });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const twoHoursAgo = new Date(Date.now() - 7_200_000);

    utimesSync(stamp, hourAgo, hourAgo);
    const stale = await help();
    assert.match(stale.stdout, /Usage: pono/);
    assert.deepEqual(
      stale.stderr.split('\n').filter((line) => line.includes('build/')),
      [
        'pono: src/ has changed since build/ was made, so this runs the older build; `npm run build:server` brings it up to date',
      ],
    );

    utimesSync(source, twoHoursAgo, twoHoursAgo);
    const fresh = await help();
    assert.equal(fresh.stdout, stale.stdout);
    assert.doesNotMatch(fresh.stderr, /build\//);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});
