// Console sign-in (session cookie), officer accounts and API tokens.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { AppError } from '../../../../app/errors.ts';
import { clearSessionCookie, officerActor, readCookie, SESSION_COOKIE, setSessionCookie } from './officer-auth.ts';
import { cookiePolicy } from '../../cookies.ts';
import {
  failures,
  NewOfficerBody,
  NewTokenBody,
  OfficerChangeBody,
  OfficerParams,
  OfficerSchema,
  SignInBody,
} from './schemas.ts';
import { officerCreateRoute, officerRoute, secured } from './officer-route.ts';

const tags = ['casework: officers'];

export const officerRoutes =
  (services: Services, publicUrl?: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    const officers = services.casework.officers;
    const cookies = cookiePolicy(publicUrl);

    app.post(
      '/session',
      {
        schema: {
          tags,
          summary: 'Sign in to the console: sets a Secure, HttpOnly, SameSite=Strict session cookie',
          body: SignInBody,
          response: { 200: Type.Object({ officer: OfficerSchema, expiresAt: Type.String() }), ...failures },
        },
        // Wrong passwords lock per email and per address in PostgreSQL (Officers.signIn); this per-process limit only
        // sheds floods (the body is parsed by then: hook preHandler), keyed on the email as it is signed in.
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            keyGenerator: (request) =>
              `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '')
                .trim()
                .toLowerCase()}`,
          },
        },
      },
      async (request, reply) => {
        const { token, officer, expiresAt } = await officers.signIn(
          request.body.email,
          request.body.password,
          request.ip,
        );
        setSessionCookie(reply, token, cookies.secure(request));
        void reply.header('cache-control', 'no-store');
        return { officer, expiresAt: expiresAt.toISOString() };
      },
    );

    app.get(
      '/session',
      {
        schema: {
          tags,
          summary: 'The signed-in officer',
          ...secured,
          response: { 200: Type.Object({ officer: OfficerSchema }), ...failures },
        },
      },
      async (request) => {
        const actor = await officerActor(services, request);
        const officer = await officers.find(actor.officerId);
        if (!officer) throw new AppError('unauthenticated', 'Sign in', 'UNAUTHENTICATED');
        return { officer };
      },
    );

    app.delete(
      '/session',
      {
        schema: { tags, summary: 'Sign out', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const token = readCookie(request, SESSION_COOKIE);
        if (token) await officers.signOut(token);
        clearSessionCookie(reply, cookies.secure(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/officers',
      officerCreateRoute(tags, 'Create an officer (administrator)', { body: NewOfficerBody }, OfficerSchema),
      async (request, reply) =>
        reply.status(201).send(await officers.create(request.body, await officerActor(services, request))),
    );

    app.get(
      '/officers',
      officerRoute(tags, 'List officers (administrator)', {}, Type.Array(OfficerSchema)),
      async (request) => officers.list(await officerActor(services, request)),
    );

    app.patch(
      '/officers/:officerId',
      officerRoute(
        tags,
        "Change an officer's name, roles or active flag (administrator); deactivating ends their sessions and tokens",
        { params: OfficerParams, body: OfficerChangeBody },
        OfficerSchema,
      ),
      async (request) => officers.update(await officerActor(services, request), request.params.officerId, request.body),
    );

    app.post(
      '/officers/:officerId/tokens',
      {
        schema: {
          tags,
          summary: 'Issue an API token for an officer (administrator); shown once',
          ...secured,
          params: OfficerParams,
          body: NewTokenBody,
          response: { 201: Type.Object({ token: Type.String() }), ...failures },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return reply
          .status(201)
          .send(
            await officers.issueApiToken(
              await officerActor(services, request),
              request.params.officerId,
              request.body.name,
            ),
          );
      },
    );
  };
