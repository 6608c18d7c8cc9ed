// Operator registry files (CSV with a header row) read into header-keyed rows, for the HTTP upload and the CLI.
import { Transform, type Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { errors } from '../../app/errors.ts';

const CSV_OPTIONS = { columns: true, skip_empty_lines: true, trim: true, bom: true } as const;
/** The largest registry file one request may carry; it is read as a stream, never held whole. */
export const REGISTRY_FILE_LIMIT_BYTES = 256 * 1024 * 1024;

function malformed(error: unknown): Error {
  const line = (error as { lines?: number }).lines;
  return errors.invalid([
    { field: line ? `line ${line}` : '(csv)', message: error instanceof Error ? error.message : 'malformed CSV' },
  ]);
}

/** Parses CSV text with a header row into header-keyed rows; a malformed file is a 400 naming the line. */
export function parseCsv(text: string): Record<string, string>[] {
  try {
    return parse(text, CSV_OPTIONS) as Record<string, string>[];
  } catch (error) {
    throw malformed(error);
  }
}

/** The header-keyed rows of a CSV stream as they arrive; a malformed or oversized file is a 400. */
export async function* csvRows(
  body: Readable,
  limitBytes = REGISTRY_FILE_LIMIT_BYTES,
): AsyncGenerator<Record<string, string>> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limitBytes)
        callback(
          errors.invalid([
            {
              field: 'body',
              message: `the file is larger than ${limitBytes / 1024 / 1024} MB; split it and load the parts`,
            },
          ]),
        );
      else callback(null, chunk);
    },
  });
  body.on('error', (error) => limit.destroy(error));
  const parser = body.pipe(limit).pipe(parseStream(CSV_OPTIONS));
  limit.on('error', (error) => parser.destroy(error));
  try {
    for await (const row of parser) yield row as Record<string, string>;
  } catch (error) {
    throw (error as { statusCode?: number }).statusCode ? error : malformed(error);
  } finally {
    parser.destroy();
  }
}
