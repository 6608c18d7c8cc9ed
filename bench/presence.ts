// Benchmark of the presence batch path (issue 5): applicants per minute, and the time spent beyond
// JSON.parse (reading, checking, calculating, writing) as a ratio of the JSON.parse time on the same input,
// measured in the same run. Goal: ratio ≤ 1.0, i.e. the calculation costs no more than parsing its input.
//
//   node --import tsx bench/presence.ts [--people 1000000] [--movements 20] [--seed bench]
//
// Ends with exactly one line `bench presence: ratio <x> (goal <= 1.0)`.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isAscii } from 'node:buffer';
import { runPresenceBatch } from '../src/app/presence-batch.ts';
import { generatePresenceRequests } from '../src/domain/records/generator.ts';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const people = Number(argument('people', '1000000'));
const movements = Number(argument('movements', '20'));
const seed = argument('seed', 'bench');
const CHUNK = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'pono-bench-presence-'));
const inputPath = join(dir, 'applicants.ndjson');
const outputPath = join(dir, 'results.ndjson');

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function generate(): Promise<void> {
  const out = createWriteStream(inputPath, { highWaterMark: CHUNK });
  let buffer = '';
  for (const request of generatePresenceRequests({ seed, count: people, movements })) {
    buffer += `${JSON.stringify(request)}\n`;
    if (buffer.length >= CHUNK) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Reads and splits the file like the batch does; parses each line when asked. Returns lines seen. */
async function scan(parse: boolean): Promise<number> {
  let carry: Buffer | null = null;
  let lines = 0;
  let sink = 0;
  const decode = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
  for await (const chunk of createReadStream(inputPath, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const last = chunk.lastIndexOf(10);
    if (last === -1) {
      carry = carry === null ? chunk : Buffer.concat([carry, chunk]);
      continue;
    }
    const region = chunk.subarray(0, last);
    const text = decode(carry === null ? region : Buffer.concat([carry, region]));
    carry = last + 1 < chunk.length ? chunk.subarray(last + 1) : null;
    let from = 0;
    let newline = text.indexOf('\n');
    for (;;) {
      const line = newline === -1 ? text.slice(from) : text.slice(from, newline);
      lines++;
      if (parse) sink += (JSON.parse(line) as { movements: unknown[] }).movements.length;
      else sink += line.length;
      if (newline === -1) break;
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
  }
  if (sink < 0) throw new Error('unreachable');
  return lines;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

try {
  console.log(`presence bench: ${people.toLocaleString('en-NZ')} applicants × ~${movements} movements, ${cpus().length} CPUs, Node ${process.version}`);
  const [, generateSeconds] = await timed(generate);
  const size = statSync(inputPath).size;
  console.log(`generated ${mb(size)} of NDJSON in ${generateSeconds.toFixed(1)} s`);

  await scan(false); // warm the page cache
  // Each measurement twice, best kept, to damp noise from the machine.
  let readSeconds = Infinity;
  let parseSeconds = Infinity;
  for (let round = 0; round < 2; round++) {
    readSeconds = Math.min(readSeconds, (await timed(() => scan(false)))[1]);
    parseSeconds = Math.min(parseSeconds, (await timed(() => scan(true)))[1]);
  }
  const jsonParseSeconds = Math.max(1e-9, parseSeconds - readSeconds);
  console.log(`read + split: ${readSeconds.toFixed(2)} s; read + split + JSON.parse: ${parseSeconds.toFixed(2)} s → JSON.parse alone ${jsonParseSeconds.toFixed(2)} s`);

  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  let batchSeconds = Infinity;
  let counts = { lines: 0, calculated: 0, errors: 0, eligible: 0, withExceptions: 0 };
  for (let round = 0; round < 2; round++) {
    const [result, seconds] = await timed(() =>
      runPresenceBatch({ input: createReadStream(inputPath, { highWaterMark: CHUNK }), output: createWriteStream(outputPath, { highWaterMark: CHUNK }), totalBytes: size }),
    );
    counts = result;
    batchSeconds = Math.min(batchSeconds, seconds);
  }
  const beyond = batchSeconds - jsonParseSeconds;
  const ratio = beyond / jsonParseSeconds;
  console.log(
    `batch: ${batchSeconds.toFixed(2)} s for ${counts.lines.toLocaleString('en-NZ')} lines (${counts.eligible.toLocaleString('en-NZ')} eligible, ${counts.withExceptions.toLocaleString('en-NZ')} with exceptions, ${counts.errors} errors), output ${mb(statSync(outputPath).size)}`,
  );
  console.log(`throughput: ${Math.round((counts.lines / batchSeconds) * 60).toLocaleString('en-NZ')} applicants per minute (goal 1,000,000 per minute)`);
  console.log(`time beyond JSON.parse (read, check, calculate, write): ${beyond.toFixed(2)} s`);
  console.log(`peak RSS during the batch: ${mb(peakRss)} (before: ${mb(rssBefore)}; process max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
  console.log(`bench presence: ratio ${ratio.toFixed(2)} (goal <= 1.0)`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
