// Applications, people, stage lifecycle, immigration records re-trigger, documents, liveness plan, proofing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { invalid } from '../../../../app/casework/actor.ts';
import { formParts } from '../../multipart.ts';
import { MAX_DOCUMENT_BYTES } from '../../../../app/casework/applications.ts';
import { officerActor } from './officer-auth.ts';
import {
  AmsImageBody,
  ApplicationPageQuery,
  ApplicationPageSchema,
  ApplicationSchema,
  DocumentParams,
  DocumentSchema,
  failures,
  LivenessPlanSchema,
  NewApplicationBody,
  NewPersonBody,
  PersonParams,
  PersonSchema,
  ProofingBody,
  ProofingDecisionSchema,
  RefParams,
  StageBody,
  SubmitBody,
  dto,
} from './schemas.ts';
import { officerCreateRoute, officerRoute, secured } from './officer-route.ts';

const tags = ['casework: applications'];

/** A list query with its limit as a number (query strings are text; the schema allows only 1–100). */
export function withLimit<Q extends { limit?: string }>(query: Q): Omit<Q, 'limit'> & { limit?: number } {
  const { limit, ...rest } = query;
  return limit === undefined ? rest : { ...rest, limit: Number(limit) };
}

export const applicationRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.casework.applications;
    const proofing = services.casework.proofing;
    const actor = (request: Parameters<typeof officerActor>[1]) => officerActor(services, request);

    app.post(
      '/applications',
      officerCreateRoute(
        tags,
        'Create an application (officer-entered)',
        { body: NewApplicationBody },
        ApplicationSchema,
      ),
      async (request, reply) => reply.status(201).send(await use.create(await actor(request), request.body)),
    );

    app.get(
      '/applications',
      officerRoute(
        tags,
        'Applications, newest first, in keyset pages (the same filters and orders as the work list)',
        { querystring: ApplicationPageQuery },
        ApplicationPageSchema,
      ),
      async (request) => services.casework.allocation.page(await actor(request), withLimit(request.query)),
    );

    app.get(
      '/applications/:ref',
      officerRoute(
        tags,
        'An application with its people, stage and INZ results',
        { params: RefParams },
        ApplicationSchema,
      ),
      async (request) => use.get(await actor(request), request.params.ref),
    );

    app.post(
      '/applications/:ref/people',
      officerCreateRoute(
        tags,
        'Add a person (applicant, consenting parent, secondary consent giver, child) and their three Confirm Identity tasks',
        { params: RefParams, body: NewPersonBody },
        PersonSchema,
      ),
      async (request, reply) =>
        reply.status(201).send(await use.addPerson(await actor(request), request.params.ref, request.body)),
    );

    app.post(
      '/applications/:ref/submit',
      officerRoute(
        tags,
        'Paid submission: stage "Submitted" and the immigration-records fetch, in one transaction',
        { params: RefParams, body: SubmitBody },
        ApplicationSchema,
      ),
      async (request) => use.submit(await actor(request), request.params.ref, request.body),
    );

    app.post(
      '/applications/:ref/stage',
      officerRoute(
        tags,
        'Move the stage by the lifecycle table (allocate, complete-and-correct-done, revert…, refer-for-decision, grant, decline, withdraw)',
        { params: RefParams, body: StageBody },
        ApplicationSchema,
      ),
      async (request) =>
        use.moveStage(await actor(request), request.params.ref, request.body.action, request.body.reason),
    );

    app.put(
      '/applications/:ref/ams-image',
      {
        // BR-09
        schema: {
          tags,
          summary:
            'Record whether the AMS image is present and usable (for applications submitted before 30 July 2020, liveness may replace it)',
          ...secured,
          params: RefParams,
          body: AmsImageBody,
          response: { 200: ApplicationSchema, ...failures },
        },
      },
      async (request) => use.setAmsImageUsable(await actor(request), request.params.ref, request.body.usable),
    );

    app.post(
      '/applications/:ref/records/refetch',
      {
        schema: {
          tags,
          summary: 'Re-trigger the immigration-records fetch (the calculation still uses the submission date)',
          ...secured,
          params: RefParams,
          response: { 202: ApplicationSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await use.refetchRecords(await actor(request), request.params.ref)),
    );

    // ---- Documents ----------------------------------------------------------------------------------------
    app.get(
      '/applications/:ref/documents',
      officerRoute(tags, 'Supporting documents', { params: RefParams }, Type.Array(DocumentSchema)),
      async (request) => use.documents(await actor(request), request.params.ref),
    );

    app.post(
      '/applications/:ref/documents',
      {
        schema: {
          tags,
          summary:
            'Upload a supporting document (multipart/form-data: fields kind, personId, documentType, providedAs, then file; JPEG, PNG or PDF)',
          consumes: ['multipart/form-data'],
          ...secured,
          params: RefParams,
          response: { 201: DocumentSchema, ...failures },
        },
      },
      async (request, reply) => {
        const who = await actor(request);
        if (!request.isMultipart()) throw invalid('(body)', 'send multipart/form-data');
        const fields: Record<string, string> = {};
        let file: { name: string; content: Buffer } | undefined;
        for await (const part of formParts(request, {
          limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 8 },
        })) {
          if (part.kind === 'file') {
            if (part.truncated) throw invalid('file', `the file is larger than ${MAX_DOCUMENT_BYTES} bytes`);
            file = { name: part.filename, content: part.content };
          } else {
            fields[part.fieldname] = part.value;
          }
        }
        if (!file) throw invalid('file', 'file is required');
        const doc = await use.uploadDocument(who, request.params.ref, {
          kind: fields.kind ?? '',
          personId: fields.personId || null,
          documentType: fields.documentType || null,
          providedAs: fields.providedAs || null,
          fileName: file.name,
          content: file.content,
        });
        return reply.status(201).send(doc);
      },
    );

    app.get(
      '/applications/:ref/documents/:documentId',
      {
        schema: {
          tags,
          summary: 'Download a supporting document (officers of a reading role only)',
          ...secured,
          params: DocumentParams,
          response: { 200: Type.Unknown({ description: 'the file' }), ...failures },
        },
      },
      async (request, reply) => {
        const { view, content } = await use.document(
          await actor(request),
          request.params.ref,
          request.params.documentId,
        );
        return reply
          .header('content-type', view.contentType)
          .header('content-disposition', `attachment; filename="${view.fileName.replace(/"/g, '')}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(content));
      },
    );

    // ---- Who gives liveness; identity proofing grid ---------------------------------------------------------
    app.get(
      '/applications/:ref/liveness',
      officerRoute(
        tags,
        'Who gives liveness and what to do next (and, for a child who turned 14 during processing, what the office policy says)',
        { params: RefParams },
        LivenessPlanSchema,
      ),
      async (request) => dto(await proofing.plan(await actor(request), request.params.ref)),
    );

    app.post(
      '/applications/:ref/liveness/apply-policy',
      officerRoute(
        tags,
        'Apply the child-turns-14 policy: revert to "Complete and Correct" and reopen "Identity is bound"',
        { params: RefParams },
        LivenessPlanSchema,
      ),
      async (request) => dto(await proofing.applyPolicy(await actor(request), request.params.ref)),
    );

    app.post(
      '/applications/:ref/people/:personId/proofing-decision',
      officerRoute(
        tags,
        'The identity proofing grid: achieved, options to offer, or escalate. The AMS photo (filed with the immigration records) and the liveness test (a satisfactory assessment on Identity is bound) are read from the file; the passport image and application photo may be stated',
        { params: PersonParams, body: ProofingBody },
        ProofingDecisionSchema,
      ),
      async (request) =>
        dto(
          await proofing.proofingDecision(
            await actor(request),
            request.params.ref,
            request.params.personId,
            request.body,
          ),
        ),
    );
  };
