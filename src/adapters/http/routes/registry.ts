import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { errors } from '../../../app/errors.ts';
import { Readable } from 'node:stream';
import { REGISTRY_FILE_LIMIT_BYTES, csvRows } from '../../csv/registry-csv.ts';
import { ErrorSchema } from '../schemas/verification.ts';
import { SOURCE_CATALOGUE, inputName } from '../../../domain/verification/index.ts';

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
