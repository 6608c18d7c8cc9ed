// TypeBox schemas of the liveness session API (requests are validated by them; they become the OpenAPI document).
import { Type, type TSchema } from '@sinclair/typebox';
import { DEFAULT_LIMITS } from '../../../../app/liveness-session-types.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Challenge = Type.String({ enum: ['BLINK', 'NOD', 'SHAKE'] });
const PassFail = Type.String({ enum: ['PASS', 'FAIL'] });
/** base64 of a JPEG or PNG (a data: URL prefix is allowed); the size limit is checked after decoding too. */
const Base64Image = Type.String({ minLength: 4, maxLength: Math.ceil((DEFAULT_LIMITS.maxImageBytes * 4) / 3) + 64 });
const AttemptNumber = Type.String({ pattern: '^[1-9]$', description: 'attempt set number, 1..3' });
const Row = Type.Object({}, { additionalProperties: true });

export { ErrorSchema as ErrorBody, BusySchema, failures } from '../../schemas/errors.ts';

export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) });
export const AttemptParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  attemptId: Type.String({ format: 'uuid' }),
});
export const SessionParams = Type.Object({ sessionId: Type.String({ format: 'uuid' }) });
export const SessionAttemptParams = Type.Object({ sessionId: Type.String({ format: 'uuid' }), number: AttemptNumber });
export const FrameParams = Type.Object({
  sessionId: Type.String({ format: 'uuid' }),
  number: AttemptNumber,
  challenge: Challenge,
  index: Type.String({ pattern: '^[0-9]{1,3}$' }),
});
export const BestFrameParams = Type.Object({
  sessionId: Type.String({ format: 'uuid' }),
  number: AttemptNumber,
  challenge: Challenge,
});
export const SourceParams = Type.Object({
  sessionId: Type.String({ format: 'uuid' }),
  source: Type.String({ enum: ['PROVIDED', 'PASSPORT', 'IMMIGRATION'] }),
});
export const RefParams = Type.Object({ ref: Type.String({ pattern: '^[0-9A-Z]{6}$' }) });

export const NewSessionBody = Type.Object(
  {
    applicationReference: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{6}$' })),
    personId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    subjectReference: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'your own reference for the person (integrations)' }),
    ),
    trustedSources: Type.Optional(
      Type.Array(
        Type.Object(
          {
            source: Type.String({
              enum: ['PROVIDED', 'PASSPORT', 'IMMIGRATION'],
              description: 'PROVIDED = the application photo (required)',
            }),
            documentId: Type.Optional(
              Type.String({ minLength: 1, maxLength: 64, description: 'a casework document of the application' }),
            ),
            image: Type.Optional({ ...Base64Image, description: 'the image, base64 JPEG or PNG' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 3 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SubmitBody = Type.Object(
  {
    selfie: Type.Object({ image: Base64Image }, { additionalProperties: false }),
    captures: Type.Array(
      Type.Object(
        {
          challenge: Challenge,
          frames: Type.Array(
            Type.Object(
              {
                image: Base64Image,
                tMs: Type.Number({ minimum: 0, description: 'capture time in ms, increasing' }),
              },
              { additionalProperties: false },
            ),
            { minItems: 1, maxItems: DEFAULT_LIMITS.maxFramesPerChallenge },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 3 },
    ),
  },
  { additionalProperties: false },
);

const CaptureSchema = Type.Object({
  fps: Type.Number(),
  durationMs: Type.Number(),
  maxEdge: Type.Number(),
  countdownMs: Type.Number(),
});
const LimitsSchema = Type.Object({
  maxImageBytes: Type.Number(),
  maxFramesPerChallenge: Type.Number(),
  maxAttemptBytes: Type.Number(),
  maxImageEdge: Type.Number(),
});

export const ApplicantViewSchema = Type.Object({
  state: Type.String({ enum: ['ready', 'passed', 'try_again', 'could_not_complete', 'expired', 'used'] }),
  result: Type.Optional(Type.String({ enum: ['passed', 'try_again', 'could_not_complete'] })),
  attemptsUsed: Type.Integer(),
  attemptsRemaining: Type.Integer(),
  maxAttempts: Type.Integer(),
  attempt: Nullable(
    Type.Object({
      id: Type.String(),
      number: Type.Integer(),
      challenges: Type.Array(Challenge),
      steps: Type.Integer(),
    }),
  ),
  capture: CaptureSchema,
  limits: LimitsSchema,
});

const AttemptSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  challenges: Type.Array(Challenge),
  state: Type.String({ enum: ['OPEN', 'ANALYSING', 'DECIDED'] }),
  startedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  result: Nullable(PassFail),
  liveness: Nullable(PassFail),
  faceMatch: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
  challengeResults: Type.Array(
    Type.Object({
      challenge: Challenge,
      result: PassFail,
      score: Type.Number(),
      reasons: Type.Array(Type.String()),
      metrics: Type.Record(Type.String(), Type.Number()),
      frameCount: Type.Integer(),
      bestFrameIndex: Type.Integer(),
      evidenceFrameIndex: Type.Integer(),
    }),
  ),
  evaluation: Type.Array(Row, { description: 'seed D3 "Evaluation" rows: type, detail, result' }),
  faces: Type.Array(Row, {
    description:
      'seed D4 "Faces" rows: probe, source, label, similarity, fmr, fmrText, threshold, thresholdText, result',
  }),
  sameFace: Type.Array(Row),
  calibrationId: Nullable(Type.String()),
  timing: Nullable(Row),
});

export const SessionSchema = Type.Object({
  id: Type.String(),
  applicationId: Nullable(Type.String()),
  personId: Nullable(Type.String()),
  linkId: Nullable(Type.String()),
  subjectReference: Nullable(Type.String()),
  status: Type.String({ enum: ['NOT_STARTED', 'RETRY_AVAILABLE', 'PASSED', 'FAILED'] }),
  attemptsUsed: Type.Integer(),
  attemptsRemaining: Type.Integer(),
  attemptsExhausted: Type.Boolean(),
  options: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdByName: Type.String({ description: 'the officer who opened the session' }),
  createdByEmail: Nullable(Type.String()),
  createdAt: Type.String(),
  completedAt: Nullable(Type.String()),
  trustedSources: Type.Array(
    Type.Object({
      source: Type.String(),
      documentId: Nullable(Type.String()),
      contentType: Type.String(),
      sha256: Type.String(),
    }),
  ),
  attempts: Type.Array(AttemptSchema),
});

export const CreatedSessionSchema = Type.Object({
  session: SessionSchema,
  clientToken: Type.String({
    description: 'give it to the person’s browser only; it opens pageUrl and the applicant API',
  }),
  pageUrl: Type.String(),
});
