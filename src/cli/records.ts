// `pono records load <file>` and `pono records generate` (SPEC P7; file layouts in docs/records.md).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Services } from '../app/services.ts';
import type { LoadResult } from '../app/records.ts';
import { generatePopulation } from '../domain/records/index.ts';
import { parseIsoDay } from '../domain/presence/index.ts';
import { csvHeader, csvRow, formatFromName, parseRecordsFile, type RecordsFormat } from '../adapters/records/files.ts';

function count(name: string) {
  return (value: string): number => {
    if (!/^[0-9]{1,9}$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number(value);
  };
}

type WithServices = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

/** The default "today" of generated data: fixed, so the same seed gives the same bytes on any day. */
export const DEFAULT_REFERENCE_DATE = '2024-06-30';

export interface GenerateOptions {
  people: number;
  seed: string;
  format: RecordsFormat;
  referenceDate: string;
}

/** Writes generated records to `out` in the format asked for, with backpressure. Does not end `out`. */
export async function writeGeneratedRecords(
  out: Writable,
  options: GenerateOptions,
  applicants?: Writable,
): Promise<number> {
  let buffer = options.format === 'csv' ? csvHeader() : options.format === 'json' ? '[\n' : '';
  let applicantBuffer = '';
  let count = 0;
  const write = async (stream: Writable, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const person of generatePopulation({
    seed: options.seed,
    size: options.people,
    referenceDate: options.referenceDate,
  })) {
    const r = person.record;
    if (options.format === 'csv') buffer += csvRow(r);
    else if (options.format === 'json') buffer += `${count === 0 ? '' : ',\n'}${JSON.stringify(r)}`;
    else buffer += `${JSON.stringify(r)}\n`;
    if (applicants) {
      applicantBuffer += `${JSON.stringify({ identityId: r.identity.identityId, scenario: person.scenario, applicant: person.applicant })}\n`;
    }
    count++;
    if (buffer.length >= 256 * 1024) {
      await write(out, buffer);
      buffer = '';
    }
    if (applicants && applicantBuffer.length >= 256 * 1024) {
      await write(applicants, applicantBuffer);
      applicantBuffer = '';
    }
  }
  if (options.format === 'json') buffer += count === 0 ? ']\n' : '\n]\n';
  await write(out, buffer);
  if (applicants) await write(applicants, applicantBuffer);
  return count;
}

export interface LoadFileOutcome {
  result: LoadResult | null;
  /** Human-readable problems, each naming where in the file. */
  messages: string[];
}

/** Reads a records file and loads it into the store: all records, or none when any is bad. */
export async function loadRecordsFile(
  records: { load(records: readonly unknown[]): Promise<LoadResult> },
  path: string,
  format?: RecordsFormat,
): Promise<LoadFileOutcome> {
  const kind = format ?? formatFromName(path);
  if (kind === null)
    return { result: null, messages: [`${path}: cannot tell the format from the name; pass --format json|ndjson|csv`] };
  const parsed = parseRecordsFile(await readFile(path, 'utf8'), kind);
  if (parsed.problems.length > 0)
    return { result: null, messages: parsed.problems.map((p) => `${path}: ${p.where}: ${p.message}`) };
  const result = await records.load(parsed.records);
  if (result.ok) return { result, messages: [] };
  return {
    result,
    messages: result.problems.map(
      (p) => `${path}: ${parsed.origins[p.index] ?? `record ${p.index + 1}`}: ${p.path || '(record)'} ${p.message}`,
    ),
  };
}

async function closeStream(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export function recordsCommands(program: Command, withServices: WithServices): void {
  const records = program
    .command('records')
    .description('immigration records: load files into the store, generate synthetic data');

  records
    .command('load')
    .description(
      'load immigration records (JSON array, NDJSON or CSV; see docs/records.md) into the store: all or nothing',
    )
    .argument('<file>', 'records file: .json (array or one record per line), .ndjson/.jsonl, or .csv')
    .addOption(
      new Option('--format <format>', 'file format when the name does not tell').choices(['json', 'ndjson', 'csv']),
    )
    .addHelpText(
      'after',
      '\nEvery record is checked first; if any is bad, each problem is printed naming its line or row and field, nothing is written, and the exit code is 1.\nA record whose identity id is already stored replaces it.',
    )
    .action(async (file: string, options: { format?: RecordsFormat }) => {
      const outcome = await withServices((services) => loadRecordsFile(services.records, file, options.format));
      if (outcome.result?.ok) {
        process.stdout.write(`loaded ${outcome.result.loaded} immigration records from ${file}\n`);
        return;
      }
      for (const message of outcome.messages) process.stderr.write(`${message}\n`);
      process.stderr.write('nothing was loaded\n');
      process.exitCode = 1;
    });

  records
    .command('generate')
    .description('write a synthetic immigration-records data set; the same options give the same bytes')
    .requiredOption('--people <n>', 'number of identities', count('--people'))
    .option('--seed <seed>', 'random seed', 'pono')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'json', 'csv']).default('ndjson'))
    .option(
      '--reference-date <date>',
      'the data set\'s "today" (YYYY-MM-DD): residence and travel fall before it',
      DEFAULT_REFERENCE_DATE,
    )
    .option(
      '--applicants <file>',
      "also write each person's applicant details (as they might type them) as NDJSON, for trying the match",
    )
    .action(
      async (options: {
        people: number;
        seed: string;
        output?: string;
        format: RecordsFormat;
        referenceDate: string;
        applicants?: string;
      }) => {
        if (Number.isNaN(parseIsoDay(options.referenceDate))) {
          process.stderr.write(`--reference-date must be a date YYYY-MM-DD, got ${options.referenceDate}\n`);
          process.exitCode = 2;
          return;
        }
        const out = options.output ? createWriteStream(options.output) : process.stdout;
        const applicants = options.applicants ? createWriteStream(options.applicants) : undefined;
        const count = await writeGeneratedRecords(
          out,
          { people: options.people, seed: options.seed, format: options.format, referenceDate: options.referenceDate },
          applicants,
        );
        if (options.output) await closeStream(out);
        if (applicants) await closeStream(applicants);
        if (options.output) process.stderr.write(`wrote ${count} immigration records to ${options.output}\n`);
      },
    );
}
