import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  FIELD_STATUS_NAMES,
  METHOD_NAMES,
  MODE_NAMES,
  OVERALL_STATUS_NAMES,
  SOURCE_STATE_NAMES,
} from '../../../domain/verification/index.ts';
import { DOCUMENT_CHECK_NAMES } from '../../../domain/documents/authenticity.ts';

const Named = Type.Object({ code: Type.String(), name: Type.String(), description: Type.String() });
const NamedList = Type.Array(Named);

const list = (table: Readonly<Record<string, { name: string; description: string }>>) =>
  Object.entries(table).map(([code, { name, description }]) => ({ code, name, description }));

// Built once: the tables are constants.
const NAMES = {
  overallStatuses: list(OVERALL_STATUS_NAMES),
  sourceStates: list(SOURCE_STATE_NAMES),
  modes: list(MODE_NAMES),
  methods: list(METHOD_NAMES),
  fieldStatuses: list(FIELD_STATUS_NAMES),
  documentChecks: list(DOCUMENT_CHECK_NAMES),
};

/** The words behind every code a verification answer carries, so that answers need not repeat the meanings. */
export const referenceRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/v1/reference/names',
    {
      schema: {
        tags: ['verification'],
        summary: 'The name and meaning of every status, state, mode, method, field status and document check code',
        description:
          'Verification answers carry each code with its name; the meaning of each is listed here once. Public: no personal data.',
        response: {
          200: Type.Object({
            overallStatuses: NamedList,
            sourceStates: NamedList,
            modes: NamedList,
            methods: NamedList,
            fieldStatuses: NamedList,
            documentChecks: Type.Array(Named, {
              description: "a captured document's checks (Document Authenticity), each with what passing it means",
            }),
          }),
        },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(NAMES),
  );
};
