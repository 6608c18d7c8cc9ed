// Presence for a whole file of applicants (SPEC P3/P7 `pono presence <file>`): NDJSON in, NDJSON out.
//
// Input: one applicant per line, the public contract's request (`applicationDate`, `indefiniteStayPeriods`,
// `movements`, optional `options`) plus an optional `id` (string or number). Output: one line per
// non-blank input line, in order: `{"line":n,"id":…,<the contract's response members>}`, or for a line
// that cannot be calculated `{"line":n,"id":…,"errors":[{"path":"/movements/3/date","message":"…"}]}`.
// The rest of the file continues after a bad line.
//
// Memory stays bounded whatever the file size: the input is consumed chunk by chunk, output is written in
// ~256 KiB blocks and the next chunk is not read until the output has drained (backpressure). A line longer
// than `maxLineLength` characters is reported as an error without being held in memory.
//
// Speed (bench/presence.ts): a line in the plain shape of a request (compact or spaced, members in any order) is read straight
// from its bytes (scanPresenceRequest) and its result written as bytes (writePresenceResponseMembers); any
// other line, and every line that has a problem, goes through JSON.parse and parsePresenceRequest. Both paths
// give the same output, byte for byte.
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import {
  calculatePresence,
  parsePresenceRequest,
  presenceResponseMembers,
  resolvePresenceOptions,
  emptyScannedRequest,
  scanPresenceRequest,
  writeAscii,
  writeNumber,
  writePresenceResponseMembers,
  RESPONSE_MEMBERS_MAX_BYTES,
  type FieldError,
  type PresenceCalculation,
  type PresenceOptions,
} from '../domain/presence/index.ts';

export interface PresenceBatchProgress {
  /** Lines processed so far (results and errors). */
  items: number;
  bytesRead: number;
  /** Size of the input when known (a file), for the ETA. */
  totalBytes: number | null;
  elapsedSeconds: number;
  itemsPerSecond: number;
  /** Seconds left, estimated from the bytes still to read; null when the size is unknown. */
  etaSeconds: number | null;
  done: boolean;
}

export interface PresenceBatchCounts {
  /** Non-blank input lines. */
  lines: number;
  /** Lines calculated (whatever the outcome). */
  calculated: number;
  /** Lines refused (bad JSON or contract violation): each has an error record. */
  errors: number;
  eligible: number;
  /** Calculated lines that carry at least one exception. */
  withExceptions: number;
}

export interface PresenceBatchOptions {
  input: Readable;
  output: Writable;
  onProgress?: (progress: PresenceBatchProgress) => void;
  /** Minimum time between progress calls; default 250 ms. */
  progressIntervalMs?: number;
  totalBytes?: number;
  /** Conventions for lines that name no options of their own. */
  presenceOptions?: Partial<PresenceOptions>;
  /** End the output when done (default true; pass false for process.stdout). */
  endOutput?: boolean;
  /** Longest line accepted, in characters; default 1,048,576. */
  maxLineLength?: number;
}

const ID_KEY: ReadonlySet<string> = new Set(['id']);
const FLUSH_AT = 256 * 1024;
/** Room kept free for one more result: a fast-path line is at most a response plus its line and id. */
const LINE_ROOM = RESPONSE_MEMBERS_MAX_BYTES + 1024;
const BLOCK_SIZE = FLUSH_AT + LINE_ROOM;

function idJson(value: unknown): string | FieldError {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string' && value.length <= 200) return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return { path: '/id', message: 'must be a string of at most 200 characters or a number' };
}

function errorRecord(line: number, id: string, errors: readonly FieldError[]): string {
  return `{"line":${line},"id":${id},"errors":${JSON.stringify(errors)}}\n`;
}

/** Reads NDJSON applicants from `input`, writes one presence result per line to `output`. */
export async function runPresenceBatch(options: PresenceBatchOptions): Promise<PresenceBatchCounts> {
  const { input, output } = options;
  const defaults = resolvePresenceOptions(options.presenceOptions);
  const maxLineLength = options.maxLineLength ?? 1024 * 1024;
  const interval = options.progressIntervalMs ?? 250;
  const totalBytes = options.totalBytes ?? null;
  const counts: PresenceBatchCounts = { lines: 0, calculated: 0, errors: 0, eligible: 0, withExceptions: 0 };
  const started = performance.now();
  let lastProgress = started;
  let bytesRead = 0;
  let lineNumber = 0;
  let outputError: Error | null = null;
  const onError = (error: Error) => {
    outputError = error;
  };
  output.on('error', onError);

  const progress = (done: boolean) => {
    if (options.onProgress === undefined) return;
    const now = performance.now();
    const elapsedSeconds = (now - started) / 1000;
    const rate = elapsedSeconds > 0 ? bytesRead / elapsedSeconds : 0;
    options.onProgress({
      items: counts.lines,
      bytesRead,
      totalBytes,
      elapsedSeconds,
      itemsPerSecond: elapsedSeconds > 0 ? counts.lines / elapsedSeconds : 0,
      etaSeconds: done ? 0 : totalBytes !== null && rate > 0 ? Math.max(0, (totalBytes - bytesRead) / rate) : null,
      done,
    });
    lastProgress = now;
  };

  // Results go into a block of bytes that is handed to the output once it holds FLUSH_AT bytes (a new
  // block then: the stream keeps the old one until it is written).
  let block = Buffer.allocUnsafe(BLOCK_SIZE);
  let used = 0;

  const flush = async () => {
    if (outputError !== null) throw outputError;
    const full = block.subarray(0, used);
    block = Buffer.allocUnsafe(BLOCK_SIZE);
    used = 0;
    if (!output.write(full)) {
      await new Promise<void>((resolve, reject) => {
        const cleanup = () => {
          output.off('drain', onDrain);
          output.off('error', onFail);
          output.off('close', onDrain);
        };
        const onDrain = () => {
          cleanup();
          resolve();
        };
        const onFail = (error: Error) => {
          cleanup();
          reject(error);
        };
        output.once('drain', onDrain);
        output.once('error', onFail);
        output.once('close', onDrain);
      });
    }
    if (outputError !== null) throw outputError;
  };

  /** Appends a text result (the general path's), growing the block for an exceptionally long one. */
  const emit = (text: string) => {
    const size = Buffer.byteLength(text, 'utf8');
    if (used + size > block.length) {
      const larger = Buffer.allocUnsafe(used + size + LINE_ROOM);
      block.copy(larger, 0, 0, used);
      block = larger;
    }
    used += block.write(text, used, 'utf8');
  };

  const overLong = () => {
    lineNumber++;
    counts.lines++;
    counts.errors++;
    emit(errorRecord(lineNumber, 'null', [{ path: '', message: `line is longer than ${maxLineLength} characters` }]));
  };

  const count = (calculation: PresenceCalculation) => {
    counts.calculated++;
    if (calculation.eligible) counts.eligible++;
    if (calculation.exceptions.length > 0) counts.withExceptions++;
  };

  /** The general path: JSON.parse and the contract's parser, for any line the fast scanner declines. */
  const processText = (text: string): string => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      counts.errors++;
      return errorRecord(lineNumber, 'null', [
        { path: '', message: `is not valid JSON (${(error as Error).message})` },
      ]);
    }
    const id = typeof value === 'object' && value !== null ? idJson((value as { id?: unknown }).id) : 'null';
    const parsed = parsePresenceRequest(value, ID_KEY, defaults);
    if (typeof id !== 'string' || !parsed.ok) {
      counts.errors++;
      const errors = [...(typeof id === 'string' ? [] : [id]), ...(parsed.ok ? [] : parsed.errors)];
      return errorRecord(lineNumber, typeof id === 'string' ? id : 'null', errors);
    }
    const calculation = calculatePresence(parsed.value.input, parsed.value.options);
    count(calculation);
    return `{"line":${lineNumber},"id":${id},${presenceResponseMembers(calculation)}}\n`;
  };

  /** One input line, `bytes[start, end)` without its newline; its result is appended to the block. */
  const processLine = (bytes: Buffer, start: number, end: number) => {
    lineNumber++;
    while (start < end && (bytes[start] as number) <= 32) start++;
    while (end > start && (bytes[end - 1] as number) <= 32) end--;
    if (start === end) return;
    counts.lines++;
    if (!scanPresenceRequest(bytes, start, end, scanned)) {
      emit(processText(bytes.toString('utf8', start, end)));
      return;
    }
    const calculation = calculatePresence(scanned, defaults);
    count(calculation);
    // The same text as the general path's: {"line":n,"id":<id as in the input>,<members>}
    let p = writeAscii(block, used, '{"line":');
    p = writeNumber(block, p, lineNumber);
    p = writeAscii(block, p, ',"id":');
    p = scanned.idStart < 0 ? writeAscii(block, p, 'null') : p + bytes.copy(block, p, scanned.idStart, scanned.idEnd);
    block[p++] = 0x2c;
    p = writePresenceResponseMembers(calculation, block, p);
    block[p++] = 0x7d;
    block[p++] = 0x0a;
    used = p;
  };

  // Lines are cut at byte level (a newline byte never occurs inside a UTF-8 sequence). Most lines are read
  // straight from their bytes by the fast scanner; the others are decoded as UTF-8 and parsed in full.
  const scanned = emptyScannedRequest();
  let carry: Buffer | null = null; // bytes of an unfinished line
  let skipping = false; // inside an over-long line
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const fresh = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytesRead += fresh.length;
    const last = fresh.lastIndexOf(10);
    if (last === -1) {
      if (skipping) continue;
      carry = carry === null ? fresh : Buffer.concat([carry, fresh]);
      if (carry.length > maxLineLength) {
        overLong();
        carry = null;
        skipping = true;
      }
    } else {
      let from = 0;
      if (skipping) {
        // The over-long line ends at this chunk's first newline.
        from = fresh.indexOf(10) + 1;
        skipping = false;
      } else if (carry !== null) {
        const newline = fresh.indexOf(10);
        const joined = Buffer.concat([carry, fresh.subarray(0, newline)]);
        processLine(joined, 0, joined.length);
        from = newline + 1;
      }
      while (from <= last) {
        const newline = fresh.indexOf(10, from);
        processLine(fresh, from, newline);
        if (used >= FLUSH_AT) await flush();
        from = newline + 1;
      }
      carry = last + 1 < fresh.length ? fresh.subarray(last + 1) : null;
    }
    if (used > 0) await flush();
    if (options.onProgress !== undefined && performance.now() - lastProgress >= interval) progress(false);
  }
  if (!skipping && carry !== null && carry.length > 0) processLine(carry, 0, carry.length);
  if (used > 0) await flush();
  if (options.endOutput ?? true) {
    await new Promise<void>((resolve, reject) => {
      output.once('error', reject);
      output.end(() => resolve());
    });
  }
  output.off('error', onError);
  progress(true);
  return counts;
}
