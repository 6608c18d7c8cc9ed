// POST /api/v1/presence/by-travel-document — the public calculator asked by travel document (BR-60): pono looks
// the movements up in the immigration records and answers with the calculation only. Privacy by design:
// * an unknown document and details that do not all agree get one and the same answer (404, the same body but
//   for the request id) after the same minimum time, so the answer cannot be used to probe who travelled;
// * rate-limited per client address, several times harder than the free-form calculator;
// * nothing of the request is stored or logged (the route logs nothing; errors carry no field values).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../app/services.ts';
import type { Config } from '../../../config/config.ts';
import { AppError } from '../../../app/errors.ts';
import { ErrorSchema as ErrorBody } from '../schemas/errors.ts';

const DocumentQuerySchema = Type.Object(
  {
    documentNumber: Type.String({
      minLength: 1,
      maxLength: 30,
      pattern: '^[A-Za-z0-9 -]+$',
      description: 'the travel document (passport) number',
    }),
    nationality: Type.String({
      minLength: 2,
      maxLength: 100,
      description: 'the state that issued the document, as printed, e.g. India',
    }),
    dateOfBirth: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'date of birth, YYYY-MM-DD' }),
    givenNames: Type.String({ minLength: 1, maxLength: 200, description: 'given names as on the document' }),
    familyName: Type.String({ minLength: 1, maxLength: 200, description: 'family name as on the document' }),
    applicationDate: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        description: 'the day you would apply, YYYY-MM-DD (default: today in New Zealand)',
      }),
    ),
  },
  { additionalProperties: false },
);

const YearSchema = Type.Object({
  sequence: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  days: Type.Integer(),
  length: Type.Integer(),
  met: Type.Boolean(),
});
const AnswerSchema = Type.Object(
  {
    applicationDate: Type.String(),
    eligible: Type.Boolean(),
    totalDays: Type.Union([Type.Integer(), Type.Null()]),
    totalMet: Type.Union([Type.Boolean(), Type.Null()]),
    years: Type.Array(YearSchema),
    earliestEligibleDate: Type.Union([Type.String(), Type.Null()]),
    exceptions: Type.Array(Type.Object({ code: Type.String(), type: Type.String(), exception: Type.String() })),
    window: Type.Object(
      { from: Type.String(), to: Type.String() },
      { description: 'the five years counted, from the application date alone' },
    ),
  },
  { description: 'the calculation only: no movement, visa, date of residence or other detail of the record' },
);

/** Every answer of this route takes at least this long, found or not, so timing tells nothing either. */
export const DOCUMENT_ANSWER_FLOOR_MS = 300;

const NZ_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Pacific/Auckland',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const presenceByDocumentRoutes =
  (services: Services, config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/presence/by-travel-document',
      {
        schema: {
          tags: ['presence'],
          summary:
            'Presence calculation by travel document: the immigration records give the movements; only the calculation is answered',
          description:
            'Give the document number, the issuing state (nationality), date of birth and name exactly as on the document. ' +
            'When they all agree with one immigration record, the answer is the presence calculation for the application date (default today) and nothing else. ' +
            'Otherwise the answer is 404 NO_MATCHING_TRAVEL_DOCUMENT, the same whichever detail differs. Nothing is stored or logged. ' +
            `Rate-limited per client address (${config.PONO_PRESENCE_DOCUMENT_RATE_LIMIT} per ${config.PONO_PRESENCE_RATE_WINDOW_SECONDS} s; 429 when exceeded).`,
          body: DocumentQuerySchema,
          response: { 200: AnswerSchema, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody },
        },
        config: {
          rateLimit: {
            max: config.PONO_PRESENCE_DOCUMENT_RATE_LIMIT,
            timeWindow: config.PONO_PRESENCE_RATE_WINDOW_SECONDS * 1000,
            errorResponseBuilder: (_request, context) =>
              new AppError(
                'rate_limited',
                `Too many travel document checks from this address: at most ${context.max} per ${config.PONO_PRESENCE_RATE_WINDOW_SECONDS} s. Retry in ${context.after}.`,
                'RATE_LIMITED',
              ),
          },
        },
      },
      async (request) => {
        const started = performance.now();
        try {
          const { applicationDate, ...query } = request.body;
          return await services.records.presenceByTravelDocument(
            query,
            applicationDate ?? NZ_DATE.format(services.clock.now()),
          );
        } finally {
          const wait = DOCUMENT_ANSWER_FLOOR_MS - (performance.now() - started);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      },
    );
  };
