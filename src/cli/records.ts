// `pono records load <file>` and `pono records generate` (SPEC P7; file layouts in docs/records.md).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
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

/** The photo a record names (`identity.photo.ref`) when the record does not carry the image itself. */
function namedPhoto(record: unknown): { ref: string; content?: unknown } | null {
  if (typeof record !== 'object' || record === null) return null;
  const identity = (record as { identity?: unknown }).identity;
  if (typeof identity !== 'object' || identity === null) return null;
  const photo = (identity as { photo?: unknown }).photo;
  if (typeof photo !== 'object' || photo === null) return null;
  const ref = (photo as { ref?: unknown }).ref;
  return typeof ref === 'string' ? (photo as { ref: string; content?: unknown }) : null;
}

/**
 * Reads the AMS photo each record names from the photos directory and puts it into the record, as the API's
 * `identity.photo.content` (base64), so the store keeps it by its ref. The file is `<dir>/<ref>` (a ref like
 * `photos/12020466.jpg` beside the records file), or else `<dir>/<file name of ref>` (a directory of the photos
 * themselves). A ref that leaves the directory, or a photo that is not there, is a problem naming the record.
 */
async function withPhotos(
  records: unknown[],
  origins: string[],
  dir: string,
): Promise<{ records: unknown[]; problems: string[] }> {
  const root = resolve(dir);
  const inside = (path: string) => {
    const r = relative(root, path);
    return r !== '' && !r.startsWith('..') && !isAbsolute(r);
  };
  const problems: string[] = [];
  const out: unknown[] = [];
  for (const [index, record] of records.entries()) {
    const photo = namedPhoto(record);
    if (!photo || photo.content !== undefined) {
      out.push(record);
      continue;
    }
    const where = origins[index] ?? `record ${index + 1}`;
    const candidates = [resolve(root, photo.ref), join(root, basename(photo.ref))].filter(inside);
    if (candidates.length === 0) {
      problems.push(`${where}: /identity/photo/ref ${photo.ref} is outside the photos directory`);
      out.push(record);
      continue;
    }
    let content: Buffer | null = null;
    for (const candidate of candidates) {
      content = await readFile(candidate).catch(() => null);
      if (content) break;
    }
    if (!content) {
      problems.push(`${where}: /identity/photo/ref ${photo.ref} is not in the photos directory ${dir}`);
      out.push(record);
      continue;
    }
    const r = record as { identity: { photo: object } };
    out.push({
      ...r,
      identity: { ...r.identity, photo: { ...r.identity.photo, content: content.toString('base64') } },
    });
  }
  return { records: out, problems };
}

/**
 * Reads a records file and loads it into the store: all records, or none when any is bad. With `photosDir`, the
 * AMS photos the records name are read from that directory and loaded with them (a missing one is a problem).
 */
export async function loadRecordsFile(
  records: { load(records: readonly unknown[]): Promise<LoadResult> },
  path: string,
  format?: RecordsFormat,
  photosDir?: string,
): Promise<LoadFileOutcome> {
  const kind = format ?? formatFromName(path);
  if (kind === null)
    return { result: null, messages: [`${path}: cannot tell the format from the name; pass --format json|ndjson|csv`] };
  const parsed = parseRecordsFile(await readFile(path, 'utf8'), kind);
  if (parsed.problems.length > 0)
    return { result: null, messages: parsed.problems.map((p) => `${path}: ${p.where}: ${p.message}`) };
  if (photosDir !== undefined) {
    const photos = await withPhotos(parsed.records, parsed.origins, photosDir);
    if (photos.problems.length > 0)
      return { result: null, messages: photos.problems.map((message) => `${path}: ${message}`) };
    parsed.records = photos.records;
  }
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
    .option(
      '--photos <dir>',
      "load the AMS photos the records name (identity.photo.ref) from this directory: <dir>/<ref>, or <dir>/<the ref's file name>",
    )
    .addHelpText(
      'after',
      '\nEvery record is checked first; if any is bad, each problem is printed naming its line or row and field, nothing is written, and the exit code is 1.\nWith --photos, a photo a record names that is not in the directory is such a problem.\nA record whose identity id is already stored replaces it.',
    )
    .action(async (file: string, options: { format?: RecordsFormat; photos?: string }) => {
      const outcome = await withServices((services) =>
        loadRecordsFile(services.records, file, options.format, options.photos),
      );
      if (outcome.result?.ok) {
        const photos = options.photos ? ` with their photos from ${options.photos}` : '';
        process.stdout.write(`loaded ${outcome.result.loaded} immigration records from ${file}${photos}\n`);
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
