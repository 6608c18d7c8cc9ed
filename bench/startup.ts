/**
 * bench startup: start-up time and memory of the pono command run from its build against the same command run from the TypeScript sources through tsx.
 *
 * Each in its own process, alternating, `--runs` times after one discarded run of each: `pono --help` (the
 * CLI: wall time and peak RSS), `pono presence` of a 1,000-line file (a CLI that works), and `pono serve` on a
 * embedded database (made by the discarded run) until /healthz answers. Ratio = build ÷ sources, median `pono serve` time to ready;
 * goal ≤ 0.8.
 *
 *   npm run bench -- startup [--runs 5]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, option, ROOT } from './support/load.ts';

const RUNS = option('runs', 5);
const dir = mkdtempSync(join(tmpdir(), 'pono-bench-startup-'));
const request = {
  applicationDate: '2020-11-18',
  indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
  movements: [{ direction: 'arrival', date: '2014-11-08' }],
};
// One data folder for every `pono serve` (made and migrated by the discarded first run), so the time to ready is
// pono's own start-up, not the embedded database's first initialisation.
const dataDir = join(dir, 'data');
writeFileSync(
  join(dir, 'in.ndjson'),
  Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `p${i}`, ...request })).join('\n'),
);

type Mode = 'build' | 'sources';
const envOf = (mode: Mode): NodeJS.ProcessEnv => ({
  ...process.env,
  PONO_SOURCE: mode === 'sources' ? '1' : '0',
  LOG_LEVEL: 'warn',
});

/** Wall time (ms) of one command to its end. */
async function command(mode: Mode, args: string[]): Promise<{ ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/pono.js'), ...args], {
    cwd: dir,
    env: envOf(mode),
    stdio: 'ignore',
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`pono ${args.join(' ')} exited with ${code}`);
  return { ms };
}

/** Peak RSS of `pono --help`, read by the child itself at exit. */
async function helpRss(mode: Mode): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'))")}`,
      join(ROOT, 'bin/pono.js'),
      '--help',
    ],
    { cwd: dir, env: envOf(mode), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  await once(child, 'exit');
  return Number(/RSS (\d+)/.exec(err)?.[1] ?? NaN) / 1024;
}

async function serve(mode: Mode): Promise<number> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/pono.js'), 'serve'], {
    cwd: dir,
    env: { ...envOf(mode), PORT: String(port), HOST: '127.0.0.1', PONO_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pono serve exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return performance.now() - started;
      } catch {
        // not yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
try {
  const results = {
    build: { help: [] as number[], rss: [] as number[], presence: [] as number[], serve: [] as number[] },
    sources: { help: [] as number[], rss: [] as number[], presence: [] as number[], serve: [] as number[] },
  };
  for (let run = 0; run <= RUNS; run++) {
    for (const mode of run % 2 === 0 ? (['build', 'sources'] as const) : (['sources', 'build'] as const)) {
      const help = (await command(mode, ['--help'])).ms;
      const rss = await helpRss(mode);
      const presence = (await command(mode, ['presence', 'in.ndjson', '-o', 'out.ndjson'])).ms;
      const ready = await serve(mode);
      if (run === 0) continue; // discarded
      results[mode].help.push(help);
      results[mode].rss.push(rss);
      results[mode].presence.push(presence);
      results[mode].serve.push(ready);
    }
  }
  console.log(`machine: ${machine()}; medians of ${RUNS} runs after one discarded, build and sources alternating`);
  for (const mode of ['sources', 'build'] as const) {
    const r = results[mode];
    console.log(
      `${mode.padEnd(8)} pono --help ${median(r.help).toFixed(0)} ms, peak RSS ${median(r.rss).toFixed(0)} MB; pono presence (1,000 lines) ${median(r.presence).toFixed(0)} ms; pono serve ready ${median(r.serve).toFixed(0)} ms`,
    );
  }
  console.log(
    `bench startup: ratio ${(median(results.build.serve) / median(results.sources.serve)).toFixed(2)} (goal <= 0.8; pono --help ${(median(results.build.help) / median(results.sources.help)).toFixed(2)}, RSS ${(median(results.build.rss) / median(results.sources.rss)).toFixed(2)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
