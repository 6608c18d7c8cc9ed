import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { parse } from 'csv-parse/sync';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { errors } from '../../../app/errors.ts';
import { ErrorSchema } from '../schemas/verification.ts';
import { SOURCE_CATALOGUE, inputName } from '../../../domain/verification/index.ts';

/** Parses CSV text with a header row into header-keyed rows; a malformed file is a 400 naming the line. */
export function parseCsv(text: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw errors.invalid([{ field: line ? `line ${line}` : '(csv)', message: error instanceof Error ? error.message : 'malformed CSV' }]);
  }
}

const SourceSummary = Type.Object({
  sourceId: Type.String(),
  name: Type.String(),
  country: Type.String(),
  background: Type.Boolean(),
  interactive: Type.Boolean(),
  enabled: Type.Boolean(),
  fields: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), type: Type.String(), required: Type.Boolean() })),
});

/** The source catalogue of an account, and loading operator records into its registry sources. */
export const registryRoutes = (services: Services): FastifyPluginAsyncTypebox => async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get('/sources', {
    schema: { tags: ['verification'], summary: 'The source catalogue, with what this account has enabled', security: [{ account: [] }, { accountSession: [] }], response: { 200: Type.Object({ sources: Type.Array(SourceSummary) }), 401: ErrorSchema } },
  }, async (request) => {
    const account = await services.accounts.authenticate(accountCredentials(request));
    return {
      sources: SOURCE_CATALOGUE.map((source) => ({
        sourceId: source.sourceId,
        name: source.name,
        country: source.country,
        background: source.background,
        interactive: source.interactive,
        enabled: account.enabledSources.includes(source.sourceId),
        fields: source.fields.map((f) => ({ name: inputName(source.sourceId, f.field), label: f.label, type: f.type, required: f.required })),
      })),
    };
  });

  app.post('/registry/:sourceId/records', {
    schema: {
      tags: ['verification'],
      summary: 'Load records (CSV with a header row: surname, given name, dob, address columns) into a registry source',
      security: [{ account: [] }, { accountSession: [] }],
      consumes: ['text/csv'],
      params: Type.Object({ sourceId: Type.String({ minLength: 1, maxLength: 64 }) }),
      body: Type.String({ minLength: 1 }),
      response: { 201: Type.Object({ loaded: Type.Integer() }), 400: ErrorSchema, 401: ErrorSchema },
    },
  }, async (request, reply) => {
    const account = await services.accounts.authenticate(accountCredentials(request));
    const result = await services.registry.load(account.accountId, request.params.sourceId, parseCsv(request.body));
    return reply.status(201).send(result);
  });
};
