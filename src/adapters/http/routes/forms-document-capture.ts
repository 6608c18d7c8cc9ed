// Document capture from the embedded component (seed 003 combination sources, issue 15): the person's photo of
// a document (and a selfie) and their confirmation of the details read, with a browser token, on the current
// verification of the token's transaction and role. The same use cases and checks as the account's own
// /verifications/{id}/documents calls; the answer adds seed 001's outputs for the component.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Account } from '../../../app/accounts.ts';
import type { Services } from '../../../app/services.ts';
import { namedCheck } from '../named-results.ts';
import { BusySchema, ErrorSchema } from '../schemas/errors.ts';
import { ConfirmBody, DocumentCaptureSchema } from '../schemas/documents.ts';
import { FormsOutputsSchema, RoleKey } from '../schemas/forms.ts';
import { CheckResultSchema } from '../schemas/verification.ts';
import { captureInput, confirmedDetails, MAX_DOCUMENT_IMAGE_BYTES } from './documents.ts';

type GrantFor = (request: FastifyRequest, accountId: string) => Promise<{ account: Account; trackingCode: string }>;

const ORIGIN = 'pono forms component';
const browser: { security: Record<string, string[]>[] } = { security: [{ browserToken: [] }] };
const AccountParams = Type.Object({ accountId: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }) });
const CaptureParams = Type.Object({
  accountId: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
  captureId: Type.String({ format: 'uuid' }),
});
const RoleQuery = Type.Object({ roleKey: Type.Optional(RoleKey) }, { additionalProperties: false });
const refusals = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 503: BusySchema };

export const ComponentConfirmationSchema = Type.Object({
  outputs: FormsOutputsSchema,
  checkResult: CheckResultSchema,
});

export const documentCaptureRoutes =
  (services: Services, grantFor: GrantFor): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['forms'];
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
    const verificationOf = async (request: FastifyRequest, accountId: string, roleKey: string | undefined) => {
      const grant = await grantFor(request, accountId);
      const verificationId = await services.forms.verificationOf(grant.account, grant.trackingCode, roleKey ?? '');
      return { caller: { authenticated: grant.account }, account: grant.account, verificationId };
    };

    app.get(
      '/forms/browser/:accountId/documents/settings',
      {
        schema: {
          tags,
          summary:
            "How the account captures documents, for the component's first step: whether it asks for a selfie (required), offers one (optional: as the form's page decides) or asks for none (off)",
          ...browser,
          params: AccountParams,
          response: {
            200: Type.Object({
              faceComparison: Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('off')]),
            }),
            401: ErrorSchema,
          },
        },
      },
      async (request) => {
        const grant = await grantFor(request, request.params.accountId);
        return { faceComparison: grant.account.faceComparison };
      },
    );

    app.post(
      '/forms/browser/:accountId/documents',
      {
        bodyLimit: 2 * MAX_DOCUMENT_IMAGE_BYTES + 64 * 1024,
        schema: {
          tags,
          summary:
            'The person\'s photo of an identity document from the component (multipart: file "document", optional file "selfie"), read as POST /verifications/{id}/documents reads it, on the current verification of the token\'s person',
          ...browser,
          params: AccountParams,
          querystring: RoleQuery,
          consumes: ['multipart/form-data'],
          response: { 201: DocumentCaptureSchema, ...refusals },
        },
      },
      async (request, reply) => {
        const { caller, verificationId } = await verificationOf(
          request,
          request.params.accountId,
          request.query.roleKey,
        );
        const view = await services.documents.capture(caller, verificationId, await captureInput(request, ORIGIN));
        return reply.status(201).send(view);
      },
    );

    app.post(
      '/forms/browser/:accountId/documents/:captureId/confirmation',
      {
        schema: {
          tags,
          summary:
            "The person's confirmed (or corrected) details of the captured document, from the component: the combination source's result and the form service's outputs",
          ...browser,
          params: CaptureParams,
          querystring: RoleQuery,
          body: ConfirmBody,
          response: { 200: ComponentConfirmationSchema, ...refusals },
        },
      },
      async (request) => {
        const { caller, account, verificationId } = await verificationOf(
          request,
          request.params.accountId,
          request.query.roleKey,
        );
        const status = await services.documents.confirm(
          caller,
          verificationId,
          request.params.captureId,
          confirmedDetails(request.body),
          ORIGIN,
        );
        const outputs = await services.forms.outcomeFor(account, verificationId);
        if (!status.checkResult) throw new Error('a confirmed capture always records a check result');
        return { outputs, checkResult: namedCheck(status.checkResult) };
      },
    );
  };
