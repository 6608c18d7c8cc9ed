import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Readable, Transform } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { errors } from '../../../app/errors.ts';
import { ErrorSchema } from '../schemas/verification.ts';
import { SOURCE_CATALOGUE, inputName } from '../../../domain/verification/index.ts';

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

const SourceSummary = Type.Object({
  sourceId: Type.String(),
  name: Type.String(),
  country: Type.String(),
  background: Type.Boolean(),
  interactive: Type.Boolean(),
  enabled: Type.Boolean(),
  fields: Type.Array(
    Type.Object({ name: Type.String(), label: Type.String(), type: Type.String(), required: Type.Boolean() }),
  ),
});

/** The source catalogue of an account, and loading operator records into its registry sources. */
export const registryRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The file is handed to the use case as a stream of rows: a large file is neither buffered nor parsed at once.
    app.addContentTypeParser('text/csv', { bodyLimit: REGISTRY_FILE_LIMIT_BYTES }, (_request, payload, done) =>
      done(null, payload),
    );

    app.get(
      '/sources',
      {
        schema: {
          tags: ['verification'],
          summary: 'The source catalogue, with what this account has enabled',
          security: [{ account: [] }, { accountSession: [] }],
          response: { 200: Type.Object({ sources: Type.Array(SourceSummary) }), 401: ErrorSchema },
        },
      },
      async (request) => {
        const account = await services.accounts.authenticate(accountCredentials(request));
        return {
          sources: SOURCE_CATALOGUE.map((source) => ({
            sourceId: source.sourceId,
            name: source.name,
            country: source.country,
            background: source.background,
            interactive: source.interactive,
            enabled: account.enabledSources.includes(source.sourceId),
            fields: source.fields.map((f) => ({
              name: inputName(source.sourceId, f.field),
              label: f.label,
              type: f.type,
              required: f.required,
            })),
          })),
        };
      },
    );

    app.post(
      '/registry/:sourceId/records',
      {
        schema: {
          tags: ['verification'],
          summary:
            'Load records (CSV with a header row: surname, given name, dob, address columns) into a registry source',
          security: [{ account: [] }, { accountSession: [] }],
          consumes: ['text/csv'],
          params: Type.Object({ sourceId: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: Type.Unsafe<unknown>({ description: 'The CSV file, header row first (read as a stream)' }),
          response: { 201: Type.Object({ loaded: Type.Integer() }), 400: ErrorSchema, 401: ErrorSchema },
        },
      },
      async (request, reply) => {
        const account = await services.accounts.authenticate(accountCredentials(request));
        if (!(request.body instanceof Readable))
          throw errors.invalid([{ field: 'body', message: 'send the file as CSV text with Content-Type: text/csv' }]);
        const result = await services.registry.load(account.accountId, request.params.sourceId, csvRows(request.body));
        return reply.status(201).send(result);
      },
    );
  };
