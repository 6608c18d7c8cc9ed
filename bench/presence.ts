/**
 * bench presence: the presence batch ÷ (read + split into lines + JSON.parse) of the same file, compact and spaced.
 *
 * Two files of the same generated applicants (page-cached): compact, as JSON.stringify writes them, and the
 * same records with spaces after every colon and comma and the members of each object in another order (still
 * valid JSON). On each: the baseline is reading the file in 1 MiB chunks, cutting it into lines and JSON.parse
 * of every line (what any program must do to read it); the batch is runPresenceBatch end to end (read, scan or
 * parse, calculate, format, write the results). Each figure is the best of three interleaved rounds, after a
 * first round that is discarded. Ratio = batch ÷ baseline, worst of the two files; goal ≤ 1.0 on both. Also:
 * applicants per minute end to end through the CLI (`pono presence in -o out`, its own process, start-up
 * included), and peak RSS during the batch.
 *
 *   npm run bench -- presence [--people 200000] [--movements 20] [--seed bench]
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { machine, ROOT } from './support/load.ts';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isAscii } from 'node:buffer';
import { runPresenceBatch } from '../src/app/presence-batch.ts';
import { emptyScannedRequest, scanPresenceRequest } from '../src/domain/presence/index.ts';
import { generatePresenceRequests } from '../src/domain/records/generator.ts';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const people = Number(argument('people', '200000'));
const movements = Number(argument('movements', '20'));
const seed = argument('seed', 'bench');
const CHUNK = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'pono-bench-presence-'));
const compactPath = join(dir, 'applicants.ndjson');
const spacedPath = join(dir, 'applicants-spaced.ndjson');
const outputPath = join(dir, 'results.ndjson');

let peakRss = 0;
let sampling = false;
const sampler = setInterval(() => {
  if (sampling) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

/** The value as JSON with a space after every colon and comma and each object's members in reverse order. */
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .reverse()
      .map(([k, v]) => `"${k}": ${spaced(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

async function generate(path: string, write: (value: unknown) => string): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: CHUNK });
  let buffer = '';
  for (const request of generatePresenceRequests({ seed, count: people, movements })) {
    buffer += `${write(request)}\n`;
    if (buffer.length >= CHUNK) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

type Mode = 'read' | 'parse' | 'scan';

/** Reads and splits the file like the batch does; parses or scans each line when asked. */
async function scan(inputPath: string, mode: Mode): Promise<{ lines: number; scanned: number }> {
  let carry: Buffer | null = null;
  let lines = 0;
  let scanned = 0;
  let sink = 0;
  const request = emptyScannedRequest();
  const decode = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
  for await (const chunk of createReadStream(inputPath, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const last = chunk.lastIndexOf(10);
    if (last === -1) {
      carry = carry === null ? chunk : Buffer.concat([carry, chunk]);
      continue;
    }
    const region = carry === null ? chunk.subarray(0, last) : Buffer.concat([carry, chunk.subarray(0, last)]);
    carry = last + 1 < chunk.length ? chunk.subarray(last + 1) : null;
    if (mode === 'scan') {
      for (let from = 0; from <= region.length;) {
        const newline = region.indexOf(10, from);
        const end = newline === -1 ? region.length : newline;
        lines++;
        if (scanPresenceRequest(region, from, end, request)) scanned++;
        from = end + 1;
      }
      continue;
    }
    const text = decode(region);
    let from = 0;
    let newline = text.indexOf('\n');
    for (;;) {
      const line = newline === -1 ? text.slice(from) : text.slice(from, newline);
      lines++;
      if (mode === 'parse') sink += (JSON.parse(line) as { movements: unknown[] }).movements.length;
      else sink += line.length;
      if (newline === -1) break;
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  return { lines, scanned };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

interface Measured {
  baseline: number;
  batch: number;
  scan: number;
  scanned: number;
  counts: { lines: number; calculated: number; errors: number; eligible: number; withExceptions: number };
}

async function measure(inputPath: string): Promise<Measured> {
  const size = statSync(inputPath).size;
  const best: Measured = {
    baseline: Infinity,
    batch: Infinity,
    scan: Infinity,
    scanned: 0,
    counts: { lines: 0, calculated: 0, errors: 0, eligible: 0, withExceptions: 0 },
  };
  for (let round = 0; round < 4; round++) {
    const keep = round > 0; // the first round warms the page cache and the JIT; its times are discarded
    const [, baseline] = await timed(() => scan(inputPath, 'parse'));
    const [scanned, scanSeconds] = await timed(() => scan(inputPath, 'scan'));
    sampling = true;
    const [counts, batch] = await timed(() =>
      runPresenceBatch({
        input: createReadStream(inputPath, { highWaterMark: CHUNK }),
        output: createWriteStream(outputPath, { highWaterMark: CHUNK }),
        totalBytes: size,
      }),
    );
    sampling = false;
    if (!keep) continue;
    best.baseline = Math.min(best.baseline, baseline);
    best.scan = Math.min(best.scan, scanSeconds);
    best.batch = Math.min(best.batch, batch);
    best.scanned = scanned.scanned;
    best.counts = counts;
  }
  return best;
}

/** `pono presence` on the file in its own process, start-up included; applicants per minute. */
async function throughCli(inputPath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/pono.js'), 'presence', inputPath, '-o', outputPath], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pono presence exited with ${code}`);
  return (people / ((performance.now() - started) / 1000)) * 60;
}

try {
  console.log(`machine: ${machine()}; ${people.toLocaleString('en-NZ')} applicants × ~${movements} movements`);
  const [, generateSeconds] = await timed(async () => {
    await generate(compactPath, (value) => JSON.stringify(value));
    await generate(spacedPath, spaced);
  });
  console.log(
    `generated ${mb(statSync(compactPath).size)} compact and ${mb(statSync(spacedPath).size)} spaced NDJSON in ${generateSeconds.toFixed(1)} s`,
  );
  const ratios: number[] = [];
  for (const [name, path] of [
    ['compact', compactPath],
    ['spaced, other key order', spacedPath],
  ] as const) {
    const m = await measure(path);
    const ratio = m.batch / m.baseline;
    ratios.push(ratio);
    console.log(
      `${name}: read + split + JSON.parse ${m.baseline.toFixed(2)} s; batch ${m.batch.toFixed(2)} s (${Math.round((m.counts.lines / m.batch) * 60).toLocaleString('en-NZ')} applicants/min, ${m.counts.errors} errors); ` +
        `read + split + fast scan ${m.scan.toFixed(2)} s with ${m.scanned.toLocaleString('en-NZ')} of ${m.counts.lines.toLocaleString('en-NZ')} lines on the fast path; ratio ${ratio.toFixed(2)}`,
    );
  }
  console.log(`peak RSS during the batches: ${mb(peakRss)}`);
  console.log(
    `through the CLI (pono presence, own process, start-up included): ${Math.round(await throughCli(compactPath)).toLocaleString('en-NZ')} applicants per minute`,
  );
  console.log(
    `bench presence: ratio ${Math.max(...ratios).toFixed(2)} (goal <= 1.0; compact ${ratios[0]?.toFixed(2)}, spaced ${ratios[1]?.toFixed(2)})`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
