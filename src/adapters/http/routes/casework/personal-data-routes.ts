// Subject access and erasure of one person's data (administrators; audited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { officerActor } from './officer-auth.ts';
import { PersonParams, ReasonBody, dto } from './schemas.ts';
import { officerRoute } from './officer-route.ts';

const tags = ['casework: personal data'];
const Instant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const Text = Type.Union([Type.String(), Type.Null()]);

const PersonalDataExport = Type.Object({
  exportedAt: Type.String({ format: 'date-time' }),
  person: Type.Object({
    personId: Type.String(),
    relationship: Type.String(),
    givenNames: Type.String(),
    familyName: Type.String(),
    dateOfBirth: Type.String(),
    gender: Text,
    countryOfBirth: Text,
    email: Text,
    citizenshipPersonNumber: Text,
    recordedAt: Instant,
    erasedAt: Instant,
  }),
  application: Type.Object({
    reference: Type.String(),
    applicationType: Type.String(),
    stage: Type.String(),
    submittedOn: Text,
  }),
  immigrationRecords: Type.Unknown({
    description: 'The immigration records summary filed on the application (applicant or child only)',
  }),
  identityTasks: Type.Array(
    Type.Object({
      taskId: Type.String(),
      kind: Type.String(),
      state: Type.String(),
      outcome: Text,
      criteria: Type.Unknown(),
      comments: Type.String(),
      supportingEvidence: Type.Unknown(),
      updatedAt: Instant,
    }),
  ),
  livenessLinks: Type.Array(
    Type.Object({
      linkId: Type.String(),
      relationship: Type.String(),
      email: Text,
      state: Type.String(),
      createdAt: Instant,
      sentAt: Instant,
      completedAt: Instant,
      expiredAt: Instant,
    }),
  ),
  livenessChecks: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      status: Type.String(),
      startedAt: Instant,
      completedAt: Instant,
      attempts: Type.Array(
        Type.Object({
          attempt: Type.Integer(),
          result: Text,
          liveness: Text,
          faceMatch: Text,
          reasons: Type.Unknown(),
          decidedAt: Instant,
          imagesHeld: Type.Integer(),
        }),
      ),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      documentId: Type.String(),
      kind: Type.String(),
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
      uploadedAt: Instant,
      contentBase64: Text,
    }),
  ),
  documentChecks: Type.Array(
    Type.Object({
      documentId: Type.String(),
      kind: Type.String(),
      fileName: Type.String(),
      checkedAt: Instant,
      checkedBy: Type.String(),
      faceComparedWith: Text,
      result: Type.Unknown({ description: 'the document check as the officer saw it (GET …/documents/{id}/check)' }),
    }),
    { description: 'the latest document check of each of the person’s passport images' },
  ),
  escalations: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  auditTrail: Type.Array(
    Type.Object({
      at: Instant,
      action: Type.String(),
      entity: Type.String(),
      entityId: Type.String(),
      actor: Type.String(),
    }),
  ),
});

const ErasureResultSchema = Type.Object({
  personId: Type.String(),
  erasedAt: Type.String({ format: 'date-time' }),
  removed: Type.Object({
    documents: Type.Integer(),
    documentChecks: Type.Integer(),
    images: Type.Integer(),
    sourcePhotos: Type.Integer(),
    emails: Type.Integer(),
    recordsSummary: Type.Boolean(),
  }),
  whatIsErased: Type.Array(Type.String()),
  whatIsKept: Type.Array(Type.String()),
});

export const personalDataRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const data = services.casework.personalData;
    const actor = (request: Parameters<typeof officerActor>[1]) => officerActor(services, request);

    app.get(
      '/applications/:ref/people/:personId/personal-data',
      officerRoute(
        tags,
        'Subject access: everything the office holds about a person, documents included (administrator; audited)',
        { params: PersonParams },
        PersonalDataExport,
      ),
      async (request, reply) => {
        const exported = await data.export(await actor(request), request.params.ref, request.params.personId);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="personal-data-${request.params.personId}.json"`)
          .send(exported);
      },
    );

    app.post(
      '/applications/:ref/people/:personId/personal-data/erasure',
      officerRoute(
        tags,
        "Erase a person's evidence and contact details after their application has closed (administrator; audited with the reason)",
        { params: PersonParams, body: ReasonBody },
        ErasureResultSchema,
      ),
      async (request) =>
        dto(await data.erase(await actor(request), request.params.ref, request.params.personId, request.body.reason)),
    );
  };
