// Immigration records and presence over REST (SPEC P3):
// * POST /api/v1/presence/calculate: the fixed public presence contract. Anyone may call it (the
//   pre-application calculator page uses it); it is rate-limited per client address, nothing of the
//   request is stored or logged, and a bad request is a 400 whose problems name each field by the domain
//   parser's JSON pointer (e.g. /movements/3/date).
// * GET /api/v1/records/identities/{identityId} and POST /api/v1/records/match: officers only (session
//   cookie or Bearer API token; 401 without, 403 for a role that may not read records).
import { secured } from './casework/officer-route.ts';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import type { Config } from '../../../config/config.ts';
import { AppError } from '../../../app/errors.ts';
import {
  calculatePresenceRequest,
  PresenceRequestSchema,
  PresenceResponseSchema,
  type PresenceResponse,
} from '../../../domain/presence/index.ts';
import { ImmigrationRecordSchema, RECORDS_EXCEPTION_CODES } from '../../../domain/records/index.ts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../app/casework/actor.ts';
import type { App } from '../server.ts';
import { officerActor } from './casework/officer-auth.ts';
import { ErrorSchema as ErrorBody } from '../schemas/errors.ts';
import { presenceByDocumentRoutes } from './presence-by-document.ts';

const ApplicantSchema = Type.Object(
  {
    givenNames: Type.String({ minLength: 1, maxLength: 200 }),
    familyName: Type.String({ minLength: 1, maxLength: 200 }),
    dateOfBirth: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' }),
    gender: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    countryOfBirth: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const CandidateSchema = Type.Object({
  clientId: Type.String(),
  identityId: Type.String(),
  givenNames: Type.String(),
  middleNames: Type.Union([Type.String(), Type.Null()]),
  familyName: Type.String(),
  gender: Type.String(),
  dateOfBirth: Type.String(),
  assessment: Type.Object({
    strength: Type.String({ enum: ['strong', 'candidate', 'none'] }),
    nameScore: Type.Number(),
    givenScore: Type.Number(),
    familyScore: Type.Number(),
    dateOfBirth: Type.String({
      enum: ['exact', 'one digit', 'digits transposed', 'day and month swapped', 'different'],
    }),
    flags: Type.Array(Type.String()),
  }),
});

// The identity match of nz-citizenship.md R14.
const MatchResponseSchema = Type.Object({
  result: Type.String({
    enum: ['1:1', '1:N', 'No match'],
    description:
      'One identity matched, several matched (none picked), or none. The service being down is a 503 ("API error"), never a finding.',
  }),
  match: Type.Union([CandidateSchema, Type.Null()], {
    description: 'The matched identity on 1:1 only; never picked on 1:N.',
  }),
  candidates: Type.Array(CandidateSchema, {
    description: '1:N: every candidate, best first, for an officer to review.',
  }),
  nearMisses: Type.Array(CandidateSchema, { description: 'No match: a single weaker candidate, if any.' }),
  exceptions: Type.Array(
    Type.Object({
      code: Type.String({ enum: [...RECORDS_EXCEPTION_CODES] }),
      type: Type.String(),
      exception: Type.String(),
    }),
  ),
});

/** The contract's response schema, typed as the domain's response (the literal union of codes infers poorly). */
const PresenceResponseBody = Type.Unsafe<PresenceResponse>({ ...PresenceResponseSchema });

const IdentityParams = Type.Object({ identityId: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }) });

const officerFailures = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 503: ErrorBody };

/** Lets every body through to the handler, which checks it with the domain parser (field-precise paths). */
const acceptAnyBody = () => (data: unknown) => ({ value: data });

const routes =
  (services: Services, config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Officers are identified before the body is checked, so a caller without credentials always gets 401.
    const actors = new WeakMap<FastifyRequest, Actor>();
    const authenticate = async (request: FastifyRequest) => {
      actors.set(request, await officerActor(services, request));
    };
    const actorOf = (request: FastifyRequest): Actor => {
      const actor = actors.get(request);
      if (actor === undefined) throw new AppError('unauthenticated', 'Sign in', 'UNAUTHENTICATED');
      return actor;
    };

    app.post(
      '/presence/calculate',
      {
        schema: {
          tags: ['presence'],
          summary: 'Presence calculation (s 8(2)(b) Citizenship Act 1977): the fixed public contract',
          description:
            "Five yearly periods before the application date, the 1,350 / 240-day tests, the earliest eligible date and the seed's exceptions. " +
            'Nothing of the request is stored or logged. Rate-limited per client address (429 when exceeded).',
          body: PresenceRequestSchema,
          response: { 200: PresenceResponseBody, 400: ErrorBody, 429: ErrorBody },
        },
        validatorCompiler: acceptAnyBody,
        config: {
          rateLimit: {
            max: config.PONO_PRESENCE_RATE_LIMIT,
            timeWindow: config.PONO_PRESENCE_RATE_WINDOW_SECONDS * 1000,
            errorResponseBuilder: (_request, context) =>
              new AppError(
                'rate_limited',
                `Too many presence calculations from this address: at most ${context.max} per ${config.PONO_PRESENCE_RATE_WINDOW_SECONDS} s. Retry in ${context.after}.`,
                'RATE_LIMITED',
              ),
          },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        const result = calculatePresenceRequest(body === undefined ? null : body);
        if (!result.ok) {
          const problems = result.errors.map((e) => ({ field: e.path === '' ? '(body)' : e.path, message: e.message }));
          throw new AppError(
            'invalid',
            `Invalid presence request: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
            'INVALID_REQUEST',
            problems,
          );
        }
        return result.response;
      },
    );

    app.get(
      '/records/identities/:identityId',
      {
        schema: {
          tags: ['immigration records'],
          summary: 'One INZ identity with its travel documents, movements, visas and alerts (officers)',
          ...secured,
          params: IdentityParams,
          response: { 200: ImmigrationRecordSchema, 404: ErrorBody, ...officerFailures },
        },
        preValidation: authenticate,
      },
      async (request) => services.records.getIdentity(actorOf(request), request.params.identityId),
    );

    app.post(
      '/records/match',
      {
        schema: {
          tags: ['immigration records'],
          summary: 'Identity match of an applicant against the immigration records (officers)',
          ...secured,
          body: ApplicantSchema,
          response: { 200: MatchResponseSchema, ...officerFailures },
        },
        preValidation: authenticate,
      },
      async (request) => services.records.matchApplicant(actorOf(request), request.body),
    );
  };

export function recordsPlugin(services: Services, config: Config): (app: App) => Promise<void> {
  return async (app) => {
    await app.register(async (scope) => {
      // In this scope only, so other parts of pono register their own limits.
      await scope.register(rateLimit, { global: false });
      await scope.register(routes(services, config), { prefix: '/api/v1' });
      await scope.register(presenceByDocumentRoutes(services, config), { prefix: '/api/v1' });
    });
  };
}
