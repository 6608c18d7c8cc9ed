import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
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
import { accountRoute } from './account-route.ts';
import { namedStatus, overallName } from '../named-results.ts';
import { FormsOutputsSchema } from '../schemas/forms.ts';
import type { Person } from '../../../domain/verification/index.ts';

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
    const tags = ['verification'];
    const read = async (request: FastifyRequest<{ Params: Static<typeof VerificationParams> }>) =>
      namedStatus(await use.get(accountCredentials(request), request.params.verificationId));

    app.post(
      '/verifications',
      accountRoute(
        tags,
        'Register a verification and run its background sources',
        { body: RegisterBody },
        { 201: CurrentStatusSchema },
      ),
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
      accountRoute(
        tags,
        "The account's verifications, newest first (e.g. ?status=PENDING for the review queue)",
        { querystring: ListQuery },
        { 200: VerificationPageSchema },
      ),
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
      accountRoute(tags, 'Read a verification', { params: VerificationParams }, { 200: CurrentStatusSchema }),
      read,
    );

    app.get(
      '/verifications/:verificationId/sources',
      accountRoute(
        tags,
        'The sources that could still help',
        { params: VerificationParams },
        { 200: CurrentStatusSchema },
      ),
      read,
    );

    app.get(
      '/verifications/:verificationId/sources/:sourceId/fields',
      accountRoute(tags, "A source's input fields, pre-filled", { params: SourceParams }, { 200: CurrentStatusSchema }),
      async (request) =>
        namedStatus(
          await use.getFields(accountCredentials(request), request.params.verificationId, request.params.sourceId),
        ),
    );

    app.post(
      '/verifications/:verificationId/sources/:sourceId',
      accountRoute(
        tags,
        'Submit the fields of an interactive source and run it',
        { params: SourceParams, body: SetFieldsBody },
        { 200: CurrentStatusSchema },
      ),
      async (request) => {
        const { verificationId, sourceId } = request.params;
        return namedStatus(
          await use.setFields(accountCredentials(request), verificationId, sourceId, request.body.fields),
        );
      },
    );

    app.post(
      '/verifications/:verificationId/sources/:sourceId/assisted',
      accountRoute(
        tags,
        "An administrator enters the person's data for an interactive source, the person present, and runs it (mode ASSISTED: the source is still queried)",
        { params: SourceParams, body: AssistedBody },
        { 200: CurrentStatusSchema },
      ),
      async (request) => {
        const { verificationId, sourceId } = request.params;
        const { fields, adminEmail, comment } = request.body;
        const credentials = accountCredentials(request);
        return namedStatus(await use.setFields(credentials, verificationId, sourceId, fields, { adminEmail, comment }));
      },
    );

    app.post(
      '/verifications/:verificationId/in-person-check',
      accountRoute(
        tags,
        'An administrator records an in-person check: the person showed an identity document at a counter (mode POSTOFFICE, method PP)',
        { params: VerificationParams, body: InPersonBody },
        { 200: CurrentStatusSchema },
      ),
      async (request) =>
        namedStatus(await use.recordInPerson(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.post(
      '/verifications/:verificationId/external-check',
      accountRoute(
        tags,
        'An administrator loads the result of a check made outside pono (mode EXTERNAL)',
        { params: VerificationParams, body: ExternalBody },
        { 200: CurrentStatusSchema },
      ),
      async (request) =>
        namedStatus(await use.recordExternal(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.post(
      '/verifications/:verificationId/token',
      accountRoute(
        tags,
        'Issue a verification token (40 hex, idle expiry 30 minutes)',
        { params: VerificationParams },
        { 201: Type.Object({ verificationToken: Type.String() }) },
      ),
      async (request, reply) =>
        reply
          .status(201)
          .send({ verificationToken: await use.getToken(accountCredentials(request), request.params.verificationId) }),
    );

    app.get(
      '/tokens/:token',
      accountRoute(tags, 'Read a verification by its token', { params: TokenParams }, { 200: CurrentStatusSchema }),
      async (request) => namedStatus(await use.getByToken(accountCredentials(request), request.params.token)),
    );

    app.delete(
      '/tokens/:token',
      accountRoute(tags, 'Expire a verification token', { params: TokenParams }, { 204: Type.Null() }),
      async (request, reply) => {
        await use.expireToken(accountCredentials(request), request.params.token);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/verifications/:verificationId/admin-override',
      accountRoute(
        tags,
        'Mark a verification VERIFIED_ADMIN, recording comment, date and admin email',
        { params: VerificationParams, body: AdminOverrideBody },
        { 200: CurrentStatusSchema },
      ),
      async (request) =>
        namedStatus(await use.adminOverride(accountCredentials(request), request.params.verificationId, request.body)),
    );

    app.get(
      '/verifications/:verificationId/outcome',
      accountRoute(
        tags,
        "The forms outcome: the identity verification service's outputs, with sourceVerifiedFlag and executionStatus of the latest call",
        { params: VerificationParams },
        { 200: FormsOutputsSchema },
      ),
      (request) => services.forms.outcome(accountCredentials(request), request.params.verificationId),
    );
  };
