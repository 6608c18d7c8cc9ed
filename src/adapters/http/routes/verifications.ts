import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import { accountCredentials } from '../account-auth.ts';
import { errors } from '../../../app/errors.ts';
import {
  AdminOverrideBody,
  AssistedBody,
  CurrentStatusSchema,
  ExternalBody,
  InPersonBody,
  ListQuery,
  VerificationPageSchema,
  RegisterBody,
  SetFieldsBody,
  SourceParams,
  TokenParams,
  VerificationParams,
} from '../schemas/verification.ts';
import { failures } from '../schemas/errors.ts';
import { namedStatus, overallName } from '../named-results.ts';
import { FormsOutputsSchema } from '../schemas/forms.ts';
import type { Person } from '../../../domain/verification/index.ts';

const secured: { security: Record<string, string[]>[] } = { security: [{ account: [] }, { accountSession: [] }] };

function personFrom(body: RegisterBody, today: Date): Person {
  const [year, month, day] = body.dob.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getTime() > today.getTime()) {
    throw errors.invalid([{ field: 'dob', label: 'Date of birth', message: 'dob must be a real date in the past' }]);
  }
  return {
    ...body.name,
    dob: { day, month, year },
    ...(body.email ? { email: body.email } : {}),
    ...(body.currentResidentialAddress ? { currentResidentialAddress: body.currentResidentialAddress } : {}),
    ...(body.previousResidentialAddress ? { previousResidentialAddress: body.previousResidentialAddress } : {}),
    ...(body.homePhone ? { homePhone: body.homePhone } : {}),
    ...(body.workPhone ? { workPhone: body.workPhone } : {}),
    ...(body.mobilePhone ? { mobilePhone: body.mobilePhone } : {}),
  };
}

/** The verification REST API: the same use cases as the greenID SOAP endpoint, in JSON. */
export const verificationRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.verifications;

    app.post(
      '/verifications',
      {
        schema: {
          tags: ['verification'],
          summary: 'Register a verification and run its background sources',
          ...secured,
          body: RegisterBody,
          response: { 201: CurrentStatusSchema, ...failures },
        },
      },
      async (request, reply) => {
        const credentials = accountCredentials(request);
        const body = request.body;
        const status = await use.register(credentials, {
          ...(body.verificationId ? { verificationId: body.verificationId } : {}),
          ...(body.ruleId ? { ruleId: body.ruleId } : {}),
          person: personFrom(body, services.clock.now()),
          extraData: body.extraData ?? {},
          generateVerificationToken: body.generateVerificationToken ?? false,
        });
        return reply.status(201).send(namedStatus(status));
      },
    );

    app.get(
      '/verifications',
      {
        schema: {
          tags: ['verification'],
          summary: "The account's verifications, newest first (e.g. ?status=PENDING for the review queue)",
          ...secured,
          querystring: ListQuery,
          response: { 200: VerificationPageSchema, ...failures },
        },
      },
      async (request) => {
        const page = await use.list(accountCredentials(request), {
          limit: Number(request.query.limit ?? 50),
          ...(request.query.status ? { status: request.query.status } : {}),
          ...(request.query.before ? { before: request.query.before } : {}),
        });
        return {
          ...page,
          verifications: page.verifications.map((v) => ({ ...v, ...overallName(v.overallVerificationStatus) })),
        };
      },
    );

    app.get(
      '/verifications/:verificationId',
      {
        schema: {
          tags: ['verification'],
          summary: 'Read a verification',
          ...secured,
          params: VerificationParams,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) => namedStatus(await use.get(accountCredentials(request), request.params.verificationId)),
    );

    app.get(
      '/verifications/:verificationId/sources',
      {
        schema: {
          tags: ['verification'],
          summary: 'The sources that could still help',
          ...secured,
          params: VerificationParams,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) => namedStatus(await use.get(accountCredentials(request), request.params.verificationId)),
    );

    app.get(
      '/verifications/:verificationId/sources/:sourceId/fields',
      {
        schema: {
          tags: ['verification'],
          summary: "A source's input fields, pre-filled",
          ...secured,
          params: SourceParams,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(
          await use.getFields(accountCredentials(request), request.params.verificationId, request.params.sourceId),
        ),
    );

    app.post(
      '/verifications/:verificationId/sources/:sourceId',
      {
        schema: {
          tags: ['verification'],
          summary: 'Submit the fields of an interactive source and run it',
          ...secured,
          params: SourceParams,
          body: SetFieldsBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(
          await use.setFields(
            accountCredentials(request),
            request.params.verificationId,
            request.params.sourceId,
            request.body.fields,
          ),
        ),
    );

    app.post(
      '/verifications/:verificationId/sources/:sourceId/assisted',
      {
        schema: {
          tags: ['verification'],
          summary:
            "An administrator enters the person's data for an interactive source, the person present, and runs it (mode ASSISTED: the source is still queried)",
          ...secured,
          params: SourceParams,
          body: AssistedBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(
          await use.setFields(
            accountCredentials(request),
            request.params.verificationId,
            request.params.sourceId,
            request.body.fields,
            { adminEmail: request.body.adminEmail, comment: request.body.comment },
          ),
        ),
    );

    app.post(
      '/verifications/:verificationId/in-person-check',
      {
        schema: {
          tags: ['verification'],
          summary:
            'An administrator records an in-person check: the person showed an identity document at a counter (mode POSTOFFICE, method PP)',
          ...secured,
          params: VerificationParams,
          body: InPersonBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(await use.recordInPerson(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.post(
      '/verifications/:verificationId/external-check',
      {
        schema: {
          tags: ['verification'],
          summary: 'An administrator loads the result of a check made outside pono (mode EXTERNAL)',
          ...secured,
          params: VerificationParams,
          body: ExternalBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(await use.recordExternal(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.post(
      '/verifications/:verificationId/token',
      {
        schema: {
          tags: ['verification'],
          summary: 'Issue a verification token (40 hex, idle expiry 30 minutes)',
          ...secured,
          params: VerificationParams,
          response: { 201: Type.Object({ verificationToken: Type.String() }), ...failures },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ verificationToken: await use.getToken(accountCredentials(request), request.params.verificationId) }),
    );

    app.get(
      '/tokens/:token',
      {
        schema: {
          tags: ['verification'],
          summary: 'Read a verification by its token',
          ...secured,
          params: TokenParams,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) => namedStatus(await use.getByToken(accountCredentials(request), request.params.token)),
    );

    app.delete(
      '/tokens/:token',
      {
        schema: {
          tags: ['verification'],
          summary: 'Expire a verification token',
          ...secured,
          params: TokenParams,
          response: { 204: Type.Null(), ...failures },
        },
      },
      async (request, reply) => {
        await use.expireToken(accountCredentials(request), request.params.token);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/verifications/:verificationId/admin-override',
      {
        schema: {
          tags: ['verification'],
          summary: 'Mark a verification VERIFIED_ADMIN, recording comment, date and admin email',
          ...secured,
          params: VerificationParams,
          body: AdminOverrideBody,
          response: { 200: CurrentStatusSchema, ...failures },
        },
      },
      async (request) =>
        namedStatus(await use.adminOverride(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.get(
      '/verifications/:verificationId/outcome',
      {
        schema: {
          tags: ['verification'],
          summary:
            "The forms outcome: the identity verification service's outputs, with sourceVerifiedFlag and executionStatus of the latest call",
          ...secured,
          params: VerificationParams,
          response: { 200: FormsOutputsSchema, ...failures },
        },
      },
      (request) => services.forms.outcome(accountCredentials(request), request.params.verificationId),
    );
  };
