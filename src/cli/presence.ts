// `pono presence <in.ndjson> [-o out.ndjson]`: the presence calculation for a whole file of applicants
// (SPEC P3/P7), streamed through runPresenceBatch with bounded memory. A progress bar (lines, items/s, ETA)
// goes to standard error only when it is a terminal; results never mix with it.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { runPresenceBatch, type PresenceBatchCounts, type PresenceBatchProgress } from '../app/presence-batch.ts';

/** Bad lines named on standard error, at most. */
const MAX_REPORTED = 20;

/**
 * Passes the batch output through unchanged and reports its error records (`{"line":n,…,"errors":[…]}`)
 * on `report`, naming the line. Only blocks that contain an error record are split into lines.
 */
export class BadLineReporter extends Transform {
  reported = 0;

  constructor(private readonly report: (text: string) => void) {
    super({ decodeStrings: false, highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    // Most blocks hold no error record: look for one in the bytes before decoding the block.
    const hasErrors = this.reported <= MAX_REPORTED && chunk.includes('"errors":[');
    const text = hasErrors ? (typeof chunk === 'string' ? chunk : chunk.toString('utf8')) : '';
    if (hasErrors) {
      for (const line of text.split('\n')) {
        if (!line.includes('"errors":[')) continue;
        this.reported++;
        if (this.reported > MAX_REPORTED) {
          this.report('… more bad lines: see the "errors" records in the output\n');
          break;
        }
        try {
          const record = JSON.parse(line) as { line: number; errors: { path: string; message: string }[] };
          this.report(
            `line ${record.line}: ${record.errors.map((e) => `${e.path || '(line)'} ${e.message}`).join('; ')}\n`,
          );
        } catch {
          this.report(`${line}\n`);
        }
      }
    }
    callback(null, chunk);
  }
}

function summary(counts: PresenceBatchCounts, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-NZ');
  return (
    `presence: ${n(counts.lines)} lines in ${seconds.toFixed(1)} s: ${n(counts.calculated)} calculated ` +
    `(${n(counts.eligible)} eligible, ${n(counts.withExceptions)} with exceptions), ${n(counts.errors)} bad\n`
  );
}

export interface PresenceCommandOptions {
  output?: string;
  progress: boolean;
}

/** Runs the batch; returns the exit code (0 all lines calculated, 1 any line bad). */
export async function presenceFile(inputPath: string, options: PresenceCommandOptions): Promise<number> {
  let totalBytes: number;
  try {
    totalBytes = statSync(inputPath).size;
  } catch (error) {
    process.stderr.write(`cannot read ${inputPath}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const showBar = options.progress && process.stderr.isTTY;
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'presence |{bar}| {percentage}% | {items} lines | {rate} items/s | ETA {eta_formatted}',
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(Math.max(1, totalBytes), 0, { items: 0, rate: 0 });
  const onProgress = (p: PresenceBatchProgress) => {
    bar?.update(p.bytesRead, {
      items: p.items.toLocaleString('en-NZ'),
      rate: Math.round(p.itemsPerSecond).toLocaleString('en-NZ'),
    });
  };
  // With a bar on screen, a report clears the bar's line first; the bar redraws on its next update.
  const report = (text: string) => process.stderr.write(showBar ? `\r\x1b[K${text}` : text);

  const sink: Writable = options.output ? createWriteStream(options.output) : process.stdout;
  const reporter = new BadLineReporter(report);
  const piped = reporter.pipe(sink, { end: options.output !== undefined });
  const started = performance.now();
  const counts = await runPresenceBatch({
    input: createReadStream(inputPath, { highWaterMark: 1024 * 1024 }),
    output: reporter,
    totalBytes,
    onProgress,
    progressIntervalMs: 200,
    endOutput: true,
  });
  if (options.output) {
    await new Promise<void>((resolve, reject) => {
      if (piped.writableFinished) resolve();
      else {
        piped.once('finish', () => resolve());
        piped.once('error', reject);
      }
    });
  }
  bar?.update(totalBytes);
  bar?.stop();
  process.stderr.write(summary(counts, (performance.now() - started) / 1000));
  return counts.errors > 0 ? 1 : 0;
}

export function presenceCommand(program: Command): void {
  program
    .command('presence')
    .description(
      'calculate presence for every applicant in an NDJSON file (one POST /api/v1/presence/calculate request per line, plus an optional "id")',
    )
    .argument('<input>', 'NDJSON file of presence requests')
    .option(
      '-o, --output <file>',
      'write results here (NDJSON, one line per input line, in order) instead of standard output',
    )
    .option('--no-progress', 'no progress bar (it is only shown when standard error is a terminal anyway)')
    .addHelpText(
      'after',
      `
Each output line is {"line":n,"id":…,<the API's response>} or, for a line that cannot be calculated,
{"line":n,"id":…,"errors":[{"path":"/movements/3/date","message":"…"}]}. Bad lines are also named on
standard error; the rest of the file carries on.

Exit status: 0 when every line was calculated; 1 when any line was bad (the other lines are still
written, so scripts can tell a clean run from a partial one); 2 when the input cannot be read.`,
    )
    .action(async (input: string, options: PresenceCommandOptions) => {
      process.exitCode = await presenceFile(input, options);
    });
}
