// The document check of a casework passport image (issue 15): run it, read its latest result.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { DocumentCaptureSchema } from '../../schemas/documents.ts';
import { officerActor } from './officer-auth.ts';
import { DocumentParams, dto, failures } from './schemas.ts';
import { officerRoute, secured } from './officer-route.ts';

const tags = ['casework: documents'];

const captureMembers = DocumentCaptureSchema.properties;
export const DocumentCheckSchema = Type.Object({
  documentId: Type.String(),
  checkedAt: Type.String({ format: 'date-time' }),
  checkedBy: Type.String({ description: 'the officer who ran the check' }),
  documentType: captureMembers.documentType,
  documentRegion: captureMembers.documentRegion,
  mrzValid: captureMembers.mrzValid,
  extracted: captureMembers.extracted,
  checks: captureMembers.checks,
  retake: captureMembers.retake,
  face: captureMembers.face,
  faceComparedWith: Type.Union([Type.Literal('LIVENESS_BEST_FRAME'), Type.Literal('APPLICATION_PHOTO'), Type.Null()], {
    description:
      "what the portrait was compared with: the best frame of the person's latest liveness attempt, else their application photo",
  }),
  record: Type.Array(
    Type.Object({
      field: Type.Union([Type.Literal('givenNames'), Type.Literal('familyName'), Type.Literal('dateOfBirth')]),
      recorded: Type.String(),
      extracted: Type.String(),
      matches: Type.Boolean(),
    }),
    { description: "the extracted details against the person's recorded ones" },
  ),
});

export const documentCheckRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.documentChecks;

    app.get(
      '/applications/:ref/documents/:documentId/check',
      {
        schema: {
          tags,
          summary: 'The latest document check of a passport image (null when it was never checked)',
          ...secured,
          params: DocumentParams,
          response: { 200: Type.Object({ check: Type.Union([DocumentCheckSchema, Type.Null()]) }), ...failures },
        },
      },
      async (request) => ({
        check: dto(
          await use.latest(await officerActor(services, request), request.params.ref, request.params.documentId),
        ),
      }),
    );

    app.post(
      '/applications/:ref/documents/:documentId/check',
      officerRoute(
        tags,
        "Run the document check on a passport image (the applicant's overseas passport, a consent giver's passport scan): MRZ, authenticity checks, the details read against the person's record, and the portrait against their liveness frame or photo",
        { params: DocumentParams },
        DocumentCheckSchema,
      ),
      async (request) =>
        dto(await use.run(await officerActor(services, request), request.params.ref, request.params.documentId)),
    );
  };
